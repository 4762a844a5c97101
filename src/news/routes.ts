import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../contracts/problem.js';
import { linkedHouseIds } from '../accounts/access.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requireOrg, requirePerson } from '../http/auth.js';
import { notFound } from '../errors.js';
import {
  findNewsForPerson,
  listNewsForOrg,
  listNewsForPerson,
  markNewsRead,
  expireNews,
  type NewsRow,
} from './news.repo.js';
import { publishNews } from './service.js';

const idParams = z.object({ id: z.uuid() });
const orgSecurity: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];
// Notices are few per house; a plain offset page is enough here.
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

const newsView = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    kind: z.enum(['common', 'emergency']).describe('emergency: outages and accidents'),
    title: z.string(),
    body: z.string(),
    publishAt: z.string(),
    expiresAt: z.string().nullable(),
    read: z.boolean().optional().describe('Residents: whether I have read it'),
    houseIds: z.array(z.uuid()).optional().describe('Organisations: the houses it is for'),
    readCount: z.number().int().optional().describe('Organisations: how many residents have read it'),
  })
  .meta({ id: 'News' });

function toView(n: NewsRow & { readCount?: number }, forOrg: boolean): z.infer<typeof newsView> {
  return {
    id: n.id,
    organisationId: n.organisationId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    publishAt: n.publishAt.toISOString(),
    expiresAt: n.expiresAt ? n.expiresAt.toISOString() : null,
    ...(forOrg ? { houseIds: n.houseIds, readCount: n.readCount ?? 0 } : { read: Boolean(n.read) }),
  };
}

const publishBody = z
  .object({
    kind: z.enum(['common', 'emergency']).default('common'),
    title: z.string().trim().min(3).max(200),
    body: z.string().trim().min(1).max(10_000),
    houseIds: z.array(z.uuid()).min(1).max(1000),
    publishAt: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    notify: z.boolean().optional().describe('Email the residents; default true for emergency notices'),
  })
  .refine((b) => !b.expiresAt || new Date(b.expiresAt) > new Date(b.publishAt ?? Date.now()), {
    path: ['expiresAt'],
    message: 'must be after the publish time',
  });

/** News and outage notices: organisations publish them to houses, residents read them. */
export async function newsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['news'];

  r.get(
    '/api/v1/me/news',
    {
      schema: {
        tags,
        summary: 'Notices of my houses (emergencies first); `unread=true` at sign-in',
        querystring: listQuery.extend({
          unread: z.stringbool().optional(),
          kind: z.enum(['common', 'emergency']).optional(),
        }),
        response: { 200: z.object({ items: z.array(newsView) }), ...problems(400, 401) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      const houseIds = await linkedHouseIds(deps.db, me.personId);
      const rows = await listNewsForPerson(deps.db, { personId: me.personId, houseIds, ...request.query });
      return { items: rows.map((n) => toView(n, false)) };
    },
  );

  r.get(
    '/api/v1/me/news/:id',
    {
      schema: {
        tags,
        summary: 'One notice of my houses',
        params: idParams,
        response: { 200: newsView, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      const n = await findNewsForPerson(
        deps.db,
        me.personId,
        await linkedHouseIds(deps.db, me.personId),
        request.params.id,
      );
      if (!n) throw notFound('News');
      return toView(n, false);
    },
  );

  r.post(
    '/api/v1/me/news/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notice read',
        params: idParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      const n = await findNewsForPerson(
        deps.db,
        me.personId,
        await linkedHouseIds(deps.db, me.personId),
        request.params.id,
      );
      if (!n) throw notFound('News');
      await markNewsRead(deps.db, n.id, me.personId);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/org/news',
    {
      schema: {
        tags,
        summary: 'Publish a notice (common or emergency) to houses of the organisation',
        body: publishBody,
        security: orgSecurity,
        response: { 201: newsView, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireOrg(request, 'news:write', ['admin', 'dispatcher']);
      const news = await withTransaction(deps.db, (tx) =>
        publishNews(tx, deps.enqueue, actor, request.body, request.ip),
      );
      return reply.status(201).send(toView(news, true));
    },
  );

  r.get(
    '/api/v1/org/news',
    {
      schema: {
        tags,
        summary: 'Notices of the organisation with read counts',
        security: orgSecurity,
        querystring: listQuery.extend({ houseId: z.uuid().optional(), active: z.stringbool().optional() }),
        response: { 200: z.object({ items: z.array(newsView) }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'news:read', ['admin', 'dispatcher']);
      const rows = await listNewsForOrg(deps.db, { organisationId: actor.organisationId, ...request.query });
      return { items: rows.map((n) => toView(n, true)) };
    },
  );

  r.post(
    '/api/v1/org/news/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'End a notice now (e.g. the outage is over)',
        params: idParams,
        security: orgSecurity,
        response: { 200: newsView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'news:write', ['admin', 'dispatcher']);
      const n = await expireNews(deps.db, actor.organisationId, request.params.id);
      if (!n) throw notFound('News');
      return toView(n, true);
    },
  );
}
