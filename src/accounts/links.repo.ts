import type { LinkRole } from '../../contracts/accounts.js';
import type { SqlExecutor } from '../../contracts/ports.js';
import type { Db } from '../db/pool.js';

// SQL of account_links (who may act on an account) and person_account_preferences (the current account).
// Addresses and organisation names are joined in for display only; people's names and addresses come
// from identity. The reads other
// modules call take their SqlExecutor.

export interface AccessRow {
  id: string;
  role: LinkRole;
  organisation_id: string;
  house_id: string;
  premise_id: string | null;
  number: string;
  timezone: string;
}

/** The person's live link to the account, with what access checks need. */
export async function findLiveAccess(
  db: SqlExecutor,
  personId: string,
  accountId: string,
): Promise<AccessRow | undefined> {
  const { rows } = await db.query<AccessRow>(
    `SELECT a.id, l.role, a.organisation_id, a.house_id, a.premise_id, a.number, h.timezone
       FROM account_links l
       JOIN accounts a ON a.id = l.account_id
       JOIN registry_houses h ON h.id = a.house_id
      WHERE l.person_id = $1 AND l.account_id = $2::uuid AND l.revoked_at IS NULL`,
    [personId, accountId],
  );
  return rows[0];
}

/** The accounts the person holds a live link to (a resident's charges and balance). */
export async function linkedAccountIds(db: SqlExecutor, personId: string): Promise<string[]> {
  const { rows } = await db.query<{ account_id: string }>(
    `SELECT DISTINCT l.account_id FROM account_links l WHERE l.person_id = $1 AND l.revoked_at IS NULL`,
    [personId],
  );
  return rows.map((r) => r.account_id);
}

/** Houses where the person holds a live link to some account (for house-wide news, requests, meetings). */
export async function linkedHouseIds(db: SqlExecutor, personId: string): Promise<string[]> {
  const { rows } = await db.query<{ house_id: string }>(
    `SELECT DISTINCT a.house_id FROM account_links l JOIN accounts a ON a.id = l.account_id
      WHERE l.person_id = $1 AND l.revoked_at IS NULL`,
    [personId],
  );
  return rows.map((r) => r.house_id);
}

/** People holding a live link to some account of the organisation, with those accounts' numbers. */
export async function linkedPersonsOfOrganisation(db: SqlExecutor, organisationId: string, personId?: string) {
  const { rows } = await db.query<{ person_id: string; numbers: string[] }>(
    `SELECT l.person_id, array_agg(DISTINCT a.number ORDER BY a.number) AS numbers
       FROM account_links l JOIN accounts a ON a.id = l.account_id
      WHERE a.organisation_id = $1 AND l.revoked_at IS NULL AND ($2::uuid IS NULL OR l.person_id = $2)
      GROUP BY l.person_id`,
    [organisationId, personId ?? null],
  );
  return rows.map((r) => ({ personId: r.person_id, accountNumbers: r.numbers }));
}

export interface MyAccountRow {
  id: string;
  number: string;
  unified_number: string | null;
  service_id: string | null;
  status: 'open' | 'closed';
  role: LinkRole;
  linked_at: Date;
  house_id: string;
  full_address: string;
  premise_id: string | null;
  premise_number: string | null;
  org_id: string;
  org_name: string;
  current_account_id: string | null;
}

export async function accountsOfPerson(db: Db, personId: string): Promise<MyAccountRow[]> {
  const { rows } = await db.query<MyAccountRow>(
    `SELECT a.id, a.number, a.unified_number, a.service_id, a.status, l.role, l.created_at AS linked_at,
            h.id AS house_id, h.full_address, p.id AS premise_id, p.number AS premise_number, o.id AS org_id, o.name AS org_name,
            pref.current_account_id
       FROM account_links l
       JOIN accounts a ON a.id = l.account_id
       JOIN registry_houses h ON h.id = a.house_id
       JOIN registry_organisations o ON o.id = a.organisation_id
       LEFT JOIN registry_premises p ON p.id = a.premise_id
       LEFT JOIN person_account_preferences pref ON pref.person_id = l.person_id
      WHERE l.person_id = $1 AND l.revoked_at IS NULL
      ORDER BY l.created_at, a.number`,
    [personId],
  );
  return rows;
}

export async function saveCurrentAccount(db: Db, personId: string, accountId: string) {
  await db.query(
    `INSERT INTO person_account_preferences (person_id, current_account_id) VALUES ($1, $2)
     ON CONFLICT (person_id) DO UPDATE SET current_account_id = EXCLUDED.current_account_id, updated_at = now()`,
    [personId, accountId],
  );
}

/** The person's live link to the account, locked until the transaction ends. */
export async function lockLiveLink(db: Db, accountId: string, personId: string) {
  const { rows } = await db.query<{ id: string; role: LinkRole }>(
    `SELECT id, role FROM account_links WHERE account_id = $1 AND person_id = $2 AND revoked_at IS NULL FOR UPDATE`,
    [accountId, personId],
  );
  return rows[0];
}

export async function hasLiveLink(db: Db, accountId: string, personId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM account_links WHERE account_id = $1 AND person_id = $2 AND revoked_at IS NULL`,
    [accountId, personId],
  );
  return Boolean(rowCount);
}

export async function setLinkRole(db: Db, linkId: string, role: LinkRole) {
  const { rows } = await db.query<{ id: string }>(`UPDATE account_links SET role = $2 WHERE id = $1 RETURNING id`, [
    linkId,
    role,
  ]);
  return rows[0]!.id;
}

export async function insertLink(
  db: Db,
  link: { accountId: string; personId: string; role: LinkRole; grantedBy: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO account_links (account_id, person_id, role, granted_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [link.accountId, link.personId, link.role, link.grantedBy],
  );
  return rows[0]!.id;
}

/** The other live holders of the account, with its number. */
export async function otherHolders(db: Db, accountId: string, personId: string) {
  const { rows } = await db.query<{ person_id: string; number: string }>(
    `SELECT l.person_id, a.number FROM account_links l JOIN accounts a ON a.id = l.account_id
      WHERE l.account_id = $1 AND l.person_id <> $2 AND l.revoked_at IS NULL`,
    [accountId, personId],
  );
  return rows;
}

/** Ends the person's live links to the account; returns the ids of the links ended. */
export async function revokePersonLinks(db: SqlExecutor, accountId: string, personId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE account_links SET revoked_at = now() WHERE account_id = $1 AND person_id = $2 AND revoked_at IS NULL RETURNING id`,
    [accountId, personId],
  );
  return rows.map((r) => r.id);
}

/** A live link of the account by its id, locked until the transaction ends. */
export async function lockLinkOfAccount(db: Db, linkId: string, accountId: string) {
  const { rows } = await db.query<{ id: string; person_id: string; role: LinkRole }>(
    `SELECT id, person_id, role FROM account_links WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL FOR UPDATE`,
    [linkId, accountId],
  );
  return rows[0];
}

export async function revokeLink(db: Db, linkId: string) {
  await db.query(`UPDATE account_links SET revoked_at = now() WHERE id = $1`, [linkId]);
}

export interface HolderRow {
  id: string;
  person_id: string;
  role: LinkRole;
  granted_by: string | null;
  created_at: Date;
}

export async function liveLinksOfAccount(db: Db, accountId: string): Promise<HolderRow[]> {
  const { rows } = await db.query<HolderRow>(
    `SELECT l.id, l.person_id, l.role, l.granted_by, l.created_at FROM account_links l
      WHERE l.account_id = $1 AND l.revoked_at IS NULL ORDER BY l.created_at`,
    [accountId],
  );
  return rows;
}

/** People with a live link to an account in any of the houses: the residents a notice is for. */
export async function residentsOfHouses(db: SqlExecutor, houseIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ person_id: string }>(
    `SELECT DISTINCT l.person_id FROM account_links l JOIN accounts a ON a.id = l.account_id
      WHERE a.house_id = ANY($1::uuid[]) AND l.revoked_at IS NULL`,
    [houseIds],
  );
  return rows.map((r) => r.person_id);
}
