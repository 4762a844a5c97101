import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SYNC_DISPATCH_QUEUE } from '../../../contracts/jobs.js';
import { problems } from '../../../contracts/problem.js';
import {
  syncItemsQuery,
  syncItemsResponse,
  syncRetryBody,
  syncRetryResponse,
  syncSettings,
  syncSummaryResponse,
} from '../../../contracts/sync.js';
import type { AppDeps } from '../../deps.js';
import { withTransaction } from '../../db/pool.js';
import { requirePermission } from '../../http/auth.js';
import { audit } from '../../identity/audit.js';
import { syncErrorHintView } from './error-hints.js';
import { objectLabels } from './object-labels.js';
import {
  getSyncEnabled,
  listSyncItems,
  pendingOperations,
  requeueItems,
  setSyncEnabled,
  syncSummary,
} from './sync.repo.js';

/** Organisation API of the state-system connector (under /api/v1/org): status per operation and item, retry, on/off switch. */
export async function syncOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['state-system sync'];

  const nudge = async (organisationId: string, ops: Iterable<string>) => {
    for (const op of ops)
      await deps.enqueue(
        deps.db,
        SYNC_DISPATCH_QUEUE,
        { organisationId, operation: op },
        { singletonKey: `${organisationId}:${op}` },
      );
  };

  r.get(
    '/sync',
    {
      schema: {
        tags,
        summary: 'Sync status per operation',
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: syncSummaryResponse, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      return {
        enabled: await getSyncEnabled(deps.db, actor.organisationId),
        operations: await syncSummary(deps.db, actor.organisationId),
      };
    },
  );

  r.get(
    '/sync/items',
    {
      schema: {
        tags,
        summary: 'Sync items with their state-system result or error',
        security: [{ apiKey: [] }, { session: [] }],
        querystring: syncItemsQuery,
        response: {
          200: syncItemsResponse,
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      const rows = await listSyncItems(deps.db, actor.organisationId, request.query);
      const labels = await objectLabels(deps.db, actor.organisationId, rows);
      const items = rows.map((r) => {
        const object = labels.get(`${r.objectType}:${r.objectId}`);
        return {
          ...r,
          objectLabel: object?.label ?? null,
          objectPeriod: object?.period ?? null,
          hint: syncErrorHintView(r.errorCode, r.operation),
        };
      });
      return { items, next: items.length === request.query.limit ? items[items.length - 1]!.id : null };
    },
  );

  r.post(
    '/sync/retry',
    {
      schema: {
        tags,
        summary: 'Send dead items (and, if asked, rejected ones) again, with their TransportGUIDs',
        security: [{ apiKey: [] }, { session: [] }],
        body: syncRetryBody,
        response: { 200: syncRetryResponse, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'sync.manage');
      const counts = await withTransaction(deps.db, async (tx) => {
        const c = await requeueItems(tx, actor.organisationId, {
          itemIds: request.body.itemIds,
          operation: request.body.operation,
          statuses: request.body.includeRejected ? ['dead', 'rejected'] : ['dead'],
        });
        await audit(tx, {
          actorType: actor.actorType,
          actorId: actor.actorId,
          action: 'gis_sync.retry',
          organisationId: actor.organisationId,
          details: Object.fromEntries(c),
        });
        return c;
      });
      await nudge(actor.organisationId, counts.keys());
      return { requeued: [...counts.values()].reduce((a, b) => a + b, 0) };
    },
  );

  r.get(
    '/sync/settings',
    {
      schema: {
        tags,
        summary: 'Whether this organisation exchanges with the state system',
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: syncSettings, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      return { enabled: await getSyncEnabled(deps.db, actor.organisationId) };
    },
  );

  r.put(
    '/sync/settings',
    {
      schema: {
        tags,
        summary: 'Switch the exchange on or off (off keeps items pending)',
        security: [{ apiKey: [] }, { session: [] }],
        body: syncSettings,
        response: { 200: syncSettings, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'sync.manage');
      await withTransaction(deps.db, async (tx) => {
        await setSyncEnabled(tx, actor.organisationId, request.body.enabled);
        await audit(tx, {
          actorType: actor.actorType,
          actorId: actor.actorId,
          action: 'gis_sync.switch',
          organisationId: actor.organisationId,
          details: { enabled: request.body.enabled },
        });
      });
      if (request.body.enabled)
        await nudge(actor.organisationId, await pendingOperations(deps.db, actor.organisationId));
      return { enabled: request.body.enabled };
    },
  );
}
