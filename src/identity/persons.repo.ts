import type { SqlExecutor } from '../../contracts/ports.js';
import type { PersonData } from '../../contracts/identity.js';
import type { FieldCipher } from './crypto.js';
import type { Db } from '../db/pool.js';
import type { StaffMembership } from '../../contracts/permissions.js';
import { staffMembershipsSql } from './staff.repo.js';

/** Creates or refreshes the person the provider vouches for, keyed by (provider, subject); SNILS and mobile encrypted. */
export async function upsertPersonFromProvider(
  db: Db,
  cipher: FieldCipher,
  provider: string,
  subject: string,
  p: PersonData,
) {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO persons (provider, subject, last_name, first_name, middle_name, birth_date, snils_enc, snils_hash,
                          email, email_verified, mobile_enc, mobile_verified, provider_trusted)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (provider, subject) DO UPDATE SET
       last_name = EXCLUDED.last_name, first_name = EXCLUDED.first_name, middle_name = EXCLUDED.middle_name,
       birth_date = EXCLUDED.birth_date, snils_enc = EXCLUDED.snils_enc, snils_hash = EXCLUDED.snils_hash,
       email = EXCLUDED.email, email_verified = EXCLUDED.email_verified,
       mobile_enc = EXCLUDED.mobile_enc, mobile_verified = EXCLUDED.mobile_verified,
       provider_trusted = EXCLUDED.provider_trusted, updated_at = now()
     RETURNING id`,
    [
      provider,
      subject,
      p.lastName,
      p.firstName,
      p.middleName,
      p.birthDate,
      p.snils ? cipher.encrypt(p.snils) : null,
      p.snils ? cipher.blindIndex(p.snils) : null,
      p.email,
      p.emailVerified,
      p.mobile ? cipher.encrypt(p.mobile) : null,
      p.mobileVerified,
      p.trusted !== false,
    ],
  );
  return rows[0]!.id;
}

export interface PersonWithRolesRow {
  id: string;
  last_name: string | null;
  first_name: string | null;
  middle_name: string | null;
  birth_date: string | null;
  snils_enc: string | null;
  email: string | null;
  email_verified: boolean;
  mobile_enc: string | null;
  mobile_verified: boolean;
  is_operator: boolean;
  identity_verified: boolean;
  identity_verified_by: 'esia' | 'organisation' | null;
  staff: StaffMembership[];
}

export async function findPersonWithRoles(db: Db, personId: string): Promise<PersonWithRolesRow | undefined> {
  const { rows } = await db.query<PersonWithRolesRow>(
    `SELECT p.id, p.last_name, p.first_name, p.middle_name, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
            p.snils_enc, p.email, p.email_verified, p.mobile_enc, p.mobile_verified, p.is_operator,
            p.identity_verified, CASE WHEN p.provider <> 'local' AND p.provider_trusted THEN 'esia'
                                      WHEN p.identity_confirmed_at IS NOT NULL THEN 'organisation' END AS identity_verified_by,
            ${staffMembershipsSql('p.id')} AS staff
       FROM persons p WHERE p.id = $1`,
    [personId],
  );
  return rows[0];
}

/** Persons' SNILS as the field cipher's text (never decrypted here): the state system's payer data. */
export async function snilsCiphersOf(db: SqlExecutor, personIds: string[]): Promise<Map<string, string>> {
  if (!personIds.length) return new Map();
  const { rows } = await db.query<{ id: string; snils_enc: string }>(
    `SELECT id, snils_enc FROM persons WHERE id = ANY($1::uuid[]) AND snils_enc IS NOT NULL`,
    [personIds],
  );
  return new Map(rows.map((r) => [r.id, r.snils_enc]));
}

/** The e-mail addresses of those of these persons who have one. */
export async function personEmails(db: SqlExecutor, personIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ email: string }>(
    `SELECT email FROM persons WHERE id = ANY($1::uuid[]) AND email IS NOT NULL`,
    [personIds],
  );
  return rows.map((r) => r.email);
}

/** A person's name and encrypted SNILS as they are now: meetings copy them onto a ballot or an initiator. */
export interface PersonSnapshot {
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  snilsEnc: string | null;
}

export async function personSnapshot(db: SqlExecutor, personId: string): Promise<PersonSnapshot | undefined> {
  const { rows } = await db.query<PersonSnapshot>(
    `SELECT last_name AS "lastName", first_name AS "firstName", middle_name AS "middleName", snils_enc AS "snilsEnc" FROM persons WHERE id = $1`,
    [personId],
  );
  return rows[0];
}

export interface PersonContact {
  lastName: string | null;
  firstName: string | null;
  middleName: string | null;
  email: string | null;
}

/** Name parts and e-mail of these persons, by id (for modules that show or mail people they refer to). */
export async function personContacts(db: SqlExecutor, personIds: string[]): Promise<Map<string, PersonContact>> {
  if (!personIds.length) return new Map();
  const { rows } = await db.query<{
    id: string;
    last_name: string | null;
    first_name: string | null;
    middle_name: string | null;
    email: string | null;
  }>(`SELECT id, last_name, first_name, middle_name, email FROM persons WHERE id = ANY($1::uuid[])`, [personIds]);
  return new Map(
    rows.map((r) => [
      r.id,
      { lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name, email: r.email },
    ]),
  );
}
