import type { InvitedRole, LinkRole } from '../../contracts/accounts.js';
import type { Enqueue } from '../../contracts/ports.js';
import type { Db } from '../db/pool.js';
import { type AppError, conflict, forbidden, notFound } from '../errors.js';
import { enforce } from '../http/rate-limit.js';
import { audit } from '../identity/audit.js';
import { personContacts } from '../identity/persons.repo.js';
import { sha256hex } from '../identity/tokens.js';
import { queueMail } from '../notify/mail.js';
import { requireAccountAccess } from './access.js';
import { ownerNames } from './accounts.repo.js';
import {
  type InvitationRow,
  insertInvitation,
  invitationsOfAccount,
  lockOpenInvitation,
  markAccepted,
  revokeOpenInvitation,
} from './invitations.repo.js';
import {
  accountsOfPerson,
  hasLiveLink,
  insertLink,
  liveLinksOfAccount,
  lockLinkOfAccount,
  revokeLink,
  revokePersonLinks,
  saveCurrentAccount,
} from './links.repo.js';
import { invitationCode, normaliseInvitationCode, shortName } from './rules.js';

/** The person's linked accounts with the one they chose as current (the first one when none was chosen). */
export async function listMyAccounts(db: Db, personId: string) {
  const rows = await accountsOfPerson(db, personId);
  const items = rows.map((r) => ({
    accountId: r.id,
    number: r.number,
    unifiedNumber: r.unified_number,
    serviceId: r.service_id,
    status: r.status,
    role: r.role,
    linkedAt: r.linked_at.toISOString(),
    house: { id: r.house_id, fullAddress: r.full_address },
    premise: r.premise_id !== null && r.premise_number !== null ? { id: r.premise_id, number: r.premise_number } : null,
    organisation: { id: r.org_id, name: r.org_name },
  }));
  const chosen = rows[0]?.current_account_id;
  const currentAccountId = items.find((i) => i.accountId === chosen)?.accountId ?? items[0]?.accountId ?? null;
  return { currentAccountId, items };
}

/** One of the person's accounts with its owners as shown to its holders. */
export async function myAccount(db: Db, personId: string, accountId: string) {
  await requireAccountAccess(db, personId, accountId);
  const mine = (await listMyAccounts(db, personId)).items.find((a) => a.accountId === accountId);
  if (!mine) throw notFound('Account');
  const owners = await ownerNames(db, accountId);
  return {
    ...mine,
    owners: owners.map((o) => ({
      name: shortName(o.last_name, o.first_name, o.middle_name),
      share: `${o.share_numerator}/${o.share_denominator}`,
    })),
  };
}

export async function setCurrentAccount(tx: Db, personId: string, accountId: string) {
  await requireAccountAccess(tx, personId, accountId);
  await saveCurrentAccount(tx, personId, accountId);
  return { currentAccountId: accountId };
}

/** The person removes their own link; it stops working at once. */
export async function unlinkAccount(tx: Db, personId: string, accountId: string, ip?: string | null) {
  const access = await requireAccountAccess(tx, personId, accountId);
  await revokePersonLinks(tx, accountId, personId);
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'account.unlinked',
    objectType: 'account',
    objectId: accountId,
    organisationId: access.organisationId,
    ip: ip ?? null,
    details: { role: access.role },
  });
}

// Who may invite whom: owners anyone; co-owners tenants and delegates.
const MAY_INVITE: Record<LinkRole, InvitedRole[]> = {
  owner: ['co_owner', 'tenant', 'delegate'],
  co_owner: ['tenant', 'delegate'],
  tenant: [],
  delegate: [],
  limited: [],
};

export async function createInvitation(
  tx: Db,
  enqueue: Enqueue,
  input: {
    personId: string;
    accountId: string;
    role: InvitedRole;
    email?: string;
    note?: string;
    days: number;
    publicUrl: string;
  },
) {
  const access = await requireAccountAccess(tx, input.personId, input.accountId, ['owner', 'co_owner']);
  if (!MAY_INVITE[access.role].includes(input.role))
    throw forbidden(`A ${access.role} may not invite a ${input.role}`, 'role_not_allowed');
  const code = invitationCode();
  const link = `${input.publicUrl}/invite/${encodeURIComponent(code)}`;
  const invitation = await insertInvitation(tx, {
    accountId: input.accountId,
    role: input.role,
    codeHash: sha256hex(normaliseInvitationCode(code)),
    email: input.email ?? null,
    note: input.note ?? null,
    createdBy: input.personId,
    days: input.days,
  });
  await audit(tx, {
    actorType: 'person',
    actorId: input.personId,
    action: 'account.invitation_created',
    objectType: 'account',
    objectId: input.accountId,
    organisationId: access.organisationId,
    details: { invitationId: invitation.id, role: input.role },
  });
  if (input.email) {
    await queueMail(tx, enqueue, {
      to: input.email,
      subject: 'Приглашение к лицевому счёту',
      text: `Вам открыт доступ к лицевому счёту ${access.number}. Перейдите по ссылке ${link} или введите код ${code} в разделе «Лицевые счета». Приглашение действует до ${invitation.expires_at.toISOString().slice(0, 10)}.`,
    });
  }
  return {
    invitationId: invitation.id,
    code,
    link,
    role: input.role,
    expiresAt: invitation.expires_at.toISOString(),
  };
}

// Guessing codes: a person gets this many tries an hour.
const ACCEPT_RATE = { limit: 20, windowSeconds: 3600 };

/**
 * Accepts an invitation once: the code is claimed under a lock, so a second use finds nothing. A
 * refusal is returned, not thrown, so the caller commits the counted try and then throws it.
 */
export async function acceptInvitation(
  tx: Db,
  personId: string,
  code: string,
  ip?: string | null,
): Promise<
  { ok: true; accepted: { accountId: string; linkId: string; role: LinkRole } } | { ok: false; error: AppError }
> {
  await enforce(tx, `invite:accept:${personId}`, ACCEPT_RATE, 'Too many invitation codes tried; try again later');
  const inv = await lockOpenInvitation(tx, sha256hex(normaliseInvitationCode(code)));
  if (!inv) return { ok: false, error: notFound('Invitation', 'invitation_not_found') };
  if (await hasLiveLink(tx, inv.account_id, personId))
    return { ok: false, error: conflict('already_linked', 'This account is already linked to you') };
  await markAccepted(tx, inv.id, personId);
  const linkId = await insertLink(tx, {
    accountId: inv.account_id,
    personId,
    role: inv.role,
    grantedBy: inv.created_by,
  });
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'account.linked',
    objectType: 'account',
    objectId: inv.account_id,
    organisationId: inv.organisation_id,
    ip: ip ?? null,
    details: {
      method: 'invitation',
      invitationId: inv.id,
      role: inv.role,
      grantedBy: inv.created_by,
      linkId,
    },
  });
  return { ok: true, accepted: { accountId: inv.account_id, linkId, role: inv.role } };
}

const invitationStatus = (i: InvitationRow): 'accepted' | 'revoked' | 'expired' | 'pending' =>
  i.accepted_at ? 'accepted' : i.revoked_at ? 'revoked' : i.expires_at <= new Date() ? 'expired' : 'pending';

/** Who holds access to the account and the invitations sent (owners and co-owners only). */
export async function listAccess(db: Db, personId: string, accountId: string) {
  await requireAccountAccess(db, personId, accountId, ['owner', 'co_owner']);
  const links = await liveLinksOfAccount(db, accountId);
  const people = await personContacts(
    db,
    links.map((l) => l.person_id),
  );
  const invitations = await invitationsOfAccount(db, accountId);
  return {
    links: links.map((l) => ({
      linkId: l.id,
      personId: l.person_id,
      name: shortName(
        people.get(l.person_id)?.lastName ?? null,
        people.get(l.person_id)?.firstName ?? null,
        people.get(l.person_id)?.middleName ?? null,
      ),
      role: l.role,
      grantedBy: l.granted_by,
      since: l.created_at.toISOString(),
      isYou: l.person_id === personId,
    })),
    invitations: invitations.map((i) => ({
      invitationId: i.id,
      role: i.role,
      email: i.email,
      createdAt: i.created_at.toISOString(),
      expiresAt: i.expires_at.toISOString(),
      status: invitationStatus(i),
    })),
  };
}

// Whose access a holder may take away: owners every co-owner, tenant and delegate; co-owners tenants and delegates;
// both any unconfirmed (limited) link, which may be someone using the owner's details.
const MAY_REVOKE: Record<LinkRole, LinkRole[]> = {
  owner: ['co_owner', 'tenant', 'delegate', 'limited'],
  co_owner: ['tenant', 'delegate', 'limited'],
  tenant: [],
  delegate: [],
  limited: [],
};

/** Revokes another person's link; their next request no longer finds the account. */
export async function revokeAccess(tx: Db, personId: string, accountId: string, linkId: string, ip?: string | null) {
  const access = await requireAccountAccess(tx, personId, accountId, ['owner', 'co_owner']);
  const link = await lockLinkOfAccount(tx, linkId, accountId);
  if (!link) throw notFound('Access');
  if (link.person_id === personId)
    throw conflict('revoke_self', 'Use DELETE /api/v1/me/accounts/{accountId} to unlink yourself');
  if (!MAY_REVOKE[access.role].includes(link.role))
    throw forbidden(`A ${access.role} may not revoke a ${link.role}`, 'role_not_allowed');
  await revokeLink(tx, linkId);
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'account.access_revoked',
    objectType: 'account',
    objectId: accountId,
    organisationId: access.organisationId,
    ip: ip ?? null,
    details: { linkId, personId: link.person_id, role: link.role },
  });
}

export async function revokeInvitation(tx: Db, personId: string, accountId: string, invitationId: string) {
  const access = await requireAccountAccess(tx, personId, accountId, ['owner', 'co_owner']);
  if (!(await revokeOpenInvitation(tx, invitationId, accountId))) throw notFound('Invitation', 'invitation_not_found');
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'account.invitation_revoked',
    objectType: 'account',
    objectId: accountId,
    organisationId: access.organisationId,
    details: { invitationId },
  });
}
