import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orgPayment, orgPaymentsFilter, paymentParams } from '../../contracts/payments.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { requirePermission } from '../http/auth.js';
import { decodeCursor, pageInfo, pageOf, pageQuery } from '../http/pagination.js';
import { listPayments } from './payments.repo.js';
import { paymentPorts } from './ports.js';
import { refundable, refundPayment } from './service.js';

const tags = ['payments'];
const security: Record<string, string[]>[] = [{ apiKey: [] }];

/** An organisation exports its payments and refunds them. Mounted at /api/v1/org. */
export async function paymentsOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ports = paymentPorts(deps);

  r.get(
    '/payments',
    {
      schema: {
        tags,
        summary: 'Export the organisation’s payments (newest first) with their allocations',
        security,
        querystring: pageQuery.extend(orgPaymentsFilter.shape),
        response: { 200: z.object({ items: z.array(orgPayment), page: pageInfo }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      const q = request.query;
      const after = decodeCursor(q.cursor) as [string, string] | undefined;
      const rows = await listPayments(deps.db, {
        organisationId: actor.organisationId,
        status: q.status,
        from: q.from,
        to: q.to,
        accountNumber: q.accountNumber,
        houseId: q.houseId,
        houseIds: actor.houseIds,
        after,
        limit: q.limit,
      });
      const { items, nextCursor } = pageOf(rows, q.limit, (last) => [last.createdAt, last.id]);
      return { items: items.map((p) => ({ ...p, refundable: refundable(deps.acquirer, p) })), page: { nextCursor } };
    },
  );

  r.post(
    '/payments/:paymentId/refund',
    {
      schema: {
        tags,
        summary: 'Refund a succeeded payment through the bank (reverses its booking)',
        security,
        params: paymentParams,
        response: { 200: orgPayment, ...problems(400, 401, 403, 404, 422, 502) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'payments.refund');
      const p = await refundPayment(ports, actor, request.params.paymentId);
      return { ...p, refundable: refundable(deps.acquirer, p) };
    },
  );
}
