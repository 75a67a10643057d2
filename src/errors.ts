import { GraphQLError } from 'graphql';

/**
 * The few errors a user can act on. Everything else is masked by yoga as
 * "Unexpected error." and logged with its cause.
 *
 * GraphQL over HTTP: the status is sent only to clients that ask for
 * application/graphql-response+json; application/json gets 200 with the error in the body
 * (`spec: true`), which is what Apollo Client and Relay read error codes from. The exception
 * (`alwaysStatus`) is a server that cannot run the request at all (503): proxies, load
 * balancers and retrying clients act on that status, whatever the media type.
 */
export class AppError extends GraphQLError {
  constructor(message: string, code: string, httpStatus: number, cause?: unknown, opts: { alwaysStatus?: boolean } = {}) {
    // The cause is kept for logs, not as `originalError`: yoga masks a GraphQL error whose
    // original error is not one (a driver error) as INTERNAL_SERVER_ERROR, losing our code.
    super(message, { extensions: { code, http: { status: httpStatus, spec: !opts.alwaysStatus } } });
    if (cause !== undefined) Object.defineProperty(this, 'cause', { value: cause, enumerable: false });
    this.name = new.target.name;
  }
}

/** Bad arguments: says which argument and what is allowed. */
export class BadInputError extends AppError {
  constructor(message: string) {
    super(message, 'BAD_USER_INPUT', 400);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super(message, 'NOT_FOUND', 404);
  }
}

/** The database cannot be reached or is overloaded; retrying later can help. */
export class DatabaseUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super('The graph database is unavailable right now; try again shortly.', 'DATABASE_UNAVAILABLE', 503, cause, { alwaysStatus: true });
  }
}

/** Which of the request limits refused a query (README, "Limits"). */
export type LimitName = 'depth' | 'aliases' | 'tokens' | 'directives' | 'cost' | 'responseSize';

/** Each limit has its own code, so that a client can tell which one to act on. */
export const LIMIT_CODES: Record<LimitName, string> = {
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
  responseSize: 'RESPONSE_TOO_LARGE',
};

/**
 * A query refused by a limit before (or instead of) running. Status 400 only for clients that
 * ask for application/graphql-response+json; GraphQL over HTTP keeps 200 for application/json.
 * The message says what to change, never the limit's internals (thresholds, computed costs).
 */
export class LimitError extends GraphQLError {
  constructor(message: string, limit: LimitName) {
    super(message, { extensions: { code: LIMIT_CODES[limit], limit, http: { status: 400, spec: true } } });
    this.name = 'LimitError';
  }
}

/** Not a GraphQL error: start-up problems the operator must fix (config, Java, Maven). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Curated seed data or an article that cannot be turned into facts. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** The one place where driver errors become ours. */
export function mapDriverError(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code;
  if (code && (UNAVAILABLE_CODES.has(code) || /acquisition timed out/i.test(String((err as Error).message)))) {
    return new DatabaseUnavailableError(err);
  }
  return err;
}
