import { cohorts } from './cohorts.js';
import { figures } from './figures.js';
import { initiatives } from './initiatives.js';
import { mentorships } from './mentorships.js';
import { organizations } from './organizations.js';
import { people } from './people.js';
import { places } from './places.js';
import type { FactType, FactTypeName } from './type.js';

/**
 * The fact types, in the order they resolve (a type may refer to those before it). A new fact
 * type is a file here, a line in this list and in FactDoc (../facts.ts), and its extractor.
 */
export const REGISTRY = [places, organizations, initiatives, people, cohorts, mentorships, figures] as const;
export const FACT_TYPES: FactTypeName[] = REGISTRY.map((t) => t.name);
export const factType = (name: FactTypeName) => REGISTRY.find((t) => t.name === name)! as unknown as FactType<any>;

export type { FactType, FactTypeName } from './type.js';
