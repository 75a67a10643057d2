import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { ensureLauncherBuilt } from './db/local-neo4j.js';
import { toContract } from './ingest/extract/index.js';
import { ingestMany, type BulkSummary } from './ingest/bulk.js';
import { decodeUtf8, prepareArticle, type ArticleInput } from './ingest/pipeline.js';
import { loadSeeds, resolveSeeds } from './ingest/seed.js';
import { logger } from './logger.js';
import { syntheticArticle } from './synthetic/article.js';
import { generateGraph } from './synthetic/graph.js';

/**
 * Operator commands:
 *   ingest <file|dir>...  articles (.txt/.html, UTF-8) into Neo4j: extraction in worker threads,
 *                         writes in batches [--workers N --batch N]
 *                         [--title T --publisher P --date YYYY-MM-DD --url U] (single file only)
 *   gen --articles N      a synthetic graph of N articles in our model [--seed S --batch N],
 *                         or with --texts DIR, N synthetic article files for ingestion runs
 *   extract <file>        run the pipeline without a database; one JSON document on stdout
 *   neo4j-build           build tools/neo4j-local with Maven (downloads Neo4j 5.26 once)
 *   check-seeds           validate the curated seed facts against their articles
 *   seed                  (re)write the seed articles into Neo4j
 */
const USAGE = `usage: tsx src/cli.ts <ingest <file|dir>... | extract <file> | gen --articles N | neo4j-build | check-seeds | seed>
  ingest/extract options: --title T --publisher P --date YYYY-MM-DD --url U
  ingest options: --workers N (default: cores) --batch N (articles per transaction, default 200)
  gen options: --articles N --seed S --batch N --texts DIR`;

class UsageError extends Error {}

function positiveInt(v: string | undefined, name: string, fallback: number | undefined): number {
  if (v === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} N is required`);
    return fallback;
  }
  if (!/^[1-9]\d{0,8}$/.test(v)) throw new UsageError(`--${name} must be a whole number from 1, got ${JSON.stringify(v)}`);
  return Number(v);
}

/** A bar on a terminal; a line now and then when the output is a log or a pipe. */
function progressReporter(what: string, total: number) {
  const tty = Boolean(process.stderr.isTTY);
  const bar = new SingleBar({ format: `${what} [{bar}] {value}/{total} {eta_formatted} left {item}`, stream: process.stderr, hideCursor: true });
  if (tty) bar.start(total, 0, { item: '' });
  let done = 0;
  let lastLine = 0;
  let stopped = false;
  return {
    tick(item: string, value?: number) {
      done = value ?? done + 1;
      if (tty) bar.update(done, { item });
      else if (done === total || Date.now() - lastLine > 2000 || total <= 50) {
        lastLine = Date.now();
        process.stderr.write(`${what} [${done}/${total}] ${item}\n`);
      }
    },
    stop() {
      if (tty && !stopped) bar.stop();
      stopped = true;
    },
  };
}

function articleFiles(args: string[]): string[] {
  const files: string[] = [];
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      throw new UsageError(`no such file or directory: ${a}`);
    }
    if (st.isDirectory()) {
      files.push(...readdirSync(a).filter((f) => /\.(txt|html?)$/i.test(f)).sort().map((f) => path.join(a, f)));
    } else files.push(a);
  }
  if (files.length === 0) throw new UsageError('no .txt or .html articles given');
  return files;
}

function readArticle(file: string, meta: Partial<ArticleInput>): ArticleInput {
  const content = decodeUtf8(readFileSync(file), file);
  const html = /\.html?$/i.test(file) || /^\s*<(!doctype|html)/i.test(content);
  return { ...(html ? { html: content } : { text: content }), source: path.basename(file), ...meta };
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      publisher: { type: 'string' },
      date: { type: 'string' },
      url: { type: 'string' },
      workers: { type: 'string' },
      batch: { type: 'string' },
      articles: { type: 'string' },
      seed: { type: 'string' },
      texts: { type: 'string' },
    },
  });
  const [cmd, ...rest] = positionals;
  const meta: Partial<ArticleInput> = {
    ...(values.title ? { title: values.title } : {}),
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values.date ? { publishedAt: values.date } : {}),
    ...(values.url ? { url: values.url } : {}),
  };
  switch (cmd) {
    case 'extract': {
      if (rest.length !== 1) throw new UsageError('extract takes exactly one file');
      const [file] = articleFiles(rest);
      const p = prepareArticle(readArticle(file!, meta));
      // Wait until stdout has taken the whole document: exiting earlier cuts a pipe at 64 KB.
      await new Promise<void>((resolve, reject) => process.stdout.write(`${JSON.stringify(toContract(p.extracted, p.cleaned), null, 2)}\n`, (e) => (e ? reject(e) : resolve())));
      return 0;
    }
    case 'ingest': {
      const files = articleFiles(rest);
      if (files.length > 1 && Object.keys(meta).length > 0) throw new UsageError('--title/--publisher/--date/--url apply to a single file only');
      const workers = positiveInt(values.workers, 'workers', os.availableParallelism());
      const batch = positiveInt(values.batch, 'batch', 200);
      const conn = await connect(loadConfig());
      const progress = progressReporter('ingest', files.length);
      let s: BulkSummary;
      try {
        s = await ingestMany(
          conn.db,
          files.map((file) => ({ source: file, read: () => readArticle(file, meta) })),
          { workers, batch, onArticle: (file, outcome) => progress.tick(`${path.basename(file)}: ${outcome}`) },
        );
      } finally {
        progress.stop();
        await conn.close();
      }
      for (const f of s.failed) process.stderr.write(`failed ${f.source}: ${f.message}\n`);
      process.stdout.write(
        `articles: ${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed.length} failed; ` +
          `facts written: ${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships created; ` +
          `${s.rate.toFixed(1)} articles/s (${s.seconds.toFixed(1)} s, ${workers} extraction workers, batches of ${batch})\n`,
      );
      return s.failed.length > 0 ? 1 : 0;
    }
    case 'gen': {
      const articles = positiveInt(values.articles, 'articles', undefined);
      const seed = positiveInt(values.seed, 'seed', 1);
      if (values.texts) {
        // Synthetic article files for ingestion runs (npm run ingest -- DIR).
        mkdirSync(values.texts, { recursive: true });
        const progress = progressReporter('gen', articles);
        for (let i = 0; i < articles; i++) {
          writeFileSync(path.join(values.texts, `synthetic-${seed}-${String(i).padStart(7, '0')}.txt`), syntheticArticle(i, seed).text);
          if (i % 100 === 99 || i === articles - 1) progress.tick(`${i + 1} files`, i + 1);
        }
        progress.stop();
        process.stdout.write(`${articles} synthetic articles written to ${values.texts}\n`);
        return 0;
      }
      const conn = await connect(loadConfig());
      const progress = progressReporter('gen', articles);
      const started = performance.now();
      try {
        const r = await generateGraph(conn.db, { articles, seed, batch: positiveInt(values.batch, 'batch', 500), onProgress: (done) => progress.tick(`${done} articles`, done) });
        progress.stop();
        const secs = (performance.now() - started) / 1000;
        process.stdout.write(
          `synthetic graph: ${r.from} articles were there, ${r.written} written, ${r.failed} failed; ` +
            `${((r.written / Math.max(secs, 1e-9)) * 60).toFixed(0)} articles/min (${secs.toFixed(1)} s)\n`,
        );
        return r.failed > 0 ? 1 : 0;
      } finally {
        progress.stop();
        await conn.close();
      }
    }
    case 'neo4j-build': {
      const { NEO4J_JAVA_HOME, JAVA_HOME } = loadConfig();
      ensureLauncherBuilt([NEO4J_JAVA_HOME, JAVA_HOME]);
      logger.info('tools/neo4j-local is built');
      return 0;
    }
    case 'check-seeds':
      for (const w of resolveSeeds()) logger.info({ article: w.article.id, nodes: w.nodes.length, rels: w.rels.length }, 'seed ok');
      return 0;
    case 'seed': {
      const conn = await connect(loadConfig());
      try {
        for (const s of await loadSeeds(conn.db, { onlyIfEmpty: false })) logger.info(s, 'seed written');
      } finally {
        await conn.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command ${JSON.stringify(cmd ?? '')}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof UsageError ? `${err.message}\n${USAGE}` : (err as Error).message}\n`);
    process.exit(err instanceof UsageError || (err as { extensions?: { code?: string } }).extensions?.code === 'BAD_USER_INPUT' ? 2 : 1);
  },
);
