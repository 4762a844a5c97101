import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bankNotificationParams, paymentParams, paymentResultQuery } from '../../contracts/payments.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { requirePerson } from '../http/auth.js';
import { assertSafeText, storableText } from '../http/text-guard.js';
import { audit } from '../identity/audit.js';
import { formatRubles } from '../money.js';
import { paymentDetails } from './payments.repo.js';
import { applyBankStatus } from './service.js';

const STATUS_TEXT: Record<string, string> = {
  created: 'Платёж создаётся',
  pending: 'Платёж обрабатывается банком',
  succeeded: 'Платёж зачислен',
  failed: 'Платёж не прошёл',
  canceled: 'Платёж отменён',
  refunded: 'Платёж возвращён',
};

/** Where the bank reaches us: the payer's return from its payment page and its notifications. Mounted at /payments. */
export async function paymentsBankRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cabinetBuilt = existsSync(path.join(deps.config.webDir, 'index.html'));

  // Where the bank sends the payer back (SuccessURL / FailURL): the status page.
  r.get(
    '/:paymentId/result',
    { schema: { hide: true, params: paymentParams, querystring: paymentResultQuery } },
    async (request, reply) => {
      const person = requirePerson(request);
      const p = await paymentDetails(deps.db, { id: request.params.paymentId, personId: person.personId });
      if (!p) throw notFound('Payment');
      // A browser goes on to the cabinet's payment page, which follows the status to the end; other
      // clients get this small status page.
      if (String(request.headers.accept ?? '').includes('text/html') && cabinetBuilt) {
        const outcome = request.query.outcome ? `?outcome=${request.query.outcome}` : '';
        return reply.redirect(`/payments/${p.id}${outcome}`, 303);
      }
      const text = STATUS_TEXT[p.status]!;
      const refresh = p.status === 'pending' || p.status === 'created' ? '<meta http-equiv="refresh" content="3">' : '';
      return reply
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="ru"><head><meta charset="utf-8">${refresh}<title>${text}</title></head><body>` +
            `<h1 data-status="${p.status}">${text}</h1><p>Сумма: ${formatRubles(p.amount)}, комиссия: ${formatRubles(p.commission)}, всего: ${formatRubles(p.total)}</p>` +
            `<p>Заказ ${p.orderId}</p></body></html>`,
        );
    },
  );

  r.post(
    '/notify/:provider',
    {
      schema: {
        tags: ['payments'],
        summary: 'Bank notifications (T-Bank-style JSON, verified by Token); answered `OK`',
        params: bankNotificationParams,
        body: z.unknown(),
        response: { 200: z.string(), ...problems(400, 403, 404) },
      },
      // A forged notification is audited whatever text it carries, so the text guard runs in the handler.
      config: { rawText: true },
    },
    async (request, reply) => {
      if (request.params.provider !== deps.acquirer.provider) throw notFound('Payment provider');
      const notification = deps.acquirer.verifyNotification(request.body);
      if (!notification) {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const orderId = typeof body.OrderId === 'string' ? storableText(body.OrderId.slice(0, 64)) : undefined;
        const status = typeof body.Status === 'string' ? storableText(body.Status.slice(0, 64)) : null;
        request.log.warn(
          { provider: request.params.provider, orderId, status },
          'bank notification with a wrong Token refused',
        );
        await audit(deps.db, {
          actorType: 'system',
          action: 'payment.notification_forged',
          objectType: 'payment_order',
          objectId: orderId,
          ip: request.ip,
          details: { provider: request.params.provider, status },
        });
        throw forbidden('The notification’s Token does not verify', 'notification_forged');
      }
      assertSafeText(request.body, 'body');
      const outcome = await withTransaction(deps.db, (tx) =>
        applyBankStatus(tx, deps.enqueue, {
          orderId: notification.OrderId,
          bankStatus: notification.Status,
          amount: BigInt(notification.Amount),
          bankPaymentId: String(notification.PaymentId),
          source: 'notification',
        }),
      );
      if (outcome === 'unknown_order' || outcome === 'amount_mismatch')
        request.log.warn({ orderId: notification.OrderId, outcome }, 'bank notification not applied');
      // The bank retries until it reads exactly OK; an unknown order will not heal by retrying, so it gets OK too.
      return reply.type('text/plain').send('OK');
    },
  );
}
