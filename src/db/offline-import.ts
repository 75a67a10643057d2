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
  /** Each stage of the importer as it starts (Nodes, Relationships, Node Degrees, …), numbered from 1. */
  onProgress?: (stage: string, index: number) => void;
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
    // Without it a failure says only "Error importing csv file", not which entry and why;
    // progress then comes as named stages, not percentages.
    '--verbose',
    // Otherwise it lands in the working directory.
    `--report-file=${path.join(conf, 'import.report')}`,
    'neo4j',
  ];
  let tail = '';
  let stages = 0;
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(javaBin, args, { env: { ...process.env, NEO4J_HOME: dataDir, NEO4J_CONF: conf }, stdio: ['ignore', 'pipe', 'pipe'] });
      // One reader per stream, each with its own unfinished last line.
      const reader = () => {
        let pending = '';
        return (b: Buffer) => {
          const s = b.toString('utf8');
          tail = (tail + s).slice(-6000);
          const lines = (pending + s).split('\n');
          pending = lines.pop()!;
          for (const line of lines) {
            // "Relationships, started 2026-12-03 18:29:05.893+0000" opens a stage.
            const st = /^(\S.*?), started \d{4}-\d\d-\d\d /.exec(line);
            if (st) opts.onProgress?.(st[1]!, ++stages);
          }
        };
      };
      child.stdout!.on('data', reader());
      child.stderr!.on('data', reader());
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
