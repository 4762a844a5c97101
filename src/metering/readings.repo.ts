import type { SqlExecutor } from '../../contracts/ports.js';
import type { Resource } from '../../contracts/metering.js';

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

/** Live (not superseded) readings of the meters from `fromPeriod` on, oldest first. */
export async function liveReadingsSince(db: SqlExecutor, meterIds: string[], fromPeriod: string): Promise<ReadingRow[]> {
  const { rows } = await db.query(
    `SELECT ${READING_COLUMNS} FROM meter_readings r
      WHERE r.meter_id = ANY($1::uuid[]) AND r.superseded_at IS NULL AND r.period >= $2
      ORDER BY r.meter_id, r.period`,
    [meterIds, fromPeriod],
  );
  return rows;
}

/** Live readings of the meters in [from, to], plus each meter's last one before `from` (for consumption). */
export async function liveReadingsForHistory(db: SqlExecutor, meterIds: string[], from: string, to: string): Promise<ReadingRow[]> {
  const { rows } = await db.query(
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

export async function supersedeReadings(db: SqlExecutor, ids: string[]) {
  if (!ids.length) return;
  await db.query(`UPDATE meter_readings SET superseded_at = now() WHERE id = ANY($1::uuid[]) AND superseded_at IS NULL`, [ids]);
}

/** Supersedes the live readings of these (meter, period) pairs; returns how many. */
export async function supersedeLivePeriods(db: SqlExecutor, meterIds: string[], periods: string[]): Promise<number> {
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
export async function insertReadings(db: SqlExecutor, readings: NewReading[]): Promise<string[]> {
  if (!readings.length) return [];
  const col = <K extends keyof NewReading>(k: K) => readings.map((r) => r[k]);
  const { rows } = await db.query(
    `INSERT INTO meter_readings (meter_id, period, taken_on, t1, t2, t3, source, submitted_by, high_consumption_confirmed)
     SELECT m, p, d, a, b, c, s, w, h
       FROM unnest($1::uuid[], $2::text[], $3::date[], $4::numeric[], $5::numeric[], $6::numeric[], $7::text[], $8::text[],
                   $9::boolean[]) WITH ORDINALITY AS x(m, p, d, a, b, c, s, w, h, ord)
      ORDER BY ord
     RETURNING id`,
    [col('meterId'), col('period'), col('takenOn'), col('t1'), col('t2'), col('t3'), col('source'), col('submittedBy'), col('highConsumptionConfirmed')],
  );
  return rows.map((r) => r.id);
}

export interface ResolvedMeter {
  idx: number;
  meter_id: string | null;
  tariffs: number;
  digit_capacity: number | null;
  next_verification: string | null;
  archived: boolean;
  /** The live reading of the row's period (to be superseded), if any. */
  same_id: string | null;
  /** The latest live reading of an earlier period, if any. */
  prev_period: string | null;
  prev_t1: string | null;
  prev_t2: string | null;
  prev_t3: string | null;
}

/**
 * For each import row: its meter within the organisation (by id, or by account number + serial
 * number + optional resource), the live reading of the same period and the previous live reading —
 * one set-based statement for the whole batch.
 */
export async function resolveImportRows(
  db: SqlExecutor,
  organisationId: string,
  rows: { idx: number[]; meterId: (string | null)[]; accountNumber: (string | null)[]; serialNumber: (string | null)[]; resource: (Resource | null)[]; period: string[] },
): Promise<ResolvedMeter[]> {
  const { rows: out } = await db.query(
    `WITH input AS (
       SELECT * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS i(idx, meter_id, account_number, serial_number, resource, period)
     ), found AS (
       SELECT i.idx, i.period, coalesce(byid.id, bynum.id) AS meter_id
         FROM input i
         LEFT JOIN LATERAL (
           SELECT m.id FROM meters m JOIN accounts a ON a.id = m.account_id
            WHERE i.meter_id IS NOT NULL AND m.id = i.meter_id AND a.organisation_id = $1) byid ON true
         LEFT JOIN LATERAL (
           SELECT m.id FROM accounts a JOIN meters m ON m.account_id = a.id
            WHERE i.meter_id IS NULL AND a.organisation_id = $1 AND a.number = i.account_number
              AND m.serial_number = i.serial_number AND (i.resource IS NULL OR m.resource = i.resource)
            ORDER BY m.archived_at NULLS FIRST, m.created_at DESC LIMIT 1) bynum ON true
     )
     SELECT f.idx, f.meter_id, m.tariffs, m.digit_capacity, m.next_verification::text AS next_verification,
            m.archived_at IS NOT NULL AS archived, same.id AS same_id,
            prev.period AS prev_period, prev.t1 AS prev_t1, prev.t2 AS prev_t2, prev.t3 AS prev_t3
       FROM found f
       LEFT JOIN meters m ON m.id = f.meter_id
       LEFT JOIN meter_readings same ON same.meter_id = f.meter_id AND same.period = f.period AND same.superseded_at IS NULL
       LEFT JOIN LATERAL (
         SELECT r.period, r.t1, r.t2, r.t3 FROM meter_readings r
          WHERE r.meter_id = f.meter_id AND r.superseded_at IS NULL AND r.period < f.period
          ORDER BY r.period DESC LIMIT 1) prev ON true`,
    [organisationId, rows.idx, rows.meterId, rows.accountNumber, rows.serialNumber, rows.resource, rows.period],
  );
  return out;
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

/** One page of the organisation's live readings of a period, in id order (keyset). */
export async function exportReadingsPage(db: SqlExecutor, organisationId: string, period: string, afterId: string | null, limit: number): Promise<ExportedRow[]> {
  const { rows } = await db.query(
    `SELECT r.id, r.meter_id, a.number AS account_number, m.serial_number, m.resource, r.period, r.taken_on::text AS taken_on,
            r.t1, r.t2, r.t3, r.source, r.created_at
       FROM meter_readings r JOIN meters m ON m.id = r.meter_id JOIN accounts a ON a.id = m.account_id
      WHERE a.organisation_id = $1 AND r.period = $2 AND r.superseded_at IS NULL AND ($3::uuid IS NULL OR r.id > $3::uuid)
      ORDER BY r.id LIMIT $4`,
    [organisationId, period, afterId, limit],
  );
  return rows;
}
