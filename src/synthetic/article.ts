import { createRequire } from 'node:module';
import type { FactDoc } from '../ingest/facts.js';
import { allOfLevel, ancestry, townshipsOf, type GazPlace } from '../ingest/gazetteer.js';
import type { InitiativeKind } from '../model.js';

/**
 * Synthetic articles for scale fixtures and ingestion runs (bench/, `npm run gen`): the genre's
 * shape — a county's mentoring scheme, named mentor–mentee pairs in its townships, a cohort
 * with its size, reported figures, filler — with real places from the division dataset and
 * the facts each sentence states. Article i of a seed is always the same article, so a 10k
 * graph is the first tenth of a 100k one. Pure and deterministic.
 */
const require = createRequire(import.meta.url);
const T = require('./data/templates.json') as {
  surnames: string;
  givenChars: string;
  schemes: Array<{ name: string; kind: InitiativeKind }>;
  publishers: string[];
  titles: string[];
  mentorTitles: string[];
  menteeTitles: string[];
  intro: string;
  org: string;
  cohort: string;
  mentorships: string[];
  quote: string;
  filler: string[];
};

export interface SyntheticArticle {
  text: string;
  meta: { title: string; publisher: string; publishedAt: string; url: string };
  /** What the article states, each fact with its sentence as evidence (the extractor's output shape). */
  facts: FactDoc;
}

/** mulberry32: a small, fast, seedable generator (Math.random cannot be seeded). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill(template: string, v: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
}

let countyCache: GazPlace[] | undefined;
/** Counties that have townships in the dataset (a mentoring story needs one). */
function counties(): GazPlace[] {
  countyCache ??= allOfLevel('county').filter((c) => townshipsOf(c.code).length > 0 && !/区$/.test(c.name));
  return countyCache;
}

function personName(r: () => number): string {
  const s = T.surnames[Math.floor(r() * T.surnames.length)]!;
  const g = [...T.givenChars];
  const given = g[Math.floor(r() * g.length)]! + (r() < 0.7 ? g[Math.floor(r() * g.length)]! : '');
  return s + given;
}

/** A county's own pools (schemes, mentors, mentees) so that articles about it share nodes. */
function countyPools(county: GazPlace) {
  const r = rng(Number(county.code));
  const schemes = [...T.schemes].sort(() => r() - 0.5).slice(0, 3);
  const mentors = Array.from({ length: 40 }, () => personName(r));
  const mentees = Array.from({ length: 150 }, () => personName(r));
  return { schemes, mentors, mentees };
}

export function syntheticArticle(i: number, seed = 1): SyntheticArticle {
  const r = rng(seed * 1_000_003 + i);
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(r() * xs.length)]!;
  const all = counties();
  // Skewed towards some counties, as news is: a few counties report often, most rarely.
  const county = all[Math.floor(all.length * r() ** 1.5)]!;
  const [province, prefecture] = ancestry(county.code);
  const townships = townshipsOf(county.code);
  const pools = countyPools(county);
  const scheme = pick(pools.schemes);
  const org = `${county.name}委组织部`;
  const year = 2012 + Math.floor(r() * 14);
  const publishedAt = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const names = { county: county.name, scheme: scheme.name, org, province: province?.name ?? '', prefecture: prefecture?.name ?? county.name };
  const title = fill(pick(T.titles), names);

  const facts: FactDoc = {
    article: {},
    places: [{ name: county.name, code: county.code, aliases: [], evidence: '' }],
    organizations: [],
    initiatives: [],
    people: [],
    cohorts: [],
    mentorships: [],
    figures: [],
    credits: [],
    notFacts: [],
  };
  const publisher = fill(pick(T.publishers), names);
  // The byline line a captured page has; cleaning reads publisher and date from it and drops it.
  const paragraphs: string[] = [title, `来源：${publisher}　发布时间：${publishedAt}`];
  const intro = fill(T.intro, names);
  facts.places[0]!.evidence = intro;
  facts.initiatives.push({ name: scheme.name, kind: scheme.kind, aliases: [], places: [county.name], runBy: [org], evidence: intro });
  const orgLine = fill(T.org, names);
  facts.organizations.push({ name: org, kind: 'party', place: county.name, aliases: [], evidence: orgLine });
  paragraphs.push(intro + orgLine);

  const n = 10 + Math.floor(r() * 90);
  const m = 20 + Math.floor(r() * 300);
  const cohortLine = fill(T.cohort, { ...names, n, m });
  const cohortLabel = `${county.name}配备导师的年轻干部(${n}名)`;
  facts.cohorts.push({ label: cohortLabel, size: n, approx: false, place: county.name, members: [], initiatives: [{ name: scheme.name, role: 'mentee' }], evidence: cohortLine });
  facts.figures.push(
    { subject: '配备导师的年轻干部', value: n, unit: '名', approx: false, about: scheme.name, evidence: cohortLine },
    { subject: '开展帮带活动', value: m, unit: '场次', approx: false, about: scheme.name, evidence: cohortLine },
  );
  paragraphs.push(cohortLine + pick(T.filler));

  const pairs = 1 + Math.floor(r() * 3);
  const seen = new Set<string>();
  for (let k = 0; k < pairs; k++) {
    const township = pick(townships);
    const mentor = pick(pools.mentors);
    const mentee = pick(pools.mentees);
    if (mentor === mentee || seen.has(mentor) || seen.has(mentee)) continue;
    seen.add(mentor).add(mentee);
    const mentorTitle = fill(pick(T.mentorTitles), { township: township.name });
    const menteeTitle = pick(T.menteeTitles);
    const line = fill(pick(T.mentorships), { township: township.name, mentor, mentee, mentorTitle, menteeTitle });
    if (!facts.places.some((p) => p.name === township.name)) facts.places.push({ name: township.name, code: township.code, aliases: [], evidence: line });
    facts.people.push(
      { name: mentor, title: mentorTitle, place: township.name, roles: ['mentor'], initiatives: [{ name: scheme.name, role: 'mentor' }], evidence: line },
      { name: mentee, title: menteeTitle, place: township.name, roles: ['mentee'], initiatives: [{ name: scheme.name, role: 'mentee' }], evidence: line },
    );
    facts.mentorships.push({ mentor, mentee, initiative: scheme.name, place: township.name, strength: 'explicit', evidence: line });
    paragraphs.push(line + pick(T.filler) + (r() < 0.5 ? fill(T.quote, { mentee }) : ''));
  }
  // Realistic length: local reports run 800–2,000 characters.
  const fillers = 3 + Math.floor(r() * 8);
  for (let k = 0; k < fillers; k++) paragraphs.push(pick(T.filler) + pick(T.filler));
  const url = `https://synthetic.example/${seed}/${i}.html`;
  facts.article = { title, publisher, publishedAt, url };
  return { text: paragraphs.join('\n'), meta: { title, publisher, publishedAt, url }, facts };
}
