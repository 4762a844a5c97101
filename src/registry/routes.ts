import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bulkRowResultSchema } from '../../contracts/bulk.js';
import { GAR_IMPORT_QUEUE } from '../../contracts/jobs.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { requireOperator, requireOrg } from '../http/auth.js';
import { notFound } from '../errors.js';
import { enforce } from '../http/rate-limit.js';
import { listCheckpoints } from './gar/gar.repo.js';
import { resolveGarDirectory } from './gar/location.js';
import { updateHouseReference } from './houses.repo.js';
import { searchHouses } from './search.js';
import { getHouse, houseInput, premiseInput, upsertOrganisationHouses } from './service.js';

const areaText = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'm² with up to 2 decimals')
  .nullable();
const houseReference = z
  .object({
    totalArea: areaText,
    residentialArea: areaText,
    nonResidentialArea: areaText,
    commonArea: areaText,
  })
  .meta({ id: 'HouseReference' });

const houseHit = z
  .object({
    id: z.uuid(),
    fiasHouseGuid: z.string().nullable(),
    fullAddress: z.string(),
    region: z.string(),
    settlement: z.string().nullable(),
    street: z.string().nullable(),
    houseNumber: z.string(),
    building: z.string().nullable(),
    structure: z.string().nullable(),
    letter: z.string().nullable(),
    organisationId: z
      .string()
      .nullable()
      .describe('the managing organisation; null when no organisation serves the house here'),
    organisationName: z.string().nullable(),
    score: z.number().describe('similarity of the address to the query, 0–1'),
  })
  .meta({ id: 'HouseHit' });

const houseDetails = houseHit.omit({ score: true }).extend({
  municipality: z.string().nullable(),
  gisUniqueNumber: z.string().nullable(),
  postalCode: z.string().nullable(),
  totalArea: z.string().nullable(),
  timezone: z.string(),
  premises: z.array(z.object({ id: z.uuid(), number: z.string(), isResidential: z.boolean(), area: z.string() })),
});

const houseRowResult = bulkRowResultSchema.extend({
  key: z.string().nullable().describe("the row's fiasHouseGuid as sent"),
  premises: z
    .object({ created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number() })
    .optional(),
});

const garFile = z.object({
  file: z.string(),
  kind: z.string(),
  size: z.number(),
  recordsDone: z.number(),
  status: z.enum(['running', 'done']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

// Address search is public (ГАР is open data) but limited per client address.
const SEARCH_RATE = { limit: 120, windowSeconds: 60 };

export async function registryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/registry/houses',
    {
      schema: {
        tags: ['registry'],
        summary: 'Find houses by address: any word order, abbreviations (ул, пр-т, д, корп, стр, лит…), ё/е and typos',
        querystring: z.object({
          q: z.string().trim().min(2).max(200).describe('e.g. "профсоюзная 43 к1", "Москва, ул. Профсаюзная д.43"'),
          limit: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: { 200: z.object({ items: z.array(houseHit) }), ...problems(400, 429) },
      },
    },
    async (request) => {
      await enforce(deps.db, `registry:search:${request.ip}`, SEARCH_RATE, 'Too many searches; try again in a minute');
      return { items: await searchHouses(deps.db, request.query.q, { limit: request.query.limit }) };
    },
  );

  r.get(
    '/api/v1/registry/houses/:houseId',
    {
      schema: {
        tags: ['registry'],
        summary: 'A house of the registry with its premises',
        params: z.object({ houseId: z.uuid() }),
        response: { 200: houseDetails, ...problems(400, 404) },
      },
    },
    async (request) => {
      const house = await getHouse(deps.db, request.params.houseId);
      if (!house) throw notFound('House');
      return house;
    },
  );

  r.post(
    '/api/v1/org/houses',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Upsert houses and their premises in bulk (by FIAS HouseGUID); a result per row, bad rows explained, good rows kept',
        security: [{ apiKey: [] }, { session: [] }],
        body: z.object({
          houses: z
            .array(houseInput.extend({ premises: z.array(premiseInput).optional() }).or(z.unknown()))
            .min(1)
            .max(1000)
            .describe('HouseInput rows; each row is validated on its own'),
        }),
        response: {
          200: z.object({
            summary: z.object({
              created: z.number(),
              updated: z.number(),
              unchanged: z.number(),
              rejected: z.number(),
            }),
            results: z.array(houseRowResult),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'registry:write', ['admin']);
      const results = await upsertOrganisationHouses(deps.db, actor, request.body.houses as unknown[]);
      const summary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      for (const row of results) summary[row.status]++;
      return { summary, results };
    },
  );

  r.put(
    '/api/v1/org/houses/:houseId/reference',
    {
      schema: {
        tags: ['registry'],
        summary:
          "Set the house's reference data printed on payment documents (areas of residential, non-residential and common premises)",
        security: [{ apiKey: [] }, { session: [] }],
        params: z.object({ houseId: z.uuid() }),
        body: houseReference,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireOrg(request, 'registry:write', ['admin']);
      const updated = await updateHouseReference(deps.db, actor.organisationId, request.params.houseId, request.body);
      if (!updated) throw notFound('House');
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/operator/registry/gar-imports',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Start a ГАР (FIAS) XML import from a folder inside GAR_IMPORT_DIR (operators); it resumes if interrupted',
        security: [{ session: [] }],
        body: z.object({
          directory: z.string().min(1).max(500).describe('e.g. "2026.11.20/77" inside GAR_IMPORT_DIR'),
        }),
        response: {
          202: z.object({ jobId: z.string().nullable(), directory: z.string() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      resolveGarDirectory(deps.config.garImportDir, request.body.directory);
      const jobId = await deps.enqueue(
        deps.db,
        GAR_IMPORT_QUEUE,
        { directory: request.body.directory },
        {
          singletonKey: `gar:${request.body.directory}`,
        },
      );
      return reply.status(202).send({ jobId, directory: request.body.directory });
    },
  );

  r.get(
    '/api/v1/operator/registry/gar-imports',
    {
      schema: {
        tags: ['registry'],
        summary: 'Progress of ГАР files: records committed per file, running or done (operators)',
        security: [{ session: [] }],
        response: { 200: z.object({ files: z.array(garFile) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      requireOperator(request);
      return { files: await listCheckpoints(deps.db) };
    },
  );
}
