import type { LinkRole } from '../../contracts/accounts.js';
import type { SqlExecutor } from '../../contracts/ports.js';
import { forbidden, notFound } from '../errors.js';
import { findLiveAccess } from './links.repo.js';

// The access checks other modules call. They take the caller's SqlExecutor (pool or transaction).

export type { LinkRole };
export { linkedHouseIds, linkedPersonsOfOrganisation } from './links.repo.js';

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
  const r = await findLiveAccess(
    db,
    personId,
    /^[0-9a-f-]{36}$/i.test(accountId) ? accountId : '00000000-0000-0000-0000-000000000000',
  );
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
