import { z } from 'zod';
import type { NodeLabel } from '../../model.js';
import { listNodes, listParties, type ListArgs } from '../../query/list.js';
import { pageSize } from '../../query/page.js';
import { initiativeActivity, timeline, type OverviewArgs } from '../../query/overview.js';
import { regions, type RegionArgs } from '../../query/regions.js';
import { search } from '../../query/search.js';
import { stats } from '../../query/stats.js';
import { check, DateRange, FilterText, isoDay, ListFilter, NodeId, SearchArgs } from '../../validation.js';
import type { Context } from '../context.js';

/** Root query fields: argument checks (validation.ts), then one call into the query layer. */
function checkFilter(args: ListArgs): ListArgs {
  const f = args.filter as (ListArgs['filter'] & { published?: { from?: Date | string | null; to?: Date | string | null } | null }) | undefined;
  const published = f?.published ? { from: isoDay(f.published.from) ?? null, to: isoDay(f.published.to) ?? null } : null;
  const filter = f ? { ...f, published } : f;
  check(z.object({ filter: ListFilter }), { filter });
  return { ...args, filter };
}

const list = (label: NodeLabel) => (_: unknown, args: ListArgs, ctx: Context) => listNodes(ctx.db, label, checkFilter(args));

export const queryResolvers = {
  Query: {
    node: (_: unknown, { id }: { id: string }, ctx: Context) => ctx.loaders.byId.load(check(z.object({ id: NodeId }), { id }).id),
    nodes: (_: unknown, { ids }: { ids: string[] }, ctx: Context) =>
      ctx.loaders.byId.loadMany(check(z.object({ ids: z.array(NodeId).max(100, 'at most 100 ids at once') }), { ids }).ids),
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
      const v = check(SearchArgs, args);
      return search(ctx.db, v.query, v.first, args.types);
    },
    regions: (_: unknown, args: RegionArgs, ctx: Context) => {
      check(z.object({ within: FilterText.nullish() }), { within: args.within });
      return regions(ctx.db, args, pageSize(args.first));
    },
    timeline: (_: unknown, args: OverviewArgs, ctx: Context) => {
      const published = args.published ? { from: isoDay(args.published.from) ?? null, to: isoDay(args.published.to) ?? null } : null;
      check(z.object({ within: FilterText.nullish(), published: DateRange.nullish() }), { within: args.within, published });
      return timeline(ctx.db, { within: args.within, published });
    },
    initiativeActivity: (_: unknown, args: OverviewArgs, ctx: Context) => {
      check(z.object({ within: FilterText.nullish() }), { within: args.within });
      return initiativeActivity(ctx.db, args, pageSize(args.first));
    },
    stats: async (_: unknown, _a: unknown, ctx: Context) => ({ id: 'stats', ...(await stats(ctx.db)) }),
  },
};
