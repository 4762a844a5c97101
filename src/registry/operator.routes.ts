import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { GAR_IMPORT_QUEUE } from '../../contracts/jobs.js';
import { problems } from '../../contracts/problem.js';
import { garFiles, garImportBody, garImportStarted } from '../../contracts/registry.js';
import type { AppDeps } from '../deps.js';
import { requireOperator } from '../http/auth.js';
import { listCheckpoints } from './gar/gar.repo.js';
import { resolveGarDirectory } from './gar/location.js';

const security: { [label: string]: string[] }[] = [{ session: [] }];

/** ГАР imports, for operators. Mounted at /api/v1/operator/registry. */
export async function operatorRegistryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/gar-imports',
    {
      schema: {
        tags: ['registry'],
        summary:
          'Start a ГАР (FIAS) XML import from a folder inside GAR_IMPORT_DIR (operators); it resumes if interrupted',
        security,
        body: garImportBody,
        response: { 202: garImportStarted, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      requireOperator(request);
      const { directory } = request.body;
      resolveGarDirectory(deps.config.garImportDir, directory);
      // One statement, so no transaction; the singleton key drops a second start of a folder still queued.
      const jobId = await deps.enqueue(deps.db, GAR_IMPORT_QUEUE, { directory }, { singletonKey: `gar:${directory}` });
      return reply.status(202).send({ jobId, directory });
    },
  );

  r.get(
    '/gar-imports',
    {
      schema: {
        tags: ['registry'],
        summary: 'Progress of ГАР files: records committed per file, running or done (operators)',
        security,
        response: { 200: garFiles, ...problems(401, 403) },
      },
    },
    async (request) => {
      requireOperator(request);
      return { files: await listCheckpoints(deps.db) };
    },
  );
}
