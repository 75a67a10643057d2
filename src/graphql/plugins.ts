import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.js';
import type { Context } from './context.js';

/** Query limits: depth, cost, aliases (no allowlist), tokens, directives; no field suggestions. */
export function armor(limits: Limits): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases, allowList: [] },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }) as Plugin;
}

/** Reports how many Cypher round-trips a request made, in `extensions.cypherQueries`. */
export function queryCountPlugin(): Plugin<Context> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in (result as object)) return;
          const r = result as { extensions?: Record<string, unknown> };
          setResult({ ...r, extensions: { ...(r.extensions ?? {}), cypherQueries: (args.contextValue as Context).db.queryCount } } as never);
        },
      };
    },
  };
}
