import type { Db } from '../db/pool.js';

export interface RegisterRow {
  id: string;
  premiseId: string;
  premiseNumber: string;
  area: string;
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  shareNumerator: number;
  shareDenominator: number;
  titleDocument: string | null;
  personId: string | null;
  source: 'accounts' | 'import';
}

export interface PremiseRow {
  id: string;
  number: string;
  area: string;
}

export async function listHousePremises(db: Db, houseId: string): Promise<PremiseRow[]> {
  const { rows } = await db.query<PremiseRow>(
    `SELECT id, number, area::text AS area FROM registry_premises WHERE house_id = $1
      ORDER BY length(number), number`,
    [houseId],
  );
  return rows;
}

export async function listRegister(db: Db, houseId: string): Promise<RegisterRow[]> {
  const { rows } = await db.query<RegisterRow>(
    `SELECT r.id, r.premise_id AS "premiseId", p.number AS "premiseNumber", p.area::text AS area,
            r.last_name AS "lastName", r.first_name AS "firstName", r.middle_name AS "middleName",
            r.share_numerator AS "shareNumerator", r.share_denominator AS "shareDenominator",
            r.title_document AS "titleDocument", r.person_id AS "personId", r.source
       FROM owner_register r JOIN registry_premises p ON p.id = r.premise_id
      WHERE r.house_id = $1
      ORDER BY length(p.number), p.number, r.last_name, r.first_name`,
    [houseId],
  );
  return rows;
}

/**
 * Upserts the owners recorded on the house's open accounts; returns how many rows it touched.
 * One owner may appear on several open accounts of a premise (split accounts, an old one not yet
 * closed): one row per register key goes in, or PostgreSQL refuses the whole statement with 21000
 * ("ON CONFLICT DO UPDATE command cannot affect row a second time"). The kept row is the one tied to
 * a person, then the largest share, then the newest.
 */
export async function upsertRegisterFromAccounts(db: Db, houseId: string): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO owner_register (house_id, premise_id, last_name, first_name, middle_name, share_numerator,
                                 share_denominator, title_document, person_id, account_owner_id, source)
     SELECT DISTINCT ON (a.premise_id, lower(o.last_name), lower(coalesce(o.first_name, '')),
                         lower(coalesce(o.middle_name, '')))
            a.house_id, a.premise_id, o.last_name, o.first_name, o.middle_name, o.share_numerator,
            o.share_denominator, o.title_document, o.person_id, o.id, 'accounts'
       FROM accounts_owners o JOIN accounts_accounts a ON a.id = o.account_id
      WHERE a.house_id = $1 AND a.status = 'open' AND a.premise_id IS NOT NULL
      ORDER BY a.premise_id, lower(o.last_name), lower(coalesce(o.first_name, '')),
               lower(coalesce(o.middle_name, '')), o.person_id IS NULL,
               o.share_numerator::numeric / o.share_denominator DESC, o.created_at DESC, o.id
     ON CONFLICT (premise_id, lower(last_name), lower(coalesce(first_name, '')), lower(coalesce(middle_name, '')))
     DO UPDATE SET share_numerator = EXCLUDED.share_numerator, share_denominator = EXCLUDED.share_denominator,
                   title_document = EXCLUDED.title_document, person_id = coalesce(EXCLUDED.person_id, owner_register.person_id),
                   account_owner_id = EXCLUDED.account_owner_id, source = 'accounts', updated_at = now()`,
    [houseId],
  );
  return rowCount ?? 0;
}

export type ImportedOwner = Omit<RegisterRow, 'id' | 'premiseNumber' | 'area' | 'source'>;

/** Replaces the owners of the listed premises with the imported ones, in one statement per step. */
export async function replaceRegisterOwners(db: Db, houseId: string, owners: ImportedOwner[]) {
  const premiseIds = [...new Set(owners.map((o) => o.premiseId))];
  const col = <K extends keyof ImportedOwner>(k: K) => owners.map((o) => o[k]);
  await db.query(
    `DELETE FROM owner_register r
      WHERE r.house_id = $1 AND r.premise_id = ANY($2::uuid[])
        AND NOT EXISTS (SELECT 1 FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) i(p, l, f, m)
                         WHERE i.p = r.premise_id AND lower(i.l) = lower(r.last_name)
                           AND lower(coalesce(i.f, '')) = lower(coalesce(r.first_name, ''))
                           AND lower(coalesce(i.m, '')) = lower(coalesce(r.middle_name, '')))`,
    [houseId, premiseIds, col('premiseId'), col('lastName'), col('firstName'), col('middleName')],
  );
  const { rowCount } = await db.query(
    `INSERT INTO owner_register (house_id, premise_id, last_name, first_name, middle_name, share_numerator,
                                 share_denominator, title_document, person_id, source)
     SELECT $1, * , 'import' FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::uuid[])
     ON CONFLICT (premise_id, lower(last_name), lower(coalesce(first_name, '')), lower(coalesce(middle_name, '')))
     DO UPDATE SET share_numerator = EXCLUDED.share_numerator, share_denominator = EXCLUDED.share_denominator,
                   title_document = EXCLUDED.title_document, person_id = coalesce(EXCLUDED.person_id, owner_register.person_id),
                   source = 'import', updated_at = now()`,
    [
      houseId,
      col('premiseId'),
      col('lastName'),
      col('firstName'),
      col('middleName'),
      col('shareNumerator'),
      col('shareDenominator'),
      col('titleDocument'),
      col('personId'),
    ],
  );
  return rowCount ?? 0;
}

export interface AccountOwnerRow {
  accountNumber: string;
  premiseId: string | null;
  premiseNumber: string | null;
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  shareNumerator: number;
  shareDenominator: number;
}

export async function listAccountOwners(db: Db, houseId: string): Promise<AccountOwnerRow[]> {
  const { rows } = await db.query<AccountOwnerRow>(
    `SELECT a.number AS "accountNumber", a.premise_id AS "premiseId", p.number AS "premiseNumber",
            o.last_name AS "lastName", o.first_name AS "firstName", o.middle_name AS "middleName",
            o.share_numerator AS "shareNumerator", o.share_denominator AS "shareDenominator"
       FROM accounts_accounts a LEFT JOIN registry_premises p ON p.id = a.premise_id
       LEFT JOIN accounts_owners o ON o.account_id = a.id
      WHERE a.house_id = $1 AND a.status = 'open'`,
    [houseId],
  );
  return rows;
}
