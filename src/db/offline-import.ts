import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, DataError } from '../errors.js';
import { engineRunningOn, ensureLauncherBuilt, findJavaHome, LAUNCHER_DIR } from './local-neo4j.js';

/**
 * Neo4j's offline importer (`neo4j-admin database import full`, the AdminTool of the Maven
 * artifacts the local engine already runs on) filling the default database of a local data
 * directory from CSV files. It writes store files directly, without transactions: tens of
 * thousands of nodes per second on two cores where Cypher writes a few thousand, but only
 * into a store that does not exist yet, with no engine running on it.
 */
export class OfflineImportError extends DataError {
  constructor(message: string) {
    super(message);
    this.name = 'OfflineImportError';
  }
}

const storeDirs = (dataDir: string) => [path.join(dataDir, 'data/databases/neo4j'), path.join(dataDir, 'data/transactions/neo4j')];

/** Refuses a data directory the import could harm: one holding a store or used by an engine. */
export function assertImportable(dataDir: string): void {
  const pid = engineRunningOn(dataDir);
  if (pid !== undefined) {
    throw new ConfigError(`a local Neo4j (pid ${pid}) runs on ${dataDir}; stop it (and the server using it) before an offline import there`);
  }
  if (storeDirs(dataDir).some((d) => existsSync(d))) {
    throw new ConfigError(
      `${dataDir} already holds a graph store; the offline import only creates a new one. ` +
        `Set NEO4J_LOCAL_DATA_DIR to a new directory, or leave out --import to add articles to this graph through Cypher`,
    );
  }
}

export interface ImportOptions {
  dataDir: string;
  /** `--nodes=…` / `--relationships=…` arguments (csv.ts). */
  files: string[];
  heap?: string;
  javaHomes?: Array<string | undefined>;
  /** The importer's stage and percentage, as it reports them. */
  onProgress?: (stage: string, percent: number) => void;
}

/**
 * Runs the importer. On failure the half-written store is removed, so the directory is as
 * it was (without a store) and the error says what the importer reported.
 */
export async function runOfflineImport(opts: ImportOptions): Promise<{ seconds: number }> {
  const dataDir = path.resolve(opts.dataDir);
  assertImportable(dataDir);
  ensureLauncherBuilt(opts.javaHomes);
  const { javaBin } = findJavaHome(opts.javaHomes);
  // The importer reads neo4j.conf from NEO4J_CONF; ours needs none, so it gets an empty one.
  const conf = mkdtempSync(path.join(dataDir, '.import-conf-'));
  const started = performance.now();
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    '-cp',
    path.join(LAUNCHER_DIR, 'target/lib/*'),
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    ...opts.files,
    '--id-type=string',
    '--multiline-fields=true',
    `--array-delimiter=\u001f`,
    '--bad-tolerance=0',
    // The cause of a failure (which entry, why) is printed only with --verbose.
    '--verbose',
    // Otherwise it lands in the working directory.
    `--report-file=${path.join(conf, 'import.report')}`,
    'neo4j',
  ];
  let tail = '';
  let stage = 'import';
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(javaBin, args, { env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: conf }, stdio: ['ignore', 'pipe', 'pipe'] });
      const read = (b: Buffer) => {
        const s = b.toString('utf8');
        tail = (tail + s).slice(-6000);
        for (const line of s.split('\n')) {
          // "(1/4) Node import 2026-…" starts a stage; "…  45% ∆12ms" reports within it.
          const st = /^\((\d+\/\d+)\)\s+(.+?)\s+\d{4}-\d\d-\d\d/.exec(line);
          if (st) stage = `${st[1]} ${st[2]!.toLowerCase()}`;
          const pct = /\s(\d{1,3})% ∆/.exec(line);
          if (pct) opts.onProgress?.(stage, Number(pct[1]));
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.on('error', reject);
      child.on('exit', (c) => resolve(c ?? 1));
    });
    if (code !== 0) {
      // The bad entries are in the report; the output says only which kind of failure it was.
      let report = '';
      try {
        report = readFileSync(path.join(conf, 'import.report'), 'utf8').split('\n').filter(Boolean).slice(0, 3).join('; ');
      } catch {
        /* no report: the failure came before the data */
      }
      const said = tail
        .split('\n')
        .filter((l) => /^(Error|Caused by|[\w.]*Exception|Invalid|Missing|Unable|Duplicate)/.test(l.trim()))
        .slice(0, 3)
        .join('; ');
      throw new OfflineImportError(`the offline import failed (exit ${code}); nothing was kept. ${[said, report].filter(Boolean).join('; ') || tail.slice(-600).trim()}`);
    }
  } catch (err) {
    for (const d of storeDirs(dataDir)) rmSync(d, { recursive: true, force: true });
    throw err;
  } finally {
    rmSync(conf, { recursive: true, force: true });
  }
  return { seconds: (performance.now() - started) / 1000 };
}
