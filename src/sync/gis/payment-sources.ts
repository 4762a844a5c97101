import type { PaymentCancellationItem, PaymentDocumentItem, PaymentItem } from '../../../contracts/gis/items.js';
import { ledgerStatements } from '../../billing/charges.repo.js';
import {
  gisDocumentIds,
  paymentDocumentsForSync,
  savePaymentDocumentGisIdentifiers,
} from '../../billing/documents.repo.js';
import {
  paymentsForCancellation,
  paymentsForNotification,
  savePaymentCancellationGisIdentifiers,
  savePaymentNotificationGisIdentifiers,
} from '../../payments/payments.repo.js';
import { type AcceptedItem, byId, type Loaded, needs, refuse, type SyncSource } from './source.js';
import { latestItemStatuses } from './sync.repo.js';

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

/** The payee fields a notification names, as the organisation's columns. */
const PAYEE_FIELDS = ['kpp', 'bank_name', 'bik', 'settlement_account', 'correspondent_account'] as const;

const identifiers = (a: AcceptedItem) => ({
  id: a.objectId,
  guid: a.result.guid ?? null,
  uniqueNumber: a.result.uniqueNumber ?? null,
});

export const paymentDocumentSource: SyncSource<'importPaymentDocumentData'> = {
  objectType: 'payment_document',
  batchKey: (item) => item.period,
  async load(db, enqueue, organisationId, items) {
    const rows = await paymentDocumentsForSync(
      db,
      organisationId,
      items.map((i) => i.objectId),
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
    await savePaymentDocumentGisIdentifiers(db, accepted.map(identifiers));
  },
};

export const paymentNotificationSource: SyncSource<'importNotificationsOfOrderExecution'> = {
  objectType: 'payment',
  async load(db, enqueue, organisationId, items) {
    const rows = await paymentsForNotification(
      db,
      organisationId,
      items.map((i) => i.objectId),
    );
    // The state system's PaymentDocumentID of the paid document, when the payment paid exactly one period.
    const docIds = await gisDocumentIds(
      db,
      rows.flatMap((r) =>
        r.accounts?.length === 1 && r.periods?.length === 1
          ? [{ accountId: r.accounts[0]!.accountId, period: r.periods[0]! }]
          : [],
      ),
    );
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
        const { kpp, bank_name: bankName, bik, settlement_account: account, correspondent_account: correspondent } = p;
        if (!kpp || !bankName || !bik || !account || !correspondent) {
          const missing = PAYEE_FIELDS.filter((k) => !p[k]);
          return [i.id, refuse('payee_details_missing', `The organisation lacks ${missing.join(', ')}`)];
        }
        const accounts = p.accounts ?? [];
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
        const periods = p.periods ?? [];
        const period = periods.length === 1 ? periods[0] : undefined;
        const item: PaymentItem = {
          transportGuid: i.transportGuid,
          orderId,
          orderDate: a.orderDate,
          amount: a.amount,
          purpose: `Оплата ЖКУ${periods.length ? ` за ${periods.join(', ')}` : ''}, л/с ${a.number}`.slice(0, 1000),
          recipientInn: p.inn,
          recipientKpp: kpp,
          recipientName: p.name,
          payee: { bik, account, bankName: bankName.slice(0, 160), correspondentAccount: correspondent },
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
    await savePaymentNotificationGisIdentifiers(db, accepted.map(identifiers));
  },
};

export const paymentCancellationSource: SyncSource<'importNotificationsOfOrderExecutionCancellation'> = {
  objectType: 'payment',
  async load(db, enqueue, organisationId, items) {
    const ids = items.map((i) => i.objectId);
    const rows = await paymentsForCancellation(db, organisationId, ids);
    const notifications = await latestItemStatuses(db, 'importNotificationsOfOrderExecution', 'payment', ids);
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
          const notification = notifications.get(p.id);
          if (notification === 'rejected' || notification === 'dead') {
            return [
              i.id,
              refuse(
                'notification_not_accepted',
                'The state system has not accepted the notification this would annul',
              ),
            ];
          }
          if (notification !== 'accepted') {
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
    await savePaymentCancellationGisIdentifiers(db, accepted.map(identifiers));
  },
};
