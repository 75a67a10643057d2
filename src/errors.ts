import { GraphQLError } from 'graphql';

/**
 * The few errors a user can act on. Everything else is masked by yoga as
 * "Unexpected error." and logged with its cause.
 */
export class AppError extends GraphQLError {
  constructor(message: string, code: string, httpStatus: number, cause?: unknown) {
    super(message, { extensions: { code, http: { status: httpStatus } }, originalError: cause instanceof Error ? cause : undefined });
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
    super('The graph database is unavailable right now; try again shortly.', 'DATABASE_UNAVAILABLE', 503, cause);
  }
}

/** Which of the request limits refused a query (README, "Limits"). */
export type LimitName = 'depth' | 'aliases' | 'tokens' | 'directives' | 'cost' | 'responseSize';

/**
 * A query refused by a limit before (or instead of) running. Status 400 only for clients that
 * ask for application/graphql-response+json; GraphQL over HTTP keeps 200 for application/json.
 * The message says what to change, never the limit's internals (thresholds, computed costs).
 */
export class LimitError extends GraphQLError {
  constructor(message: string, limit: LimitName, code = 'QUERY_TOO_COMPLEX') {
    super(message, { extensions: { code, limit, http: { status: 400, spec: true } } });
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
