import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getNullableType, isListType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver } from 'graphql';
import { DateResolver } from 'graphql-scalars';
import { createSchema } from 'graphql-yoga';
import { BadInputError } from '../errors.js';
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
    resolvers: [typeResolvers, queryResolvers, mutationResolvers, graphResolvers, { Date: DateResolver }] as never,
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
      if (!spec || spec.assumedSize === undefined || !isListType(getNullableType(field.type))) continue;
      const max = spec.assumedSize;
      const slicing = spec.slicingArguments.find((a) => field.args.some((d) => d.name === a));
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (...args) => {
        // A nested list's `first` (default and maximum: its bound) cuts it further.
        const asked = slicing ? (args[1] as Record<string, unknown>)[slicing] : undefined;
        if (typeof asked === 'number' && (!Number.isInteger(asked) || asked < 0)) {
          throw new BadInputError(`"${slicing}" of ${type.name}.${field.name} must be a whole number from 0 to ${max}, got ${asked}`);
        }
        const bound = typeof asked === 'number' ? Math.min(asked, max) : max;
        const cut = (v: unknown) => (Array.isArray(v) && v.length > bound ? v.slice(0, bound) : v);
        const out = resolve(...args);
        return out instanceof Promise ? out.then(cut) : cut(out);
      };
    }
  }
}
