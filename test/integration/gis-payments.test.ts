import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_PAYMENT_ID } from '../../src/sandbox/demo/billing.js';
import { addMonths, currentPeriod } from '../../src/calendar.js';
import { withTransaction } from '../../src/db/pool.js';
import { applyBankStatus } from '../../src/payments/service.js';
import { queueUnsynced } from '../../src/sync/gis/unsynced.js';
import { sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { nudgeSync, syncUntil, gisClient, primeReferenceData } from '../helpers/gis.js';

// Payment documents, notifications of order execution and their annulment reaching the simulator
// through the connector, with the state system's identifiers saved on our rows.

let t: TestApp;
const lastPeriod = addMonths(currentPeriod(new Date(), 'Europe/Moscow'), -1);
const account = DEMO.accounts.citizenFlat12;

const until = <T>(what: string, fn: () => Promise<T | undefined | false>) => syncUntil(t, what, fn, 40_000);
const nudge = (operation: string) => nudgeSync(t, operation);

const itemOf = async (operation: string, objectId: string) =>
  (await t.deps.db.query(`SELECT * FROM sync_items WHERE operation = $1 AND object_id = $2`, [operation, objectId]))
    .rows[0];

const settled = (operation: string, objectId: string) =>
  until(`${operation} of ${objectId} settled`, async () => {
    const s = await itemOf(operation, objectId);
    return s && ['accepted', 'rejected', 'dead'].includes(s.status) ? s : undefined;
  });

/** What the simulator parsed out of the request that carried an item. */
async function simFields(transportGuid: string): Promise<Record<string, string>> {
  const { rows } = await t.deps.db.query(`SELECT items FROM gis_sim_messages`);
  for (const r of rows) for (const i of r.items) if (i.transportGuid.toLowerCase() === transportGuid) return i.fields;
  throw new Error(`the simulator never received ${transportGuid}`);
}

let splitPaymentId: string;

/** An annulment of a payment that was never reversed, and a notification of a payment split across accounts. */
async function queueRefusals() {
  const split = await t.deps.db.query(
    `INSERT INTO payments (order_id, provider, organisation_id, person_id, status, amount, commission, total) VALUES (gen_random_uuid()::text, 'tbank', $1, $2, 'pending', 200, 0, 200) RETURNING id, order_id`,
    [DEMO.organisationId, DEMO.citizen.personId],
  );
  await t.deps.db.query(
    `INSERT INTO payment_items (payment_id, account_id, amount) VALUES ($1, $2, 100), ($1, $3, 100)`,
    [split.rows[0].id, account, DEMO.accounts.vladivostokFlat5],
  );
  await withTransaction(t.deps.db, (tx) =>
    applyBankStatus(tx, t.deps.enqueue, {
      orderId: split.rows[0].order_id,
      bankStatus: 'CONFIRMED',
      amount: 200n,
      source: 'reconciliation',
    }),
  );
  await t.deps.db.query(
    `INSERT INTO sync_items (organisation_id, operation, object_type, object_id) VALUES ($1, 'importNotificationsOfOrderExecutionCancellation', 'payment', $2)`,
    [DEMO.organisationId, DEMO_PAYMENT_ID],
  );
  await nudge('importNotificationsOfOrderExecutionCancellation');
  splitPaymentId = split.rows[0].id;
}

beforeAll(async () => {
  t = await startTestApp({
    label: 'gis-payments',
    listen: true,
    workers: true,
    env: { GIS_SIM_DELAY_MS: '50', GIS_POLL_SCHEDULE: '0,1', GIS_RETRY_DELAY_SECONDS: '0.2' },
    stateSystem: (config) => gisClient(config, 15_000),
  });
  await primeReferenceData(t); // accounts go on the premises' GUIDs from exportHouseData
});
afterAll(() => t?.close());

describe('billing and payments in the state-system exchange', () => {
  let documents: { id: string; period: string }[];

  it('sends payment documents of two periods in one message each, after their account, and saves their PaymentDocumentID', async () => {
    const resident = await sessionHeaders(t.deps, DEMO.citizen.personId);
    for (const period of [addMonths(lastPeriod, -1), lastPeriod]) {
      // The demo data issued both; issuing (POST) queues them for the state system.
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/me/accounts/${account}/charges/${period}/document`,
        headers: resident,
      });
      expect(res.statusCode).toBe(200);
    }
    documents = (
      await t.deps.db.query(`SELECT id, period FROM payment_documents WHERE account_id = $1 ORDER BY period`, [account])
    ).rows;
    expect(documents).toHaveLength(2);
    for (const d of documents) {
      const s = await settled('importPaymentDocumentData', d.id);
      expect({ period: d.period, status: s.status, error: s.error_text }).toEqual({
        period: d.period,
        status: 'accepted',
        error: null,
      });
    }
    const { rows } = await t.deps.db.query(
      `SELECT d.period, d.number, d.amount::text, d.gis_guid::text, d.gis_document_id, s.result_guid::text, s.result_number, s.transport_guid::text AS tg
         FROM payment_documents d JOIN sync_items s ON s.object_id = d.id WHERE d.account_id = $1 ORDER BY d.period`,
      [account],
    );
    const accountRow = (await t.deps.db.query(`SELECT gis_account_guid::text FROM accounts WHERE id = $1`, [account]))
      .rows[0];
    expect(accountRow.gis_account_guid).toMatch(/^[0-9a-f-]{36}$/); // the account went first
    for (const d of rows) {
      expect(d.gis_guid).toBe(d.result_guid);
      expect(d.gis_document_id).toBe(d.result_number);
      expect(d.gis_document_id).toHaveLength(18);
      const f = await simFields(d.tg);
      // Roubles with kopecks, our document number, the account's state-system GUID.
      expect(f).toMatchObject({
        AccountGuid: accountRow.gis_account_guid,
        PaymentDocumentNumber: d.number,
        TotalPayableByPD: (Number(d.amount) / 100).toFixed(2),
      });
    }
    // Month and Year are per request: two periods make two messages.
    const msgs = await t.deps.db.query(
      `SELECT item_count, items->0->>'period' AS period, status FROM gis_messages WHERE operation = 'importPaymentDocumentData' ORDER BY 2`,
    );
    expect(msgs.rows).toEqual(documents.map((d) => ({ item_count: 1, period: d.period, status: 'done' })));
  }, 90_000);

  it('notifies the demo payment (queued by the sweep) and a new single-period payment with its PaymentDocumentID', async () => {
    // A payment of the last period, booked the way a bank notification books it (queued in the same transaction).
    const charged = (
      await t.deps.db.query(
        `SELECT charged FROM charge_periods WHERE account_id = $1 AND period = $2 AND superseded_at IS NULL`,
        [account, lastPeriod],
      )
    ).rows[0].charged;
    const { rows } = await t.deps.db.query(
      `INSERT INTO payments (order_id, provider, organisation_id, person_id, status, amount, commission, total, email)
       VALUES (gen_random_uuid()::text, 'tbank', $1, $2, 'pending', $3, 0, $3, NULL) RETURNING id, order_id`,
      [DEMO.organisationId, DEMO.citizen.personId, charged],
    );
    const payment = rows[0];
    await t.deps.db.query(
      `INSERT INTO payment_items (payment_id, account_id, amount, periods) VALUES ($1, $2, $3, ARRAY[$4])`,
      [payment.id, account, charged, lastPeriod],
    );
    const apply = (event: Parameters<typeof applyBankStatus>[2]) =>
      withTransaction(t.deps.db, (tx) => applyBankStatus(tx, t.deps.enqueue, event));
    expect(
      await apply({
        orderId: payment.order_id,
        bankStatus: 'CONFIRMED',
        amount: BigInt(charged),
        source: 'reconciliation',
      }),
    ).toBe('applied');
    await queueRefusals();
    expect(await queueUnsynced(t.deps.db, DEMO.organisationId)).toBeGreaterThan(0);
    await nudge('importNotificationsOfOrderExecution');
    const demo = await settled('importNotificationsOfOrderExecution', DEMO_PAYMENT_ID);
    expect([demo.status, demo.error_text]).toEqual(['accepted', null]);
    const demoRow = (
      await t.deps.db.query(
        `SELECT gis_notification_guid::text, gis_notification_number, amount::text FROM payments WHERE id = $1`,
        [DEMO_PAYMENT_ID],
      )
    ).rows[0];
    expect(demoRow.gis_notification_guid).toBe(demo.result_guid);
    const els = (await t.deps.db.query(`SELECT unified_number FROM accounts WHERE id = $1`, [account])).rows[0]
      .unified_number;
    // Nine periods paid: no single period or document to name, the ЕЛС identifies the account.
    expect(await simFields(demo.transport_guid)).toMatchObject({
      OrderID: DEMO_PAYMENT_ID.replaceAll('-', ''),
      Amount: demoRow.amount,
      UnifiedAccountNumber: els,
      INN: '7701234560',
    });
    expect((await simFields(demo.transport_guid)).PaymentDocumentID).toBeUndefined();

    const s = await settled('importNotificationsOfOrderExecution', payment.id);
    expect([s.status, s.error_text]).toEqual(['accepted', null]);
    const docId = (
      await t.deps.db.query(`SELECT gis_document_id FROM payment_documents WHERE account_id = $1 AND period = $2`, [
        account,
        lastPeriod,
      ])
    ).rows[0].gis_document_id;
    const [year, month] = lastPeriod.split('-');
    expect(await simFields(s.transport_guid)).toMatchObject({
      OrderID: payment.order_id.replaceAll('-', ''),
      Amount: String(charged),
      PaymentDocumentID: docId,
      Year: year,
      Month: String(Number(month)),
      UnifiedAccountNumber: els,
      BankBIK: '044525999',
    });

    // A refund reverses the booking and annuls the notification in the state system.
    expect(await apply({ orderId: payment.order_id, bankStatus: 'REFUNDED', source: 'reconciliation' })).toBe(
      'applied',
    );
    await nudge('importNotificationsOfOrderExecutionCancellation');
    const c = await settled('importNotificationsOfOrderExecutionCancellation', payment.id);
    expect([c.status, c.error_text]).toEqual(['accepted', null]);
    const after = (
      await t.deps.db.query(
        `SELECT gis_notification_guid::text, gis_cancellation_guid::text FROM payments WHERE id = $1`,
        [payment.id],
      )
    ).rows[0];
    expect(after).toEqual({ gis_notification_guid: s.result_guid, gis_cancellation_guid: c.result_guid });
    expect(await simFields(c.transport_guid)).toMatchObject({
      OrderID: payment.order_id.replaceAll('-', ''),
      Comment: 'Возврат платежа',
    });
    const stats = await t.app.inject({ method: 'GET', url: '/sandbox/gis/stats' });
    const accepted = Object.fromEntries(
      stats.json().accepted.map((r: { operation: string; accepted: number }) => [r.operation, r.accepted]),
    );
    expect(accepted).toMatchObject({
      importPaymentDocumentData: 2,
      importNotificationsOfOrderExecution: 2,
      importNotificationsOfOrderExecutionCancellation: 1,
    });
  }, 90_000);

  // Queued in the test above so that they go in the same dispatch rounds.
  it('refuses with a clear code what cannot be sent', async () => {
    const notReversed = await settled('importNotificationsOfOrderExecutionCancellation', DEMO_PAYMENT_ID);
    expect([notReversed.status, notReversed.error_code]).toEqual(['rejected', 'payment_not_reversed']);
    const spans = await settled('importNotificationsOfOrderExecution', splitPaymentId);
    expect([spans.status, spans.error_code]).toEqual(['rejected', 'payment_spans_accounts']);
  });
});
