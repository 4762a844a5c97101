import type { SqlExecutor } from '../../contracts/ports.js';
import type { Db } from '../db/pool.js';

export interface ChargeLineRow {
  service: string;
  unit: string | null;
  volume: string | null;
  volumeCommon: string | null;
  tariff: bigint | null;
  charged: bigint;
  recalculation: bigint;
  benefit: bigint;
  penalty: bigint;
  recalculationReason: string | null;
  total: bigint;
}

export interface CurrentChargePeriodRow {
  id: string;
  version: number;
  content_hash: string;
}

export async function findCurrentChargePeriod(
  db: Db,
  accountId: string,
  period: string,
): Promise<CurrentChargePeriodRow | undefined> {
  const { rows } = await db.query<CurrentChargePeriodRow>(
    `SELECT id, version, content_hash FROM charge_periods WHERE account_id = $1 AND period = $2 AND superseded_at IS NULL FOR UPDATE`,
    [accountId, period],
  );
  return rows[0];
}

export async function supersedeChargePeriod(db: Db, id: string) {
  await db.query(`UPDATE charge_periods SET superseded_at = now() WHERE id = $1`, [id]);
}

export async function insertChargePeriod(
  db: Db,
  p: {
    organisationId: string;
    accountId: string;
    period: string;
    version: number;
    openingDebt: bigint;
    charged: bigint;
    penalty: bigint;
    paid: bigint;
    toPay: bigint;
    contentHash: string;
    importedBy: string;
    lines: ChargeLineRow[];
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO charge_periods (organisation_id, account_id, period, version, opening_debt, charged, penalty, paid, to_pay, content_hash, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      p.organisationId,
      p.accountId,
      p.period,
      p.version,
      p.openingDebt,
      p.charged,
      p.penalty,
      p.paid,
      p.toPay,
      p.contentHash,
      p.importedBy,
    ],
  );
  const id = rows[0]!.id;
  const l = p.lines;
  await db.query(
    `INSERT INTO charge_lines (charge_period_id, position, service, unit, volume, tariff, charged, recalculation, benefit, penalty, total,
                               volume_common, recalculation_reason)
     SELECT $1, * FROM unnest($2::smallint[], $3::text[], $4::text[], $5::numeric[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[],
                              $10::bigint[], $11::bigint[], $12::numeric[], $13::text[])`,
    [
      id,
      l.map((_, i) => i + 1),
      l.map((x) => x.service),
      l.map((x) => x.unit),
      l.map((x) => x.volume),
      l.map((x) => x.tariff?.toString() ?? null),
      l.map((x) => x.charged.toString()),
      l.map((x) => x.recalculation.toString()),
      l.map((x) => x.benefit.toString()),
      l.map((x) => x.penalty.toString()),
      l.map((x) => x.total.toString()),
      l.map((x) => x.volumeCommon),
      l.map((x) => x.recalculationReason),
    ],
  );
  return id;
}

/**
 * Current charge periods of the accounts within [from, to], with their lines and what the hub's
 * ledger allocated to each. The earliest imported period carries the opening debt in its `due`.
 */
/** A current charge period; money columns (numeric, bigint) come back as strings. */
export interface ChargePeriodRow {
  id: string;
  account_id: string;
  account_number: string;
  period: string;
  version: number;
  opening_debt: string;
  charged: string;
  penalty: string;
  paid: string;
  to_pay: string;
  due: string;
  payment_due_day: number;
  allocated: string;
  /** Lines as stored, amounts as decimal strings; null when the period has none. */
  lines: ChargeLineView[] | null;
}

export interface ChargeLineView {
  service: string;
  unit: string | null;
  volume: string | null;
  volumeCommon: string | null;
  tariff: string | null;
  recalculationReason: string | null;
  charged: string;
  recalculation: string;
  benefit: string;
  penalty: string;
  total: string;
}

export async function listChargePeriods(
  db: Db,
  accountIds: string[],
  from: string,
  to: string,
): Promise<ChargePeriodRow[]> {
  const { rows } = await db.query<ChargePeriodRow>(
    `WITH dues AS (
       SELECT cp.*, cp.charged + CASE WHEN cp.period = min(cp.period) OVER (PARTITION BY cp.account_id) THEN cp.opening_debt ELSE 0 END AS due
         FROM charge_periods cp WHERE cp.account_id = ANY($1::uuid[]) AND cp.superseded_at IS NULL)
     SELECT d.id, d.account_id, a.number AS account_number, d.period, d.version, d.opening_debt, d.charged, d.penalty, d.paid, d.to_pay, d.due,
            o.payment_due_day,
            COALESCE((SELECT sum(pa.amount) FROM payments_allocations pa WHERE pa.account_id = d.account_id AND pa.period = d.period), 0) AS allocated,
            (SELECT json_agg(json_build_object('service', l.service, 'unit', l.unit, 'volume', l.volume::text, 'volumeCommon', l.volume_common::text,
                    'tariff', l.tariff::text, 'recalculationReason', l.recalculation_reason,
                    'charged', l.charged::text, 'recalculation', l.recalculation::text, 'benefit', l.benefit::text,
                    'penalty', l.penalty::text, 'total', l.total::text) ORDER BY l.position)
               FROM charge_lines l WHERE l.charge_period_id = d.id) AS lines
       FROM dues d JOIN accounts_accounts a ON a.id = d.account_id JOIN billing_organisations o ON o.id = d.organisation_id
      WHERE d.period BETWEEN $2 AND $3
      ORDER BY a.number, d.period DESC`,
    [accountIds, from, to],
  );
  return rows;
}

/** Per current period of one account: what is due and what the ledger allocated (oldest first). */
export async function periodDues(db: Db, accountId: string) {
  const { rows } = await db.query<{ period: string; unpaid: string }>(
    `SELECT cp.period,
            cp.charged + CASE WHEN cp.period = min(cp.period) OVER () THEN cp.opening_debt ELSE 0 END
              - COALESCE((SELECT sum(pa.amount) FROM payments_allocations pa WHERE pa.account_id = cp.account_id AND pa.period = cp.period), 0) AS unpaid
       FROM charge_periods cp WHERE cp.account_id = $1 AND cp.superseded_at IS NULL ORDER BY cp.period`,
    [accountId],
  );
  return rows.map((r) => ({ period: r.period, unpaid: BigInt(r.unpaid) }));
}

/**
 * Debt of the accounts: due of periods up to `untilPeriod` (inclusive) minus ledger allocations
 * booked before `bookedBefore` (both null: everything).
 */
export async function accountDebts(
  db: Db,
  accountIds: string[],
  untilPeriod: string | null,
  bookedBefore: Date | null,
) {
  const { rows } = await db.query<{
    account_id: string;
    number: string;
    charged: string;
    penalties: string;
    paid: string;
    periods: { period: string; charged: string; paid: string }[];
  }>(
    `WITH dues AS (
       SELECT cp.account_id, cp.period, cp.penalty,
              cp.charged + CASE WHEN cp.period = min(cp.period) OVER (PARTITION BY cp.account_id) THEN cp.opening_debt ELSE 0 END AS due
         FROM charge_periods cp WHERE cp.account_id = ANY($1::uuid[]) AND cp.superseded_at IS NULL),
     alloc AS (
       SELECT pa.account_id, pa.period, sum(pa.amount) AS amount FROM payments_allocations pa
        WHERE pa.account_id = ANY($1::uuid[]) AND ($3::timestamptz IS NULL OR pa.booked_at < $3)
        GROUP BY pa.account_id, pa.period)
     SELECT a.id AS account_id, a.number,
            COALESCE((SELECT sum(d.due) FROM dues d WHERE d.account_id = a.id AND ($2::text IS NULL OR d.period <= $2)), 0) AS charged,
            COALESCE((SELECT sum(d.penalty) FROM dues d WHERE d.account_id = a.id AND ($2::text IS NULL OR d.period <= $2)), 0) AS penalties,
            COALESCE((SELECT sum(x.amount) FROM alloc x WHERE x.account_id = a.id), 0) AS paid,
            COALESCE((SELECT json_agg(json_build_object('period', d.period, 'charged', d.due::text,
                        'paid', COALESCE((SELECT x.amount FROM alloc x WHERE x.account_id = a.id AND x.period = d.period), 0)::text) ORDER BY d.period)
                        FROM dues d WHERE d.account_id = a.id AND ($2::text IS NULL OR d.period <= $2)), '[]') AS periods
       FROM accounts_accounts a WHERE a.id = ANY($1::uuid[]) ORDER BY a.number`,
    [accountIds, untilPeriod, bookedBefore],
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    number: r.number,
    charged: BigInt(r.charged),
    penalties: BigInt(r.penalties),
    paid: BigInt(r.paid),
    periods: r.periods,
  }));
}

export interface LedgerStatement {
  accountId: string;
  period: string;
  /** Debt at the start of the period (negative: an advance): unpaid dues of earlier periods less advances. */
  openingDebt: bigint;
  /** What the ledger allocated to the period's charges. */
  paid: bigint;
  /** The period's charges (0 when it has none). */
  charged: bigint;
}

/**
 * The ledger's statement of accounts for one period each: the earliest imported period carries its
 * opening debt (the balance the hub's ledger starts from); payments count as the ledger allocated
 * them (to earlier periods, to this one, or as advances without a period); allocations to later
 * periods belong to those.
 */
export async function ledgerStatements(
  // A SqlExecutor: the state-system sources load with one.
  db: SqlExecutor,
  wanted: { accountId: string; period: string }[],
): Promise<LedgerStatement[]> {
  if (!wanted.length) return [];
  const { rows } = await db.query<{
    account_id: string;
    period: string;
    due_before: string;
    paid_before: string;
    paid: string;
    charged: string;
  }>(
    `WITH req AS (SELECT * FROM unnest($1::uuid[], $2::text[]) r(account_id, period)),
     cur AS (
       SELECT cp.account_id, cp.period, cp.charged,
              CASE WHEN cp.period = min(cp.period) OVER (PARTITION BY cp.account_id) THEN cp.opening_debt ELSE 0 END AS opening
         FROM charge_periods cp WHERE cp.account_id = ANY($1::uuid[]) AND cp.superseded_at IS NULL)
     SELECT r.account_id, r.period,
            COALESCE((SELECT sum(c.charged + c.opening) FROM cur c WHERE c.account_id = r.account_id AND c.period < r.period), 0)
              + COALESCE((SELECT c.opening FROM cur c WHERE c.account_id = r.account_id AND c.period = r.period), 0) AS due_before,
            COALESCE((SELECT sum(pa.amount) FROM payments_allocations pa
                       WHERE pa.account_id = r.account_id AND (pa.period IS NULL OR pa.period < r.period)), 0) AS paid_before,
            COALESCE((SELECT sum(pa.amount) FROM payments_allocations pa WHERE pa.account_id = r.account_id AND pa.period = r.period), 0) AS paid,
            COALESCE((SELECT c.charged FROM cur c WHERE c.account_id = r.account_id AND c.period = r.period), 0) AS charged
       FROM req r`,
    [wanted.map((w) => w.accountId), wanted.map((w) => w.period)],
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    period: r.period,
    openingDebt: BigInt(r.due_before) - BigInt(r.paid_before),
    paid: BigInt(r.paid),
    charged: BigInt(r.charged),
  }));
}
