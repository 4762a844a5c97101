import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requireOrg, requirePerson } from '../http/auth.js';
import { idempotent, readIdempotencyKey } from '../http/idempotency.js';
import { decodeCursor, pageInfo, pageQuery, pageOf } from '../http/pagination.js';
import { createFieldCipher } from '../identity/crypto.js';
import { linkedHouseIds } from '../accounts/access.js';
import { fileInfo, sendFile, storeUploads, toFileInfo } from './attachments.js';
import {
  commentBody,
  ratingAverages,
  ratingBody,
  TICKET_CATEGORIES,
  ticketCreateBody,
  ticketDetail,
  ticketStaffPatch,
  ticketView,
} from './schemas.js';
import {
  createTicket,
  getTicketForOrg,
  getTicketForPerson,
  rateClosedTicket,
  reopenTicket,
  residentComment,
  staffComment,
  staffUpdateTicket,
  ticketFile,
  ticketOfOrg,
  ticketVisibleToPerson,
  toTicketView,
} from './service.js';
import { TICKET_STATUSES } from './status.js';
import { averageRatings, listTicketsForOrg, listTicketsForPerson, type TicketRow } from './tickets.repo.js';

const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const STAFF = ['admin', 'dispatcher'] as const;

function pageCursor(rows: TicketRow[], limit: number) {
  return pageOf(rows, limit, (last) => [last.createdAt.toISOString(), last.id]).nextCursor;
}

function pageAfter(cursor: string | undefined) {
  const c = decodeCursor(cursor);
  return c ? { createdAt: String(c[0]), id: String(c[1]) } : undefined;
}

/** Maintenance requests (заявки): residents under /api/v1/me/tickets, the organisation's queue under /api/v1/org/tickets. */
export async function ticketRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const tags = ['tickets'];

  r.post(
    '/api/v1/me/tickets/files',
    {
      schema: {
        tags,
        summary: 'Upload photos for a request (multipart); refer to them by id when creating it',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ files: z.array(fileInfo) }), ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      const stored = await storeUploads(request, deps.files, me.personId);
      return reply.status(201).send({ files: stored.map(toFileInfo) });
    },
  );

  r.post(
    '/api/v1/me/tickets',
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
    '/api/v1/me/tickets',
    {
      schema: {
        tags,
        summary: 'My requests and the house-wide requests of my houses, newest first',
        querystring: pageQuery.extend({
          scope: z.enum(['own', 'house', 'all']).default('all'),
          status: z.enum(TICKET_STATUSES).optional(),
        }),
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
    '/api/v1/me/tickets/:id',
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
    '/api/v1/me/tickets/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen my done or rejected request (within TICKET_REOPEN_DAYS)',
        params: idParams,
        body: z.object({ reason: z.string().trim().min(3).max(4000) }),
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
    '/api/v1/me/tickets/:id/rating',
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
    '/api/v1/me/tickets/:id/comments',
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
    '/api/v1/me/tickets/:id/files/:fileId',
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

  // The organisation's queue: API keys with tickets:read / tickets:write, or admins and dispatchers.
  r.get(
    '/api/v1/org/tickets',
    {
      schema: {
        tags,
        summary: 'Request queue of the organisation, filtered by house, status, category, emergency, assignee, overdue',
        security: [{ apiKey: [] }, { session: [] }],
        querystring: pageQuery.extend({
          houseId: z.uuid().optional(),
          status: z.enum(TICKET_STATUSES).optional(),
          open: z.stringbool().optional().describe('true: new and in progress only'),
          category: z.enum(TICKET_CATEGORIES).optional(),
          emergency: z.stringbool().optional(),
          assignee: z.string().max(200).optional(),
          overdue: z.stringbool().optional().describe('true: past the deadline and not closed'),
        }),
        response: { 200: z.object({ items: z.array(ticketView), page: pageInfo }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'tickets:read', [...STAFF]);
      const { limit, cursor, ...filter } = request.query;
      const rows = await listTicketsForOrg(deps.db, {
        organisationId: actor.organisationId,
        ...filter,
        limit: limit + 1,
        after: pageAfter(cursor),
      });
      // The queue leaves contact phones out: reading one is a personal-data read, done per request below.
      return {
        items: rows.slice(0, limit).map((t) => toTicketView(t, { mine: false, staff: true, phone: null })),
        page: { nextCursor: pageCursor(rows, limit) },
      };
    },
  );

  r.get(
    '/api/v1/org/tickets/ratings',
    {
      schema: {
        tags,
        summary: "Residents' average rating of closed requests per category (lowest first)",
        security: [{ apiKey: [] }, { session: [] }],
        querystring: z.object({
          houseId: z.uuid().optional(),
          from: z.iso.datetime({ offset: true }).optional().describe('rated at or after'),
          to: z.iso.datetime({ offset: true }).optional().describe('rated before'),
        }),
        response: { 200: ratingAverages, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'tickets:read', [...STAFF]);
      return { items: await averageRatings(deps.db, { organisationId: actor.organisationId, ...request.query }) };
    },
  );

  r.get(
    '/api/v1/org/tickets/:id',
    {
      schema: {
        tags,
        summary: 'One request with the contact phone (the read is audited)',
        params: idParams,
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: ticketDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'tickets:read', [...STAFF]);
      return withTransaction(deps.db, (tx) => getTicketForOrg(tx, cipher, actor, request.params.id, request.ip));
    },
  );

  r.patch(
    '/api/v1/org/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Change status, assignee, deadline or resolution of a request',
        params: idParams,
        body: ticketStaffPatch,
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: ticketDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'tickets:write', [...STAFF]);
      return withTransaction(deps.db, (tx) =>
        staffUpdateTicket(tx, { cipher, notifier: deps.notifier }, actor, request.params.id, request.body, request.ip),
      );
    },
  );

  r.post(
    '/api/v1/org/tickets/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a request (the resident sees it)',
        params: idParams,
        body: commentBody,
        security: [{ apiKey: [] }, { session: [] }],
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireOrg(request, 'tickets:write', [...STAFF]);
      await withTransaction(deps.db, (tx) => staffComment(tx, actor, request.params.id, request.body.body));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/org/tickets/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a photo of a request',
        params: fileParams,
        security: [{ apiKey: [] }, { session: [] }],
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const actor = requireOrg(request, 'tickets:read', [...STAFF]);
      await ticketOfOrg(deps.db, actor, request.params.id);
      return sendFile(reply, await ticketFile(deps.db, deps.files, request.params.id, request.params.fileId));
    },
  );
}
