import { createHash } from 'node:crypto';
import { z } from 'zod';

// The acquiring port and the T-Bank-style protocol it speaks (the bank adapter and the sandbox bank
// simulator both follow these definitions). Amounts are kopecks.

/**
 * Request signature of the T-Bank Internet Acquiring API: take the root-level scalar fields (nested
 * objects and arrays such as Receipt and DATA are left out), add Password, sort by key, concatenate the
 * values (booleans as `true`/`false`) and hash with SHA-256 (lower-case hex). `Token` itself is excluded.
 */
export function acquiringToken(body: Record<string, unknown>, password: string): string {
  const entries: [string, string][] = [['Password', password]];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'Token' || value === null || value === undefined || typeof value === 'object') continue;
    entries.push([key, String(value)]);
  }
  // Code-point order of the keys, as the bank sorts them.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(entries.map(([, v]) => v).join(''), 'utf8')
    .digest('hex');
}

/** Bank payment statuses (the subset the hub acts on; others are treated as "still in progress"). */
export const BANK_FINAL_SUCCESS = 'CONFIRMED';

export const receiptItemSchema = z.object({
  Name: z.string().max(128),
  Price: z.number().int().nonnegative(),
  Quantity: z.number().positive(),
  Amount: z.number().int().nonnegative(),
  Tax: z.enum(['none', 'vat0', 'vat10', 'vat20']),
  PaymentMethod: z.string().optional(),
  PaymentObject: z.string().optional(),
});

/** Receipt data under 54-ФЗ, sent with Init so that the bank's online cash register issues it. */
export const receiptSchema = z.object({
  Email: z.string().optional(),
  Phone: z.string().optional(),
  Taxation: z.enum(['osn', 'usn_income', 'usn_income_outcome', 'esn', 'patent']),
  Items: z.array(receiptItemSchema).min(1),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const initRequestSchema = z.object({
  TerminalKey: z.string().min(1).max(20),
  Amount: z.number().int().positive(),
  OrderId: z.string().min(1).max(36),
  Description: z.string().max(140).optional(),
  NotificationURL: z.string().optional(),
  SuccessURL: z.string().optional(),
  FailURL: z.string().optional(),
  PayType: z.enum(['O', 'T']).optional(),
  Receipt: receiptSchema.optional(),
  DATA: z.record(z.string(), z.string()).optional(),
  Token: z.string(),
});

/** A bank answer: Success/ErrorCode on every call, with the call's own members. */
export const bankAnswerSchema = z
  .object({
    Success: z.boolean(),
    ErrorCode: z.string(),
    TerminalKey: z.string().optional(),
    Status: z.string().optional(),
    PaymentId: z.union([z.string(), z.number()]).transform(String).optional(),
    OrderId: z.string().optional(),
    Amount: z.number().int().optional(),
    PaymentURL: z.string().optional(),
    Message: z.string().optional(),
    Details: z.string().optional(),
  })
  .loose();

/** A notification POSTed by the bank to NotificationURL. */
export const bankNotificationSchema = z
  .object({
    TerminalKey: z.string(),
    OrderId: z.string().min(1).max(36),
    Success: z.boolean(),
    Status: z.string().min(1),
    PaymentId: z.union([z.string(), z.number()]),
    ErrorCode: z.string(),
    Amount: z.number().int().nonnegative(),
    Token: z.string().min(1),
  })
  .loose();
export type BankNotification = z.infer<typeof bankNotificationSchema>;

export interface AcquirerInit {
  orderId: string;
  amount: bigint;
  description: string;
  notificationUrl: string;
  successUrl: string;
  failUrl: string;
  receipt: Receipt;
}

export interface AcquirerState {
  paymentId: string;
  orderId?: string;
  status: string;
  amount?: bigint;
}

/** Thrown by an adapter when the bank cannot be reached or answers nonsense; the caller may retry. */
export class AcquirerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AcquirerUnavailableError';
  }
}

/** Thrown when the bank answers with Success=false (it refused the operation). */
export class AcquirerRefusedError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'AcquirerRefusedError';
  }
}

/** The acquiring bank as the payments module sees it. */
export interface Acquirer {
  readonly provider: string;
  /** Whether the bank takes refunds (Cancel of a confirmed payment) through its API. */
  readonly refunds: boolean;
  init(request: AcquirerInit): Promise<{ paymentId: string; paymentUrl: string; status: string }>;
  getState(paymentId: string): Promise<AcquirerState>;
  cancel(paymentId: string, amount?: bigint): Promise<AcquirerState>;
  /** Checks a notification's TerminalKey and Token; the parsed notification, or null when forged. */
  verifyNotification(body: unknown): BankNotification | null;
}
