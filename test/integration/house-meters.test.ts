import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, renderImport, SIGNED_CONTAINER_ID } from '../../adapters/gis/render.js';
import { createRsaSigner, generateSandboxCredentials } from '../../adapters/gis/rsa-signer.js';
import { signXades } from '../../adapters/gis/xades.js';
import { MUNICIPAL_RESOURCE_CODES, type MeterItem } from '../../contracts/gis/items.js';
import { NS } from '../../contracts/gis/operations.js';
import { CONTRACT_SCHEMA_DIR, envelopeParts, loadSchemaSet, validateElement } from '../../contracts/gis/schemas.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_HOUSE_ELECTRICITY_METER } from '../../src/sandbox/demo/gis.js';
import { meterSource, NSI16_YEARS } from '../../src/sync/gis/core-sources.js';
import { apiKeyHeaders, startTestApp, type TestApp } from '../helpers/app.js';

// A house's common-property meters (ОДПУ) through the organisation's API: created and listed per house,
// queued for the state system and sent as collective devices (importMeteringDeviceData CollectiveDevice
// with the house's FIAS GUID and the verification interval, НСИ 16), valid against the published XSD.
const OFFICIAL = fileURLToPath(new URL('../../../shared/reference/gis-14.4.0.1/', import.meta.url));
const present = existsSync(OFFICIAL);

let t: TestApp;
let writer: Record<string, string>;
let reader: Record<string, string>;
const HOUSE = () => DEMO.houses.vladivostok;
const HOT_WATER_GUID = randomUUID();
const SIX_YEARS_GUID = randomUUID();
// biome-ignore lint/suspicious/noExplicitAny: rows read loosely, for assertions
const q = async <R = Record<string, any>>(sql: string, values: unknown[] = []) =>
  (await t.deps.db.query(sql, values)).rows as R[];

const METER = {
  resource: 'hot_water',
  serialNumber: 'ОДПУ-ГВ-7781',
  installedOn: '2024-02-01',
  sealedOn: '2024-02-02',
  verifiedOn: '2024-02-01',
  nextVerification: '2030-02-01',
};
const create = (body: object, houseId: string = HOUSE(), headers = writer) =>
  t.app.inject({ method: 'POST', url: `/api/v1/org/houses/${houseId}/meters`, headers, payload: body });

beforeAll(async () => {
  t = await startTestApp({ label: 'house-meters' });
  writer = await apiKeyHeaders(t.deps, DEMO.organisationId, ['accounts.import']);
  reader = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view']);
  // What exportNsiItem would have cached: hot water (НСИ 2) and a six-year interval (НСИ 16).
  await q(
    `INSERT INTO gis_nsi_items (registry_number, code, guid, name, is_actual, fields)
     VALUES (2, $1, $2, 'Горячая вода', true, '{}'), (16, '6', $3, '6 лет', true, $4::jsonb) ON CONFLICT DO NOTHING`,
    [MUNICIPAL_RESOURCE_CODES.hot_water, HOT_WATER_GUID, SIX_YEARS_GUID, JSON.stringify({ [NSI16_YEARS]: '6' })],
  );
}, 120_000);
afterAll(() => t?.close());

describe("a house's common-property meters", () => {
  it('are created and listed per house; each goes to the state system', async () => {
    const res = await create(METER);
    expect(res.statusCode, res.body).toBe(201);
    const meter = res.json();
    expect(meter).toMatchObject({ ...METER, houseId: HOUSE(), tariffs: 1, archived: false, gisGuid: null });
    // Queued on the same transaction: the answer already says it waits for the state system.
    expect(meter.stateSystem).toMatchObject({ status: 'pending', errorCode: null, errorText: null, hint: null });
    expect(meter.verificationOverdue).toBe(false);
    expect(meter.daysToVerification).toBeGreaterThan(0);

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/org/houses/${HOUSE()}/meters`, headers: reader });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { id: string }) => m.id)).toContain(meter.id);
    // The demo's own, one of them added through the same repository.
    const moscow = await t.app.inject({
      method: 'GET',
      url: `/api/v1/org/houses/${DEMO.houses.moscow}/meters`,
      headers: reader,
    });
    expect(moscow.json().items.map((m: { serialNumber: string }) => m.serialNumber)).toContain(
      DEMO_HOUSE_ELECTRICITY_METER,
    );

    expect(
      await q(`SELECT operation, status FROM sync_items WHERE object_id = $1 AND object_type = 'meter'`, [meter.id]),
    ).toEqual([{ operation: 'importMeteringDeviceData', status: 'pending' }]);
    const [audit] = await q(
      `SELECT details FROM audit_log WHERE action = 'metering.house_meter_created' AND object_id = $1`,
      [meter.id],
    );
    expect(audit!.details).toMatchObject({ houseId: HOUSE(), serialNumber: METER.serialNumber });
  });

  it('say how far the next verification is and what the state system answered', async () => {
    const created = (await create({ ...METER, serialNumber: 'ОДПУ-ГВ-1001', nextVerification: '2030-06-30' })).json();
    const listed = async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/org/houses/${HOUSE()}/meters`, headers: reader });
      expect(res.statusCode).toBe(200);
      return res.json().items.find((m: { id: string }) => m.id === created.id);
    };
    // Days counted from today in the house's time zone (Vladivostok), as the resident's meters are.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Vladivostok' }).format(new Date());
    const expected = Math.round((Date.parse('2030-06-30') - Date.parse(today)) / 86_400_000);
    expect((await listed()).daysToVerification).toBe(expected);

    // Refused: the state system's code and text, with the hint of what to change.
    await q(
      `UPDATE sync_items SET status = 'rejected', error_code = 'INT002000', error_text = 'Не найден дом' WHERE object_id = $1`,
      [created.id],
    );
    expect((await listed()).stateSystem).toMatchObject({
      status: 'rejected',
      errorCode: 'INT002000',
      errorText: 'Не найден дом',
      hint: { title: 'ГИС ЖКХ не нашла дом, помещение или лицевой счёт прибора', retry: 'after_fix' },
    });
    // Accepted: the meter's GUID, and the item says so.
    const guid = randomUUID();
    await q(`UPDATE sync_items SET status = 'accepted', error_code = NULL, error_text = NULL WHERE object_id = $1`, [
      created.id,
    ]);
    await q(`UPDATE meters SET gis_guid = $2 WHERE id = $1`, [created.id, guid]);
    expect(await listed()).toMatchObject({ gisGuid: guid, stateSystem: { status: 'accepted', errorCode: null } });

    // Overdue: a negative count.
    await q(`UPDATE meters SET verified_on = '2019-01-10', next_verification = '2025-01-10' WHERE id = $1`, [
      created.id,
    ]);
    const overdue = await listed();
    expect(overdue.verificationOverdue).toBe(true);
    expect(overdue.daysToVerification).toBeLessThan(0);
  });

  it('refuses what a collective device cannot be sent without, a second meter with the number, and others’ houses', async () => {
    const fields = async (body: object) => {
      const res = await create(body);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json().errors as { path: string }[]).map((f) => f.path).sort();
    };
    expect(await fields({ resource: 'heat', serialNumber: 'X-1', nextVerification: '2030-01-01' })).toEqual([
      'body.verifiedOn',
    ]);
    expect(await fields({ ...METER, serialNumber: 'X-2', nextVerification: '2024-03-01' })).toEqual([
      'body.nextVerification',
    ]);
    expect(await fields({ ...METER, serialNumber: 'x'.repeat(51) })).toEqual(['body.serialNumber']);
    expect(await fields(METER)).toEqual(['body.serialNumber']);
    // The code before the colon gives the console its message for the field (web/src/lib/problems.ts).
    expect((await create(METER)).json().errors[0].message).toMatch(/^house_meter_exists: /);

    const [other] = await q(`SELECT id FROM houses WHERE organisation_id IS DISTINCT FROM $1 LIMIT 1`, [
      DEMO.organisationId,
    ]);
    expect((await create({ ...METER, serialNumber: 'X-3' }, other!.id)).statusCode).toBe(404);
    expect((await create({ ...METER, serialNumber: 'X-4' }, randomUUID())).statusCode).toBe(404);
    expect((await create({ ...METER, serialNumber: 'X-5' }, HOUSE(), reader)).statusCode).toBe(403);
  });

  it('go out as collective devices on the house, valid against the published schema', async () => {
    const [row] = await q(`SELECT id FROM meters WHERE house_id = $1 AND serial_number = $2`, [
      HOUSE(),
      METER.serialNumber,
    ]);
    const pending = [{ id: row!.id, objectId: row!.id, transportGuid: randomUUID(), revision: 0 }];
    const loaded = (await meterSource.load(t.deps.db, async () => null, DEMO.organisationId, pending)).get(row!.id);
    expect(loaded).toHaveProperty('item');
    const item = (loaded as { item: MeterItem }).item;
    const [house] = await q(`SELECT fias_house_guid::text AS g FROM houses WHERE id = $1`, [HOUSE()]);
    expect(item.placement).toEqual({ kind: 'collective', fiasHouseGuid: house!.g });

    const body = renderImport('importMeteringDeviceData', [item]);
    const env = envelope({
      messageGuid: randomUUID(),
      date: new Date().toISOString(),
      orgPpaGuid: randomUUID(),
      body,
      header: 'RequestHeader',
    });
    const signed = await signXades(env, SIGNED_CONTAINER_ID, createRsaSigner(generateSandboxCredentials()));
    const xml = envelopeParts(signed).body[0]!;
    if (present) expect((await validateElement(xml, await loadSchemaSet(OFFICIAL))).errors).toEqual([]);
    expect((await validateElement(xml, await loadSchemaSet(CONTRACT_SCHEMA_DIR))).errors).toEqual([]);

    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const device = doc.getElementsByTagNameNS(NS.hm, 'CollectiveDevice')[0]!;
    expect(device.getElementsByTagNameNS(NS.hm, 'FIASHouseGuid')[0]!.textContent).toBe(house!.g);
    expect(doc.getElementsByTagNameNS(NS.hm, 'ResidentialPremiseDevice')).toHaveLength(0);
    expect(doc.getElementsByTagNameNS(NS.hm, 'AccountGUID')).toHaveLength(0);
    const interval = doc.getElementsByTagNameNS(NS.hm, 'VerificationInterval')[0]!;
    expect(interval.getElementsByTagNameNS(NS.nsi, 'Code')[0]!.textContent).toBe('6');
    expect(interval.getElementsByTagNameNS(NS.nsi, 'GUID')[0]!.textContent).toBe(SIX_YEARS_GUID);
    const resource = doc.getElementsByTagNameNS(NS.mdb, 'MunicipalResource')[0]!;
    expect(resource.getElementsByTagNameNS(NS.nsi, 'GUID')[0]!.textContent).toBe(HOT_WATER_GUID);
    expect(doc.getElementsByTagNameNS(NS.hm, 'MeteringDeviceNumber')[0]!.textContent).toBe(METER.serialNumber);
    expect(doc.getElementsByTagNameNS(NS.hm, 'FirstVerificationDate')[0]!.textContent).toBe(METER.verifiedOn);
  });
});
