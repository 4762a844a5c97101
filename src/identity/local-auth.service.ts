import { randomInt, randomUUID } from 'node:crypto';
import type { Enqueue } from '../../contracts/ports.js';
import type { RegisterBody } from '../../contracts/local-auth.js';
import type { Db } from '../db/pool.js';
import { linkedPersonsOfOrganisation } from '../accounts/access.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { hit, peek, reset } from '../http/rate-limit.js';
import { queueMail } from '../notify/mail.js';
import { audit } from './audit.js';
import {
  confirmIdentity,
  consumeChallenge,
  consumePasswordReset,
  consumeRegistration,
  countChallengeAttempt,
  deleteTrustedDevices,
  findCredentialByEmail,
  findCredentialByPerson,
  findUnverifiedPersons,
  identityVerifiedBy,
  insertChallenge,
  insertCredential,
  insertLocalPerson,
  insertPasswordReset,
  insertRegistration,
  insertTrustedDevice,
  lockChallenge,
  touchTrustedDevice,
  updatePassword,
  voidRegistrations,
  type AccountLinkRequest,
} from './local-auth.repo.js';
import { checkPasswordStrength } from './password-strength.js';
import { insertSession, revokeAllSessions, type SessionTimeouts } from './sessions.repo.js';
import { randomToken, safeEqualHex, sha256hex } from './tokens.js';
import type { Actor } from '../../contracts/actor.js';

// Sign-in without Gosuslugi. Rules: no answer tells whether an address is registered (registration,
// sign-in and reset answer alike; unknown addresses lock out like known ones); every mailed token is
// random, stored hashed, expiring and single-use; a password alone signs in only on a device that
// proved the mailbox once (activation link, reset link or a mailed code).

export const ACTIVATION_TTL_HOURS = 48;
export const RESET_TTL_MINUTES = 60;
export const CHALLENGE_TTL_MINUTES = 10;
export const CHALLENGE_MAX_ATTEMPTS = 5;

export interface LocalAuthPorts {
  enqueue: Enqueue;
  publicUrl: string;
  timeouts: SessionTimeouts;
  policy: { maxFailures: number; lockoutMinutes: number; trustedDeviceDays: number };
}

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export const tokenInvalid = () =>
  badRequest('token_invalid', 'This link is unknown, expired or already used; ask for a new one');
const credentialsInvalid = () => new AppError(401, 'credentials_invalid', 'Wrong e-mail or password');
const codeInvalid = () =>
  new AppError(422, 'code_invalid', 'The code is wrong, expired or used up; sign in again for a new one', [
    { path: 'body.code', message: 'wrong, expired or used up' },
  ]);

/** Refuses a weak password with the problem's field path pointing at it. */
export function assertStrongPassword(password: string, path: string, userInputs: (string | undefined | null)[]) {
  const verdict = checkPasswordStrength(password, userInputs);
  if (!verdict.ok) {
    throw new AppError(
      400,
      'password_too_weak',
      'The password is too easy to guess',
      [{ path, message: verdict.message }],
      {
        score: verdict.score,
      },
    );
  }
}

// ---- registration and activation

/**
 * Records a registration and mails its activation link. An address already registered gets a letter
 * saying so instead; the caller's answer is the same either way.
 */
export async function register(
  tx: Db,
  ports: LocalAuthPorts,
  input: RegisterBody,
  passwordHash: string,
  client: ClientInfo,
) {
  const existing = await findCredentialByEmail(tx, input.email);
  if (existing) {
    await queueMail(tx, ports.enqueue, {
      to: input.email,
      subject: 'Вы уже зарегистрированы в domhub',
      text: [
        'Кто-то (возможно, вы) попытался зарегистрироваться в domhub с этим адресом, но он уже зарегистрирован.',
        `Войти: ${ports.publicUrl}/signin`,
        `Забыли пароль? Восстановить: ${ports.publicUrl}/signin/reset`,
        'Если это были не вы, просто проигнорируйте письмо.',
      ].join('\n'),
    });
    await audit(tx, {
      actorType: 'system',
      action: 'auth.local.register_existing',
      objectType: 'person',
      objectId: existing.person_id,
      ip: client.ip,
    });
    return;
  }
  const token = randomToken();
  const a = input.account;
  const accountLink: AccountLinkRequest | undefined = a
    ? {
        houseId: a.houseId,
        identifier: a.accountNumber
          ? { kind: 'number', value: a.accountNumber }
          : a.unifiedNumber
            ? { kind: 'unified_number', value: a.unifiedNumber }
            : { kind: 'service_id', value: a.serviceId! },
        surname: a.surname,
      }
    : undefined;
  await insertRegistration(tx, {
    tokenHash: sha256hex(token),
    email: input.email,
    passwordHash,
    ttlHours: ACTIVATION_TTL_HOURS,
    lastName: input.lastName ?? a?.surname,
    firstName: input.firstName,
    middleName: input.middleName,
    accountLink,
  });
  await queueMail(tx, ports.enqueue, {
    to: input.email,
    subject: 'Подтвердите регистрацию в domhub',
    text: [
      'Вы зарегистрировались в domhub, личном кабинете жителя.',
      `Чтобы подтвердить адрес и войти, откройте ссылку: ${ports.publicUrl}/signin/activate?token=${token}`,
      `Ссылка действует ${ACTIVATION_TTL_HOURS} часов и срабатывает один раз.`,
      accountLink ? 'После подтверждения мы привяжем указанный лицевой счёт, если данные совпадут.' : '',
      'Если вы не регистрировались, просто проигнорируйте письмо.',
    ]
      .filter(Boolean)
      .join('\n'),
  });
}

/**
 * Activates a registration by its link: creates the person (not verified by Gosuslugi), the
 * credential, a session and a trusted device (the link proved the mailbox on this device).
 */
export async function activate(tx: Db, ports: LocalAuthPorts, token: string, client: ClientInfo) {
  const reg = await consumeRegistration(tx, sha256hex(token));
  if (!reg) throw tokenInvalid();
  const personId = await insertLocalPerson(tx, {
    email: reg.email,
    lastName: reg.last_name,
    firstName: reg.first_name,
    middleName: reg.middle_name,
  });
  // A second registration of the same address activated first: this link is void (rolls back the person).
  if (!(await insertCredential(tx, personId, reg.email, reg.password_hash))) throw tokenInvalid();
  await voidRegistrations(tx, reg.email);
  const session = await insertSession(tx, personId, ports.timeouts, { ...client, signInMethod: 'password' });
  const deviceToken = await trustDevice(tx, ports, personId, client);
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'auth.local.activated',
    objectType: 'session',
    objectId: session.sessionId,
    ip: client.ip,
    details: { accountLink: Boolean(reg.account_link) },
  });
  return { personId, session, deviceToken, accountLink: reg.account_link };
}

async function trustDevice(tx: Db, ports: LocalAuthPorts, personId: string, client: ClientInfo) {
  const token = randomToken();
  await insertTrustedDevice(tx, {
    personId,
    tokenHash: sha256hex(token),
    userAgent: client.userAgent,
    days: ports.policy.trustedDeviceDays,
  });
  return token;
}

// ---- sign-in

const failKey = (email: string) => `auth.local.fail:${sha256hex(email)}`;
const lockWindow = (p: LocalAuthPorts['policy']) => ({ limit: p.maxFailures, windowSeconds: p.lockoutMinutes * 60 });

/** Refuses while the address is locked after repeated failures (known or not: the key is the address). */
export async function assertNotLocked(db: Db, policy: LocalAuthPorts['policy'], email: string) {
  if ((await peek(db, failKey(email), lockWindow(policy))) >= policy.maxFailures) {
    throw new AppError(
      429,
      'sign_in_locked',
      'Too many failed sign-ins for this address; try again later or reset the password',
      undefined,
      {
        retryAfter: policy.lockoutMinutes * 60,
      },
    );
  }
}

export async function recordSignInFailure(db: Db, policy: LocalAuthPorts['policy'], email: string, client: ClientInfo) {
  await hit(db, failKey(email), lockWindow(policy));
  await audit(db, {
    actorType: 'system',
    action: 'auth.sign_in_failed',
    ip: client.ip,
    details: { provider: 'local', code: 'credentials_invalid' },
  });
  return credentialsInvalid();
}

export const clearSignInFailures = (db: Db, email: string) => reset(db, failKey(email));

export type SignInOutcome =
  | { status: 'signed_in'; personId: string; session: Awaited<ReturnType<typeof insertSession>> }
  | { status: 'code_required'; challengeId: string; expiresAt: Date; browserToken: string };

/**
 * After the password matched: a session at once on a trusted device, otherwise a six-digit code
 * mailed to the address and a challenge bound to this browser.
 */
export async function completePasswordSignIn(
  tx: Db,
  ports: LocalAuthPorts,
  personId: string,
  email: string,
  deviceToken: string | undefined,
  client: ClientInfo,
): Promise<SignInOutcome> {
  if (deviceToken && (await touchTrustedDevice(tx, personId, sha256hex(deviceToken)))) {
    const session = await insertSession(tx, personId, ports.timeouts, { ...client, signInMethod: 'password' });
    await audit(tx, {
      actorType: 'person',
      actorId: personId,
      action: 'auth.sign_in',
      objectType: 'session',
      objectId: session.sessionId,
      ip: client.ip,
      details: { provider: 'local', device: 'trusted' },
    });
    return { status: 'signed_in', personId, session };
  }
  const challengeId = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const browserToken = randomToken(24);
  const expiresAt = await insertChallenge(tx, {
    id: challengeId,
    personId,
    browserHash: sha256hex(browserToken),
    codeHash: sha256hex(`${challengeId}:${code}`),
    ttlMinutes: CHALLENGE_TTL_MINUTES,
  });
  await queueMail(tx, ports.enqueue, {
    to: email,
    subject: 'Код для входа в domhub',
    text: [
      `Код для входа в domhub с нового устройства: ${code}`,
      `Код действует ${CHALLENGE_TTL_MINUTES} минут. Устройство: ${client.userAgent ?? 'неизвестно'}.`,
      'Если это были не вы, смените пароль: кто-то знает его.',
    ].join('\n'),
  });
  return { status: 'code_required', challengeId, expiresAt, browserToken };
}

/** Checks a new-device code: once, within its time, five tries; then a session (and, if asked, a trusted device). */
export async function verifySignInCode(
  tx: Db,
  ports: LocalAuthPorts,
  input: { challengeId: string; code: string; browserToken?: string; rememberDevice: boolean },
  client: ClientInfo,
) {
  const challenge = input.browserToken
    ? await lockChallenge(tx, input.challengeId, sha256hex(input.browserToken), CHALLENGE_MAX_ATTEMPTS)
    : undefined;
  if (!challenge) throw codeInvalid();
  const matches = safeEqualHex(sha256hex(`${challenge.id}:${input.code}`), challenge.code_hash);
  if (!challenge.usable || !matches) {
    await countChallengeAttempt(tx, challenge.id);
    return { ok: false as const, error: codeInvalid() };
  }
  await consumeChallenge(tx, challenge.id);
  const session = await insertSession(tx, challenge.person_id, ports.timeouts, { ...client, signInMethod: 'password' });
  const deviceToken = input.rememberDevice ? await trustDevice(tx, ports, challenge.person_id, client) : undefined;
  await audit(tx, {
    actorType: 'person',
    actorId: challenge.person_id,
    action: 'auth.sign_in',
    objectType: 'session',
    objectId: session.sessionId,
    ip: client.ip,
    details: { provider: 'local', device: 'code' },
  });
  return { ok: true as const, personId: challenge.person_id, session, deviceToken };
}

// ---- password reset and change

/** Mails a reset link when the address is registered; nothing otherwise (the caller answers alike). */
export async function requestPasswordReset(tx: Db, ports: LocalAuthPorts, email: string, client: ClientInfo) {
  const cred = await findCredentialByEmail(tx, email);
  if (!cred) return;
  const token = randomToken();
  await insertPasswordReset(tx, {
    tokenHash: sha256hex(token),
    personId: cred.person_id,
    ttlMinutes: RESET_TTL_MINUTES,
  });
  await queueMail(tx, ports.enqueue, {
    to: email,
    subject: 'Восстановление пароля в domhub',
    text: [
      `Чтобы задать новый пароль, откройте ссылку: ${ports.publicUrl}/signin/reset?token=${token}`,
      `Ссылка действует ${RESET_TTL_MINUTES} минут и срабатывает один раз. После смены пароля все входы завершатся.`,
      'Если вы не просили сменить пароль, просто проигнорируйте письмо.',
    ].join('\n'),
  });
  await audit(tx, {
    actorType: 'person',
    actorId: cred.person_id,
    action: 'auth.local.reset_requested',
    ip: client.ip,
  });
}

/**
 * Sets a new password from a reset link: the link is used once; every session ends and every
 * trusted device is forgotten; this device is trusted (it proved the mailbox). No session is made.
 */
export async function completePasswordReset(
  tx: Db,
  ports: LocalAuthPorts,
  token: string,
  passwordHash: string,
  client: ClientInfo,
) {
  const personId = await consumePasswordReset(tx, sha256hex(token));
  if (!personId) throw tokenInvalid();
  await updatePassword(tx, personId, passwordHash);
  const ended = await revokeAllSessions(tx, personId);
  await deleteTrustedDevices(tx, personId);
  const deviceToken = await trustDevice(tx, ports, personId, client);
  const email = (await findCredentialByPerson(tx, personId))?.email;
  if (email) {
    await clearSignInFailures(tx, email);
    await queueMail(tx, ports.enqueue, {
      to: email,
      subject: 'Пароль в domhub изменён',
      text: 'Пароль вашей учётной записи domhub изменён, все входы завершены. Если это были не вы, восстановите пароль и напишите в вашу управляющую организацию.',
    });
  }
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'auth.local.password_reset',
    ip: client.ip,
    details: { sessionsEnded: ended },
  });
  return { personId, deviceToken, sessionsEnded: ended };
}

/** Changes the password of the signed-in person; their other sessions end. */
export async function changePassword(tx: Db, personId: string, sessionId: string, passwordHash: string, ip?: string) {
  await updatePassword(tx, personId, passwordHash);
  const ended = await revokeAllSessions(tx, personId, sessionId);
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'auth.local.password_changed',
    ip,
    details: { sessionsEnded: ended },
  });
}

// ---- the organisation's confirmation

/**
 * The organisation confirms the identity of someone linked to one of its accounts (documents seen
 * in its office): voting and personal-data appeals open to them. Already verified: unchanged.
 */
export async function confirmIdentityByOrganisation(
  tx: Db,
  actor: Actor,
  personId: string,
  checked: string,
  ip?: string,
) {
  const [linked] = await linkedPersonsOfOrganisation(tx, actor.organisationId, personId);
  if (!linked) throw notFound('Resident');
  const changed = await confirmIdentity(tx, personId, actor.organisationId);
  if (changed) {
    await audit(tx, {
      actorType: actor.actorType,
      actorId: actor.actorId,
      action: 'person.identity_confirmed',
      objectType: 'person',
      objectId: personId,
      organisationId: actor.organisationId,
      ip,
      details: { checked },
    });
  }
  return (await identityVerifiedBy(tx, personId)) ?? 'organisation';
}

/** People linked to the organisation's accounts whose identity is not verified, oldest first. */
export async function listUnverifiedResidents(db: Db, organisationId: string) {
  const linked = await linkedPersonsOfOrganisation(db, organisationId);
  const numbers = new Map(linked.map((l) => [l.personId, l.accountNumbers]));
  const rows = await findUnverifiedPersons(db, [...numbers.keys()]);
  return rows.map((p) => ({
    personId: p.id,
    lastName: p.last_name,
    firstName: p.first_name,
    middleName: p.middle_name,
    email: p.email,
    accountNumbers: numbers.get(p.id) ?? [],
    registeredAt: p.created_at.toISOString(),
  }));
}
