/**
 * `npm test`: starts a throw-away Neo4j 5.26 (local engine, free port, temp data dir), runs
 * every test file with node's test runner against it, then stops it and deletes the data.
 * Set TEST_NEO4J_URI to run against a Neo4j of your own instead (it will be wiped).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j.js';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const files = (only.length ? only : readdirSync(path.join(root, 'test')).filter((f) => f.endsWith('.test.ts')).map((f) => path.join('test', f))).sort();

// The explorer test drives Debian's Chromium; as root on Debian we can install it (with
// CJK fonts) ourselves, so that `npm test` needs nothing set up by hand.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.error('installing Debian chromium and fonts-noto-cjk for the browser tests…');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit' });
}

let local: LocalNeo4j | undefined;
let dataDir: string | undefined;
let uri = process.env.TEST_NEO4J_URI;
if (!uri) {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadre-graph-test-'));
  const { NEO4J_JAVA_HOME, JAVA_HOME } = loadConfig();
  local = await startLocalNeo4j({ port: await freePort(), dataDir, javaHomes: [NEO4J_JAVA_HOME, JAVA_HOME] });
  uri = local.uri;
}

const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TEST_NEO4J_URI: uri, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });
  child.on('exit', (c) => resolve(c ?? 1));
});

await local?.stop();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
process.exit(code);
