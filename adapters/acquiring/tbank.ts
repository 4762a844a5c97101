import { timingSafeEqual } from 'node:crypto';
import { Agent, fetch as undiciFetch } from 'undici';
import {
  AcquirerRefusedError,
  AcquirerUnavailableError,
  acquiringToken,
  bankAnswerSchema,
  bankNotificationSchema,
  type Acquirer,
  type AcquirerState,
  type BankNotification,
} from '../../contracts/acquiring.js';

export interface TBankOptions {
  /** e.g. https://securepay.tinkoff.ru/v2 or the sandbox's http://host/sandbox/bank/v2 */
  baseUrl: string;
  terminalKey: string;
  password: string;
  timeoutMs?: number;
  /** The fetch to use: undici's by default; tests hand in the global one that msw intercepts. */
  fetch?: typeof globalThis.fetch;
}

/** T-Bank-style Internet Acquiring REST client (Init, GetState, Cancel) and notification checks. */
export function createTBankAcquirer(options: TBankOptions): Acquirer {
  const base = options.baseUrl.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const dispatcher = options.fetch ? undefined : new Agent({ keepAliveTimeout: 10_000, connections: 16 });
  const doFetch =
    options.fetch ??
    (((url: string, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch);

  async function call(method: string, body: Record<string, unknown>) {
    const signed = { TerminalKey: options.terminalKey, ...body };
    const payload = { ...signed, Token: acquiringToken(signed, options.password) };
    let response: Response;
    try {
      response = await doFetch(`${base}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new AcquirerUnavailableError(`${method}: the bank did not answer (${(err as Error).name})`, { cause: err });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new AcquirerUnavailableError(`${method}: the bank answered HTTP ${response.status}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new AcquirerUnavailableError(`${method}: the bank answered malformed JSON`, { cause: err });
    }
    const parsed = bankAnswerSchema.safeParse(json);
    if (!parsed.success) throw new AcquirerUnavailableError(`${method}: the bank's answer lacks Success/ErrorCode`);
    const answer = parsed.data;
    if (!answer.Success || answer.ErrorCode !== '0') {
      throw new AcquirerRefusedError(
        answer.ErrorCode,
        `${method}: ${answer.Message ?? 'refused'}${answer.Details ? ` (${answer.Details})` : ''}`,
      );
    }
    return answer;
  }

  const toState = (a: Awaited<ReturnType<typeof call>>): AcquirerState => ({
    paymentId: a.PaymentId ?? '',
    orderId: a.OrderId,
    status: a.Status ?? 'UNKNOWN',
    amount: a.Amount === undefined ? undefined : BigInt(a.Amount),
  });

  return {
    provider: 'tbank',
    refunds: true,
    async init(r) {
      const a = await call('Init', {
        Amount: Number(r.amount),
        OrderId: r.orderId,
        Description: r.description.slice(0, 140),
        NotificationURL: r.notificationUrl,
        SuccessURL: r.successUrl,
        FailURL: r.failUrl,
        PayType: 'O',
        Receipt: r.receipt,
      });
      if (!a.PaymentId || !a.PaymentURL)
        throw new AcquirerUnavailableError('Init: the answer lacks PaymentId or PaymentURL');
      return { paymentId: a.PaymentId, paymentUrl: a.PaymentURL, status: a.Status ?? 'NEW' };
    },
    async getState(paymentId) {
      return toState(await call('GetState', { PaymentId: paymentId }));
    },
    async cancel(paymentId, amount) {
      return toState(
        await call('Cancel', { PaymentId: paymentId, ...(amount === undefined ? {} : { Amount: Number(amount) }) }),
      );
    },
    verifyNotification(body): BankNotification | null {
      const parsed = bankNotificationSchema.safeParse(body);
      if (!parsed.success || parsed.data.TerminalKey !== options.terminalKey) return null;
      const expected = Buffer.from(acquiringToken(parsed.data, options.password), 'utf8');
      const given = Buffer.from(String(parsed.data.Token).toLowerCase(), 'utf8');
      return expected.length === given.length && timingSafeEqual(expected, given) ? parsed.data : null;
    },
  };
}
