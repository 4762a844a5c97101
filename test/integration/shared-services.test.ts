import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_DISPATCH_QUEUE } from '../../contracts/jobs.js';
import { withTransaction } from '../../src/db/pool.js';
import { hit, peek } from '../../src/http/rate-limit.js';
import { queueMail } from '../../src/notify/mail.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { queueForSync } from '../../src/sync/outbox.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ label: 'shared', workers: true });
});
afterAll(() => t?.close());

describe('rate limits in PostgreSQL', () => {
  it('allow the limit, refuse past it, and are shared by every caller of the database', async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 5 }, () => hit(t.deps.db, 'test:k', rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(await peek(t.deps.db, 'test:k', rule)).toBe(5);
    expect(results.find((r) => !r.allowed)!.retryAfter).toBeGreaterThan(0);
  });
});

describe('state-system sync outbox', () => {
  // No workers here: the dispatch job must stay queued for the test to see it.
  let q: TestApp;
  beforeAll(async () => {
    q = await startTestApp({ label: 'outbox' });
  });
  afterAll(() => q?.close());

  it('records each object once and leaves one dispatch job per organisation and operation', async () => {
    const meterReadingIds = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
    const items = meterReadingIds.map((objectId) => ({
      organisationId: DEMO.organisationId,
      operation: 'importMeteringDeviceValues',
      objectType: 'reading',
      objectId,
    }));
    await withTransaction(q.deps.db, (tx) => queueForSync(tx, q.deps.enqueue, items));
    await withTransaction(q.deps.db, (tx) => queueForSync(tx, q.deps.enqueue, items[0]!)); // again: no new row
    const { rows } = await q.deps.db.query(
      // These objects only: the demo queues items of its own (a meeting's notice, a paper ballot).
      `SELECT object_id, status, transport_guid FROM sync_items WHERE object_id = ANY($1::uuid[]) ORDER BY object_id`,
      [meterReadingIds],
    );
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending']);
    expect(new Set(rows.map((r) => r.transport_guid)).size).toBe(2);
    const jobs = await q.deps.db.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'created'`,
      [SYNC_DISPATCH_QUEUE],
    );
    expect(jobs.rows[0].n).toBe(1);
  });

  it('sends nothing when the transaction rolls back', async () => {
    await expect(
      withTransaction(q.deps.db, async (tx) => {
        await queueForSync(tx, q.deps.enqueue, {
          organisationId: DEMO.organisationId,
          operation: 'importAccountData',
          objectType: 'account',
          objectId: DEMO.accounts.citizenFlat12,
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const { rows } = await q.deps.db.query(
      `SELECT count(*)::int AS n FROM sync_items WHERE operation = 'importAccountData'`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('mail', () => {
  it('is delivered by the mail.send job to the sandbox outbox', async () => {
    await withTransaction(t.deps.db, (tx) =>
      queueMail(tx, t.deps.enqueue, { to: 'ivanov@example.ru', subject: 'Проверка', text: 'Текст' }),
    );
    let mail: { to: string; subject: string }[] = [];
    for (let i = 0; i < 50 && !mail.length; i++) {
      mail = (await t.app.inject({ method: 'GET', url: '/sandbox/mail?to=ivanov@example.ru' })).json();
      if (!mail.length) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mail[0]).toMatchObject({ to: 'ivanov@example.ru', subject: 'Проверка' });
  });
});

describe('file store', () => {
  it('keeps bytes with their hash', async () => {
    const data = Buffer.from('%PDF-1.4\n%test\n');
    const stored = await t.deps.files.put({ filename: 'act.pdf', contentType: 'application/pdf', data });
    const back = await t.deps.files.get(stored.id);
    expect(back?.data.equals(data)).toBe(true);
    expect(back?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
