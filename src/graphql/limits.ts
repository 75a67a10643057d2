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

  return [armor, introspection, cost];
}

/**
 * The response size limit, measured on the JSON yoga sends. Serialised here once: the text
 * rides on the result as its `stringify` (which yoga's result processor calls instead of
 * JSON.stringify), so an answer is not serialised twice. Register it after every plugin that
 * rewrites the result in onExecuteDone — a later rewrite (a new object) is serialised afresh.
 */
export function responseSizePlugin(limits: Limits): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in (result as object)) return;
          const text = JSON.stringify(result);
          const bytes = Buffer.byteLength(text);
          if (bytes <= limits.maxResponseBytes) {
            // (yoga hands the processor a copy without internals when there are errors or an
            // http extension: that copy is serialised afresh.)
            const sized: Record<string, unknown> = { ...(result as object) };
            sized.stringify = (r: unknown) => (r === sized ? text : JSON.stringify(r));
            setResult(sized as never);
            return;
          }
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
}


