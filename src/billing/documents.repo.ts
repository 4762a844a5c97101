import type { Db } from '../db/pool.js';

export interface Payee {
  id: string;
  name: string;
  inn: string;
  kpp: string | null;
  bankName: string | null;
  bik: string | null;
  settlementAccount: string | null;
  correspondentAccount: string | null;
  /** Contacts printed on the payment document (form 43/пр, section 1). */
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  workingHours: string | null;
  dispatcherPhone: string | null;
  dispatcherHours: string | null;
}

/** The house's reference data, printed where the organisation provided it. */
export interface HouseReference {
  totalArea: string | null;
  residentialArea: string | null;
  nonResidentialArea: string | null;
  commonArea: string | null;
}

export interface AccountCard {
  accountId: string;
  number: string;
  unifiedNumber: string | null;
  address: string;
  flat: string | null;
  /** The premise's total area, m² (decimal string). */
  premiseArea: string | null;
  house: HouseReference;
  owner: { lastName: string; firstName: string | null; middleName: string | null } | null;
  timezone: string;
  payee: Payee;
}

interface AccountCardRow {
  id: string;
  number: string;
  unified_number: string | null;
  full_address: string;
  timezone: string;
  flat: string | null;
  premise_area: string | null;
  total_area: string | null;
  residential_area: string | null;
  non_residential_area: string | null;
  common_area: string | null;
  org_id: string;
  name: string;
  inn: string;
  kpp: string | null;
  bank_name: string | null;
  bik: string | null;
  settlement_account: string | null;
  correspondent_account: string | null;
  org_address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  working_hours: string | null;
  dispatcher_phone: string | null;
  dispatcher_hours: string | null;
  owner: AccountCard['owner'];
}

export async function findAccountCard(db: Db, accountId: string): Promise<AccountCard | null> {
  const { rows } = await db.query<AccountCardRow>(
    `SELECT a.id, a.number, a.unified_number, h.full_address, h.timezone, p.number AS flat, p.area::text AS premise_area,
            h.total_area::text AS total_area, h.residential_area::text AS residential_area,
            h.non_residential_area::text AS non_residential_area, h.common_area::text AS common_area,
            o.id AS org_id, o.name, o.inn, o.kpp, bo.bank_name, bo.bik, bo.settlement_account, bo.correspondent_account,
            bo.address AS org_address, bo.phone, bo.email, bo.website, bo.working_hours, bo.dispatcher_phone, bo.dispatcher_hours,
            (SELECT json_build_object('lastName', ow.last_name, 'firstName', ow.first_name, 'middleName', ow.middle_name)
               FROM accounts_owners ow WHERE ow.account_id = a.id ORDER BY ow.created_at, ow.id LIMIT 1) AS owner
       FROM accounts_accounts a JOIN registry_houses h ON h.id = a.house_id
       JOIN registry_organisations o ON o.id = a.organisation_id JOIN billing_organisations bo ON bo.id = o.id
       LEFT JOIN registry_premises p ON p.id = a.premise_id
      WHERE a.id = $1`,
    [accountId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    accountId: r.id,
    number: r.number,
    unifiedNumber: r.unified_number,
    address: r.flat ? `${r.full_address}, кв. ${r.flat}` : r.full_address,
    flat: r.flat,
    premiseArea: r.premise_area,
    house: {
      totalArea: r.total_area,
      residentialArea: r.residential_area,
      nonResidentialArea: r.non_residential_area,
      commonArea: r.common_area,
    },
    owner: r.owner,
    timezone: r.timezone,
    payee: {
      id: r.org_id,
      name: r.name,
      inn: r.inn,
      kpp: r.kpp,
      bankName: r.bank_name,
      bik: r.bik,
      settlementAccount: r.settlement_account,
      correspondentAccount: r.correspondent_account,
      address: r.org_address,
      phone: r.phone,
      email: r.email,
      website: r.website,
      workingHours: r.working_hours,
      dispatcherPhone: r.dispatcher_phone,
      dispatcherHours: r.dispatcher_hours,
    },
  };
}

export interface IssuedDocument {
  id: string;
  number: string;
  amount: string;
  issuedAt: Date;
  gisDocumentId: string | null;
  gisGuid: string | null;
}

/** Issues the document of a charge version once; `created` is false when it was issued before. */
export async function issuePaymentDocument(
  db: Db,
  d: { chargePeriodId: string; organisationId: string; accountId: string; period: string; amount: bigint },
): Promise<IssuedDocument & { created: boolean }> {
  const { rows } = await db.query<Omit<IssuedDocument, 'gisDocumentId' | 'gisGuid'>>(
    `INSERT INTO payment_documents (charge_period_id, organisation_id, account_id, period, number, amount)
     VALUES ($1, $2, $3, $4, replace($4, '-', '') || lpad(nextval('payment_document_seq')::text, 12, '0'), $5)
     ON CONFLICT (charge_period_id) DO NOTHING
     RETURNING id, number, amount::text, issued_at AS "issuedAt"`,
    [d.chargePeriodId, d.organisationId, d.accountId, d.period, d.amount],
  );
  if (rows[0]) return { ...rows[0], gisDocumentId: null, gisGuid: null, created: true };
  return { ...(await findPaymentDocument(db, d.chargePeriodId))!, created: false };
}

/** The document issued for a charge version, if any (reading it changes nothing). */
export async function findPaymentDocument(db: Db, chargePeriodId: string): Promise<IssuedDocument | undefined> {
  const { rows } = await db.query<IssuedDocument>(
    `SELECT id, number, amount::text, issued_at AS "issuedAt", gis_document_id AS "gisDocumentId", gis_guid::text AS "gisGuid"
       FROM payment_documents WHERE charge_period_id = $1`,
    [chargePeriodId],
  );
  return rows[0];
}

/** The payee's INN: bank details are checked against it. */
export async function findPayeeInn(db: Db, organisationId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ inn: string }>(`SELECT inn FROM registry_organisations WHERE id = $1`, [
    organisationId,
  ]);
  return rows[0]?.inn;
}

/** The payee's name, INN, KPP and bank details as payment documents print them. */
export async function findPayeeBankDetails(db: Db, organisationId: string) {
  const { rows } = await db.query<{
    name: string;
    inn: string;
    kpp: string | null;
    bankName: string | null;
    bik: string | null;
    settlementAccount: string | null;
    correspondentAccount: string | null;
  }>(
    `SELECT o.name, o.inn, o.kpp, bo.bank_name AS "bankName", bo.bik, bo.settlement_account AS "settlementAccount",
            bo.correspondent_account AS "correspondentAccount"
       FROM registry_organisations o JOIN billing_organisations bo ON bo.id = o.id WHERE o.id = $1`,
    [organisationId],
  );
  return rows[0];
}

export async function updatePayeeBankDetails(
  db: Db,
  organisationId: string,
  d: { bankName: string; bik: string; settlementAccount: string; correspondentAccount: string },
) {
  await db.query(
    `UPDATE billing_organisations SET bank_name = $2, bik = $3, settlement_account = $4, correspondent_account = $5, updated_at = now() WHERE id = $1`,
    [organisationId, d.bankName, d.bik, d.settlementAccount, d.correspondentAccount],
  );
}

export interface PayeeContacts {
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  workingHours: string | null;
  dispatcherPhone: string | null;
  dispatcherHours: string | null;
}

/** The contacts the payment document prints; undefined when there is no such organisation. */
export async function findPayeeContacts(db: Db, organisationId: string): Promise<PayeeContacts | undefined> {
  const { rows } = await db.query<PayeeContacts>(
    `SELECT address, phone, email, website, working_hours AS "workingHours", dispatcher_phone AS "dispatcherPhone",
            dispatcher_hours AS "dispatcherHours"
       FROM billing_organisations WHERE id = $1`,
    [organisationId],
  );
  return rows[0];
}

/** The contacts the payment document prints for the payee and its dispatcher service. */
export async function updatePayeeContacts(db: Db, organisationId: string, c: PayeeContacts) {
  await db.query(
    `UPDATE billing_organisations SET address = $2, phone = $3, email = $4, website = $5, working_hours = $6, dispatcher_phone = $7,
            dispatcher_hours = $8, updated_at = now()
      WHERE id = $1`,
    [organisationId, c.address, c.phone, c.email, c.website, c.workingHours, c.dispatcherPhone, c.dispatcherHours],
  );
}

export interface PaymentDocumentForSync {
  id: string;
  period: string;
  number: string;
  /** Kopecks. */
  amount: string;
  account_id: string;
  gis_account_guid: string | null;
  opening_debt: string;
  /** Set when the period's charges were re-imported: a newer document replaces this one. */
  superseded_at: Date | null;
  bik: string | null;
  settlement_account: string | null;
}

/** The organisation's payment documents with what importPaymentDocumentData needs. */
export async function paymentDocumentsForSync(
  db: Db,
  organisationId: string,
  ids: string[],
): Promise<PaymentDocumentForSync[]> {
  const { rows } = await db.query<PaymentDocumentForSync>(
    `SELECT d.id, d.period, d.number, d.amount::text, d.account_id, a.gis_account_guid, cp.opening_debt::text, cp.superseded_at,
            o.bik, o.settlement_account
       FROM payment_documents d JOIN accounts_accounts a ON a.id = d.account_id JOIN charge_periods cp ON cp.id = d.charge_period_id
       JOIN billing_organisations o ON o.id = d.organisation_id
      WHERE d.id = ANY($1::uuid[]) AND d.organisation_id = $2`,
    [ids, organisationId],
  );
  return rows;
}

/** The state system's PaymentDocumentID of each account's latest document of a period, where it has one. */
export async function gisDocumentIds(
  db: Db,
  accountPeriods: { accountId: string; period: string }[],
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ account_id: string; period: string; gis_document_id: string }>(
    `SELECT DISTINCT ON (d.account_id, d.period) d.account_id, d.period, d.gis_document_id
       FROM payment_documents d JOIN unnest($1::uuid[], $2::text[]) v(account_id, period) ON v.account_id = d.account_id AND v.period = d.period
      WHERE d.gis_document_id IS NOT NULL ORDER BY d.account_id, d.period, d.issued_at DESC`,
    [accountPeriods.map((p) => p.accountId), accountPeriods.map((p) => p.period)],
  );
  return new Map(rows.map((d) => [`${d.account_id}:${d.period}`, d.gis_document_id]));
}

/** The state system's identifiers of documents it accepted; its UniqueNumber is the PaymentDocumentID when 18 characters long. */
export async function savePaymentDocumentGisIdentifiers(
  db: Db,
  accepted: { id: string; guid: string | null; uniqueNumber: string | null }[],
) {
  await db.query(
    `UPDATE payment_documents d SET gis_guid = v.guid::uuid, gis_document_id = CASE WHEN length(v.num) = 18 THEN v.num END
       FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, guid, num) WHERE d.id = v.id`,
    [accepted.map((a) => a.id), accepted.map((a) => a.guid), accepted.map((a) => a.uniqueNumber)],
  );
}

/** Documents of current charge versions the state system has no GUID for yet. */
export async function currentDocumentIdsWithoutGisGuid(db: Db, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT d.id FROM payment_documents d JOIN charge_periods c ON c.id = d.charge_period_id
      WHERE d.organisation_id = $1 AND d.gis_guid IS NULL AND c.superseded_at IS NULL`,
    [organisationId],
  );
  return rows.map((r) => r.id);
}

/** The organisation's payment documents by number and period, for lists of other modules (the exchange's refused items). */
export async function paymentDocumentLabels(db: Db, organisationId: string, ids: string[]) {
  const { rows } = await db.query<{ id: string; label: string; period: string }>(
    `SELECT id, '№ ' || number AS label, period FROM payment_documents WHERE id = ANY($1::uuid[]) AND organisation_id = $2`,
    [ids, organisationId],
  );
  return rows;
}
