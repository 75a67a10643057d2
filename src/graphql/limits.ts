import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.js';
import { LimitError, type LimitName } from '../errors.js';
import { logger } from '../logger.js';
import { queryCost } from './cost.js';

/**
 * Every limit a GraphQL request meets, in the order it meets them: tokens (parse), depth,
 * aliases, directives (validation), cost (before execution, with the variables), response
 * size (after execution). Each refusal is a LimitError with its own code (LIMIT_CODES:
 * DEPTH_LIMIT_EXCEEDED, …, RESPONSE_TOO_LARGE) and a message that says what to change.
 */
const ADVICE: Record<Exclude<LimitName, 'cost' | 'responseSize'>, string> = {
  tokens: 'The query is too long. Split it into several smaller queries.',
  depth: 'The query nests fields too deeply. Ask for fewer levels of nested fields, or split it into several queries.',
  aliases: 'The query uses too many aliases. Ask for fewer aliased fields, or split it into several queries.',
  directives: 'The query uses too many directives. Remove repeated @include/@skip directives.',
};

const reject = (limit: keyof typeof ADVICE) => [
  () => {
    throw new LimitError(ADVICE[limit], limit);
  },
];

export function limitPlugins(limits: Limits, opts: { introspection: boolean }): Plugin[] {
  const armor = EnvelopArmorPlugin({
    maxTokens: { n: limits.maxTokens, exposeLimits: false, onReject: reject('tokens') },
    // Fragments do not count as levels: clients such as Relay spread a fragment per component.
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: false, onReject: reject('depth') },
    // `__typename` aliases are not counted: Relay adds `__isNode: __typename` per abstract
    // spread itself. The token and cost limits bound a flood of them.
    maxAliases: { n: limits.maxAliases, allowList: ['__typename'], exposeLimits: false, onReject: reject('aliases') },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: false, onReject: reject('directives') },
    // Our cost model below prices variables and unpaged lists; armor's only sees literals.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }) as Plugin;

  const introspection: Plugin = {
    onValidate({ addValidationRule }) {
      if (!opts.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };

  const cost: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const price = queryCost(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown>, {
        defaultPageSize: limits.defaultPageSize,
        maxPageSize: limits.maxPageSize,
      });
      if (price > limits.maxCost) {
        logger.info({ cost: price, max: limits.maxCost }, 'query refused by the cost limit');
        setResultAndStopExecution({
          errors: [
            new LimitError(
              'The query asks for too many objects at once: every list multiplies what is below it (first × nested lists × aliases). ' +
                'Ask for smaller pages (first), fewer nested lists, leave out Article.text, and page through the rest with after.',
              'cost',
            ),
          ],
        });
      }
    },
  };

  const responseSize: Plugin = {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in (result as object)) return;
          // Most answers are far below the limit: a walk that bounds their size from above spares
          // serialising every answer twice; only a large one is measured exactly.
          if (jsonBytesAtMost(result, limits.maxResponseBytes)) return;
          const bytes = Buffer.byteLength(JSON.stringify(result));
          if (bytes <= limits.maxResponseBytes) return;
          logger.warn({ bytes, max: limits.maxResponseBytes }, 'response refused by the size limit');
          setResult({
            errors: [
              new LimitError(
                'The answer is too large to send. Ask for fewer objects or smaller pages (large fields such as Article.text add up quickly), and page through the rest.',
                'responseSize',
              ),
            ],
          });
        },
      };
    },
  };

  return [armor, introspection, cost, responseSize];
}

/**
 * Whether `value` serialises to JSON in at most `limit` bytes, by an upper bound: a UTF-8
 * character is at most 3 bytes per UTF-16 unit, an escape at most 6. Stops as soon as the bound
 * passes the limit (false then means "measure it").
 */
export function jsonBytesAtMost(value: unknown, limit: number): boolean {
  let bytes = 0;
  const walk = (v: unknown): boolean => {
    if (typeof v === 'string') bytes += v.length * 6 + 2;
    else if (v === null || typeof v !== 'object') bytes += 24;
    else if (Array.isArray(v)) {
      bytes += 2 + v.length;
      for (const x of v) if (!walk(x)) return false;
    } else {
      bytes += 2;
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined) continue;
        bytes += k.length * 6 + 4;
        if (!walk(x)) return false;
      }
    }
    return bytes <= limit;
  };
  return walk(value);
}
