import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createPaymentBody, payment, quote, quoteBody } from '../../contracts/payments.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { requireOrg, requirePerson } from '../http/auth.js';
import { forbidden, notFound } from '../errors.js';
import { readIdempotencyKey } from '../http/idempotency.js';
import { assertSafeText, storableText } from '../http/text-guard.js';
import { decodeCursor, pageInfo, pageQuery, pageOf } from '../http/pagination.js';
import { audit } from '../identity/audit.js';
import { formatRubles } from '../money.js';
import { listPayments, paymentDetails } from './payments.repo.js';
import { paymentPorts } from './ports.js';
import { applyBankStatus, createPayment, presentQuote, quotePayment, refundPayment } from './service.js';

const STATUS_TEXT: Record<string, string> = {
  created: 'Платёж создаётся',
  pending: 'Платёж обрабатывается банком',
  succeeded: 'Платёж зачислен',
  failed: 'Платёж не прошёл',
  canceled: 'Платёж отменён',
  refunded: 'Платёж возвращён',
};

export async function paymentsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ports = paymentPorts(deps);
  const paymentOut = payment.extend({ organisationId: z.uuid() });

  r.post(
    '/api/v1/me/payments/quote',
    {
      schema: {
        tags: ['payments'],
        summary: 'What a payment would cost: amounts per account and the commission, shown before confirming',
        security: [{ session: [] }],
        body: quoteBody,
        response: { 200: quote, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      presentQuote(await quotePayment(deps.db, requirePerson(request).personId, request.body.items, ports.settings)),
  );

  r.post(
    '/api/v1/me/payments',
    {
      schema: {
        tags: ['payments'],
        summary: 'Pay one or several accounts; answers the bank’s PaymentURL to redirect the payer to',
        description: 'Send `Idempotency-Key` so that a retried request returns the same payment.',
        security: [{ session: [] }],
        body: createPaymentBody,
        response: { 201: paymentOut, ...problems(400, 401, 403, 404, 409, 422, 502) },
      },
    },
    async (request, reply) => {
      const person = requirePerson(request);
      const key = readIdempotencyKey(request.headers, false);
      const p = await createPayment(ports, { personId: person.personId, ip: request.ip }, request.body, key);
      return reply.status(201).send(p);
    },
  );

  r.get(
    '/api/v1/me/payments',
    {
      schema: {
        tags: ['payments'],
        summary: 'My payments, newest first',
        security: [{ session: [] }],
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(paymentOut), page: pageInfo }), ...problems(400, 401) },
      },
    },
    async (request) => {
      const person = requirePerson(request);
      const after = decodeCursor(request.query.cursor) as [string, string] | undefined;
      const rows = await listPayments(deps.db, { personId: person.personId, after, limit: request.query.limit });
      return page(rows, request.query.limit);
    },
  );

  r.get(
    '/api/v1/me/payments/:paymentId',
    {
      schema: {
        tags: ['payments'],
        summary: 'One of my payments with its status and allocations',
        security: [{ session: [] }],
        params: z.object({ paymentId: z.uuid() }),
        response: { 200: paymentOut, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const p = await paymentDetails(deps.db, {
        id: request.params.paymentId,
        personId: requirePerson(request).personId,
      });
      if (!p) throw notFound('Payment');
      return p;
    },
  );

  const cabinetBuilt = existsSync(path.join(deps.config.webDir, 'index.html'));
  // Where the bank sends the payer back (SuccessURL / FailURL): the status page.
  r.get(
    '/payments/:paymentId/result',
    {
      schema: {
        hide: true,
        params: z.object({ paymentId: z.uuid() }),
        querystring: z.object({ outcome: z.enum(['success', 'fail']).optional() }),
      },
    },
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

  r.get(
    '/api/v1/org/payments',
    {
      schema: {
        tags: ['payments'],
        summary: 'Export the organisation’s payments (newest first) with their allocations',
        security: [{ apiKey: [] }],
        querystring: pageQuery.extend({
          status: z.enum(['created', 'pending', 'succeeded', 'failed', 'canceled', 'refunded']).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: z.object({ items: z.array(paymentOut), page: pageInfo }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'payments:read', ['admin', 'accountant']);
      const q = request.query;
      const after = decodeCursor(q.cursor) as [string, string] | undefined;
      const rows = await listPayments(deps.db, {
        organisationId: actor.organisationId,
        status: q.status,
        from: q.from,
        to: q.to,
        after,
        limit: q.limit,
      });
      return page(rows, q.limit);
    },
  );

  r.post(
    '/api/v1/org/payments/:paymentId/refund',
    {
      schema: {
        tags: ['payments'],
        summary: 'Refund a succeeded payment through the bank (reverses its booking)',
        security: [{ apiKey: [] }],
        params: z.object({ paymentId: z.uuid() }),
        response: { 200: paymentOut, ...problems(400, 401, 403, 404, 422, 502) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'payments:write', ['admin', 'accountant']);
      return refundPayment(ports, actor.organisationId, request.params.paymentId, actor);
    },
  );

  r.post(
    '/payments/notify/:provider',
    {
      schema: {
        tags: ['payments'],
        summary: 'Bank notifications (T-Bank-style JSON, verified by Token); answered `OK`',
        params: z.object({ provider: z.string().max(40) }),
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
      const outcome = await applyBankStatus(ports, {
        orderId: notification.OrderId,
        bankStatus: notification.Status,
        amount: BigInt(notification.Amount),
        bankPaymentId: String(notification.PaymentId),
        source: 'notification',
      });
      if (outcome === 'unknown_order' || outcome === 'amount_mismatch')
        request.log.warn({ orderId: notification.OrderId, outcome }, 'bank notification not applied');
      // The bank retries until it reads exactly OK; an unknown order will not heal by retrying, so it gets OK too.
      return reply.type('text/plain').send('OK');
    },
  );
}

function page<T extends { createdAt: string; id: string }>(rows: T[], limit: number) {
  const { items, nextCursor } = pageOf(rows, limit, (last) => [last.createdAt, last.id]);
  return { items, page: { nextCursor } };
}
