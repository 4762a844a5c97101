import type { SqlExecutor } from '../../contracts/ports.js';
import { forbidden, notFound } from '../errors.js';

export type LinkRole = 'owner' | 'co_owner' | 'tenant' | 'delegate' | 'limited';

/** Every role but 'limited' (a surname proof not yet confirmed by a second factor). */
export const CONFIRMED_ROLES: LinkRole[] = ['owner', 'co_owner', 'tenant', 'delegate'];

export interface AccountAccess {
  accountId: string;
  role: LinkRole;
  organisationId: string;
  houseId: string;
  premiseId: string | null;
  number: string;
  timezone: string;
}

/**
 * The person's live link to the account, read on every request so that a revoked link stops
 * working at once. Unknown and foreign accounts answer the same 404, revealing nothing.
 */
export async function requireAccountAccess(
  db: SqlExecutor,
  personId: string,
  accountId: string,
  roles: LinkRole[] = [...CONFIRMED_ROLES, 'limited'],
): Promise<AccountAccess> {
  const { rows } = await db.query(
    `SELECT a.id, l.role, a.organisation_id, a.house_id, a.premise_id, a.number, h.timezone
       FROM account_links l
       JOIN accounts a ON a.id = l.account_id
       JOIN houses h ON h.id = a.house_id
      WHERE l.person_id = $1 AND l.account_id = $2::uuid AND l.revoked_at IS NULL`,
    [personId, /^[0-9a-f-]{36}$/i.test(accountId) ? accountId : '00000000-0000-0000-0000-000000000000'],
  );
  const r = rows[0];
  if (!r || !roles.includes(r.role)) throw notFound('Account');
  return {
    accountId: r.id,
    role: r.role,
    organisationId: r.organisation_id,
    houseId: r.house_id,
    premiseId: r.premise_id,
    number: r.number,
    timezone: r.timezone,
  };
}

/** A link confirmed beyond the surname proof (owner's rights: debt certificate, access list, invitations). */
export async function requireConfirmedAccess(db: SqlExecutor, personId: string, accountId: string, what: string) {
  const access = await requireAccountAccess(db, personId, accountId);
  if (access.role === 'limited') {
    throw forbidden(
      `${what} needs a confirmed link: confirm it with the code sent to the contact on file, or the organisation's approval`,
      'link_not_confirmed',
    );
  }
  return access;
}

/** Houses where the person holds a live link to some account (for house-wide news, requests, meetings). */
export async function linkedHouseIds(db: SqlExecutor, personId: string): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT DISTINCT a.house_id FROM account_links l JOIN accounts a ON a.id = l.account_id
      WHERE l.person_id = $1 AND l.revoked_at IS NULL`,
    [personId],
  );
  return rows.map((r) => r.house_id as string);
}

/** People holding a live link to some account of the organisation, with those accounts' numbers. */
export async function linkedPersonsOfOrganisation(db: SqlExecutor, organisationId: string, personId?: string) {
  const { rows } = await db.query(
    `SELECT l.person_id, array_agg(DISTINCT a.number ORDER BY a.number) AS numbers
       FROM account_links l JOIN accounts a ON a.id = l.account_id
      WHERE a.organisation_id = $1 AND l.revoked_at IS NULL AND ($2::uuid IS NULL OR l.person_id = $2)
      GROUP BY l.person_id`,
    [organisationId, personId ?? null],
  );
  return rows.map((r) => ({ personId: r.person_id as string, accountNumbers: r.numbers as string[] }));
}
