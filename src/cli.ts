import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { SingleBar } from 'cli-progress';
import { loadConfig } from './config.js';
import { DataError } from './errors.js';
import { connect } from './db/connect.js';
import { ensureLauncherBuilt } from './db/local-neo4j.js';
import { toContract } from './ingest/extract/index.js';
import { ingestMany, type BulkSummary } from './ingest/bulk.js';
import { decodeUtf8, prepareArticle, type ArticleInput } from './ingest/pipeline.js';
import { loadSeeds, resolveSeeds } from './ingest/seed.js';
import { removeArticle } from './ingest/write.js';
import { logger } from './logger.js';
import { syntheticArticle } from './synthetic/article.js';
import { generateGraph, syntheticCount, syntheticWritesParallel } from './synthetic/graph.js';
import { importArticles } from './ingest/offline/import.js';
import { ArticleId, check } from './validation.js';

/**
 * Operator commands (`npm run <cmd> -- --help`, or `tsx src/cli.ts <cmd> --help`). Commands
 * that need the graph use NEO4J_URI, else the local engine of a server already running on
 * NEO4J_LOCAL_DATA_DIR, else they start the local engine themselves.
 */
const HELP: Record<string, string> = {
  ingest: `ingest <file|dir>... — extract articles (.txt/.html, UTF-8) and write them into the graph
  --workers N      extraction threads (default: cores)
  --batch N        articles per write transaction (default 200)
  --title T --publisher P --date YYYY-MM-DD --url U   metadata (a single file only)
  --json           the summary as one JSON object
  Writes into the Neo4j of NEO4J_URI; when it is unset, into the local Neo4j of a server running
  on this data directory (npm start), else into a local Neo4j it starts for the run.`,
  extract: `extract <file|dir>... — run the pipeline without a database and print the facts
  one file: one JSON document; several: JSON Lines (one document per line, with "source")
  --out DIR        write one <name>.json per article into DIR instead
  --title T --publisher P --date YYYY-MM-DD --url U   metadata (a single file only)`,
  list: `list — the articles in the graph: id, date, title, source
  --json           JSON Lines instead of a table
  --limit N        at most N articles (default 100)`,
  remove: `remove <article id>... — remove articles and every fact only they supported
  (ids as \`list\` prints them: article:…)`,
  gen: `gen --articles N — a synthetic graph of N articles in our model (benchmarks)
  --seed S --batch N
  --texts DIR      write N synthetic article files instead (for ingestion runs)
  --import         build a new local store with Neo4j's offline importer (NEO4J_URI unset,
                   NEO4J_LOCAL_DATA_DIR new or without a store); ~35 s of fixed cost, so worth
                   it from ~10k articles (~30k articles/min at 100k against ~5k through Cypher)`,
  'neo4j-build': 'neo4j-build — build tools/neo4j-local with Maven (downloads Neo4j 5.26 once)',
  'check-seeds': 'check-seeds — validate the curated seed facts against their articles',
  seed: 'seed — (re)write the seed articles into the graph',
};
const USAGE = `usage: tsx src/cli.ts <command> [options]   (npm run <command> -- [options])
commands: ${Object.keys(HELP).join(', ')}; <command> --help says more.`;

class UsageError extends Error {}

function positiveInt(v: string | undefined, name: string, fallback: number | undefined): number {
  if (v === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} N is required`);
    return fallback;
  }
  if (!/^[1-9]\d{0,8}$/.test(v)) throw new UsageError(`--${name} must be a whole number from 1, got ${JSON.stringify(v)}`);
  return Number(v);
}

/**
 * `gen --import`: the synthetic graph folded in memory and handed to Neo4j's offline importer
 * (src/ingest/offline/), then the engine started on the new store so the migrations build its
 * constraints and indexes. Only into a new local store.
 */
async function generateByImport(articles: number, seed: number): Promise<number> {
  const config = loadConfig();
  if (config.NEO4J_URI) {
    throw new UsageError('--import builds a new store of the local Neo4j; unset NEO4J_URI (or leave out --import to write into the Neo4j it names)');
  }
  const started = performance.now();
  const fold = progressReporter('gen: resolve', articles);
  let r;
  try {
    r = await importArticles(syntheticWritesParallel(articles, seed), {
      dataDir: config.NEO4J_LOCAL_DATA_DIR,
      heap: config.NEO4J_LOCAL_HEAP,
      javaHomes: [config.NEO4J_JAVA_HOME, config.JAVA_HOME],
      onProgress: (phase, done, stage) => {
        if (phase === 'fold') return fold.tick(`${done} articles`, done);
        fold.stop();
        process.stderr.write(`gen: import stage ${done}: ${stage}\n`);
      },
    });
  } finally {
    fold.stop();
  }
  logger.info({ nodes: r.nodes, relationships: r.relationships, foldSeconds: r.foldSeconds, importSeconds: r.importSeconds }, 'imported; starting the engine to build the indexes');
  const indexStart = performance.now();
  const conn = await connect(config);
  try {
    const have = await syntheticCount(conn.db, seed);
    if (have !== articles) throw new DataError(`the imported store holds ${have} synthetic articles of seed ${seed}, not ${articles}`);
  } finally {
    await conn.close();
  }
  const secs = (performance.now() - started) / 1000;
  process.stdout.write(
    `synthetic graph imported into ${config.NEO4J_LOCAL_DATA_DIR}: ${articles} articles, ${r.nodes} nodes, ${r.relationships} relationships; ` +
      `${((articles / secs) * 60).toFixed(0)} articles/min (${secs.toFixed(1)} s: resolve and files ${r.foldSeconds.toFixed(1)} s, ` +
      `import ${r.importSeconds.toFixed(1)} s, engine start and indexes ${((performance.now() - indexStart) / 1000).toFixed(1)} s)\n`,
  );
  return 0;
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
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        out: { type: 'string' },
        limit: { type: 'string' },
        title: { type: 'string' },
        publisher: { type: 'string' },
        date: { type: 'string' },
        url: { type: 'string' },
        workers: { type: 'string' },
        batch: { type: 'string' },
        articles: { type: 'string' },
        seed: { type: 'string' },
        texts: { type: 'string' },
        import: { type: 'boolean' },
      },
    });
  } catch (e) {
    // parseArgs' own errors (an unknown option, a missing value) are the user's.
    throw new UsageError((e as Error).message);
  }
  const { positionals, values } = parsed;
  const [cmd, ...rest] = positionals;
  if (values.help || cmd === 'help') {
    const topic = cmd === 'help' ? rest[0] : cmd;
    process.stdout.write(`${topic && HELP[topic] ? HELP[topic] : `${USAGE}\n\n${Object.values(HELP).join('\n\n')}`}\n`);
    return 0;
  }
  const meta: Partial<ArticleInput> = {
    ...(values.title ? { title: values.title } : {}),
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values.date ? { publishedAt: values.date } : {}),
    ...(values.url ? { url: values.url } : {}),
  };
  switch (cmd) {
    case 'extract': {
      const files = articleFiles(rest);
      if (files.length > 1 && Object.keys(meta).length > 0) throw new UsageError('--title/--publisher/--date/--url apply to a single file only');
      // Wait until stdout has taken each document: exiting earlier cuts a pipe at 64 KB.
      const write = (text: string) => new Promise<void>((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));
      if (values.out) mkdirSync(values.out, { recursive: true });
      let failed = 0;
      for (const file of files) {
        let doc;
        try {
          const p = prepareArticle(readArticle(file, meta));
          doc = toContract(p.extracted, p.cleaned);
        } catch (e) {
          if (files.length === 1) throw e;
          failed++;
          process.stderr.write(`failed ${file}: ${(e as Error).message}\n`);
          continue;
        }
        if (values.out) writeFileSync(path.join(values.out, `${path.basename(file).replace(/\.[^.]+$/, '')}.json`), `${JSON.stringify(doc, null, 2)}\n`);
        else if (files.length === 1) await write(`${JSON.stringify(doc, null, 2)}\n`);
        else await write(`${JSON.stringify({ source: file, ...doc })}\n`);
      }
      if (values.out) process.stderr.write(`${files.length - failed} documents written to ${values.out}${failed ? `, ${failed} failed` : ''}\n`);
      return failed > 0 ? 1 : 0;
    }
    case 'list': {
      const limit = positiveInt(values.limit, 'limit', 100);
      const conn = await connect(loadConfig(), { shareRunning: true });
      try {
        const rows = await conn.db.read(
          'MATCH (a:Article) RETURN a.id AS id, a.publishedAt AS publishedAt, a.title AS title, a.source AS source ORDER BY coalesce(a.publishedAt, ""), a.id LIMIT $limit',
          { limit: neo4j.int(limit) },
        );
        for (const r of rows) {
          process.stdout.write(values.json ? `${JSON.stringify(r)}\n` : `${r.id}\t${r.publishedAt ?? '          '}\t${r.title ?? ''}${r.source ? `\t${r.source}` : ''}\n`);
        }
        if (!values.json) process.stderr.write(`${rows.length} article(s)${rows.length === limit ? ` (the first ${limit}; --limit N for more)` : ''}\n`);
      } finally {
        await conn.close();
      }
      return 0;
    }
    case 'remove': {
      if (rest.length === 0) throw new UsageError('remove takes one or more article ids (article:…), as `list` prints them');
      for (const id of rest) check(z.object({ id: ArticleId }), { id });
      const conn = await connect(loadConfig(), { shareRunning: true });
      let missing = 0;
      try {
        for (const id of rest) {
          const removed = await removeArticle(conn.db, id);
          if (!removed) missing++;
          process.stdout.write(values.json ? `${JSON.stringify({ id, removed })}\n` : `${removed ? 'removed' : 'not found'} ${id}\n`);
        }
      } finally {
        await conn.close();
      }
      return missing > 0 ? 1 : 0;
    }
    case 'ingest': {
      const files = articleFiles(rest);
      if (files.length > 1 && Object.keys(meta).length > 0) throw new UsageError('--title/--publisher/--date/--url apply to a single file only');
      const workers = positiveInt(values.workers, 'workers', os.availableParallelism());
      const batch = positiveInt(values.batch, 'batch', 200);
      const conn = await connect(loadConfig(), { shareRunning: true });
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
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ ...s, workers, batch })}\n`);
        return s.failed.length > 0 ? 1 : 0;
      }
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
      if (values.import) return generateByImport(articles, seed);
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
      const conn = await connect(loadConfig(), { shareRunning: true });
      try {
        for (const s of await loadSeeds(conn.db, { onlyIfEmpty: false })) logger.info(s, 'seed written');
      } finally {
        await conn.close();
      }
      return 0;
    }
    default:
      throw new UsageError(cmd ? `unknown command ${JSON.stringify(cmd)}` : 'no command given');
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof UsageError ? `${err.message}\n${USAGE}` : (err as Error).message}\n`);
    process.exit(err instanceof UsageError || (err as { extensions?: { code?: string } }).extensions?.code === 'BAD_USER_INPUT' ? 2 : 1);
  },
);
