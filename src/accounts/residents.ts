import type pg from 'pg';
import type { SqlExecutor } from '../../contracts/ports.js';
import { withTransaction } from '../db/pool.js';
import { conflict, notFound } from '../errors.js';
import { audit } from '../identity/audit.js';
import { requireAccountAccess } from './access.js';
import { currentPeriod, nextPeriod } from '../calendar.js';

/**
 * The number of registered residents of an account in a billing period: the latest confirmed change
 * effective at or before it, or null when none was ever recorded. Billing reads this.
 */
export async function registeredResidentsFor(
  db: SqlExecutor,
  accountId: string,
  period: string,
): Promise<number | null> {
  const { rows } = await db.query(
    `SELECT count FROM resident_count_changes
      WHERE account_id = $1 AND status = 'confirmed' AND effective_period <= $2
      ORDER BY effective_period DESC, decided_at DESC LIMIT 1`,
    [accountId, period],
  );
  return rows[0]?.count ?? null;
}

const toChange = (r: any) => ({
  changeId: r.id as string,
  count: r.count as number,
  reason: r.reason as string,
  source: r.source as 'resident' | 'organisation',
  status: r.status as 'pending' | 'confirmed' | 'rejected',
  effectivePeriod: r.effective_period as string | null,
  decisionReason: r.decision_reason as string | null,
  createdAt: (r.created_at as Date).toISOString(),
  decidedAt: r.decided_at ? (r.decided_at as Date).toISOString() : null,
});

/** A resident asks for a new count with a reason; one request waits at a time. */
export async function requestResidentCount(
  pool: pg.Pool,
  personId: string,
  accountId: string,
  count: number,
  reason: string,
) {
  const access = await requireAccountAccess(pool, personId, accountId, ['owner', 'co_owner', 'tenant']);
  return withTransaction(pool, async (tx) => {
    await tx.query(`SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE`, [accountId]);
    const pending = await tx.query(
      `SELECT 1 FROM resident_count_changes WHERE account_id = $1 AND status = 'pending'`,
      [accountId],
    );
    if (pending.rowCount)
      throw conflict(
        'resident_change_pending',
        'A change of registered residents is already waiting for the organisation',
      );
    const { rows } = await tx.query(
      `INSERT INTO resident_count_changes (account_id, count, reason, source, requested_by) VALUES ($1, $2, $3, 'resident', $4) RETURNING *`,
      [accountId, count, reason, personId],
    );
    await audit(tx, {
      actorType: 'person',
      actorId: personId,
      action: 'residents.change_requested',
      objectType: 'account',
      objectId: accountId,
      organisationId: access.organisationId,
      details: { count, changeId: rows[0].id },
    });
    return toChange(rows[0]);
  });
}

export async function residentHistory(db: SqlExecutor, personId: string, accountId: string, now = new Date()) {
  const access = await requireAccountAccess(db, personId, accountId);
  const period = currentPeriod(now, access.timezone);
  const { rows } = await db.query(
    `SELECT * FROM resident_count_changes WHERE account_id = $1 ORDER BY created_at DESC`,
    [accountId],
  );
  return { period, current: await registeredResidentsFor(db, accountId, period), history: rows.map(toChange) };
}

export async function listResidentChanges(
  db: SqlExecutor,
  organisationId: string,
  status: 'pending' | 'confirmed' | 'rejected',
) {
  const { rows } = await db.query(
    `SELECT c.*, a.number AS account_number, h.full_address FROM resident_count_changes c
       JOIN accounts a ON a.id = c.account_id AND a.organisation_id = $1 JOIN houses h ON h.id = a.house_id
      WHERE c.status = $2 ORDER BY c.created_at LIMIT 500`,
    [organisationId, status],
  );
  return rows.map((r) => ({
    ...toChange(r),
    accountId: r.account_id as string,
    accountNumber: r.account_number as string,
    address: r.full_address as string,
  }));
}

/**
 * The organisation confirms or rejects a change. A confirmed count takes effect from the billing
 * period after the decision, in the house's time zone, so charges already made are not rewritten.
 */
export async function decideResidentChange(
  pool: pg.Pool,
  actor: { organisationId: string; actorType: 'person' | 'api_client'; actorId: string },
  changeId: string,
  decision: { confirm: true } | { confirm: false; reason: string },
  now = new Date(),
) {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `SELECT c.*, h.timezone FROM resident_count_changes c JOIN accounts a ON a.id = c.account_id AND a.organisation_id = $2
         JOIN houses h ON h.id = a.house_id WHERE c.id = $1 FOR UPDATE OF c`,
      [changeId, actor.organisationId],
    );
    const c = rows[0];
    if (!c) throw notFound('Change of registered residents');
    if (c.status !== 'pending') throw conflict('change_not_pending', 'The change was already decided');
    const { rows: done } = await tx.query(
      `UPDATE resident_count_changes SET status = $2, decided_by = $3, decided_at = $4, effective_period = $5, decision_reason = $6
        WHERE id = $1 RETURNING *`,
      [
        changeId,
        decision.confirm ? 'confirmed' : 'rejected',
        actor.actorId,
        now,
        decision.confirm ? nextPeriod(now, c.timezone) : null,
        decision.confirm ? null : decision.reason,
      ],
    );
    await audit(tx, {
      actorType: actor.actorType,
      actorId: actor.actorId,
      organisationId: actor.organisationId,
      action: decision.confirm ? 'residents.change_confirmed' : 'residents.change_rejected',
      objectType: 'account',
      objectId: c.account_id,
      details: { changeId, count: c.count },
    });
    return toChange(done[0]);
  });
}
