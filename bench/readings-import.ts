// 100,000 readings through POST /api/v1/org/readings/import (NDJSON over real HTTP to the running app)
// against a plain COPY of the same rows into meter_readings, in the same run on the same database.
// Uses BENCH_DATABASE_URL's server (a scratch database is created and dropped) or an embedded PostgreSQL.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../src/app.js';
import { composeDeps } from '../src/compose.js';
import { loadConfig } from '../src/config.js';
import { freePort } from '../src/db/embedded.js';
import { createPool } from '../src/db/pool.js';
import { createBoss } from '../src/db/queue.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { insertApiKey } from '../src/identity/api-clients.repo.js';
import { createLogger } from '../src/logger.js';
import { DEMO, seedDemoData } from '../src/sandbox/demo/index.js';
import { createQueues } from '../jobs/index.js';
import { benchDatabase } from './_database.js';
import { ROWS, readingsFixture, readingsNdjson } from './_readings-fixture.js';

const database = await benchDatabase();
const { url } = database;
const port = await freePort();
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SANDBOX: 'true',
  DATABASE_URL: url,
  PORT: String(port),
});
const db = createPool(url, 10);
const boss = createBoss(url, { schedule: false, supervise: false });
boss.on('error', () => undefined);
await boss.start();
await createQueues(boss);
await seedDemoData(db, createFieldCipher(config.encryptionKeys));
// Only the organisation API is measured: no sign-in provider, no state-system client.
const deps = await composeDeps(
  { config, db, boss, log: createLogger('silent') },
  { identity: null, stateSystem: null },
);
const app = await buildApp(deps);
await app.listen({ host: '127.0.0.1', port });
const { key } = await insertApiKey(db, {
  organisationId: DEMO.organisationId,
  name: 'bench',
  permissions: ['charges.import'],
});

const rows = await readingsFixture(db);

async function copyRows() {
  const client = await db.connect();
  try {
    const started = performance.now();
    const stream = client.query(
      copyFrom(`COPY meter_readings (meter_id, period, taken_on, t1, source, submitted_by) FROM STDIN`),
    );
    async function* lines() {
      for (let i = 0; i < rows.length; i += 5000) {
        yield rows
          .slice(i, i + 5000)
          .map((r) => `${r.meterId}\t${r.period}\t${r.takenOn}\t${r.t1}\torganisation\tbench\n`)
          .join('');
      }
    }
    await pipeline(Readable.from(lines()), stream);
    return performance.now() - started;
  } finally {
    client.release();
  }
}

async function reset() {
  await db.query(`TRUNCATE meter_readings, sync_items`);
  await db.query(`VACUUM ANALYZE meter_readings`);
}

async function importOverHttp() {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/org/readings/import`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/x-ndjson',
      'idempotency-key': `bench-${randomBytes(6).toString('hex')}`,
    },
    body: Readable.toWeb(Readable.from(readingsNdjson(rows))) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const result = (await res.json()) as { accepted: number; rejected: number };
  const ms = performance.now() - started;
  if (res.status !== 200 || result.accepted !== ROWS)
    throw new Error(`import failed: ${res.status} ${JSON.stringify(result).slice(0, 500)}`);
  return ms;
}

try {
  const copyBefore = await copyRows();
  await reset();
  const importMs = await importOverHttp();
  const { rows: check } = await db.query(
    `SELECT (SELECT count(*) FROM meter_readings)::int AS readings, (SELECT count(*) FROM sync_items)::int AS sync`,
  );
  if (check[0].readings !== ROWS || check[0].sync !== ROWS)
    throw new Error(`expected ${ROWS} readings and sync items, got ${JSON.stringify(check[0])}`);
  await reset();
  const copyAfter = await copyRows();
  const copyMs = Math.min(copyBefore, copyAfter); // the faster COPY: the stricter baseline
  const rate = (ms: number) => Math.round((ROWS / ms) * 1000);
  console.log(
    `COPY of ${ROWS} rows:       ${copyBefore.toFixed(0)} ms and ${copyAfter.toFixed(0)} ms → ${rate(copyMs)} rows/s (faster run)`,
  );
  console.log(
    `bulk import over HTTP:  ${importMs.toFixed(0)} ms → ${rate(importMs)} rows/s (validated, superseding, + ${ROWS} sync_items)`,
  );
  console.log(`peak RSS (app + client in one process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  console.log(`import/COPY rate ratio: ${(copyMs / importMs).toFixed(3)} (target ≥ 0.333)`);
} finally {
  await app.close();
  await boss.stop({ graceful: false, close: true, timeout: 2000 }).catch(() => undefined);
  await db.end();
  await database.close();
}
