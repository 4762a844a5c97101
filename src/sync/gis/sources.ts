import type { Enqueue, SqlExecutor } from '../../../contracts/ports.js';
import { MUNICIPAL_RESOURCES, type AccountItem, type MeterItem, type ReadingItem } from '../../../contracts/gis/items.js';
import { queueForSync } from '../outbox.js';
import { registerSyncSource, type Loaded, type PendingItem } from './registry.js';

// Sources of the core objects: accounts, meters, readings. Each waits for what the state system must
// know first (a meter needs its account's AccountGUID, a reading its meter's MeteringDeviceVersionGUID).

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/** Trailing zeros of numeric(15,3) are fine for MeteringValueType but dropping them keeps messages short. */
const decimal = (v: string | null) => (v === null ? undefined : v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v);

registerSyncSource({
  operation: 'importAccountData',
  objectType: 'account',
  async load(db, _enqueue, organisationId, items) {
    const { rows } = await db.query(
      `SELECT a.id, a.number, a.gis_account_guid, h.fias_house_guid, p.fias_premise_guid, p.area::text AS area
         FROM accounts a JOIN houses h ON h.id = a.house_id LEFT JOIN premises p ON p.id = a.premise_id
        WHERE a.id = ANY($1::uuid[]) AND a.organisation_id = $2`,
      [items.map((i) => i.objectId), organisationId],
    );
    const found = byId(rows);
    return new Map(
      items.map((i): [string, Loaded] => {
        const a = found.get(i.objectId);
        if (!a) return [i.id, { error: { code: 'object_missing', text: 'The account no longer exists' } }];
        if (!a.fias_house_guid) return [i.id, { error: { code: 'house_without_fias', text: 'The house has no FIAS HouseGUID' } }];
        const item: AccountItem = {
          transportGuid: i.transportGuid,
          accountNumber: a.number,
          accountGuid: a.gis_account_guid ?? undefined,
          fiasHouseGuid: a.fias_house_guid,
          premisesGuid: a.fias_premise_guid ?? undefined,
          totalArea: a.area ?? undefined,
        };
        return [i.id, { item }];
      }),
    );
  },
  async apply(db, accepted) {
    await db.query(
      `UPDATE accounts a SET gis_account_guid = v.guid, gis_unique_number = v.num,
              unified_number = coalesce(a.unified_number, v.els), service_id = coalesce(a.service_id, v.sid), updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) v(id, guid, num, els, sid)
        WHERE a.id = v.id`,
      [
        accepted.map((a) => a.objectId),
        accepted.map((a) => a.result.guid ?? null),
        accepted.map((a) => a.result.uniqueNumber ?? null),
        accepted.map((a) => a.result.extra?.UnifiedAccountNumber ?? null),
        accepted.map((a) => a.result.extra?.ServiceID ?? null),
      ],
    );
  },
});

/** Queues what items wait for (accounts for meters, meters for readings); rows already queued are left alone. */
export async function needs(db: SqlExecutor, enqueue: Enqueue, organisationId: string, operation: string, objectType: string, ids: string[]) {
  if (ids.length) await queueForSync(db, enqueue, [...new Set(ids)].map((objectId) => ({ organisationId, operation, objectType, objectId })));
}

registerSyncSource({
  operation: 'importMeteringDeviceData',
  objectType: 'meter',
  async load(db, enqueue, organisationId, items) {
    const { rows } = await db.query(
      `SELECT m.id, m.serial_number, m.resource, m.tariffs, m.installed_on::text, m.verified_on::text, m.sealed_on::text,
              a.id AS account_id, a.gis_account_guid, h.fias_house_guid, p.fias_premise_guid
         FROM meters m JOIN accounts a ON a.id = m.account_id JOIN houses h ON h.id = a.house_id LEFT JOIN premises p ON p.id = a.premise_id
        WHERE m.id = ANY($1::uuid[]) AND a.organisation_id = $2`,
      [items.map((i) => i.objectId), organisationId],
    );
    const found = byId(rows);
    const missingAccounts: string[] = [];
    const out = new Map(
      items.map((i): [string, Loaded] => {
        const m = found.get(i.objectId);
        if (!m) return [i.id, { error: { code: 'object_missing', text: 'The meter no longer exists' } }];
        if (!m.fias_house_guid) return [i.id, { error: { code: 'house_without_fias', text: 'The house has no FIAS HouseGUID' } }];
        if (!m.gis_account_guid) {
          missingAccounts.push(m.account_id);
          return [i.id, { wait: 'account' }];
        }
        const item: MeterItem = {
          transportGuid: i.transportGuid,
          fiasHouseGuid: m.fias_house_guid,
          accountGuid: m.gis_account_guid,
          premisesGuid: m.fias_premise_guid ?? undefined,
          serialNumber: m.serial_number,
          resource: MUNICIPAL_RESOURCES[m.resource as keyof typeof MUNICIPAL_RESOURCES],
          tariffs: m.tariffs,
          installedOn: m.installed_on ?? undefined,
          verifiedOn: m.verified_on ?? undefined,
          sealedOn: m.sealed_on ?? undefined,
          firstReading: m.tariffs > 1 ? { t1: '0', t2: '0', ...(m.tariffs > 2 ? { t3: '0' } : {}) } : { t1: '0' },
        };
        return [i.id, { item }];
      }),
    );
    await needs(db, enqueue, organisationId, 'importAccountData', 'account', missingAccounts);
    return out;
  },
  async apply(db, accepted) {
    await db.query(
      `UPDATE meters m SET gis_guid = v.guid, gis_root_guid = v.root::uuid, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, guid, root) WHERE m.id = v.id`,
      [accepted.map((a) => a.objectId), accepted.map((a) => a.result.guid ?? null), accepted.map((a) => a.result.extra?.MeteringDeviceGUID ?? null)],
    );
  },
});

registerSyncSource({
  operation: 'importMeteringDeviceValues',
  objectType: 'reading',
  async load(db, enqueue, organisationId, items) {
    const { rows } = await db.query(
      `SELECT r.id, r.period, r.taken_on::text, r.t1::text, r.t2::text, r.t3::text, m.id AS meter_id, m.gis_guid, m.resource
         FROM meter_readings r JOIN meters m ON m.id = r.meter_id JOIN accounts a ON a.id = m.account_id
        WHERE r.id = ANY($1::uuid[]) AND a.organisation_id = $2`,
      [items.map((i) => i.objectId), organisationId],
    );
    const found = byId(rows);
    const missingMeters: string[] = [];
    const out = new Map(
      items.map((i): [string, Loaded] => {
        const r = found.get(i.objectId);
        if (!r) return [i.id, { error: { code: 'object_missing', text: 'The reading no longer exists' } }];
        if (!r.gis_guid) {
          missingMeters.push(r.meter_id);
          return [i.id, { wait: 'meter' }];
        }
        const item: ReadingItem = {
          transportGuid: i.transportGuid,
          meterVersionGuid: r.gis_guid,
          electric: r.resource === 'electricity',
          resource: MUNICIPAL_RESOURCES[r.resource as keyof typeof MUNICIPAL_RESOURCES],
          t1: decimal(r.t1)!,
          t2: decimal(r.t2),
          t3: decimal(r.t3),
          takenOn: r.taken_on,
          period: r.period,
        };
        return [i.id, { item }];
      }),
    );
    await needs(db, enqueue, organisationId, 'importMeteringDeviceData', 'meter', missingMeters);
    return out;
  },
  // Readings keep no state-system identifier of their own; the sync item holds the result.
  async apply() {},
});

export type { PendingItem };
