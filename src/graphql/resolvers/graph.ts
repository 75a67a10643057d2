import { GraphQLScalarType } from 'graphql';
import { present } from '../../export/view.js';
import { checkTypes, DEFAULT_VIEW_TYPES, neighbourhood, shortestPath } from '../../query/graph.js';
import type { Context } from '../context.js';

export const graphResolvers = {
  JSON: new GraphQLScalarType({
    name: 'JSON',
    description: 'Any JSON value',
    serialize: (v) => v,
    parseValue: (v) => v,
  }),
  Query: {
    graph: async (_: unknown, a: { focus: string[]; depth: number; types?: string[]; limit: number }, ctx: Context) =>
      present(await neighbourhood(ctx.db, a.focus, a.depth, checkTypes(a.types, DEFAULT_VIEW_TYPES), a.limit)),
    path: async (_: unknown, a: { from: string; to: string; maxHops: number }, ctx: Context) => {
      const raw = await shortestPath(ctx.db, a.from, a.to, a.maxHops);
      return raw ? present(raw) : null;
    },
  },
};
