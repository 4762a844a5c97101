import type { IdentifierKind, LinkRequestRole, LinkRole } from '../../contracts/accounts.js';
import { type Actor, coversHouse } from '../../contracts/actor.js';
import type { Enqueue } from '../../contracts/ports.js';
import type { Db } from '../db/pool.js';
import { AppError, conflict, notFound, ruleViolated } from '../errors.js';
import { enforce, hit, peek, reset } from '../http/rate-limit.js';
import { audit } from '../identity/audit.js';
import { personContacts } from '../identity/persons.repo.js';
import { safeEqualHex, sha256hex } from '../identity/tokens.js';
import { queueMail } from '../notify/mail.js';
import { houseExists } from '../registry/houses.repo.js';
import { findByIdentifier, isAccountOfHouse } from './accounts.repo.js';
import {
  approveRequest,
  completeCodeRequest,
  countCodeAttempt,
  findCodeRequest,
  insertCodeRequest,
  insertOrganisationRequest,
  lockOrganisationRequest,
  rejectRequest,
  requestsForOrganisation,
  requestsOfPerson,
  setCodeHash,
} from './link-requests.repo.js';
import { insertLink, lockLiveLink, otherHolders, setLinkRole } from './links.repo.js';
import { oneTimeCode, surnameMatches } from './rules.js';

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

export interface Linked {
  accountId: string;
  linkId: string;
  role: LinkRole;
}

/**
 * A proof's answer. A refusal is returned, not thrown, so the caller commits the failure it recorded
 * (lockouts count it) and then throws the error.
 */
export type ProofOutcome = { ok: true; linked: Linked } | { ok: false; error: AppError };

// Attempts of any outcome per person, so numbers cannot be enumerated. Nothing is counted per entered
// account alone: a stranger's attempts on an account must not lock its real owner out.
const ATTEMPTS_PER_PERSON = { limit: 30, windowSeconds: 3600 };
const CODE_TTL_MINUTES = 15;
const CODE_MAX_ATTEMPTS = 5;
const ORG_REQUEST_TTL_DAYS = 30;

/** The one answer for an unknown account and for a wrong proof: same status, code and text. */
const noMatch = () => new AppError(404, 'account_not_found', 'No account matches these details');
const codeInvalid = () => ruleViolated('code_invalid', 'The code is wrong, expired or used up; request a new one');
const alreadyLinked = () => conflict('already_linked', 'This account is already linked to you');

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
async function admit(tx: Db, a: LinkAttempt, policy: LinkingPolicy) {
  if (!(await houseExists(tx, a.houseId))) throw notFound('House', 'house_not_found');
  const window = { limit: policy.maxFailures, windowSeconds: policy.lockoutMinutes * 60 };
  for (const key of failKeys(a)) {
    if ((await peek(tx, key, window)) >= policy.maxFailures) {
      throw new AppError(429, 'link_locked', 'Too many failed attempts; linking is locked for a while', undefined, {
        retryAfter: policy.lockoutMinutes * 60,
      });
    }
  }
  await enforce(tx, `link:try:person:${a.personId}`, ATTEMPTS_PER_PERSON, 'Too many linking attempts; try again later');
}

async function recordFailure(tx: Db, a: LinkAttempt, policy: LinkingPolicy, method: string) {
  const window = { limit: policy.maxFailures, windowSeconds: policy.lockoutMinutes * 60 };
  for (const key of failKeys(a)) await hit(tx, key, window);
  await audit(tx, {
    actorType: 'person',
    actorId: a.personId,
    action: 'account.link_failed',
    objectType: 'house',
    objectId: a.houseId,
    ip: a.ip ?? null,
    details: { method, identifierKind: a.identifier.kind },
  });
}

const findAccount = (tx: Db, a: LinkAttempt) =>
  findByIdentifier(tx, a.houseId, a.identifier.kind, a.identifier.value.trim());

type PriorLink = Awaited<ReturnType<typeof lockLiveLink>>;

/** A live link stands in the way unless it is a limited one being confirmed by a second factor. */
const blocks = (prior: PriorLink, role: LinkRole) => Boolean(prior && (prior.role !== 'limited' || role === 'limited'));

/**
 * Links the person, or confirms their limited link (a second factor after the surname), and tells the
 * account's other holders. `prior` is the person's live link, locked by the caller.
 */
async function writeLink(
  tx: Db,
  enqueue: Enqueue,
  prior: PriorLink,
  input: {
    accountId: string;
    personId: string;
    role: LinkRole;
    grantedBy?: string | null;
    method: string;
    organisationId: string;
    ip?: string | null;
    actor?: Pick<Actor, 'actorType' | 'actorId'>;
  },
) {
  const linkId = prior
    ? await setLinkRole(tx, prior.id, input.role)
    : await insertLink(tx, {
        accountId: input.accountId,
        personId: input.personId,
        role: input.role,
        grantedBy: input.grantedBy ?? null,
      });
  await audit(tx, {
    actorType: input.actor?.actorType ?? 'person',
    actorId: input.actor?.actorId ?? input.personId,
    action: prior ? 'account.link_confirmed' : 'account.linked',
    objectType: 'account',
    objectId: input.accountId,
    organisationId: input.organisationId,
    ip: input.ip ?? null,
    details: { method: input.method, role: input.role, personId: input.personId, linkId },
  });
  await notifyHolders(tx, enqueue, {
    accountId: input.accountId,
    personId: input.personId,
    role: input.role,
    confirmed: Boolean(prior),
  });
  return { linkId, role: input.role };
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
async function notifyHolders(
  tx: Db,
  enqueue: Enqueue,
  link: { accountId: string; personId: string; role: string; confirmed?: boolean },
) {
  const holders = await otherHolders(tx, link.accountId, link.personId);
  if (!holders.length) return;
  const contacts = await personContacts(tx, [link.personId, ...holders.map((h) => h.person_id)]);
  const linked = contacts.get(link.personId);
  const name = [linked?.lastName, linked?.firstName != null ? `${linked.firstName.slice(0, 1)}.` : null]
    .filter((part) => part != null)
    .join(' ');
  for (const r of holders) {
    const email = contacts.get(r.person_id)?.email;
    if (email === null || email === undefined) continue;
    await queueMail(tx, enqueue, {
      to: email,
      subject: `Новый доступ к лицевому счёту ${r.number}`,
      text:
        `${link.confirmed ? 'Подтверждён' : 'Открыт'} доступ к лицевому счёту ${r.number}: ${name || 'пользователь'}, ` +
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
  tx: Db,
  enqueue: Enqueue,
  a: LinkAttempt,
  surname: string,
  policy: LinkingPolicy,
): Promise<ProofOutcome> {
  await admit(tx, a, policy);
  const account = await findAccount(tx, a);
  // The comparison runs (against a placeholder) even when no account was found, to keep timing alike.
  const ok = surnameMatches(surname, account?.owners ?? []) && account !== undefined;
  if (!ok || !account) {
    await recordFailure(tx, a, policy, 'surname');
    return { ok: false, error: noMatch() };
  }
  const prior = await lockLiveLink(tx, account.id, a.personId);
  if (blocks(prior, 'limited')) return { ok: false, error: alreadyLinked() };
  const link = await writeLink(tx, enqueue, prior, {
    accountId: account.id,
    personId: a.personId,
    role: 'limited',
    method: 'surname',
    organisationId: account.organisation_id,
    ip: a.ip,
  });
  await reset(tx, failKeys(a)[0]!);
  return { ok: true, linked: { accountId: account.id, ...link } };
}

/**
 * Proof by a one-time code: a request is recorded whether or not the account exists, and the code is
 * mailed only to the contact on file, so the answer reveals nothing about the account.
 */
export async function requestLinkCode(tx: Db, enqueue: Enqueue, a: LinkAttempt, policy: LinkingPolicy) {
  await admit(tx, a, policy);
  const account = await findAccount(tx, a);
  const code = oneTimeCode();
  const request = await insertCodeRequest(
    tx,
    {
      personId: a.personId,
      houseId: a.houseId,
      accountId: account?.id ?? null,
      identifierKind: a.identifier.kind,
      identifier: a.identifier.value.trim(),
    },
    CODE_TTL_MINUTES,
  );
  await setCodeHash(tx, request.id, sha256hex(`${request.id}:${code}`));
  if (account?.contact_email) {
    await queueMail(tx, enqueue, {
      to: account.contact_email,
      subject: 'Код для привязки лицевого счёта',
      text: `Код для привязки лицевого счёта в domhub: ${code}\nКод действует ${CODE_TTL_MINUTES} минут. Если вы не запрашивали код, просто проигнорируйте это письмо.`,
    });
  }
  return { requestId: request.id, expiresAt: request.expires_at.toISOString() };
}

/** Confirms a code request: a wrong, expired or used-up code gets one answer; five tries per code. */
export async function confirmLinkCode(
  tx: Db,
  enqueue: Enqueue,
  personId: string,
  requestId: string,
  code: string,
  policy: LinkingPolicy,
  ip?: string | null,
): Promise<ProofOutcome> {
  const r = await findCodeRequest(tx, requestId, personId);
  if (!r) throw notFound('Link request');
  const attempt: LinkAttempt = {
    personId,
    houseId: r.house_id,
    identifier: { kind: r.identifier_kind, value: r.identifier },
    ip,
  };
  await admit(tx, attempt, policy);
  const usable = r.status === 'pending' && r.expires_at > new Date() && r.attempts < CODE_MAX_ATTEMPTS;
  const matches = safeEqualHex(sha256hex(`${requestId}:${code}`), r.code_hash ?? '');
  if (!usable || !matches || !r.account_id || !r.organisation_id) {
    await countCodeAttempt(tx, requestId);
    await recordFailure(tx, attempt, policy, 'code');
    return { ok: false, error: codeInvalid() };
  }
  const prior = await lockLiveLink(tx, r.account_id, personId);
  if (blocks(prior, 'owner')) return { ok: false, error: alreadyLinked() };
  // A concurrent confirmation of the same code waits here and then finds it taken.
  if (!(await completeCodeRequest(tx, requestId))) return { ok: false, error: codeInvalid() };
  const link = await writeLink(tx, enqueue, prior, {
    accountId: r.account_id,
    personId,
    role: 'owner',
    method: 'code',
    organisationId: r.organisation_id,
    ip,
  });
  await reset(tx, failKeys(attempt)[0]!);
  return { ok: true, linked: { accountId: r.account_id, ...link } };
}

/** Proof by the organisation: a request it approves or rejects. Recorded whether or not the account exists. */
export async function requestOrganisationApproval(
  tx: Db,
  a: LinkAttempt,
  comment: string | undefined,
  policy: LinkingPolicy,
) {
  await admit(tx, a, policy);
  const account = await findAccount(tx, a);
  const request = await insertOrganisationRequest(
    tx,
    {
      personId: a.personId,
      houseId: a.houseId,
      accountId: account?.id ?? null,
      identifierKind: a.identifier.kind,
      identifier: a.identifier.value.trim(),
    },
    ORG_REQUEST_TTL_DAYS,
    comment ?? null,
  );
  return { requestId: request.id, expiresAt: request.expires_at.toISOString() };
}

export async function listPersonLinkRequests(db: Db, personId: string) {
  return (await requestsOfPerson(db, personId)).map((r) => ({
    requestId: r.id,
    method: r.method,
    status: r.shown_status,
    identifierKind: r.identifier_kind,
    identifier: r.identifier,
    address: r.full_address,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    decisionReason: r.decision_reason,
  }));
}

export async function listOrganisationLinkRequests(
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
) {
  const requests = await requestsForOrganisation(db, organisationId, q);
  const people = await personContacts(
    db,
    requests.map((r) => r.person_id),
  );
  return requests.map((r) => ({
    requestId: r.id,
    status: r.status,
    houseId: r.house_id,
    address: r.full_address,
    identifierKind: r.identifier_kind,
    identifier: r.identifier,
    matchedAccountId: r.account_id,
    matchedAccountNumber: r.account_number,
    premise: r.premise,
    person: {
      lastName: people.get(r.person_id)?.lastName ?? null,
      firstName: people.get(r.person_id)?.firstName ?? null,
      middleName: people.get(r.person_id)?.middleName ?? null,
      email: people.get(r.person_id)?.email ?? null,
    },
    role: r.role,
    comment: r.comment,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
  }));
}

/**
 * The organisation's decision on a request. Approving links the account (the matched one, or the
 * one the organisation names in the same house) and tells the person by email.
 */
export async function decideLinkRequest(
  tx: Db,
  enqueue: Enqueue,
  actor: Actor,
  requestId: string,
  decision: { approve: true; accountId?: string; role?: LinkRequestRole } | { approve: false; reason: string },
): Promise<{ requestId: string; status: 'approved' | 'rejected'; accountId: string | null }> {
  const r = await lockOrganisationRequest(tx, requestId, actor.organisationId);
  if (!r || !coversHouse(actor, r.house_id)) throw notFound('Link request');
  if (r.status !== 'pending' || r.expires_at <= new Date())
    throw conflict('request_not_pending', 'The request was already decided or has expired');
  let accountId: string | null = null;
  if (decision.approve) {
    accountId = decision.accountId ?? r.account_id;
    if (!accountId)
      throw ruleViolated('account_required', 'No account matched the request; name the account to link', undefined, [
        { path: 'body.accountId', message: 'required' },
      ]);
    if (!(await isAccountOfHouse(tx, accountId, r.house_id, actor.organisationId)))
      throw ruleViolated('account_not_in_house', 'The account is not one of this house', undefined, [
        { path: 'body.accountId', message: 'not in the house' },
      ]);
    const role = decision.role ?? r.role;
    const prior = await lockLiveLink(tx, accountId, r.person_id);
    if (blocks(prior, role)) throw alreadyLinked();
    await writeLink(tx, enqueue, prior, {
      accountId,
      personId: r.person_id,
      role,
      method: 'organisation',
      organisationId: actor.organisationId,
      actor,
    });
    await approveRequest(tx, requestId, accountId, role, actor.actorId);
  } else {
    await rejectRequest(tx, requestId, actor.actorId, decision.reason);
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
  const email = (await personContacts(tx, [r.person_id])).get(r.person_id)?.email;
  if (email) {
    await queueMail(tx, enqueue, {
      to: email,
      subject: decision.approve ? 'Лицевой счёт привязан' : 'Запрос на привязку лицевого счёта отклонён',
      text: decision.approve
        ? `Управляющая организация подтвердила привязку лицевого счёта ${r.identifier}.`
        : `Управляющая организация отклонила запрос на привязку лицевого счёта ${r.identifier}. Причина: ${decision.reason}`,
    });
  }
  return { requestId, status: decision.approve ? 'approved' : 'rejected', accountId };
}
