// `npm run bench -- resident-load`: the resident reads of a busy evening. 1,000 residents, each signed in
// with a session of their own, behind autocannon at 50 connections (each request takes the next session):
//   home     GET /api/v1/me, /api/v1/me/accounts, /api/v1/me/balance in turn (what the home screen loads)
//   meters   GET /api/v1/me/accounts/{id}/meters
//   charges  GET /api/v1/me/charges
// against the real service process (`src/main.ts` compiled as the Dockerfile builds it, ROLE=api, LOG_LEVEL=info to /dev/null, sandbox peers off
// unless BENCH_SANDBOX=true) and, in the
// same run, a bare node:http + pg process answering the same paths with the same SQL and domain
// functions (bench/_resident-baseline.ts). Prints requests/s, p50, p99 and database transactions per
// request for both, the ratio per group, the service's peak RSS (VmHWM), and last the headline: the
// lowest ratio of the three groups. Targets: ratio ≥ 0.7, service p99 < 50 ms, peak RSS < 250 MB.
// Env: BENCH_DATABASE_URL (a scratch database on that server, else an embedded PostgreSQL), BENCH_SECONDS (10),
// BENCH_CONNECTIONS (50), BENCH_CPU_PROF=<dir> (both processes run with --cpu-prof into that directory).
// The residents are tenants of the demo accounts (flat 12 in Moscow, flat 5 in Vladivostok, alternately),
// so every request reads real meters, five months of readings and twelve months of charges.
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { freePort } from '../src/db/embedded.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { insertSession } from '../src/identity/sessions.repo.js';
import { DEMO, seedDemoData } from '../src/sandbox/demo/index.js';
import { benchDatabase } from './_database.js';
import { compileProject, startProcess, stopProcess } from './_service.js';

const RESIDENTS = 1_000;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

const database = await benchDatabase();
const { url } = database;
const config = loadConfig({ NODE_ENV: 'test', SANDBOX: 'true', DATABASE_URL: url, LOG_LEVEL: 'silent' });
const cipher = createFieldCipher(config.encryptionKeys);
const db = new pg.Pool({ connectionString: url, max: 4 });
// pool.end() can resolve while a closing connection is still open; the scratch database's DROP … FORCE then ends it.
db.on('error', () => undefined);
await seedDemoData(db, cipher);

// 1,000 residents with encrypted SNILS and phone (the profile decrypts and masks them), each a tenant.
const ids = Array.from({ length: RESIDENTS }, (_, i) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`);
await db.query(
  `INSERT INTO persons (id, provider, subject, last_name, first_name, middle_name, birth_date, snils_enc, email,
                       email_verified, mobile_enc)
   SELECT id, 'esia', 'bench-' || n, 'Жильцов', 'Пётр', 'Ильич', DATE '1980-01-01' + n::int, s, 'r' || n || '@example.ru',
          true, m
     FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS t(id, s, m, n)
   ON CONFLICT (id) DO NOTHING`,
  [ids, ids.map(() => cipher.encrypt('11223344595')), ids.map(() => cipher.encrypt('+79001234567'))],
);
const accountOf = (i: number) => (i % 2 ? DEMO.accounts.vladivostokFlat5 : DEMO.accounts.citizenFlat12);
await db.query(
  `INSERT INTO account_links (account_id, person_id, role)
   SELECT a, p, 'tenant' FROM unnest($1::uuid[], $2::uuid[]) AS t(a, p) ON CONFLICT DO NOTHING`,
  [ids.map((_, i) => accountOf(i)), ids],
);
const cookies: string[] = [];
for (const id of ids) {
  const s = await insertSession(db, id, { idleMinutes: 30, absoluteHours: 12 });
  cookies.push(`domhub_sid=${s.token}`);
}

const servicePort = await freePort();
const baselinePort = await freePort();
const profileArgs = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
  : [];
// Both processes run as deployed: compiled JavaScript under plain node (the Dockerfile's build), not tsx.
const compiledDir = await compileProject(database.dir, ['bench/_resident-baseline.ts']);
const service = await startProcess({
  script: 'src/main.ts',
  compiledDir,
  env: {
    ROLE: 'api',
    DATABASE_URL: url,
    PORT: String(servicePort),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${servicePort}`,
    // As deployed: no sandbox peers (the bench calls none of them), request logs at info.
    SANDBOX: process.env.BENCH_SANDBOX ?? 'false',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'info',
    NODE_ENV: 'development',
  },
  execArgv: profileArgs,
});
const baseline = await startProcess({
  script: 'bench/_resident-baseline.ts',
  compiledDir,
  env: { DATABASE_URL: url, PORT: String(baselinePort) },
  execArgv: profileArgs,
});

const groups: { name: string; paths: string[] }[] = [
  { name: 'home', paths: ['/api/v1/me', '/api/v1/me/accounts', '/api/v1/me/balance'] },
  { name: 'meters', paths: ids.map((_, i) => `/api/v1/me/accounts/${accountOf(i)}/meters`) },
  { name: 'charges', paths: ['/api/v1/me/charges'] },
];

async function transactions() {
  const { rows } = await db.query<{ n: string }>(
    `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(rows[0]!.n);
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
  tx: number;
  total: number;
  cpu: number;
}

/** CPU time (user + system) the process has used, in milliseconds: steadier than req/s on a shared machine. */
async function cpuMs(child: ChildProcess) {
  const fields = (await readFile(`/proc/${child.pid}/stat`, 'utf8')).replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks of 10 ms
}

async function load(target: ChildProcess, port: number, paths: string[], seconds: number): Promise<Figures> {
  let n = 0;
  const before = await transactions();
  const cpuBefore = await cpuMs(target);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          // Each request takes the next resident's session; a resident's meters are those of their own account.
          const r = i % RESIDENTS;
          return {
            ...req,
            method: 'GET',
            path: paths.length === RESIDENTS ? paths[r]! : paths[i % paths.length]!,
            headers: { cookie: cookies[r]! },
          };
        },
      },
    ],
  });
  const cpu = (await cpuMs(target)) - cpuBefore;
  await new Promise((r) => setTimeout(r, 600)); // pg_stat_database is flushed at most every 500 ms
  const tx = (await transactions()) - before;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
    tx: tx / Math.max(1, result.requests.total),
    total: result.requests.total,
    cpu: cpu / Math.max(1, result.requests.total),
  };
}

/** Rounds of one target: requests/s over all of them, the median round's p50 and p99. */
function combine(rounds: Figures[], seconds: number): Figures {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const total = rounds.reduce((s, r) => s + r.total, 0);
  return {
    rps: total / (seconds * rounds.length),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    bad: rounds.reduce((s, r) => s + r.bad, 0),
    tx: rounds.reduce((s, r) => s + r.tx * r.total, 0) / Math.max(1, total),
    cpu: rounds.reduce((s, r) => s + r.cpu * r.total, 0) / Math.max(1, total),
    total,
  };
}

async function rssOf(child: ChildProcess, field: 'VmHWM' | 'VmRSS') {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}
const peakRss = (child: ChildProcess) => rssOf(child, 'VmHWM');
const currentRss = (child: ChildProcess) => rssOf(child, 'VmRSS');

const fmt = (f: Figures) =>
  `${f.rps.toFixed(0).padStart(6)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms  ` +
  `${(f.cpu * 1000).toFixed(0).padStart(5)} µs CPU/req  ${f.tx.toFixed(1)} db tx/req` +
  (f.bad ? `  ${f.bad} failed` : '');

const ROUNDS = 3;
const startRss = await currentRss(service);
console.log(
  `${RESIDENTS} residents with distinct sessions, ${CONNECTIONS} connections; per group and target 2 s of warm-up, then ` +
    `${ROUNDS} alternating rounds of ${(SECONDS / ROUNDS).toFixed(1)} s (the machine's other load hits both alike); ` +
    'p50/p99 of the median round',
);
const ratios: number[] = [];
let worstP99 = 0;
let failed = 0;
for (const g of groups) {
  await load(baseline, baselinePort, g.paths, 2);
  await load(service, servicePort, g.paths, 2);
  const baseRounds: Figures[] = [];
  const svcRounds: Figures[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    baseRounds.push(await load(baseline, baselinePort, g.paths, SECONDS / ROUNDS));
    svcRounds.push(await load(service, servicePort, g.paths, SECONDS / ROUNDS));
  }
  const base = combine(baseRounds, SECONDS / ROUNDS);
  const svc = combine(svcRounds, SECONDS / ROUNDS);
  const ratio = svc.rps / base.rps;
  ratios.push(ratio);
  worstP99 = Math.max(worstP99, svc.p99);
  failed += svc.bad + base.bad;
  console.log(`${g.name.padEnd(8)} baseline ${fmt(base)}`);
  console.log(`${''.padEnd(8)} service  ${fmt(svc)}  ratio ${ratio.toFixed(2)}`);
}
const rss = await peakRss(service);
console.log(
  `service RSS ${startRss.toFixed(0)} MB after start, peak ${rss.toFixed(0)} MB ` +
    `(baseline process ${(await peakRss(baseline)).toFixed(0)} MB); worst service p99 ${worstP99} ms`,
);

for (const child of [service, baseline]) await stopProcess(child);
await db.end();
await database.close();

const headline = Math.min(...ratios);
const ok = headline >= 0.7 && worstP99 < 50 && rss < 250 && failed === 0;
console.log(
  `${ok ? 'OK' : 'BELOW TARGET'}: ratio ${headline.toFixed(2)} (lowest of home, meters, charges; target ≥ 0.7), ` +
    `p99 ${worstP99} ms (< 50), RSS ${rss.toFixed(0)} MB (< 250)${failed ? `, ${failed} failed requests` : ''}`,
);
