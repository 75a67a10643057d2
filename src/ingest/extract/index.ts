import { simplifyAligned } from '../../lang/zh/script.js';
import { locateQuote, type CleanedArticle } from '../clean.js';
import { REGISTRY } from '../fact-types/index.js';
import type { FactDoc } from '../facts.js';
import { segment } from '../segment.js';
import { cohortFacts, extractCohorts } from './cohorts.js';
import type { ExtractContext } from './context.js';
import { extractFigures } from './figures.js';
import { extractInitiatives, initiativeFacts } from './initiatives.js';
import { extractMentorships } from './mentorships/index.js';
import { extractOrganizations } from './organizations.js';
import { extractPeople, personFacts } from './people.js';
import { extractPlaces, placeFacts } from './places.js';

/**
 * At most this many facts of one type from one article: a real report has tens; a pathological
 * text (300k characters repeating one sentence) must not turn into a huge graph write.
 */
export const MAX_FACTS_PER_TYPE = 300;
const cap = <T>(xs: T[]): T[] => xs.slice(0, MAX_FACTS_PER_TYPE);

/**
 * Stage "extract" (pure): a cleaned article → a fact document, every fact with its quote.
 * Works on the simplified copy; quotes are located in the stored original by resolve.
 */
export function extractFacts(article: CleanedArticle, meta: FactDoc['article'] = {}): FactDoc {
  const authors = article.credits.filter((c) => c.role === 'author');
  const ctx: ExtractContext = { text: article.simplified, seg: segment(article.simplified), author: authors.length === 1 ? simplifyAligned(authors[0]!.name) : undefined };
  const credits = new Set(article.credits.map((c) => simplifyAligned(c.name)));
  const { hits: places, main } = extractPlaces(ctx);
  const initiatives = extractInitiatives(ctx, places, main);
  const people = extractPeople(ctx, places, main, credits);
  const cohorts = extractCohorts(ctx, places, main);
  const found = extractMentorships(ctx, people, initiatives, main);
  const mentorships = cap(found.mentorships);
  const used = new Set(mentorships.flatMap((m) => [m.mentor, m.mentee]));
  const groups = found.groups.filter((g) => used.has(g.label));

  const roles = new Map<string, Set<string>>();
  for (const m of mentorships) {
    for (const [name, role] of [[m.mentor, 'mentor'], [m.mentee, 'mentee']] as const) {
      if (name) roles.set(name, (roles.get(name) ?? new Set()).add(role));
    }
  }
  const cohortDocs = cap(cohortFacts(ctx, cohorts));
  // Groups on a side of a mentorship are cohorts (label and size) unless a person has that name.
  for (const g of groups) {
    if (people.some((p) => p.name === g.label) || cohortDocs.some((c) => c.label === g.label)) continue;
    cohortDocs.push({ label: g.label, size: g.size, approx: g.approx, place: main?.name, members: [], initiatives: [], evidence: g.evidence });
  }
  const initiativeDocs = cap(initiativeFacts(ctx, initiatives, main));
  // A scheme named two ways is one document under one name: facts that name it the other way
  // (师带徒帮带机制 for 师带徒机制) follow it there rather than being dropped.
  const schemeName = new Map<string, string>();
  for (const i of initiativeDocs) for (const n of [...i.aliases, i.name]) schemeName.set(n, i.name);
  return {
    article: {
      title: meta.title ?? article.title,
      publisher: meta.publisher ?? article.publisher,
      publishedAt: meta.publishedAt ?? article.publishedAt,
      url: meta.url,
      source: meta.source,
    },
    places: cap(placeFacts(ctx, places)),
    organizations: cap(extractOrganizations(ctx, places, main)),
    initiatives: initiativeDocs,
    // People on a side of a kept mentorship stay whatever the cap.
    people: personFacts(ctx, people, roles).filter((p, i) => i < MAX_FACTS_PER_TYPE || used.has(p.name)),
    cohorts: cohortDocs,
    mentorships: mentorships
      .filter((m) => !m.initiative || schemeName.has(m.initiative))
      .map(({ start: _start, ...m }) => (m.initiative ? { ...m, initiative: schemeName.get(m.initiative)! } : m)),
    figures: cap(
      extractFigures(ctx, initiatives, main, places)
        .filter((f) => !f.about || schemeName.has(f.about) || places.some((p) => p.name === f.about))
        .map((f) => (f.about && schemeName.has(f.about) ? { ...f, about: schemeName.get(f.about)! } : f)),
    ),
    // A first-person author who mentors or is mentored is a person of the story, not a credit.
    credits: article.credits.filter((c) => !(c.role === 'author' && used.has(simplifyAligned(c.name)))),
    notFacts: [],
  };
}

/**
 * The JSON contract of `npm run extract` (other tools read it; keep it stable). Evidence is
 * quoted as the stored article has it (original script), with its character offset.
 */
export function toContract(doc: FactDoc, article: CleanedArticle) {
  const lang = article.script === 'traditional' ? 'zh-Hant' : 'zh-Hans';
  const at = (q: string) => locateQuote(article, q);
  const out: Record<string, unknown> = {
    article: { title: doc.article.title ?? null, publisher: doc.article.publisher ?? null, publishedAt: doc.article.publishedAt ?? null, lang },
  };
  for (const type of REGISTRY) {
    out[type.name] = (doc[type.name] as Array<{ evidence: string }>).map((f) => {
      const found = at(f.evidence);
      return (type.contract as (x: unknown, o: number | null) => Record<string, unknown>)({ ...f, evidence: found?.quote ?? f.evidence }, found?.start ?? null);
    });
  }
  out.credits = doc.credits;
  return out;
}
