import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newsView, orgNewsList, orgNewsQuery, publishNewsBody } from '../../contracts/news.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePermission } from '../http/auth.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { listNewsForOrg } from './news.repo.js';
import { presentNews, publishNews, withdrawNews } from './service.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['news'];
const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

/** Organisations publish notices to their houses and withdraw them. Mounted at /api/v1/org. */
export async function newsOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/news',
    {
      schema: {
        tags,
        summary: 'Publish a notice (common or emergency) to houses of the organisation',
        body: publishNewsBody,
        security,
        response: { 201: newsView, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'news.publish');
      const news = await withTransaction(deps.db, (tx) =>
        publishNews(tx, deps.enqueue, actor, request.body, request.ip),
      );
      return reply.status(201).send(presentNews(news, true));
    },
  );

  r.get(
    '/news',
    {
      schema: {
        tags,
        summary: 'Notices of the organisation, newest first, with read counts and states (paged by cursor)',
        security,
        querystring: orgNewsQuery,
        response: { 200: orgNewsList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      const { cursor, limit, ...filter } = request.query;
      const c = decodeCursor(cursor);
      const rows = await listNewsForOrg(deps.db, {
        organisationId: actor.organisationId,
        ...filter,
        after: c ? { publishAt: String(c[0]), id: String(c[1]) } : undefined,
        limit: limit + 1,
      });
      const { items, nextCursor } = pageOf(rows, limit, (last) => [last.publishAt.toISOString(), last.id]);
      return { items: items.map((n) => presentNews(n, true)), page: { nextCursor } };
    },
  );

  r.post(
    '/news/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'End a notice now (e.g. the outage is over); one placed in the state system is recalled there',
        params: idParams,
        security,
        response: { 200: newsView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'news.publish');
      const n = await withTransaction(deps.db, (tx) =>
        withdrawNews(tx, deps.enqueue, actor, request.params.id, request.ip),
      );
      return presentNews(n, true);
    },
  );
}
