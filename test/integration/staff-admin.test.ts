import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAYMENT_ID } from '../../src/sandbox/demo/billing.js';
import {
  DEMO_ABANDONED_PAYMENT_ID,
  DEMO_DECLINED_PAYMENT_ID,
  DEMO_REFUSED_SYNC_ITEM_ID,
  seedConsoleShowcase,
} from '../../src/sandbox/demo/console.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { refundable } from '../../src/payments/service.js';
import { SYNC_ERROR_HINTS, syncErrorHint } from '../../src/sync/gis/error-hints.js';
import { sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

// The backend of the staff console's administration screens (issue 15, screens 8–10): refused
// state-system items with what to change, payments filtered on the server, the payee's bank details,
// the audit log's filters, and the simulator's fault switch.

let t: TestApp;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ label: 'staff_admin' });
  await seedConsoleShowcase(t.deps.db);
  admin = { ...(await sessionHeaders(t.deps, DEMO.staff.personId)), 'x-organisation-id': DEMO.organisationId };
});
afterAll(() => t?.close());

const get = (url: string, headers = admin) => t.app.inject({ method: 'GET', url, headers });

describe('refused state-system items', () => {
  it('lists rejected and dead items with the state system text and the hint for their code', async () => {
    const res = await get('/api/v1/org/sync/items?problems=true');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.every((i: { status: string }) => i.status === 'rejected' || i.status === 'dead')).toBe(true);
    const refused = items.find((i: { id: string }) => i.id === DEMO_REFUSED_SYNC_ITEM_ID);
    expect(refused).toMatchObject({
      operation: 'importMeteringDeviceValues',
      status: 'rejected',
      errorCode: 'INT002000',
      errorText: 'Прибор учёта не найден(а) в реестре',
      hint: { title: 'ГИС ЖКХ не знает прибор учёта', retry: 'after_fix', fixAt: null },
    });
    expect(refused.hint.fix).toMatch(/повторно/);
    // Named in the organisation's words: the gas meter's serial number and the reading's period.
    expect(refused.objectLabel).toMatch(/^прибор № \S+/);
    expect(refused.objectPeriod).toMatch(/^\d{4}-\d{2}$/);
    // A status filter still works alongside, and an accepted item has no hint.
    const pending = await get('/api/v1/org/sync/items?status=pending&problems=true');
    expect(pending.json().items).toEqual([]);
  });

  it('has a hint for every code the connector and its sources produce, and the operation-specific one first', () => {
    for (const code of ['INT002000', 'INT002012', 'AUT011003', 'EXP001000', 'exchange_failed', 'payee_details_missing'])
      expect(syncErrorHint(code, 'importAccountData'), code).not.toBeNull();
    expect(syncErrorHint('INT002000', 'importAccountData')!.operation).toBe('importAccountData');
    expect(syncErrorHint('INT002000', 'exportHouseData')!.operation).toBeUndefined();
    expect(syncErrorHint('NOPE000000', 'importAccountData')).toBeNull();
    expect(syncErrorHint(null, 'importAccountData')).toBeNull();
    // One general row per code at most, so the fallback is unambiguous.
    const general = SYNC_ERROR_HINTS.filter((h) => !h.operation).map((h) => h.code);
    expect(new Set(general).size).toBe(general.length);
  });

  it('sends a rejected item again when asked by id, audited', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/sync/retry',
      headers: admin,
      payload: { itemIds: [DEMO_REFUSED_SYNC_ITEM_ID], includeRejected: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ requeued: 1 });
    const { rows } = await t.deps.db.query(`SELECT status, error_code, transport_guid FROM sync_items WHERE id = $1`, [
      DEMO_REFUSED_SYNC_ITEM_ID,
    ]);
    expect(rows[0]).toMatchObject({ status: 'pending', error_code: null });
    const audit = await get('/api/v1/org/audit?action=gis_sync.retry');
    expect(audit.json().items[0]).toMatchObject({ action: 'gis_sync.retry', actorName: 'Смирнова Ольга Викторовна' });
  });
});

describe('payments of the organisation', () => {
  const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((p) => p.id);

  it('filters on the server by account number, house, status and time, newest first with keyset pages', async () => {
    const all = await get('/api/v1/org/payments?limit=100');
    expect(all.statusCode).toBe(200);
    expect(ids(all)).toEqual(
      expect.arrayContaining([DEMO_PAYMENT_ID, DEMO_DECLINED_PAYMENT_ID, DEMO_ABANDONED_PAYMENT_ID]),
    );
    const numbers = await t.deps.db.query(`SELECT id, number FROM accounts WHERE id = $1`, [
      DEMO.accounts.neighbourFlat13,
    ]);
    const byAccount = await get(`/api/v1/org/payments?accountNumber=${encodeURIComponent(numbers.rows[0].number)}`);
    expect(ids(byAccount)).toEqual([DEMO_DECLINED_PAYMENT_ID]);
    const byHouse = await get(`/api/v1/org/payments?houseId=${DEMO.houses.vladivostok}`);
    expect(ids(byHouse)).toEqual([DEMO_ABANDONED_PAYMENT_ID]);
    const moscow = ids(await get(`/api/v1/org/payments?houseId=${DEMO.houses.moscow}&limit=100`));
    expect(moscow).toContain(DEMO_PAYMENT_ID);
    expect(moscow).not.toContain(DEMO_ABANDONED_PAYMENT_ID);
    expect(ids(await get('/api/v1/org/payments?status=failed'))).toEqual([DEMO_DECLINED_PAYMENT_ID]);
    const since = new Date(Date.now() - 36 * 3600_000).toISOString();
    const recent = ids(await get(`/api/v1/org/payments?from=${encodeURIComponent(since)}&limit=100`));
    expect(recent).not.toContain(DEMO_DECLINED_PAYMENT_ID); // three days old
    expect(recent).toContain(DEMO_ABANDONED_PAYMENT_ID);
    // Pages of one: every payment once, in the same order as one page.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`/api/v1/org/payments?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.json().page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(all));
  });

  it('says which payments may be refunded: succeeded, at a bank that takes refunds', async () => {
    const items = (await get('/api/v1/org/payments?limit=100')).json().items as {
      id: string;
      refundable: boolean;
      provider: string;
    }[];
    expect(items.find((p) => p.id === DEMO_PAYMENT_ID)).toMatchObject({ refundable: true, provider: 'tbank' });
    expect(items.find((p) => p.id === DEMO_DECLINED_PAYMENT_ID)?.refundable).toBe(false);
    expect(refundable({ provider: 'tbank', refunds: false }, { status: 'succeeded', provider: 'tbank' })).toBe(false);
    expect(refundable({ provider: 'other', refunds: true }, { status: 'succeeded', provider: 'tbank' })).toBe(false);
  });

  it('shows and changes the payee bank details', async () => {
    const before = await get('/api/v1/org/bank-details');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ name: 'ООО «УК Домхаб»', inn: '7701234560', kpp: '770101001' });
    const details = {
      bankName: 'ПАО СБЕРБАНК',
      bik: '044525225',
      settlementAccount: '40702810480000000407',
      correspondentAccount: '30101810400000000225',
    };
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/org/bank-details',
      headers: admin,
      payload: details,
    });
    expect(put.statusCode, put.body).toBe(204);
    expect((await get('/api/v1/org/bank-details')).json()).toMatchObject(details);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/org/bank-details',
      headers: admin,
      payload: { ...details, settlementAccount: '40702810480000000408' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.settlementAccount');
  });
});

describe('the audit log', () => {
  it('filters by action prefix, actor, object and time, naming the actor', async () => {
    const changed = await get('/api/v1/org/audit?actionPrefix=organisation.');
    expect(changed.statusCode).toBe(200);
    const entry = changed.json().items[0];
    expect(entry).toMatchObject({
      action: 'organisation.bank_details_changed',
      actorType: 'person',
      actorId: DEMO.staff.personId,
      actorName: 'Смирнова Ольга Викторовна',
      objectType: 'organisation',
    });
    const byActor = await get(`/api/v1/org/audit?actorId=${DEMO.staff.personId}&limit=100`);
    expect(byActor.json().items.length).toBeGreaterThanOrEqual(2);
    expect(byActor.json().items.every((a: { actorId: string }) => a.actorId === DEMO.staff.personId)).toBe(true);
    const byObject = await get(`/api/v1/org/audit?objectType=organisation&objectId=${DEMO.organisationId}`);
    expect(byObject.json().items.map((a: { action: string }) => a.action)).toContain(
      'organisation.bank_details_changed',
    );
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await get(`/api/v1/org/audit?from=${encodeURIComponent(future)}`)).json().items).toEqual([]);
    const past = await get(`/api/v1/org/audit?to=${encodeURIComponent(future)}&actionPrefix=gis_sync.`);
    expect(past.json().items.map((a: { action: string }) => a.action)).toEqual(['gis_sync.retry']);
  });
});

describe('the simulator fault switch', () => {
  it('changes the injected faults of the running process', async () => {
    const sim = t.deps.config.gis.simulator;
    const before = { rate: sim.faultRate, kinds: sim.faults };
    const res = await t.app.inject({
      method: 'PUT',
      url: '/sandbox/gis/faults',
      payload: { rate: 1, kinds: ['503'] },
      remoteAddress: '127.0.0.1',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(sim.faultRate).toBe(1);
    expect(sim.faults).toEqual(['503']);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/sandbox/gis/faults',
      payload: { rate: 2 },
      remoteAddress: '127.0.0.1',
    });
    expect(bad.statusCode).toBe(400);
    sim.faultRate = before.rate;
    sim.faults = before.kinds;
  });
});
