import type { SqlExecutor } from '../../contracts/ports.js';

export interface Payee {
  id: string;
  name: string;
  inn: string;
  kpp: string | null;
  bankName: string | null;
  bik: string | null;
  settlementAccount: string | null;
  correspondentAccount: string | null;
}

export interface AccountCard {
  accountId: string;
  number: string;
  unifiedNumber: string | null;
  address: string;
  flat: string | null;
  owner: { lastName: string; firstName: string | null; middleName: string | null } | null;
  timezone: string;
  payee: Payee;
}

export async function findAccountCard(db: SqlExecutor, accountId: string): Promise<AccountCard | null> {
  const { rows } = await db.query(
    `SELECT a.id, a.number, a.unified_number, h.full_address, h.timezone, p.number AS flat,
            o.id AS org_id, o.name, o.inn, o.kpp, o.bank_name, o.bik, o.settlement_account, o.correspondent_account,
            (SELECT json_build_object('lastName', ow.last_name, 'firstName', ow.first_name, 'middleName', ow.middle_name)
               FROM account_owners ow WHERE ow.account_id = a.id ORDER BY ow.created_at, ow.id LIMIT 1) AS owner
       FROM accounts a JOIN houses h ON h.id = a.house_id JOIN organisations o ON o.id = a.organisation_id
       LEFT JOIN premises p ON p.id = a.premise_id
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
    owner: r.owner,
    timezone: r.timezone,
    payee: {
      id: r.org_id, name: r.name, inn: r.inn, kpp: r.kpp, bankName: r.bank_name, bik: r.bik,
      settlementAccount: r.settlement_account, correspondentAccount: r.correspondent_account,
    },
  };
}

/** Issues the document of a charge version once; null when it was issued before (then read it). */
export async function issuePaymentDocument(
  db: SqlExecutor,
  d: { chargePeriodId: string; organisationId: string; accountId: string; period: string; amount: bigint },
) {
  const { rows } = await db.query(
    `INSERT INTO payment_documents (charge_period_id, organisation_id, account_id, period, number, amount)
     VALUES ($1, $2, $3, $4, replace($4, '-', '') || lpad(nextval('payment_document_seq')::text, 12, '0'), $5)
     ON CONFLICT (charge_period_id) DO NOTHING
     RETURNING id, number, issued_at`,
    [d.chargePeriodId, d.organisationId, d.accountId, d.period, d.amount],
  );
  if (rows[0]) return { id: rows[0].id as string, number: rows[0].number as string, issuedAt: rows[0].issued_at as Date, created: true };
  const prior = await db.query(`SELECT id, number, issued_at FROM payment_documents WHERE charge_period_id = $1`, [d.chargePeriodId]);
  return { id: prior.rows[0].id as string, number: prior.rows[0].number as string, issuedAt: prior.rows[0].issued_at as Date, created: false };
}

export async function updatePayeeBankDetails(
  db: SqlExecutor,
  organisationId: string,
  d: { bankName: string; bik: string; settlementAccount: string; correspondentAccount: string },
) {
  await db.query(
    `UPDATE organisations SET bank_name = $2, bik = $3, settlement_account = $4, correspondent_account = $5, updated_at = now() WHERE id = $1`,
    [organisationId, d.bankName, d.bik, d.settlementAccount, d.correspondentAccount],
  );
}
