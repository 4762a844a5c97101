import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { SqlExecutor } from '../../contracts/ports.js';
import { copyRows } from '../db/copy.js';

// SQL of the outbox's writes: new sync_items rows recorded by other modules on their own transaction.

export interface SyncRequest {
  organisationId: string;
  /** The state-system operation, e.g. importMeteringDeviceValues. */
  operation: string;
  objectType: string;
  objectId: string;
  /** Bump for a corrected object: each revision is sent once. */
  revision?: number;
}

/** Inserts the items; the same object and revision is recorded once. Returns how many rows are new. */
export async function insertSyncItems(db: SqlExecutor, list: SyncRequest[]): Promise<number> {
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
  return rowCount ?? 0;
}

/**
 * A new revision of each object for the operation (a corrected object is sent again), unless one is still
 * pending: that one is loaded from the current rows when it is sent. Returns how many rows are new.
 */
export async function insertCorrections(
  db: SqlExecutor,
  organisationId: string,
  operation: string,
  objectType: string,
  objectIds: string[],
): Promise<number> {
  if (!objectIds.length) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO sync_items (organisation_id, operation, object_type, object_id, revision)
     SELECT $1, $2, $3, v.id,
            coalesce((SELECT max(s.revision) + 1 FROM sync_items s
                       WHERE s.object_id = v.id AND s.object_type = $3 AND s.operation = $2 AND s.target = 'gis'), 0)
       FROM unnest($4::uuid[]) v(id)
      WHERE NOT EXISTS (SELECT 1 FROM sync_items s WHERE s.object_id = v.id AND s.object_type = $3 AND s.operation = $2
                           AND s.target = 'gis' AND s.status = 'pending')
     ON CONFLICT (target, operation, object_type, object_id, revision) DO NOTHING`,
    [organisationId, operation, objectType, objectIds],
  );
  return rowCount ?? 0;
}

/**
 * Items of objects created in the caller's transaction: they cannot have a row yet, so COPY, several
 * times faster than an INSERT that checks for conflicts. Row ids are time-ordered (UUIDv7) so the key index appends.
 */
export async function copyNewSyncItems(tx: pg.PoolClient, items: SyncRequest[]) {
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
}
