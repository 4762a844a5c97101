// `npm run bench -- staff-lists`: the console's lists with 100,000 rows behind (issue 15). One organisation
// gets 100,000 requests and 100,000 payments, another (the baseline, in the same database and run) 100 of
// each; both are asked the console's questions: the queue's first page, a filtered page, a page deep in the
// keyset, the board's counts, the assignees, payments by status, and the home's summary. Prints p50/p95 per
// question and size, then the worst p95 at 100,000 rows and its ratio to the small organisation's.
// Target: every p95 < 50 ms at 100,000 rows.
import { performance } from 'node:perf_hooks';
import { PERMISSIONS } from '../contracts/permissions.js';
import { TICKET_COUNT_CAP } from '../contracts/tickets.js';
import { organisationSummary } from '../src/console/summary.js';
import { createPool } from '../src/db/pool.js';
import { listPayments } from '../src/payments/payments.repo.js';
import { countTicketsByStatus, listAssignees, listTicketsForOrg } from '../src/tickets/tickets.repo.js';
import { benchDatabase } from './_database.js';

const BIG = Number(process.env.BENCH_ROWS ?? 100_000);
const SMALL = 100;
const RUNS = 200;

const database = await benchDatabase();
const { url } = database;
const db = createPool(url, 4);

/** An organisation with two houses, `n` requests and `n` payments spread over a year. */
async function organisation(inn: string, n: number) {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO organisations (name, inn) VALUES ($1, $2) RETURNING id`,
    [`Бенчмарк ${inn}`, inn],
  );
  const org = rows[0]!.id;
  const houses = await db.query<{ id: string }>(
    `INSERT INTO houses (region, house_number, full_address, organisation_id)
     SELECT 'г. Москва', n::text, 'г. Москва, ул. Бенчмарка, д. ' || n, $1 FROM generate_series(1, 2) n RETURNING id`,
    [org],
  );
  const [h1, h2] = houses.rows.map((h) => h.id);
  await db.query(
    `INSERT INTO tickets (organisation_id, house_id, category, emergency, text, status, assignee, deadline, created_at)
     SELECT $1, CASE WHEN i % 3 = 0 THEN $3::uuid ELSE $2::uuid END,
            (ARRAY['plumbing','electricity','heating','cleaning','other'])[1 + i % 5], i % 17 = 0, 'Заявка ' || i,
            (ARRAY['new','in_progress','done','done','done','rejected'])[1 + i % 6],
            CASE WHEN i % 4 = 0 THEN 'Мастер ' || (i % 12) END,
            now() - make_interval(days => i % 365) + interval '3 days', now() - make_interval(secs => i * 300)
       FROM generate_series(1, $4) i`,
    [org, h1, h2, n],
  );
  await db.query(
    `INSERT INTO payments (order_id, provider, organisation_id, status, amount, total, created_at)
     SELECT $1 || '-' || i, 'tbank', $2, (ARRAY['succeeded','succeeded','succeeded','failed','pending','refunded'])[1 + i % 6],
            100000 + i, 100000 + i, now() - make_interval(secs => i * 300)
       FROM generate_series(1, $3) i`,
    [inn, org, n],
  );
  return { org, house: h1! };
}

async function measure(run: () => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS * 0.5)]!, p95: times[Math.floor(RUNS * 0.95)]! };
}

try {
  const t0 = performance.now();
  const big = await organisation('7700000001', BIG);
  const small = await organisation('7700000002', SMALL);
  await db.query('VACUUM ANALYZE');
  console.log(`seeded ${BIG} + ${SMALL} requests and payments in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // A cursor 2,000 rows deep: where a dispatcher's «Показать ещё» would be after 40 pages.
  const deepOf = async (org: string, depth: number) => {
    const rows = await listTicketsForOrg(db, { organisationId: org, limit: depth });
    const last = rows.at(-1)!;
    return { createdAt: last.createdAt.toISOString(), id: last.id };
  };
  const questions: [
    string,
    (o: { org: string; house: string; deep: { createdAt: string; id: string } }) => Promise<unknown>,
  ][] = [
    ['queue, first page', (o) => listTicketsForOrg(db, { organisationId: o.org, limit: 51 })],
    [
      'queue, house + open + category',
      (o) =>
        listTicketsForOrg(db, { organisationId: o.org, houseId: o.house, open: true, category: 'heating', limit: 51 }),
    ],
    ['queue, overdue', (o) => listTicketsForOrg(db, { organisationId: o.org, overdue: true, limit: 51 })],
    ['queue, deep keyset page', (o) => listTicketsForOrg(db, { organisationId: o.org, after: o.deep, limit: 51 })],
    ['board counts', (o) => countTicketsByStatus(db, { organisationId: o.org }, TICKET_COUNT_CAP)],
    ['assignees', (o) => listAssignees(db, o.org)],
    ['payments, first page', (o) => listPayments(db, { organisationId: o.org, limit: 51 })],
    ['payments, failed', (o) => listPayments(db, { organisationId: o.org, status: 'failed', limit: 51 })],
    ['home summary', (o) => organisationSummary(db, o.org, PERMISSIONS)],
  ];
  const bigDeep = await deepOf(big.org, 2000);
  const smallDeep = await deepOf(small.org, SMALL - 1);
  let worst = { name: '', big: 0, small: 0 };
  for (const [name, ask] of questions) {
    const b = await measure(() => ask({ ...big, deep: bigDeep }));
    const s = await measure(() => ask({ ...small, deep: smallDeep }));
    console.log(
      `${name.padEnd(32)} ${BIG} rows p50 ${b.p50.toFixed(1)} ms p95 ${b.p95.toFixed(1)} ms | ${SMALL} rows p50 ${s.p50.toFixed(1)} ms p95 ${s.p95.toFixed(1)} ms`,
    );
    if (b.p95 > worst.big) worst = { name, big: b.p95, small: s.p95 };
  }
  console.log(
    `worst p95 at ${BIG} rows: ${worst.big.toFixed(1)} ms (${worst.name}), ${(worst.big / worst.small).toFixed(1)}× the ${SMALL}-row organisation's (target < 50 ms)`,
  );
} finally {
  await db.end();
  await database.close();
}
