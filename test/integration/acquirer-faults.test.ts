import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTBankAcquirer } from '../../adapters/acquiring/tbank.js';
import { AcquirerRefusedError, AcquirerUnavailableError, acquiringToken } from '../../contracts/acquiring.js';
import { paymentsReconcile } from '../../jobs/payments-reconcile.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

// The bank's failures injected around the adapter with msw: the adapter must turn each into a typed
// error (never a crash, never a half-read answer), and refuse notifications whose Token is wrong.

const BANK = 'https://bank.test/v2';
const server = setupServer();
let t: TestApp;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  t = await startTestApp({ label: 'acquirer_faults', acquirer, env: { PAYMENT_COMMISSION_BP: '0' } });
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await t?.close();
});

const acquirer = createTBankAcquirer({
  baseUrl: BANK,
  terminalKey: 'TestTerminal',
  password: 'pw',
  timeoutMs: 300,
  fetch: (input, init) => globalThis.fetch(input, init),
}); // read at call time: msw patches it in beforeAll
const initRequest = {
  orderId: 'order-1',
  amount: 12345n,
  description: 'Оплата ЖКУ',
  notificationUrl: 'https://hub.test/payments/notify/tbank',
  successUrl: 'https://hub.test/ok',
  failUrl: 'https://hub.test/fail',
  receipt: {
    Email: 'a@b.ru',
    Taxation: 'osn' as const,
    Items: [{ Name: 'ЖКУ', Price: 12345, Quantity: 1, Amount: 12345, Tax: 'none' as const }],
  },
};

describe('T-Bank-style adapter', () => {
  it('signs Init with the Token rule and sends the receipt, reading PaymentURL back', async () => {
    let seen: Record<string, unknown> = {};
    server.use(
      http.post(`${BANK}/Init`, async ({ request }) => {
        seen = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({
          Success: true,
          ErrorCode: '0',
          Status: 'NEW',
          PaymentId: 777,
          OrderId: 'order-1',
          Amount: 12345,
          PaymentURL: 'https://pay.test/777',
        });
      }),
    );
    const result = await acquirer.init(initRequest);
    expect(result).toEqual({ paymentId: '777', paymentUrl: 'https://pay.test/777', status: 'NEW' });
    expect(seen.Token).toBe(acquiringToken(seen, 'pw'));
    expect(seen).toMatchObject({
      TerminalKey: 'TestTerminal',
      Amount: 12345,
      OrderId: 'order-1',
      Receipt: { Email: 'a@b.ru' },
    });
  });

  it('turns a timeout into AcquirerUnavailableError', async () => {
    server.use(
      http.post(`${BANK}/GetState`, async () => {
        await delay(2000);
        return HttpResponse.json({ Success: true, ErrorCode: '0', Status: 'CONFIRMED', PaymentId: '1' });
      }),
    );
    const started = Date.now();
    await expect(acquirer.getState('1')).rejects.toBeInstanceOf(AcquirerUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('turns a 500 and a network error into AcquirerUnavailableError', async () => {
    server.use(http.post(`${BANK}/GetState`, () => new HttpResponse('upstream down', { status: 500 })));
    await expect(acquirer.getState('1')).rejects.toThrow(/HTTP 500/);
    server.use(http.post(`${BANK}/GetState`, () => HttpResponse.error()));
    await expect(acquirer.getState('1')).rejects.toBeInstanceOf(AcquirerUnavailableError);
  });

  it('turns malformed JSON and answers without Success into AcquirerUnavailableError', async () => {
    server.use(
      http.post(
        `${BANK}/Cancel`,
        () => new HttpResponse('{"Success": tru', { headers: { 'content-type': 'application/json' } }),
      ),
    );
    await expect(acquirer.cancel('1')).rejects.toThrow(/malformed JSON/);
    server.use(http.post(`${BANK}/Cancel`, () => HttpResponse.json({ Status: 'REFUNDED' })));
    await expect(acquirer.cancel('1')).rejects.toBeInstanceOf(AcquirerUnavailableError);
  });

  it('reports a refusal (Success=false) with the bank’s error code', async () => {
    server.use(
      http.post(`${BANK}/Init`, () =>
        HttpResponse.json({ Success: false, ErrorCode: '204', Message: 'Неверный токен' }),
      ),
    );
    const err = await acquirer.init(initRequest).catch((e) => e);
    expect(err).toBeInstanceOf(AcquirerRefusedError);
    expect(err.errorCode).toBe('204');
  });

  it('accepts a notification with the right Token and refuses a wrong Token, another terminal or a changed field', () => {
    const body: Record<string, unknown> = {
      TerminalKey: 'TestTerminal',
      OrderId: 'order-1',
      Success: true,
      Status: 'CONFIRMED',
      PaymentId: 777,
      ErrorCode: '0',
      Amount: 12345,
      Data: { x: 1 },
    };
    const signed = { ...body, Token: acquiringToken(body, 'pw') };
    expect(acquirer.verifyNotification(signed)).toMatchObject({ OrderId: 'order-1', Status: 'CONFIRMED' });
    expect(acquirer.verifyNotification({ ...signed, Token: acquiringToken(body, 'other') })).toBeNull();
    expect(acquirer.verifyNotification({ ...signed, Status: 'REFUNDED' })).toBeNull();
    expect(
      acquirer.verifyNotification({
        ...body,
        TerminalKey: 'Other',
        Token: acquiringToken({ ...body, TerminalKey: 'Other' }, 'pw'),
      }),
    ).toBeNull();
    expect(acquirer.verifyNotification({ nonsense: true })).toBeNull();
  });
});

describe('the hub when the bank fails', () => {
  const pay = async (amount: string) => {
    const headers = await sessionHeaders(t.deps, DEMO.citizen.personId);
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/me/payments',
      headers,
      payload: { items: [{ accountId: DEMO.accounts.citizenFlat12, amount }], confirmedTotal: amount },
    });
  };
  const initOk = (paymentId: number) =>
    http.post(`${BANK}/Init`, async ({ request }) => {
      const body = (await request.json()) as { OrderId: string; Amount: number };
      return HttpResponse.json({
        Success: true,
        ErrorCode: '0',
        Status: 'NEW',
        PaymentId: paymentId,
        OrderId: body.OrderId,
        Amount: body.Amount,
        PaymentURL: `https://pay.test/${paymentId}`,
      });
    });

  it('answers 502 and marks the payment failed when Init gets a 500 or malformed JSON, booking nothing', async () => {
    server.use(http.post(`${BANK}/Init`, () => new HttpResponse(null, { status: 500 })));
    const res = await pay('1000');
    expect(res.statusCode).toBe(502);
    expect(res.json()).toMatchObject({ code: 'bank_unavailable' });
    server.use(
      http.post(`${BANK}/Init`, () => new HttpResponse('<html>', { headers: { 'content-type': 'application/json' } })),
    );
    expect((await pay('1001')).statusCode).toBe(502);
    const { rows } = await t.deps.db.query(
      `SELECT status, error_code FROM payments WHERE amount IN (1000, 1001) ORDER BY amount`,
    );
    expect(rows).toEqual([
      { status: 'failed', error_code: 'bank_unavailable' },
      { status: 'failed', error_code: 'bank_unavailable' },
    ]);
    expect(
      (
        await t.deps.db.query(
          `SELECT count(*)::int AS n FROM ledger_entries e JOIN payments p ON p.id = e.payment_id WHERE p.amount IN (1000, 1001)`,
        )
      ).rows[0].n,
    ).toBe(0);
  });

  it('keeps a payment pending while GetState times out, and settles it once the bank answers', async () => {
    server.use(initOk(9001));
    const res = await pay('2000');
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    server.use(
      http.post(`${BANK}/GetState`, async () => {
        await delay(2000);
        return HttpResponse.json({});
      }),
    );
    expect(await paymentsReconcile.handle({ olderThanSeconds: 0 }, t.deps, { id: 'r1' })).toMatchObject({
      errors: 1,
      applied: 0,
    });
    expect((await t.deps.db.query(`SELECT status FROM payments WHERE id = $1`, [id])).rows[0].status).toBe('pending');

    server.use(
      http.post(`${BANK}/GetState`, () =>
        HttpResponse.json({ Success: true, ErrorCode: '0', Status: 'CONFIRMED', PaymentId: '9001', Amount: 2000 }),
      ),
    );
    expect(await paymentsReconcile.handle({ olderThanSeconds: 0 }, t.deps, { id: 'r2' })).toMatchObject({ applied: 1 });
    expect((await t.deps.db.query(`SELECT status FROM payments WHERE id = $1`, [id])).rows[0].status).toBe('succeeded');
    expect(
      (await t.deps.db.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE payment_id = $1`, [id])).rows[0].n,
    ).toBe(1);
  });
});
