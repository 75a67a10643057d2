import type { RawGraph } from '../query/graph.js';

/**
 * What visualizers draw: nodes with a type and a readable label, edges between them.
 * A reified Mentorship becomes one MENTORS edge from mentor to mentee that carries its
 * initiative, strength and evidence; the store keeps the node.
 */
export interface ViewNode {
  id: string;
  type: string;
  label: string;
  properties: Record<string, unknown>;
}
export interface ViewEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, unknown>;
}
export interface GraphView {
  nodes: ViewNode[];
  edges: ViewEdge[];
  truncated: boolean;
}

export function labelOf(type: string, p: Record<string, any>): string {
  switch (type) {
    case 'Cohort':
      return p.label ?? p.id;
    case 'Figure':
      return `${p.approx ? '约' : ''}${p.value}${p.unit ?? ''}`;
    case 'Article':
      return p.title ?? p.id;
    case 'Mentorship':
      return '导师未具名的帮带';
    default:
      return p.name ?? p.id;
  }
}

/** Neo4j values that do not survive JSON (dates) become strings. */
function plain(props: Record<string, any>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? String(v) : v]));
}

/** A view without some of its nodes (hidden by the user) and the relationships that touch them. */
export function without(raw: RawGraph, hide: Iterable<string>): RawGraph {
  const gone = new Set(hide);
  if (!gone.size) return raw;
  return { ...raw, nodes: raw.nodes.filter((n) => !gone.has(n.id)), rels: raw.rels.filter((r) => !gone.has(r.source) && !gone.has(r.target)) };
}

export function present(raw: RawGraph): GraphView {
  // A mentorship whose mentor the text does not name stays a node (there is no edge to draw).
  const mentorless = new Set(raw.nodes.filter((n) => n.label === 'Mentorship').map((n) => n.id));
  for (const r of raw.rels) if (r.type === 'MENTOR_IN') mentorless.delete(r.target);
  // …and only when its mentee is in the view.
  const inView = new Set(raw.nodes.filter((n) => n.label !== 'Mentorship').map((n) => n.id));
  for (const id of [...mentorless]) if (!raw.rels.some((r) => r.type === 'MENTEE_IN' && r.target === id && inView.has(r.source))) mentorless.delete(id);
  const mentorships = new Map<string, { mentor?: string; mentee?: string; initiative?: string; place?: string; quotes: string[]; articleIds: string[]; props: Record<string, any> }>();
  for (const n of raw.nodes) if (n.label === 'Mentorship' && !mentorless.has(n.id)) mentorships.set(n.id, { quotes: [], articleIds: [], props: n.props });
  const edges: ViewEdge[] = [];
  const hidden = new Set(raw.nodes.filter((n) => n.label === 'Mentorship' && !mentorless.has(n.id) && !mentorships.has(n.id)).map((n) => n.id));
  for (const r of raw.rels) {
    if (hidden.has(r.source) || hidden.has(r.target)) continue;
    const m = mentorships.get(r.target) ?? mentorships.get(r.source);
    if (m && (r.type === 'MENTOR_IN' || r.type === 'MENTEE_IN' || r.type === 'UNDER' || r.type === 'IN' || r.type === 'REPORTS')) {
      if (r.type === 'MENTOR_IN') m.mentor = r.source;
      if (r.type === 'MENTEE_IN') m.mentee = r.source;
      if (r.type === 'UNDER') m.initiative = r.target;
      if (r.type === 'IN') m.place = r.target;
      if (r.type === 'MENTOR_IN') {
        m.quotes.push(...((r.props.quotes as string[]) ?? []));
        m.articleIds.push(...((r.props.articleIds as string[]) ?? []));
      }
      continue;
    }
    // Our ids, not Neo4j's element ids (which change when the store is rebuilt): our model has
    // at most one relationship of a type between two nodes.
    edges.push({ id: `${r.type}:${r.source}->${r.target}`, source: r.source, target: r.target, type: r.type, properties: plain(r.props) });
  }
  const kept = new Set(raw.nodes.filter((n) => n.label !== 'Mentorship' || mentorless.has(n.id)).map((n) => n.id));
  for (const [id, m] of mentorships) {
    if (!m.mentor || !m.mentee || !kept.has(m.mentor) || !kept.has(m.mentee)) continue;
    edges.push({
      id,
      source: m.mentor,
      target: m.mentee,
      type: 'MENTORS',
      properties: { strength: m.props.strength, initiative: m.initiative ?? null, place: m.place ?? null, quotes: m.quotes, articleIds: m.articleIds },
    });
  }
  return {
    nodes: raw.nodes
      .filter((n) => n.label !== 'Mentorship' || mentorless.has(n.id))
      .map((n) => ({ id: n.id, type: n.label, label: labelOf(n.label, n.props), properties: plain(n.props) })),
    edges,
    truncated: raw.truncated,
  };
}
