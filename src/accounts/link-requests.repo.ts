import type { IdentifierKind, LinkRequestRole } from '../../contracts/accounts.js';
import type { Db } from '../db/pool.js';

// SQL of account_link_requests: one-time codes sent to the contact on file and requests waiting for the
// organisation. Addresses are joined in for display only; people's names and e-mail come from identity.

export interface NewLinkRequest {
  personId: string;
  houseId: string;
  accountId: string | null;
  identifierKind: IdentifierKind;
  identifier: string;
}

export async function insertCodeRequest(db: Db, r: NewLinkRequest, ttlMinutes: number) {
  const { rows } = await db.query<{ id: string; expires_at: Date }>(
    `INSERT INTO account_link_requests (person_id, house_id, account_id, identifier_kind, identifier, method, expires_at)
     VALUES ($1, $2, $3, $4, $5, 'code', now() + make_interval(mins => $6)) RETURNING id, expires_at`,
    [r.personId, r.houseId, r.accountId, r.identifierKind, r.identifier, ttlMinutes],
  );
  return rows[0]!;
}

export async function setCodeHash(db: Db, requestId: string, codeHash: string) {
  await db.query(`UPDATE account_link_requests SET code_hash = $2 WHERE id = $1`, [requestId, codeHash]);
}

export async function insertOrganisationRequest(db: Db, r: NewLinkRequest, ttlDays: number, comment: string | null) {
  const { rows } = await db.query<{ id: string; expires_at: Date }>(
    `INSERT INTO account_link_requests (person_id, house_id, account_id, identifier_kind, identifier, method, expires_at, comment)
     VALUES ($1, $2, $3, $4, $5, 'organisation', now() + make_interval(days => $6), $7) RETURNING id, expires_at`,
    [r.personId, r.houseId, r.accountId, r.identifierKind, r.identifier, ttlDays, comment],
  );
  return rows[0]!;
}

export interface CodeRequestRow {
  house_id: string;
  account_id: string | null;
  identifier_kind: IdentifierKind;
  identifier: string;
  status: string;
  expires_at: Date;
  attempts: number;
  code_hash: string | null;
  organisation_id: string | null;
}

/** The person's code request with the matched account's organisation. */
export async function findCodeRequest(db: Db, requestId: string, personId: string) {
  const { rows } = await db.query<CodeRequestRow>(
    `SELECT r.house_id, r.account_id, r.identifier_kind, r.identifier, r.status, r.expires_at, r.attempts, r.code_hash,
            a.organisation_id
       FROM account_link_requests r LEFT JOIN accounts a ON a.id = r.account_id
      WHERE r.id = $1 AND r.person_id = $2 AND r.method = 'code'`,
    [requestId, personId],
  );
  return rows[0];
}

export async function countCodeAttempt(db: Db, requestId: string) {
  await db.query(`UPDATE account_link_requests SET attempts = attempts + 1 WHERE id = $1`, [requestId]);
}

/** Marks a pending code request completed; false when another confirmation took it first. */
export async function completeCodeRequest(db: Db, requestId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE account_link_requests SET status = 'completed', decided_at = now() WHERE id = $1 AND status = 'pending'`,
    [requestId],
  );
  return Boolean(rowCount);
}

export interface PersonRequestRow {
  id: string;
  method: 'code' | 'organisation';
  identifier_kind: IdentifierKind;
  identifier: string;
  created_at: Date;
  expires_at: Date;
  decision_reason: string | null;
  full_address: string;
  shown_status: string;
}

export async function requestsOfPerson(db: Db, personId: string): Promise<PersonRequestRow[]> {
  const { rows } = await db.query<PersonRequestRow>(
    `SELECT r.id, r.method, r.identifier_kind, r.identifier, r.created_at, r.expires_at, r.decision_reason, h.full_address,
            CASE WHEN r.status = 'pending' AND r.expires_at <= now() THEN 'expired' ELSE r.status END AS shown_status
       FROM account_link_requests r JOIN registry_houses h ON h.id = r.house_id
      WHERE r.person_id = $1 ORDER BY r.created_at DESC LIMIT 100`,
    [personId],
  );
  return rows;
}

export interface OrganisationRequestRow {
  id: string;
  person_id: string;
  status: string;
  identifier_kind: IdentifierKind;
  identifier: string;
  account_id: string | null;
  comment: string | null;
  created_at: Date;
  expires_at: Date;
  house_id: string;
  full_address: string;
  account_number: string | null;
  premise: string | null;
  role: LinkRequestRole;
}

/** The organisation's requests oldest first (a queue), paged by (created_at, id); the cursor's time has JavaScript's milliseconds. */
export async function requestsForOrganisation(
  db: Db,
  organisationId: string,
  q: {
    status: string;
    houseId?: string;
    /** Staff limited to some houses see those only. */
    houseIds?: string[] | null;
    after?: { createdAt: string; id: string };
    limit: number;
  },
): Promise<OrganisationRequestRow[]> {
  const { rows } = await db.query<OrganisationRequestRow>(
    `SELECT r.id, r.person_id, r.status, r.identifier_kind, r.identifier, r.account_id, r.comment, r.created_at,
            r.expires_at, h.id AS house_id, h.full_address, a.number AS account_number, p.number AS premise,
            r.role
       FROM account_link_requests r
       JOIN registry_houses h ON h.id = r.house_id AND h.organisation_id = $1
       LEFT JOIN accounts a ON a.id = r.account_id
       LEFT JOIN registry_premises p ON p.id = a.premise_id
      WHERE r.method = 'organisation' AND r.status = $2 AND ($2 <> 'pending' OR r.expires_at > now())
        AND ($3::uuid IS NULL OR r.house_id = $3)
        AND ($4::timestamptz IS NULL OR (date_trunc('milliseconds', r.created_at), r.id) > ($4::timestamptz, $5::uuid))
        AND ($7::uuid[] IS NULL OR r.house_id = ANY ($7))
      ORDER BY date_trunc('milliseconds', r.created_at), r.id LIMIT $6`,
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

export interface DecidableRequestRow {
  person_id: string;
  house_id: string;
  account_id: string | null;
  identifier: string;
  status: string;
  expires_at: Date;
  role: LinkRequestRole;
}

/** An organisation request in one of the organisation's houses, locked. */
export async function lockOrganisationRequest(db: Db, requestId: string, organisationId: string) {
  const { rows } = await db.query<DecidableRequestRow>(
    `SELECT r.person_id, r.house_id, r.account_id, r.identifier, r.status, r.expires_at, r.role
       FROM account_link_requests r JOIN registry_houses h ON h.id = r.house_id AND h.organisation_id = $2
      WHERE r.id = $1 AND r.method = 'organisation' FOR UPDATE OF r`,
    [requestId, organisationId],
  );
  return rows[0];
}

export async function approveRequest(
  db: Db,
  requestId: string,
  accountId: string,
  role: LinkRequestRole,
  decidedBy: string,
) {
  await db.query(
    `UPDATE account_link_requests SET status = 'approved', account_id = $2, role = $3, decided_by = $4, decided_at = now() WHERE id = $1`,
    [requestId, accountId, role, decidedBy],
  );
}

export async function rejectRequest(db: Db, requestId: string, decidedBy: string, reason: string) {
  await db.query(
    `UPDATE account_link_requests SET status = 'rejected', decided_by = $2, decided_at = now(), decision_reason = $3 WHERE id = $1`,
    [requestId, decidedBy, reason],
  );
}

/** Live link requests waiting for the organisation's decision (account_link_requests_house_idx). */
export async function countPendingOrganisationRequests(db: Db, organisationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM account_link_requests r JOIN registry_houses h ON h.id = r.house_id
      WHERE h.organisation_id = $1 AND r.method = 'organisation' AND r.status = 'pending' AND r.expires_at > now()`,
    [organisationId],
  );
  return rows[0]!.n;
}
