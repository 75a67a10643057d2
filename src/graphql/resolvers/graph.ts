import { GraphQLScalarType } from 'graphql';
import { present, type ViewEdge, type ViewNode } from '../../export/view.js';
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
  // A view's elements have ids of their own (a GraphNode is not the Place it shows: clients
  // such as Relay key their store by id) and point at what they show through entityId.
  GraphNode: {
    id: (n: ViewNode) => `viewnode:${n.id}`,
    entityId: (n: ViewNode) => n.id,
  },
  GraphEdge: {
    id: (e: ViewEdge) => `viewedge:${e.id}`,
    source: (e: ViewEdge) => `viewnode:${e.source}`,
    target: (e: ViewEdge) => `viewnode:${e.target}`,
    sourceEntityId: (e: ViewEdge) => e.source,
    targetEntityId: (e: ViewEdge) => e.target,
    entityId: (e: ViewEdge) => (e.type === 'MENTORS' ? e.id : null),
  },
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
