import { z } from 'zod';
import { CohortFact } from './fact-types/cohorts.js';
import { FigureFact } from './fact-types/figures.js';
import { InitiativeFact } from './fact-types/initiatives.js';
import { MentorshipFact } from './fact-types/mentorships.js';
import { OrganizationFact } from './fact-types/organizations.js';
import { PersonFact } from './fact-types/people.js';
import { PlaceFact } from './fact-types/places.js';

/**
 * A fact document: what one article says, each fact with the evidence quote it came from.
 * Curated seed files (seeds/*.facts.json) have this shape; so does automatic extraction.
 * References between facts are by name within the same document. Each fact type (schema,
 * key, matching, contract, graph resolution) is declared once in ./fact-types/.
 */
export const CreditFact = z.object({ name: z.string().trim().min(1), role: z.string() });

export const FactDoc = z.object({
  article: z.object({
    source: z.string().optional(),
    title: z.string().optional(),
    publisher: z.string().optional(),
    publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    url: z.string().url().optional(),
  }),
  places: z.array(PlaceFact).default([]),
  organizations: z.array(OrganizationFact).default([]),
  initiatives: z.array(InitiativeFact).default([]),
  people: z.array(PersonFact).default([]),
  cohorts: z.array(CohortFact).default([]),
  mentorships: z.array(MentorshipFact).default([]),
  figures: z.array(FigureFact).default([]),
  credits: z.array(CreditFact).default([]),
  /**
   * Corrections only: extracted facts a reader found wrong, by type and key (for cohorts the
   * label, for mentorships "mentor→mentee", for figures value+unit such as "30%").
   */
  notFacts: z
    .array(z.object({ type: z.enum(['places', 'organizations', 'initiatives', 'people', 'cohorts', 'mentorships', 'figures']), name: z.string() }))
    .default([]),
});
export type FactDoc = z.infer<typeof FactDoc>;
export type { PlaceFact } from './fact-types/places.js';
export type { OrganizationFact } from './fact-types/organizations.js';
export type { InitiativeFact } from './fact-types/initiatives.js';
export type { PersonFact } from './fact-types/people.js';
export type { CohortFact } from './fact-types/cohorts.js';
export type { MentorshipFact } from './fact-types/mentorships.js';
export type { FigureFact } from './fact-types/figures.js';
