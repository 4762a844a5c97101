import type { SqlExecutor } from '../../contracts/ports.js';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Resource } from '../../contracts/metering.js';
import { copyRows } from '../db/copy.js';
import type { Db } from '../db/pool.js';

export interface ReadingRow {
  id: string;
  meter_id: string;
  period: string;
  taken_on: string;
  t1: string;
  t2: string | null;
  t3: string | null;
  source: string;
}

const READING_COLUMNS = `r.id, r.meter_id, r.period, r.taken_on::text AS taken_on, r.t1, r.t2, r.t3, r.source`;

/** Live readings of the meters from `fromPeriod` on, plus each meter's last one before it; by meter, oldest first. */
export async function liveReadingsWithLastBefore(
  db: Db,
  meterIds: string[],
  fromPeriod: string,
): Promise<ReadingRow[]> {
  return liveReadingsForHistory(db, meterIds, fromPeriod, '9999-12');
}

/** Live readings of the meters in [from, to], plus each meter's last one before `from` (for consumption). */
export async function liveReadingsForHistory(
  db: Db,
  meterIds: string[],
  from: string,
  to: string,
): Promise<ReadingRow[]> {
  const { rows } = await db.query<ReadingRow>(
    `SELECT ${READING_COLUMNS} FROM meter_readings r
      WHERE r.meter_id = ANY($1::uuid[]) AND r.superseded_at IS NULL AND r.period BETWEEN $2 AND $3
     UNION ALL
     SELECT p.* FROM unnest($1::uuid[]) AS m(id) CROSS JOIN LATERAL (
       SELECT ${READING_COLUMNS} FROM meter_readings r
        WHERE r.meter_id = m.id AND r.superseded_at IS NULL AND r.period < $2
        ORDER BY r.period DESC LIMIT 1) p
     ORDER BY meter_id, period`,
    [meterIds, from, to],
  );
  return rows;
}

export async function supersedeReadings(db: Db, ids: string[]) {
  if (!ids.length) return;
  await db.query(
    `UPDATE meter_readings SET superseded_at = now() WHERE id = ANY($1::uuid[]) AND superseded_at IS NULL`,
    [ids],
  );
}

/** Supersedes the live readings of these (meter, period) pairs; returns how many. */
export async function supersedeLivePeriods(db: Db, meterIds: string[], periods: string[]): Promise<number> {
  if (!meterIds.length) return 0;
  const { rowCount } = await db.query(
    `UPDATE meter_readings r SET superseded_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS x(meter_id, period)
      WHERE r.meter_id = x.meter_id AND r.period = x.period AND r.superseded_at IS NULL`,
    [meterIds, periods],
  );
  return rowCount ?? 0;
}

export interface NewReading {
  meterId: string;
  period: string;
  takenOn: string;
  t1: string;
  t2: string | null;
  t3: string | null;
  source: 'resident' | 'organisation' | 'state_system' | 'call_centre';
  submittedBy: string;
  highConsumptionConfirmed: boolean;
}

/** Inserts the readings in one statement; ids come back in input order. */
export async function insertReadings(db: Db, readings: NewReading[]): Promise<string[]> {
  if (!readings.length) return [];
  const col = <K extends keyof NewReading>(k: K) => readings.map((r) => r[k]);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO meter_readings (meter_id, period, taken_on, t1, t2, t3, source, submitted_by, high_consumption_confirmed)
     SELECT m, p, d, a, b, c, s, w, h
       FROM unnest($1::uuid[], $2::text[], $3::date[], $4::numeric[], $5::numeric[], $6::numeric[], $7::text[], $8::text[],
                   $9::boolean[]) WITH ORDINALITY AS x(m, p, d, a, b, c, s, w, h, ord)
      ORDER BY ord
     RETURNING id`,
    [
      col('meterId'),
      col('period'),
      col('takenOn'),
      col('t1'),
      col('t2'),
      col('t3'),
      col('source'),
      col('submittedBy'),
      col('highConsumptionConfirmed'),
    ],
  );
  return rows.map((r) => r.id);
}

export interface ImportMeter {
  id: string;
  tariffs: number;
  digit_capacity: number | null;
  next_verification: string | null;
  archived: boolean;
}

const IMPORT_METER = `m.id, m.tariffs, m.digit_capacity, m.next_verification::text AS next_verification, m.archived_at IS NOT NULL AS archived`;

/** The organisation's meters among these ids, in one statement. */
export async function findOrgMetersById(
  db: Db,
  organisationId: string,
  ids: string[],
): Promise<Map<string, ImportMeter>> {
  const { rows } = await db.query<ImportMeter>(
    `SELECT ${IMPORT_METER} FROM meters m JOIN accounts_accounts a ON a.id = m.account_id WHERE m.id = ANY($2::uuid[]) AND a.organisation_id = $1`,
    [organisationId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The organisation's meters named by (account number, serial number, optional resource), by the
 * position of each key; when several match (an archived twin), the live and newest one.
 */
export async function findOrgMetersByNumber(
  db: Db,
  organisationId: string,
  keys: { accountNumber: string; serialNumber: string; resource: Resource | null }[],
): Promise<(ImportMeter | undefined)[]> {
  const { rows } = await db.query<ImportMeter & { ord: string }>(
    `SELECT DISTINCT ON (k.ord) k.ord, ${IMPORT_METER}
       FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS k(acc, serial, res, ord)
       JOIN accounts_accounts a ON a.organisation_id = $1 AND a.number = k.acc
       JOIN meters m ON m.account_id = a.id AND m.serial_number = k.serial AND (k.res IS NULL OR m.resource = k.res)
      ORDER BY k.ord, m.archived_at NULLS FIRST, m.created_at DESC`,
    [organisationId, keys.map((k) => k.accountNumber), keys.map((k) => k.serialNumber), keys.map((k) => k.resource)],
  );
  const out = new Array<ImportMeter | undefined>(keys.length);
  for (const r of rows) out[Number(r.ord) - 1] = r;
  return out;
}

/**
 * For each meter, its live readings in [from, to] and the last live one before `from`, oldest first:
 * what a batch of rows for those periods is checked against.
 */
export async function liveReadingsAround(
  db: Db,
  meterIds: string[],
  from: string[],
  to: string[],
): Promise<ReadingRow[]> {
  const { rows } = await db.query<ReadingRow>(
    `SELECT r.* FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(meter_id, lo, hi)
       CROSS JOIN LATERAL (
         (SELECT ${READING_COLUMNS} FROM meter_readings r
           WHERE r.meter_id = x.meter_id AND r.superseded_at IS NULL AND r.period < x.lo ORDER BY r.period DESC LIMIT 1)
         UNION ALL
         (SELECT ${READING_COLUMNS} FROM meter_readings r
           WHERE r.meter_id = x.meter_id AND r.superseded_at IS NULL AND r.period BETWEEN x.lo AND x.hi)
       ) r
      ORDER BY r.meter_id, r.period`,
    [meterIds, from, to],
  );
  return rows;
}

/**
 * For the rest of the transaction, plans lookups as index scans: rows this same transaction keeps
 * inserting are never in the planner's statistics (a first load into an empty table would be planned
 * as seq scans, one per meter: quadratic). Index lookups are right for every size of an import.
 */
export async function preferIndexScans(tx: Db) {
  await tx.query(`SET LOCAL enable_seqscan = off`);
}

/**
 * Inserts a large batch with COPY on the caller's transaction. Ids are UUIDv7 (RFC 9562), made
 * here: time-ordered keys append to the indexes instead of splitting random pages, and the caller
 * gets them without a RETURNING round trip.
 */
export async function copyReadings(tx: pg.PoolClient, readings: NewReading[]): Promise<string[]> {
  const ids = readings.map(() => uuidv7());
  await copyRows(
    tx,
    'meter_readings',
    ['id', 'meter_id', 'period', 'taken_on', 't1', 't2', 't3', 'source', 'submitted_by', 'high_consumption_confirmed'],
    readings.length,
    (i) => {
      const r = readings[i]!;
      return [
        ids[i]!,
        r.meterId,
        r.period,
        r.takenOn,
        r.t1,
        r.t2,
        r.t3,
        r.source,
        r.submittedBy,
        r.highConsumptionConfirmed,
      ];
    },
  );
  return ids;
}

export interface ExportedRow {
  id: string;
  meter_id: string;
  account_number: string;
  serial_number: string;
  resource: Resource;
  period: string;
  taken_on: string;
  t1: string;
  t2: string | null;
  t3: string | null;
  source: string;
  created_at: Date;
}

/**
 * One page of the organisation's live readings of a period, in meter order: a meter has one live
 * reading per period, so the meter id is the keyset and each page walks meters, not the whole period.
 */
export async function exportReadingsPage(
  db: Db,
  organisationId: string,
  period: string,
  afterMeterId: string | null,
  limit: number,
): Promise<ExportedRow[]> {
  const { rows } = await db.query<ExportedRow>(
    `SELECT r.id, r.meter_id, a.number AS account_number, m.serial_number, m.resource, r.period, r.taken_on::text AS taken_on,
            r.t1, r.t2, r.t3, r.source, r.created_at
       FROM meters m JOIN accounts_accounts a ON a.id = m.account_id
       JOIN meter_readings r ON r.meter_id = m.id AND r.period = $2 AND r.superseded_at IS NULL
      WHERE a.organisation_id = $1 AND ($3::uuid IS NULL OR m.id > $3::uuid)
      ORDER BY m.id LIMIT $4`,
    [organisationId, period, afterMeterId, limit],
  );
  return rows;
}

export interface PeriodReading {
  serialNumber: string;
  resource: Resource;
  tariffs: number;
  /** The last live reading before the period and the period's own (exact decimals), each per tariff. */
  previous: { t1: string; t2: string | null; t3: string | null } | null;
  current: { t1: string; t2: string | null; t3: string | null; takenOn: string } | null;
}

/** The meters of an account (not archived before the period) with their readings around a period, for the payment document. */
export async function accountPeriodReadings(
  db: SqlExecutor,
  accountId: string,
  period: string,
): Promise<PeriodReading[]> {
  const { rows } = await db.query<{
    serial_number: string;
    resource: Resource;
    tariffs: number;
    prev: PeriodReading['previous'];
    cur: PeriodReading['current'];
  }>(
    `SELECT m.serial_number, m.resource, m.tariffs,
            (SELECT json_build_object('t1', r.t1::text, 't2', r.t2::text, 't3', r.t3::text) FROM meter_readings r
              WHERE r.meter_id = m.id AND r.superseded_at IS NULL AND r.period < $2 ORDER BY r.period DESC, r.taken_on DESC LIMIT 1) AS prev,
            (SELECT json_build_object('t1', r.t1::text, 't2', r.t2::text, 't3', r.t3::text, 'takenOn', r.taken_on::text) FROM meter_readings r
              WHERE r.meter_id = m.id AND r.superseded_at IS NULL AND r.period = $2 ORDER BY r.taken_on DESC LIMIT 1) AS cur
       FROM meters m
      WHERE m.account_id = $1 AND (m.archived_at IS NULL OR to_char(m.archived_at, 'YYYY-MM') >= $2)
      ORDER BY m.resource, m.serial_number`,
    [accountId, period],
  );
  return rows.map((r) => ({
    serialNumber: r.serial_number,
    resource: r.resource,
    tariffs: r.tariffs,
    previous: r.prev,
    current: r.cur,
  }));
}

export interface ReadingForSync {
  id: string;
  period: string;
  taken_on: string;
  t1: string;
  t2: string | null;
  t3: string | null;
  meter_id: string;
  /** The meter's MeteringDeviceVersionGUID, once the state system accepted the meter. */
  gis_guid: string | null;
  resource: Resource;
}

/** The organisation's readings (of premises' and house meters) with what importMeteringDeviceValues needs. */
export async function readingsForSync(db: Db, organisationId: string, ids: string[]) {
  const { rows } = await db.query<ReadingForSync>(
    `SELECT r.id, r.period, r.taken_on::text, r.t1::text, r.t2::text, r.t3::text, m.id AS meter_id, m.gis_guid, m.resource
       FROM meter_readings r JOIN meters m ON m.id = r.meter_id LEFT JOIN accounts_accounts a ON a.id = m.account_id LEFT JOIN registry_houses h ON h.id = m.house_id
      WHERE r.id = ANY($1::uuid[]) AND COALESCE(a.organisation_id, h.organisation_id) = $2`,
    [ids, organisationId],
  );
  return rows;
}

/**
 * Live readings of the organisation's live meters for the current and the previous period; not those read
 * back from the state system, which holds them already.
 */
export async function recentReadingIds(db: Db, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM meter_readings r JOIN meters m ON m.id = r.meter_id
       LEFT JOIN accounts_accounts a ON a.id = m.account_id LEFT JOIN registry_houses h ON h.id = m.house_id
      WHERE COALESCE(a.organisation_id, h.organisation_id) = $1 AND r.superseded_at IS NULL AND m.archived_at IS NULL
        AND r.source <> 'state_system' AND r.period >= to_char(now() - interval '1 month', 'YYYY-MM')`,
    [organisationId],
  );
  return rows.map((r) => r.id);
}

/** The organisation's readings by meter and period, for lists of other modules (the exchange's refused items). */
export async function readingLabels(db: Db, organisationId: string, ids: string[]) {
  const { rows } = await db.query<{ id: string; label: string; period: string }>(
    `SELECT r.id, 'прибор № ' || m.serial_number AS label, r.period
       FROM meter_readings r JOIN meters m ON m.id = r.meter_id LEFT JOIN accounts_accounts a ON a.id = m.account_id LEFT JOIN registry_houses h ON h.id = m.house_id
      WHERE r.id = ANY($1::uuid[]) AND COALESCE(a.organisation_id, h.organisation_id) = $2`,
    [ids, organisationId],
  );
  return rows;
}

export interface StateSystemMeter extends ImportMeter {
  root_guid: string;
}

/** The organisation's meters (premises' and house meters) by the state system's root GUID. */
export async function findOrgMetersByRootGuid(db: Db, organisationId: string, roots: string[]) {
  const { rows } = await db.query<StateSystemMeter>(
    `SELECT ${IMPORT_METER}, m.gis_root_guid::text AS root_guid
       FROM meters m LEFT JOIN accounts_accounts a ON a.id = m.account_id LEFT JOIN registry_houses h ON h.id = m.house_id
      WHERE m.gis_root_guid = ANY($2::uuid[]) AND COALESCE(a.organisation_id, h.organisation_id) = $1`,
    [organisationId, roots],
  );
  return new Map(rows.map((r) => [r.root_guid, r]));
}

export interface ReadingKey {
  meterId: string;
  takenOn: string;
  t1: string;
  t2: string | null;
  t3: string | null;
}

/**
 * Which of these readings the hub holds already, in any state (live, superseded, refused): the same meter,
 * date and values. The positions (0-based) of those it holds.
 */
export async function knownReadings(db: Db, keys: ReadingKey[]): Promise<Set<number>> {
  if (!keys.length) return new Set();
  const col = <K extends keyof ReadingKey>(k: K) => keys.map((r) => r[k]);
  const { rows } = await db.query<{ ord: string }>(
    `SELECT x.ord FROM unnest($1::uuid[], $2::date[], $3::numeric[], $4::numeric[], $5::numeric[]) WITH ORDINALITY x(m, d, a, b, c, ord)
      WHERE EXISTS (SELECT 1 FROM meter_readings r WHERE r.meter_id = x.m AND r.taken_on = x.d AND r.t1 = x.a
                       AND r.t2 IS NOT DISTINCT FROM x.b AND r.t3 IS NOT DISTINCT FROM x.c)`,
    [col('meterId'), col('takenOn'), col('t1'), col('t2'), col('t3')],
  );
  return new Set(rows.map((r) => Number(r.ord) - 1));
}

export interface LiveReading extends ReadingRow {
  /** When it counts from: entered in the state system, or created in the hub. */
  since: Date;
}

/** The meters' live readings from `fromPeriod` on, plus each meter's last one before it; by meter and period. */
export async function liveReadingsSince(db: Db, meterIds: string[], fromPeriod: string): Promise<LiveReading[]> {
  const { rows } = await db.query<LiveReading>(
    `SELECT p.* FROM unnest($1::uuid[]) AS m(id) CROSS JOIN LATERAL (
       (SELECT ${READING_COLUMNS}, COALESCE(r.entered_at, r.created_at) AS since FROM meter_readings r
         WHERE r.meter_id = m.id AND r.superseded_at IS NULL AND r.period < $2 ORDER BY r.period DESC LIMIT 1)
       UNION ALL
       (SELECT ${READING_COLUMNS}, COALESCE(r.entered_at, r.created_at) FROM meter_readings r
         WHERE r.meter_id = m.id AND r.superseded_at IS NULL AND r.period >= $2)) p
     ORDER BY p.meter_id, p.period`,
    [meterIds, fromPeriod],
  );
  return rows;
}

export interface StateSystemReading extends NewReading {
  enteredAt: string;
  /** The rule it broke (kept, never live). */
  refusal: string | null;
  /** Stored already superseded: refused, or older than the hub's reading of its period. */
  superseded: boolean;
}

/** Inserts readings read back from the state system in one statement. */
export async function insertStateSystemReadings(db: Db, readings: StateSystemReading[]): Promise<number> {
  if (!readings.length) return 0;
  const col = <K extends keyof StateSystemReading>(k: K) => readings.map((r) => r[k]);
  const { rowCount } = await db.query(
    `INSERT INTO meter_readings (meter_id, period, taken_on, t1, t2, t3, source, submitted_by, entered_at, refusal, superseded_at)
     SELECT m, p, d, a, b, c, 'state_system', 'state_system', e, f, CASE WHEN s THEN now() END
       FROM unnest($1::uuid[], $2::text[], $3::date[], $4::numeric[], $5::numeric[], $6::numeric[], $7::timestamptz[], $8::text[],
                   $9::boolean[]) AS x(m, p, d, a, b, c, e, f, s)`,
    [
      col('meterId'),
      col('period'),
      col('takenOn'),
      col('t1'),
      col('t2'),
      col('t3'),
      col('enteredAt'),
      col('refusal'),
      col('superseded'),
    ],
  );
  return rowCount ?? 0;
}
