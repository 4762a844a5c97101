import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountItem } from '../../contracts/gis/items.js';
import type { GisState } from '../../contracts/gis/ports.js';
import { loadSchemaSet, validateElement } from '../../contracts/gis/schemas.js';
import { registerSimHouses } from '../../src/sandbox/gis/simulator.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { gisClient, syncUntil } from '../helpers/gis.js';

// What the state system keeps and gives back beyond the first import: an account's GUID across its
// revisions. The simulator validates every request against the published 14.4.0.1 schemas
// (GIS_SCHEMA_DIR) and each of its answers is validated here too.
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
    seed: false,
    env: { GIS_SIM_DELAY_MS: '50', GIS_SCHEMA_DIR: OFFICIAL },
    stateSystem: (config) => gisClient(config, 30_000),
  });
  await registerSimHouses(t.deps.db, [{ fiasHouseGuid: FIAS, entrances: 1, premises: [{ number: '1' }] }]);
}, 120_000);
afterAll(() => t?.close());

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
});
