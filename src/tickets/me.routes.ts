import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../contracts/problem.js';
import {
  commentBody,
  myTicketFilter,
  ratingBody,
  reopenBody,
  ticketCreateBody,
  ticketDetail,
  ticketView,
  uploadedFiles,
} from '../../contracts/tickets.js';
import { linkedHouseIds } from '../accounts/access.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePerson } from '../http/auth.js';
import { idempotent, readIdempotencyKey } from '../http/idempotency.js';
import { pageInfo, pageQuery } from '../http/pagination.js';
import { createFieldCipher } from '../identity/crypto.js';
import { sendFile, storeUploads, toFileInfo } from './attachments.js';
import { pageAfter, pageCursor } from './pages.js';
import {
  createTicket,
  getTicketForPerson,
  rateClosedTicket,
  reopenTicket,
  residentComment,
  ticketFile,
  ticketVisibleToPerson,
  toTicketView,
} from './service.js';
import { listTicketsForPerson } from './tickets.repo.js';

const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** Residents' maintenance requests (заявки). Mounted at /api/v1/me. */
export async function ticketsMeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const tags = ['tickets'];

  r.post(
    '/tickets/files',
    {
      schema: {
        tags,
        summary: 'Upload photos for a request (multipart); refer to them by id when creating it',
        consumes: ['multipart/form-data'],
        response: { 201: uploadedFiles, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      const stored = await storeUploads(request, deps.files, me.personId);
      return reply.status(201).send({ files: stored.map(toFileInfo) });
    },
  );

  r.post(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Create a maintenance request (an optional Idempotency-Key makes a retry return the first answer)',
        body: ticketCreateBody,
        response: { 201: ticketDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      const key = readIdempotencyKey(request.headers, false);
      const create = (tx: Parameters<typeof createTicket>[0]) => createTicket(tx, cipher, me.personId, request.body);
      if (!key) return reply.status(201).send(await withTransaction(deps.db, create));
      const result = await idempotent(
        deps.db,
        { scope: `person:${me.personId}`, key, request: { route: 'tickets.create', body: request.body } },
        async (tx) => ({
          status: 201,
          body: await create(tx),
        }),
      );
      return reply.status(201).send(result.body);
    },
  );

  r.get(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'My requests and the house-wide requests of my houses, newest first',
        querystring: pageQuery.extend(myTicketFilter.shape),
        response: { 200: z.object({ items: z.array(ticketView), page: pageInfo }), ...problems(400, 401) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      const { limit, cursor, scope, status } = request.query;
      const houseIds = scope === 'own' ? [] : await linkedHouseIds(deps.db, me.personId);
      const rows = await listTicketsForPerson(deps.db, {
        personId: me.personId,
        houseIds,
        scope,
        status,
        limit: limit + 1,
        after: pageAfter(cursor),
      });
      return {
        items: rows.slice(0, limit).map((t) => {
          const mine = t.authorPersonId === me.personId;
          return toTicketView(t, { mine, phone: mine && t.contactPhoneEnc ? cipher.decrypt(t.contactPhoneEnc) : null });
        }),
        page: { nextCursor: pageCursor(rows, limit) },
      };
    },
  );

  r.get(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'One request with its history and photos',
        params: idParams,
        response: { 200: ticketDetail, ...problems(400, 401, 404) },
      },
    },
    async (request) => getTicketForPerson(deps.db, cipher, requirePerson(request).personId, request.params.id),
  );

  r.post(
    '/tickets/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen my done or rejected request (within TICKET_REOPEN_DAYS)',
        params: idParams,
        body: reopenBody,
        response: { 200: ticketDetail, ...problems(400, 401, 404, 422) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      return withTransaction(deps.db, (tx) =>
        reopenTicket(
          tx,
          { cipher, notifier: deps.notifier, reopenDays: deps.config.ticketReopenDays },
          me.personId,
          request.params.id,
          request.body.reason,
        ),
      );
    },
  );

  r.post(
    '/tickets/:id/rating',
    {
      schema: {
        tags,
        summary: 'Rate the work on my closed request 1–5 with a comment (once per closing)',
        params: idParams,
        body: ratingBody,
        response: { 200: ticketDetail, ...problems(400, 401, 404, 409, 422) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      return withTransaction(deps.db, (tx) =>
        rateClosedTicket(tx, cipher, me.personId, request.params.id, request.body),
      );
    },
  );

  r.post(
    '/tickets/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on my request',
        params: idParams,
        body: commentBody,
        response: { 204: z.null(), ...problems(400, 401, 404, 422) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      await withTransaction(deps.db, (tx) => residentComment(tx, me.personId, request.params.id, request.body.body));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/tickets/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a photo of a request I can see',
        params: fileParams,
        response: problems(400, 401, 404),
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      await ticketVisibleToPerson(deps.db, me.personId, request.params.id);
      return sendFile(reply, await ticketFile(deps.db, deps.files, request.params.id, request.params.fileId));
    },
  );
}
