import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/gateway.js';
import { AppError } from '../errors.js';
import { FORMATS, render, type Format } from '../export/formats.js';
import { present } from '../export/view.js';
import { NODE_LABELS } from '../model.js';
import { checkTypes, DEFAULT_VIEW_TYPES, neighbourhood, wholeGraph } from '../query/graph.js';
import { sendJson } from './json.js';

/**
 * GET /export/graph.{json,graphml,gexf}: the whole graph, or with ?focus=<id>&depth=<n>
 * (focus may repeat) a neighbourhood; ?types=Place,Initiative limits node types.
 */
export const EXPORT_PATH = /^\/export\/graph\.(json|graphml|gexf)$/;

const fail = (res: ServerResponse, status: number, message: string) => sendJson(res, status, { error: message });

export async function handleExport(db: Db, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'exports are read with GET');
  const format = EXPORT_PATH.exec(url.pathname)![1] as Format;
  const focus = url.searchParams.getAll('focus').flatMap((f) => f.split(',')).filter(Boolean);
  const depthRaw = url.searchParams.get('depth') ?? '1';
  const typesRaw = url.searchParams.get('types');
  try {
    if (!/^\d+$/.test(depthRaw)) throw new AppError(`depth must be a whole number, got ${JSON.stringify(depthRaw)}`, 'BAD_USER_INPUT', 400);
    const types = typesRaw ? checkTypes(typesRaw.split(','), NODE_LABELS) : undefined;
    const raw = focus.length
      ? await neighbourhood(db, focus, Number(depthRaw), types ?? DEFAULT_VIEW_TYPES, 2000)
      : await wholeGraph(db, types ?? [...NODE_LABELS]);
    const body = render(present(raw), format);
    res.writeHead(200, {
      'content-type': FORMATS[format].contentType,
      'content-disposition': `attachment; filename="${FORMATS[format].file}"`,
      'x-graph-truncated': String(raw.truncated),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    const e = err as AppError;
    const status = (e.extensions?.http as { status?: number } | undefined)?.status;
    if (status && status < 500) return fail(res, status, e.message);
    if (status === 503) return fail(res, 503, e.message);
    throw err;
  }
}
