// `npm run bench -- gis-export`: readings exported to the state-system simulator end to end (batches of
// 1,000, signed, Acked, polled, applied), by real processes: an API process serving the simulator and a
// worker process running the exchange. Run 1: no faults (time, readings/s, signing share). Run 2: 30%
// faults (503, timeouts, SOAP faults, EXP001000) and a `kill -9` of the worker mid-export, then a restart;
// the simulator must count every reading accepted exactly once. BENCH_READINGS sets the size (100000).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, freePort } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { createBoss } from '../src/db/queue.js';
import { gostEngineAvailable } from '../adapters/gost/openssl.js';

const N = Number(process.env.BENCH_READINGS ?? 100_000);
const METERS = Math.max(1, Math.min(1000, Math.ceil(N / 100)));
const ORG = '00000000-0000-4000-8000-000000000001';

const embedded = process.env.BENCH_DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dir: join(await mkdtemp(join(tmpdir(), 'gis-bench-')), 'pg'), port: 0 });
const url = process.env.BENCH_DATABASE_URL || embedded!.url;
await migrate(url, () => undefined);
const db = createPool(url, 4);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const common = {
  ...process.env,
  DATABASE_URL: url,
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  SANDBOX: 'true',
  PUBLIC_URL: base,
  PORT: String(port),
  HOST: '127.0.0.1',
};

function start(role: 'api' | 'worker', extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...common,
      ROLE: role,
      DEMO_DATA: role === 'api' ? 'true' : 'false',
      GIS_BASE_URL: `${base}/sandbox/gis`,
      GIS_TIMEOUT_MS: '10000',
      GIS_POLL_SCHEDULE: '1,1,2',
      GIS_RETRY_DELAY_SECONDS: '0.5',
      GIS_SEND_ATTEMPTS: '30',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The processes' own logs (warnings and errors), for when a run goes wrong.
  child.stdout!.pipe(createWriteStream(join(tmpdir(), `gis-export-${role}.log`), { flags: 'a' }));
  return child;
}

/** SIGTERM and wait for the exit, so the next process can take the port. */
async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function waitFor(what: string, fn: () => Promise<boolean>, ms = 30 * 60_000) {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const count = async (sql: string, values: unknown[] = []) => Number((await db.query(sql, values)).rows[0].n);

async function api(fault: string) {
  const child = start('api', {
    GIS_SIM_FAULT_RATE: fault,
    GIS_SIM_DELAY_MS: '300',
    GIS_SIM_HANG_MS: '12000',
    GIS_SIM_VALIDATE: process.env.BENCH_VALIDATE ?? 'false',
  });
  await waitFor(
    'api up',
    async () =>
      fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    120_000,
  );
  return child;
}

/** Meters known to both sides, N readings queued for sync (as metering does on accepted readings). */
async function seed(label: string) {
  await db.query(`DELETE FROM sync_items WHERE operation = 'importMeteringDeviceValues'`);
  await db.query(
    `DELETE FROM gis_messages; DELETE FROM gis_sim_objects WHERE operation = 'importMeteringDeviceValues'; DELETE FROM gis_sim_messages`,
  );
  await db.query(
    `DELETE FROM meter_readings WHERE meter_id IN (SELECT id FROM meters WHERE serial_number LIKE 'BENCH-%')`,
  );
  await db.query(
    `INSERT INTO meters (account_id, resource, serial_number, gis_guid, gis_root_guid)
     SELECT '00000000-0000-4000-8000-000000000301', 'cold_water', 'BENCH-' || n, gen_random_uuid(), gen_random_uuid() FROM generate_series(1, $1) n
     ON CONFLICT DO NOTHING`,
    [METERS],
  );
  await db.query(
    `INSERT INTO gis_sim_objects (transport_guid, operation, org_ppa_guid, object_guid, root_guid, unique_number)
     SELECT gen_random_uuid(), 'importMeteringDeviceData', o.gis_ppa_guid, m.gis_guid::uuid, m.gis_root_guid, '' FROM meters m, organisations o
      WHERE m.serial_number LIKE 'BENCH-%' AND o.id = $1
        AND NOT EXISTS (SELECT 1 FROM gis_sim_objects s WHERE s.object_guid = m.gis_guid::uuid)`,
    [ORG],
  );
  await db.query(
    `WITH m AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM meters WHERE serial_number LIKE 'BENCH-%'),
          r AS (INSERT INTO meter_readings (meter_id, period, taken_on, t1, source)
                SELECT m.id, to_char(d, 'YYYY-MM'), d::date, (n * 0.125)::numeric(15,3), 'resident'
                  FROM generate_series(0, $1 - 1) n JOIN m ON m.k = n % $2
                  CROSS JOIN LATERAL (SELECT DATE '2000-01-20' + make_interval(months => n / $2) AS d) p -- one reading per meter and month
                RETURNING id)
     INSERT INTO sync_items (organisation_id, operation, object_type, object_id) SELECT $3, 'importMeteringDeviceValues', 'reading', id FROM r`,
    [N, METERS, ORG],
  );
  await db.query(
    `INSERT INTO gis_sync_settings (organisation_id, enabled) VALUES ($1, true) ON CONFLICT (organisation_id) DO UPDATE SET enabled = true`,
    [ORG],
  );
  console.log(`${label}: ${N} readings of ${METERS} meters queued`);
}

const BENCH_ITEMS = `SELECT s.* FROM sync_items s JOIN meter_readings r ON r.id = s.object_id JOIN meters m ON m.id = r.meter_id WHERE s.operation = 'importMeteringDeviceValues' AND m.serial_number LIKE 'BENCH-%'`;
const accepted = () => count(`SELECT count(*) AS n FROM (${BENCH_ITEMS}) s WHERE status = 'accepted'`);
const finished = () =>
  count(`SELECT count(*) AS n FROM (${BENCH_ITEMS}) s WHERE status IN ('accepted', 'rejected', 'dead')`);
let boss: ReturnType<typeof createBoss> | undefined;
/** The nudge metering sends with each accepted reading (the worker's gis.sweep would find them within a minute). */
async function kick() {
  if (!boss) {
    boss = createBoss(url, { schedule: false, supervise: false });
    boss.on('error', () => undefined);
    await boss.start();
  }
  await boss.send(
    'sync.dispatch',
    { organisationId: ORG, operation: 'importMeteringDeviceValues' },
    { singletonKey: `${ORG}:importMeteringDeviceValues` },
  );
}

// Run 1: clean.
let apiProc = await api('0');
await seed('run 1 (no faults)');
let worker = start('worker');
let t0 = performance.now();
await kick();
await waitFor('run 1 done', async () => (await finished()) >= N);
const clean = (performance.now() - t0) / 1000;
const sign = await db.query(
  `SELECT sum(signing_ms)::float8 AS ms, count(*)::int AS n, sum(attempts)::int AS a FROM gis_messages WHERE operation = 'importMeteringDeviceValues'`,
);
const acceptedClean = await accepted();
const simClean = await count(
  `SELECT count(*) AS n FROM gis_sim_objects WHERE transport_guid IN (SELECT transport_guid FROM (${BENCH_ITEMS}) b)`,
);
console.log(
  `run 1: ${acceptedClean}/${N} accepted (simulator counts ${simClean}) in ${clean.toFixed(1)} s = ${(N / clean).toFixed(0)} readings/s; ${sign.rows[0].n} messages`,
);
const algorithm = gostEngineAvailable() ? 'GOST R 34.10-2012 (256), OpenSSL GOST engine' : 'RSA (no GOST engine here)';
console.log(
  `run 1: signing (${algorithm}) ${(sign.rows[0].ms / 1000).toFixed(1)} s = ${((sign.rows[0].ms / 1000 / clean) * 100).toFixed(1)}% of the wall time`,
);
await stop(worker);
await stop(apiProc);

// Run 2: 30% faults, kill -9 of the worker mid-export, restart.
apiProc = await api('0.3');
await seed('run 2 (30% faults, kill -9)');
worker = start('worker');
t0 = performance.now();
await kick();
await waitFor('a third accepted', async () => (await accepted()) >= N / 3);
worker.kill('SIGKILL');
await new Promise((r) => worker.once('exit', r));
const atKill = await accepted();
console.log(
  `run 2: worker killed with kill -9 at ${atKill} accepted, after ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
await new Promise((r) => setTimeout(r, 2000));
worker = start('worker');
await kick();
await waitFor('run 2 done', async () => (await finished()) >= N);
const faulty = (performance.now() - t0) / 1000;
const acceptedFaulty = await accepted();
const sim = await db.query(
  `SELECT count(*)::int AS objects, count(DISTINCT transport_guid)::int AS distinct_guids, count(*) FILTER (WHERE times_received > 1)::int AS resent
     FROM gis_sim_objects WHERE operation = 'importMeteringDeviceValues' AND transport_guid IN (SELECT transport_guid FROM (${BENCH_ITEMS}) b)`,
);
const unmatched = await count(
  `SELECT count(*) AS n FROM (${BENCH_ITEMS}) s WHERE NOT EXISTS (SELECT 1 FROM gis_sim_objects o WHERE o.transport_guid = s.transport_guid)`,
);
const msgs = await db.query(
  `SELECT count(*)::int AS n, sum(attempts)::int AS retries, count(*) FILTER (WHERE status = 'dead')::int AS dead FROM gis_messages WHERE operation = 'importMeteringDeviceValues'`,
);
console.log(
  `run 2: ${acceptedFaulty}/${N} accepted in ${faulty.toFixed(1)} s; ${msgs.rows[0].n} messages, ${msgs.rows[0].retries} fresh resends, ${msgs.rows[0].dead} dead`,
);
console.log(
  `run 2: simulator holds ${sim.rows[0].objects} readings (${sim.rows[0].distinct_guids} distinct TransportGUIDs, ${sim.rows[0].resent} received more than once but accepted once); ${unmatched} of ours missing there`,
);
worker.kill('SIGTERM');
apiProc.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 3000));
const exactlyOnce =
  sim.rows[0].objects === N && sim.rows[0].distinct_guids === N && unmatched === 0 && acceptedFaulty === N;
await boss?.stop({ graceful: false, close: true }).catch(() => undefined);
await db.end();
await embedded?.stop();
console.log(
  `gis-export: ${(N / clean).toFixed(0)} readings/s clean (signing ${algorithm}: ${((sign.rows[0].ms / 1000 / clean) * 100).toFixed(1)}% of time); 30% faults + kill -9: ${exactlyOnce ? 'every reading accepted exactly once' : 'MISMATCH'} (${faulty.toFixed(0)} s)`,
);
process.exit(exactlyOnce ? 0 : 1);
