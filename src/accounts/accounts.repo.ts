import type { IdentifierKind } from '../../contracts/accounts.js';
import type { SqlExecutor } from '../../contracts/ports.js';
import type { Db } from '../db/pool.js';

// SQL of accounts and account_owners. The reads other modules call take their SqlExecutor.

export interface AccountForSync {
  id: string;
  number: string;
  houseId: string;
  gisAccountGuid: string | null;
  fiasHouseGuid: string | null;
  houseExported: boolean;
  premiseId: string | null;
  premiseArea: string | null;
  gisPremisesGuid: string | null;
}

/** Accounts with their house and premise identifiers, for the state-system exchange. */
export async function accountsForSync(
  db: SqlExecutor,
  organisationId: string,
  ids: string[],
): Promise<AccountForSync[]> {
  const { rows } = await db.query<{
    id: string;
    number: string;
    house_id: string;
    gis_account_guid: string | null;
    fias_house_guid: string | null;
    house_exported: boolean;
    premise_id: string | null;
    premise_area: string | null;
    gis_premises_guid: string | null;
  }>(
    `SELECT a.id, a.number, a.house_id, a.gis_account_guid, h.fias_house_guid, h.gis_exported_at IS NOT NULL AS house_exported,
            p.id AS premise_id, p.area::text AS premise_area, p.gis_premises_guid
       FROM accounts a JOIN registry_houses h ON h.id = a.house_id LEFT JOIN registry_premises p ON p.id = a.premise_id
      WHERE a.id = ANY($1::uuid[]) AND a.organisation_id = $2`,
    [ids, organisationId],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    houseId: r.house_id,
    gisAccountGuid: r.gis_account_guid,
    fiasHouseGuid: r.fias_house_guid,
    houseExported: r.house_exported,
    premiseId: r.premise_id,
    premiseArea: r.premise_area,
    gisPremisesGuid: r.gis_premises_guid,
  }));
}

export interface AccountPayer {
  accountId: string;
  /** Σ of the owners' shares on the account (1 when the whole premise is paid on it). */
  shareNumerator: number;
  shareDenominator: number;
  /** The owner who pays: the largest share, then the earliest recorded. */
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  personId: string | null;
  snilsCipher: string | null;
  idDocument: { typeCode: string; series: string | null; numberCipher: string; issuedOn: string } | null;
  /**
   * An organisation: its version in the register of organisations (the import's, else the register's
   * answer to the hub's lookup), and whether the register was asked (`registryChecked`).
   */
  organisation: {
    ownerId: string;
    name: string | null;
    ogrn: string | null;
    kpp: string | null;
    orgVersionGuid: string | null;
    registryChecked: boolean;
  } | null;
}

interface PayerRow {
  id: string;
  account_id: string;
  last_name: string;
  first_name: string | null;
  middle_name: string | null;
  person_id: string | null;
  snils_enc: string | null;
  id_doc_type: string | null;
  id_doc_series: string | null;
  id_doc_number_enc: string | null;
  id_doc_issued_on: string | null;
  org_name: string | null;
  org_ogrn: string | null;
  org_kpp: string | null;
  org_version_guid: string | null;
  org_registry_checked: boolean;
  shares: { n: number; d: number }[];
}

/** The payer of each account among its owners, with the owners' total share. */
export async function payersOf(db: SqlExecutor, accountIds: string[]): Promise<Map<string, AccountPayer>> {
  if (!accountIds.length) return new Map();
  const { rows } = await db.query<PayerRow>(
    `SELECT DISTINCT ON (o.account_id) o.id, o.account_id, o.last_name, o.first_name, o.middle_name, o.person_id, o.snils_enc,
            o.id_doc_type, o.id_doc_series, o.id_doc_number_enc, o.id_doc_issued_on::text AS id_doc_issued_on,
            o.org_name, o.org_ogrn, o.org_kpp, coalesce(o.org_version_guid, o.org_registry_version_guid) AS org_version_guid,
            o.org_registry_checked_at IS NOT NULL AS org_registry_checked,
            (SELECT json_agg(json_build_object('n', x.share_numerator, 'd', x.share_denominator)) FROM account_owners x WHERE x.account_id = o.account_id) AS shares
       FROM account_owners o WHERE o.account_id = ANY($1::uuid[])
      ORDER BY o.account_id, o.share_numerator::numeric / o.share_denominator DESC, o.person_id IS NULL, o.created_at, o.id`,
    [accountIds],
  );
  const out = new Map<string, AccountPayer>();
  for (const r of rows) {
    // Σ n/d over the owners, as one fraction (denominators are small).
    let num = 0n,
      den = 1n;
    for (const s of r.shares) {
      num = num * BigInt(s.d) + BigInt(s.n) * den;
      den *= BigInt(s.d);
    }
    out.set(r.account_id, {
      accountId: r.account_id,
      shareNumerator: Number(num),
      shareDenominator: Number(den),
      lastName: r.last_name,
      firstName: r.first_name,
      middleName: r.middle_name,
      personId: r.person_id,
      snilsCipher: r.snils_enc,
      idDocument:
        r.id_doc_type && r.id_doc_number_enc && r.id_doc_issued_on
          ? {
              typeCode: r.id_doc_type,
              series: r.id_doc_series,
              numberCipher: r.id_doc_number_enc,
              issuedOn: r.id_doc_issued_on,
            }
          : null,
      organisation:
        r.org_ogrn || r.org_version_guid
          ? {
              ownerId: r.id,
              name: r.org_name,
              ogrn: r.org_ogrn,
              kpp: r.org_kpp,
              orgVersionGuid: r.org_version_guid,
              registryChecked: r.org_registry_checked,
            }
          : null,
    });
  }
  return out;
}

/** Organisation owners by id (the register's lookups name them): their OGRN and KPP. */
export async function organisationOwners(db: SqlExecutor, organisationId: string, ownerIds: string[]) {
  const { rows } = await db.query<{ id: string; ogrn: string | null; kpp: string | null }>(
    `SELECT o.id, o.org_ogrn AS ogrn, o.org_kpp AS kpp FROM account_owners o JOIN accounts a ON a.id = o.account_id
      WHERE a.organisation_id = $1 AND o.id = ANY($2::uuid[])`,
    [organisationId, ownerIds],
  );
  return rows;
}

/** Organisation owners with an OGRN but no version in the register whom the register was not asked about yet. */
export async function organisationOwnerIdsToLookUp(db: SqlExecutor, organisationId: string) {
  const { rows } = await db.query<{ id: string }>(
    `SELECT o.id FROM account_owners o JOIN accounts a ON a.id = o.account_id
      WHERE a.organisation_id = $1 AND o.org_ogrn IS NOT NULL AND o.org_version_guid IS NULL AND o.org_registry_checked_at IS NULL`,
    [organisationId],
  );
  return rows.map((r) => r.id);
}

/**
 * The register's answer for an OGRN and KPP (null: it holds no such organisation), on every owner of the
 * organisation's accounts with them; returns the accounts the state system already holds whose payer has
 * a version now (they go again as a new revision).
 */
export async function saveOrgRegistryAnswer(
  db: SqlExecutor,
  organisationId: string,
  org: { ogrn: string; kpp: string | null },
  orgVersionGuid: string | null,
): Promise<string[]> {
  const { rows } = await db.query<{ account_id: string; synced: boolean }>(
    `UPDATE account_owners o SET org_registry_version_guid = $4, org_registry_checked_at = now()
       FROM accounts a WHERE a.id = o.account_id AND a.organisation_id = $1 AND o.org_ogrn = $2 AND o.org_kpp IS NOT DISTINCT FROM $3
     RETURNING o.account_id, (a.gis_account_guid IS NOT NULL AND o.org_version_guid IS NULL AND $4::uuid IS NOT NULL) AS synced`,
    [organisationId, org.ogrn, org.kpp, orgVersionGuid],
  );
  return [...new Set(rows.filter((r) => r.synced).map((r) => r.account_id))];
}

export async function accountStatus(db: SqlExecutor, accountId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ status: string }>(`SELECT status FROM accounts WHERE id = $1`, [accountId]);
  return rows[0]?.status;
}

export interface FoundAccountRow {
  id: string;
  organisation_id: string;
  contact_email: string | null;
  owners: string[];
}

const IDENTIFIER_COLUMN: Record<IdentifierKind, string> = {
  number: 'number',
  unified_number: 'unified_number',
  service_id: 'service_id',
};

/** The account at the house with the identifier (case aside), with its owners' surnames: one query either way. */
export async function findByIdentifier(
  db: Db,
  houseId: string,
  kind: IdentifierKind,
  value: string,
): Promise<FoundAccountRow | undefined> {
  const { rows } = await db.query<FoundAccountRow>(
    `SELECT a.id, a.organisation_id, a.contact_email,
            coalesce(array_agg(o.last_name) FILTER (WHERE o.id IS NOT NULL), '{}') AS owners
       FROM accounts a LEFT JOIN account_owners o ON o.account_id = a.id
      WHERE a.house_id = $1 AND upper(a.${IDENTIFIER_COLUMN[kind]}) = upper($2)
      GROUP BY a.id LIMIT 1`,
    [houseId, value],
  );
  return rows[0];
}

export interface OwnerNameRow {
  last_name: string;
  first_name: string | null;
  middle_name: string | null;
  share_numerator: number;
  share_denominator: number;
}

export async function ownerNames(db: Db, accountId: string): Promise<OwnerNameRow[]> {
  const { rows } = await db.query<OwnerNameRow>(
    `SELECT last_name, first_name, middle_name, share_numerator, share_denominator FROM account_owners WHERE account_id = $1 ORDER BY last_name`,
    [accountId],
  );
  return rows;
}

/** Locks the account row until the transaction ends (one change of residents at a time). */
export async function lockAccount(db: Db, accountId: string) {
  await db.query(`SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE`, [accountId]);
}

export async function isAccountOfHouse(
  db: Db,
  accountId: string,
  houseId: string,
  organisationId: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM accounts WHERE id = $1 AND house_id = $2 AND organisation_id = $3`,
    [accountId, houseId, organisationId],
  );
  return Boolean(rowCount);
}

export interface AccountWrite {
  number: string;
  houseId: string;
  premiseId: string | null;
  unifiedNumber: string | null;
  serviceId: string | null;
  status: 'open' | 'closed';
  contactEmail: string | null;
}

/** Inserts or updates accounts by number; rows equal to the stored ones are not written nor returned. */
export async function upsertAccounts(db: Db, organisationId: string, accounts: AccountWrite[]) {
  const col = <K extends keyof AccountWrite>(k: K) => accounts.map((a) => a[k]);
  const { rows } = await db.query<{ number: string; id: string; inserted: boolean }>(
    `INSERT INTO accounts AS a (organisation_id, number, house_id, premise_id, unified_number, service_id, status, contact_email)
     SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
     ON CONFLICT (organisation_id, number) DO UPDATE SET house_id = EXCLUDED.house_id, premise_id = EXCLUDED.premise_id,
       unified_number = EXCLUDED.unified_number, service_id = EXCLUDED.service_id, status = EXCLUDED.status,
       contact_email = EXCLUDED.contact_email, updated_at = now()
     WHERE (a.house_id, a.premise_id, a.unified_number, a.service_id, a.status, a.contact_email) IS DISTINCT FROM
           (EXCLUDED.house_id, EXCLUDED.premise_id, EXCLUDED.unified_number, EXCLUDED.service_id, EXCLUDED.status, EXCLUDED.contact_email)
     RETURNING a.number, a.id, (a.xmax = 0) AS inserted`,
    [
      organisationId,
      col('number'),
      col('houseId'),
      col('premiseId'),
      col('unifiedNumber'),
      col('serviceId'),
      col('status'),
      col('contactEmail'),
    ],
  );
  return rows;
}

/** Those of the accounts the state system already holds (it gave them an AccountGUID). */
export async function accountIdsInStateSystem(db: SqlExecutor, accountIds: string[]): Promise<string[]> {
  if (!accountIds.length) return [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM accounts WHERE id = ANY($1::uuid[]) AND gis_account_guid IS NOT NULL`,
    [accountIds],
  );
  return rows.map((r) => r.id);
}

/** The ids of the organisation's accounts with these numbers, by number. */
export async function accountIdsByNumber(db: Db, organisationId: string, numbers: string[]) {
  const { rows } = await db.query<{ id: string; number: string }>(
    `SELECT id, number FROM accounts WHERE organisation_id = $1 AND number = ANY($2::text[])`,
    [organisationId, numbers],
  );
  return new Map(rows.map((r) => [r.number, r.id]));
}

/** An owner's row; SNILS and the document's number as the field cipher's text. */
export interface OwnerRecord {
  accountId: string;
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  numerator: number;
  denominator: number;
  titleDocument: string | null;
  personId: string | null;
  snilsEnc: string | null;
  idDocument: { type: string; series: string | null; numberEnc: string; issuedOn: string } | null;
  organisation: { name: string; ogrn: string; inn: string; kpp: string | null; orgVersionGuid: string | null } | null;
}

export async function ownersOf(db: Db, accountIds: string[]): Promise<OwnerRecord[]> {
  const { rows } = await db.query<{
    account_id: string;
    last_name: string;
    first_name: string | null;
    middle_name: string | null;
    share_numerator: number;
    share_denominator: number;
    title_document: string | null;
    person_id: string | null;
    snils_enc: string | null;
    id_doc_type: string | null;
    id_doc_series: string | null;
    id_doc_number_enc: string | null;
    id_doc_issued_on: string | null;
    org_name: string | null;
    org_ogrn: string | null;
    org_inn: string | null;
    org_kpp: string | null;
    org_version_guid: string | null;
  }>(
    `SELECT account_id, last_name, first_name, middle_name, share_numerator, share_denominator, title_document, person_id,
            snils_enc, id_doc_type, id_doc_series, id_doc_number_enc, id_doc_issued_on::text AS id_doc_issued_on,
            org_name, org_ogrn, org_inn, org_kpp, org_version_guid
       FROM account_owners WHERE account_id = ANY($1::uuid[])`,
    [accountIds],
  );
  return rows.map((o) => ({
    accountId: o.account_id,
    lastName: o.last_name,
    firstName: o.first_name,
    middleName: o.middle_name,
    numerator: o.share_numerator,
    denominator: o.share_denominator,
    titleDocument: o.title_document,
    personId: o.person_id,
    snilsEnc: o.snils_enc,
    idDocument:
      o.id_doc_type && o.id_doc_number_enc && o.id_doc_issued_on
        ? { type: o.id_doc_type, series: o.id_doc_series, numberEnc: o.id_doc_number_enc, issuedOn: o.id_doc_issued_on }
        : null,
    organisation:
      o.org_ogrn && o.org_inn
        ? {
            name: o.org_name ?? o.last_name,
            ogrn: o.org_ogrn,
            inn: o.org_inn,
            kpp: o.org_kpp,
            orgVersionGuid: o.org_version_guid,
          }
        : null,
  }));
}

/** Replaces the owners of the given accounts with `owners` (accounts not listed there are left without). */
export async function replaceOwners(db: Db, accountIds: string[], owners: OwnerRecord[]) {
  if (accountIds.length) await db.query(`DELETE FROM account_owners WHERE account_id = ANY($1::uuid[])`, [accountIds]);
  if (!owners.length) return;
  const c = <T>(f: (o: OwnerRecord) => T) => owners.map(f);
  await db.query(
    `INSERT INTO account_owners (account_id, last_name, first_name, middle_name, share_numerator, share_denominator, title_document, person_id,
                                 snils_enc, id_doc_type, id_doc_series, id_doc_number_enc, id_doc_issued_on,
                                 org_name, org_ogrn, org_inn, org_kpp, org_version_guid)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::uuid[],
                          $9::text[], $10::text[], $11::text[], $12::text[], $13::date[],
                          $14::text[], $15::text[], $16::text[], $17::text[], $18::uuid[])`,
    [
      c((o) => o.accountId),
      c((o) => o.lastName),
      c((o) => o.firstName),
      c((o) => o.middleName),
      c((o) => o.numerator),
      c((o) => o.denominator),
      c((o) => o.titleDocument),
      c((o) => o.personId),
      c((o) => o.snilsEnc),
      c((o) => o.idDocument?.type ?? null),
      c((o) => o.idDocument?.series ?? null),
      c((o) => o.idDocument?.numberEnc ?? null),
      c((o) => o.idDocument?.issuedOn ?? null),
      c((o) => o.organisation?.name ?? null),
      c((o) => o.organisation?.ogrn ?? null),
      c((o) => o.organisation?.inn ?? null),
      c((o) => o.organisation?.kpp ?? null),
      c((o) => o.organisation?.orgVersionGuid ?? null),
    ],
  );
}

/** The state system's identifiers of accounts it accepted (importAccountData); the ЕЛС and ЖКУ id are kept once set. */
export async function saveAccountGisIdentifiers(
  db: SqlExecutor,
  accepted: {
    id: string;
    guid: string | null;
    uniqueNumber: string | null;
    unifiedNumber: string | null;
    serviceId: string | null;
  }[],
) {
  await db.query(
    `UPDATE accounts a SET gis_account_guid = v.guid, gis_unique_number = v.num,
            unified_number = coalesce(a.unified_number, v.els), service_id = coalesce(a.service_id, v.sid), updated_at = now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[]) v(id, guid, num, els, sid)
      WHERE a.id = v.id`,
    [
      accepted.map((a) => a.id),
      accepted.map((a) => a.guid),
      accepted.map((a) => a.uniqueNumber),
      accepted.map((a) => a.unifiedNumber),
      accepted.map((a) => a.serviceId),
    ],
  );
}

/** Open accounts of the organisation the state system has no AccountGUID for yet. */
export async function accountIdsWithoutGisGuid(db: SqlExecutor, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT a.id FROM accounts a WHERE a.organisation_id = $1 AND a.status = 'open' AND a.gis_account_guid IS NULL`,
    [organisationId],
  );
  return rows.map((r) => r.id);
}

export interface AccountAtPlace {
  id: string;
  number: string;
  houseId: string;
  premiseId: string | null;
}

/**
 * The organisation's open accounts of a place the state system names: a premise by its GUID there, or a
 * house by FIAS HouseGUID (with a flat number when the request gives one).
 */
export async function accountsAtPlace(
  db: SqlExecutor,
  organisationId: string,
  place: { premisesGuid?: string; fiasHouseGuid?: string; flat?: string },
): Promise<AccountAtPlace[]> {
  const { rows } = await db.query<AccountAtPlace>(
    `SELECT a.id, a.number, a.house_id AS "houseId", a.premise_id AS "premiseId"
       FROM accounts a JOIN registry_houses h ON h.id = a.house_id LEFT JOIN registry_premises p ON p.id = a.premise_id
      WHERE a.organisation_id = $1 AND a.status = 'open'
        AND CASE WHEN $2::uuid IS NOT NULL THEN p.gis_premises_guid = $2::uuid
                 ELSE h.fias_house_guid = $3::uuid AND ($4::text IS NULL OR p.number = $4) END
      ORDER BY a.number`,
    [organisationId, place.premisesGuid ?? null, place.fiasHouseGuid ?? null, place.flat ?? null],
  );
  return rows;
}

/** Account numbers by id, of one organisation. */
export async function accountNumbers(db: SqlExecutor, organisationId: string, ids: string[]) {
  const { rows } = await db.query<{ id: string; number: string }>(
    `SELECT id, number FROM accounts WHERE organisation_id = $1 AND id = ANY($2::uuid[])`,
    [organisationId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.number]));
}
/** The organisation's accounts by number and flat, for lists of other modules (the exchange's refused items). */
/** Organisation owners as the console names them: "ООО «…», ОГРН …, л/с …". */
export async function ownerLabels(db: Db, organisationId: string, ids: string[]) {
  const { rows } = await db.query<{ id: string; label: string }>(
    `SELECT o.id, COALESCE(o.org_name, o.last_name) || COALESCE(', ОГРН ' || o.org_ogrn, '') || ', л/с ' || a.number AS label
       FROM account_owners o JOIN accounts a ON a.id = o.account_id WHERE o.id = ANY($1::uuid[]) AND a.organisation_id = $2`,
    [ids, organisationId],
  );
  return rows;
}

export async function accountLabels(db: Db, organisationId: string, ids: string[]) {
  const { rows } = await db.query<{ id: string; label: string }>(
    `SELECT a.id, 'л/с ' || a.number || COALESCE(', кв. ' || p.number, '') AS label
       FROM accounts a LEFT JOIN registry_premises p ON p.id = a.premise_id WHERE a.id = ANY($1::uuid[]) AND a.organisation_id = $2`,
    [ids, organisationId],
  );
  return rows;
}
