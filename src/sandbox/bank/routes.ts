import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { acquiringToken, initRequestSchema } from '../../../contracts/acquiring.js';
import { SANDBOX_BANK } from '../../config.js';
import { bankPassword } from '../secrets.js';
import type { AppDeps } from '../../deps.js';

// A T-Bank-style acquiring bank for sandbox runs and tests: Init/GetState/Cancel over JSON with the
// same Token rule, a card form with test cards, and notifications that repeat and arrive out of order.

export const TEST_CARDS = {
  success: '4300000000000777',
  fail: '5000000000000009',
  threeDs: '4000000000000002',
  /** Confirmed, but the bank never notifies: the hub's reconciliation job must settle it. */
  silent: '4111111111111111',
} as const;
const THREE_DS_CODE = '1234';

type BankRow = {
  payment_id: string;
  terminal_key: string;
  order_id: string;
  amount: string;
  status: string;
  notification_url: string | null;
  success_url: string | null;
  fail_url: string | null;
  description: string | null;
};

const answer = (row: BankRow, extra: Record<string, unknown> = {}) => ({
  Success: true,
  ErrorCode: '0',
  TerminalKey: row.terminal_key,
  Status: row.status,
  PaymentId: String(row.payment_id),
  OrderId: row.order_id,
  Amount: Number(row.amount),
  ...extra,
});
const refusal = (code: string, message: string) => ({ Success: false, ErrorCode: code, Message: message });

export async function sandboxBankRoutes(app: FastifyInstance, deps: AppDeps) {
  // The bank is another party: its card form is posted by the payer's browser, which also carries our
  // session cookie in sandbox mode (same origin); our sessions and CSRF check do not apply here.
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config as object), auth: false };
  });
  await app.register(formbody);
  const base = `${deps.config.publicUrl}/sandbox/bank`;
  // The terminal's password of this installation (or BANK_PASSWORD): the same one the hub's adapter uses.
  const password = await bankPassword(deps.config.bank.password, deps.db);

  const find = async (id: unknown) => {
    if (!/^\d{1,18}$/.test(String(id))) return undefined;
    const { rows } = await deps.db.query(`SELECT * FROM sandbox_bank_payments WHERE payment_id = $1`, [String(id)]);
    return rows[0] as BankRow | undefined;
  };
  const setStatus = async (row: BankRow, status: string) => {
    await deps.db.query(`UPDATE sandbox_bank_payments SET status = $2 WHERE payment_id = $1`, [row.payment_id, status]);
    row.status = status;
  };
  const signedOk = (body: Record<string, unknown>) =>
    body.TerminalKey === SANDBOX_BANK.terminalKey &&
    typeof body.Token === 'string' &&
    body.Token === acquiringToken(body, password);

  /** Posts the statuses to NotificationURL one after another, each retried until the hub answers OK. */
  const notify = (row: BankRow, statuses: string[], card: string) => {
    if (!row.notification_url) return;
    const url = row.notification_url;
    void (async () => {
      for (const status of statuses) {
        const body: Record<string, unknown> = {
          TerminalKey: row.terminal_key,
          OrderId: row.order_id,
          Success: !['REJECTED', 'AUTH_FAIL'].includes(status),
          Status: status,
          PaymentId: Number(row.payment_id),
          ErrorCode: ['REJECTED', 'AUTH_FAIL'].includes(status) ? '1051' : '0',
          Amount: Number(row.amount),
          CardId: 100500,
          Pan: `${card.slice(0, 6)}******${card.slice(-4)}`,
          ExpDate: '1230',
        };
        body.Token = acquiringToken(body, password);
        for (let attempt = 0; attempt < 3; attempt++) {
          const ok = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(5000),
          }).then(
            async (r) => (await r.text()) === 'OK',
            () => false,
          );
          if (ok) break;
          await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
        }
      }
    })().catch((err) => deps.log.warn({ err }, 'sandbox bank: notification failed'));
  };

  app.post('/v2/Init', async (request) => {
    const parsed = initRequestSchema.safeParse(request.body);
    if (!parsed.success) return refusal('9999', 'Неверные параметры');
    const body = request.body as Record<string, unknown>;
    if (!signedOk(body)) return refusal('204', 'Неверный токен');
    const r = parsed.data;
    const { rows } = await deps.db.query(
      `INSERT INTO sandbox_bank_payments (terminal_key, order_id, amount, description, notification_url, success_url, fail_url, receipt)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (terminal_key, order_id) DO UPDATE SET terminal_key = EXCLUDED.terminal_key RETURNING *`,
      [
        r.TerminalKey,
        r.OrderId,
        r.Amount,
        r.Description ?? null,
        r.NotificationURL ?? null,
        r.SuccessURL ?? null,
        r.FailURL ?? null,
        r.Receipt ?? null,
      ],
    );
    const row = rows[0] as BankRow;
    if (Number(row.amount) !== r.Amount) return refusal('8', 'Заказ с таким OrderId уже существует');
    if (r.Receipt) {
      const items = r.Receipt.Items.reduce((s, i) => s + i.Amount, 0);
      if (items !== r.Amount) return refusal('309', 'Сумма позиций чека не равна сумме платежа');
    }
    return answer(row, { PaymentURL: `${base}/pay/${row.payment_id}` });
  });

  app.post('/v2/GetState', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!signedOk(body)) return refusal('204', 'Неверный токен');
    const row = await find(body.PaymentId);
    return row ? answer(row) : refusal('7', 'Платёж не найден');
  });

  app.post('/v2/Cancel', async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!signedOk(body)) return refusal('204', 'Неверный токен');
    const row = await find(body.PaymentId);
    if (!row) return refusal('7', 'Платёж не найден');
    const next =
      row.status === 'CONFIRMED'
        ? 'REFUNDED'
        : row.status === 'AUTHORIZED'
          ? 'REVERSED'
          : row.status === 'NEW'
            ? 'CANCELED'
            : null;
    if (!next) return refusal('4', `Нельзя отменить платёж в статусе ${row.status}`);
    await setStatus(row, next);
    notify(row, [next], TEST_CARDS.success);
    return answer(row, { OriginalAmount: Number(row.amount), NewAmount: 0 });
  });

  app.get<{ Params: { id: string } }>('/pay/:id', async (request, reply) => {
    const row = await find(request.params.id);
    if (!row) return reply.status(404).type('text/html; charset=utf-8').send('<p>Платёж не найден</p>');
    if (row.status === 'NEW') await setStatus(row, 'FORM_SHOWED');
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Песочница банка — оплата</title></head><body>` +
          `<h1>Оплата ${(Number(row.amount) / 100).toFixed(2)} ₽</h1><p>${escapeHtml(row.description ?? '')}</p>` +
          `<form method="post" action="${base}/pay/${row.payment_id}"><label>Номер карты <input name="card" value="${TEST_CARDS.success}"></label>` +
          `<button type="submit">Оплатить</button></form>` +
          `<p>Тестовые карты: ${TEST_CARDS.success} — успех; ${TEST_CARDS.fail} — отказ; ${TEST_CARDS.threeDs} — 3-D Secure (код ${THREE_DS_CODE}); ` +
          `${TEST_CARDS.silent} — успех без уведомлений.</p></body></html>`,
      );
  });

  const finish = async (row: BankRow, card: string, success: boolean, reply: import('fastify').FastifyReply) => {
    if (success) {
      await setStatus(row, 'CONFIRMED');
      // One-stage payment: AUTHORIZED then CONFIRMED, delivered out of order and repeated.
      if (card !== TEST_CARDS.silent) notify(row, ['CONFIRMED', 'AUTHORIZED', 'CONFIRMED'], card);
    } else {
      await setStatus(row, 'REJECTED');
      notify(row, ['REJECTED', 'REJECTED'], card);
    }
    return reply.redirect((success ? row.success_url : row.fail_url) ?? `${base}/pay/${row.payment_id}`, 303);
  };

  app.post<{ Params: { id: string }; Body: { card?: string } }>('/pay/:id', async (request, reply) => {
    const row = await find(request.params.id);
    if (!row) return reply.status(404).send('not found');
    if (!['NEW', 'FORM_SHOWED'].includes(row.status)) return reply.redirect(row.success_url ?? '/', 303);
    const card = String(request.body?.card ?? '').replace(/\s/g, '');
    if (card === TEST_CARDS.threeDs) {
      await setStatus(row, '3DS_CHECKING');
      return reply
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>3-D Secure</title></head><body><h1>Подтверждение 3-D Secure</h1>` +
            `<form method="post" action="${base}/pay/${row.payment_id}/3ds"><label>Код из SMS <input name="code"></label><button>Подтвердить</button></form></body></html>`,
        );
    }
    return finish(row, card, card === TEST_CARDS.success || card === TEST_CARDS.silent, reply);
  });

  app.post<{ Params: { id: string }; Body: { code?: string } }>('/pay/:id/3ds', async (request, reply) => {
    const row = await find(request.params.id);
    if (!row || row.status !== '3DS_CHECKING') return reply.status(404).send('not found');
    return finish(row, TEST_CARDS.threeDs, request.body?.code === THREE_DS_CODE, reply);
  });
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
