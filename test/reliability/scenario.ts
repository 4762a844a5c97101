// The reliability run: `npm run cluster` with 2 API and 2 worker processes on one PostgreSQL, a mixed load
// (sign-ins through the sandbox ESIA, resident readings, organisation reading imports, bank notifications
// repeated and out of order, the state-system export of every reading with the simulator failing 30% of the
// time) while a random process gets SIGKILL every few seconds and the cluster starts it again. Then, counted
// in the database and on the simulator: every accepted reading and payment exists exactly once, every
// export arrived exactly once, no job is stuck, no session broke. Used by reliability.test.ts (a short run
// in CI) and by `npm run reliability` (a long one).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { acquiringToken } from '../../contracts/acquiring.js';
import { freePort } from '../../src/db/embedded.js';
import { insertSession } from '../../src/identity/sessions.repo.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_METERS } from '../../src/sandbox/demo/metering.js';
import { Browser } from '../helpers/browser.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ORG_KEY = 'dh_reliability1_abcdefghijklmnopqrstuvwxyz0123456789';
const BANK = { terminalKey: 'ReliabilityTerminal', password: 'reliability-bank-password' };
const READINGS_OP = 'importMeteringDeviceValues';

export interface ReliabilityOptions {
  databaseUrl: string;
  /** How long the load and the kills go on. */
  loadSeconds: number;
  /** A kill every killMinMs…killMaxMs. */
  killMinMs?: number;
  killMaxMs?: number;
  payments?: number;
  /** Where the cluster's own log goes. */
  logFile: string;
  /** How long to wait for the processes to come up, and for the exports after the load. */
  startTimeoutMs?: number;
  settleTimeoutMs?: number;
  progress?: (line: string) => void;
}

export interface ReliabilityReport {
  kills: { api: number; worker: number };
  restarts: number;
  signIns: number;
  sessionsChecked: number;
  brokenSessions: string[];
  readings: { accepted: number; missing: number; duplicated: number };
  imports: { accepted: number; missing: number; duplicated: number };
  payments: { total: number; bookedOnce: number; notifications: number; wrongBookings: string[] };
  exports: {
    readings: number;
    accepted: number;
    pending: number;
    simulatorObjects: number;
    notOnce: number;
    statsMatch: boolean;
  };
  stuckJobs: { name: string; state: string; n: number }[];
  transientErrors: number;
}

type Live = { role: string; slot: number; pid: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runReliability(o: ReliabilityOptions): Promise<ReliabilityReport> {
  const say = o.progress ?? (() => undefined);
  const db = new pg.Pool({ connectionString: o.databaseUrl, max: 4 });
  // An idle client losing its server (the embedded server stopping after a run) must not crash the harness.
  db.on('error', () => undefined);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const live = new Map<string, Live>();
  /** Pids of API processes that have answered since they started (a started process may still be booting). */
  const listening = new Set<number>();
  let started = 0;
  let transientErrors = 0;

  const cluster: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cluster.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: o.databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: base,
      SANDBOX: 'true',
      DEMO_DATA: 'true',
      SANDBOX_ORG_API_KEY: ORG_KEY,
      CLUSTER_API_PROCESSES: '2',
      CLUSTER_WORKER_PROCESSES: '2',
      BANK_TERMINAL_KEY: BANK.terminalKey,
      BANK_PASSWORD: BANK.password,
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      SHUTDOWN_TIMEOUT_MS: '3000',
      // The simulator fails 30% of the calls (503, 502, timeouts, SOAP faults, EXP001000); the exchange
      // resends quickly and never gives up within the run.
      GIS_SIM_FAULT_RATE: '0.3',
      GIS_SIM_FAULTS: '503,502,timeout,fault,EXP001000',
      GIS_SIM_DELAY_MS: '300',
      GIS_SIM_HANG_MS: '11000',
      GIS_SIM_VALIDATE: 'false',
      GIS_TIMEOUT_MS: '10000',
      GIS_POLL_SCHEDULE: '1,1,2',
      GIS_RETRY_DELAY_SECONDS: '0.5',
      GIS_SEND_ATTEMPTS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(o.logFile);
  cluster.stderr!.pipe(log);
  createInterface({ input: cluster.stdout! }).on('line', (line) => {
    log.write(`${line}\n`);
    if (line.includes('"msg":"domhub listening')) listening.add((JSON.parse(line) as { pid: number }).pid);
    if (!line.includes('"process":"cluster"')) return;
    const entry = JSON.parse(line) as { msg: string; role: string; slot: number; pid: number };
    const key = `${entry.role}-${entry.slot}`;
    if (entry.msg === 'process started') {
      started++;
      live.set(key, { role: entry.role, slot: entry.slot, pid: entry.pid });
    }
    if (entry.msg === 'process exited; restarting') live.delete(key);
  });
  const clusterExit = new Promise<void>((r) => cluster.once('exit', () => r()));

  try {
    const upBy = Date.now() + (o.startTimeoutMs ?? 300_000);
    while (
      !(await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > upBy || cluster.exitCode !== null)
        throw new Error(`the cluster did not come up; its log is ${o.logFile}`);
      await sleep(500);
    }
    say(`cluster up on ${base}`);

    // Setup in the database: readings accepted the whole month, pending payments to be notified.
    await db.query(
      `UPDATE organisations SET reading_window_start_day = 1, reading_window_end_day = 31,
              reading_outside_window = 'next_period' WHERE id = $1`,
      [DEMO.organisationId],
    );
    const resident = await insertSession(db, DEMO.citizen.personId, { idleMinutes: 30, absoluteHours: 12 });
    const residentHeaders = {
      cookie: `domhub_sid=${resident.token}`,
      'x-csrf-token': resident.csrfToken,
      'content-type': 'application/json',
    };
    const { rows: payments } = await db.query<{ id: string; order_id: string; total: string; bank_payment_id: string }>(
      `WITH p AS (INSERT INTO payments (order_id, provider, organisation_id, status, amount, commission, total,
                                        bank_payment_id)
                  SELECT 'rel-' || n || '-' || $3::text, 'tbank', $1, 'pending', 1000 + n * 7, 0, 1000 + n * 7,
                         (700000 + n)::text
                    FROM generate_series(1, $2::int) n RETURNING id, order_id, total, bank_payment_id),
            i AS (INSERT INTO payment_items (payment_id, account_id, amount) SELECT p.id, $4, p.total FROM p)
       SELECT * FROM p`,
      [DEMO.organisationId, o.payments ?? 100, randomUUID().slice(0, 8), DEMO.accounts.vladivostokFlat5],
    );

    // Every request is retried on a dropped connection or a 5xx from a process going down, with the same
    // Idempotency-Key, until it gets a definitive answer or the run is over.
    const loadEnd = Date.now() + o.loadSeconds * 1000;
    const giveUpAt = () => loadEnd + 120_000;
    async function call(url: string, init: RequestInit): Promise<Response | null> {
      for (let attempt = 0; Date.now() < giveUpAt(); attempt++) {
        try {
          const res = await fetch(`${base}${url}`, { ...init, signal: AbortSignal.timeout(15_000) });
          if (res.status < 500 && res.status !== 409) return res; // 409: the same key is still in flight
          await res.arrayBuffer();
        } catch {
          /* connection reset or refused: a process was killed */
        }
        transientErrors++;
        await sleep(Math.min(2000, 100 * 2 ** attempt));
      }
      return null;
    }

    // Resident readings on flat 12's water meters, one meter at a time and always higher.
    const accepted: { meterId: string; value: string }[] = [];
    const unsure: { meterId: string; value: string }[] = [];
    async function residentReadings() {
      const meters = [DEMO_METERS.coldWater, DEMO_METERS.hotWater];
      let value = 50_000;
      for (let i = 0; Date.now() < loadEnd; i++) {
        const meterId = meters[i % 2]!;
        value += 1;
        const reading = { meterId, value: `${value}.000` };
        const res = await call(`/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/readings`, {
          method: 'POST',
          headers: { ...residentHeaders, 'idempotency-key': randomUUID() },
          body: JSON.stringify({ readings: [{ meterId, t1: reading.value }], confirm: true }),
        });
        if (res?.status === 201) accepted.push(reading);
        else unsure.push(reading);
        await res?.arrayBuffer();
      }
    }

    // Organisation imports (NDJSON, API key) on the Vladivostok meters.
    const imported: { meterId: string; value: string }[] = [];
    const importUnsure: { meterId: string; value: string }[] = [];
    async function orgImports() {
      const period = new Date().toISOString().slice(0, 7);
      let value = 60_000;
      while (Date.now() < loadEnd) {
        value += 1;
        const rows = [DEMO_METERS.vladivostokColdWater, DEMO_METERS.vladivostokElectricity].map((meterId) => ({
          meterId,
          value: `${value}.000`,
        }));
        const res = await call('/api/v1/org/readings/import', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${ORG_KEY}`,
            'content-type': 'application/x-ndjson',
            'idempotency-key': randomUUID(),
          },
          body: rows.map((r) => JSON.stringify({ meterId: r.meterId, period, t1: r.value })).join('\n'),
        });
        if (res && res.status < 300) {
          const body = (await res.json()) as { errors?: { index: number }[] };
          const bad = new Set((body.errors ?? []).map((e) => e.index));
          rows.forEach((r, i) => {
            if (!bad.has(i)) imported.push(r);
          });
        } else {
          importUnsure.push(...rows);
          await res?.arrayBuffer();
        }
        await sleep(300);
      }
    }

    // Sign-ins through the sandbox ESIA (every redirect may land on another process), then the session
    // must keep working on every process until the end.
    const browsers: Browser[] = [];
    const brokenSessions: string[] = [];
    let signIns = 0;
    let sessionsChecked = 0;
    async function checkSession(b: Browser, when: string) {
      let last = '';
      for (let attempt = 0; attempt < 120; attempt++) {
        try {
          const res = await b.request(`${base}/api/v1/me`, { signal: AbortSignal.timeout(15_000) });
          await res.arrayBuffer();
          if (res.status === 200) return void sessionsChecked++;
          if (res.status === 401 || res.status === 403) return void brokenSessions.push(`${when}: ${res.status}`);
          last = `HTTP ${res.status}`;
        } catch (err) {
          last = err instanceof Error ? err.message : String(err); // a process went down
        }
        transientErrors++;
        await sleep(1000);
      }
      // Two minutes without any API process answering is an outage, and counted as a broken session.
      brokenSessions.push(`${when}: no answer (last: ${last})`);
    }
    async function signInLoop() {
      const hints = ['11223344595', '12345678964', '08765432102'];
      for (let i = 0; Date.now() < loadEnd; i++) {
        const b = new Browser();
        try {
          const res = await b.go(`${base}/auth/login?login_hint=${hints[i % hints.length]}`);
          await res.arrayBuffer();
          if (res.status === 200 && b.cookie('domhub_sid')) {
            signIns++;
            browsers.push(b);
            await checkSession(b, `right after sign-in ${i}`);
          } else transientErrors++; // a sign-in cut by a kill is started again, as a person would
        } catch {
          transientErrors++;
        }
        if (browsers.length)
          await checkSession(browsers[Math.floor(Math.random() * browsers.length)]!, `session during the load`);
        await sleep(200);
      }
    }

    // Bank notifications: AUTHORIZED and CONFIRMED, each payment several times and in random order, until
    // every payment has had a CONFIRMED answered OK (the bank resends until it gets OK).
    let notifications = 0;
    async function notifyLoop() {
      const confirmed = new Set<string>();
      while (confirmed.size < payments.length && Date.now() < giveUpAt()) {
        // Like the bank: repeats for any payment, but keeps resending to each until it has answered OK.
        const open = payments.filter((x) => !confirmed.has(x.id));
        const pool = Math.random() < 0.5 ? payments : open;
        const p = pool[Math.floor(Math.random() * pool.length)]!;
        const status = Math.random() < 0.3 ? 'AUTHORIZED' : 'CONFIRMED';
        const body: Record<string, unknown> = {
          TerminalKey: BANK.terminalKey,
          OrderId: p.order_id,
          Success: true,
          Status: status,
          PaymentId: Number(p.bank_payment_id),
          ErrorCode: '0',
          Amount: Number(p.total),
          Pan: '430000******0777',
        };
        const res = await call('/payments/notify/tbank', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...body, Token: acquiringToken(body, BANK.password) }),
        });
        const text = await res?.text();
        notifications++;
        if (res?.status === 200 && text === 'OK' && status === 'CONFIRMED') confirmed.add(p.id);
        if (Date.now() > loadEnd && confirmed.size < payments.length) await sleep(50);
      }
    }

    // The killer: SIGKILL to a random live process every few seconds; never the last API process serving
    // (one still booting does not count: on a loaded machine a restart takes tens of seconds).
    const kills = { api: 0, worker: 0 };
    async function killer() {
      while (Date.now() < loadEnd) {
        await sleep((o.killMinMs ?? 3000) + Math.random() * ((o.killMaxMs ?? 6000) - (o.killMinMs ?? 3000)));
        if (Date.now() >= loadEnd) break;
        const serving = [...live.values()].filter((p) => p.role === 'api' && listening.has(p.pid));
        const candidates = [...live.values()].filter(
          (p) => p.role === 'worker' || serving.some((other) => other.pid !== p.pid),
        );
        const victim = candidates[Math.floor(Math.random() * candidates.length)];
        if (!victim) continue;
        try {
          process.kill(victim.pid, 'SIGKILL');
          live.delete(`${victim.role}-${victim.slot}`);
          kills[victim.role as 'api' | 'worker']++;
          say(`killed ${victim.role} ${victim.slot} (pid ${victim.pid})`);
        } catch {
          /* it had just died */
        }
      }
    }

    say(`load for ${o.loadSeconds} s`);
    await Promise.all([residentReadings(), orgImports(), signInLoop(), notifyLoop(), killer()]);
    say(
      `load over: ${accepted.length} readings, ${imported.length} imported rows, ${signIns} sign-ins, ` +
        `${notifications} notifications`,
    );

    // Every session made during the run still works, whatever process answers.
    for (const b of browsers) await checkSession(b, 'after the run');

    // Wait for the exchange to take every reading's export to the simulator.
    const ourReadings = async () =>
      (
        await db.query<{ total: number; accepted: number; pending: number }>(
          `SELECT count(*)::int AS total, count(*) FILTER (WHERE s.status = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE s.status NOT IN ('accepted', 'rejected', 'dead'))::int AS pending
           FROM meter_readings r JOIN sync_items s ON s.object_type = 'reading' AND s.object_id = r.id
          WHERE r.meter_id = ANY($1::uuid[]) AND r.t1 >= 50000`,
          [
            [
              DEMO_METERS.coldWater,
              DEMO_METERS.hotWater,
              DEMO_METERS.vladivostokColdWater,
              DEMO_METERS.vladivostokElectricity,
            ],
          ],
        )
      ).rows[0]!;
    const settleBy = Date.now() + (o.settleTimeoutMs ?? 600_000);
    let exp = await ourReadings();
    while (exp.pending > 0 && Date.now() < settleBy) {
      await sleep(2000);
      exp = await ourReadings();
      say(`exports: ${exp.accepted}/${exp.total} accepted, ${exp.pending} pending`);
    }

    const count = async (meterIds: string[], values: string[]) =>
      (
        await db.query<{ value: string; n: number }>(
          `SELECT v.value, count(r.id)::int AS n FROM unnest($1::uuid[], $2::numeric[]) AS v(meter, value)
           LEFT JOIN meter_readings r ON r.meter_id = v.meter AND r.t1 = v.value GROUP BY v.meter, v.value`,
          [meterIds, values],
        )
      ).rows;
    const tally = async (ok: { meterId: string; value: string }[], maybe: { meterId: string; value: string }[]) => {
      const sure = await count(
        ok.map((r) => r.meterId),
        ok.map((r) => r.value),
      );
      const other = await count(
        maybe.map((r) => r.meterId),
        maybe.map((r) => r.value),
      );
      return {
        accepted: ok.length,
        missing: sure.filter((r) => r.n === 0).length,
        duplicated: sure.filter((r) => r.n > 1).length + other.filter((r) => r.n > 1).length,
      };
    };

    const booked = await db.query<{ id: string; bookings: number; amount: string; total: string }>(
      `SELECT p.id, count(e.id) FILTER (WHERE e.kind = 'booking')::int AS bookings,
              COALESCE(sum(e.amount), 0)::text AS amount, p.total::text AS total
         FROM payments p LEFT JOIN ledger_entries e ON e.payment_id = p.id WHERE p.id = ANY($1::uuid[]) GROUP BY p.id`,
      [payments.map((p) => p.id)],
    );
    const wrongBookings = booked.rows
      .filter((r) => r.bookings !== 1 || r.amount !== r.total)
      .map((r) => `${r.id}: ${r.bookings} bookings, ${r.amount}`);

    const sim = (
      await db.query<{ objects: number; not_once: number }>(
        `SELECT count(o.transport_guid)::int AS objects,
              count(*) FILTER (WHERE (SELECT count(*) FROM gis_sim_objects x
                                       WHERE x.transport_guid = s.transport_guid) <> 1)::int AS not_once
         FROM sync_items s JOIN meter_readings r ON s.object_type = 'reading' AND s.object_id = r.id
         LEFT JOIN gis_sim_objects o ON o.transport_guid = s.transport_guid
        WHERE r.meter_id = ANY($1::uuid[]) AND r.t1 >= 50000`,
        [
          [
            DEMO_METERS.coldWater,
            DEMO_METERS.hotWater,
            DEMO_METERS.vladivostokColdWater,
            DEMO_METERS.vladivostokElectricity,
          ],
        ],
      )
    ).rows[0]!;
    // The simulator's own count per operation against the hub's accepted items of that operation.
    const stats = (await fetch(`${base}/sandbox/gis/stats`).then(
      (r) => (r.ok ? r.json() : null),
      () => null,
    )) as { accepted: { operation: string; accepted: number }[] } | null;
    const hubAccepted = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sync_items WHERE operation = $1 AND status = 'accepted'`,
        [READINGS_OP],
      )
    ).rows[0]!.n;
    const simAccepted =
      stats?.accepted.find((s) => s.operation === READINGS_OP)?.accepted ??
      (
        await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM gis_sim_objects WHERE operation = $1`, [
          READINGS_OP,
        ])
      ).rows[0]!.n;

    // No job left behind: nothing failed, nothing due more than a minute ago still waiting, and nothing
    // active past its expiry by more than pg-boss's maintenance interval (120 s). A job held by a worker
    // that was just SIGKILLed stays active until it expires; pg-boss then retries it, so it is not stuck.
    const stuck = await db.query<{ name: string; state: string; n: number }>(
      `SELECT name, state::text, count(*)::int AS n FROM pgboss.job
        WHERE state = 'failed'
           OR (state = 'active' AND started_on + expire_in < now() - interval '150 seconds')
           OR (state IN ('created', 'retry') AND start_after < now() - interval '1 minute')
        GROUP BY 1, 2`,
    );

    return {
      kills,
      restarts: Math.max(0, started - 4),
      signIns,
      sessionsChecked,
      brokenSessions,
      readings: await tally(accepted, unsure),
      imports: await tally(imported, importUnsure),
      payments: {
        total: payments.length,
        bookedOnce: booked.rows.length - wrongBookings.length,
        notifications,
        wrongBookings,
      },
      exports: {
        readings: exp.total,
        accepted: exp.accepted,
        pending: exp.pending,
        simulatorObjects: sim.objects,
        notOnce: sim.not_once,
        statsMatch: simAccepted === hubAccepted,
      },
      stuckJobs: stuck.rows,
      transientErrors,
    };
  } finally {
    cluster.kill('SIGTERM');
    await Promise.race([clusterExit, sleep(30_000)]);
    if (cluster.exitCode === null) cluster.kill('SIGKILL');
    for (const p of live.values()) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    log.end();
    await db.end();
  }
}
