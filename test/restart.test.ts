import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/connect.js';
import { freePort } from '../src/db/local-neo4j.js';
import { loadSeeds } from '../src/ingest/seed.js';

/** What `npm start` does, twice, on its own local Neo4j and data directory. */
test('a restart keeps the data and loads nothing twice', { timeout: 300_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cadre-graph-restart-'));
  const env = { NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_LOCAL_DATA_DIR: dataDir, LOG_LEVEL: 'warn', NEO4J_LOCAL_HEAP: '768m', NEO4J_LOCAL_PAGECACHE_MB: '64' };
  const count = async (c: Awaited<ReturnType<typeof connect>>) => {
    const [row] = await c.db.read('MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r');
    return `${row!.n}/${row!.r}`;
  };
  try {
    const first = await connect(loadConfig(env, { dotenv: false }));
    assert.ok(first.local, 'NEO4J_URI unset: the local Neo4j is started');
    // The engine runs with the heap and page cache the environment asked for.
    const argv = readFileSync(`/proc/${first.local.pid}/cmdline`, 'utf8').split('\0');
    assert.ok(argv.includes('-Xmx768m'), argv.join(' '));
    assert.equal(argv[argv.indexOf('--pagecache-mb') + 1], '64');
    const written = await loadSeeds(first.db, { onlyIfEmpty: true });
    assert.equal(written.length, 5);
    const before = await count(first);
    await first.close();

    const second = await connect(loadConfig(env, { dotenv: false }));
    const again = await loadSeeds(second.db, { onlyIfEmpty: true });
    assert.equal(again.length, 0, 'nothing is loaded twice');
    assert.equal(await count(second), before);
    await second.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a busy port gets an error that says what to do', async () => {
  const net = await import('node:net');
  const srv = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => srv.once('listening', r));
  const port = (srv.address() as { port: number }).port;
  try {
    await assert.rejects(
      connect(loadConfig({ NEO4J_LOCAL_PORT: String(port), NEO4J_LOCAL_DATA_DIR: os.tmpdir() + '/unused' }, { dotenv: false })),
      /already in use.*NEO4J_LOCAL_PORT/,
    );
  } finally {
    srv.close();
  }
});

test('bad configuration is refused naming the variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x' }, { dotenv: false }), /PORT.*NEO4J_URI|NEO4J_URI.*PORT/);
  assert.throws(() => loadConfig({ NEO4J_LOCAL_HEAP: '3 GB' }, { dotenv: false }), /NEO4J_LOCAL_HEAP.*JVM size/);
  assert.throws(() => loadConfig({ NEO4J_LOCAL_PAGECACHE_MB: '4g' }, { dotenv: false }), /NEO4J_LOCAL_PAGECACHE_MB/);
});
