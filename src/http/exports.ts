import { z } from 'zod';
import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/gateway.js';
import { AppError } from '../errors.js';
import { FORMATS, render, type Format } from '../export/formats.js';
import { present, without } from '../export/view.js';
import { NODE_LABELS } from '../model.js';
import { DEFAULT_VIEW_TYPES, neighbourhood, wholeGraph } from '../query/graph.js';
import { check, MAX_VIEW_LIMIT, NodeId, NodeTypes, ViewArgs } from '../validation.js';
import { logger } from '../logger.js';
import { jsonResponse } from './json.js';

/**
 * GET /export/graph.{json,graphml,gexf}: the whole graph, or with ?focus=<id>&depth=<n>
 * (focus may repeat) a neighbourhood; ?types=Place,Initiative limits node types; ?hide=<id>
 * (may repeat) leaves nodes out — the explorer's "export this view".
 */
export const EXPORT_PATH = /^\/export\/graph\.(json|graphml|gexf)$/;

const fail = (status: number, message: string) => jsonResponse(status, { error: message });

export function useExports(db: Db): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!EXPORT_PATH.test(url.pathname)) return;
      endResponse(await exportResponse(db, request, url));
    },
  };
}

async function exportResponse(db: Db, req: Request, url: URL): Promise<Response> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'exports are read with GET');
  const format = EXPORT_PATH.exec(url.pathname)![1] as Format;
  const focus = url.searchParams.getAll('focus').flatMap((f) => f.split(',')).filter(Boolean);
  const depthRaw = url.searchParams.get('depth') ?? '1';
  const typesRaw = url.searchParams.get('types');
  const hideRaw = url.searchParams.getAll('hide').flatMap((f) => f.split(',')).filter(Boolean);
  try {
    if (!/^\d+$/.test(depthRaw)) throw new AppError(`depth must be a whole number, got ${JSON.stringify(depthRaw.slice(0, 40))}`, 'BAD_USER_INPUT', 400);
    const types = typesRaw ? check(z.object({ types: NodeTypes }), { types: typesRaw.split(',') }).types : undefined;
    const hide = check(z.object({ hide: z.array(NodeId).max(500, 'at most 500 hidden nodes') }), { hide: hideRaw }).hide;
    let raw;
    if (focus.length) {
      const v = check(ViewArgs, { focus, depth: Number(depthRaw), types, limit: MAX_VIEW_LIMIT });
      raw = await neighbourhood(db, v.focus, v.depth, v.types ?? DEFAULT_VIEW_TYPES, v.limit);
    } else {
      raw = await wholeGraph(db, types ?? [...NODE_LABELS]);
    }
    const body = render(present(without(raw, hide)), format);
    return new Response(req.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'content-type': FORMATS[format].contentType,
        'content-disposition': `attachment; filename="${FORMATS[format].file}"`,
        'x-graph-truncated': String(raw.truncated),
      },
    });
  } catch (err) {
    const e = err as AppError;
    const status = (e.extensions?.http as { status?: number } | undefined)?.status;
    if (status && (status < 500 || status === 503)) return fail(status, e.message);
    logger.error({ err }, 'export failed');
    return fail(500, 'export failed');
  }
}
