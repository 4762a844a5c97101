import type { InvitedRole } from '../../contracts/accounts.js';
import type { Db } from '../db/pool.js';

// SQL of account_invitations. Only a code's SHA-256 is stored.

export async function insertInvitation(
  db: Db,
  i: {
    accountId: string;
    role: InvitedRole;
    codeHash: string;
    email: string | null;
    note: string | null;
    createdBy: string;
    days: number;
  },
) {
  const { rows } = await db.query<{ id: string; expires_at: Date }>(
    `INSERT INTO account_invitations (account_id, role, code_hash, email, note, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING id, expires_at`,
    [i.accountId, i.role, i.codeHash, i.email, i.note, i.createdBy, i.days],
  );
  return rows[0]!;
}

export interface OpenInvitationRow {
  id: string;
  account_id: string;
  role: InvitedRole;
  created_by: string;
  organisation_id: string;
}

/** The usable invitation with this code, locked until the transaction ends. */
export async function lockOpenInvitation(db: Db, codeHash: string) {
  const { rows } = await db.query<OpenInvitationRow>(
    `SELECT i.id, i.account_id, i.role, i.created_by, a.organisation_id FROM account_invitations i JOIN accounts a ON a.id = i.account_id
      WHERE i.code_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() FOR UPDATE OF i`,
    [codeHash],
  );
  return rows[0];
}

export async function markAccepted(db: Db, invitationId: string, personId: string) {
  await db.query(`UPDATE account_invitations SET accepted_by = $2, accepted_at = now() WHERE id = $1`, [
    invitationId,
    personId,
  ]);
}

export interface InvitationRow {
  id: string;
  role: InvitedRole;
  email: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

export async function invitationsOfAccount(db: Db, accountId: string): Promise<InvitationRow[]> {
  const { rows } = await db.query<InvitationRow>(
    `SELECT id, role, email, created_at, expires_at, accepted_at, revoked_at FROM account_invitations
      WHERE account_id = $1 ORDER BY created_at DESC LIMIT 100`,
    [accountId],
  );
  return rows;
}

/** Revokes an invitation not yet accepted; false when there is none such. */
export async function revokeOpenInvitation(db: Db, invitationId: string, accountId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE account_invitations SET revoked_at = now() WHERE id = $1 AND account_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
    [invitationId, accountId],
  );
  return Boolean(rowCount);
}
