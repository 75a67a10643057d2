import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { createDb, createDriver } from '../src/db/gateway.js';
import { findJavaHome, freePort, LAUNCHER_DIR, processAlive, startLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { createApp } from '../src/server.js';

/**
 * Neo4j faults as an operator meets them, on an engine of its own (the shared test engine must
 * not be stopped): stopped, killed, orphaned, left stale.
 */
const alive = processAlive;
const until = async (what: string, ms: number, check: () => Promise<boolean> | boolean) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what} did not happen within ${ms / 1000} s`);
};

test('Neo4j stopped or killed: 503 DATABASE_UNAVAILABLE within seconds, then recovery by itself', { timeout: 300_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadre-graph-faults-'));
  const local = await startLocalNeo4j({ port: await freePort(), dataDir });
  const driver = createDriver(local.uri, 'neo4j', '');
  const db = createDb(driver, 'neo4j');
  await migrate(driver, 'neo4j');
  const app = createApp({ db, config: loadConfig({ NEO4J_URI: local.uri, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'error' }, { dotenv: false }) });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const ask = async () => {
    const t0 = performance.now();
    const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { places } }"}' });
    return { status: res.status, body: await res.json(), ms: performance.now() - t0 };
  };
  const ready = async () => {
    const t0 = performance.now();
    const res = await fetch(`${base}/ready`);
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0 };
  };
  try {
    assert.equal((await ask()).status, 200);
    assert.equal((await ready()).status, 200);

    // Stopped: the port accepts connections and nothing answers.
    const pid = local.pid!;
    process.kill(pid, 'SIGSTOP');
    try {
      const r = await ready();
      assert.equal(r.status, 503);
      assert.ok(r.ms < 2000, `/ready took ${r.ms.toFixed(0)} ms`);
      const q = await ask();
      assert.equal(q.status, 503);
      assert.equal(q.body.errors[0].extensions.code, 'DATABASE_UNAVAILABLE');
      assert.match(q.body.errors[0].message, /try again/);
      assert.ok(q.ms < 8000, `the query took ${q.ms.toFixed(0)} ms`);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await until('recovery after SIGCONT', 20_000, async () => (await ask()).status === 200);

    // Killed: answered at once, and the supervisor starts a new engine on the same store.
    process.kill(pid, 'SIGKILL');
    await until('the engine to die', 10_000, () => !alive(pid));
    const q = await ask();
    assert.equal(q.status, 503);
    assert.equal(q.body.errors[0].extensions.code, 'DATABASE_UNAVAILABLE');
    assert.ok(q.ms < 8000, `the query took ${q.ms.toFixed(0)} ms`);
    await until('the supervisor to restart Neo4j', 120_000, async () => local.pid !== undefined && local.pid !== pid);
    await until('recovery after the restart', 30_000, async () => (await ask()).status === 200);
    assert.equal((await ready()).status, 200);
  } finally {
    await new Promise((r) => app.server.close(r));
    await app.close();
    await driver.close();
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a killed server leaves no Neo4j behind, and a stale one on the data directory is stopped before start', { timeout: 300_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadre-graph-orphan-'));
  const pidOf = () => Number(readFileSync(path.join(dataDir, 'neo4j-local.pid'), 'utf8'));
  try {
    // A parent that starts the engine and is then killed with SIGKILL (no cleanup runs).
    const port = await freePort();
    const script = `import { startLocalNeo4j } from './src/db/local-neo4j.ts';
      await startLocalNeo4j({ port: ${port}, dataDir: ${JSON.stringify(dataDir)} }); console.log('UP'); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      parent.stdout!.on('data', (b: Buffer) => b.toString().includes('UP') && resolve());
      parent.once('exit', (c) => reject(new Error(`the parent exited (${c}) before the engine was up`)));
    });
    const engine = pidOf();
    assert.ok(alive(engine));
    parent.kill('SIGKILL');
    await until('the orphaned engine to stop by itself', 60_000, () => !alive(engine));

    // An engine started by hand without the parent watch: found by its pid file and stopped.
    const { javaBin } = findJavaHome();
    const stale = spawn(javaBin, ['-Xmx512m', '-jar', path.join(LAUNCHER_DIR, 'target/neo4j-local.jar'), '--port', String(await freePort()), '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    });
    await new Promise<void>((resolve) => stale.stdout!.on('data', (b: Buffer) => b.toString().includes('NEO4J_LOCAL_READY') && resolve()));
    const fresh = await startLocalNeo4j({ port: await freePort(), dataDir });
    try {
      assert.ok(!alive(stale.pid!), 'the stale engine was stopped');
      assert.notEqual(fresh.pid, stale.pid);
    } finally {
      await fresh.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
