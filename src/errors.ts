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
