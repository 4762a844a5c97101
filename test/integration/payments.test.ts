import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquiringToken } from '../../contracts/acquiring.js';
import { paymentsReconcile } from '../../jobs/payments-reconcile.js';
import { SANDBOX_BANK } from '../../src/config.js';
import { sandboxBankPassword } from '../../src/sandbox/secrets.js';
import { TEST_CARDS } from '../../src/sandbox/bank/routes.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let resident: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ label: 'payments', listen: true, workers: true, env: { PAYMENT_COMMISSION_BP: '100' } });
  resident = await sessionHeaders(t.deps, DEMO.citizen.personId);
  installationPassword = await sandboxBankPassword(t.deps.db);
});
let installationPassword: string;
afterAll(() => t?.close());

// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field below
const body = (r: Response): Promise<any> => r.json();

const api = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`${t.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: { ...resident, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });

async function startPayment(items: { accountId: string; amount?: string; periods?: string[] }[]) {
  const quote = await body(await api('/api/v1/me/payments/quote', { method: 'POST', body: { items } }));
  const res = await api('/api/v1/me/payments', { method: 'POST', body: { items, confirmedTotal: quote.total } });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return { quote, payment: await body(res) };
}

async function payWithCard(paymentUrl: string, card: string) {
  const form = await fetch(paymentUrl);
  expect(await form.text()).toContain('Тестовые карты');
  return fetch(paymentUrl, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `card=${card}`,
  });
}

async function waitForStatus(id: string, status: string) {
  for (let i = 0; i < 100; i++) {
    const p = await body(await api(`/api/v1/me/payments/${id}`));
    if (p.status === status) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`payment ${id} did not become ${status}`);
}

const bookings = async (paymentId: string) =>
  (await t.deps.db.query(`SELECT kind, amount FROM ledger_entries WHERE payment_id = $1 ORDER BY id`, [paymentId]))
    .rows;

function signedNotification(
  p: { orderId: string; total: string },
  bankPaymentId: string,
  status: string,
  password = installationPassword,
) {
  const body: Record<string, unknown> = {
    TerminalKey: SANDBOX_BANK.terminalKey,
    OrderId: p.orderId,
    Success: status !== 'REJECTED',
    Status: status,
    PaymentId: Number(bankPaymentId),
    ErrorCode: '0',
    Amount: Number(p.total),
    Pan: '430000******0777',
  };
  return { ...body, Token: acquiringToken(body, password) };
}

describe('paying through the sandbox bank over real HTTP', () => {
  it('shows the commission first, redirects to the bank and back, books once and mails a receipt', async () => {
    const { quote, payment } = await startPayment([{ accountId: DEMO.accounts.citizenFlat12 }]);
    expect(BigInt(quote.commission)).toBe((BigInt(quote.amount) * 100n + 5000n) / 10000n);
    expect(quote.total).toBe((BigInt(quote.amount) + BigInt(quote.commission)).toString());
    expect(payment).toMatchObject({
      status: 'pending',
      total: quote.total,
      paymentUrl: expect.stringContaining('/sandbox/bank/pay/'),
    });

    const back = await payWithCard(payment.paymentUrl, TEST_CARDS.success);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe(`${t.baseUrl}/payments/${payment.id}/result?outcome=success`);

    const done = await waitForStatus(payment.id, 'succeeded');
    // The whole debt: the three unpaid months, oldest first, and nothing left unpaid.
    expect(done.allocations.map((a: { period: string }) => a.period)).toHaveLength(3);
    expect(done.allocations.reduce((s: bigint, a: { amount: string }) => s + BigInt(a.amount), 0n)).toBe(
      BigInt(quote.amount),
    );
    const balance = await body(await api('/api/v1/me/balance'));
    expect(balance.accounts.find((a: { accountNumber: string }) => a.accountNumber === '100012').debt).toBe('0');

    // The sandbox repeats CONFIRMED and sends AUTHORIZED late: still one booking.
    await new Promise((r) => setTimeout(r, 300));
    expect(await bookings(payment.id)).toEqual([{ kind: 'booking', amount: quote.amount }]);
    const events = await t.deps.db.query(
      `SELECT bank_status, applied FROM payment_events WHERE payment_id = $1 AND source = 'notification' ORDER BY id`,
      [payment.id],
    );
    expect(events.rows.filter((e) => e.applied)).toHaveLength(1);
    const sync = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM sync_items WHERE operation = 'importNotificationsOfOrderExecution' AND object_id = $1`,
      [payment.id],
    );
    expect(sync.rows[0].n).toBe(1);

    const page = await api(`/payments/${payment.id}/result?outcome=success`);
    expect(await page.text()).toContain('data-status="succeeded"');

    let mail: { subject: string; text: string }[] = [];
    for (let i = 0; i < 50 && !mail.length; i++) {
      mail = await body(await fetch(`${t.baseUrl}/sandbox/mail?to=ivanov@example.ru`));
      if (!mail.length) await new Promise((r) => setTimeout(r, 200));
    }
    expect(mail[0]!.text).toContain(payment.orderId);

    const history = await body(await api('/api/v1/me/payments?limit=1'));
    expect(history.items[0].id).toBe(payment.id);
    expect(history.page.nextCursor).not.toBeNull();
  });

  it('fails with a declined card and passes 3-D Secure with the right code', async () => {
    const { payment: declined } = await startPayment([{ accountId: DEMO.accounts.vladivostokFlat5, amount: '10000' }]);
    const back = await payWithCard(declined.paymentUrl, TEST_CARDS.fail);
    expect(back.headers.get('location')).toContain('outcome=fail');
    await waitForStatus(declined.id, 'failed');
    expect(await bookings(declined.id)).toEqual([]);

    const { payment } = await startPayment([{ accountId: DEMO.accounts.vladivostokFlat5, amount: '20000' }]);
    const challenge = await payWithCard(payment.paymentUrl, TEST_CARDS.threeDs);
    expect(await challenge.text()).toContain('3-D Secure');
    const confirmed = await fetch(`${payment.paymentUrl}/3ds`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=1234',
    });
    expect(confirmed.headers.get('location')).toContain('outcome=success');
    await waitForStatus(payment.id, 'succeeded');
  });

  it('refuses a total the payer did not confirm, and returns the same payment for a repeated Idempotency-Key', async () => {
    const items = [{ accountId: DEMO.accounts.vladivostokFlat5, amount: '5000' }];
    const stale = await api('/api/v1/me/payments', { method: 'POST', body: { items, confirmedTotal: '5000' } });
    expect(stale.status).toBe(409);
    expect((await body(stale)).quote.total).toBe('5050');
    const headers = { 'idempotency-key': 'pay-once-12345' };
    const a = await body(
      await api('/api/v1/me/payments', { method: 'POST', body: { items, confirmedTotal: '5050' }, headers }),
    );
    const b = await body(
      await api('/api/v1/me/payments', { method: 'POST', body: { items, confirmedTotal: '5050' }, headers }),
    );
    expect(b.id).toBe(a.id);
  });
});

describe('bank notifications', () => {
  it('book once whatever the order and number, including concurrent duplicates', async () => {
    const { payment } = await startPayment([
      { accountId: DEMO.accounts.vladivostokFlat5, amount: '30000', periods: [] },
    ]);
    const { rows } = await t.deps.db.query(`SELECT bank_payment_id FROM payments WHERE id = $1`, [payment.id]);
    const statuses = [
      'CONFIRMED',
      'AUTHORIZED',
      'CONFIRMED',
      'NEW',
      'CONFIRMED',
      'AUTHORIZED',
      'CONFIRMED',
      'CONFIRMED',
    ];
    const answers = await Promise.all(
      statuses.map((s) =>
        fetch(`${t.baseUrl}/payments/notify/tbank`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(signedNotification(payment, rows[0].bank_payment_id, s)),
        }).then((r) => r.text()),
      ),
    );
    expect(answers).toEqual(statuses.map(() => 'OK'));
    expect(await bookings(payment.id)).toEqual([{ kind: 'booking', amount: '30000' }]);
    expect((await body(await api(`/api/v1/me/payments/${payment.id}`))).status).toBe('succeeded');
  });

  it('refuses a forged Token, logs it in the audit log and changes nothing', async () => {
    const { payment } = await startPayment([{ accountId: DEMO.accounts.vladivostokFlat5, amount: '40000' }]);
    const { rows } = await t.deps.db.query(`SELECT bank_payment_id FROM payments WHERE id = $1`, [payment.id]);
    const forged = signedNotification(payment, rows[0].bank_payment_id, 'CONFIRMED', 'not-the-password');
    const res = await fetch(`${t.baseUrl}/payments/notify/tbank`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(forged),
    });
    expect(res.status).toBe(403);
    expect((await body(res)).code).toBe('notification_forged');
    const tampered = { ...signedNotification(payment, rows[0].bank_payment_id, 'CONFIRMED'), Amount: 1 };
    expect(
      (
        await fetch(`${t.baseUrl}/payments/notify/tbank`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(tampered),
        })
      ).status,
    ).toBe(403);
    const audit = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'payment.notification_forged' AND object_id = $1`,
      [payment.orderId],
    );
    expect(audit.rows[0].n).toBe(2);
    expect(await bookings(payment.id)).toEqual([]);
    expect((await body(await api(`/api/v1/me/payments/${payment.id}`))).status).toBe('pending');
  });
});

describe('reconciliation', () => {
  it('settles a payment whose notification never comes, through GetState', async () => {
    const { payment } = await startPayment([{ accountId: DEMO.accounts.vladivostokFlat5, amount: '50000' }]);
    const back = await payWithCard(payment.paymentUrl, TEST_CARDS.silent);
    expect(back.status).toBe(303);
    await new Promise((r) => setTimeout(r, 200));
    expect((await body(await api(`/api/v1/me/payments/${payment.id}`))).status).toBe('pending');
    const result = await paymentsReconcile.handle({ olderThanSeconds: 0 }, t.deps, { id: 'test' });
    expect(result).toMatchObject({ applied: 1 });
    expect((await body(await api(`/api/v1/me/payments/${payment.id}`))).status).toBe('succeeded');
    expect(await bookings(payment.id)).toEqual([{ kind: 'booking', amount: '50000' }]);
  });
});

describe('organisation side', () => {
  it('exports payments and refunds one, reversing its booking', async () => {
    const org = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view', 'payments.refund']);
    const exported = await body(
      await fetch(`${t.baseUrl}/api/v1/org/payments?status=succeeded&limit=100`, { headers: org }),
    );
    expect(exported.items.length).toBeGreaterThanOrEqual(3);
    const target = exported.items.find(
      (p: { items: { accountNumber: string }[]; amount: string }) => p.amount === '50000',
    );
    const before = await body(await api('/api/v1/me/balance'));
    const res = await fetch(`${t.baseUrl}/api/v1/org/payments/${target.id}/refund`, { method: 'POST', headers: org });
    expect(res.status).toBe(200);
    expect((await body(res)).status).toBe('refunded');
    expect(await bookings(target.id)).toEqual([
      { kind: 'booking', amount: '50000' },
      { kind: 'reversal', amount: '-50000' },
    ]);
    const after = await body(await api('/api/v1/me/balance'));
    expect(BigInt(after.totalDebt) - BigInt(before.totalDebt)).toBe(50000n);
    // The bank's REFUNDED notification that follows changes nothing more.
    await new Promise((r) => setTimeout(r, 300));
    expect(await bookings(target.id)).toHaveLength(2);
  });
});
