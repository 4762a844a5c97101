import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, renderOutbox } from '../../adapters/gis/render.js';
import type { AccountItem } from '../../contracts/gis/items.js';
import type { GisState } from '../../contracts/gis/ports.js';
import { envelopeParts, loadSchemaSet, validateElement } from '../../contracts/gis/schemas.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_PAYER_ACCOUNTS } from '../../src/sandbox/demo/gis.js';
import { registerSimHouses } from '../../src/sandbox/gis/simulator.js';
import { queueForSync } from '../../src/sync/outbox.js';
import { apiKeyHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { gisClient, syncUntil } from '../helpers/gis.js';

// What the state system keeps and gives back beyond the first import: an account's GUID across its
// revisions, and organisations' versions in the register of organisations (exportOrgRegistry), which
// the hub looks up for an organisation owner it knows by OGRN and KPP only. The simulator validates
// every request against the published 14.4.0.1 schemas (GIS_SCHEMA_DIR) and each of its answers is
// validated here too.
const OFFICIAL = fileURLToPath(new URL('../../../shared/reference/gis-14.4.0.1/', import.meta.url));
const present = existsSync(OFFICIAL);

let t: TestApp;
const org = { orgPpaGuid: randomUUID() };
const FIAS = randomUUID();
// biome-ignore lint/suspicious/noExplicitAny: rows read loosely, for assertions
const q = async <R = Record<string, any>>(sql: string, values: unknown[] = []) =>
  (await t.deps.db.query(sql, values)).rows as R[];

/** getState until the message is processed; the answer is checked against the published schemas. */
async function processed(operation: string, messageGuid: string): Promise<GisState> {
  const state = await syncUntil(
    t,
    `${operation} processed`,
    async () => {
      const s = await t.deps.stateSystem!.getState(operation, org, messageGuid);
      return s.requestState === 3 ? s : undefined;
    },
    60_000,
  );
  const [stored] = await q(`SELECT result_xml FROM gis_sim_messages WHERE message_guid = $1`, [messageGuid]);
  expect((await validateElement(stored!.result_xml, await loadSchemaSet(OFFICIAL))).errors).toEqual([]);
  return state;
}

beforeAll(async () => {
  if (!present) return;
  t = await startTestApp({
    label: 'gis-registry',
    listen: true,
    workers: true,
    env: { GIS_SIM_DELAY_MS: '50', GIS_POLL_SCHEDULE: '1', GIS_RETRY_DELAY_SECONDS: '0.2', GIS_SCHEMA_DIR: OFFICIAL },
    stateSystem: (config) => gisClient(config, 30_000),
  });
  await registerSimHouses(t.deps.db, [{ fiasHouseGuid: FIAS, entrances: 1, premises: [{ number: '1' }] }]);
}, 120_000);
afterAll(() => t?.close());

/** The request body of an outbox operation as it goes out (its namespaces declared), for the schema check. */
function requestBody(operation: 'exportOrgRegistry', items: unknown[]) {
  const body = renderOutbox(operation, items as never);
  const env = envelope({
    messageGuid: randomUUID(),
    date: new Date().toISOString(),
    orgPpaGuid: '',
    body,
    header: 'ISRequestHeader',
  });
  return envelopeParts(env).body[0]!;
}

describe.skipIf(!present)('what the state system keeps', { timeout: 180_000 }, () => {
  it("keeps an account's GUID, unique number and ЕЛС when an update names it by AccountGUID", async () => {
    const [house] = await q(`SELECT premises->0->>'guid' AS premise FROM gis_sim_houses WHERE fias_house_guid = $1`, [
      FIAS,
    ]);
    const account = (changes: Partial<AccountItem>): AccountItem => ({
      transportGuid: randomUUID(),
      accountNumber: 'R-1',
      fiasHouseGuid: FIAS,
      premisesGuid: house!.premise,
      sharePercent: '100',
      totalArea: '40.5',
      ...changes,
    });
    const first = await t.deps.stateSystem!.send('importAccountData', org, [account({})]);
    const [created] = (await processed('importAccountData', first.ack.messageGuid)).results;
    expect(created).toMatchObject({ ok: true, guid: expect.any(String) });
    const guid = (created as { guid: string }).guid;

    // The next revision (another area, the account named by its GUID) keeps the identifiers.
    const second = await t.deps.stateSystem!.send('importAccountData', org, [
      account({ accountGuid: guid, totalArea: '41.2' }),
    ]);
    const [revised] = (await processed('importAccountData', second.ack.messageGuid)).results;
    expect(revised).toMatchObject({
      ok: true,
      guid,
      uniqueNumber: (created as { uniqueNumber: string }).uniqueNumber,
      extra: (created as { extra: Record<string, string> }).extra,
    });

    // An AccountGUID the state system never gave is refused.
    const bogus = await t.deps.stateSystem!.send('importAccountData', org, [account({ accountGuid: randomUUID() })]);
    expect((await processed('importAccountData', bogus.ack.messageGuid)).results).toEqual([
      expect.objectContaining({ ok: false, errors: [expect.objectContaining({ code: 'INT002000' })] }),
    ]);

    // The export gives the account once, as its latest revision holds it.
    const exported = await t.deps.stateSystem!.exportAccounts(org, { fiasHouseGuid: FIAS });
    const state = await processed('exportAccountData', exported.ack.messageGuid);
    expect(state.exported).toEqual([expect.objectContaining({ AccountGUID: guid, TotalSquare: '41.2' })]);
  });

  it('looks an organisation owner up in the register of organisations by OGRN and KPP before its account goes', async () => {
    const r = DEMO_PAYER_ACCOUNTS.organisationByOgrn;
    // An organisation the register does not hold (a valid OGRN all the same).
    const unknown = { name: 'ООО «Нет в реестре»', ogrn: '1022500123458', inn: '2536876548', kpp: '253601001' };
    const org = await apiKeyHeaders(t.deps, DEMO.organisationId, ['accounts.import']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/accounts',
      headers: org,
      payload: {
        accounts: [
          {
            number: 'R-UNKNOWN',
            houseId: DEMO.houses.vladivostok,
            premiseNumber: '9',
            owners: [{ organisation: unknown }],
          },
        ],
      },
    });
    expect(res.json().summary).toMatchObject({ created: 1 });
    const accounts = await q<{ id: string; number: string }>(
      `SELECT id, number FROM accounts WHERE organisation_id = $1 AND number = ANY($2::text[])`,
      [DEMO.organisationId, [r.number, 'R-UNKNOWN']],
    );
    expect(accounts).toHaveLength(2);
    await queueForSync(
      t.deps.db,
      t.deps.enqueue,
      accounts.map((a) => ({
        organisationId: DEMO.organisationId,
        operation: 'importAccountData',
        objectType: 'account',
        objectId: a.id,
      })),
    );
    await syncUntil(
      t,
      'both accounts accepted',
      async () => {
        const rows = await q(
          `SELECT status FROM sync_items WHERE operation = 'importAccountData' AND object_id = ANY($1::uuid[])`,
          [accounts.map((a) => a.id)],
        );
        return rows.length === 2 && rows.every((x) => x.status === 'accepted');
      },
      150_000,
    );

    // One lookup per organisation owner, through the outbox, each answered.
    const lookups = await q(
      `SELECT o.org_ogrn, s.status, o.org_registry_version_guid::text AS version, o.org_registry_checked_at IS NOT NULL AS checked
         FROM sync_items s JOIN account_owners o ON o.id = s.object_id
        WHERE s.operation = 'exportOrgRegistry' AND o.account_id = ANY($1::uuid[]) ORDER BY o.org_ogrn`,
      [accounts.map((a) => a.id)],
    );
    const [registered] = await q(`SELECT org_version_guid::text AS v FROM gis_sim_organisations WHERE ogrn = $1`, [
      r.ogrn,
    ]);
    expect(lookups).toEqual([
      { org_ogrn: unknown.ogrn, status: 'accepted', version: null, checked: true },
      { org_ogrn: r.ogrn, status: 'accepted', version: registered!.v, checked: true },
    ]);

    // The account goes with the version as its PayerInfo; the unknown organisation's with an empty one.
    const held = async (number: string) =>
      (
        await q(
          `SELECT o.data FROM gis_sim_objects o JOIN accounts a ON a.gis_account_guid = o.object_guid
            WHERE a.organisation_id = $1 AND a.number = $2`,
          [DEMO.organisationId, number],
        )
      )[0]!.data;
    expect((await held(r.number)).payer).toEqual({ orgVersionGuid: registered!.v });
    expect((await held('R-UNKNOWN')).payer).toBeUndefined();

    // The request as the hub renders it and the register's answers, valid against the published schemas.
    const official = await loadSchemaSet(OFFICIAL);
    const request = requestBody('exportOrgRegistry', [{ ogrn: r.ogrn, kpp: r.kpp }]);
    expect(request).toMatch(new RegExp(`<org:OGRN[^>]*>${r.ogrn}</org:OGRN><org:KPP[^>]*>${r.kpp}</org:KPP>`));
    expect((await validateElement(request, official)).errors).toEqual([]);
    const answers = await q<{ result_xml: string }>(
      `SELECT result_xml FROM gis_sim_messages WHERE operation = 'exportOrgRegistry' AND result_xml IS NOT NULL`,
    );
    expect(answers.length).toBeGreaterThanOrEqual(2);
    for (const a of answers) expect((await validateElement(a.result_xml, official)).errors).toEqual([]);
    const found = answers.find((a) => a.result_xml.includes(registered!.v))!;
    expect(found.result_xml).toContain(`<org:OGRN>${r.ogrn}</org:OGRN>`);
    expect(answers.some((a) => a.result_xml.includes('INT002012'))).toBe(true);
  });
});
