import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { NodeLabel } from '../../model.js';
import type { LevelAhead } from '../../query/level.js';
import { listNodes, listParties, type ListArgs } from '../../query/list.js';
import { pageSize } from '../../query/page.js';
import { initiativeActivity, timeline, type OverviewArgs } from '../../query/overview.js';
import { regions, type RegionArgs } from '../../query/regions.js';
import { search } from '../../query/search.js';
import { stats } from '../../query/stats.js';
import { check, DateRange, FilterText, isoDay, ListFilter, NodeId, SearchArgs } from '../../validation.js';
import type { Context } from '../context.js';
import { labelOfId } from '../../query/neighbours.js';
import { connectionNodeFields, fieldsOfType, pageFieldsAhead, walkSelection } from '../selection.js';
import { aheadOf, prefetchOf, typeResolvers } from './types.js';

type DateArg = Date | string | null | undefined;
/** A DateRange argument as the store keeps dates (YYYY-MM-DD), or null. */
const dayRange = (r: { from?: DateArg; to?: DateArg } | null | undefined) => (r ? { from: isoDay(r.from) ?? null, to: isoDay(r.to) ?? null } : null);
const checkWithin = (within: string | null | undefined) => check(z.object({ within: FilterText.nullish() }), { within });

/** Root query fields: argument checks (validation.ts), then one call into the query layer. */
function checkFilter(args: ListArgs): ListArgs {
  const f = args.filter as (ListArgs['filter'] & { published?: { from?: DateArg; to?: DateArg } | null }) | undefined;
  const filter = f ? { ...f, published: dayRange(f.published) } : f;
  check(z.object({ filter: ListFilter }), { filter });
  return { ...args, filter };
}

/** The neighbour fields asked of every node of the page, read with the page (list.ts). */
function aheadFor(info: GraphQLResolveInfo, ctx: Context): LevelAhead[] {
  return pageFieldsAhead(info).flatMap(({ type, field, fields }) => {
    const a = aheadOf((typeResolvers as Record<string, Record<string, unknown>>)[type]?.[field]);
    const read = a && ctx.loaders.ahead(a === 'mentions' ? { mentionsOf: type as NodeLabel } : a, fields);
    return read ? [read] : [];
  });
}

/**
 * node(id): the node's neighbour fields that the query asks for are started with the node, so
 * that the node and its neighbours are read in one statement (the loaders of a tick share one,
 * level.ts) rather than the node first and its fields after. The id says the node's type.
 */
function prefetchFields(info: GraphQLResolveInfo, ctx: Context, id: string): void {
  const label = labelOfId(id);
  const type = label && info.schema.getType(label);
  if (!label || !isObjectType(type)) return;
  const resolvers = (typeResolvers as Record<string, Record<string, unknown>>)[label] ?? {};
  for (const nodes of fieldsOfType(info, type).values()) {
    const field = nodes[0]!.name.value;
    const pf = prefetchOf(resolvers[field]);
    const def = type.getFields()[field];
    if (!pf || !def) continue;
    try {
      pf(id, label, getArgumentValues(def, nodes[0]!, info.variableValues), ctx, walkSelection({ fieldNodes: nodes, fragments: info.fragments }));
    } catch {
      // Bad arguments: the field's resolver says so when it runs.
    }
  }
}

const list = (label: NodeLabel) => (_: unknown, args: ListArgs, ctx: Context, info: GraphQLResolveInfo) =>
  listNodes(ctx.db, label, checkFilter(args), aheadFor(info, ctx), connectionNodeFields(info));

export const queryResolvers = {
  Query: {
    node: (_: unknown, { id }: { id: string }, ctx: Context, info: GraphQLResolveInfo) => {
      const valid = check(z.object({ id: NodeId }), { id }).id;
      const row = ctx.loaders.byId.load(valid);
      prefetchFields(info, ctx, valid);
      return row;
    },
    nodes: (_: unknown, { ids }: { ids: string[] }, ctx: Context, info: GraphQLResolveInfo) => {
      const valid = check(z.object({ ids: z.array(NodeId).max(100, 'at most 100 ids at once') }), { ids }).ids;
      const rows = ctx.loaders.byId.loadMany(valid);
      for (const id of valid) prefetchFields(info, ctx, id);
      return rows;
    },
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
      checkWithin(args.within);
      return regions(ctx.db, args, pageSize(args.first));
    },
    timeline: (_: unknown, args: OverviewArgs, ctx: Context) => {
      const published = dayRange(args.published);
      check(z.object({ within: FilterText.nullish(), published: DateRange.nullish() }), { within: args.within, published });
      return timeline(ctx.db, { within: args.within, published });
    },
    initiativeActivity: (_: unknown, args: OverviewArgs, ctx: Context) => {
      checkWithin(args.within);
      return initiativeActivity(ctx.db, args, pageSize(args.first));
    },
    stats: async (_: unknown, _a: unknown, ctx: Context) => ({ id: 'stats', ...(await stats(ctx.db)) }),
  },
};
