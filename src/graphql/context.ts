import type { Db } from '../db/gateway.js';
import type { AuthFailures } from '../http/rate-limit.js';
import type { ArticlePreparer } from '../ingest/worker/pool.js';
import { createLoaders, type Loaders } from '../query/neighbours.js';

/** Per request: a database handle that counts round-trips, fresh DataLoaders, who asks and with which key. */
export interface Context {
  db: Db;
  loaders: Loaders;
  /** The server's key (INGEST_API_KEY); undefined disables mutations. */
  apiKey?: string;
  /** The key the request presented, if any. */
  presentedKey?: string;
  /** The client's address (for the rate limits and the audit log). */
  client: string;
  authFailures?: AuthFailures;
  /** Parses and extracts articles off the event loop; without it, in-process (CLI, tests). */
  preparer?: ArticlePreparer;
}

export function createContext(
  baseDb: Db,
  opts: { request?: Request; apiKey?: string; client?: string; authFailures?: AuthFailures; preparer?: ArticlePreparer } = {},
): Context {
  const db = baseDb.scoped();
  const auth = opts.request?.headers.get('authorization') ?? '';
  const presentedKey = /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? opts.request?.headers.get('x-api-key') ?? undefined;
  return {
    db,
    loaders: createLoaders(db),
    apiKey: opts.apiKey,
    presentedKey,
    client: opts.client ?? 'local',
    authFailures: opts.authFailures,
    preparer: opts.preparer,
  };
}
