import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { myNewsQuery, newsList, newsView } from '../../contracts/news.js';
import { problems } from '../../contracts/problem.js';
import { linkedHouseIds } from '../accounts/access.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { requirePerson } from '../http/auth.js';
import { findNewsForPerson, listNewsForPerson, markNewsRead } from './news.repo.js';
import { presentNews } from './service.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['news'];

/** Residents read the notices of their houses. Mounted at /api/v1/me. */
export async function newsMeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/news',
    {
      schema: {
        tags,
        summary: 'Notices of my houses (emergencies first); `unread=true` at sign-in',
        querystring: myNewsQuery,
        response: { 200: newsList, ...problems(400, 401) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      const houseIds = await linkedHouseIds(deps.db, me.personId);
      const rows = await listNewsForPerson(deps.db, { personId: me.personId, houseIds, ...request.query });
      return { items: rows.map((n) => presentNews(n, false)) };
    },
  );

  r.get(
    '/news/:id',
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
      return presentNews(n, false);
    },
  );

  r.post(
    '/news/:id/read',
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
}
