import type pg from 'pg';
import { SYNC_DISPATCH_QUEUE } from '../../contracts/jobs.js';
import type { Enqueue, SqlExecutor } from '../../contracts/ports.js';
import { copyNewSyncItems, insertCorrections, insertSyncItems, type SyncRequest } from './outbox.repo.js';

/**
 * Records that an object must reach the state system, on the caller's transaction, and nudges the
 * connector. The same object and revision is recorded once; the nudge queue keeps one waiting job
 * per organisation and operation, so a burst of writes becomes a few batched messages.
 */
export async function queueForSync(db: SqlExecutor, enqueue: Enqueue, items: SyncRequest | SyncRequest[]) {
  const list = Array.isArray(items) ? items : [items];
  if (!list.length) return 0;
  const added = await insertSyncItems(db, list);
  await nudge(db, enqueue, list);
  return added;
}

/** The bulk form of queueForSync for objects created in the caller's transaction (a bulk import's new readings). */
export async function queueNewForSync(tx: pg.PoolClient, enqueue: Enqueue, items: SyncRequest[]) {
  if (!items.length) return 0;
  await copyNewSyncItems(tx, items);
  await nudge(tx, enqueue, items);
  return items.length;
}

/**
 * Objects the state system already holds that changed (an account's owners, say): each is sent again as a
 * new revision, on the caller's transaction, and the connector is nudged.
 */
export async function queueCorrections(
  db: SqlExecutor,
  enqueue: Enqueue,
  req: { organisationId: string; operation: string; objectType: string; objectIds: string[] },
) {
  const added = await insertCorrections(db, req.organisationId, req.operation, req.objectType, req.objectIds);
  if (added) await nudge(db, enqueue, [{ ...req, objectId: req.objectIds[0]! }]);
  return added;
}

/** One dispatch job per organisation and operation; the stately queue keeps at most one waiting. */
async function nudge(db: SqlExecutor, enqueue: Enqueue, items: SyncRequest[]) {
  const groups = new Map(items.map((i) => [`${i.organisationId}:${i.operation}`, i]));
  for (const [key, { organisationId, operation }] of groups) {
    await enqueue(db, SYNC_DISPATCH_QUEUE, { organisationId, operation }, { singletonKey: key });
  }
}
