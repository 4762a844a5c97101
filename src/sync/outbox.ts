import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Enqueue, SqlExecutor } from '../../contracts/ports.js';
import { SYNC_DISPATCH_QUEUE } from '../../contracts/jobs.js';
import { copyRows } from '../db/copy.js';

export interface SyncRequest {
  organisationId: string;
  /** The state-system operation, e.g. importMeteringDeviceValues. */
  operation: string;
  objectType: string;
  objectId: string;
  /** Bump for a corrected object: each revision is sent once. */
  revision?: number;
}

/**
 * Records that an object must reach the state system, on the caller's transaction, and nudges the
 * connector. The same object and revision is recorded once; the nudge queue keeps one waiting job
 * per organisation and operation, so a burst of writes becomes a few batched messages.
 */
export async function queueForSync(db: SqlExecutor, enqueue: Enqueue, items: SyncRequest | SyncRequest[]) {
  const list = Array.isArray(items) ? items : [items];
  if (!list.length) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO sync_items (organisation_id, operation, object_type, object_id, revision)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::int[])
     ON CONFLICT (target, operation, object_type, object_id, revision) DO NOTHING`,
    [
      list.map((i) => i.organisationId),
      list.map((i) => i.operation),
      list.map((i) => i.objectType),
      list.map((i) => i.objectId),
      list.map((i) => i.revision ?? 0),
    ],
  );
  await nudge(db, enqueue, list);
  return rowCount ?? 0;
}

/**
 * The bulk form of queueForSync for objects created in the caller's transaction (a bulk import's new
 * readings): they cannot have a row yet, so the rows go in with COPY, several times faster than an
 * INSERT that checks for conflicts. Row ids are time-ordered (UUIDv7) so the key index appends.
 */
export async function queueNewForSync(tx: pg.PoolClient, enqueue: Enqueue, items: SyncRequest[]) {
  if (!items.length) return 0;
  await copyRows(
    tx,
    'sync_items',
    ['id', 'transport_guid', 'organisation_id', 'operation', 'object_type', 'object_id', 'revision'],
    items.length,
    (k) => {
      const i = items[k]!;
      return [uuidv7(), randomUUID(), i.organisationId, i.operation, i.objectType, i.objectId, i.revision ?? 0];
    },
  );
  await nudge(tx, enqueue, items);
  return items.length;
}

/** One dispatch job per organisation and operation; the stately queue keeps at most one waiting. */
async function nudge(db: SqlExecutor, enqueue: Enqueue, items: SyncRequest[]) {
  const groups = new Set(items.map((i) => `${i.organisationId} ${i.operation}`));
  for (const g of groups) {
    const [organisationId, operation] = g.split(' ') as [string, string];
    await enqueue(db, SYNC_DISPATCH_QUEUE, { organisationId, operation }, { singletonKey: g.replace(' ', ':') });
  }
}
