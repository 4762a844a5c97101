import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createPaymentBody, payment, paymentParams, quote, quoteBody } from '../../contracts/payments.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { requirePerson } from '../http/auth.js';
import { readIdempotencyKey } from '../http/idempotency.js';
import { decodeCursor, pageInfo, pageOf, pageQuery } from '../http/pagination.js';
import { listPayments, paymentDetails } from './payments.repo.js';
import { paymentPorts } from './ports.js';
import { createPayment, presentQuote, quotePayment } from './service.js';

const tags = ['payments'];
const security: Record<string, string[]>[] = [{ session: [] }];

/** A resident pays their accounts and follows their payments. Mounted at /api/v1/me. */
export async function paymentsMeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ports = paymentPorts(deps);

  r.post(
    '/payments/quote',
    {
      schema: {
        tags,
        summary: 'What a payment would cost: amounts per account and the commission, shown before confirming',
        security,
        body: quoteBody,
        response: { 200: quote, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      presentQuote(await quotePayment(deps.db, requirePerson(request).personId, request.body.items, ports.settings)),
  );

  r.post(
    '/payments',
    {
      schema: {
        tags,
        summary: 'Pay one or several accounts; answers the bank’s PaymentURL to redirect the payer to',
        description: 'Send `Idempotency-Key` so that a retried request returns the same payment.',
        security,
        body: createPaymentBody,
        response: { 201: payment, ...problems(400, 401, 403, 404, 409, 422, 502) },
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
    '/payments',
    {
      schema: {
        tags,
        summary: 'My payments, newest first',
        security,
        querystring: pageQuery,
        response: { 200: z.object({ items: z.array(payment), page: pageInfo }), ...problems(400, 401) },
      },
    },
    async (request) => {
      const person = requirePerson(request);
      const after = decodeCursor(request.query.cursor) as [string, string] | undefined;
      const rows = await listPayments(deps.db, { personId: person.personId, after, limit: request.query.limit });
      const { items, nextCursor } = pageOf(rows, request.query.limit, (last) => [last.createdAt, last.id]);
      return { items, page: { nextCursor } };
    },
  );

  r.get(
    '/payments/:paymentId',
    {
      schema: {
        tags,
        summary: 'One of my payments with its status and allocations',
        security,
        params: paymentParams,
        response: { 200: payment, ...problems(400, 401, 404) },
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
}
