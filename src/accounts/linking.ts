import type pg from 'pg';
import type { Enqueue, SqlExecutor } from '../../contracts/ports.js';
import { withTransaction } from '../db/pool.js';
import { AppError, conflict, notFound, ruleViolated } from '../errors.js';
import { enforce, hit, peek, reset } from '../http/rate-limit.js';
import { audit } from '../identity/audit.js';
import { safeEqualHex, sha256hex } from '../identity/tokens.js';
import { queueMail } from '../notify/mail.js';
import type { LinkRole } from './access.js';
import { oneTimeCode, surnameMatches } from './rules.js';

export type IdentifierKind = 'number' | 'unified_number' | 'service_id';

export interface LinkAttempt {
  personId: string;
  houseId: string;
  identifier: { kind: IdentifierKind; value: string };
  ip?: string | null;
}

export interface LinkingPolicy {
  maxFailures: number;
  lockoutMinutes: number;
}

// Attempts of any outcome per person, so numbers cannot be enumerated. Nothing is counted per entered
// account alone: a stranger's attempts on an account must not lock its real owner out.
const ATTEMPTS_PER_PERSON = { limit: 30, windowSeconds: 3600 };
const CODE_TTL_MINUTES = 15;
const CODE_MAX_ATTEMPTS = 5;
const ORG_REQUEST_TTL_DAYS = 30;

/** The one answer for an unknown account and for a wrong proof: same status, code and text. */
export const noMatch = () => new AppError(404, 'account_not_found', 'No account matches these details');

const accountKey = (a: LinkAttempt) => `${a.houseId}:${a.identifier.kind}:${a.identifier.value.trim().toUpperCase()}`;
// Failed proofs lock the person, and the person on the account entered; never the account for everyone.
const failKeys = (a: LinkAttempt) => [
  `link:fail:person:${a.personId}`,
  `link:fail:person-account:${a.personId}:${accountKey(a)}`,
];

/**
 * Refuses while the person, or the account details entered, are locked out after repeated failed
 * proofs, and counts the attempt. The lock key is built from what was entered, not from a found
 * account, so unknown accounts lock the same way.
 */
async function admit(db: SqlExecutor, a: LinkAttempt, policy: LinkingPolicy) {
  const house = await db.query(`SELECT 1 FROM houses WHERE id = $1`, [a.houseId]);
  if (!house.rowCount) throw notFound('House', 'house_not_found');
  const window = { limit: policy.maxFailures, windowSeconds: policy.lockoutMinutes * 60 };
  for (const key of failKeys(a)) {
    if ((await peek(db, key, window)) >= policy.maxFailures) {
      throw new AppError(429, 'link_locked', 'Too many failed attempts; linking is locked for a while', undefined, {
        retryAfter: policy.lockoutMinutes * 60,
      });
    }
  }
  await enforce(db, `link:try:person:${a.personId}`, ATTEMPTS_PER_PERSON, 'Too many linking attempts; try again later');
}

async function recordFailure(db: SqlExecutor, a: LinkAttempt, policy: LinkingPolicy, method: string) {
  const window = { limit: policy.maxFailures, windowSeconds: policy.lockoutMinutes * 60 };
  for (const key of failKeys(a)) await hit(db, key, window);
  await audit(db, {
    actorType: 'person',
    actorId: a.personId,
    action: 'account.link_failed',
    objectType: 'house',
    objectId: a.houseId,
    ip: a.ip ?? null,
    details: { method, identifierKind: a.identifier.kind },
  });
}

interface FoundAccount {
  id: string;
  organisationId: string;
  contactEmail: string | null;
  owners: string[];
}

/** The account at the house with the entered identifier, with its owners' surnames: one query either way. */
async function findAccount(db: SqlExecutor, a: LinkAttempt): Promise<FoundAccount | null> {
  const column = { number: 'number', unified_number: 'unified_number', service_id: 'service_id' }[a.identifier.kind];
  const { rows } = await db.query(
    `SELECT a.id, a.organisation_id, a.contact_email,
            coalesce(array_agg(o.last_name) FILTER (WHERE o.id IS NOT NULL), '{}') AS owners
       FROM accounts a LEFT JOIN account_owners o ON o.account_id = a.id
      WHERE a.house_id = $1 AND upper(a.${column}) = upper($2)
      GROUP BY a.id LIMIT 1`,
    [a.houseId, a.identifier.value.trim()],
  );
  const r = rows[0];
  return r ? { id: r.id, organisationId: r.organisation_id, contactEmail: r.contact_email, owners: r.owners } : null;
}

/**
 * Links the person, or confirms their limited link (a second factor after the surname), and tells the
 * account's other holders.
 */
async function insertLink(
  tx: SqlExecutor,
  enqueue: Enqueue,
  input: {
    accountId: string;
    personId: string;
    role: string;
    grantedBy?: string | null;
    method: string;
    organisationId: string;
    ip?: string | null;
    actor?: { type: 'person' | 'api_client'; id: string };
  },
) {
  const existing: { rows: { id: string; role: string }[] } = await tx.query(
    `SELECT id, role FROM account_links WHERE account_id = $1 AND person_id = $2 AND revoked_at IS NULL FOR UPDATE`,
    [input.accountId, input.personId],
  );
  const prior = existing.rows[0];
  if (prior && (prior.role !== 'limited' || input.role === 'limited'))
    throw conflict('already_linked', 'This account is already linked to you');
  const { rows } = prior
    ? await tx.query(`UPDATE account_links SET role = $2 WHERE id = $1 RETURNING id, created_at`, [
        prior.id,
        input.role,
      ])
    : await tx.query(
        `INSERT INTO account_links (account_id, person_id, role, granted_by) VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
        [input.accountId, input.personId, input.role, input.grantedBy ?? null],
      );
  await audit(tx, {
    actorType: input.actor?.type ?? 'person',
    actorId: input.actor?.id ?? input.personId,
    action: prior ? 'account.link_confirmed' : 'account.linked',
    objectType: 'account',
    objectId: input.accountId,
    organisationId: input.organisationId,
    ip: input.ip ?? null,
    details: { method: input.method, role: input.role, personId: input.personId, linkId: rows[0].id },
  });
  await notifyHolders(tx, enqueue, {
    accountId: input.accountId,
    personId: input.personId,
    role: input.role,
    confirmed: Boolean(prior),
  });
  return { linkId: rows[0].id as string, role: input.role as LinkRole };
}

const ROLE_NAMES: Record<string, string> = {
  owner: 'собственник',
  co_owner: 'сособственник',
  tenant: 'наниматель',
  delegate: 'доверенное лицо',
  limited: 'ограниченный доступ до подтверждения',
};

/**
 * Mails every other live holder of the account (with an address) about a new or confirmed link, so a
 * link made with someone else's details does not go unnoticed. Holders revoke it in the access list.
 */
export async function notifyHolders(
  tx: SqlExecutor,
  enqueue: Enqueue,
  link: { accountId: string; personId: string; role: string; confirmed?: boolean },
) {
  const { rows }: { rows: { email: string; number: string; name: string }[] } = await tx.query(
    `SELECT p.email, a.number,
            (SELECT concat_ws(' ', n.last_name, left(n.first_name, 1) || '.') FROM persons n WHERE n.id = $2) AS name
       FROM account_links l JOIN persons p ON p.id = l.person_id JOIN accounts a ON a.id = l.account_id
      WHERE l.account_id = $1 AND l.person_id <> $2 AND l.revoked_at IS NULL AND p.email IS NOT NULL`,
    [link.accountId, link.personId],
  );
  for (const r of rows) {
    await queueMail(tx, enqueue, {
      to: r.email,
      subject: `Новый доступ к лицевому счёту ${r.number}`,
      text:
        `${link.confirmed ? 'Подтверждён' : 'Открыт'} доступ к лицевому счёту ${r.number}: ${r.name || 'пользователь'}, ` +
        `роль — ${ROLE_NAMES[link.role] ?? link.role}.\nЕсли вы не знаете этого человека, отзовите доступ в разделе ` +
        '«Доступ к счёту» личного кабинета и сообщите в управляющую организацию.',
    });
  }
}

/**
 * Proof by the owner's surname as recorded on the account. Surnames per flat are printed in meeting
 * protocols and account numbers on paper bills, so this gives a 'limited' link only; the code to the
 * contact on file or the organisation's approval makes it an owner's.
 */
export async function linkBySurname(
  pool: pg.Pool,
  enqueue: Enqueue,
  a: LinkAttempt,
  surname: string,
  policy: LinkingPolicy,
) {
  await admit(pool, a, policy);
  const account = await findAccount(pool, a);
  // The comparison runs (against a placeholder) even when no account was found, to keep timing alike.
  const ok = surnameMatches(surname, account?.owners ?? []) && account !== null;
  if (!ok || !account) {
    await recordFailure(pool, a, policy, 'surname');
    throw noMatch();
  }
  const link = await withTransaction(pool, (tx) =>
    insertLink(tx, enqueue, {
      accountId: account.id,
      personId: a.personId,
      role: 'limited',
      method: 'surname',
      organisationId: account.organisationId,
      ip: a.ip,
    }),
  );
  await reset(pool, failKeys(a)[0]!);
  return { accountId: account.id, ...link };
}

/**
 * Proof by a one-time code: a request is recorded whether or not the account exists, and the code is
 * mailed only to the contact on file, so the answer reveals nothing about the account.
 */
export async function requestLinkCode(pool: pg.Pool, enqueue: Enqueue, a: LinkAttempt, policy: LinkingPolicy) {
  await admit(pool, a, policy);
  const account = await findAccount(pool, a);
  const code = oneTimeCode();
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `INSERT INTO account_link_requests (person_id, house_id, account_id, identifier_kind, identifier, method, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'code', now() + make_interval(mins => $6)) RETURNING id, expires_at`,
      [a.personId, a.houseId, account?.id ?? null, a.identifier.kind, a.identifier.value.trim(), CODE_TTL_MINUTES],
    );
    const id = rows[0].id as string;
    await tx.query(`UPDATE account_link_requests SET code_hash = $2 WHERE id = $1`, [id, sha256hex(`${id}:${code}`)]);
    if (account?.contactEmail) {
      await queueMail(tx, enqueue, {
        to: account.contactEmail,
        subject: 'Код для привязки лицевого счёта',
        text: `Код для привязки лицевого счёта в domhub: ${code}\nКод действует ${CODE_TTL_MINUTES} минут. Если вы не запрашивали код, просто проигнорируйте это письмо.`,
      });
    }
    return { requestId: id, expiresAt: (rows[0].expires_at as Date).toISOString() };
  });
}

/** Confirms a code request: a wrong, expired or used-up code gets one answer; five tries per code. */
export async function confirmLinkCode(
  pool: pg.Pool,
  enqueue: Enqueue,
  personId: string,
  requestId: string,
  code: string,
  policy: LinkingPolicy,
  ip?: string | null,
) {
  const { rows } = await pool.query(
    `SELECT r.*, a.organisation_id FROM account_link_requests r LEFT JOIN accounts a ON a.id = r.account_id
      WHERE r.id = $1 AND r.person_id = $2 AND r.method = 'code'`,
    [requestId, personId],
  );
  const r = rows[0];
  if (!r) throw notFound('Link request');
  const attempt: LinkAttempt = {
    personId,
    houseId: r.house_id,
    identifier: { kind: r.identifier_kind, value: r.identifier },
    ip,
  };
  await admit(pool, attempt, policy);
  const usable = r.status === 'pending' && r.expires_at > new Date() && r.attempts < CODE_MAX_ATTEMPTS;
  const matches = safeEqualHex(sha256hex(`${requestId}:${code}`), r.code_hash ?? '');
  if (!usable || !matches || !r.account_id) {
    await pool.query(`UPDATE account_link_requests SET attempts = attempts + 1 WHERE id = $1`, [requestId]);
    await recordFailure(pool, attempt, policy, 'code');
    throw ruleViolated('code_invalid', 'The code is wrong, expired or used up; request a new one');
  }
  const link = await withTransaction(pool, async (tx) => {
    const claimed = await tx.query(
      `UPDATE account_link_requests SET status = 'completed', decided_at = now() WHERE id = $1 AND status = 'pending'`,
      [requestId],
    );
    if (!claimed.rowCount)
      throw ruleViolated('code_invalid', 'The code is wrong, expired or used up; request a new one');
    return insertLink(tx, enqueue, {
      accountId: r.account_id,
      personId,
      role: 'owner',
      method: 'code',
      organisationId: r.organisation_id,
      ip,
    });
  });
  await reset(pool, failKeys(attempt)[0]!);
  return { accountId: r.account_id as string, ...link };
}

/** Proof by the organisation: a request it approves or rejects. Recorded whether or not the account exists. */
export async function requestOrganisationApproval(
  pool: pg.Pool,
  a: LinkAttempt,
  comment: string | undefined,
  policy: LinkingPolicy,
) {
  await admit(pool, a, policy);
  const account = await findAccount(pool, a);
  const { rows } = await pool.query(
    `INSERT INTO account_link_requests (person_id, house_id, account_id, identifier_kind, identifier, method, expires_at, comment)
     VALUES ($1, $2, $3, $4, $5, 'organisation', now() + make_interval(days => $6), $7) RETURNING id, expires_at`,
    [
      a.personId,
      a.houseId,
      account?.id ?? null,
      a.identifier.kind,
      a.identifier.value.trim(),
      ORG_REQUEST_TTL_DAYS,
      comment ?? null,
    ],
  );
  return { requestId: rows[0].id as string, expiresAt: (rows[0].expires_at as Date).toISOString() };
}

export async function listPersonLinkRequests(db: SqlExecutor, personId: string) {
  const { rows } = await db.query(
    `SELECT r.id, r.method, r.status, r.identifier_kind, r.identifier, r.created_at, r.expires_at, r.decision_reason, h.full_address,
            CASE WHEN r.status = 'pending' AND r.expires_at <= now() THEN 'expired' ELSE r.status END AS shown_status
       FROM account_link_requests r JOIN houses h ON h.id = r.house_id
      WHERE r.person_id = $1 ORDER BY r.created_at DESC LIMIT 100`,
    [personId],
  );
  return rows.map((r) => ({
    requestId: r.id as string,
    method: r.method as 'code' | 'organisation',
    status: r.shown_status as string,
    identifierKind: r.identifier_kind as IdentifierKind,
    identifier: r.identifier as string,
    address: r.full_address as string,
    createdAt: (r.created_at as Date).toISOString(),
    expiresAt: (r.expires_at as Date).toISOString(),
    decisionReason: r.decision_reason as string | null,
  }));
}

export async function listOrganisationLinkRequests(db: SqlExecutor, organisationId: string, status: string) {
  const { rows } = await db.query(
    `SELECT r.id, r.status, r.identifier_kind, r.identifier, r.account_id, r.comment, r.created_at, r.expires_at, r.role,
            h.id AS house_id, h.full_address, a.number AS account_number,
            p.last_name, p.first_name, p.middle_name, p.email
       FROM account_link_requests r
       JOIN houses h ON h.id = r.house_id AND h.organisation_id = $1
       JOIN persons p ON p.id = r.person_id
       LEFT JOIN accounts a ON a.id = r.account_id
      WHERE r.method = 'organisation' AND r.status = $2 AND ($2 <> 'pending' OR r.expires_at > now())
      ORDER BY r.created_at LIMIT 500`,
    [organisationId, status],
  );
  return rows.map((r) => ({
    requestId: r.id as string,
    status: r.status as string,
    houseId: r.house_id as string,
    address: r.full_address as string,
    identifierKind: r.identifier_kind as IdentifierKind,
    identifier: r.identifier as string,
    matchedAccountId: r.account_id as string | null,
    matchedAccountNumber: r.account_number as string | null,
    person: {
      lastName: r.last_name as string | null,
      firstName: r.first_name as string | null,
      middleName: r.middle_name as string | null,
      email: r.email as string | null,
    },
    comment: r.comment as string | null,
    createdAt: (r.created_at as Date).toISOString(),
    expiresAt: (r.expires_at as Date).toISOString(),
  }));
}

/**
 * The organisation's decision on a request. Approving links the account (the matched one, or the
 * one the organisation names in the same house) and tells the person by email.
 */
export async function decideLinkRequest(
  pool: pg.Pool,
  enqueue: Enqueue,
  actor: { organisationId: string; actorType: 'person' | 'api_client'; actorId: string },
  requestId: string,
  decision:
    | { approve: true; accountId?: string; role?: 'owner' | 'co_owner' | 'tenant' }
    | { approve: false; reason: string },
) {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `SELECT r.*, p.email FROM account_link_requests r JOIN houses h ON h.id = r.house_id AND h.organisation_id = $2
         JOIN persons p ON p.id = r.person_id
        WHERE r.id = $1 AND r.method = 'organisation' FOR UPDATE OF r`,
      [requestId, actor.organisationId],
    );
    const r = rows[0];
    if (!r) throw notFound('Link request');
    if (r.status !== 'pending' || r.expires_at <= new Date())
      throw conflict('request_not_pending', 'The request was already decided or has expired');
    let accountId: string | null = null;
    if (decision.approve) {
      accountId = decision.accountId ?? r.account_id;
      if (!accountId)
        throw ruleViolated('account_required', 'No account matched the request; name the account to link', undefined, [
          { path: 'body.accountId', message: 'required' },
        ]);
      const ok = await tx.query(`SELECT 1 FROM accounts WHERE id = $1 AND house_id = $2 AND organisation_id = $3`, [
        accountId,
        r.house_id,
        actor.organisationId,
      ]);
      if (!ok.rowCount)
        throw ruleViolated('account_not_in_house', 'The account is not one of this house', undefined, [
          { path: 'body.accountId', message: 'not in the house' },
        ]);
      const role = decision.role ?? r.role;
      await insertLink(tx, enqueue, {
        accountId,
        personId: r.person_id,
        role,
        method: 'organisation',
        organisationId: actor.organisationId,
        actor: { type: actor.actorType, id: actor.actorId },
      });
      await tx.query(
        `UPDATE account_link_requests SET status = 'approved', account_id = $2, role = $3, decided_by = $4, decided_at = now() WHERE id = $1`,
        [requestId, accountId, role, actor.actorId],
      );
    } else {
      await tx.query(
        `UPDATE account_link_requests SET status = 'rejected', decided_by = $2, decided_at = now(), decision_reason = $3 WHERE id = $1`,
        [requestId, actor.actorId, decision.reason],
      );
      await audit(tx, {
        actorType: actor.actorType,
        actorId: actor.actorId,
        organisationId: actor.organisationId,
        action: 'account.link_rejected',
        objectType: 'account_link_request',
        objectId: requestId,
        details: { reason: decision.reason },
      });
    }
    if (r.email) {
      await queueMail(tx, enqueue, {
        to: r.email,
        subject: decision.approve ? 'Лицевой счёт привязан' : 'Запрос на привязку лицевого счёта отклонён',
        text: decision.approve
          ? `Управляющая организация подтвердила привязку лицевого счёта ${r.identifier}.`
          : `Управляющая организация отклонила запрос на привязку лицевого счёта ${r.identifier}. Причина: ${decision.reason}`,
      });
    }
    return { requestId, status: decision.approve ? 'approved' : 'rejected', accountId };
  });
}
