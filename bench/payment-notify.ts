// `npm run bench -- payment-notify`: 10,000 signed bank notifications for 1,000 payments (each payment's
// notifications repeated and shuffled with everyone else's) POSTed concurrently over HTTP to the running
// service; then the ledger must hold exactly 1,000 bookings with the right sums. Baseline: the same number
// of GET /healthz requests at the same concurrency, in the same run. Uses BENCH_DATABASE_URL or an
// embedded PostgreSQL in a temporary directory.
import { Pool as HttpPool } from 'undici';
import { acquiringToken } from '../contracts/acquiring.js';
import { createQueues } from '../jobs/index.js';
import { buildApp } from '../src/app.js';
import { composeDeps } from '../src/compose.js';
import { loadConfig, SANDBOX_BANK } from '../src/config.js';
import { sandboxBankPassword } from '../src/sandbox/secrets.js';
import { freePort } from '../src/db/embedded.js';
import { createPool } from '../src/db/pool.js';
import { createBoss } from '../src/db/queue.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { createLogger } from '../src/logger.js';
import { DEMO, seedDemoData } from '../src/sandbox/demo/index.js';
import { benchDatabase } from './_database.js';

const PAYMENTS = 1_000;
const PER_PAYMENT = 10;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);

const database = await benchDatabase();
const { url } = database;
const port = await freePort();
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SANDBOX: 'true',
  DATABASE_URL: url,
  PORT: String(port),
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  DB_POOL_MAX: '20',
});
const db = createPool(url, config.dbPoolMax);
const sandboxPassword = await sandboxBankPassword(db);
const boss = createBoss(url, { schedule: false, supervise: false });
boss.on('error', () => undefined);
await boss.start();
await createQueues(boss);
// The acquirer is the sandbox bank's, with the password the notifications below are signed with.
const deps = await composeDeps(
  { config, db, boss, log: createLogger('silent') },
  { identity: null, stateSystem: null },
);
await seedDemoData(db, createFieldCipher(config.encryptionKeys));
const app = await buildApp(deps);
await app.listen({ host: '127.0.0.1', port });

// 1,000 pending payments over 200 accounts (without charges: the money books as an advance).
await db.query(
  `INSERT INTO accounts (organisation_id, house_id, number) SELECT $1, $2, 'BENCH' || n FROM generate_series(1, 200) n ON CONFLICT DO NOTHING`,
  [DEMO.organisationId, DEMO.houses.moscow],
);
const { rows: payments } = await db.query(
  `WITH accts AS (SELECT id, row_number() OVER (ORDER BY number) - 1 AS i FROM accounts WHERE number LIKE 'BENCH%'),
        p AS (INSERT INTO payments (order_id, provider, organisation_id, status, amount, commission, total, bank_payment_id)
              SELECT 'bench-' || n, 'tbank', $1, 'pending', 1000 + (n * 7919) % 100000, 0, 1000 + (n * 7919) % 100000, (500000 + n)::text
                FROM generate_series(1, $2::int) n RETURNING id, order_id, total, bank_payment_id),
        items AS (INSERT INTO payment_items (payment_id, account_id, amount)
                  SELECT p.id, a.id, p.total FROM p JOIN accts a ON a.i = (substring(p.order_id from 7)::int % 200) RETURNING payment_id)
   SELECT p.* FROM p`,
  [DEMO.organisationId, PAYMENTS],
);

// Each payment: AUTHORIZED and CONFIRMED, repeated (3 + 7), everything shuffled together.
const bodies: string[] = [];
for (const p of payments) {
  for (let i = 0; i < PER_PAYMENT; i++) {
    const body: Record<string, unknown> = {
      TerminalKey: SANDBOX_BANK.terminalKey,
      OrderId: p.order_id,
      Success: true,
      Status: i < 3 ? 'AUTHORIZED' : 'CONFIRMED',
      PaymentId: Number(p.bank_payment_id),
      ErrorCode: '0',
      Amount: Number(p.total),
      Pan: '430000******0777',
    };
    bodies.push(JSON.stringify({ ...body, Token: acquiringToken(body, sandboxPassword) }));
  }
}
for (let i = bodies.length - 1; i > 0; i--) {
  const j = Math.floor(Math.random() * (i + 1));
  [bodies[i], bodies[j]] = [bodies[j]!, bodies[i]!];
}

const http = new HttpPool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY, pipelining: 1 });
async function drive(count: number, send: (i: number) => Promise<string>) {
  let next = 0;
  let bad = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        if ((await send(i)) === 'bad') bad++;
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, bad };
}

const baseline = await drive(bodies.length, async () => {
  const r = await http.request({ path: '/healthz', method: 'GET' });
  await r.body.text();
  return r.statusCode === 200 ? 'ok' : 'bad';
});
const run = await drive(bodies.length, async (i) => {
  const r = await http.request({
    path: '/payments/notify/tbank',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bodies[i],
  });
  const text = await r.body.text();
  return r.statusCode === 200 && text === 'OK' ? 'ok' : 'bad';
});

const check = await db.query(
  `SELECT (SELECT count(*)::int FROM ledger_entries e JOIN payments p ON p.id = e.payment_id WHERE p.order_id LIKE 'bench-%' AND e.kind = 'booking') AS bookings,
          (SELECT COALESCE(sum(e.amount), 0)::text FROM ledger_entries e JOIN payments p ON p.id = e.payment_id WHERE p.order_id LIKE 'bench-%') AS booked,
          (SELECT sum(total)::text FROM payments WHERE order_id LIKE 'bench-%') AS expected,
          (SELECT count(*)::int FROM payments WHERE order_id LIKE 'bench-%' AND status = 'succeeded') AS succeeded,
          (SELECT count(*)::int FROM (SELECT e.payment_id FROM ledger_entries e JOIN payment_allocations a ON a.ledger_entry_id = e.id
                                       JOIN payments p ON p.id = e.payment_id WHERE p.order_id LIKE 'bench-%'
                                      GROUP BY e.payment_id, p.amount HAVING sum(a.amount) <> p.amount) x) AS wrong_allocations,
          (SELECT count(*)::int FROM payment_events ev JOIN payments p ON p.id = ev.payment_id WHERE p.order_id LIKE 'bench-%') AS events`,
);
const c = check.rows[0];

await http.close();
await app.close();
await boss.stop({ graceful: false, close: true, timeout: 2000 }).catch(() => undefined);
await db.end();
await database.close();

const nps = bodies.length / run.seconds;
const baselineRps = bodies.length / baseline.seconds;
console.log(`concurrency ${CONCURRENCY}, ${PAYMENTS} payments × ${PER_PAYMENT} notifications = ${bodies.length}`);
console.log(`baseline GET /healthz: ${baselineRps.toFixed(0)} req/s (${baseline.bad} failed)`);
console.log(
  `notifications: ${nps.toFixed(0)} notifications/s in ${run.seconds.toFixed(2)} s (${run.bad} not answered OK), ${c.events} events recorded`,
);
console.log(
  `ledger: ${c.bookings} bookings (want ${PAYMENTS}), booked ${c.booked} kopecks (want ${c.expected}), ${c.succeeded} succeeded, ${c.wrong_allocations} payments with wrong allocations`,
);
const ok =
  c.bookings === PAYMENTS &&
  c.booked === c.expected &&
  c.succeeded === PAYMENTS &&
  c.wrong_allocations === 0 &&
  run.bad === 0;
console.log(
  `${ok ? 'OK' : 'FAILED'}: ${nps.toFixed(0)} notifications/s, ${((nps / baselineRps) * 100).toFixed(1)}% of the /healthz baseline; ledger ${ok ? 'exact' : 'WRONG'}`,
);
process.exit(ok ? 0 : 1);
