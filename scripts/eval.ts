/**
 * `npm run eval`: extraction alone (no curated corrections) scored with the team's scorer
 * (../shared/eval/score.mjs): the seeds, our own test articles, each batch of the shared
 * development corpus (../shared/corpus/dev/<batch>, when present), and all of them together.
 *   --verbose       one line per article
 *   --keep DIR      keep the extract documents and pairs in DIR
 */
import { parseArgs } from 'node:util';
import { SCORER, curatedSets, devBatches, devSet } from '../src/eval/corpus.js';
import { scoreSet, scorerAvailable } from '../src/eval/score.js';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, keep: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: npm run eval [-- --verbose] [-- --keep DIR]');
  process.exit(0);
}
if (!scorerAvailable()) {
  console.error(`the scorer ${SCORER} is not there: put the shared materials beside the repository (../shared) or set SCORER`);
  process.exit(2);
}
const curated = curatedSets();
const sets = [
  { id: 'seeds', set: 'seeds (curated)', articles: curated.filter((a) => a.set === 'seeds') },
  { id: 'own', set: 'own test articles (test/fixtures/articles)', articles: curated.filter((a) => a.set === 'own') },
  ...devBatches().map((b) => ({ id: b, set: `shared dev batch ${b}`, articles: devSet(b) })),
];
if (devBatches().length === 0) console.log('(no ../shared/corpus/dev: only the curated sets are scored)');
for (const { id, set, articles } of sets) {
  const s = scoreSet(set, articles, { verbose: values.verbose, keep: values.keep && `${values.keep}/${id}` });
  console.log(`\n## ${set}: ${articles.length} articles\n${s.table}`);
}
const all = sets.flatMap((s) => s.articles);
console.log(`\n## total: ${all.length} articles\n${scoreSet('total', all).table}`);
