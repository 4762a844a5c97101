import type pg from 'pg';
import type { Enqueue, SqlExecutor } from '../../contracts/ports.js';
import { withTransaction } from '../db/pool.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { enforce } from '../http/rate-limit.js';
import { audit } from '../identity/audit.js';
import { sha256hex } from '../identity/tokens.js';
import { queueMail } from '../notify/mail.js';
import { requireAccountAccess, type LinkRole } from './access.js';
import { invitationCode, normaliseInvitationCode, shortName } from './rules.js';

/** The person's linked accounts with the one they chose as current (the first one when none was chosen). */
export async function listMyAccounts(db: SqlExecutor, personId: string) {
  const { rows } = await db.query(
    `SELECT a.id, a.number, a.unified_number, a.service_id, a.status, l.role, l.created_at AS linked_at,
            h.id AS house_id, h.full_address, p.id AS premise_id, p.number AS premise_number, o.id AS org_id, o.name AS org_name,
            pref.current_account_id
       FROM account_links l
       JOIN accounts a ON a.id = l.account_id
       JOIN houses h ON h.id = a.house_id
       JOIN organisations o ON o.id = a.organisation_id
       LEFT JOIN premises p ON p.id = a.premise_id
       LEFT JOIN person_account_preferences pref ON pref.person_id = l.person_id
      WHERE l.person_id = $1 AND l.revoked_at IS NULL
      ORDER BY l.created_at, a.number`,
    [personId],
  );
  const items = rows.map((r) => ({
    accountId: r.id as string,
    number: r.number as string,
    unifiedNumber: r.unified_number as string | null,
    serviceId: r.service_id as string | null,
    status: r.status as 'open' | 'closed',
    role: r.role as LinkRole,
    linkedAt: (r.linked_at as Date).toISOString(),
    house: { id: r.house_id as string, fullAddress: r.full_address as string },
    premise: r.premise_id ? { id: r.premise_id as string, number: r.premise_number as string } : null,
    organisation: { id: r.org_id as string, name: r.org_name as string },
  }));
  const chosen = rows[0]?.current_account_id as string | undefined;
  const currentAccountId = items.find((i) => i.accountId === chosen)?.accountId ?? items[0]?.accountId ?? null;
  return { currentAccountId, items };
}

export async function setCurrentAccount(db: SqlExecutor, personId: string, accountId: string) {
  await requireAccountAccess(db, personId, accountId);
  await db.query(
    `INSERT INTO person_account_preferences (person_id, current_account_id) VALUES ($1, $2)
     ON CONFLICT (person_id) DO UPDATE SET current_account_id = EXCLUDED.current_account_id, updated_at = now()`,
    [personId, accountId],
  );
  return { currentAccountId: accountId };
}

/** The person removes their own link; it stops working at once. */
export async function unlinkAccount(pool: pg.Pool, personId: string, accountId: string, ip?: string | null) {
  const access = await requireAccountAccess(pool, personId, accountId);
  await withTransaction(pool, async (tx) => {
    await tx.query(
      `UPDATE account_links SET revoked_at = now() WHERE account_id = $1 AND person_id = $2 AND revoked_at IS NULL`,
      [accountId, personId],
    );
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
  });
}

// Who may invite whom: owners anyone; co-owners tenants and delegates.
const MAY_INVITE: Record<LinkRole, ('co_owner' | 'tenant' | 'delegate')[]> = {
  owner: ['co_owner', 'tenant', 'delegate'],
  co_owner: ['tenant', 'delegate'],
  tenant: [],
  delegate: [],
  limited: [],
};

export async function createInvitation(
  pool: pg.Pool,
  enqueue: Enqueue,
  input: {
    personId: string;
    accountId: string;
    role: 'co_owner' | 'tenant' | 'delegate';
    email?: string;
    note?: string;
    days: number;
    publicUrl: string;
  },
) {
  const access = await requireAccountAccess(pool, input.personId, input.accountId, ['owner', 'co_owner']);
  if (!MAY_INVITE[access.role].includes(input.role))
    throw forbidden(`A ${access.role} may not invite a ${input.role}`, 'role_not_allowed');
  const code = invitationCode();
  const link = `${input.publicUrl}/invite/${encodeURIComponent(code)}`;
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `INSERT INTO account_invitations (account_id, role, code_hash, email, note, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING id, expires_at`,
      [
        input.accountId,
        input.role,
        sha256hex(normaliseInvitationCode(code)),
        input.email ?? null,
        input.note ?? null,
        input.personId,
        input.days,
      ],
    );
    await audit(tx, {
      actorType: 'person',
      actorId: input.personId,
      action: 'account.invitation_created',
      objectType: 'account',
      objectId: input.accountId,
      organisationId: access.organisationId,
      details: { invitationId: rows[0].id, role: input.role },
    });
    if (input.email) {
      await queueMail(tx, enqueue, {
        to: input.email,
        subject: 'Приглашение к лицевому счёту',
        text: `Вам открыт доступ к лицевому счёту ${access.number}. Перейдите по ссылке ${link} или введите код ${code} в разделе «Лицевые счета». Приглашение действует до ${(rows[0].expires_at as Date).toISOString().slice(0, 10)}.`,
      });
    }
    return {
      invitationId: rows[0].id as string,
      code,
      link,
      role: input.role,
      expiresAt: (rows[0].expires_at as Date).toISOString(),
    };
  });
}

// Guessing codes: a person gets this many tries an hour.
const ACCEPT_RATE = { limit: 20, windowSeconds: 3600 };

/** Accepts an invitation once: the code is claimed atomically, so a second use finds nothing. */
export async function acceptInvitation(pool: pg.Pool, personId: string, code: string, ip?: string | null) {
  await enforce(pool, `invite:accept:${personId}`, ACCEPT_RATE, 'Too many invitation codes tried; try again later');
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `SELECT i.id, i.account_id, i.role, i.created_by, a.organisation_id FROM account_invitations i JOIN accounts a ON a.id = i.account_id
        WHERE i.code_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() FOR UPDATE OF i`,
      [sha256hex(normaliseInvitationCode(code))],
    );
    const inv = rows[0];
    if (!inv) throw notFound('Invitation', 'invitation_not_found');
    const linked = await tx.query(
      `SELECT 1 FROM account_links WHERE account_id = $1 AND person_id = $2 AND revoked_at IS NULL`,
      [inv.account_id, personId],
    );
    if (linked.rowCount) throw conflict('already_linked', 'This account is already linked to you');
    await tx.query(`UPDATE account_invitations SET accepted_by = $2, accepted_at = now() WHERE id = $1`, [
      inv.id,
      personId,
    ]);
    const { rows: link } = await tx.query(
      `INSERT INTO account_links (account_id, person_id, role, granted_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [inv.account_id, personId, inv.role, inv.created_by],
    );
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
        linkId: link[0].id,
      },
    });
    return { accountId: inv.account_id as string, linkId: link[0].id as string, role: inv.role as LinkRole };
  });
}

/** Who holds access to the account and the invitations sent (owners and co-owners only). */
export async function listAccess(db: SqlExecutor, personId: string, accountId: string) {
  await requireAccountAccess(db, personId, accountId, ['owner', 'co_owner']);
  const { rows: links } = await db.query(
    `SELECT l.id, l.person_id, l.role, l.granted_by, l.created_at, p.last_name, p.first_name, p.middle_name
       FROM account_links l JOIN persons p ON p.id = l.person_id
      WHERE l.account_id = $1 AND l.revoked_at IS NULL ORDER BY l.created_at`,
    [accountId],
  );
  const { rows: invitations } = await db.query(
    `SELECT id, role, email, created_at, expires_at, accepted_at, revoked_at FROM account_invitations
      WHERE account_id = $1 ORDER BY created_at DESC LIMIT 100`,
    [accountId],
  );
  return {
    links: links.map((l) => ({
      linkId: l.id as string,
      personId: l.person_id as string,
      name: shortName(l.last_name, l.first_name, l.middle_name),
      role: l.role as LinkRole,
      grantedBy: l.granted_by as string | null,
      since: (l.created_at as Date).toISOString(),
      isYou: l.person_id === personId,
    })),
    invitations: invitations.map((i) => ({
      invitationId: i.id as string,
      role: i.role as 'co_owner' | 'tenant' | 'delegate',
      email: i.email as string | null,
      createdAt: (i.created_at as Date).toISOString(),
      expiresAt: (i.expires_at as Date).toISOString(),
      status: (i.accepted_at
        ? 'accepted'
        : i.revoked_at
          ? 'revoked'
          : i.expires_at <= new Date()
            ? 'expired'
            : 'pending') as 'accepted' | 'revoked' | 'expired' | 'pending',
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
export async function revokeAccess(
  pool: pg.Pool,
  personId: string,
  accountId: string,
  linkId: string,
  ip?: string | null,
) {
  const access = await requireAccountAccess(pool, personId, accountId, ['owner', 'co_owner']);
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `SELECT id, person_id, role FROM account_links WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL FOR UPDATE`,
      [linkId, accountId],
    );
    const link = rows[0];
    if (!link) throw notFound('Access');
    if (link.person_id === personId)
      throw conflict('revoke_self', 'Use DELETE /api/v1/me/accounts/{accountId} to unlink yourself');
    if (!MAY_REVOKE[access.role].includes(link.role))
      throw forbidden(`A ${access.role} may not revoke a ${link.role}`, 'role_not_allowed');
    await tx.query(`UPDATE account_links SET revoked_at = now() WHERE id = $1`, [linkId]);
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
  });
}

export async function revokeInvitation(pool: pg.Pool, personId: string, accountId: string, invitationId: string) {
  const access = await requireAccountAccess(pool, personId, accountId, ['owner', 'co_owner']);
  await withTransaction(pool, async (tx) => {
    const { rowCount } = await tx.query(
      `UPDATE account_invitations SET revoked_at = now() WHERE id = $1 AND account_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
      [invitationId, accountId],
    );
    if (!rowCount) throw notFound('Invitation', 'invitation_not_found');
    await audit(tx, {
      actorType: 'person',
      actorId: personId,
      action: 'account.invitation_revoked',
      objectType: 'account',
      objectId: accountId,
      organisationId: access.organisationId,
      details: { invitationId },
    });
  });
}
