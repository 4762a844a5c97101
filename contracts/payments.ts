import { z } from 'zod';
import { periodSchema } from './billing.js';

// API schemas of payments. Money: kopecks as digit strings.

const positiveKopecks = z.string().regex(/^[1-9]\d{0,14}$/, 'positive kopecks as a string of digits');

export const paymentItemInput = z.object({
  accountId: z.uuid(),
  amount: positiveKopecks
    .optional()
    .describe('kopecks; default: the chosen periods’ unpaid sum, or the account’s whole debt'),
  periods: z.array(periodSchema).max(36).optional().describe('pay these periods first, in this order'),
});

export const quoteBody = z.object({ items: z.array(paymentItemInput).min(1).max(20) });

export const quote = z.object({
  organisationId: z.uuid(),
  items: z.array(
    z.object({
      accountId: z.uuid(),
      accountNumber: z.string(),
      amount: z.string(),
      periods: z.array(z.string()).nullable(),
    }),
  ),
  amount: z.string().describe('to the accounts'),
  commission: z.string(),
  total: z.string().describe('charged to the card: amount + commission'),
});

export const createPaymentBody = quoteBody.extend({
  email: z.email().optional().describe('where the receipt goes; default: the email on file'),
  confirmedTotal: positiveKopecks.describe(
    'the total the payer saw and confirmed; a different current total is refused',
  ),
});

export const paymentStatus = z.enum(['created', 'pending', 'succeeded', 'failed', 'canceled', 'refunded']);

export const payment = z.object({
  id: z.uuid(),
  orderId: z.string(),
  status: paymentStatus,
  amount: z.string(),
  commission: z.string(),
  total: z.string(),
  paymentUrl: z.string().nullable(),
  bankStatus: z.string().nullable(),
  createdAt: z.string(),
  succeededAt: z.string().nullable(),
  items: z.array(
    z.object({
      accountId: z.uuid(),
      accountNumber: z.string(),
      amount: z.string(),
      periods: z.array(z.string()).nullable(),
    }),
  ),
  allocations: z.array(z.object({ accountId: z.uuid(), period: z.string().nullable(), amount: z.string() })),
  organisationId: z.uuid(),
  provider: z.string().describe('the acquiring bank that took it'),
});

export const paymentParams = z.object({ paymentId: z.uuid() });

export const orgPaymentsFilter = z.object({
  status: paymentStatus.optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('created at or after'),
  to: z.iso.datetime({ offset: true }).optional().describe('created before'),
  accountNumber: z.string().min(1).max(30).optional().describe('payments that paid this account of the organisation'),
  houseId: z.uuid().optional().describe('payments that paid an account of this house'),
});

/** A payment as its organisation sees it: with whether the console may offer a refund. */
export const orgPayment = payment.extend({
  refundable: z.boolean().describe('succeeded, and the bank that took it accepts refunds through its API'),
});

/** Where the bank sends the payer back (SuccessURL / FailURL). */
export const paymentResultQuery = z.object({ outcome: z.enum(['success', 'fail']).optional() });

export const bankNotificationParams = z.object({ provider: z.string().max(40) });
