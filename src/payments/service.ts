import {
  AcquirerRefusedError,
  AcquirerUnavailableError,
  type Acquirer,
  type Receipt,
} from '../../contracts/acquiring.js';
import type { Enqueue } from '../../contracts/ports.js';
import { requireAccountAccess } from '../accounts/access.js';
import { accountDebts, periodDues } from '../billing/charges.repo.js';
import type { Db } from '../db/pool.js';
import { AppError, conflict, notFound, ruleViolated } from '../errors.js';
import { audit } from '../identity/audit.js';
import { personEmails } from '../identity/persons.repo.js';
import { formatRubles } from '../money.js';
import { queueMail } from '../notify/mail.js';
import { queueForSync } from '../sync/outbox.js';
import { allocate, commissionFor } from './allocation.js';
import {
  bookingAllocations,
  findPaymentByIdempotencyKey,
  insertAllocations,
  insertEvent,
  insertLedgerEntry,
  insertPayment,
  findBankPaymentId,
  lockAccountLedger,
  lockPaymentByOrderId,
  markFailed,
  markInitialised,
  openPaymentsToReconcile,
  paymentDetails,
  paymentItems,
  touchPayment,
  updateStatus,
  type PaymentRow,
} from './payments.repo.js';
import { ledgerEffect, nextStatus, statusFromBank } from './state-machine.js';
import type { Actor } from '../../contracts/actor.js';

export interface PaymentSettings {
  publicUrl: string;
  commissionBasisPoints: number;
  commissionMinimum: bigint;
  /** 54-ФЗ taxation system of the receipts. */
  taxation: Receipt['Taxation'];
}

/** Runs fn in one transaction and commits it. */
export type Transact = <T>(fn: (tx: Db) => Promise<T>) => Promise<T>;

export interface PaymentPorts {
  /** Reads outside any transaction. */
  db: Db;
  /**
   * Given by the route or job that runs a workflow: a payment calls the bank between two transactions,
   * never inside one (a slow bank would hold the payment's row lock and the ledger's).
   */
  transact: Transact;
  enqueue: Enqueue;
  acquirer: Acquirer;
  settings: PaymentSettings;
}

export interface PaymentItemRequest {
  accountId: string;
  amount?: string;
  periods?: string[];
}

/** What the payer would pay: per account amount (chosen, chosen periods' unpaid sum, or whole debt) and the commission. */
export async function quotePayment(db: Db, personId: string, items: PaymentItemRequest[], settings: PaymentSettings) {
  const seen = new Set<string>();
  let organisationId: string | null = null;
  const out: { accountId: string; accountNumber: string; amount: bigint; periods: string[] | null }[] = [];
  for (const [i, item] of items.entries()) {
    if (seen.has(item.accountId))
      throw ruleViolated('duplicate_account', 'Each account may appear once', undefined, [
        { path: `body.items.${i}.accountId`, message: 'duplicate' },
      ]);
    seen.add(item.accountId);
    const access = await requireAccountAccess(db, personId, item.accountId);
    if (organisationId && organisationId !== access.organisationId) {
      throw ruleViolated('mixed_organisations', 'One payment can pay accounts of one organisation only');
    }
    organisationId = access.organisationId;
    let amount: bigint;
    if (item.amount) amount = BigInt(item.amount);
    else if (item.periods?.length) {
      const dues = await periodDues(db, access.accountId);
      amount = item.periods.reduce((s, p) => s + (dues.find((d) => d.period === p)?.unpaid ?? 0n), 0n);
    } else {
      const [d] = await accountDebts(db, [access.accountId], null, null);
      amount = d!.charged - d!.paid;
    }
    if (amount <= 0n) {
      throw ruleViolated(
        'nothing_to_pay',
        `Account ${access.number} owes nothing; give an amount to pay in advance`,
        { accountId: access.accountId },
        [{ path: `body.items.${i}.amount`, message: 'required when there is no debt' }],
      );
    }
    out.push({
      accountId: access.accountId,
      accountNumber: access.number,
      amount,
      periods: item.periods?.length ? item.periods : null,
    });
  }
  const amount = out.reduce((s, x) => s + x.amount, 0n);
  const commission = commissionFor(amount, settings.commissionBasisPoints, settings.commissionMinimum);
  return { organisationId: organisationId!, items: out, amount, commission, total: amount + commission };
}

export const presentQuote = (q: Awaited<ReturnType<typeof quotePayment>>) => ({
  organisationId: q.organisationId,
  items: q.items.map((i) => ({ ...i, amount: i.amount.toString() })),
  amount: q.amount.toString(),
  commission: q.commission.toString(),
  total: q.total.toString(),
});

/**
 * Creates the payment and registers it with the bank (Init). The payer confirms the total they saw;
 * a repeated request with the same Idempotency-Key returns the same payment instead of a second one.
 */
export async function createPayment(
  ports: PaymentPorts,
  person: { personId: string; ip?: string },
  input: { items: PaymentItemRequest[]; email?: string; confirmedTotal: string },
  idempotencyKey?: string,
) {
  const { db, acquirer, settings } = ports;
  if (idempotencyKey) {
    const prior = await findPaymentByIdempotencyKey(db, person.personId, idempotencyKey);
    if (prior) return (await paymentDetails(db, { id: prior.id }))!;
  }
  const q = await quotePayment(db, person.personId, input.items, settings);
  if (q.total !== BigInt(input.confirmedTotal)) {
    throw conflict('quote_changed', 'The total differs from the one confirmed; show the new quote and confirm again', {
      quote: presentQuote(q),
    });
  }
  const [emailOnFile] = await personEmails(db, [person.personId]);
  const email = input.email ?? emailOnFile ?? null;
  if (!email)
    throw ruleViolated('email_required', 'An email is needed for the receipt (54-ФЗ)', undefined, [
      { path: 'body.email', message: 'required' },
    ]);

  const payment = await ports
    .transact(async (tx) => {
      const p = await insertPayment(tx, {
        provider: acquirer.provider,
        organisationId: q.organisationId,
        personId: person.personId,
        idempotencyKey: idempotencyKey ?? null,
        amount: q.amount,
        commission: q.commission,
        email,
        items: q.items,
      });
      await audit(tx, {
        actorType: 'person',
        actorId: person.personId,
        action: 'payment.created',
        objectType: 'payment',
        objectId: p.id,
        organisationId: q.organisationId,
        ip: person.ip,
        details: { total: q.total.toString() },
      });
      return p;
    })
    .catch(async (err) => {
      // Two concurrent requests with one key: the loser reads the winner's payment.
      if ((err as { code?: string }).code === '23505' && idempotencyKey) {
        const prior = await findPaymentByIdempotencyKey(db, person.personId, idempotencyKey);
        if (prior) return prior;
      }
      throw err;
    });
  if (payment.bank_payment_id || payment.status !== 'created') return (await paymentDetails(db, { id: payment.id }))!;

  const receipt: Receipt = {
    Email: email,
    Taxation: settings.taxation,
    Items: [
      ...q.items.map((i) => ({
        Name: `Оплата ЖКУ, л/с ${i.accountNumber}`.slice(0, 128),
        Price: Number(i.amount),
        Quantity: 1,
        Amount: Number(i.amount),
        Tax: 'none' as const,
        PaymentMethod: 'full_payment',
        PaymentObject: 'service',
      })),
      ...(q.commission > 0n
        ? [
            {
              Name: 'Комиссия за перевод',
              Price: Number(q.commission),
              Quantity: 1,
              Amount: Number(q.commission),
              Tax: 'none' as const,
              PaymentMethod: 'full_payment',
              PaymentObject: 'service',
            },
          ]
        : []),
    ],
  };
  try {
    const init = await acquirer.init({
      orderId: payment.order_id,
      amount: q.total,
      description: `Оплата ЖКУ, л/с ${q.items.map((i) => i.accountNumber).join(', ')}`,
      notificationUrl: `${settings.publicUrl}/payments/notify/${acquirer.provider}`,
      successUrl: `${settings.publicUrl}/payments/${payment.id}/result?outcome=success`,
      failUrl: `${settings.publicUrl}/payments/${payment.id}/result?outcome=fail`,
      receipt,
    });
    await ports.transact(async (tx) => {
      await markInitialised(tx, payment.id, init.paymentId, init.paymentUrl, init.status);
      await insertEvent(tx, payment.id, 'init', init.status, true);
    });
  } catch (err) {
    if (err instanceof AcquirerUnavailableError || err instanceof AcquirerRefusedError) {
      await markFailed(
        db,
        payment.id,
        err instanceof AcquirerRefusedError ? `bank_${err.errorCode}` : 'bank_unavailable',
      );
      throw new AppError(
        502,
        err instanceof AcquirerRefusedError ? 'bank_refused' : 'bank_unavailable',
        'The bank could not start the payment; nothing was charged. Try again later.',
        undefined,
        { paymentId: payment.id },
        { cause: err },
      );
    }
    throw err;
  }
  return (await paymentDetails(db, { id: payment.id }))!;
}

export type ApplyResult = 'unknown_order' | 'amount_mismatch' | 'ignored' | 'applied';

/**
 * Applies a bank status to the payment under its row lock: the state machine only moves forward,
 * and the ledger's unique key books each payment once, whatever the order and number of events.
 */
export async function applyBankStatus(
  tx: Db,
  enqueue: Enqueue,
  event: {
    orderId: string;
    bankStatus: string;
    amount?: bigint;
    bankPaymentId?: string;
    source: 'notification' | 'reconciliation' | 'cancel';
  },
): Promise<ApplyResult> {
  const p = await lockPaymentByOrderId(tx, event.orderId);
  if (!p) return 'unknown_order';
  if (event.amount !== undefined && event.amount !== BigInt(p.total)) {
    await audit(tx, {
      actorType: 'system',
      action: 'payment.amount_mismatch',
      objectType: 'payment',
      objectId: p.id,
      organisationId: p.organisation_id,
      details: { bankStatus: event.bankStatus, amount: event.amount.toString(), expected: p.total },
    });
    return 'amount_mismatch';
  }
  const next = nextStatus(p.status, statusFromBank(event.bankStatus));
  await insertEvent(tx, p.id, event.source, event.bankStatus, next !== null);
  if (!next) return 'ignored';
  await updateStatus(tx, p.id, next, event.bankStatus);
  const effect = ledgerEffect(p.status, next);
  if (effect === 'book') await book(tx, enqueue, p);
  if (effect === 'reverse') await reverse(tx, enqueue, p);
  await audit(tx, {
    actorType: 'system',
    action: `payment.${next}`,
    objectType: 'payment',
    objectId: p.id,
    organisationId: p.organisation_id,
    details: { bankStatus: event.bankStatus, source: event.source },
  });
  return 'applied';
}

async function book(tx: Db, enqueue: Enqueue, p: PaymentRow) {
  const entry = await insertLedgerEntry(tx, p.id, 'booking', BigInt(p.amount));
  if (!entry) return;
  const items = await paymentItems(tx, p.id);
  // Bookings to one account are serialised, so two payments never both take the same unpaid period.
  for (const accountId of items.map((i) => i.accountId).sort()) {
    await lockAccountLedger(tx, accountId);
  }
  const allocations: { accountId: string; period: string | null; amount: bigint }[] = [];
  for (const item of items) {
    const dues = await periodDues(tx, item.accountId);
    for (const a of allocate(item.amount, dues, item.periods)) allocations.push({ accountId: item.accountId, ...a });
  }
  await insertAllocations(tx, entry.id, entry.booked_at, allocations);
  await queueForSync(tx, enqueue, {
    organisationId: p.organisation_id,
    operation: 'importNotificationsOfOrderExecution',
    objectType: 'payment',
    objectId: p.id,
  });
  if (p.email) {
    const lines = items.map((i) => `Лицевой счёт ${i.accountNumber}: ${formatRubles(i.amount)}`);
    const periods = allocations.map((a) => `  ${a.period ?? 'аванс'}: ${formatRubles(a.amount)}`);
    await queueMail(tx, enqueue, {
      to: p.email,
      subject: `Оплата ЖКУ на ${formatRubles(p.total)} прошла`,
      text: [
        'Платёж зачислен.',
        '',
        ...lines,
        `Комиссия: ${formatRubles(p.commission)}`,
        `Итого списано: ${formatRubles(p.total)}`,
        '',
        'Распределение по периодам:',
        ...periods,
        '',
        `Номер заказа: ${p.order_id}`,
        `Номер платежа в банке: ${p.bank_payment_id ?? '—'}`,
        'Кассовый чек (54-ФЗ) банк направляет на этот адрес отдельно.',
      ].join('\n'),
    });
  }
}

async function reverse(tx: Db, enqueue: Enqueue, p: PaymentRow) {
  const entry = await insertLedgerEntry(tx, p.id, 'reversal', -BigInt(p.amount));
  if (!entry) return;
  const booked = await bookingAllocations(tx, p.id);
  await insertAllocations(
    tx,
    entry.id,
    entry.booked_at,
    booked.map((a) => ({ ...a, amount: -a.amount })),
  );
  await queueForSync(tx, enqueue, {
    organisationId: p.organisation_id,
    operation: 'importNotificationsOfOrderExecutionCancellation',
    objectType: 'payment',
    objectId: p.id,
  });
}

/** Settles payments whose notification never came: asks the bank for their state (GetState). */
export async function reconcilePayments(
  ports: Pick<PaymentPorts, 'db' | 'transact' | 'enqueue' | 'acquirer'>,
  olderThanSeconds: number,
) {
  const open = await openPaymentsToReconcile(ports.db, olderThanSeconds);
  const result = { checked: 0, applied: 0, failed: 0, errors: 0 };
  for (const p of open) {
    if (!p.bank_payment_id) {
      // Init never answered: nothing exists at the bank to settle.
      await markFailed(ports.db, p.id, 'init_lost');
      result.failed++;
      continue;
    }
    result.checked++;
    try {
      const state = await ports.acquirer.getState(p.bank_payment_id);
      const outcome = await ports.transact((tx) =>
        applyBankStatus(tx, ports.enqueue, {
          orderId: p.order_id,
          bankStatus: state.status,
          amount: state.amount,
          source: 'reconciliation',
        }),
      );
      if (outcome === 'applied') result.applied++;
      else await touchPayment(ports.db, p.id);
    } catch (err) {
      if (!(err instanceof AcquirerUnavailableError || err instanceof AcquirerRefusedError)) throw err;
      result.errors++;
    }
  }
  return result;
}

/** A succeeded payment taken by the configured bank, when that bank accepts refunds through its API. */
export function refundable(acquirer: Pick<Acquirer, 'provider' | 'refunds'>, p: { status: string; provider: string }) {
  return p.status === 'succeeded' && acquirer.refunds && p.provider === acquirer.provider;
}

/** Refund of a succeeded payment by its organisation: Cancel at the bank, then the reversal. */
export async function refundPayment(ports: PaymentPorts, actor: Actor, paymentId: string) {
  const p = await paymentDetails(ports.db, {
    id: paymentId,
    organisationId: actor.organisationId,
    houseIds: actor.houseIds,
  });
  if (!p) throw notFound('Payment');
  if (p.status !== 'succeeded')
    throw ruleViolated('payment_not_refundable', `A ${p.status} payment cannot be refunded`);
  if (!refundable(ports.acquirer, p))
    throw ruleViolated(
      'payment_not_refundable',
      'The bank that took this payment does not accept refunds through its API',
    );
  // A succeeded payment was registered at the bank, so it has the bank's id.
  const bankPaymentId = (await findBankPaymentId(ports.db, paymentId))!;
  try {
    const state = await ports.acquirer.cancel(bankPaymentId);
    await ports.transact((tx) =>
      applyBankStatus(tx, ports.enqueue, { orderId: p.orderId, bankStatus: state.status, source: 'cancel' }),
    );
  } catch (err) {
    if (err instanceof AcquirerUnavailableError || err instanceof AcquirerRefusedError) {
      throw new AppError(
        502,
        'bank_unavailable',
        'The bank did not confirm the refund; try again later',
        undefined,
        undefined,
        { cause: err },
      );
    }
    throw err;
  }
  await audit(ports.db, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'payment.refund_requested',
    objectType: 'payment',
    objectId: paymentId,
    organisationId: actor.organisationId,
  });
  return (await paymentDetails(ports.db, { id: paymentId }))!;
}
