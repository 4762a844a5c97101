import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { executorSettings } from '../../../contracts/debt-requests.js';
import { problems } from '../../../contracts/problem.js';
import type { AppDeps } from '../../deps.js';
import { withTransaction } from '../../db/pool.js';
import { requirePermission } from '../../http/auth.js';
import { audit } from '../../identity/audit.js';
import { executorGuid, setExecutorGuid } from './pulls.repo.js';

/**
 * The organisation's executor in the state system (under /api/v1/org): answers to appeals (importAnswer) and
 * debt requests (importResponses) go in the name of an employee the state system knows.
 */
export async function syncServicesOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['state-system sync'];
  const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

  r.get(
    '/sync/executor',
    {
      schema: {
        tags,
        summary: 'The employee answers to the state system go in the name of',
        security,
        response: { 200: executorSettings, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      return { executorGuid: await executorGuid(deps.db, actor.organisationId) };
    },
  );

  r.put(
    '/sync/executor',
    {
      schema: {
        tags,
        summary: "Set the executor (the state system's GUID of the employee who answers)",
        body: executorSettings,
        security,
        response: { 200: executorSettings, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'sync.manage');
      await withTransaction(deps.db, async (tx) => {
        await setExecutorGuid(tx, actor.organisationId, request.body.executorGuid);
        await audit(tx, {
          actorType: actor.actorType,
          actorId: actor.actorId,
          action: 'sync.executor_set',
          objectType: 'organisation',
          objectId: actor.organisationId,
          organisationId: actor.organisationId,
          ip: request.ip,
        });
      });
      return { executorGuid: request.body.executorGuid };
    },
  );
}
