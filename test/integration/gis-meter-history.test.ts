import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, renderOutbox } from '../../adapters/gis/render.js';
import { envelopeParts, loadSchemaSet, validateElement } from '../../contracts/gis/schemas.js';
import { localDate } from '../../src/calendar.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_METERS } from '../../src/sandbox/demo/metering.js';
import { queueReferenceData } from '../../src/sync/gis/reference-sources.js';
import { METER_HISTORY_EVERY_MS, queuePulls } from '../../src/sync/gis/service-sources.js';
import { queueUnsynced } from '../../src/sync/gis/unsynced.js';
import { sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { gisClient, nudgeSync, syncUntil } from '../helpers/gis.js';

// Readings residents enter in the state system itself (Госуслуги.Дом), read back by exportMeteringDeviceHistory
// over SOAP from the simulator: the hub's own readings, which come back in the same answer, are not stored
// twice; a new reading is stored once however often the export runs, checked by the reading rules, and not
// sent back. The simulator validates each request against the published 14.4.0.1 schemas (GIS_SCHEMA_DIR);
// its answers are validated here.
const OFFICIAL = fileURLToPath(new URL('../../../shared/reference/gis-14.4.0.1/', import.meta.url));
const present = existsSync(OFFICIAL);
const ORG_PPA = '5b3a0c5e-8d0e-4b8a-9a61-3f7c2b1d0e11';

let t: TestApp;
// biome-ignore lint/suspicious/noExplicitAny: rows read loosely, for assertions
const q = async <R = Record<string, any>>(sql: string, values: unknown[] = []) =>
  (await t.deps.db.query(sql, values)).rows as R[];
const until = <T>(what: string, fn: () => Promise<T | undefined | false>) => syncUntil(t, what, fn, 140_000);

/** Asks for the readings history (what the gis.pull schedule does at `at`) and waits until every pull is answered. */
async function pullHistory(at = new Date()) {
  expect(await queuePulls(t.deps.db, t.deps.enqueue, DEMO.organisationId, at)).toBeGreaterThan(0);
  await until('readings history answered', async () => {
    const [r] = await q(
      `SELECT count(*) FILTER (WHERE status <> 'accepted')::int AS open, count(*)::int AS n FROM sync_items
        WHERE operation = 'exportMeteringDeviceHistory'`,
    );
    return r!.n > 0 && r!.open === 0;
  });
}

const lastLive = async (meterId: string) =>
  (
    await q(
      `SELECT period, t1::text, t2::text, t3::text FROM meter_readings WHERE meter_id = $1 AND superseded_at IS NULL
        ORDER BY period DESC LIMIT 1`,
      [meterId],
    )
  )[0]!;
const plus = (v: string, d: number) => (Number(v) + d).toFixed(3);

beforeAll(async () => {
  if (!present) return;
  t = await startTestApp({
    label: 'gis-meter-history',
    listen: true,
    workers: true,
    env: { GIS_SIM_DELAY_MS: '50', GIS_POLL_SCHEDULE: '1', GIS_RETRY_DELAY_SECONDS: '0.2', GIS_SCHEMA_DIR: OFFICIAL },
    stateSystem: (config) => gisClient(config, 30_000),
  });
  // What the gis.sweep schedule does: reference data, then the demo's accounts, meters and recent readings.
  await queueReferenceData(t.deps.db, t.deps.enqueue, DEMO.organisationId);
  await queueUnsynced(t.deps.db, DEMO.organisationId);
  await nudgeSync(t, 'importMeteringDeviceValues');
  await until('the demo readings accepted', async () => {
    const [r] = await q(
      `SELECT count(*) FILTER (WHERE status <> 'accepted')::int AS open, count(*)::int AS n FROM sync_items
        WHERE operation = 'importMeteringDeviceValues'`,
    );
    return r!.n > 0 && r!.open === 0;
  });
}, 180_000);
afterAll(() => t?.close());

describe.skipIf(!present)('readings entered in the state system', { timeout: 200_000 }, () => {
  it("stores a resident reading from the state system once, refuses one that breaks a rule, and leaves the hub's own alone", async () => {
    const today = localDate(new Date(), 'Europe/Moscow');
    const hubReadings = await q(`SELECT count(*)::int AS n FROM meter_readings`);
    const cold = await lastLive(DEMO_METERS.coldWater);
    const electricity = await lastLive(DEMO_METERS.electricity);
    const gas = await lastLive(DEMO_METERS.gas);
    const hot = await lastLive(DEMO_METERS.hotWater);
    const root = async (id: string) =>
      (await q(`SELECT gis_root_guid::text AS g FROM meters WHERE id = $1`, [id]))[0]!.g as string;
    const enter = async (body: object) => {
      const res = await t.app.inject({ method: 'POST', url: '/sandbox/gis/meter-values', payload: body });
      expect(res.statusCode).toBe(201);
    };
    // A resident enters cold water and the three-tariff electricity meter in Госуслуги.Дом, and a gas reading
    // below the previous one (a typo): one-rate and electricity devices, and a rule broken. The demo holds a
    // fourth, hot water, entered before the hub placed the meter.
    await enter({ orgPpaGuid: ORG_PPA, meterRootGuid: await root(DEMO_METERS.coldWater), t1: plus(cold.t1, 6.25) });
    await enter({
      orgPpaGuid: ORG_PPA,
      meterRootGuid: await root(DEMO_METERS.electricity),
      t1: plus(electricity.t1, 140),
      t2: plus(electricity.t2, 60),
      t3: plus(electricity.t3, 90),
    });
    await enter({ orgPpaGuid: ORG_PPA, meterRootGuid: await root(DEMO_METERS.gas), t1: plus(gas.t1, -100) });

    await pullHistory();
    const pulled = (
      await q(`SELECT count(*)::int AS n FROM sync_items WHERE operation = 'exportMeteringDeviceHistory'`)
    )[0]!.n as number;
    const stored = await q(
      `SELECT meter_id::text, period, taken_on::text, t1::text, t2::text, t3::text, refusal, superseded_at IS NULL AS live,
              entered_at IS NOT NULL AS entered
         FROM meter_readings WHERE source = 'state_system' ORDER BY meter_id`,
    );
    const period = today.slice(0, 7);
    expect(stored).toEqual([
      {
        meter_id: DEMO_METERS.coldWater,
        period,
        taken_on: today,
        t1: plus(cold.t1, 6.25),
        t2: null,
        t3: null,
        refusal: null,
        live: true,
        entered: true,
      },
      // The demo's: entered for the device by its number before the hub placed the meter.
      {
        meter_id: DEMO_METERS.hotWater,
        period,
        taken_on: today,
        t1: plus(hot.t1, 3.204),
        t2: null,
        t3: null,
        refusal: null,
        live: true,
        entered: true,
      },
      {
        meter_id: DEMO_METERS.electricity,
        period,
        taken_on: today,
        t1: plus(electricity.t1, 140),
        t2: plus(electricity.t2, 60),
        t3: plus(electricity.t3, 90),
        refusal: null,
        live: true,
        entered: true,
      },
      {
        meter_id: DEMO_METERS.gas,
        period,
        taken_on: today,
        t1: plus(gas.t1, -100),
        t2: null,
        t3: null,
        refusal: 'reading_below_previous',
        live: false,
        entered: true,
      },
    ]);
    // The answers held the hub's own readings too (entered by the organisation): none is stored again.
    const answers = await q<{ result_xml: string }>(
      `SELECT result_xml FROM gis_sim_messages WHERE operation = 'exportMeteringDeviceHistory' AND result_xml IS NOT NULL`,
    );
    expect(answers.some((a) => a.result_xml.includes(`<mdb:orgPPAGUID>${ORG_PPA}</mdb:orgPPAGUID>`))).toBe(true);
    expect((await q(`SELECT count(*)::int AS n FROM meter_readings`))[0]!.n).toBe(hubReadings[0]!.n + 4);

    // Not sent back: nothing queued for them, now or by the sweep.
    await queueUnsynced(t.deps.db, DEMO.organisationId);
    const queued = await q(
      `SELECT count(*)::int AS n FROM sync_items s JOIN meter_readings r ON r.id = s.object_id WHERE r.source = 'state_system'`,
    );
    expect(queued[0]!.n).toBe(0);

    // Within the hour the history is not asked again (appeals and debt subrequests are); an hour on it is, the
    // same readings come back, and nothing is stored twice.
    await queuePulls(t.deps.db, t.deps.enqueue, DEMO.organisationId);
    expect(
      (await q(`SELECT count(*)::int AS n FROM sync_items WHERE operation = 'exportMeteringDeviceHistory'`))[0]!.n,
    ).toBe(pulled);
    await pullHistory(new Date(Date.now() + METER_HISTORY_EVERY_MS));
    expect((await q(`SELECT count(*)::int AS n FROM meter_readings WHERE source = 'state_system'`))[0]!.n).toBe(4);

    // The resident's history shows the reading with its source.
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/readings?from=${period}&to=${period}`,
      headers: await sessionHeaders(t.deps, DEMO.citizen.personId),
    });
    expect(history.statusCode).toBe(200);
    const coldHistory = history
      .json()
      .meters.find((m: { meterId: string }) => m.meterId === DEMO_METERS.coldWater)
      .periods.find((p: { period: string }) => p.period === period);
    expect(coldHistory).toMatchObject({ source: 'state_system', values: { t1: plus(cold.t1, 6.25) } });

    // Requests as the hub renders them and the simulator's answers, valid against the published schemas.
    const official = await loadSchemaSet(OFFICIAL);
    const [pull] = await q(`SELECT query FROM gis_pulls WHERE operation = 'exportMeteringDeviceHistory' LIMIT 1`);
    const request = envelopeParts(
      envelope({
        messageGuid: randomUUID(),
        date: new Date().toISOString(),
        orgPpaGuid: ORG_PPA,
        body: renderOutbox('exportMeteringDeviceHistory', [pull!.query]),
        header: 'RequestHeader',
      }),
    ).body[0]!;
    expect(request).toContain('<dm:MeteringDeviceRootGUID');
    expect((await validateElement(request, official)).errors).toEqual([]);
    expect(answers.length).toBeGreaterThan(0);
    for (const a of answers) expect((await validateElement(a.result_xml, official)).errors).toEqual([]);
    expect(answers.some((a) => a.result_xml.includes('<dm:ElectricDeviceValue>'))).toBe(true);
  });
});
