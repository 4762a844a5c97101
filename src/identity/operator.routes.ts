import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { operatorAuditFilter } from '../../contracts/identity.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { requireOperator } from '../http/auth.js';
import { pageQuery } from '../http/pagination.js';
import { auditPage, readAudit } from './audit-read.js';

/** The operators' view of the whole audit log. Mounted at /api/v1/operator. */
export async function identityOperatorRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/audit',
    {
      schema: {
        tags: ['operator'],
        summary: 'The whole audit log (operators), newest first',
        querystring: pageQuery.extend(operatorAuditFilter.shape),
        response: { 200: auditPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      requireOperator(request);
      return readAudit(deps.db, request.query);
    },
  );
}
