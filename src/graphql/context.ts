import type { Db } from '../db/gateway.js';
import { createLoaders, type Loaders } from '../query/neighbours.js';

/** Per request: a database handle that counts round-trips and fresh DataLoaders. */
export interface Context {
  db: Db;
  loaders: Loaders;
}

export function createContext(baseDb: Db): Context {
  const db = baseDb.scoped();
  return { db, loaders: createLoaders(db) };
}
