import graphology from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import type { GraphView } from './view.js';

/**
 * A graph view in the formats visualizers read: Cytoscape.js elements JSON, GraphML (Gephi,
 * yEd) and GEXF (Gephi). Property values that are lists are joined with " | " in the XML
 * formats, which have no list type.
 */
export const FORMATS = {
  json: { contentType: 'application/json; charset=utf-8', file: 'cadre-graph.cyjs.json' },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', file: 'cadre-graph.graphml' },
  gexf: { contentType: 'application/gexf+xml; charset=utf-8', file: 'cadre-graph.gexf' },
} as const;
export type Format = keyof typeof FORMATS;

export function toCytoscape(view: GraphView) {
  return {
    format_version: '1.0',
    generated_by: 'cadre-graph',
    data: { truncated: view.truncated },
    elements: {
      nodes: view.nodes.map((n) => ({ data: { ...n.properties, id: n.id, label: n.label, type: n.type } })),
      edges: view.edges.map((e) => ({ data: { ...e.properties, id: e.id, source: e.source, target: e.target, type: e.type } })),
    },
  };
}

const flat = (v: unknown): string | number | boolean =>
  Array.isArray(v) ? v.join(' | ') : typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined ? '' : String(v);

function flatProps(p: Record<string, unknown>): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, flat(v)]));
}

export function toGexf(view: GraphView): string {
  const g = new graphology.MultiDirectedGraph();
  for (const n of view.nodes) g.addNode(n.id, { ...flatProps(n.properties), label: n.label, type: n.type });
  for (const e of view.edges) g.addEdgeWithKey(e.id, e.source, e.target, { ...flatProps(e.properties), type: e.type, label: e.type });
  return writeGexf(g, { pretty: true });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GraphML: keys are declared from the properties present; typed as int, double, boolean or string. */
export function toGraphml(view: GraphView): string {
  const keys = new Map<string, { for: 'node' | 'edge'; name: string; type: string }>();
  const typeOf = (v: string | number | boolean) => (typeof v === 'boolean' ? 'boolean' : typeof v === 'number' ? (Number.isInteger(v) ? 'long' : 'double') : 'string');
  const rows = (kind: 'node' | 'edge', items: Array<{ attrs: Record<string, string | number | boolean> }>) => {
    for (const it of items) {
      for (const [k, v] of Object.entries(it.attrs)) {
        const id = `${kind[0]}_${k}`;
        const t = typeOf(v);
        const prev = keys.get(id);
        if (!prev) keys.set(id, { for: kind, name: k, type: t });
        else if (prev.type !== t) prev.type = prev.type === 'long' && t === 'double' ? 'double' : 'string';
      }
    }
  };
  const nodes = view.nodes.map((n) => ({ id: n.id, attrs: { ...flatProps(n.properties), label: n.label, type: n.type } }));
  const edges = view.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, attrs: { ...flatProps(e.properties), type: e.type } }));
  rows('node', nodes);
  rows('edge', edges);
  const data = (kind: 'node' | 'edge', attrs: Record<string, string | number | boolean>) =>
    Object.entries(attrs)
      .map(([k, v]) => `      <data key="${esc(`${kind[0]}_${k}`)}">${esc(String(v))}</data>`)
      .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...[...keys].map(([id, k]) => `  <key id="${esc(id)}" for="${k.for}" attr.name="${esc(k.name)}" attr.type="${k.type}"/>`),
    '  <graph id="cadre-graph" edgedefault="directed">',
    ...nodes.map((n) => `    <node id="${esc(n.id)}">\n${data('node', n.attrs)}\n    </node>`),
    ...edges.map((e) => `    <edge id="${esc(e.id)}" source="${esc(e.source)}" target="${esc(e.target)}">\n${data('edge', e.attrs)}\n    </edge>`),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

export function render(view: GraphView, format: Format): string {
  if (format === 'json') return JSON.stringify(toCytoscape(view));
  if (format === 'gexf') return toGexf(view);
  return toGraphml(view);
}
