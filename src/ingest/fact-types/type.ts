import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { NodeLabel, RelType } from '../../model.js';
import type { FactDoc } from '../facts.js';

/**
 * What a fact type declares once: its schema, the key a curator names it by, when two facts are
 * the same, how its references follow curated renames, its shape in the `extract` contract, and
 * the graph nodes it resolves to. The registry (index.ts) lists the types in resolution order.
 */
export interface Evidence {
  quote: string;
  start: number;
}
export interface GNode {
  label: NodeLabel;
  id: string;
  props: Record<string, unknown>;
  aliases?: string[];
  /** Quotes of the article that mention it; empty for places only known from the gazetteer. */
  evidence: Evidence[];
}
export interface GRel {
  type: RelType;
  from: string;
  to: string;
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
  props?: Record<string, unknown>;
  /** Article evidence; absent for gazetteer facts, which carry `source` instead. */
  evidence?: Evidence;
  source?: string;
}

/** What resolvers share while turning one fact document into nodes and relationships. */
export interface ResolveContext {
  articleId: string;
  problems: string[];
  ev(quote: string, what: string): Evidence | undefined;
  addNode(label: NodeLabel, id: string, props: Record<string, unknown>, evidence?: Evidence, aliases?: string[]): GNode;
  rel(type: RelType, from: GNode, to: GNode, evidence?: Evidence, props?: Record<string, unknown>): void;
  report(label: NodeLabel, id: string, evidence: Evidence): void;
  /** The chain of gazetteer places for a division code; the node of the code itself. */
  gazNode(code: string): GNode | undefined;
  /** Named nodes of this document, by name (and alias): filled by the types that come first. */
  places: Map<string, GNode>;
  organizations: Map<string, GNode>;
  initiatives: Map<string, GNode>;
  /** Mentorship parties: people by name, cohorts by label. */
  parties: Map<string, GNode>;
  /** A reference to a node of this document, or a problem "unknown …" when it names none. */
  ref(kind: 'place' | 'organization' | 'initiative', name: string | undefined, what: string): GNode | undefined;
}

/** Re-links a kept extracted fact to the final (curated) names; false drops it. */
export type Relink = (name: string | undefined, ...types: FactTypeName[]) => string | undefined;

export type FactTypeName = 'places' | 'organizations' | 'initiatives' | 'people' | 'cohorts' | 'mentorships' | 'figures';

export interface FactType<F> {
  name: FactTypeName;
  schema: z.ZodType<F, z.ZodTypeDef, unknown>;
  /** How a curator names the fact in notFacts, and the key of a curated rename. */
  key(f: F): string;
  /** The same fact (an extracted one and its curated twin), each read in its own document. */
  same(a: F, aDoc: FactDoc, b: F, bDoc: FactDoc): boolean;
  /** References renamed to the curated names; returns false when the fact must go. */
  relink(f: F, ref: Relink, has: (type: FactTypeName, name: string | undefined) => boolean): boolean;
  /** The fact in the JSON contract of `npm run extract` (offset: where its quote stands). */
  contract(f: F, offset: number | null): Record<string, unknown>;
  /** Nodes and relationships for all facts of this type in one document. */
  resolve(facts: F[], ctx: ResolveContext): void;
}

export const norm = (s: string) => s.replace(/[“”"‘’'《》\s]/g, '');
export const namesOf = (f: { name: string; aliases?: string[] }) => [f.name, ...(f.aliases ?? [])].map(norm);
export function sameNamed(a: { name: string; aliases?: string[] }, b: { name: string; aliases?: string[] }): boolean {
  const bn = new Set(namesOf(b));
  return namesOf(a).some((n) => bn.has(n));
}

/** The first `n` hex digits of a SHA-256: the stable part of ids built from content. */
export const hash = (s: string, n = 16) => createHash('sha256').update(s).digest('hex').slice(0, n);
