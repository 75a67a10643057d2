import { GraphQLScalarType } from 'graphql';
import { present } from '../../export/view.js';
import { DEFAULT_VIEW_TYPES, neighbourhood, shortestPath } from '../../query/graph.js';
import { check, PathArgs, ViewArgs } from '../../validation.js';
import type { Context } from '../context.js';

export const graphResolvers = {
  JSON: new GraphQLScalarType({
    name: 'JSON',
    description: 'Any JSON value',
    serialize: (v) => v,
    parseValue: (v) => v,
  }),
  Query: {
    graph: async (_: unknown, a: unknown, ctx: Context) => {
      const v = check(ViewArgs, a);
      return present(await neighbourhood(ctx.db, v.focus, v.depth, v.types?.length ? v.types : DEFAULT_VIEW_TYPES, v.limit));
    },
    path: async (_: unknown, a: unknown, ctx: Context) => {
      const v = check(PathArgs, a);
      const raw = await shortestPath(ctx.db, v.from, v.to, v.maxHops);
      return raw ? present(raw) : null;
    },
  },
};
