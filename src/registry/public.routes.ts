import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { houseDetails, houseHits, houseParams, houseSearchQuery } from '../../contracts/registry.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { enforce } from '../http/rate-limit.js';
import { searchHouses } from './search.js';
import { getHouse } from './service.js';

// Address search is public (ГАР is open data) but limited per client address.
const SEARCH_RATE = { limit: 120, windowSeconds: 60 };

/** Address search and houses of the registry, for anyone. Mounted at /api/v1/registry. */
export async function publicRegistryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/houses',
    {
      schema: {
        tags: ['registry'],
        summary: 'Find houses by address: any word order, abbreviations (ул, пр-т, д, корп, стр, лит…), ё/е and typos',
        querystring: houseSearchQuery,
        response: { 200: houseHits, ...problems(400, 429) },
      },
    },
    async (request) => {
      await enforce(deps.db, `registry:search:${request.ip}`, SEARCH_RATE, 'Too many searches; try again in a minute');
      return { items: await searchHouses(deps.db, request.query.q, { limit: request.query.limit }) };
    },
  );

  r.get(
    '/houses/:houseId',
    {
      schema: {
        tags: ['registry'],
        summary: 'A house of the registry with its premises',
        params: houseParams,
        response: { 200: houseDetails, ...problems(400, 404) },
      },
    },
    async (request) => {
      const house = await getHouse(deps.db, request.params.houseId);
      if (!house) throw notFound('House');
      return house;
    },
  );
}
