import type { Db } from '../db/gateway.js';
import { createLoaders, type Loaders } from '../query/neighbours.js';

/** Per request: a database handle that counts round-trips, fresh DataLoaders, the API key. */
export interface Context {
  db: Db;
  loaders: Loaders;
  /** The server's key (INGEST_API_KEY); undefined disables mutations. */
  apiKey?: string;
  /** The key the request presented, if any. */
  presentedKey?: string;
}

export function createContext(baseDb: Db, request?: Request, apiKey?: string): Context {
  const db = baseDb.scoped();
  const auth = request?.headers.get('authorization') ?? '';
  const presentedKey = /^Bearer\s+(\S+)$/i.exec(auth)?.[1] ?? request?.headers.get('x-api-key') ?? undefined;
  return { db, loaders: createLoaders(db), apiKey, presentedKey };
}
