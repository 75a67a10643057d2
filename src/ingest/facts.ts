import { z } from 'zod';
import { INITIATIVE_KINDS, ORG_KINDS, PLACE_LEVELS } from '../model.js';

/**
 * A fact document: what one article says, each fact with the evidence quote it came from.
 * Curated seed files (seeds/*.facts.json) have this shape; so will automatic extraction.
 * References between facts are by name within the same document.
 */
const evidence = z.string().min(2, 'evidence must quote the article');
const name = z.string().trim().min(1);

export const PlaceFact = z.object({
  name,
  /** Division code (GB/T 2260 and below) when the place is in the dataset. */
  code: z.string().regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/).optional(),
  level: z.enum(PLACE_LEVELS).optional(),
  /** For places without a code: the name of a place of this document, or a division code. */
  parent: z.string().optional(),
  aliases: z.array(name).default([]),
  evidence,
});

export const OrganizationFact = z.object({
  name,
  kind: z.enum(ORG_KINDS),
  place: z.string().optional(),
  aliases: z.array(name).default([]),
  evidence,
});

export const InitiativeFact = z.object({
  name,
  kind: z.enum(INITIATIVE_KINDS),
  aliases: z.array(name).default([]),
  /** Places that run it; none when the article names no place (then it belongs to the article). */
  places: z.array(z.string()).default([]),
  /** Where the initiative belongs for identity; defaults to its first place. */
  scope: z.string().optional(),
  parent: z.string().optional(),
  runBy: z.array(z.string()).default([]),
  summary: z.string().optional(),
  evidence,
});

export const PersonFact = z.object({
  name,
  title: z.string().optional(),
  org: z.string().optional(),
  /** For identity across articles; without it the person is known only within this article. */
  place: z.string().optional(),
  roles: z.array(z.string()).default([]),
  initiatives: z.array(z.object({ name: z.string(), role: z.string() })).default([]),
  evidence,
});

export const CohortFact = z.object({
  label: name,
  size: z.number().int().positive().optional(),
  approx: z.boolean().default(false),
  place: z.string().optional(),
  members: z.array(z.string()).default([]),
  initiatives: z.array(z.object({ name: z.string(), role: z.string() })).default([]),
  evidence,
});

export const MentorshipFact = z.object({
  /** Absent when the text names the mentee but not the mentor (在师傅的悉心指导下…). */
  mentor: z.string().optional(),
  mentee: z.string(),
  initiative: z.string().optional(),
  place: z.string().optional(),
  /** explicit: the text says A mentors B; implied: guidance stated less directly. */
  strength: z.enum(['explicit', 'implied']).default('explicit'),
  evidence,
});

export const FigureFact = z.object({
  subject: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  approx: z.boolean().default(false),
  about: z.string().optional(),
  evidence,
});

export const CreditFact = z.object({ name, role: z.string() });

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
   * Corrections only: extracted facts a reader found wrong, by type and name (for cohorts the
   * label, for mentorships "mentor→mentee", for figures value+unit such as "30%").
   */
  notFacts: z
    .array(z.object({ type: z.enum(['places', 'organizations', 'initiatives', 'people', 'cohorts', 'mentorships', 'figures']), name: z.string() }))
    .default([]),
});
export type FactDoc = z.infer<typeof FactDoc>;
export type PlaceFact = z.infer<typeof PlaceFact>;
export type OrganizationFact = z.infer<typeof OrganizationFact>;
export type InitiativeFact = z.infer<typeof InitiativeFact>;
export type PersonFact = z.infer<typeof PersonFact>;
export type CohortFact = z.infer<typeof CohortFact>;
export type MentorshipFact = z.infer<typeof MentorshipFact>;
export type FigureFact = z.infer<typeof FigureFact>;
