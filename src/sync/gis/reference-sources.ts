import type { Enqueue } from '../../../contracts/ports.js';
import type { Db } from '../../db/pool.js';
import { NSI, type HouseQuery, type NsiItemQuery, type OrgRegistryQuery } from '../../../contracts/gis/items.js';
import { organisationOwners, saveOrgRegistryAnswer } from '../../accounts/accounts.repo.js';
import { applyHouseExport, housesByIds, organisationHouseIds } from '../../registry/houses.repo.js';
import { queueCorrections, queueForSync } from '../outbox.js';
import { storeNsiItems } from './nsi.repo.js';
import { byId, type Loaded, type SyncSource } from './source.js';

// Sources of the reference data the other items depend on: the NSI books (nsi-common exportNsiItem),
// houses with their premises' GUIDs (exportHouseData) and organisations' versions in the register of
// organisations (organizations-registry-common exportOrgRegistry). Each is one query per message; its answer
// is stored by applyExport, and items that waited for it are released by the exchange.

/** The books the hub refers to; the refresh job asks for each. */
export const NSI_REGISTRIES = Object.values(NSI);

/** The sync_items object id of a reference book (object ids are UUIDs; a book is named by its number). */
export const nsiObjectId = (registryNumber: number) =>
  `00000000-0000-4000-8000-${String(registryNumber).padStart(12, '0')}`;
const registryOf = (objectId: string) => Number(objectId.slice(24));

/** Asks for reference books (e.g. when an item found the cache lacking); a revision per refresh. */
export async function queueNsiRefresh(
  db: Db,
  enqueue: Enqueue,
  organisationId: string,
  registries: number[],
  revision = 0,
) {
  await queueForSync(
    db,
    enqueue,
    registries.map((n) => ({
      organisationId,
      operation: 'exportNsiItem',
      objectType: 'nsi_registry',
      objectId: nsiObjectId(n),
      revision,
    })),
  );
}

/** Asks for houses' entrances and premises with their GUIDs. */
export async function queueHouseExport(
  db: Db,
  enqueue: Enqueue,
  organisationId: string,
  houseIds: string[],
  revision = 0,
) {
  const ids = [...new Set(houseIds)];
  await queueForSync(
    db,
    enqueue,
    ids.map((objectId) => ({ organisationId, operation: 'exportHouseData', objectType: 'house', objectId, revision })),
  );
}

/**
 * Queues the reference data an organisation's items need: each NSI book the hub uses and each of its
 * houses. Revision 0 is the first fetch (the sweep asks once); the daily refresh passes the day's number.
 */
export async function queueReferenceData(db: Db, enqueue: Enqueue, organisationId: string, revision = 0) {
  await queueNsiRefresh(db, enqueue, organisationId, NSI_REGISTRIES, revision);
  const houses = await organisationHouseIds(db, organisationId);
  await queueHouseExport(db, enqueue, organisationId, houses, revision);
  return { registries: NSI_REGISTRIES.length, houses: houses.length };
}

export const nsiItemSource: SyncSource<'exportNsiItem'> = {
  objectType: 'nsi_registry',
  async load(_db, _enqueue, _organisationId, items) {
    return new Map(
      items.map((i): [string, Loaded<NsiItemQuery>] => {
        const registryNumber = registryOf(i.objectId);
        return [
          i.id,
          Number.isInteger(registryNumber) && registryNumber > 0
            ? { item: { registryNumber } satisfies NsiItemQuery }
            : { error: { code: 'object_missing', text: 'Not a reference book' } },
        ];
      }),
    );
  },
  async apply() {},
  async applyExport(db, _organisationId, item, state) {
    if (state?.nsiItem) await storeNsiItems(db, item.registryNumber, state.nsiItem.elements);
  },
};

export const houseExportSource: SyncSource<'exportHouseData'> = {
  objectType: 'house',
  async load(db, _enqueue, organisationId, items) {
    const houses = new Map(
      (
        await housesByIds(
          db,
          organisationId,
          items.map((i) => i.objectId),
        )
      ).map((h) => [h.id, h]),
    );
    return new Map(
      items.map((i): [string, Loaded<HouseQuery>] => {
        const h = houses.get(i.objectId);
        return [
          i.id,
          h
            ? { item: { fiasHouseGuid: h.fiasHouseGuid } satisfies HouseQuery }
            : { error: { code: 'house_without_fias', text: 'The house has no FIAS HouseGUID' } },
        ];
      }),
    );
  },
  async apply() {},
  async applyExport(db, _organisationId, item, state) {
    const house = state?.house;
    // "Nothing to export": the house is not in the state system's registry; remember that it was asked.
    await applyHouseExport(
      db,
      house ?? {
        fiasHouseGuid: item.fiasHouseGuid,
        houseUniqueNumber: '',
        entrances: [],
        premises: [],
      },
    );
  },
};

/**
 * An organisation owning an account, looked up in the register of organisations by its OGRN (and KPP): the
 * version found names it in the account's PayerInfo. Accounts held for it go once the answer is stored;
 * accounts the state system already holds go again as a new revision. An organisation the register does
 * not hold ("nothing to export") is recorded as asked, and its accounts go without a payer.
 */
export const orgRegistrySource: SyncSource<'exportOrgRegistry'> = {
  objectType: 'account_owner',
  async load(db, _enqueue, organisationId, items) {
    const owners = byId(
      await organisationOwners(
        db,
        organisationId,
        items.map((i) => i.objectId),
      ),
    );
    return new Map(
      items.map((i): [string, Loaded<OrgRegistryQuery>] => {
        const o = owners.get(i.objectId);
        return [
          i.id,
          o?.ogrn
            ? { item: { ogrn: o.ogrn, kpp: o.kpp ?? undefined } satisfies OrgRegistryQuery }
            : { error: { code: 'object_missing', text: 'The owner is no longer an organisation with an OGRN' } },
        ];
      }),
    );
  },
  async apply() {},
  async applyExport(db, organisationId, item, state, context) {
    const found = state?.organisations?.find(
      (o) => o.isActual && o.orgVersionGuid && (!item.kpp || !o.kpp || o.kpp === item.kpp),
    );
    const resend = await saveOrgRegistryAnswer(
      db,
      organisationId,
      { ogrn: item.ogrn, kpp: item.kpp ?? null },
      found?.orgVersionGuid ?? null,
    );
    if (resend.length)
      await queueCorrections(db, context.enqueue, {
        organisationId,
        operation: 'importAccountData',
        objectType: 'account',
        objectIds: resend,
      });
  },
};
