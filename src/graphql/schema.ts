import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getNullableType, isListType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { listSizeOf } from './cost.js';
import type { Context } from './context.js';
import { graphResolvers } from './resolvers/graph.js';
import { mutationResolvers } from './resolvers/mutation.js';
import { queryResolvers } from './resolvers/query.js';
import { typeResolvers } from './resolvers/types.js';

/** Schema-first: the SDL in schema/*.graphql is the contract; resolvers attach to it. */
export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema');

export function loadTypeDefs(dir = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

export function buildSchema() {
  const schema = createSchema<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: [typeResolvers, queryResolvers, mutationResolvers, graphResolvers] as never,
  });
  enforceListBounds(schema);
  return schema;
}

/**
 * An unpaged list declared `@listSize(assumedSize: N)` returns at most N items: the cost
 * model prices it at N, so the bound must be true of the answer too.
 */
function enforceListBounds(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const spec = listSizeOf(field as never);
      if (!spec || spec.slicingArguments.length || spec.assumedSize === undefined || !isListType(getNullableType(field.type))) continue;
      const bound = spec.assumedSize;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (...args) => {
        const cut = (v: unknown) => (Array.isArray(v) && v.length > bound ? v.slice(0, bound) : v);
        const out = resolve(...args);
        return out instanceof Promise ? out.then(cut) : cut(out);
      };
    }
  }
}
