// `npm run bench -- staff-import`: 100,000 readings as an XLSX file through the staff console's import API
// (multipart upload, POST /api/v1/org/imports, GET …/:id until done: the imports.run job) against the
// NDJSON import of the same rows (POST /api/v1/org/readings/import), in the same run on the same database,
// both against the real service process (`src/main.ts`, ROLE=all: HTTP and the queue workers). Prints
// rows/s of both, the service's peak RSS growth during each (VmRSS sampled every 20 ms over its RSS just
// before), and last the ratio of the XLSX import's rows/s to the NDJSON's. Targets: ratio ≥ 0.5, RSS
// growth < 150 MB. Env: BENCH_DATABASE_URL (else an embedded PostgreSQL in a temporary directory).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { loadConfig } from '../src/config.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { insertApiKey } from '../src/identity/api-clients.repo.js';
import { DEMO, seedDemoData } from '../src/sandbox/demo/index.js';

const ROWS = 100_000;
const PERIODS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const METERS = ROWS / PERIODS.length; // 20,000 meters on 5,000 accounts
const RESOURCES = ['cold_water', 'hot_water', 'electricity', 'gas'] as const;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-bench-'));
let adminUrl = process.env.BENCH_DATABASE_URL;
let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
if (!adminUrl) {
  embedded = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), database: 'postgres' });
  adminUrl = embedded.url;
}
const dbName = `domhub_bench_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
admin.on('error', () => undefined); // the embedded server going down at the end
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
await migrate(url);
const config = loadConfig({ NODE_ENV: 'test', SANDBOX: 'true', DATABASE_URL: url, LOG_LEVEL: 'silent' });
const db = new pg.Pool({ connectionString: url, max: 4 });
db.on('error', () => undefined);
await seedDemoData(db, createFieldCipher(config.encryptionKeys));
const { key } = await insertApiKey(db, {
  organisationId: DEMO.organisationId,
  name: 'bench',
  permissions: ['charges.import'],
});

// Fixture: 5,000 accounts in the Moscow house with four single-tariff meters each (as readings-import).
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
const { rows: meters } = await db.query<{ number: string; serial_number: string }>(
  `SELECT a.number, m.serial_number FROM meters m JOIN accounts a ON a.id = m.account_id WHERE a.number LIKE 'B%' ORDER BY a.number, m.resource`,
);
// The same 100,000 rows for both: five monthly readings per meter, values with three decimals.
const rows = meters.flatMap((m, i) =>
  PERIODS.map((period, p) => ({
    number: m.number,
    serial: m.serial_number,
    period,
    takenOn: `${period}-20`,
    t1: `${1000 + (i % 700) + p * 7}.${String((i * 37 + p * 101) % 1000).padStart(3, '0')}`,
  })),
);

// The XLSX as a billing export would be: Russian headers, numbers as numbers, dates as dates.
const xlsxFile = path.join(dir, 'pokazaniya.xlsx');
{
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: xlsxFile,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = writer.addWorksheet('Показания');
  sheet.addRow(['Лицевой счёт', 'Заводской номер', 'Период', 'Дата снятия', 'Показание']).commit();
  for (const r of rows) {
    const [y, mo] = r.period.split('-').map(Number) as [number, number];
    const row = sheet.addRow([
      r.number,
      r.serial,
      `${String(mo).padStart(2, '0')}.${y}`,
      new Date(Date.UTC(y, mo - 1, 20)),
      Number(r.t1),
    ]);
    row.getCell(4).numFmt = 'dd.mm.yyyy';
    row.commit();
  }
  sheet.commit();
  await writer.commit();
}
const xlsxBytes = (await stat(xlsxFile)).size;

const port = await freePort();
const service = await startService();
const base = `http://127.0.0.1:${port}`;
const auth = { authorization: `Bearer ${key}` };

function startService(): Promise<ChildProcess> {
  const child = fork(path.join(root, 'src/main.ts'), [], {
    cwd: root,
    env: {
      ...process.env,
      ROLE: 'all',
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SANDBOX: 'false',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the service exited with ${code}`)));
    const deadline = Date.now() + 90_000;
    const poll = async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        await r.arrayBuffer();
        if (r.status === 200) return resolve(child);
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) return reject(new Error('the service did not start'));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

async function rssMiB() {
  const status = await readFile(`/proc/${service.pid}/status`, 'utf8').catch(() => '');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Runs `work`, sampling the service's RSS; answers its time and the peak growth over the RSS before it. */
async function measured(work: () => Promise<void>) {
  const before = await rssMiB();
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rssMiB());
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = performance.now();
  try {
    await work();
  } finally {
    sampling = false;
    await sampler;
  }
  return { ms: performance.now() - started, growth: peak - before, before };
}

async function reset() {
  // The service's queue workers are still sending the first run's sync items: TRUNCATE may meet one of
  // them in a deadlock (40P01), which PostgreSQL resolves by failing one side; try again then.
  for (let attempt = 1; ; attempt++) {
    try {
      await db.query(`TRUNCATE meter_readings, sync_items`);
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== '40P01' || attempt === 5) throw e;
    }
  }
  await db.query(`VACUUM ANALYZE meter_readings`);
}

async function importNdjson() {
  async function* body() {
    for (let i = 0; i < rows.length; i += 5000) {
      yield rows
        .slice(i, i + 5000)
        .map(
          (r) =>
            `{"accountNumber":"${r.number}","serialNumber":"${r.serial}","period":"${r.period}","takenOn":"${r.takenOn}","t1":"${r.t1}"}\n`,
        )
        .join('');
    }
  }
  const res = await fetch(`${base}/api/v1/org/readings/import`, {
    method: 'POST',
    headers: {
      ...auth,
      'content-type': 'application/x-ndjson',
      'idempotency-key': `bench-${randomBytes(6).toString('hex')}`,
    },
    body: Readable.toWeb(Readable.from(body())) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const result = (await res.json()) as { accepted: number };
  if (res.status !== 200 || result.accepted !== ROWS)
    throw new Error(`NDJSON import failed: ${res.status} ${JSON.stringify(result).slice(0, 500)}`);
}

async function importXlsx() {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pokazaniya.xlsx"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body() {
    yield head;
    yield* createReadStream(xlsxFile, { highWaterMark: 256 * 1024 });
    yield tail;
  }
  const up = await fetch(`${base}/api/v1/org/imports/uploads?kind=readings`, {
    method: 'POST',
    headers: {
      ...auth,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + xlsxBytes + tail.length),
    },
    body: Readable.toWeb(Readable.from(body())) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const upload = (await up.json()) as { id: string; mapping: Record<string, string | null> };
  if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${JSON.stringify(upload).slice(0, 500)}`);
  const start = await fetch(`${base}/api/v1/org/imports`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ uploadId: upload.id, mapping: upload.mapping }),
  });
  const run = (await start.json()) as { id: string };
  if (start.status !== 202) throw new Error(`start failed: ${start.status} ${JSON.stringify(run).slice(0, 500)}`);
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${base}/api/v1/org/imports/${run.id}`, { headers: auth });
    const state = (await res.json()) as {
      status: string;
      rowsImported: number;
      error: string | null;
      firstErrors: unknown[];
    };
    if (state.status === 'failed') throw new Error(`the import failed: ${state.error}`);
    if (state.status !== 'done') continue;
    if (state.rowsImported !== ROWS)
      throw new Error(`imported ${state.rowsImported} of ${ROWS}: ${JSON.stringify(state.firstErrors.slice(0, 3))}`);
    return;
  }
}

async function check(label: string) {
  const { rows: c } = await db.query(
    `SELECT (SELECT count(*) FROM meter_readings WHERE superseded_at IS NULL AND source = 'organisation')::int AS readings,
            (SELECT count(*) FROM sync_items)::int AS sync`,
  );
  // The service's own sweep (gis.sweep, every minute) may queue more items than the readings' own.
  if (c[0].readings !== ROWS || c[0].sync < ROWS)
    throw new Error(`${label}: expected ${ROWS} readings and their sync items, got ${JSON.stringify(c[0])}`);
}

try {
  await reset();
  // The XLSX first: its RSS growth is then measured from a service that has not yet grown on the NDJSON.
  const xlsx = await measured(importXlsx);
  await check('XLSX');
  await reset();
  const ndjson = await measured(importNdjson);
  await check('NDJSON');
  const rate = (ms: number) => Math.round((ROWS / ms) * 1000);
  console.log(`XLSX file: ${(xlsxBytes / 1024 / 1024).toFixed(1)} MiB, ${ROWS} rows`);
  console.log(
    `staff import (XLSX upload → imports.run → done): ${xlsx.ms.toFixed(0)} ms → ${rate(xlsx.ms)} rows/s; ` +
      `service RSS ${xlsx.before.toFixed(0)} MiB before, peak growth ${xlsx.growth.toFixed(0)} MiB (target < 150)`,
  );
  console.log(
    `NDJSON import (POST /api/v1/org/readings/import):  ${ndjson.ms.toFixed(0)} ms → ${rate(ndjson.ms)} rows/s; ` +
      `service RSS peak growth ${ndjson.growth.toFixed(0)} MiB`,
  );
  console.log(`staff-import/NDJSON rate ratio: ${(ndjson.ms / xlsx.ms).toFixed(3)} (target ≥ 0.5)`);
} finally {
  service.removeAllListeners('exit');
  service.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  await db.end();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
  await rm(dir, { recursive: true, force: true });
}
