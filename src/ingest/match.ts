import type { FactDoc } from './facts.js';
import { factType, FACT_TYPES, type FactTypeName } from './fact-types/index.js';

/**
 * When an extracted fact and a curated fact are the same fact: each fact type says so itself
 * (fact-types/); this is the entry point for the corrections layer.
 */
export type FactType = FactTypeName;
export { FACT_TYPES };

export function sameFact(type: FactType, a: any, aDoc: FactDoc, b: any, bDoc: FactDoc): boolean {
  return factType(type).same(a, aDoc, b, bDoc);
}
