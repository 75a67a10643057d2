import type { ServerResponse } from 'node:http';

/** A JSON answer for the non-GraphQL routes (probes, exports, errors). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
