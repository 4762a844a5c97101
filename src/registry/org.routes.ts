import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { houseParams, houseReference, housesUpserted, orgHouseList } from '../../contracts/registry.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { requirePermission } from '../http/auth.js';
import { listOrganisationHouses, updateHouseReference } from './houses.repo.js';
import { housesUpsertBody, upsertOrganisationHouses } from './service.js';

const security: { [label: string]: string[] }[] = [{ apiKey: [] }, { session: [] }];

/** The organisation's houses: bulk upsert with premises, reference data. Mounted at /api/v1/org. */
export async function orgRegistryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/houses',
    {
      schema: {
        tags: ['registry'],
        summary: "The organisation's houses by address (for the console's pickers and filters)",
        security,
        response: { 200: orgHouseList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      return { items: await listOrganisationHouses(deps.db, actor.organisationId) };
    },
  );

  r.post(
    '/houses',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Upsert houses and their premises in bulk (by FIAS HouseGUID); a result per row, bad rows explained, good rows kept',
        security,
        body: housesUpsertBody,
        response: { 200: housesUpserted, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'houses.manage');
      const results = await withTransaction(deps.db, (tx) => upsertOrganisationHouses(tx, actor, request.body.houses));
      const summary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      for (const row of results) summary[row.status]++;
      return { summary, results };
    },
  );

  r.put(
    '/houses/:houseId/reference',
    {
      schema: {
        tags: ['registry'],
        summary:
          "Set the house's reference data printed on payment documents (areas of residential, non-residential and common premises)",
        security,
        params: houseParams,
        body: houseReference,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requirePermission(request, 'houses.manage');
      const updated = await updateHouseReference(deps.db, actor.organisationId, request.params.houseId, request.body);
      if (!updated) throw notFound('House');
      return reply.status(204).send(null);
    },
  );
}
