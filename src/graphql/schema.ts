import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSchema } from 'graphql-yoga';
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
  return createSchema<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: [typeResolvers, queryResolvers, mutationResolvers, graphResolvers] as never,
  });
}
