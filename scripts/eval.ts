/**
 * `npm run eval`: extraction alone (no curated corrections) against the curated facts of the
 * seed articles and of our own test articles; precision and recall per fact type.
 */
import { evalCorpus } from '../src/eval/corpus.js';
import { addScores, score, table } from '../src/eval/score.js';
import { factKey } from '../src/ingest/corrections.js';
import { FACT_TYPES, sameFact } from '../src/ingest/match.js';
import { prepareArticle } from '../src/ingest/pipeline.js';

const verbose = process.argv.includes('--verbose');
let seeds: ReturnType<typeof score> | undefined;
let own: ReturnType<typeof score> | undefined;
for (const a of evalCorpus()) {
  const { extracted } = prepareArticle(a.input);
  const s = score(extracted, a.curated);
  if (a.corpus === 'seeds') seeds = seeds ? addScores(seeds, s) : s;
  else own = own ? addScores(own, s) : s;
  if (verbose) {
    console.log(`\n${a.name}\n${table(s)}`);
    for (const t of FACT_TYPES) {
      const ex = extracted[t] as any[];
      const cu = a.curated[t] as any[];
      const wrong = ex.filter((e) => !cu.some((c) => sameFact(t, e, extracted, c, a.curated))).map((f) => factKey(t, f));
      const missed = cu.filter((c) => !ex.some((e) => sameFact(t, e, extracted, c, a.curated))).map((f) => factKey(t, f));
      if (wrong.length || missed.length) console.log(`  ${t}: wrong ${JSON.stringify(wrong)} missed ${JSON.stringify(missed)}`);
    }
  }
}
console.log('\nSeed articles (5):\n' + table(seeds!));
console.log('\nOur own test articles (test/fixtures/articles):\n' + table(own!));
console.log('\nAll:\n' + table(addScores(seeds!, own!)));
