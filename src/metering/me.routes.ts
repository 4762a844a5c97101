import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { READING_REFUSALS } from '../../contracts/errors.js';
import { problems } from '../../contracts/problem.js';
import {
  historyQuerySchema,
  historySchema,
  meterListSchema,
  registrationViewSchema,
  submitReadingsBodySchema,
  submitReadingsResponseSchema,
} from '../../contracts/metering.js';
import { requireAccountAccess } from '../accounts/access.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePerson } from '../http/auth.js';
import { notFound } from '../errors.js';
import { idempotent, readIdempotencyKey } from '../http/idempotency.js';
import { decodeCursor, pageInfo, pageQuery, pageOf } from '../http/pagination.js';
import { readMultipart } from '../files/uploads.js';
import { findRegistration, listRegistrations } from './registrations.repo.js';
import { registrationView, submitRegistration } from './registration.service.js';
import { listMeters, readingHistory, submitReadings } from './service.js';

const accountParams = z.object({ accountId: z.uuid() });
const tags = ['metering'];

/** The resident's meters, readings and meter registrations, per account. Mounted at /api/v1/me. */
export async function meteringMeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = () => new Date();

  r.get(
    '/accounts/:accountId/meters',
    {
      schema: {
        tags,
        summary: "The account's meters, their last readings and verification, and whether readings are open now",
        params: accountParams,
        response: { 200: meterListSchema, ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      const access = await requireAccountAccess(deps.db, requirePerson(req).personId, req.params.accountId);
      return listMeters(deps.db, access, now());
    },
  );

  r.post(
    '/accounts/:accountId/readings',
    {
      schema: {
        tags,
        summary: 'Submit readings for one or all meters of the account (needs Idempotency-Key)',
        description:
          `All or nothing. Refusals (422) name the meter and tariff: ${READING_REFUSALS.join(', ')} ` +
          '(send a reading refused with consumption_confirmation_required again with confirm=true). ' +
          'A reading for a period that already has one corrects it.',
        params: accountParams,
        headers: z.object({ 'idempotency-key': z.string().optional() }).loose(),
        body: submitReadingsBodySchema,
        response: { 201: submitReadingsResponseSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const person = requirePerson(req);
      const key = readIdempotencyKey(req.headers)!;
      const access = await requireAccountAccess(deps.db, person.personId, req.params.accountId);
      const result = await idempotent(
        deps.db,
        { scope: person.personId, key, request: { accountId: access.accountId, body: req.body } },
        async (tx) => ({
          status: 201 as const,
          body: await submitReadings(tx, deps.enqueue, access, { personId: person.personId }, req.body, now()),
        }),
      );
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.body);
    },
  );

  r.get(
    '/accounts/:accountId/readings',
    {
      schema: {
        tags,
        summary: 'Reading history with consumption per month and tariff (default: the last six months)',
        params: accountParams,
        querystring: historyQuerySchema,
        response: { 200: historySchema, ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      const access = await requireAccountAccess(deps.db, requirePerson(req).personId, req.params.accountId);
      return readingHistory(deps.db, access, req.query, now());
    },
  );

  r.post(
    '/accounts/:accountId/meter-registrations',
    {
      schema: {
        tags,
        summary: 'Ask to register or re-register a meter, with its documents (multipart/form-data)',
        description:
          'Text fields: kind (register|reregister), meterId (for reregister), resource, serialNumber, tariffs, digitCapacity, ' +
          'installedOn, sealedOn, verifiedOn, nextVerification, t1–t3 (initial reading), comment. Files, in fields named by ' +
          'their kind: sealing_act, dismantling_act, installation_act, passport, verification_certificate, photo (JPEG, PNG, ' +
          'HEIC, WebP or PDF, sniffed). A photo and a passport or verification certificate are required.',
        params: accountParams,
        consumes: ['multipart/form-data'],
        response: { 201: registrationViewSchema, ...problems(400, 401, 404, 413, 415) },
      },
    },
    async (req, reply) => {
      const person = requirePerson(req);
      const access = await requireAccountAccess(deps.db, person.personId, req.params.accountId);
      const form = await readMultipart(req);
      const view = await withTransaction(deps.db, (tx) =>
        submitRegistration(tx, deps.files, access, person.personId, form),
      );
      return reply.status(201).send(view);
    },
  );

  r.get(
    '/accounts/:accountId/meter-registrations',
    {
      schema: {
        tags,
        summary: "The account's meter registration requests and their status",
        params: accountParams,
        querystring: pageQuery,
        response: {
          200: z.object({ items: z.array(registrationViewSchema), page: pageInfo }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (req) => {
      const access = await requireAccountAccess(deps.db, requirePerson(req).personId, req.params.accountId);
      const after = decodeCursor(req.query.cursor) as [string, string] | undefined;
      const rows = await listRegistrations(
        deps.db,
        { accountId: access.accountId },
        { after: after ?? null, limit: req.query.limit + 1 },
      );
      const { items, nextCursor } = pageOf(rows, req.query.limit, (last) => [last.created_at.toISOString(), last.id]);
      return { items: items.map(registrationView), page: { nextCursor } };
    },
  );

  r.get(
    '/accounts/:accountId/meter-registrations/:registrationId',
    {
      schema: {
        tags,
        summary: 'One meter registration request',
        params: accountParams.extend({ registrationId: z.uuid() }),
        response: { 200: registrationViewSchema, ...problems(400, 401, 404) },
      },
    },
    async (req) => {
      const access = await requireAccountAccess(deps.db, requirePerson(req).personId, req.params.accountId);
      const row = await findRegistration(deps.db, { id: req.params.registrationId, accountId: access.accountId });
      if (!row) throw notFound('Meter registration');
      return registrationView(row);
    },
  );
}
