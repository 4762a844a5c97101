import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  chargeImportBody,
  chargeImportResponse,
  payeeBankDetails,
  payeeBankDetailsView,
  payeeContacts,
} from '../../contracts/billing.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { requirePermission } from '../http/auth.js';
import { findPayeeBankDetails, findPayeeContacts } from './documents.repo.js';
import { importCharges, setPayeeBankDetails, setPayeeContacts } from './service.js';

const tags = ['charges'];
const security: Record<string, string[]>[] = [{ apiKey: [] }];

/** Organisations import charges and set what their payment documents print. Mounted at /api/v1/org. */
export async function billingOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const write = (request: Parameters<typeof requirePermission>[0]) => requirePermission(request, 'charges.import');

  r.post(
    '/charges',
    {
      schema: {
        tags,
        summary: 'Import charges per account and period (idempotent; a changed period becomes a new version)',
        security,
        body: chargeImportBody,
        response: { 200: chargeImportResponse, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = write(request);
      const results = await withTransaction(deps.db, (tx) =>
        importCharges(tx, actor.organisationId, actor.actorId, request.body.items),
      );
      const count = (s: string) => results.filter((x) => x.status === s).length;
      return {
        results,
        created: count('created'),
        replaced: count('replaced'),
        unchanged: count('unchanged'),
        failed: count('error'),
      };
    },
  );

  r.get(
    '/bank-details',
    {
      schema: {
        tags,
        summary: 'The payee name, INN and bank details printed on payment documents',
        security,
        response: { 200: payeeBankDetailsView, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      const details = await findPayeeBankDetails(deps.db, actor.organisationId);
      if (!details) throw notFound('Organisation');
      return details;
    },
  );

  r.put(
    '/bank-details',
    {
      schema: {
        tags,
        summary: 'Set the payee bank details printed on payment documents (checksums verified)',
        security,
        body: payeeBankDetails,
        response: { 204: z.null(), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'settings.manage');
      await withTransaction(deps.db, (tx) => setPayeeBankDetails(tx, actor, request.body, request.ip));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'The contacts printed on payment documents (null where not set)',
        security,
        response: { 200: payeeContacts, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      const contacts = await findPayeeContacts(deps.db, actor.organisationId);
      if (!contacts) throw notFound('Organisation');
      return contacts;
    },
  );

  r.put(
    '/contacts',
    {
      schema: {
        tags,
        summary:
          'Set the contacts printed on payment documents: address, phone, e-mail, site, working hours, dispatcher',
        security,
        body: payeeContacts,
        response: { 204: z.null(), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'settings.manage');
      await withTransaction(deps.db, (tx) => setPayeeContacts(tx, actor, request.body, request.ip));
      return reply.status(204).send(null);
    },
  );
}
