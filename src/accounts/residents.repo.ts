import type { ResidentChangeSource, ResidentChangeStatus } from '../../contracts/accounts.js';
import type { SqlExecutor } from '../../contracts/ports.js';
import type { Db } from '../db/pool.js';

// SQL of resident_count_changes: each change of registered residents is a row.

/**
 * The number of registered residents of an account in a billing period: the latest confirmed change
 * effective at or before it, or null when none was ever recorded. Billing reads this.
 */
export async function registeredResidentsFor(
  db: SqlExecutor,
  accountId: string,
  period: string,
): Promise<number | null> {
  const { rows } = await db.query<{ count: number }>(
    `SELECT count FROM resident_count_changes
      WHERE account_id = $1 AND status = 'confirmed' AND effective_period <= $2
      ORDER BY effective_period DESC, decided_at DESC LIMIT 1`,
    [accountId, period],
  );
  return rows[0]?.count ?? null;
}

export interface ResidentChangeRow {
  id: string;
  account_id: string;
  count: number;
  reason: string;
  source: ResidentChangeSource;
  status: ResidentChangeStatus;
  effective_period: string | null;
  decision_reason: string | null;
  created_at: Date;
  decided_at: Date | null;
}

const CHANGE_COLUMNS = `c.id, c.account_id, c.count, c.reason, c.source, c.status, c.effective_period, c.decision_reason,
  c.created_at, c.decided_at`;

export async function hasPendingChange(db: Db, accountId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM resident_count_changes WHERE account_id = $1 AND status = 'pending'`,
    [accountId],
  );
  return Boolean(rowCount);
}

export async function insertResidentRequest(
  db: Db,
  r: { accountId: string; count: number; reason: string; requestedBy: string },
) {
  const { rows } = await db.query<ResidentChangeRow>(
    `INSERT INTO resident_count_changes AS c (account_id, count, reason, source, requested_by) VALUES ($1, $2, $3, 'resident', $4)
     RETURNING ${CHANGE_COLUMNS}`,
    [r.accountId, r.count, r.reason, r.requestedBy],
  );
  return rows[0]!;
}

export async function changesOfAccount(db: Db, accountId: string): Promise<ResidentChangeRow[]> {
  const { rows } = await db.query<ResidentChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM resident_count_changes c WHERE c.account_id = $1 ORDER BY c.created_at DESC`,
    [accountId],
  );
  return rows;
}

export interface OrganisationChangeRow extends ResidentChangeRow {
  account_number: string;
  full_address: string;
  premise: string | null;
}

/** The organisation's changes oldest first (a queue), paged by (created_at, id); the cursor's time has JavaScript's milliseconds. */
export async function changesForOrganisation(
  db: Db,
  organisationId: string,
  q: {
    status: ResidentChangeStatus;
    houseId?: string;
    /** Staff limited to some houses see those only. */
    houseIds?: string[] | null;
    after?: { createdAt: string; id: string };
    limit: number;
  },
): Promise<OrganisationChangeRow[]> {
  const { rows } = await db.query<OrganisationChangeRow>(
    `SELECT ${CHANGE_COLUMNS}, a.number AS account_number, h.full_address, p.number AS premise FROM resident_count_changes c
       JOIN accounts a ON a.id = c.account_id AND a.organisation_id = $1 JOIN registry_houses h ON h.id = a.house_id
       LEFT JOIN registry_premises p ON p.id = a.premise_id
      WHERE c.status = $2 AND ($3::uuid IS NULL OR a.house_id = $3)
        AND ($4::timestamptz IS NULL OR (date_trunc('milliseconds', c.created_at), c.id) > ($4::timestamptz, $5::uuid))
        AND ($7::uuid[] IS NULL OR a.house_id = ANY ($7))
      ORDER BY date_trunc('milliseconds', c.created_at), c.id LIMIT $6`,
    [
      organisationId,
      q.status,
      q.houseId ?? null,
      q.after?.createdAt ?? null,
      q.after?.id ?? null,
      q.limit,
      q.houseIds ?? null,
    ],
  );
  return rows;
}

/** A change on one of the organisation's accounts, locked, with the house's time zone. */
export async function lockChangeOfOrganisation(db: Db, changeId: string, organisationId: string) {
  const { rows } = await db.query<ResidentChangeRow & { timezone: string; house_id: string }>(
    `SELECT ${CHANGE_COLUMNS}, h.timezone, h.id AS house_id FROM resident_count_changes c JOIN accounts a ON a.id = c.account_id AND a.organisation_id = $2
       JOIN registry_houses h ON h.id = a.house_id WHERE c.id = $1 FOR UPDATE OF c`,
    [changeId, organisationId],
  );
  return rows[0];
}

export async function decideChange(
  db: Db,
  d: {
    changeId: string;
    status: 'confirmed' | 'rejected';
    decidedBy: string;
    decidedAt: Date;
    effectivePeriod: string | null;
    reason: string | null;
  },
) {
  const { rows } = await db.query<ResidentChangeRow>(
    `UPDATE resident_count_changes AS c SET status = $2, decided_by = $3, decided_at = $4, effective_period = $5, decision_reason = $6
      WHERE c.id = $1 RETURNING ${CHANGE_COLUMNS}`,
    [d.changeId, d.status, d.decidedBy, d.decidedAt, d.effectivePeriod, d.reason],
  );
  return rows[0]!;
}

/** Changes of registered residents waiting for the organisation (resident_count_changes_pending_idx). */
export async function countPendingResidentChanges(db: Db, organisationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM resident_count_changes c JOIN accounts a ON a.id = c.account_id
      WHERE c.status = 'pending' AND a.organisation_id = $1`,
    [organisationId],
  );
  return rows[0]!.n;
}
