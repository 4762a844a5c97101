import type { PaymentCancellationItem, PaymentDocumentItem, PaymentItem } from '../../../contracts/gis/items.js';
import { ledgerStatements } from '../../billing/charges.repo.js';
import { byId, type Loaded, needs, refuse, type SyncSource } from './source.js';

// Sources of billing and payment objects: payment documents (bills service), notifications of order
// execution and their annulment (payment service). A document and a notification wait for the
// account (its AccountGUID, its ЕЛС); an annulment waits for the notification it annuls.

/** Decimal bounds of the published schema, in kopecks: TotalPayableByPD totalDigits 13, DebtPreviousPeriods ±99 999 999.99. */
const TOTAL_LIMIT = 10n ** 13n;
const DEBT_LIMIT = 9_999_999_999n;
const abs = (v: bigint) => (v < 0n ? -v : v);

/** The 32-character OrderID of the published schema: our order ids are UUIDs, sent without hyphens. */
export const gisOrderId = (orderId: string) => {
  const id = orderId.replaceAll('-', '');
  return /^[0-9A-Za-z]{32}$/.test(id) ? id : null;
};

export const paymentDocumentSource: SyncSource<'importPaymentDocumentData'> = {
  objectType: 'payment_document',
  batchKey: (item) => item.period,
  async load(db, enqueue, organisationId, items) {
    const { rows } = await db.query(
      `SELECT d.id, d.period, d.number, d.amount::text, d.account_id, a.gis_account_guid, cp.opening_debt::text, cp.superseded_at,
              o.bik, o.settlement_account
         FROM payment_documents d JOIN accounts a ON a.id = d.account_id JOIN charge_periods cp ON cp.id = d.charge_period_id
         JOIN organisations o ON o.id = d.organisation_id
        WHERE d.id = ANY($1::uuid[]) AND d.organisation_id = $2`,
      [items.map((i) => i.objectId), organisationId],
    );
    const found = byId(rows);
    // The previous periods' debt (or advance) is the ledger's, as the document prints it.
    const ledger = new Map(
      (
        await ledgerStatements(
          db,
          rows.map((r) => ({ accountId: r.account_id, period: r.period })),
        )
      ).map((l) => [`${l.accountId}:${l.period}`, l]),
    );
    const missingAccounts: string[] = [];
    const out = new Map(
      items.map((i): [string, Loaded<PaymentDocumentItem>] => {
        const d = found.get(i.objectId);
        if (!d) return [i.id, refuse('object_missing', 'The payment document no longer exists')];
        const opening = ledger.get(`${d.account_id}:${d.period}`)?.openingDebt ?? 0n;
        // A re-import of the period issues a new document for the new version; that one is sent instead.
        if (d.superseded_at)
          return [
            i.id,
            refuse(
              'document_superseded',
              'The charges of this period were re-imported; the newer document is sent instead',
            ),
          ];
        if (!d.bik || !d.settlement_account)
          return [i.id, refuse('payee_details_missing', 'The organisation has no BIK or settlement account')];
        if (abs(BigInt(d.amount)) >= TOTAL_LIMIT || abs(opening) > DEBT_LIMIT) {
          return [
            i.id,
            refuse('amount_out_of_range', 'The total or the previous debt exceeds what the state system accepts'),
          ];
        }
        if (!d.gis_account_guid) {
          missingAccounts.push(d.account_id);
          return [i.id, { wait: 'account' }];
        }
        const item: PaymentDocumentItem = {
          transportGuid: i.transportGuid,
          accountGuid: d.gis_account_guid,
          period: d.period,
          documentNumber: d.number,
          totalPayable: d.amount,
          debtPreviousPeriods: opening.toString(),
          payee: { bik: d.bik, account: d.settlement_account },
        };
        return [i.id, { item }];
      }),
    );
    await needs(db, enqueue, organisationId, 'importAccountData', 'account', missingAccounts);
    return out;
  },
  async apply(db, accepted) {
    // UniqueNumber of an accepted document is its PaymentDocumentID (18 characters).
    await db.query(
      `UPDATE payment_documents d SET gis_guid = v.guid::uuid, gis_document_id = CASE WHEN length(v.num) = 18 THEN v.num END
         FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, guid, num) WHERE d.id = v.id`,
      [
        accepted.map((a) => a.objectId),
        accepted.map((a) => a.result.guid ?? null),
        accepted.map((a) => a.result.uniqueNumber ?? null),
      ],
    );
  },
};

export const paymentNotificationSource: SyncSource<'importNotificationsOfOrderExecution'> = {
  objectType: 'payment',
  async load(db, enqueue, organisationId, items) {
    const { rows } = await db.query(
      `SELECT p.id, p.order_id, o.inn, o.kpp, o.name, o.bank_name, o.bik, o.settlement_account, o.correspondent_account,
              b.booked_at IS NOT NULL AS booked,
              (SELECT json_agg(json_build_object('accountId', a.id, 'number', a.number, 'els', a.unified_number, 'guid', a.gis_account_guid,
                        'amount', i.amount::text, 'orderDate', to_char(coalesce(p.succeeded_at, b.booked_at) AT TIME ZONE h.timezone, 'YYYY-MM-DD')))
                 FROM payment_items i JOIN accounts a ON a.id = i.account_id JOIN houses h ON h.id = a.house_id WHERE i.payment_id = p.id) AS accounts,
              (SELECT array_agg(DISTINCT al.period ORDER BY al.period) FROM payment_allocations al
                WHERE al.ledger_entry_id = b.id AND al.period IS NOT NULL) AS periods
         FROM payments p JOIN organisations o ON o.id = p.organisation_id
         LEFT JOIN ledger_entries b ON b.payment_id = p.id AND b.kind = 'booking'
        WHERE p.id = ANY($1::uuid[]) AND p.organisation_id = $2`,
      [items.map((i) => i.objectId), organisationId],
    );
    // The state system's PaymentDocumentID of the paid document, when the payment paid exactly one period.
    const single = rows.filter((r) => r.accounts?.length === 1 && r.periods?.length === 1);
    const { rows: docs } = await db.query(
      `SELECT DISTINCT ON (d.account_id, d.period) d.account_id, d.period, d.gis_document_id
         FROM payment_documents d JOIN unnest($1::uuid[], $2::text[]) v(account_id, period) ON v.account_id = d.account_id AND v.period = d.period
        WHERE d.gis_document_id IS NOT NULL ORDER BY d.account_id, d.period, d.issued_at DESC`,
      [single.map((r) => r.accounts[0].accountId), single.map((r) => r.periods[0])],
    );
    const docIds = new Map(docs.map((d) => [`${d.account_id}:${d.period}`, d.gis_document_id as string]));
    const found = byId(rows);
    const missingAccounts: string[] = [];
    const out = new Map(
      items.map((i): [string, Loaded<PaymentItem>] => {
        const p = found.get(i.objectId);
        if (!p) return [i.id, refuse('object_missing', 'The payment no longer exists')];
        if (!p.booked) return [i.id, refuse('payment_not_booked', 'Only a payment booked in the ledger is notified')];
        const orderId = gisOrderId(p.order_id);
        if (!orderId)
          return [
            i.id,
            refuse('order_id_invalid', 'The order id does not fit the state system’s 32-character OrderID'),
          ];
        const missing = (['kpp', 'bank_name', 'bik', 'settlement_account', 'correspondent_account'] as const).filter(
          (k) => !p[k],
        );
        if (missing.length)
          return [i.id, refuse('payee_details_missing', `The organisation lacks ${missing.join(', ')}`)];
        const accounts = (p.accounts ?? []) as {
          accountId: string;
          number: string;
          els: string | null;
          guid: string | null;
          amount: string;
          orderDate: string;
        }[];
        // A notification names one ЕЛС; a payment split across accounts has no single one to name.
        if (accounts.length !== 1)
          return [
            i.id,
            refuse('payment_spans_accounts', 'A notification names one account; this payment covers several'),
          ];
        const a = accounts[0]!;
        // The ЕЛС is the state system's: name it once the account is placed there.
        if (!a.guid) {
          missingAccounts.push(a.accountId);
          return [i.id, { wait: 'account' }];
        }
        if (!a.els) return [i.id, refuse('account_without_els', 'The state system gave the account no ЕЛС')];
        const periods = (p.periods ?? []) as string[];
        const period = periods.length === 1 ? periods[0] : undefined;
        const item: PaymentItem = {
          transportGuid: i.transportGuid,
          orderId,
          orderDate: a.orderDate,
          amount: a.amount,
          purpose: `Оплата ЖКУ${periods.length ? ` за ${periods.join(', ')}` : ''}, л/с ${a.number}`.slice(0, 1000),
          recipientInn: p.inn,
          recipientKpp: p.kpp,
          recipientName: p.name,
          payee: {
            bik: p.bik,
            account: p.settlement_account,
            bankName: p.bank_name.slice(0, 160),
            correspondentAccount: p.correspondent_account,
          },
          unifiedAccountNumber: a.els,
          paymentDocumentId: period ? docIds.get(`${a.accountId}:${period}`) : undefined,
          period,
        };
        return [i.id, { item }];
      }),
    );
    await needs(db, enqueue, organisationId, 'importAccountData', 'account', missingAccounts);
    return out;
  },
  async apply(db, accepted) {
    await db.query(
      `UPDATE payments p SET gis_notification_guid = v.guid::uuid, gis_notification_number = v.num
         FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, guid, num) WHERE p.id = v.id`,
      [
        accepted.map((a) => a.objectId),
        accepted.map((a) => a.result.guid ?? null),
        accepted.map((a) => a.result.uniqueNumber ?? null),
      ],
    );
  },
};

export const paymentCancellationSource: SyncSource<'importNotificationsOfOrderExecutionCancellation'> = {
  objectType: 'payment',
  async load(db, enqueue, organisationId, items) {
    const { rows } = await db.query(
      `SELECT p.id, p.order_id, p.status, p.gis_notification_guid,
              to_char(r.booked_at AT TIME ZONE coalesce(h.timezone, 'Europe/Moscow'), 'YYYY-MM-DD') AS cancelled_on,
              (SELECT s.status FROM sync_items s WHERE s.target = 'gis' AND s.operation = 'importNotificationsOfOrderExecution'
                 AND s.object_type = 'payment' AND s.object_id = p.id ORDER BY s.revision DESC LIMIT 1) AS notification_status
         FROM payments p
         LEFT JOIN ledger_entries r ON r.payment_id = p.id AND r.kind = 'reversal'
         LEFT JOIN LATERAL (SELECT h.timezone FROM payment_items i JOIN accounts a ON a.id = i.account_id JOIN houses h ON h.id = a.house_id
                             WHERE i.payment_id = p.id ORDER BY i.account_id LIMIT 1) h ON true
        WHERE p.id = ANY($1::uuid[]) AND p.organisation_id = $2`,
      [items.map((i) => i.objectId), organisationId],
    );
    const found = byId(rows);
    const notify: string[] = [];
    const out = new Map(
      items.map((i): [string, Loaded<PaymentCancellationItem>] => {
        const p = found.get(i.objectId);
        if (!p) return [i.id, refuse('object_missing', 'The payment no longer exists')];
        if (!p.cancelled_on)
          return [i.id, refuse('payment_not_reversed', 'Only a payment reversed in the ledger is annulled')];
        const orderId = gisOrderId(p.order_id);
        if (!orderId)
          return [
            i.id,
            refuse('order_id_invalid', 'The order id does not fit the state system’s 32-character OrderID'),
          ];
        if (!p.gis_notification_guid) {
          // Nothing to annul unless the state system took the notification; wait while it is on its way.
          if (p.notification_status === 'rejected' || p.notification_status === 'dead') {
            return [
              i.id,
              refuse(
                'notification_not_accepted',
                'The state system has not accepted the notification this would annul',
              ),
            ];
          }
          if (p.notification_status !== 'accepted') {
            notify.push(p.id);
            return [i.id, { wait: 'payment' }];
          }
        }
        const item: PaymentCancellationItem = {
          transportGuid: i.transportGuid,
          orderId,
          cancellationDate: p.cancelled_on,
          comment: p.status === 'refunded' ? 'Возврат платежа' : 'Отмена платежа',
        };
        return [i.id, { item }];
      }),
    );
    await needs(db, enqueue, organisationId, 'importNotificationsOfOrderExecution', 'payment', notify);
    return out;
  },
  async apply(db, accepted) {
    await db.query(
      `UPDATE payments p SET gis_cancellation_guid = v.guid::uuid FROM unnest($1::uuid[], $2::text[]) v(id, guid) WHERE p.id = v.id`,
      [accepted.map((a) => a.objectId), accepted.map((a) => a.result.guid ?? null)],
    );
  },
};
