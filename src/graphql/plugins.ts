import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.js';

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
