import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUNICIPAL_RESOURCE_CODES, NSI } from '../../contracts/gis/items.js';
import { loadSchemaSet, validateElement } from '../../contracts/gis/schemas.js';
import { ledgerStatements } from '../../src/billing/charges.repo.js';
import { addMonths, currentPeriod } from '../../src/calendar.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_HOUSE_ELECTRICITY_METER, DEMO_HOUSE_METERS, DEMO_PAYER_ACCOUNTS } from '../../src/sandbox/demo/gis.js';
import { SIM_NSI } from '../../src/sandbox/gis/nsi.js';
import { queueReferenceData } from '../../src/sync/gis/reference-sources.js';
import { queueUnsynced } from '../../src/sync/gis/unsynced.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { gisClient, nudgeSync, syncUntil } from '../helpers/gis.js';

// The state-system chain on data the real system accepts: the NSI cache from exportNsiItem, premises'
// GUIDs from exportHouseData, premise and collective devices, payers with SNILS or a passport, and the
// ledger's previous debt on payment documents. The simulator validates every request against the
// published schemas (GIS_SCHEMA_DIR) and each of its answers is validated here too.
const OFFICIAL = fileURLToPath(new URL('../../../shared/reference/gis-14.4.0.1/', import.meta.url));
const present = existsSync(OFFICIAL);

let t: TestApp;
const until = <T>(what: string, fn: () => Promise<T | undefined | false>) => syncUntil(t, what, fn, 200_000);
// biome-ignore lint/suspicious/noExplicitAny: rows read loosely, for assertions
const q = async <R = Record<string, any>>(sql: string, values: unknown[] = []) =>
  (await t.deps.db.query(sql, values)).rows as R[];

beforeAll(async () => {
  if (!present) return;
  t = await startTestApp({
    label: 'gis-data',
    listen: true,
    workers: true,
    env: { GIS_SIM_DELAY_MS: '100', GIS_POLL_SCHEDULE: '1', GIS_RETRY_DELAY_SECONDS: '0.2', GIS_SCHEMA_DIR: OFFICIAL },
    // Validating each request against the whole published package and checking its GOST signature takes
    // seconds on a loaded machine: the client waits longer than in production.
    stateSystem: (config) => gisClient(config, 30_000),
  });
  // What the gis.sweep schedule does in a running service (tests run no schedules).
  await queueReferenceData(t.deps.db, t.deps.enqueue, DEMO.organisationId);
  await queueUnsynced(t.deps.db, DEMO.organisationId);
  for (const op of [
    'exportNsiItem',
    'exportHouseData',
    'importAccountData',
    'importMeteringDeviceData',
    'importPaymentDocumentData',
  ])
    await nudgeSync(t, op);
});
afterAll(() => t?.close());

describe.skipIf(!present)('state-system data the real system accepts', { timeout: 300_000 }, () => {
  it("caches the NSI books, takes the premises' GUIDs from exportHouseData and syncs accounts, devices and documents on them", async () => {
    await until('accounts, meters and payment documents accepted', async () => {
      const [r] = await q(
        `SELECT count(*) FILTER (WHERE status NOT IN ('accepted', 'rejected', 'dead'))::int AS open, count(*)::int AS n FROM sync_items
          WHERE operation IN ('importAccountData', 'importMeteringDeviceData', 'importPaymentDocumentData', 'exportNsiItem', 'exportHouseData')`,
      );
      return r!.open === 0 && r!.n > 0;
    });
    const failed =
      await q(`SELECT operation, object_id, error_code, error_text FROM sync_items WHERE status <> 'accepted'
        AND operation IN ('importAccountData', 'importMeteringDeviceData', 'importPaymentDocumentData', 'exportNsiItem', 'exportHouseData')`);
    expect(failed).toEqual([]);

    // NSI: every book the hub uses, element for element as the state system serves it.
    for (const book of SIM_NSI) {
      const cached = await q(
        `SELECT code, guid::text FROM gis_nsi_items WHERE registry_number = $1 AND is_actual ORDER BY code::int`,
        [book.registryNumber],
      );
      expect(cached).toEqual(
        book.elements.map((e) => ({ code: e.code, guid: e.guid })).sort((a, b) => Number(a.code) - Number(b.code)),
      );
    }
    // Houses: entrances and premises with the state system's GUIDs.
    const premises = await q(
      `SELECT p.number, p.gis_premises_guid::text AS guid, p.entrance_number FROM premises p WHERE p.house_id = $1 ORDER BY p.number::int`,
      [DEMO.houses.moscow],
    );
    expect(premises).toHaveLength(60);
    expect(premises.every((p) => /^[0-9a-f-]{36}$/.test(p.guid) && p.entrance_number)).toBe(true);
    expect(
      (await q(`SELECT count(*)::int AS n FROM house_entrances WHERE house_id = $1`, [DEMO.houses.moscow]))[0]!.n,
    ).toBe(4);

    // Accounts: placed on the premise's GUID with the share; the payer with SNILS (ESIA profile) as the simulator holds it.
    const flat12 = premises.find((p) => p.number === '12')!;
    const [acc] = await q(
      `SELECT o.data FROM gis_sim_objects o JOIN accounts a ON a.gis_account_guid = o.object_guid WHERE a.id = $1`,
      [DEMO.accounts.citizenFlat12],
    );
    expect(acc!.data).toMatchObject({
      accountNumber: '100012',
      premisesGuid: flat12.guid,
      sharePercent: '100',
      payer: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', snils: DEMO.citizen.snils },
    });
    const [shared] = await q(
      `SELECT o.data FROM gis_sim_objects o JOIN accounts a ON a.gis_account_guid = o.object_guid WHERE a.id = $1`,
      [DEMO.accounts.neighbourFlat13],
    );
    expect(shared!.data).toMatchObject({
      accountNumber: '100013',
      sharePercent: '100',
      payer: { lastName: 'Петрова', snils: DEMO.neighbour.snils },
    });
    // The demo's accounts loaded through the import: a payer known by SNILS only, an organisation payer.
    const simAccount = async (number: string) =>
      (
        await q(
          `SELECT o.data FROM gis_sim_objects o JOIN accounts a ON a.gis_account_guid = o.object_guid
            WHERE a.organisation_id = $1 AND a.number = $2`,
          [DEMO.organisationId, number],
        )
      )[0]!.data;
    const { personBySnils, organisation } = DEMO_PAYER_ACCOUNTS;
    expect((await simAccount(personBySnils.number)).payer).toMatchObject({
      lastName: 'Ковалёва',
      snils: personBySnils.snils,
    });
    expect((await simAccount(organisation.number)).payer).toEqual({ orgVersionGuid: organisation.orgVersionGuid });

    // Meters: the flat's as the premise's device (its GUID, its account), the house's as collective devices with NSI 16.
    const meterMessages = await q<{
      items: { fields: Record<string, string>; nsiRefs: { ref: string; code: string; guid: string }[] }[];
    }>(`SELECT items FROM gis_sim_messages WHERE operation = 'importMeteringDeviceData' AND result_xml IS NOT NULL`);
    const sent = meterMessages.flatMap((m) => m.items);
    const flatDevices = sent.filter((i) => i.fields.PremiseGUID === flat12.guid);
    expect(flatDevices.length).toBeGreaterThanOrEqual(5);
    const collective = sent.filter((i) => i.fields.MeteringDeviceNumber?.startsWith('ОДПУ'));
    expect(collective.map((i) => i.fields.MeteringDeviceNumber).sort()).toEqual([
      'ОДПУ-ТС-0451',
      'ОДПУ-ХВ-0087',
      DEMO_HOUSE_ELECTRICITY_METER,
    ]);
    expect(
      collective.every(
        (i) =>
          i.fields.FIASHouseGuid && !i.fields.AccountGUID && i.nsiRefs.some((r) => r.ref === 'VerificationInterval'),
      ),
    ).toBe(true);
    const heat = SIM_NSI.find((b) => b.registryNumber === NSI.municipalResource)!.elements.find(
      (e) => e.code === MUNICIPAL_RESOURCE_CODES.heat,
    )!;
    expect(collective.find((i) => i.fields.MeteringDeviceNumber === 'ОДПУ-ТС-0451')!.nsiRefs).toEqual(
      expect.arrayContaining([
        { ref: 'VerificationInterval', code: '4', guid: expect.any(String) },
        { ref: 'MunicipalResource', code: '5', guid: heat.guid },
      ]),
    );
    const houseMeters = await q(`SELECT gis_guid FROM meters WHERE id = ANY($1::uuid[])`, [
      Object.values(DEMO_HOUSE_METERS),
    ]);
    expect(houseMeters.every((m) => m.gis_guid)).toBe(true);

    // Payment documents: the previous periods' debt is the ledger's (the demo account has unpaid months).
    const last = addMonths(currentPeriod(new Date(), 'Europe/Moscow'), -1);
    const [ledger] = await ledgerStatements(t.deps.db, [{ accountId: DEMO.accounts.citizenFlat12, period: last }]);
    expect(ledger!.openingDebt).toBeGreaterThan(0n);
    const [doc] = await q(
      `SELECT s.transport_guid::text AS tg FROM payment_documents d JOIN sync_items s ON s.object_id = d.id WHERE d.account_id = $1 AND d.period = $2`,
      [DEMO.accounts.citizenFlat12, last],
    );
    const docItems = (
      await q<{ items: { transportGuid: string; fields: Record<string, string> }[] }>(
        `SELECT items FROM gis_sim_messages WHERE operation = 'importPaymentDocumentData'`,
      )
    ).flatMap((m) => m.items);
    const docFields = docItems.find((i) => i.transportGuid.toLowerCase() === doc!.tg)!.fields;
    expect(docFields.DebtPreviousPeriods).toBe((Number(ledger!.openingDebt) / 100).toFixed(2));
  });

  it('answers exportAccountData from its state and refuses a reference it does not know', async () => {
    const org = { orgPpaGuid: '5b3a0c5e-8d0e-4b8a-9a61-3f7c2b1d0e11' };
    const [house] = await q(`SELECT fias_house_guid::text AS g FROM houses WHERE id = $1`, [DEMO.houses.moscow]);
    const sent = await t.deps.stateSystem!.exportAccounts(org, { fiasHouseGuid: house!.g });
    const state = await until('export answered', async () => {
      const s = await t.deps.stateSystem!.getState('exportAccountData', org, sent.ack.messageGuid);
      return s.requestState === 3 ? s : undefined;
    });
    expect(state.error).toBeUndefined();
    const accounts = await q(
      `SELECT number FROM accounts WHERE house_id = $1 AND gis_account_guid IS NOT NULL ORDER BY number`,
      [DEMO.houses.moscow],
    );
    expect(state.exported!.map((r) => r.AccountNumber).sort()).toEqual(accounts.map((a) => a.number));
    expect(state.exported!.map((r) => r.AccountNumber)).toEqual(expect.arrayContaining(['100012', '100013']));

    // A reading whose resource names an NSI 2 element the state system does not have is refused.
    const [meter] = await q(
      `SELECT gis_guid FROM meters WHERE gis_guid IS NOT NULL AND resource = 'cold_water' LIMIT 1`,
    );
    const bogus = await t.deps.stateSystem!.send('importMeteringDeviceValues', org, [
      {
        transportGuid: crypto.randomUUID(),
        meterVersionGuid: meter!.gis_guid,
        electric: false,
        resource: { code: '1', guid: '00000000-0000-4002-8000-000000000001', name: 'Холодная вода' },
        t1: '1',
        takenOn: '2026-01-20',
        period: '2026-01',
      },
    ]);
    const refused = await until('refusal', async () => {
      const s = await t.deps.stateSystem!.getState('importMeteringDeviceValues', org, bogus.ack.messageGuid);
      return s.requestState === 3 ? s : undefined;
    });
    expect(refused.results).toEqual([
      expect.objectContaining({ ok: false, errors: [expect.objectContaining({ code: 'INT002000' })] }),
    ]);
  });

  it('answered with messages valid against the published schemas', async () => {
    const official = await loadSchemaSet(OFFICIAL);
    const answers = await q<{ operation: string; result_xml: string }>(
      `SELECT operation, result_xml FROM gis_sim_messages WHERE result_xml IS NOT NULL`,
    );
    const byOperation: Record<string, number> = {};
    for (const a of answers) {
      const v = await validateElement(a.result_xml, official);
      expect({ operation: a.operation, errors: v.errors }).toEqual({ operation: a.operation, errors: [] });
      byOperation[a.operation] = (byOperation[a.operation] ?? 0) + 1;
    }
    const items = await q(
      `SELECT operation, count(*)::int AS n FROM sync_items WHERE status = 'accepted' GROUP BY 1 ORDER BY 1`,
    );
    console.info(
      `state-system chain: ${answers.length} answers valid (${JSON.stringify(byOperation)}); accepted items ${JSON.stringify(items)}`,
    );
    expect(Object.keys(byOperation)).toEqual(
      expect.arrayContaining([
        'exportNsiItem',
        'exportHouseData',
        'importAccountData',
        'importMeteringDeviceData',
        'importPaymentDocumentData',
      ]),
    );
  });
});
