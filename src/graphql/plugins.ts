import { GraphQLError, type ExecutionResult } from 'graphql';
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

/**
 * A variable that does not fit its type (a publishedAt of 18/09/2023 for a Date) is the
 * client's mistake like any bad argument: graphql-js reports it without a code, so it gets
 * BAD_USER_INPUT here, as Apollo Server does, and clients can tell it from a server fault.
 */
export function variableErrorsPlugin(): Plugin<Context> {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in (result as object)) return;
          const r = result as ExecutionResult;
          if (!r.errors?.some((e) => !e.extensions?.code && /^Variable "\$/.test(e.message))) return;
          setResult({
            ...r,
            errors: r.errors.map((e) =>
              !e.extensions?.code && /^Variable "\$/.test(e.message)
                ? new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'BAD_USER_INPUT', http: { status: 400, spec: true } } })
                : e,
            ),
          });
        },
      };
    },
  };
}
