import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Db } from '../db/gateway.js';
import { jsonResponse } from './json.js';

/** GET /ready: 200 when Neo4j runs `RETURN 1` within LIMITS.probeTimeoutMs, else 503 (always within 2 s). */
export function useReady(db: Db): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async () =>
      (await db.probe())
        ? jsonResponse(200, { status: 'ready' })
        : jsonResponse(503, { status: 'unavailable', reason: 'Neo4j does not answer' }, { 'retry-after': '5' }),
  });
}
