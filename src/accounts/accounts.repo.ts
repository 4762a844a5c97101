import type { SqlExecutor } from '../../contracts/ports.js';

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
  const { rows } = await db.query(
    `SELECT a.id, a.number, a.house_id, a.gis_account_guid, h.fias_house_guid, h.gis_exported_at IS NOT NULL AS house_exported,
            p.id AS premise_id, p.area::text AS premise_area, p.gis_premises_guid
       FROM accounts a JOIN houses h ON h.id = a.house_id LEFT JOIN premises p ON p.id = a.premise_id
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
  organisation: { name: string | null; ogrn: string | null; orgVersionGuid: string | null } | null;
}

/** The payer of each account among its owners, with the owners' total share. */
export async function payersOf(db: SqlExecutor, accountIds: string[]): Promise<Map<string, AccountPayer>> {
  if (!accountIds.length) return new Map();
  const { rows } = await db.query(
    `SELECT DISTINCT ON (o.account_id) o.account_id, o.last_name, o.first_name, o.middle_name, o.person_id, o.snils_enc,
            o.id_doc_type, o.id_doc_series, o.id_doc_number_enc, o.id_doc_issued_on::text AS id_doc_issued_on,
            o.org_name, o.org_ogrn, o.org_version_guid,
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
    for (const s of r.shares as { n: number; d: number }[]) {
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
          ? { name: r.org_name, ogrn: r.org_ogrn, orgVersionGuid: r.org_version_guid }
          : null,
    });
  }
  return out;
}

export async function accountStatus(db: SqlExecutor, accountId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ status: string }>(`SELECT status FROM accounts WHERE id = $1`, [accountId]);
  return rows[0]?.status;
}

/** Ends the person's live links to the account; returns the ids of the links ended. */
export async function revokePersonLinks(db: SqlExecutor, accountId: string, personId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE account_links SET revoked_at = now() WHERE account_id = $1 AND person_id = $2 AND revoked_at IS NULL RETURNING id`,
    [accountId, personId],
  );
  return rows.map((r) => r.id);
}
