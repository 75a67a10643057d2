import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { wordMap } from '../lang/zh/lexicon.js';
import { toContract } from '../ingest/extract/index.js';
import type { FactDoc } from '../ingest/facts.js';
import { prepareArticle } from '../ingest/pipeline.js';
import { SCORER, type EvalArticle } from './corpus.js';

/**
 * Scores extraction with the team's scorer (../shared/eval/score.mjs, the one the hidden set is
 * scored with): `extract` documents against gold files, one table per set and a total.
 */
/** A curated credit's role in the contract's words (curated seeds may say 记者 or journalist). */
const creditRole = (role: string) => new Map(wordMap('credit-roles.txt')).get(role) ?? (wordMap('credit-roles.txt').some(([, r]) => r === role) ? role : 'journalist');

/** A curated fact document in the gold format of the shared corpus. */
export function goldOf(doc: FactDoc) {
  const size = (label: string) => doc.cohorts.find((c) => c.label === label)?.size ?? (doc.people.some((p) => p.name === label) ? 1 : null);
  return {
    title: doc.article.title ?? null,
    date: doc.article.publishedAt ?? null,
    gold: {
      places: doc.places.map((p) => ({ name: p.name, aliases: p.aliases })),
      initiatives: doc.initiatives.map((i) => ({ name: i.name, aliases: i.aliases, kind: i.kind })),
      people: [
        ...doc.people.map((p) => ({ name: p.name, roles: p.roles.length ? p.roles : ['actor'] })),
        ...doc.credits.map((c) => ({ name: c.name, roles: [creditRole(c.role)] })),
      ],
      mentorships: doc.mentorships.map((m) => ({ mentor: m.mentor ?? null, mentee: m.mentee, mentorCount: m.mentor ? size(m.mentor) : null, menteeCount: size(m.mentee) })),
      figures: doc.figures.map((f) => ({ value: f.value, unit: f.unit, approx: f.approx })),
    },
  };
}

export interface SetScore {
  set: string;
  articles: number;
  table: string;
  /** F1 per fact type, from the scorer's summary line. */
  f1: Record<string, number>;
}

export function scorerAvailable(): boolean {
  return existsSync(SCORER);
}

/** Runs extraction on `articles` and the scorer on the result; `verbose` adds a line per article. */
export function scoreSet(set: string, articles: EvalArticle[], opts: { verbose?: boolean; keep?: string } = {}): SetScore {
  const dir = opts.keep ?? mkdtempSync(path.join(os.tmpdir(), 'cadre-eval-'));
  mkdirSync(dir, { recursive: true });
  try {
    const pairs = articles.map((a, i) => {
      const p = prepareArticle(a.input);
      const pred = path.join(dir, `${String(i).padStart(3, '0')}_${a.name}.pred.json`);
      writeFileSync(pred, JSON.stringify(toContract(p.extracted, p.cleaned)));
      let gold = a.goldFile;
      if (!gold) {
        gold = path.join(dir, `${String(i).padStart(3, '0')}_${a.name}.gold.json`);
        writeFileSync(gold, JSON.stringify(goldOf(a.curated!)));
      }
      return { pred, gold };
    });
    const pairsFile = path.join(dir, 'pairs.json');
    writeFileSync(pairsFile, JSON.stringify(pairs));
    // The scorer finds opencc-js from the working directory: run it from the project root.
    const r = spawnSync(process.execPath, [SCORER, pairsFile], {
      encoding: 'utf8',
      cwd: path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..'),
      env: { ...process.env, ...(opts.verbose ? { SCORE_VERBOSE: '1' } : {}) },
    });
    if (r.status !== 0) throw new Error(`the scorer failed: ${r.stderr || r.stdout}`);
    const last = r.stdout.trim().split('\n').at(-1)!;
    const f1 = Object.fromEntries([...last.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]));
    return { set, articles: articles.length, table: r.stdout.trim(), f1 };
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
}
