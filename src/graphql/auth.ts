import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Context } from './context.js';

export class UnauthorizedError extends AppError {
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED', 401);
  }
}

/** Mutations need the server's INGEST_API_KEY; compared in constant time. */
export function requireApiKey(ctx: Context): void {
  if (!ctx.apiKey) throw new UnauthorizedError('ingestion over GraphQL is disabled: the server has no INGEST_API_KEY');
  const given = ctx.presentedKey;
  if (!given) throw new UnauthorizedError('this mutation needs the API key: send "Authorization: Bearer <key>" or "X-Api-Key: <key>"');
  const a = Buffer.from(given);
  const b = Buffer.from(ctx.apiKey);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new UnauthorizedError('the API key is not valid');
}
