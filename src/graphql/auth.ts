import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import { audit } from '../logger.js';
import type { Context } from './context.js';

export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED', 401);
  }
}

export class TooManyFailuresError extends AppError {
  constructor(seconds: number) {
    super(`too many failed API keys from this address; try again in ${seconds} s`, 'RATE_LIMITED', 429);
  }
}

/**
 * Mutations need the server's INGEST_API_KEY, compared in constant time. A client that has
 * sent too many wrong keys this minute is refused before its key is compared; every failure
 * is an audit line (address and operation, never the key).
 */
export async function requireApiKey(ctx: Context, operation: string): Promise<void> {
  if (!ctx.apiKey) throw new UnauthorizedError('ingestion over GraphQL is disabled: the server has no INGEST_API_KEY');
  const blockedMs = (await ctx.authFailures?.blockedFor(ctx.client)) ?? 0;
  if (blockedMs > 0) {
    audit.warn({ who: ctx.client, operation, result: 'rate-limited' }, 'auth refused: too many failed keys');
    throw new TooManyFailuresError(Math.ceil(blockedMs / 1000));
  }
  const given = ctx.presentedKey;
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(ctx.apiKey);
  if (given && a.length === b.length && timingSafeEqual(a, b)) return;
  await ctx.authFailures?.failed(ctx.client);
  audit.warn({ who: ctx.client, operation, result: given ? 'bad-key' : 'no-key' }, 'auth failed');
  if (!given) throw new UnauthorizedError('this mutation needs the API key: send "Authorization: Bearer <key>" or "X-Api-Key: <key>"');
  throw new UnauthorizedError('the API key is not valid');
}
