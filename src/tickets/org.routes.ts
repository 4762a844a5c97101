import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../contracts/problem.js';
import {
  commentBody,
  orgTicketFilter,
  ratingAverages,
  ratingsQuery,
  ticketAssignees,
  ticketDeadlines,
  ticketDeadlinesBody,
  ticketDetail,
  ticketStaffPatch,
  TICKET_COUNT_CAP,
  ticketStatusCounts,
  ticketView,
} from '../../contracts/tickets.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePermission } from '../http/auth.js';
import { pageInfo, pageQuery } from '../http/pagination.js';
import { createFieldCipher } from '../identity/crypto.js';
import { sendFile, storeUploads } from './attachments.js';
import { pageAfter, pageCursor } from './pages.js';
import {
  deadlinesOf,
  getTicketForOrg,
  setDeadlines,
  staffAttachFiles,
  staffComment,
  staffUpdateTicket,
  ticketFile,
  ticketOfOrg,
  toTicketView,
} from './service.js';
import { averageRatings, countTicketsByStatus, listAssignees, listTicketsForOrg } from './tickets.repo.js';

const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** The organisation's request queue. Mounted at /api/v1/org. */
export async function ticketsOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const tags = ['tickets'];

  // The organisation's queue: API keys with tickets:read / tickets:write, or admins and dispatchers.
  r.get(
    '/tickets',
    {
      schema: {
        tags,
        summary: 'Request queue of the organisation, filtered by house, status, category, emergency, assignee, overdue',
        security: [{ apiKey: [] }, { session: [] }],
        querystring: pageQuery.extend(orgTicketFilter.shape),
        response: { 200: z.object({ items: z.array(ticketView), page: pageInfo }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      const { limit, cursor, ...filter } = request.query;
      const rows = await listTicketsForOrg(deps.db, {
        organisationId: actor.organisationId,
        houseIds: actor.houseIds,
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
    '/tickets/counts',
    {
      schema: {
        tags,
        summary: 'How many requests of the queue are in each status under the same filters (the board columns)',
        security: [{ apiKey: [] }, { session: [] }],
        querystring: orgTicketFilter.omit({ status: true, open: true }),
        response: { 200: ticketStatusCounts, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      return {
        items: await countTicketsByStatus(
          deps.db,
          { organisationId: actor.organisationId, houseIds: actor.houseIds, ...request.query },
          TICKET_COUNT_CAP,
        ),
      };
    },
  );

  r.get(
    '/tickets/assignees',
    {
      schema: {
        tags,
        summary: 'Who open requests are assigned to, with how many each',
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: ticketAssignees, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      return { items: await listAssignees(deps.db, actor.organisationId) };
    },
  );

  r.get(
    '/tickets/deadlines',
    {
      schema: {
        tags,
        summary: "Default deadlines per category (emergencies in hours, the rest in days); the hub's where none is set",
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: ticketDeadlines, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      return { items: await deadlinesOf(deps.db, actor.organisationId) };
    },
  );

  r.put(
    '/tickets/deadlines',
    {
      schema: {
        tags,
        summary: 'Set default deadlines of categories; new requests take them (existing ones keep theirs)',
        security: [{ apiKey: [] }, { session: [] }],
        body: ticketDeadlinesBody,
        response: { 200: ticketDeadlines, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'settings.manage');
      const items = await withTransaction(deps.db, (tx) => setDeadlines(tx, actor, request.body.items, request.ip));
      return { items };
    },
  );

  r.post(
    '/tickets/:id/files',
    {
      schema: {
        tags,
        summary: 'Attach photos of the work to a request (multipart); the resident sees them',
        consumes: ['multipart/form-data'],
        params: idParams,
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: ticketDetail, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'tickets.manage');
      await ticketOfOrg(deps.db, actor, request.params.id);
      const stored = await storeUploads(request, deps.files, actor.actorId);
      return withTransaction(deps.db, (tx) =>
        staffAttachFiles(
          tx,
          cipher,
          actor,
          request.params.id,
          stored.map((f) => f.id),
          request.ip,
        ),
      );
    },
  );

  r.get(
    '/tickets/ratings',
    {
      schema: {
        tags,
        summary: "Residents' average rating of closed requests per category (lowest first)",
        security: [{ apiKey: [] }, { session: [] }],
        querystring: ratingsQuery,
        response: { 200: ratingAverages, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      return { items: await averageRatings(deps.db, { organisationId: actor.organisationId, ...request.query }) };
    },
  );

  r.get(
    '/tickets/:id',
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
      const actor = requirePermission(request, 'console.view');
      return withTransaction(deps.db, (tx) => getTicketForOrg(tx, cipher, actor, request.params.id, request.ip));
    },
  );

  r.patch(
    '/tickets/:id',
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
      const actor = requirePermission(request, 'tickets.manage');
      return withTransaction(deps.db, (tx) =>
        staffUpdateTicket(tx, { cipher, notifier: deps.notifier }, actor, request.params.id, request.body, request.ip),
      );
    },
  );

  r.post(
    '/tickets/:id/comments',
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
      const actor = requirePermission(request, 'tickets.manage');
      await withTransaction(deps.db, (tx) => staffComment(tx, actor, request.params.id, request.body.body));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/tickets/:id/files/:fileId',
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
      const actor = requirePermission(request, 'console.view');
      await ticketOfOrg(deps.db, actor, request.params.id);
      return sendFile(reply, await ticketFile(deps.db, deps.files, request.params.id, request.params.fileId));
    },
  );
}
