import type { SqlExecutor } from '../../contracts/ports.js';
import type { HouseMeterInput, HouseMeterRecord, ReadingSettings, Resource } from '../../contracts/metering.js';
import type { Db } from '../db/pool.js';

// Dates are read as text (YYYY-MM-DD): a JS Date would shift them by the process's time zone.
const METER_COLUMNS = `m.id, m.account_id, m.resource, m.serial_number, m.tariffs, m.digit_capacity,
  m.installed_on::text AS installed_on, m.sealed_on::text AS sealed_on, m.verified_on::text AS verified_on,
  m.next_verification::text AS next_verification, m.archived_at`;

export interface MeterRow {
  id: string;
  account_id: string;
  resource: Resource;
  serial_number: string;
  tariffs: number;
  digit_capacity: number | null;
  installed_on: string | null;
  sealed_on: string | null;
  verified_on: string | null;
  next_verification: string | null;
  archived_at: Date | null;
}

export async function listAccountMeters(db: Db, accountId: string, withArchived = false): Promise<MeterRow[]> {
  const { rows } = await db.query<MeterRow>(
    `SELECT ${METER_COLUMNS} FROM meters m WHERE m.account_id = $1 AND ($2 OR m.archived_at IS NULL)
      ORDER BY m.resource, m.serial_number`,
    [accountId, withArchived],
  );
  return rows;
}

const SETTINGS_COLUMNS = `o.reading_window_start_day, o.reading_window_end_day, o.reading_outside_window, o.accept_unverified_meters,
  o.reading_confirm_factor::text AS confirm_factor`;

type SettingsRow = {
  reading_window_start_day: number;
  reading_window_end_day: number;
  reading_outside_window: ReadingSettings['outsideWindow'];
  accept_unverified_meters: boolean;
  confirm_factor: string;
};

const settingsOf = (r: SettingsRow): ReadingSettings => ({
  windowStartDay: r.reading_window_start_day,
  windowEndDay: r.reading_window_end_day,
  outsideWindow: r.reading_outside_window,
  acceptUnverifiedMeters: r.accept_unverified_meters,
  confirmFactor: r.confirm_factor.replace(/\.?0+$/, '') || '0',
});

/**
 * The organisation's reading settings and the account's live meters in one statement (the resident's
 * meter list is the busiest read; each statement is a round trip and a parse on both sides).
 */
export async function listAccountMetersWithSettings(db: Db, organisationId: string, accountId: string) {
  // A LEFT JOIN: an account without meters still gives one row, of settings only.
  const { rows } = await db.query<SettingsRow & (MeterRow | { [K in keyof MeterRow]: null })>(
    `SELECT ${SETTINGS_COLUMNS}, ${METER_COLUMNS}
       FROM metering_organisations o LEFT JOIN meters m ON m.account_id = $2 AND m.archived_at IS NULL
      WHERE o.id = $1
      ORDER BY m.resource, m.serial_number`,
    [organisationId, accountId],
  );
  const meters: MeterRow[] = rows.filter((r): r is SettingsRow & MeterRow => r.id !== null);
  return { settings: settingsOf(rows[0]!), meters };
}

/** The account's meters among `ids`, locked so that concurrent submissions for a meter queue up. */
export async function lockAccountMeters(db: Db, accountId: string, ids: string[]): Promise<MeterRow[]> {
  const { rows } = await db.query<MeterRow>(
    `SELECT ${METER_COLUMNS} FROM meters m WHERE m.account_id = $1 AND m.id = ANY($2::uuid[]) ORDER BY m.id FOR UPDATE`,
    [accountId, ids],
  );
  return rows;
}

export async function findReadingSettings(db: Db, organisationId: string): Promise<ReadingSettings> {
  const { rows } = await db.query<SettingsRow>(
    `SELECT ${SETTINGS_COLUMNS} FROM metering_organisations o WHERE o.id = $1`,
    [organisationId],
  );
  return settingsOf(rows[0]!);
}

export async function updateReadingSettings(db: Db, organisationId: string, s: ReadingSettings) {
  await db.query(
    `UPDATE metering_organisations SET reading_window_start_day = $2, reading_window_end_day = $3, reading_outside_window = $4,
            accept_unverified_meters = $5, reading_confirm_factor = $6::numeric, updated_at = now()
      WHERE id = $1`,
    [organisationId, s.windowStartDay, s.windowEndDay, s.outsideWindow, s.acceptUnverifiedMeters, s.confirmFactor],
  );
}

export interface MeterUpsert {
  accountId: string;
  resource: Resource;
  serialNumber: string;
  tariffs: number;
  digitCapacity: number | null;
  installedOn: string | null;
  sealedOn: string | null;
  verifiedOn: string | null;
  nextVerification: string | null;
  archived: boolean;
}

/** Creates or updates meters by (account, resource, serial number); the caller removes duplicate keys first. */
export async function upsertMeters(db: Db, meters: MeterUpsert[]): Promise<string[]> {
  if (!meters.length) return [];
  const col = <K extends keyof MeterUpsert>(k: K) => meters.map((m) => m[k]);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO meters (account_id, resource, serial_number, tariffs, digit_capacity, installed_on, sealed_on, verified_on,
                         next_verification, archived_at)
     SELECT a, r, s, t, d, i, se, v, n, CASE WHEN ar THEN now() END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[], $5::smallint[], $6::date[], $7::date[], $8::date[],
                   $9::date[], $10::boolean[]) WITH ORDINALITY AS x(a, r, s, t, d, i, se, v, n, ar, ord)
      ORDER BY ord
     ON CONFLICT (account_id, resource, serial_number) DO UPDATE SET
       tariffs = EXCLUDED.tariffs, digit_capacity = EXCLUDED.digit_capacity, installed_on = EXCLUDED.installed_on,
       sealed_on = EXCLUDED.sealed_on, verified_on = EXCLUDED.verified_on, next_verification = EXCLUDED.next_verification,
       archived_at = CASE WHEN EXCLUDED.archived_at IS NULL THEN NULL ELSE coalesce(meters.archived_at, EXCLUDED.archived_at) END,
       updated_at = now()
     RETURNING id`,
    [
      col('accountId'),
      col('resource'),
      col('serialNumber'),
      col('tariffs'),
      col('digitCapacity'),
      col('installedOn'),
      col('sealedOn'),
      col('verifiedOn'),
      col('nextVerification'),
      col('archived'),
    ],
  );
  return rows.map((r) => r.id);
}

export interface MeterForSync {
  id: string;
  serialNumber: string;
  resource: string;
  tariffs: number;
  installedOn: string | null;
  verifiedOn: string | null;
  nextVerification: string | null;
  sealedOn: string | null;
  /** A house meter (ОДПУ) has no account. */
  collective: boolean;
  accountId: string | null;
  gisAccountGuid: string | null;
  houseId: string;
  fiasHouseGuid: string | null;
  houseExported: boolean;
  gisPremisesGuid: string | null;
  residential: boolean;
}

/** Meters of the organisation (premises' and houses') with what the state system needs to place them. */
export async function metersForSync(db: SqlExecutor, organisationId: string, ids: string[]): Promise<MeterForSync[]> {
  const { rows } = await db.query<{
    id: string;
    serial_number: string;
    resource: string;
    tariffs: number;
    installed_on: string | null;
    verified_on: string | null;
    next_verification: string | null;
    sealed_on: string | null;
    collective: boolean;
    account_id: string | null;
    gis_account_guid: string | null;
    house_id: string;
    fias_house_guid: string | null;
    house_exported: boolean;
    gis_premises_guid: string | null;
    residential: boolean;
  }>(
    `SELECT m.id, m.serial_number, m.resource, m.tariffs, m.installed_on::text, m.verified_on::text, m.next_verification::text,
            m.sealed_on::text, m.house_id IS NOT NULL AS collective, a.id AS account_id, a.gis_account_guid,
            h.id AS house_id, h.fias_house_guid, h.gis_exported_at IS NOT NULL AS house_exported,
            p.gis_premises_guid, COALESCE(p.is_residential, true) AS residential
       FROM meters m LEFT JOIN accounts_accounts a ON a.id = m.account_id
       JOIN registry_houses h ON h.id = COALESCE(m.house_id, a.house_id) LEFT JOIN registry_premises p ON p.id = a.premise_id
      WHERE m.id = ANY($1::uuid[]) AND (a.organisation_id = $2 OR (m.house_id IS NOT NULL AND h.organisation_id = $2))`,
    [ids, organisationId],
  );
  return rows.map((r) => ({
    id: r.id,
    serialNumber: r.serial_number,
    resource: r.resource,
    tariffs: r.tariffs,
    installedOn: r.installed_on,
    verifiedOn: r.verified_on,
    nextVerification: r.next_verification,
    sealedOn: r.sealed_on,
    collective: r.collective,
    accountId: r.account_id,
    gisAccountGuid: r.gis_account_guid,
    houseId: r.house_id,
    fiasHouseGuid: r.fias_house_guid,
    houseExported: r.house_exported,
    gisPremisesGuid: r.gis_premises_guid,
    residential: r.residential,
  }));
}

/** Takes a meter out of use (replaced by another); an already archived one keeps its date. */
export async function archiveMeter(db: Db, id: string) {
  await db.query(`UPDATE meters SET archived_at = coalesce(archived_at, now()), updated_at = now() WHERE id = $1`, [
    id,
  ]);
}

/** The time zone of the account's house: reading periods and dates are local to it. */
export async function accountTimezone(db: Db, accountId: string): Promise<string> {
  const { rows } = await db.query<{ timezone: string }>(
    `SELECT h.timezone FROM accounts_accounts a JOIN registry_houses h ON h.id = a.house_id WHERE a.id = $1`,
    [accountId],
  );
  return rows[0]!.timezone;
}

export interface ReadingWindowReminderRow {
  id: string;
  number: string;
  full_address: string;
  start_day: number;
  end_day: number;
  period: string;
  people: string[];
}

/**
 * Open accounts with live meters whose organisation's reading window contains today in the house's
 * time zone, with the people linked to each.
 */
export async function accountsInReadingWindow(db: Db): Promise<ReadingWindowReminderRow[]> {
  const { rows } = await db.query<ReadingWindowReminderRow>(
    `SELECT a.id, a.number, h.full_address, o.reading_window_start_day AS start_day, o.reading_window_end_day AS end_day,
            to_char((now() AT TIME ZONE h.timezone)::date, 'YYYY-MM') AS period,
            array_agg(DISTINCT l.person_id) AS people
       FROM accounts_accounts a
       JOIN registry_houses h ON h.id = a.house_id
       JOIN metering_organisations o ON o.id = a.organisation_id
       JOIN accounts_links l ON l.account_id = a.id AND l.revoked_at IS NULL
      WHERE a.status = 'open'
        AND EXISTS (SELECT 1 FROM meters m WHERE m.account_id = a.id AND m.archived_at IS NULL)
        AND extract(day FROM now() AT TIME ZONE h.timezone) BETWEEN o.reading_window_start_day AND o.reading_window_end_day
      GROUP BY a.id, a.number, h.full_address, o.reading_window_start_day, o.reading_window_end_day, h.timezone`,
  );
  return rows;
}

export interface VerificationDueRow {
  id: string;
  serial_number: string;
  resource: Resource;
  due_on: string;
  number: string;
  people: string[];
}

/**
 * Live meters of open accounts whose next verification falls within `days` from today in the house's
 * time zone, with the owners, co-owners and tenants of each.
 */
export async function metersDueForVerification(db: Db, days: number): Promise<VerificationDueRow[]> {
  const { rows } = await db.query<VerificationDueRow>(
    `SELECT m.id, m.serial_number, m.resource, to_char(m.next_verification, 'YYYY-MM-DD') AS due_on, a.number,
            array_agg(DISTINCT l.person_id) AS people
       FROM meters m
       JOIN accounts_accounts a ON a.id = m.account_id
       JOIN registry_houses h ON h.id = a.house_id
       JOIN accounts_links l ON l.account_id = a.id AND l.revoked_at IS NULL AND l.role IN ('owner', 'co_owner', 'tenant')
      WHERE m.archived_at IS NULL AND a.status = 'open'
        AND m.next_verification BETWEEN (now() AT TIME ZONE h.timezone)::date AND (now() AT TIME ZONE h.timezone)::date + $1::int
      GROUP BY m.id, m.serial_number, m.resource, m.next_verification, a.number`,
    [days],
  );
  return rows;
}

/** The state system's identifiers of meters it accepted (importMeteringDeviceData): version GUID and device GUID. */
export async function saveMeterGisIdentifiers(
  db: Db,
  accepted: { id: string; versionGuid: string | null; deviceGuid: string | null }[],
) {
  await db.query(
    `UPDATE meters m SET gis_guid = v.guid, gis_root_guid = v.root::uuid, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, guid, root) WHERE m.id = v.id`,
    [accepted.map((a) => a.id), accepted.map((a) => a.versionGuid), accepted.map((a) => a.deviceGuid)],
  );
}

/**
 * The organisation's live meters the state system holds (its root GUID known), grouped by house: what the
 * readings history (exportMeteringDeviceHistory) is asked for, one house a query.
 */
export async function meterRootGuidsByHouse(
  db: Db,
  organisationId: string,
): Promise<{ fiasHouseGuid: string; roots: string[] }[]> {
  const { rows } = await db.query<{ fiasHouseGuid: string; roots: string[] }>(
    `SELECT h.fias_house_guid::text AS "fiasHouseGuid", array_agg(m.gis_root_guid::text ORDER BY m.gis_root_guid) AS roots
       FROM meters m LEFT JOIN accounts_accounts a ON a.id = m.account_id JOIN registry_houses h ON h.id = COALESCE(m.house_id, a.house_id)
      WHERE h.organisation_id = $1 AND h.fias_house_guid IS NOT NULL AND m.gis_root_guid IS NOT NULL AND m.archived_at IS NULL
      GROUP BY h.fias_house_guid ORDER BY 1`,
    [organisationId],
  );
  return rows;
}

/** Live meters of the organisation (premises' and houses') the state system has no version GUID for yet. */
export async function meterIdsWithoutGisGuid(db: Db, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT m.id FROM meters m LEFT JOIN accounts_accounts a ON a.id = m.account_id LEFT JOIN registry_houses h ON h.id = m.house_id
      WHERE COALESCE(a.organisation_id, h.organisation_id) = $1 AND m.gis_guid IS NULL AND m.archived_at IS NULL`,
    [organisationId],
  );
  return rows.map((r) => r.id);
}

/** The organisation's meters by serial number, for lists of other modules (the exchange's refused items). */
export async function meterLabels(db: Db, organisationId: string, ids: string[]) {
  const { rows } = await db.query<{ id: string; label: string }>(
    `SELECT m.id, 'прибор № ' || m.serial_number AS label
       FROM meters m LEFT JOIN accounts_accounts a ON a.id = m.account_id LEFT JOIN registry_houses h ON h.id = m.house_id
      WHERE m.id = ANY($1::uuid[]) AND COALESCE(a.organisation_id, h.organisation_id) = $2`,
    [ids, organisationId],
  );
  return rows;
}

interface HouseMeterRow {
  id: string;
  house_id: string;
  resource: Resource;
  serial_number: string;
  tariffs: number;
  digit_capacity: number | null;
  installed_on: string | null;
  sealed_on: string | null;
  verified_on: string | null;
  next_verification: string | null;
  archived: boolean;
  gis_guid: string | null;
  created_at: Date;
}

const HOUSE_METER_COLUMNS = `m.id, m.house_id, m.resource, m.serial_number, m.tariffs, m.digit_capacity, m.installed_on::text,
  m.sealed_on::text, m.verified_on::text, m.next_verification::text, m.archived_at IS NOT NULL AS archived, m.gis_guid, m.created_at`;

const houseMeterOf = (r: HouseMeterRow): HouseMeterRecord => ({
  id: r.id,
  houseId: r.house_id,
  resource: r.resource,
  serialNumber: r.serial_number,
  tariffs: r.tariffs,
  digitCapacity: r.digit_capacity,
  installedOn: r.installed_on,
  sealedOn: r.sealed_on,
  verifiedOn: r.verified_on,
  nextVerification: r.next_verification,
  archived: r.archived,
  gisGuid: r.gis_guid,
  createdAt: r.created_at.toISOString(),
});

/** The time zone of the house when it is the organisation's; undefined otherwise. */
export async function organisationHouseZone(
  db: Db,
  organisationId: string,
  houseId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ timezone: string }>(
    `SELECT timezone FROM registry_houses WHERE id = $1 AND organisation_id = $2`,
    [houseId, organisationId],
  );
  return rows[0]?.timezone;
}

/** The house's common-property meters (ОДПУ), live ones first, by resource and serial number. */
export async function houseMeters(db: Db, houseId: string): Promise<HouseMeterRecord[]> {
  const { rows } = await db.query<HouseMeterRow>(
    `SELECT ${HOUSE_METER_COLUMNS} FROM meters m WHERE m.house_id = $1
      ORDER BY m.archived_at IS NOT NULL, m.resource, m.serial_number`,
    [houseId],
  );
  return rows.map(houseMeterOf);
}

/** Adds a house meter; undefined when the house already has one of the resource with the serial number. */
export async function insertHouseMeter(
  db: Db,
  houseId: string,
  m: HouseMeterInput,
): Promise<HouseMeterRecord | undefined> {
  const { rows } = await db.query<HouseMeterRow>(
    `INSERT INTO meters AS m (house_id, resource, serial_number, tariffs, digit_capacity, installed_on, sealed_on, verified_on, next_verification)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (house_id, resource, serial_number) WHERE house_id IS NOT NULL DO NOTHING
     RETURNING ${HOUSE_METER_COLUMNS}`,
    [
      houseId,
      m.resource,
      m.serialNumber,
      m.tariffs,
      m.digitCapacity ?? null,
      m.installedOn ?? null,
      m.sealedOn ?? null,
      m.verifiedOn,
      m.nextVerification,
    ],
  );
  return rows[0] && houseMeterOf(rows[0]);
}
