// 100,000 readings through POST /api/v1/org/readings/import (NDJSON over real HTTP to the running app)
// against a plain COPY of the same rows into meter_readings, in the same run on the same database.
// Uses BENCH_DATABASE_URL's server (a scratch database is created and dropped) or an embedded PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../src/app.js';
import { composeDeps } from '../src/compose.js';
import { loadConfig } from '../src/config.js';
import { freePort, startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { createBoss } from '../src/db/queue.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { insertApiKey } from '../src/identity/api-clients.repo.js';
import { createLogger } from '../src/logger.js';
import { DEMO, seedDemoData } from '../src/sandbox/demo/index.js';
import { createQueues } from '../jobs/index.js';

const ROWS = 100_000;
const PERIODS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const METERS = ROWS / PERIODS.length; // 20,000 meters on 5,000 accounts
const RESOURCES = ['cold_water', 'hot_water', 'electricity', 'gas'] as const;

let adminUrl = process.env.BENCH_DATABASE_URL;
let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
let dir: string | undefined;
if (!adminUrl) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-bench-'));
  embedded = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), database: 'postgres' });
  adminUrl = embedded.url;
}
const dbName = `domhub_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();

const port = await freePort();
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SANDBOX: 'true',
  DATABASE_URL: url,
  PORT: String(port),
});
await migrate(url);
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

// Fixture: 5,000 accounts in the Moscow house with four single-tariff meters each.
await db.query(
  `INSERT INTO accounts (organisation_id, house_id, number)
   SELECT $1, $2, 'B' || lpad(n::text, 6, '0') FROM generate_series(1, $3::int) n`,
  [DEMO.organisationId, DEMO.houses.moscow, METERS / RESOURCES.length],
);
await db.query(
  `INSERT INTO meters (account_id, resource, serial_number, digit_capacity, next_verification)
   SELECT a.id, r, a.number || '-' || r, 6, '2035-01-01' FROM accounts a CROSS JOIN unnest($1::text[]) r WHERE a.number LIKE 'B%'`,
  [RESOURCES],
);
const { rows: meters } = await db.query(
  `SELECT m.id, a.number, m.serial_number FROM meters m JOIN accounts a ON a.id = m.account_id WHERE a.number LIKE 'B%' ORDER BY a.number, m.resource`,
);

// The same 100,000 rows for both paths: five monthly readings per meter, values with three decimals.
const rows = meters.flatMap((m, i) =>
  PERIODS.map((period, p) => ({
    m,
    period,
    takenOn: `${period}-20`,
    t1: `${1000 + (i % 700) + p * 7}.${String((i * 37 + p * 101) % 1000).padStart(3, '0')}`,
  })),
);

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
          .map((r) => `${r.m.id}\t${r.period}\t${r.takenOn}\t${r.t1}\torganisation\tbench\n`)
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
  async function* body() {
    for (let i = 0; i < rows.length; i += 5000) {
      yield rows
        .slice(i, i + 5000)
        .map(
          (r) =>
            `{"accountNumber":"${r.m.number}","serialNumber":"${r.m.serial_number}","period":"${r.period}","takenOn":"${r.takenOn}","t1":"${r.t1}"}\n`,
        )
        .join('');
    }
  }
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/org/readings/import`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': 'application/x-ndjson',
      'idempotency-key': `bench-${randomBytes(6).toString('hex')}`,
    },
    body: Readable.toWeb(Readable.from(body())) as ReadableStream,
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
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
