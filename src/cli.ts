import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfig } from './config.js';
import { connect } from './db/connect.js';
import { ensureLauncherBuilt } from './db/local-neo4j.js';
import { toContract } from './ingest/extract/index.js';
import { decodeUtf8, ingestArticle, prepareArticle, type ArticleInput } from './ingest/pipeline.js';
import { loadSeeds, resolveSeeds } from './ingest/seed.js';
import { logger } from './logger.js';

/**
 * Operator commands:
 *   ingest <file|dir>...  articles (.txt/.html, UTF-8) into Neo4j, one transaction each
 *                         [--title T --publisher P --date YYYY-MM-DD --url U] (single file only)
 *   extract <file>        run the pipeline without a database; one JSON document on stdout
 *   neo4j-build           build tools/neo4j-local with Maven (downloads Neo4j 5.26 once)
 *   check-seeds           validate the curated seed facts against their articles
 *   seed                  (re)write the seed articles into Neo4j
 */
const USAGE = `usage: tsx src/cli.ts <ingest <file|dir>... | extract <file> | neo4j-build | check-seeds | seed>
  ingest/extract options: --title T --publisher P --date YYYY-MM-DD --url U`;

class UsageError extends Error {}

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
    options: { title: { type: 'string' }, publisher: { type: 'string' }, date: { type: 'string' }, url: { type: 'string' } },
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
      const conn = await connect(loadConfig());
      const counts = { created: 0, updated: 0, unchanged: 0, failed: 0, nodes: 0, relationships: 0 };
      // A bar on a terminal; one line per article when the output is a log or a pipe.
      const tty = Boolean(process.stderr.isTTY);
      const bar = new SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true });
      if (tty) bar.start(files.length, 0, { file: '' });
      let done = 0;
      const progress = (file: string, outcome: string) => {
        done++;
        if (tty) bar.increment();
        else process.stderr.write(`ingest [${done}/${files.length}] ${path.basename(file)}: ${outcome}\n`);
      };
      const failures: string[] = [];
      try {
        for (const file of files) {
          if (tty) bar.update({ file: path.basename(file) });
          try {
            const s = await ingestArticle(conn.db, readArticle(file, meta));
            counts[s.status]++;
            counts.nodes += s.nodesCreated;
            counts.relationships += s.relationshipsCreated;
            progress(file, s.status);
          } catch (err) {
            counts.failed++;
            failures.push(`${file}: ${(err as Error).message}`);
            progress(file, 'failed');
          }
        }
      } finally {
        if (tty) bar.stop();
        await conn.close();
      }
      for (const f of failures) process.stderr.write(`failed ${f}\n`);
      process.stdout.write(
        `articles: ${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed; ` +
          `facts written: ${counts.nodes} nodes and ${counts.relationships} relationships created\n`,
      );
      return counts.failed > 0 ? 1 : 0;
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
