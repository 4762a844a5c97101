import { createHash } from 'node:crypto';
import type { Actor } from '../../contracts/actor.js';
import type { ChargeImportItem } from '../../contracts/billing.js';
import type { ErrorCode } from '../../contracts/errors.js';
import type { Enqueue } from '../../contracts/ports.js';
import type { Db } from '../db/pool.js';
import { withSavepoint } from '../db/savepoint.js';
import { notFound, ruleViolated, validationFailed } from '../errors.js';
import { audit } from '../identity/audit.js';
import { queueForSync } from '../sync/outbox.js';
import { bankDetailsProblems } from '../validation/ru-checksums.js';
import { accountIdsByNumber } from '../accounts/accounts.repo.js';
import { registeredResidentsFor } from '../accounts/residents.repo.js';
import { accountPeriodReadings } from '../metering/readings.repo.js';
import {
  accountDebts,
  ledgerStatements,
  findCurrentChargePeriod,
  insertChargePeriod,
  listChargePeriods,
  supersedeChargePeriod,
  type ChargeLineRow,
  type ChargePeriodRow,
} from './charges.repo.js';
import {
  findAccountCard,
  findPayeeInn,
  findPaymentDocument,
  issuePaymentDocument,
  updatePayeeBankDetails,
  updatePayeeContacts,
  type AccountCard,
  type PayeeContacts,
} from './documents.repo.js';
import { buildPaymentQrPayload, PaymentQrError, paymPeriod } from './payment-qr.js';
import { periodTitle, renderDebtCertificate, renderPaymentDocument } from './pdf.js';
import { addMonths, currentPeriod, endOfLocalDay, periodOf } from '../calendar.js';
import { dueDate } from './periods.js';

export interface ImportRowResult {
  index: number;
  accountNumber: string;
  period: string;
  status: 'created' | 'replaced' | 'unchanged' | 'error';
  version?: number;
  error?: { code: ErrorCode; message: string };
}

/**
 * Imports charges per account and period. Each row commits or fails on its own (a savepoint per row);
 * the same content again is `unchanged`, new content supersedes the current version and keeps it.
 */
export async function importCharges(tx: Db, organisationId: string, importedBy: string, items: ChargeImportItem[]) {
  const accounts = await accountIdsByNumber(tx, organisationId, [...new Set(items.map((i) => i.accountNumber))]);
  const results: ImportRowResult[] = [];
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const base = { index, accountNumber: item.accountNumber, period: item.period };
    const accountId = accounts.get(item.accountNumber);
    const key = `${item.accountNumber} ${item.period}`;
    if (!accountId) {
      results.push({
        ...base,
        status: 'error',
        error: { code: 'account_not_found', message: 'No such account of the organisation' },
      });
      continue;
    }
    if (seen.has(key)) {
      results.push({
        ...base,
        status: 'error',
        error: { code: 'duplicate_row', message: 'The same account and period appears twice in the request' },
      });
      continue;
    }
    seen.add(key);
    const { lines, charged, penalty, openingDebt, paid, toPay, contentHash } = prepareChargeItem(item);
    if (item.toPay !== undefined && BigInt(item.toPay) !== toPay) {
      results.push({
        ...base,
        status: 'error',
        error: { code: 'totals_mismatch', message: `toPay must be openingDebt + Σ line totals − paid = ${toPay}` },
      });
      continue;
    }
    try {
      const current = await withSavepoint(tx, 'charge_row', async () => {
        const current = await findCurrentChargePeriod(tx, accountId, item.period);
        if (current?.content_hash === contentHash) return current;
        if (current) await supersedeChargePeriod(tx, current.id);
        await insertChargePeriod(tx, {
          organisationId,
          accountId,
          period: item.period,
          version: (current?.version ?? 0) + 1,
          openingDebt,
          charged,
          penalty,
          paid,
          toPay,
          contentHash,
          importedBy,
          lines,
        });
        return current;
      });
      if (current?.content_hash === contentHash)
        results.push({ ...base, status: 'unchanged', version: current.version });
      else results.push({ ...base, status: current ? 'replaced' : 'created', version: (current?.version ?? 0) + 1 });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== '23505' && code !== '22003') throw err;
      results.push({
        ...base,
        status: 'error',
        error: {
          code: code === '23505' ? 'concurrent_import' : 'invalid_value',
          message: 'The row could not be stored; send it again',
        },
      });
    }
  }
  return results;
}

/** Line totals (charged + recalculation − benefit + penalty), period totals and the content hash of an import row. */
export function prepareChargeItem(item: Omit<ChargeImportItem, 'toPay'>) {
  const lines: ChargeLineRow[] = item.lines.map((l) => {
    const charged = BigInt(l.charged),
      recalculation = BigInt(l.recalculation ?? '0'),
      benefit = BigInt(l.benefit ?? '0'),
      penalty = BigInt(l.penalty ?? '0');
    return {
      service: l.service,
      unit: l.unit ?? null,
      volume: l.volume ?? null,
      volumeCommon: l.volumeCommon ?? null,
      tariff: l.tariff === undefined ? null : BigInt(l.tariff),
      charged,
      recalculation,
      benefit,
      penalty,
      recalculationReason: l.recalculationReason ?? null,
      total: charged + recalculation - benefit + penalty,
    };
  });
  const charged = lines.reduce((s, l) => s + l.total, 0n);
  const penalty = lines.reduce((s, l) => s + l.penalty, 0n);
  const openingDebt = BigInt(item.openingDebt ?? '0'),
    paid = BigInt(item.paid ?? '0');
  const contentHash = createHash('sha256')
    .update(JSON.stringify({ openingDebt: item.openingDebt, paid: item.paid, lines: item.lines }))
    .digest('hex');
  return { lines, charged, penalty, openingDebt, paid, toPay: openingDebt + charged - paid, contentHash };
}

export function presentPeriod(r: ChargePeriodRow) {
  const due = BigInt(r.due),
    allocated = BigInt(r.allocated);
  return {
    accountId: r.account_id,
    accountNumber: r.account_number,
    period: r.period,
    version: r.version,
    openingDebt: r.opening_debt,
    charged: r.charged,
    penalty: r.penalty,
    paid: r.paid,
    toPay: r.to_pay,
    allocated: allocated.toString(),
    status: periodStatus(allocated, due),
    dueDate: dueDate(r.period, r.payment_due_day),
    lines: r.lines ?? [],
  };
}

const periodStatus = (allocated: bigint, due: bigint): 'paid' | 'partial' | 'unpaid' =>
  allocated >= due ? 'paid' : allocated > 0n ? 'partial' : 'unpaid';

/** Charges of the accounts for [from, to]; by default the 12 months up to the current one. */
export async function listCharges(
  db: Db,
  accountIds: string[],
  range: { from?: string; to?: string },
  timezone = 'Europe/Moscow',
) {
  const to = range.to ?? currentPeriod(new Date(), timezone);
  const from = range.from ?? addMonths(to, -11);
  if (from > to)
    throw ruleViolated('period_range_invalid', '`from` is after `to`', undefined, [
      { path: 'query.from', message: 'after to' },
    ]);
  const rows = await listChargePeriods(db, accountIds, from, to);
  return { from, to, periods: rows.map(presentPeriod) };
}

/** Balance per account and across them: debt (negative: advance), penalties, unpaid periods. */
export async function balances(db: Db, accountIds: string[]) {
  const debts = await accountDebts(db, accountIds, null, null);
  const accounts = debts.map((d) => ({
    accountId: d.accountId,
    accountNumber: d.number,
    debt: (d.charged - d.paid).toString(),
    penalties: d.penalties.toString(),
    unpaidPeriods: d.periods.filter((p) => BigInt(p.paid) < BigInt(p.charged)).map((p) => p.period),
  }));
  const total = debts.reduce((s, d) => s + d.charged - d.paid, 0n);
  return {
    accounts,
    totalDebt: total.toString(),
    totalPenalties: debts.reduce((s, d) => s + d.penalties, 0n).toString(),
  };
}

async function cardOf(db: Db, accountId: string): Promise<AccountCard> {
  const card = await findAccountCard(db, accountId);
  if (!card) throw notFound('Account');
  return card;
}

/** The payee's bank details must be complete and pass their checksums before a document is issued. */
export function assertPayeeReady(card: AccountCard) {
  const p = card.payee;
  const missing = (['bankName', 'bik', 'settlementAccount', 'correspondentAccount'] as const).filter((k) => !p[k]);
  const problems = missing.length
    ? missing.map((f) => ({ field: f, message: 'missing' }))
    : bankDetailsProblems({
        inn: p.inn,
        bik: p.bik!,
        settlementAccount: p.settlementAccount!,
        correspondentAccount: p.correspondentAccount!,
      });
  if (problems.length) {
    throw ruleViolated(
      'payee_details_invalid',
      'The organisation’s bank details are incomplete or fail their checksums',
      { organisationId: p.id },
      problems.map((x) => ({ path: `organisation.${x.field}`, message: x.message })),
    );
  }
}

/**
 * Issues the payment document of a period (once per charge version) in the caller's transaction.
 * Issuing is a state change that goes to the state system, so it happens on POST (or when demo data
 * is loaded), never on a GET.
 */
export async function issueDocumentIn(tx: Db, accountId: string, period: string) {
  const card = await cardOf(tx, accountId);
  const [row] = await listChargePeriods(tx, [accountId], period, period);
  if (!row) throw notFound('Charges of the period', 'charges_not_found');
  assertPayeeReady(card);
  const p = presentPeriod(row);
  const [ledger] = await ledgerStatements(tx, [{ accountId, period }]);
  const toPay = ledger!.openingDebt + BigInt(p.charged) - ledger!.paid;
  const doc = await issuePaymentDocument(tx, {
    chargePeriodId: row.id,
    organisationId: card.payee.id,
    accountId,
    period,
    amount: toPay,
  });
  return { ...doc, organisationId: card.payee.id, period };
}

/** POST: issues the document and queues it for the state system until the state system has it. */
export async function issueDocument(tx: Db, enqueue: Enqueue, accountId: string, period: string) {
  const doc = await issueDocumentIn(tx, accountId, period);
  if (!doc.gisGuid) {
    await queueForSync(tx, enqueue, {
      organisationId: doc.organisationId,
      operation: 'importPaymentDocumentData',
      objectType: 'payment_document',
      objectId: doc.id,
    });
  }
  return doc;
}

/** GET: renders the issued document of a period; reads only (404 `payment_document_not_issued` before the POST). */
export async function paymentDocument(db: Db, accountId: string, period: string) {
  const card = await cardOf(db, accountId);
  const [row] = await listChargePeriods(db, [accountId], period, period);
  if (!row) throw notFound('Charges of the period', 'charges_not_found');
  const doc = await findPaymentDocument(db, row.id);
  if (!doc)
    throw notFound('The payment document of the period (issue it with POST first)', 'payment_document_not_issued');
  assertPayeeReady(card);
  const p = presentPeriod(row);
  const [ledger] = await ledgerStatements(db, [{ accountId, period }]);
  const toPay = ledger!.openingDebt + BigInt(p.charged) - ledger!.paid;
  return renderIssuedDocument(db, card, p, { ...ledger!, toPay }, doc);
}

/** The QR payload of a payment document; a broken limit of the standard is a 422 naming the field. */
export function paymentQr(
  card: AccountCard,
  period: string,
  toPay: bigint,
  doc: { number: string; gisDocumentId: string | null },
) {
  const payee = card.payee;
  try {
    return buildPaymentQrPayload({
      Name: payee.name,
      PersonalAcc: payee.settlementAccount!,
      BankName: payee.bankName!,
      BIC: payee.bik!,
      CorrespAcc: payee.correspondentAccount!,
      Sum: toPay > 0n ? toPay : undefined,
      Purpose: `Оплата ЖКУ за ${periodTitle(period)}, ${card.unifiedNumber ? `ЕЛС ${card.unifiedNumber}` : `л/с ${card.number}`}`,
      PayeeINN: payee.inn,
      KPP: payee.kpp ?? undefined,
      LastName: card.owner?.lastName,
      FirstName: card.owner?.firstName ?? undefined,
      MiddleName: card.owner?.middleName ?? undefined,
      // Banks' utility readers identify the payer's account by PersAcc: the ЕЛС where the state system gave one.
      PayerAddress: card.address,
      PersAcc: card.unifiedNumber ?? card.number,
      Flat: card.flat ?? undefined,
      PaymPeriod: paymPeriod(period),
      DocIdx: doc.gisDocumentId ?? undefined,
      QuittId: doc.number,
      TechCode: '02',
    });
  } catch (err) {
    if (err instanceof PaymentQrError) {
      throw ruleViolated(
        'payment_qr_invalid',
        err.message,
        undefined,
        err.problems.map((x) => ({ path: `qr.${x.field}`, message: x.message })),
      );
    }
    throw err;
  }
}

/** Renders an issued document: the ledger's sums, residents (accounts), the period's readings (metering), the QR. */
export async function renderIssuedDocument(
  db: Db,
  card: AccountCard,
  p: ReturnType<typeof presentPeriod>,
  sums: { openingDebt: bigint; paid: bigint; toPay: bigint },
  doc: { number: string; gisDocumentId: string | null },
) {
  const qrPayload = paymentQr(card, p.period, sums.toPay, doc);
  const pdf = await renderPaymentDocument({
    card,
    number: doc.number,
    gisDocumentId: doc.gisDocumentId,
    period: p.period,
    dueDate: p.dueDate,
    openingDebt: sums.openingDebt,
    charged: BigInt(p.charged),
    penalty: BigInt(p.penalty),
    paid: sums.paid,
    toPay: sums.toPay,
    residents: await registeredResidentsFor(db, card.accountId, p.period),
    lines: p.lines,
    readings: await accountPeriodReadings(db, card.accountId, p.period),
    qrPayload,
  });
  return { pdf, number: doc.number, qrPayload, openingDebt: sums.openingDebt, toPay: sums.toPay };
}

/** Debt as of the end of a local date: periods before that month, minus payments booked by then. */
export async function debtCertificate(db: Db, accountId: string, asOf: string, now = new Date()) {
  const card = await cardOf(db, accountId);
  const [d] = await accountDebts(db, [accountId], addMonths(periodOf(asOf), -1), endOfLocalDay(asOf, card.timezone));
  return {
    card,
    json: {
      accountId,
      accountNumber: card.number,
      address: card.address,
      organisation: { name: card.payee.name, inn: card.payee.inn },
      asOf,
      charged: d!.charged.toString(),
      paid: d!.paid.toString(),
      debt: (d!.charged - d!.paid).toString(),
      periods: d!.periods,
      issuedAt: now.toISOString(),
    },
  };
}

export async function debtCertificatePdf(db: Db, accountId: string, asOf: string) {
  const { card, json } = await debtCertificate(db, accountId, asOf);
  return renderDebtCertificate({
    card,
    asOf,
    charged: BigInt(json.charged),
    paid: BigInt(json.paid),
    debt: BigInt(json.debt),
    periods: json.periods,
    issuedAt: new Date(json.issuedAt),
  });
}

/** Sets the payee's bank details once they pass their checksums against the organisation's INN. */
export async function setPayeeBankDetails(
  tx: Db,
  actor: Actor,
  details: { bankName: string; bik: string; settlementAccount: string; correspondentAccount: string },
  ip?: string,
) {
  const inn = await findPayeeInn(tx, actor.organisationId);
  if (!inn) throw notFound('Organisation');
  const bad = bankDetailsProblems({ inn, ...details }).filter((p) => p.field !== 'inn');
  if (bad.length) throw validationFailed(bad.map((p) => ({ path: `body.${p.field}`, message: p.message })));
  await updatePayeeBankDetails(tx, actor.organisationId, details);
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'organisation.bank_details_changed',
    objectType: 'organisation',
    objectId: actor.organisationId,
    organisationId: actor.organisationId,
    ip,
  });
}

/** Sets the contacts the payment document prints for the payee. */
export async function setPayeeContacts(tx: Db, actor: Actor, contacts: PayeeContacts, ip?: string) {
  await updatePayeeContacts(tx, actor.organisationId, contacts);
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'organisation.contacts_changed',
    objectType: 'organisation',
    objectId: actor.organisationId,
    organisationId: actor.organisationId,
    ip,
  });
}
