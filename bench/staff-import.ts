// `npm run bench -- staff-import`: 100,000 readings as an XLSX file through the staff console's import API
// (multipart upload, POST /api/v1/org/imports, GET …/:id until done: the imports.run job) against the
// NDJSON import of the same rows (POST /api/v1/org/readings/import), in the same run on the same database,
// both against the real service process (`src/main.ts`, ROLE=all: HTTP and the queue workers). Prints
// rows/s of both, the service's peak RSS growth during each (VmRSS sampled every 20 ms over its RSS just
// before), and last the ratio of the XLSX import's rows/s to the NDJSON's. Targets: ratio ≥ 0.5, RSS
// growth < 150 MB. Env: BENCH_DATABASE_URL (else an embedded PostgreSQL in a temporary directory).
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { freePort } from '../src/db/embedded.js';
import { loadConfig } from '../src/config.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { insertApiKey } from '../src/identity/api-clients.repo.js';
import { DEMO, seedDemoData } from '../src/sandbox/demo/index.js';
import { benchDatabase } from './_database.js';
import { ROWS, readingsFixture, readingsNdjson } from './_readings-fixture.js';
import { startProcess, stopProcess } from './_service.js';

const database = await benchDatabase();
const { url, dir } = database;
const config = loadConfig({ NODE_ENV: 'test', SANDBOX: 'true', DATABASE_URL: url, LOG_LEVEL: 'silent' });
const db = new pg.Pool({ connectionString: url, max: 4 });
db.on('error', () => undefined);
await seedDemoData(db, createFieldCipher(config.encryptionKeys));
const { key } = await insertApiKey(db, {
  organisationId: DEMO.organisationId,
  name: 'bench',
  permissions: ['charges.import'],
});
const rows = await readingsFixture(db);

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
      r.accountNumber,
      r.serialNumber,
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
const service = await startProcess({
  env: {
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
});
const base = `http://127.0.0.1:${port}`;
const auth = { authorization: `Bearer ${key}` };

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
  const res = await fetch(`${base}/api/v1/org/readings/import`, {
    method: 'POST',
    headers: {
      ...auth,
      'content-type': 'application/x-ndjson',
      'idempotency-key': `bench-${randomBytes(6).toString('hex')}`,
    },
    body: Readable.toWeb(Readable.from(readingsNdjson(rows))) as ReadableStream,
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
  await stopProcess(service);
  await db.end();
  await database.close();
}
