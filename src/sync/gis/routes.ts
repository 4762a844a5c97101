import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../../contracts/problem.js';
import { SYNC_DISPATCH_QUEUE } from '../../../contracts/jobs.js';
import { GIS_OPERATION_NAMES } from '../../../contracts/gis/operations.js';
import type { AppDeps } from '../../deps.js';
import { withTransaction } from '../../db/pool.js';
import { requireOrg } from '../../http/auth.js';
import { audit } from '../../identity/audit.js';
import {
  getSyncEnabled,
  listSyncItems,
  pendingOperations,
  requeueItems,
  setSyncEnabled,
  syncSummary,
} from './sync.repo.js';

const statuses = ['pending', 'sending', 'sent', 'accepted', 'rejected', 'dead'] as const;
const operation = z.enum(GIS_OPERATION_NAMES);

const summarySchema = z.object({
  enabled: z.boolean(),
  operations: z.array(z.object({ operation: z.string(), counts: z.record(z.enum(statuses), z.number().int()) })),
});
const itemSchema = z.object({
  id: z.uuid(),
  operation: z.string(),
  objectType: z.string(),
  objectId: z.uuid(),
  revision: z.number().int(),
  transportGuid: z.uuid(),
  status: z.enum(statuses),
  attempts: z.number().int(),
  resultGuid: z.string().nullable(),
  resultNumber: z.string().nullable(),
  errorCode: z.string().nullable().describe('State-system code such as INT002000, or exchange_failed for dead items'),
  errorText: z.string().nullable(),
  messageGuid: z.uuid().nullable().describe("The state system's MessageGUID of the message that carried it"),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** Organisation API of the state-system connector: status per operation and item, retry, on/off switch. */
export async function gisSyncRoutes(app: FastifyInstance, deps: AppDeps) {
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
    '/api/v1/org/sync',
    {
      schema: {
        tags,
        summary: 'Sync status per operation',
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: summarySchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'sync:read', ['admin', 'accountant', 'dispatcher']);
      return {
        enabled: await getSyncEnabled(deps.db, actor.organisationId),
        operations: await syncSummary(deps.db, actor.organisationId),
      };
    },
  );

  r.get(
    '/api/v1/org/sync/items',
    {
      schema: {
        tags,
        summary: 'Sync items with their state-system result or error',
        security: [{ apiKey: [] }, { session: [] }],
        querystring: z.object({
          operation: operation.optional(),
          status: z.enum(statuses).optional(),
          objectId: z.uuid().optional(),
          after: z.uuid().optional().describe('Cursor: the last item id of the previous page'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({ items: z.array(itemSchema), next: z.uuid().nullable() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'sync:read', ['admin', 'accountant', 'dispatcher']);
      const items = await listSyncItems(deps.db, actor.organisationId, request.query);
      return { items, next: items.length === request.query.limit ? items[items.length - 1]!.id : null };
    },
  );

  r.post(
    '/api/v1/org/sync/retry',
    {
      schema: {
        tags,
        summary: 'Send dead items (and, if asked, rejected ones) again, with their TransportGUIDs',
        security: [{ apiKey: [] }, { session: [] }],
        body: z.object({
          itemIds: z.array(z.uuid()).min(1).max(1000).optional(),
          operation: operation.optional(),
          includeRejected: z
            .boolean()
            .default(false)
            .describe("Rejected items failed the state system's checks: fix the data first"),
        }),
        response: { 200: z.object({ requeued: z.number().int() }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'sync:write');
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
    '/api/v1/org/sync/settings',
    {
      schema: {
        tags,
        summary: 'Whether this organisation exchanges with the state system',
        security: [{ apiKey: [] }, { session: [] }],
        response: { 200: z.object({ enabled: z.boolean() }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'sync:read', ['admin', 'accountant', 'dispatcher']);
      return { enabled: await getSyncEnabled(deps.db, actor.organisationId) };
    },
  );

  r.put(
    '/api/v1/org/sync/settings',
    {
      schema: {
        tags,
        summary: 'Switch the exchange on or off (off keeps items pending)',
        security: [{ apiKey: [] }, { session: [] }],
        body: z.object({ enabled: z.boolean() }),
        response: { 200: z.object({ enabled: z.boolean() }), ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'sync:write');
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
