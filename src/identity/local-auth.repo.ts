import type { Db } from '../db/pool.js';

// SQL of sign-in without Gosuslugi: registrations, credentials, new-device challenges, trusted
// devices and password resets. Every token is stored as its SHA-256 only.

export interface AccountLinkRequest {
  houseId: string;
  identifier: { kind: 'number' | 'unified_number' | 'service_id'; value: string };
  surname: string;
}

export interface RegistrationRow {
  id: string;
  email: string;
  password_hash: string;
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
  account_link: AccountLinkRequest | null;
}

export async function insertRegistration(
  db: Db,
  r: {
    tokenHash: string;
    email: string;
    passwordHash: string;
    ttlHours: number;
    lastName?: string;
    firstName?: string;
    middleName?: string;
    accountLink?: AccountLinkRequest;
  },
) {
  await db.query(
    `INSERT INTO local_registrations (token_hash, email, password_hash, last_name, first_name, middle_name, account_link, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8))`,
    [
      r.tokenHash,
      r.email,
      r.passwordHash,
      r.lastName ?? null,
      r.firstName ?? null,
      r.middleName ?? null,
      r.accountLink ?? null,
      r.ttlHours,
    ],
  );
}

/** Takes a registration by its link's token, once and before it expires. */
export async function consumeRegistration(db: Db, tokenHash: string) {
  const { rows } = await db.query<RegistrationRow>(
    `UPDATE local_registrations SET consumed_at = now()
      WHERE token_hash = $1 AND consumed_at IS NULL AND expires_at > now()
     RETURNING id, email, password_hash, last_name, first_name, middle_name, account_link`,
    [tokenHash],
  );
  return rows[0];
}

/** Once an address is activated, its other pending registrations (and their links) are void. */
export async function voidRegistrations(db: Db, email: string) {
  await db.query(`UPDATE local_registrations SET consumed_at = now() WHERE email = $1 AND consumed_at IS NULL`, [
    email,
  ]);
}

/** A person who signs in with e-mail and password: not vouched for by Gosuslugi (provider 'local'). */
export async function insertLocalPerson(
  db: Db,
  p: { email: string; lastName: string | null; firstName: string | null; middleName: string | null },
) {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO persons (provider, subject, last_name, first_name, middle_name, email, email_verified)
     VALUES ('local', gen_random_uuid()::text, $1, $2, $3, $4, true) RETURNING id`,
    [p.lastName, p.firstName, p.middleName, p.email],
  );
  return rows[0]!.id;
}

export interface CredentialRow {
  person_id: string;
  email: string;
  password_hash: string;
}

/** False when the address was activated meanwhile (by another registration's link). */
export async function insertCredential(db: Db, personId: string, email: string, passwordHash: string) {
  const { rowCount } = await db.query(
    `INSERT INTO local_credentials (person_id, email, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING`,
    [personId, email, passwordHash],
  );
  return (rowCount ?? 0) > 0;
}

export async function findCredentialByEmail(db: Db, email: string) {
  const { rows } = await db.query<CredentialRow>(
    `SELECT person_id, email, password_hash FROM local_credentials WHERE email = $1`,
    [email],
  );
  return rows[0];
}

export async function findCredentialByPerson(db: Db, personId: string) {
  const { rows } = await db.query<CredentialRow>(
    `SELECT person_id, email, password_hash FROM local_credentials WHERE person_id = $1`,
    [personId],
  );
  return rows[0];
}

export async function updatePassword(db: Db, personId: string, passwordHash: string) {
  await db.query(`UPDATE local_credentials SET password_hash = $2, password_changed_at = now() WHERE person_id = $1`, [
    personId,
    passwordHash,
  ]);
}

// ---- new-device challenges

export async function insertChallenge(
  db: Db,
  c: { id: string; personId: string; browserHash: string; codeHash: string; ttlMinutes: number },
) {
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO sign_in_challenges (id, person_id, browser_hash, code_hash, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING expires_at`,
    [c.id, c.personId, c.browserHash, c.codeHash, c.ttlMinutes],
  );
  return rows[0]!.expires_at;
}

export interface ChallengeRow {
  id: string;
  person_id: string;
  code_hash: string;
  attempts: number;
  usable: boolean;
}

/** The challenge begun in this browser, locked for the check; `usable` says live, unused, tries left. */
export async function lockChallenge(db: Db, id: string, browserHash: string, maxAttempts: number) {
  const { rows } = await db.query<ChallengeRow>(
    `SELECT id, person_id, code_hash, attempts,
            (consumed_at IS NULL AND expires_at > now() AND attempts < $3) AS usable
       FROM sign_in_challenges WHERE id = $1 AND browser_hash = $2 FOR UPDATE`,
    [id, browserHash, maxAttempts],
  );
  return rows[0];
}

export async function countChallengeAttempt(db: Db, id: string) {
  await db.query(`UPDATE sign_in_challenges SET attempts = attempts + 1 WHERE id = $1`, [id]);
}

export async function consumeChallenge(db: Db, id: string) {
  await db.query(`UPDATE sign_in_challenges SET consumed_at = now() WHERE id = $1`, [id]);
}

// ---- trusted devices

export async function insertTrustedDevice(
  db: Db,
  d: { personId: string; tokenHash: string; userAgent?: string; days: number },
) {
  await db.query(
    `INSERT INTO trusted_devices (person_id, token_hash, user_agent, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [d.personId, d.tokenHash, d.userAgent ?? null, d.days],
  );
}

/** Whether this device cookie was trusted for this person and is still; marks it used. */
export async function touchTrustedDevice(db: Db, personId: string, tokenHash: string) {
  const { rowCount } = await db.query(
    `UPDATE trusted_devices SET last_used_at = now() WHERE person_id = $1 AND token_hash = $2 AND expires_at > now()`,
    [personId, tokenHash],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteTrustedDevices(db: Db, personId: string) {
  await db.query(`DELETE FROM trusted_devices WHERE person_id = $1`, [personId]);
}

// ---- password resets

export async function insertPasswordReset(db: Db, r: { tokenHash: string; personId: string; ttlMinutes: number }) {
  await db.query(
    `INSERT INTO password_resets (token_hash, person_id, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`,
    [r.tokenHash, r.personId, r.ttlMinutes],
  );
}

/** The live reset's person and e-mail, without using it (for the strength check's user inputs). */
export async function findPasswordReset(db: Db, tokenHash: string) {
  const { rows } = await db.query<{ person_id: string; email: string }>(
    `SELECT r.person_id, c.email FROM password_resets r JOIN local_credentials c ON c.person_id = r.person_id
      WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now()`,
    [tokenHash],
  );
  return rows[0];
}

/** Uses a reset once; every other open reset of the person goes with it. */
export async function consumePasswordReset(db: Db, tokenHash: string) {
  const { rows } = await db.query<{ person_id: string }>(
    `UPDATE password_resets SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING person_id`,
    [tokenHash],
  );
  const personId = rows[0]?.person_id;
  if (personId)
    await db.query(`UPDATE password_resets SET used_at = now() WHERE person_id = $1 AND used_at IS NULL`, [personId]);
  return personId;
}

export async function deleteExpiredLocalAuthRows(db: Db) {
  await db.query(`DELETE FROM local_registrations WHERE expires_at < now() - interval '7 days'`);
  await db.query(`DELETE FROM sign_in_challenges WHERE expires_at < now() - interval '1 day'`);
  await db.query(`DELETE FROM password_resets WHERE expires_at < now() - interval '7 days'`);
  await db.query(`DELETE FROM trusted_devices WHERE expires_at < now()`);
}

// ---- the organisation's confirmation of an identity

export interface UnverifiedPersonRow {
  id: string;
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
  email: string | null;
  created_at: Date;
}

/** Of the given people, those whose identity nobody vouched for yet. */
export async function findUnverifiedPersons(db: Db, personIds: string[]) {
  const { rows } = await db.query<UnverifiedPersonRow>(
    `SELECT id, last_name, first_name, middle_name, email, created_at FROM persons
      WHERE id = ANY($1::uuid[]) AND NOT identity_verified ORDER BY created_at, id`,
    [personIds],
  );
  return rows;
}

/** Marks a person's identity confirmed by the organisation; false when it already was verified. */
export async function confirmIdentity(db: Db, personId: string, organisationId: string) {
  const { rowCount } = await db.query(
    `UPDATE persons SET identity_confirmed_at = now(), identity_confirmed_by = $2, updated_at = now()
      WHERE id = $1 AND NOT identity_verified`,
    [personId, organisationId],
  );
  return (rowCount ?? 0) > 0;
}

/** Who vouched for the person: Gosuslugi, the organisation, or nobody (null). */
export async function identityVerifiedBy(db: Db, personId: string) {
  const { rows } = await db.query<{ by: 'esia' | 'organisation' | null }>(
    `SELECT CASE WHEN provider <> 'local' AND provider_trusted THEN 'esia' WHEN identity_confirmed_at IS NOT NULL THEN 'organisation' END AS by
       FROM persons WHERE id = $1`,
    [personId],
  );
  return rows[0]?.by ?? null;
}
