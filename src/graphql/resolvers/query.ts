import { BadInputError } from '../../errors.js';
import type { NodeLabel } from '../../model.js';
import { listNodes, listParties, type ListArgs } from '../../query/list.js';
import { labelOfId } from '../../query/neighbours.js';
import { search } from '../../query/search.js';
import { stats } from '../../query/stats.js';
import type { Context } from '../context.js';

/** Root query fields: argument checks, then one call into the query layer. */
const MAX_FILTER_TEXT = 100;

function checkFilter(args: ListArgs): ListArgs {
  for (const [k, v] of Object.entries(args.filter ?? {})) {
    if (typeof v === 'string' && (v.trim() === '' || v.length > MAX_FILTER_TEXT)) {
      throw new BadInputError(`filter.${k} must be 1 to ${MAX_FILTER_TEXT} characters, got ${v.length}`);
    }
  }
  return args;
}

const list = (label: NodeLabel) => (_: unknown, args: ListArgs, ctx: Context) => listNodes(ctx.db, label, checkFilter(args));

export const queryResolvers = {
  Query: {
    node: (_: unknown, { id }: { id: string }, ctx: Context) => (labelOfId(id) ? ctx.loaders.byId.load(id) : null),
    places: list('Place'),
    initiatives: list('Initiative'),
    people: list('Person'),
    cohorts: list('Cohort'),
    organizations: list('Organization'),
    mentorships: list('Mentorship'),
    figures: list('Figure'),
    articles: list('Article'),
    mentors: (_: unknown, args: ListArgs, ctx: Context) => listParties(ctx.db, 'MENTOR_IN', checkFilter(args)),
    mentees: (_: unknown, args: ListArgs, ctx: Context) => listParties(ctx.db, 'MENTEE_IN', checkFilter(args)),
    search: (_: unknown, args: { query: string; first?: number; types?: string[] }, ctx: Context) => {
      if (args.first !== undefined && args.first !== null && args.first < 1) throw new BadInputError('"first" must be at least 1');
      return search(ctx.db, args.query, args.first, args.types);
    },
    stats: (_: unknown, _a: unknown, ctx: Context) => stats(ctx.db),
  },
};
