import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAccountAccess } from '../../src/accounts/access.js';
import { withTransaction } from '../../src/db/pool.js';
import { submitReadings } from '../../src/metering/service.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_METERS } from '../../src/sandbox/demo/metering.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let citizen: Record<string, string>;
let org: Record<string, string>;
const flat12 = DEMO.accounts.citizenFlat12;
let keyNo = 0;
const key = () => `test-key-${Date.now()}-${keyNo++}`;

beforeAll(async () => {
  t = await startTestApp({ label: 'metering' });
  citizen = await sessionHeaders(t.deps, DEMO.citizen.personId);
  org = await apiKeyHeaders(t.deps, DEMO.organisationId, [
    'console.view',
    'charges.import',
    'settings.manage',
    'accounts.import',
    'accounts.approve',
  ]);
  await setPolicy({ windowStartDay: 1, windowEndDay: 31 }); // always open, so these tests do not depend on today's date
});
afterAll(() => t?.close());

async function setPolicy(
  p: Partial<{
    windowStartDay: number;
    windowEndDay: number;
    outsideWindow: string;
    acceptUnverifiedMeters: boolean;
    confirmFactor: string;
  }>,
) {
  const current = (await t.app.inject({ method: 'GET', url: '/api/v1/org/reading-settings', headers: org })).json();
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/org/reading-settings',
    headers: org,
    payload: { ...current, ...p },
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const submit = (readings: object[], opts: { confirm?: boolean; key?: string; account?: string } = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/me/accounts/${opts.account ?? flat12}/readings`,
    headers: { ...citizen, 'idempotency-key': opts.key ?? key() },
    payload: { readings, ...(opts.confirm ? { confirm: true } : {}) },
  });

const meters = async () =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/me/accounts/${flat12}/meters`, headers: citizen })).json();
const meterView = async (id: string) => (await meters()).meters.find((m: { id: string }) => m.id === id);

describe('resident meters', () => {
  it('lists the meters with unit, last reading, average, verification and the window', async () => {
    const body = await meters();
    expect(body.window).toMatchObject({
      open: true,
      accepting: true,
      timezone: 'Europe/Moscow',
      outsideWindow: 'next_period',
    });
    expect(body.meters.map((m: { resource: string }) => m.resource).sort()).toEqual([
      'cold_water',
      'electricity',
      'gas',
      'heat',
      'hot_water',
    ]);
    const el = body.meters.find((m: { id: string }) => m.id === DEMO_METERS.electricity);
    expect(el).toMatchObject({ unit: 'kWh', tariffs: 3, serialNumber: '011552087640310' });
    expect(el.previousReading.values).toEqual({ t1: '4175.962', t2: '1647.118', t3: '2590.805' });
    expect(el.averageMonthly).toEqual({ t1: '142.500', t2: '61.250', t3: '95.125' });
    const hot = body.meters.find((m: { id: string }) => m.id === DEMO_METERS.hotWater);
    expect(hot.daysToVerification).toBeGreaterThanOrEqual(20);
    expect(hot.daysToVerification).toBeLessThanOrEqual(22);
    expect(hot.verificationOverdue).toBe(false);
  });

  it("answers 404 for another person's account", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${DEMO.accounts.neighbourFlat13}/meters`,
      headers: citizen,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('submitting readings', () => {
  it('takes a three-tariff reading with exact decimals and queues it for the state system', async () => {
    const res = await submit([{ meterId: DEMO_METERS.electricity, t1: '4318.574', t2: '1700.1', t3: '2590.805' }]);
    expect(res.statusCode).toBe(201);
    const [reading] = res.json().readings;
    expect(reading.values).toEqual({ t1: '4318.574', t2: '1700.100', t3: '2590.805' });
    expect(reading.consumption).toEqual({ t1: '142.612', t2: '52.982', t3: '0.000' });
    const stored = await t.deps.db.query(
      `SELECT t1::text, t2::text, t3::text, source FROM meter_readings WHERE id = $1`,
      [reading.id],
    );
    expect(stored.rows[0]).toEqual({ t1: '4318.574', t2: '1700.100', t3: '2590.805', source: 'resident' });
    const sync = await t.deps.db.query(`SELECT operation, object_type, status FROM sync_items WHERE object_id = $1`, [
      reading.id,
    ]);
    expect(sync.rows).toEqual([{ operation: 'importMeteringDeviceValues', object_type: 'reading', status: 'pending' }]);
  });

  it('gives one reading for a repeated Idempotency-Key', async () => {
    const k = key();
    const body = [{ meterId: DEMO_METERS.gas, t1: '2980.000' }];
    const [a, b] = [await submit(body, { key: k }), await submit(body, { key: k })];
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().readings[0].id).toBe(a.json().readings[0].id);
    const { rows } = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM meter_readings WHERE meter_id = $1 AND t1 = 2980`,
      [DEMO_METERS.gas],
    );
    expect(rows[0].n).toBe(1);
    const sync = await t.deps.db.query(`SELECT count(*)::int AS n FROM sync_items WHERE object_id = $1`, [
      a.json().readings[0].id,
    ]);
    expect(sync.rows[0].n).toBe(1);
  });

  it('refuses a value below the previous reading, naming meter and tariff, and stores nothing', async () => {
    const before = await t.deps.db.query(`SELECT count(*)::int AS n FROM meter_readings`);
    const res = await submit([
      { meterId: DEMO_METERS.coldWater, t1: '440.000' },
      { meterId: DEMO_METERS.electricity, t1: '4400.000', t2: '1600.000', t3: '2600.000' },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'reading_below_previous',
      meterId: DEMO_METERS.electricity,
      tariff: 't2',
    });
    expect(res.json().errors[0].path).toBe('body.readings.1.t2');
    const after = await t.deps.db.query(`SELECT count(*)::int AS n FROM meter_readings`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('wants one value per tariff and refuses values past the dial', async () => {
    const one = await submit([{ meterId: DEMO_METERS.electricity, t1: '4400.000' }]);
    expect(one.json()).toMatchObject({
      status: 422,
      code: 'tariff_values_mismatch',
      meterId: DEMO_METERS.electricity,
      tariff: 't2',
    });
    const big = await submit([{ meterId: DEMO_METERS.heat, t1: '10000.000' }]); // four-digit heat meter
    expect(big.json()).toMatchObject({ code: 'reading_exceeds_capacity', meterId: DEMO_METERS.heat, tariff: 't1' });
    const bad = await submit([{ meterId: DEMO_METERS.heat, t1: '40.1234' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.readings.0.t1');
  });

  it('asks to confirm a consumption far above the average, then takes it', async () => {
    const reading = [{ meterId: DEMO_METERS.coldWater, t1: '460.000' }]; // 24.314 m³ against 5.842 a month
    const first = await submit(reading);
    expect(first.statusCode).toBe(422);
    expect(first.json()).toMatchObject({
      code: 'consumption_confirmation_required',
      meterId: DEMO_METERS.coldWater,
      tariff: 't1',
    });
    expect(first.json().violations[0]).toMatchObject({
      confirmable: true,
      details: { consumption: '24.314', averageMonthly: '5.842' },
    });
    const confirmed = await submit(reading, { confirm: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().readings[0]).toMatchObject({
      highConsumptionConfirmed: true,
      consumption: { t1: '24.314' },
    });
  });

  it('lets the resident correct the period reading: the new row supersedes the old', async () => {
    const first = (await submit([{ meterId: DEMO_METERS.hotWater, t1: '203.000' }])).json().readings[0];
    const second = await submit([{ meterId: DEMO_METERS.hotWater, t1: '202.500' }]);
    expect(second.statusCode).toBe(201);
    expect(second.json().readings[0]).toMatchObject({ corrects: first.id, consumption: { t1: '2.028' } });
    const { rows } = await t.deps.db.query(
      `SELECT id, superseded_at IS NOT NULL AS old FROM meter_readings WHERE id = ANY($1::uuid[]) ORDER BY old`,
      [[first.id, second.json().readings[0].id]],
    );
    expect(rows).toEqual([
      { id: second.json().readings[0].id, old: false },
      { id: first.id, old: true },
    ]);
    expect((await meterView(DEMO_METERS.hotWater)).previousReading.values.t1).toBe('202.500');
    const sync = await t.deps.db.query(`SELECT count(*)::int AS n FROM sync_items WHERE object_id = ANY($1::uuid[])`, [
      [first.id, second.json().readings[0].id],
    ]);
    expect(sync.rows[0].n).toBe(2);
  });

  it('refuses a meter past verification unless the organisation accepts such meters', async () => {
    await t.deps.db.query(`UPDATE meters SET next_verification = current_date - 40 WHERE id = $1`, [DEMO_METERS.heat]);
    const refused = await submit([{ meterId: DEMO_METERS.heat, t1: '35.100' }]);
    expect(refused.json()).toMatchObject({
      status: 422,
      code: 'meter_verification_overdue',
      meterId: DEMO_METERS.heat,
    });
    expect((await meterView(DEMO_METERS.heat)).verificationOverdue).toBe(true);
    await setPolicy({ acceptUnverifiedMeters: true });
    const taken = await submit([{ meterId: DEMO_METERS.heat, t1: '35.100' }]);
    expect(taken.statusCode).toBe(201);
    await setPolicy({ acceptUnverifiedMeters: false });
  });

  it('checks against the previous reading however old it is', async () => {
    const { rows } = await t.deps.db.query(
      `INSERT INTO meters (account_id, resource, serial_number, digit_capacity) VALUES ($1, 'gas', 'OLD-1', 5) RETURNING id`,
      [flat12],
    );
    await t.deps.db.query(
      `INSERT INTO meter_readings (meter_id, period, taken_on, t1, source) VALUES ($1, '2023-01', '2023-01-20', 500.125, 'organisation')`,
      [rows[0].id],
    );
    const res = await submit([{ meterId: rows[0].id, t1: '100.000' }]);
    expect(res.json()).toMatchObject({
      status: 422,
      code: 'reading_below_previous',
      meterId: rows[0].id,
      tariff: 't1',
    });
  });

  it('accepts a rolled-over dial with consumption 10^digits − previous + new', async () => {
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/meters/import',
      headers: { ...org, 'idempotency-key': key() },
      payload: [
        {
          accountNumber: '100012',
          resource: 'cold_water',
          serialNumber: 'ROLL-5',
          digitCapacity: 5,
          nextVerification: '2032-01-01',
        },
      ],
    });
    expect(imported.json()).toMatchObject({ accepted: 1, rejected: 0 });
    const { rows } = await t.deps.db.query(`SELECT id FROM meters WHERE serial_number = 'ROLL-5'`);
    const meterId = rows[0].id;
    const prevPeriod = (await meters()).window.period.replace(/^(\d+)-(\d+)$/, (_: string, y: string, m: string) =>
      m === '01' ? `${Number(y) - 1}-12` : `${y}-${String(Number(m) - 1).padStart(2, '0')}`,
    );
    const seed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/readings/import',
      headers: { ...org, 'idempotency-key': key() },
      payload: [{ meterId, period: prevPeriod, t1: '99990.500' }],
    });
    expect(seed.json()).toMatchObject({ accepted: 1 });
    const res = await submit([{ meterId, t1: '12.250' }]);
    expect(res.statusCode).toBe(201);
    expect(res.json().readings[0].consumption).toEqual({ t1: '21.750' });
    // 99990.500 → 50000.000 would be a wrap of 50009.500, half the dial: a wrong reading, not a rollover
    const implausible = await submit([{ meterId, t1: '50000.000' }]);
    expect(implausible.json()).toMatchObject({ status: 422, code: 'reading_below_previous', meterId, tariff: 't1' });
  });
});

describe('history', () => {
  it('gives readings and consumption per month and tariff, default the last six months', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${flat12}/readings?meterId=${DEMO_METERS.electricity}`,
      headers: citizen,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const [el] = body.meters;
    expect(el.periods).toHaveLength(6);
    expect(el.periods[0].consumption).toBeNull(); // the first demo reading has none before it
    expect(el.periods[1].consumption).toEqual({ t1: '142.500', t2: '61.250', t3: '95.125' });
    expect(el.periods[5].consumption).toEqual({ t1: '142.612', t2: '52.982', t3: '0.000' });
    const later = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${flat12}/readings?meterId=${DEMO_METERS.electricity}&from=${el.periods[2].period}`,
      headers: citizen,
    });
    expect(later.json().meters[0].periods[0].consumption).toEqual({ t1: '142.500', t2: '61.250', t3: '95.125' }); // from the reading before the range
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${flat12}/readings?from=2026-13`,
      headers: citizen,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('reading window at midnight in the house time zone (service with injected now)', () => {
  async function freshMeter(account: string, serial: string) {
    const { rows } = await t.deps.db.query(
      `INSERT INTO meters (account_id, resource, serial_number, digit_capacity) VALUES ($1, 'cold_water', $2, 5) RETURNING id`,
      [account, serial],
    );
    return rows[0].id as string;
  }
  const run = async (account: string, meterId: string, now: string, value: string) => {
    const access = await requireAccountAccess(t.deps.db, DEMO.citizen.personId, account);
    return withTransaction(t.deps.db, (tx) =>
      submitReadings(
        tx,
        t.deps.enqueue,
        access,
        { personId: DEMO.citizen.personId },
        { readings: [{ meterId, t1: value }], confirm: false },
        new Date(now),
      ),
    );
  };

  it('rejects before 00:00 on the first day and accepts from it, Moscow and Vladivostok', async () => {
    await setPolicy({ windowStartDay: 15, windowEndDay: 25, outsideWindow: 'reject' });
    const msk = await freshMeter(flat12, 'WIN-MSK');
    const vvo = await freshMeter(DEMO.accounts.vladivostokFlat5, 'WIN-VVO');
    await expect(run(flat12, msk, '2026-05-14T20:59:59Z', '1.000')).rejects.toMatchObject({
      code: 'reading_window_closed',
      extra: { meterId: msk },
    });
    expect((await run(flat12, msk, '2026-05-14T21:00:00Z', '1.000')).period).toBe('2026-05');
    await expect(run(DEMO.accounts.vladivostokFlat5, vvo, '2026-05-14T13:59:59Z', '1.000')).rejects.toMatchObject({
      code: 'reading_window_closed',
    });
    expect((await run(DEMO.accounts.vladivostokFlat5, vvo, '2026-05-14T14:00:00Z', '1.000')).period).toBe('2026-05');
    // last second of the 25th local time still corrects May; midnight closes it
    expect(await run(DEMO.accounts.vladivostokFlat5, vvo, '2026-05-25T13:59:59Z', '2.000')).toMatchObject({
      period: '2026-05',
      windowOpen: true,
    });
    await expect(run(DEMO.accounts.vladivostokFlat5, vvo, '2026-05-25T14:00:00Z', '3.000')).rejects.toMatchObject({
      code: 'reading_window_closed',
    });
  });

  it('sends a reading after the close to the next period when the organisation says so', async () => {
    await setPolicy({ windowStartDay: 15, windowEndDay: 25, outsideWindow: 'next_period' });
    const msk = await freshMeter(flat12, 'WIN-MSK-2');
    const res = await run(flat12, msk, '2026-05-25T21:00:00Z', '5.000');
    expect(res).toMatchObject({ period: '2026-06', windowOpen: false });
    await setPolicy({ windowStartDay: 1, windowEndDay: 31, outsideWindow: 'next_period' });
  });
});

describe('organisation bulk import and export', () => {
  it('keeps the good rows and explains each bad row by index and field (JSON)', async () => {
    const period = (await meters()).window.period;
    const rows = [
      { accountNumber: '100012', serialNumber: 'ХВ-2019-118934', period, t1: '470.125' }, // 0 good (by account + serial)
      { meterId: DEMO_METERS.electricity, period, t1: '4400.000', t2: '1720.000' }, // 1 missing t3
      { meterId: DEMO_METERS.gas, period, t1: '2975.4759' }, // 2 four decimals
      { meterId: '00000000-0000-4000-8000-00000000dead', period, t1: '1.000' }, // 3 unknown meter
      { meterId: DEMO_METERS.vladivostokColdWater, period, t1: '100.001' }, // 4 below previous (116.850)
      { meterId: DEMO_METERS.vladivostokElectricity, period, t1: 15999.5 }, // 5 number, not a decimal string
      { meterId: DEMO_METERS.vladivostokElectricity, period, t1: '16100.250' }, // 6 good
      { meterId: DEMO_METERS.vladivostokElectricity, period, t1: '16100.300' }, // 7 same meter and period again
    ];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/readings/import',
      headers: { ...org, 'idempotency-key': key() },
      payload: rows,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ received: 8, accepted: 2, rejected: 6 });
    expect(
      body.errors.map((e: { index: number; field: string; code: string }) => `${e.index}:${e.field}:${e.code}`),
    ).toEqual([
      '1:t3:tariff_values_mismatch',
      '2:t1:invalid_value',
      '3:meterId:meter_not_found',
      '4:t1:reading_below_previous',
      '5:t1:invalid_value',
      '7:period:duplicate_row',
    ]);
    const kept = await t.deps.db.query(
      `SELECT r.id, r.t1::text FROM meter_readings r WHERE r.period = $1 AND r.source = 'organisation' AND r.superseded_at IS NULL
        AND r.meter_id = ANY($2::uuid[]) ORDER BY r.t1`,
      [period, [DEMO_METERS.coldWater, DEMO_METERS.vladivostokElectricity]],
    );
    expect(kept.rows.map((r) => r.t1)).toEqual(['470.125', '16100.250']);
    const sync = await t.deps.db.query(`SELECT count(*)::int AS n FROM sync_items WHERE object_id = ANY($1::uuid[])`, [
      kept.rows.map((r) => r.id),
    ]);
    expect(sync.rows[0].n).toBe(2);
  });

  it('streams NDJSON in, reports unparsable lines, and replays the same key without new rows', async () => {
    const period = (await meters()).window.period;
    const k = key();
    const ndjson = [
      JSON.stringify({ meterId: DEMO_METERS.vladivostokColdWater, period, t1: '122.000' }),
      '{not json',
      JSON.stringify({ meterId: DEMO_METERS.vladivostokElectricity, period, t1: '16100.750' }),
    ].join('\n');
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/org/readings/import',
        headers: { ...org, 'idempotency-key': k, 'content-type': 'application/x-ndjson' },
        payload: ndjson,
      });
    const first = await send();
    expect(first.json()).toMatchObject({
      received: 3,
      accepted: 2,
      rejected: 1,
      errors: [{ index: 1, code: 'malformed_row' }],
    });
    const count = async () => (await t.deps.db.query(`SELECT count(*)::int AS n FROM meter_readings`)).rows[0].n;
    const n = await count();
    const again = await send();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(n);
  });

  it("exports the period's live readings as JSON pages and as NDJSON", async () => {
    const period = (await meters()).window.period;
    const page1 = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/readings/export?period=${period}&limit=2`, headers: org })
    ).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.page.nextCursor).toBeTruthy();
    const nd = await t.app.inject({
      method: 'GET',
      url: `/api/v1/org/readings/export?period=${period}&format=ndjson`,
      headers: org,
    });
    expect(nd.headers['content-type']).toContain('application/x-ndjson');
    const lines = nd.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const live = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM meter_readings r JOIN meters m ON m.id = r.meter_id JOIN accounts a ON a.id = m.account_id
        WHERE r.period = $1 AND r.superseded_at IS NULL AND a.organisation_id = $2`,
      [period, DEMO.organisationId],
    );
    expect(lines).toHaveLength(live.rows[0].n);
    expect(lines.find((l) => l.meterId === DEMO_METERS.electricity)).toMatchObject({
      t1: '4318.574',
      t2: '1700.100',
      t3: '2590.805',
      accountNumber: '100012',
    });
  });

  it("checks a meter's rows in period order against each other, and a repeated period supersedes the stored one", async () => {
    await t.deps.db.query(
      `INSERT INTO meters (account_id, resource, serial_number, digit_capacity) VALUES ($1, 'heat', 'CHAIN-1', 5)`,
      [flat12],
    );
    const send = (payload: object[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/org/readings/import',
        headers: { ...org, 'idempotency-key': key() },
        payload,
      });
    const row = (period: string, t1: string) => ({
      accountNumber: '100012',
      serialNumber: 'CHAIN-1',
      resource: 'heat',
      period,
      t1,
    });
    const first = (await send([row('2026-03', '30.000'), row('2026-01', '10.000'), row('2026-02', '9.500')])).json();
    expect(first).toMatchObject({ accepted: 2, errors: [{ index: 2, field: 't1', code: 'reading_below_previous' }] });
    const fix = (await send([row('2026-02', '20.000'), row('2026-04', '25.000')])).json();
    expect(fix).toMatchObject({ accepted: 1, errors: [{ index: 1, code: 'reading_below_previous' }] }); // below March's 30.000
    const { rows } = await t.deps.db.query(
      `SELECT r.period, r.t1::text, r.superseded_at IS NULL AS live FROM meter_readings r JOIN meters m ON m.id = r.meter_id
        WHERE m.serial_number = 'CHAIN-1' ORDER BY r.period`,
    );
    expect(rows).toEqual([
      { period: '2026-01', t1: '10.000', live: true },
      { period: '2026-02', t1: '20.000', live: true },
      { period: '2026-03', t1: '30.000', live: true },
    ]);
  });

  it('imports meters row by row', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/meters/import',
      headers: { ...org, 'idempotency-key': key() },
      payload: [
        { accountNumber: '100013', resource: 'gas', serialNumber: 'G-1', digitCapacity: 5 },
        { accountNumber: '999999', resource: 'gas', serialNumber: 'G-2' },
        { accountNumber: '100013', resource: 'steam', serialNumber: 'G-3' },
      ],
    });
    expect(res.json()).toMatchObject({
      received: 3,
      accepted: 1,
      rejected: 2,
      errors: [
        { index: 1, field: 'accountNumber' },
        { index: 2, field: 'resource' },
      ],
    });
  });
});

describe('meter registration with documents', () => {
  function multipart(
    fields: Record<string, string>,
    files: { field: string; filename: string; type: string; data: Buffer }[],
  ) {
    const boundary = `----domhub${Date.now()}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
        ),
      );
      parts.push(f.data, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return {
      payload: Buffer.concat(parts),
      headers: { ...citizen, 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }
  const url = `/api/v1/me/accounts/${flat12}/meter-registrations`;

  it('uploads the documents, and the organisation approves: the meter appears with its initial reading', async () => {
    const photo = await QRCode.toBuffer('meter photo');
    const passport = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const form = multipart(
      {
        kind: 'register',
        resource: 'hot_water',
        serialNumber: 'ГВ-2026-777001',
        tariffs: '1',
        digitCapacity: '5',
        installedOn: '2026-11-02',
        nextVerification: '2032-11-02',
        t1: '0.015',
      },
      [
        { field: 'photo', filename: 'meter.png', type: 'image/png', data: photo },
        { field: 'passport', filename: 'passport.pdf', type: 'application/pdf', data: passport },
      ],
    );
    const res = await t.app.inject({ method: 'POST', url, ...form });
    expect(res.statusCode).toBe(201);
    const reg = res.json();
    expect(reg).toMatchObject({ status: 'submitted', kind: 'register', initialValues: { t1: '0.015' } });
    expect(
      reg.documents.map((d: { kind: string; contentType: string }) => `${d.kind}:${d.contentType}`).sort(),
    ).toEqual(['passport:application/pdf', 'photo:image/png']);

    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/org/meter-registrations?status=submitted', headers: org })
    ).json();
    expect(list.items.find((i: { id: string }) => i.id === reg.id)).toMatchObject({
      address: 'г. Москва, ул. Профсоюзная, д. 43, корп. 1',
      premise: '12',
    });
    const doc = reg.documents.find((d: { kind: string }) => d.kind === 'photo');
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/org/meter-registrations/${reg.id}/documents/${doc.id}`,
      headers: org,
    });
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(photo)).toBe(true);

    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/meter-registrations/${reg.id}/approve`,
      headers: org,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved' });
    const meter = await meterView(approved.json().meterId);
    expect(meter).toMatchObject({
      serialNumber: 'ГВ-2026-777001',
      nextVerification: '2032-11-02',
      previousReading: { values: { t1: '0.015' } },
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/meter-registrations/${reg.id}/approve`,
      headers: org,
    });
    expect(again.json().code).toBe('registration_decided');
    const mine = (await t.app.inject({ method: 'GET', url: `${url}/${reg.id}`, headers: citizen })).json();
    expect(mine.status).toBe('approved');
  });

  it('re-registration after replacement archives the old meter; a rejection carries its reason', async () => {
    const photo = await QRCode.toBuffer('new gas meter');
    const cert = Buffer.from('%PDF-1.4\n%cert\n%%EOF\n');
    const files = [
      { field: 'photo', filename: 'g.png', type: 'image/png', data: photo },
      { field: 'verification_certificate', filename: 'c.pdf', type: 'application/pdf', data: cert },
    ];
    const replace = await t.app.inject({
      method: 'POST',
      url,
      ...multipart(
        { kind: 'reregister', meterId: DEMO_METERS.gas, resource: 'gas', serialNumber: 'BK-G4-9900001' },
        files,
      ),
    });
    expect(replace.statusCode).toBe(201);
    const approved = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/org/meter-registrations/${replace.json().id}/approve`,
        headers: org,
      })
    ).json();
    const ids = (await meters()).meters.map((m: { id: string }) => m.id);
    expect(ids).not.toContain(DEMO_METERS.gas);
    expect(ids).toContain(approved.meterId);

    const other = await t.app.inject({
      method: 'POST',
      url,
      ...multipart({ kind: 'register', resource: 'cold_water', serialNumber: 'X-1' }, files),
    });
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/meter-registrations/${other.json().id}/reject`,
      headers: org,
      payload: { reason: 'Фото нечитаемо' },
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: 'Фото нечитаемо' });
  });

  it('refuses missing documents and files of a type that is not allowed', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url,
      ...multipart({ kind: 'register', resource: 'gas', serialNumber: 'Y-1' }, []),
    });
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.passport', 'body.photo']);
    const text = await t.app.inject({
      method: 'POST',
      url,
      ...multipart({ kind: 'register', resource: 'gas', serialNumber: 'Y-1' }, [
        { field: 'photo', filename: 'a.png', type: 'image/png', data: Buffer.from('just text') },
      ]),
    });
    expect(text.json()).toMatchObject({ status: 400, code: 'file_type_not_allowed' });
  });
});
