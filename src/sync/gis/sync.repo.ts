import type { GisItemResult } from '../../../contracts/gis/ports.js';
import type { Db } from '../../db/pool.js';
import type { PendingItem, SyncedOperation } from './source.js';

// SQL of sync_items (what must reach the state system, per object and revision) and gis_sync_settings.

export type SyncItemStatus = 'pending' | 'sending' | 'sent' | 'accepted' | 'rejected' | 'dead';

/** An item the state system refused, or one the exchange gave up on. */
export interface ItemError {
  id: string;
  code: string;
  text: string;
}

export async function setSyncEnabled(db: Db, organisationId: string, enabled: boolean) {
  await db.query(
    `INSERT INTO gis_sync_settings (organisation_id, enabled) VALUES ($1, $2)
     ON CONFLICT (organisation_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
    [organisationId, enabled],
  );
}

export async function getSyncEnabled(db: Db, organisationId: string) {
  const { rows } = await db.query<{ enabled: boolean }>(
    `SELECT enabled FROM gis_sync_settings WHERE organisation_id = $1`,
    [organisationId],
  );
  return rows[0]?.enabled === true;
}

/** Item counts per operation and status. */
export async function syncSummary(db: Db, organisationId: string) {
  const { rows } = await db.query<{ operation: string; status: SyncItemStatus; n: number }>(
    `SELECT operation, status, count(*)::int AS n FROM sync_items WHERE organisation_id = $1 AND target = 'gis' GROUP BY 1, 2 ORDER BY 1, 2`,
    [organisationId],
  );
  const out = new Map<string, Record<SyncItemStatus, number>>();
  for (const r of rows) {
    const counts: Record<SyncItemStatus, number> = out.get(r.operation) ?? {
      pending: 0,
      sending: 0,
      sent: 0,
      accepted: 0,
      rejected: 0,
      dead: 0,
    };
    counts[r.status] = r.n;
    out.set(r.operation, counts);
  }
  return [...out].map(([operation, counts]) => ({ operation, counts }));
}

/** An item as the organisation API shows it. */
export interface SyncItemView {
  id: string;
  operation: string;
  objectType: string;
  objectId: string;
  revision: number;
  transportGuid: string;
  status: SyncItemStatus;
  attempts: number;
  resultGuid: string | null;
  resultNumber: string | null;
  errorCode: string | null;
  errorText: string | null;
  messageGuid: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function listSyncItems(
  db: Db,
  organisationId: string,
  filter: { operation?: string; status?: string; problems?: boolean; objectId?: string; after?: string; limit: number },
) {
  const { rows } = await db.query<SyncItemView>(
    `SELECT s.id, s.operation, s.object_type AS "objectType", s.object_id AS "objectId", s.revision, s.transport_guid AS "transportGuid",
            s.status, s.attempts, s.result_guid AS "resultGuid", s.result_number AS "resultNumber", s.error_code AS "errorCode",
            s.error_text AS "errorText", m.ack_guid AS "messageGuid", s.created_at AS "createdAt", s.updated_at AS "updatedAt"
       FROM sync_items s LEFT JOIN gis_messages m ON m.id = s.message_id
      WHERE s.organisation_id = $1 AND s.target = 'gis'
        AND ($2::text IS NULL OR s.operation = $2) AND ($3::text IS NULL OR s.status = $3) AND ($4::uuid IS NULL OR s.object_id = $4)
        AND ($5::uuid IS NULL OR s.id > $5) AND (NOT $7::boolean OR s.status IN ('rejected', 'dead'))
      ORDER BY s.id LIMIT $6`,
    [
      organisationId,
      filter.operation ?? null,
      filter.status ?? null,
      filter.objectId ?? null,
      filter.after ?? null,
      filter.limit,
      filter.problems === true,
    ],
  );
  return rows;
}

/**
 * Puts dead (and, when asked, rejected) items back to pending; they keep their TransportGUIDs. Returns
 * the operations touched, so the caller nudges their dispatch.
 */
export async function requeueItems(
  db: Db,
  organisationId: string,
  filter: { itemIds?: string[]; operation?: string; statuses: ('dead' | 'rejected')[] },
) {
  const { rows } = await db.query<{ operation: string }>(
    `UPDATE sync_items SET status = 'pending', message_id = NULL, error_code = NULL, error_text = NULL, not_before = NULL, updated_at = now()
      WHERE organisation_id = $1 AND target = 'gis' AND status = ANY($2::text[])
        AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[])) AND ($4::text IS NULL OR operation = $4)
      RETURNING operation`,
    [organisationId, filter.statuses, filter.itemIds ?? null, filter.operation ?? null],
  );
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.operation, (counts.get(r.operation) ?? 0) + 1);
  return counts;
}

export async function pendingOperations(db: Db, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ operation: string }>(
    `SELECT DISTINCT operation FROM sync_items WHERE organisation_id = $1 AND target = 'gis' AND status = 'pending'`,
    [organisationId],
  );
  return rows.map((r) => r.operation);
}

/**
 * Records objects the state system does not know yet; rows already in sync_items are left alone (the
 * unique key), and a reading queued under any revision is not queued again. Returns how many rows are new.
 */
export async function insertUnsyncedItems(
  db: Db,
  organisationId: string,
  items: { operation: SyncedOperation; objectType: string; objectId: string }[],
): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO sync_items (organisation_id, operation, object_type, object_id)
     SELECT $1, v.operation, v.object_type, v.object_id FROM unnest($2::text[], $3::text[], $4::uuid[]) v(operation, object_type, object_id)
      WHERE v.object_type <> 'reading' OR NOT EXISTS (SELECT 1 FROM sync_items s WHERE s.object_type = 'reading' AND s.object_id = v.object_id)
     ON CONFLICT DO NOTHING`,
    [organisationId, items.map((i) => i.operation), items.map((i) => i.objectType), items.map((i) => i.objectId)],
  );
  return rowCount ?? 0;
}

/** Organisations with the exchange on (or the one asked about, if it is on). */
export async function enabledOrganisations(db: Db, organisationId?: string): Promise<string[]> {
  const { rows } = await db.query<{ organisation_id: string }>(
    `SELECT organisation_id FROM gis_sync_settings WHERE enabled AND ($1::uuid IS NULL OR organisation_id = $1)`,
    [organisationId ?? null],
  );
  return rows.map((r) => r.organisation_id);
}

/** Organisation and operation pairs with items due now, of organisations with the exchange on. */
export async function dueDispatches(db: Db) {
  const { rows } = await db.query<{ organisation_id: string; operation: string }>(
    `SELECT DISTINCT s.organisation_id, s.operation FROM sync_items s JOIN gis_sync_settings g ON g.organisation_id = s.organisation_id AND g.enabled
      WHERE s.target = 'gis' AND s.status = 'pending' AND (s.not_before IS NULL OR s.not_before <= now())`,
  );
  return rows.map((r) => ({ organisationId: r.organisation_id, operation: r.operation }));
}

/** Locks up to `limit` due pending items of one organisation and operation, oldest first; others skip them. */
export async function lockDueItems(tx: Db, organisationId: string, operation: string, limit: number) {
  const { rows } = await tx.query<PendingItem>(
    `SELECT id, object_id AS "objectId", transport_guid AS "transportGuid", revision FROM sync_items
      WHERE organisation_id = $1 AND target = 'gis' AND operation = $2 AND status = 'pending'
        AND (not_before IS NULL OR not_before <= now())
      ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
    [organisationId, operation, limit],
  );
  return rows;
}

/** Holds items waiting for a dependency for a few seconds. */
export async function holdItems(tx: Db, ids: string[]) {
  await tx.query(
    `UPDATE sync_items SET not_before = now() + interval '5 seconds', updated_at = now() WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}

/** When the earliest held item of one organisation and operation may go, if any is held. */
export async function earliestHeld(db: Db, organisationId: string, operation: string): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT min(not_before) AS at FROM sync_items WHERE organisation_id = $1 AND operation = $2 AND status = 'pending' AND not_before IS NOT NULL`,
    [organisationId, operation],
  );
  return rows[0]?.at ?? null;
}

/** Releases the organisation's held items; returns the operations they belong to. */
export async function releaseHeldItems(tx: Db, organisationId: string): Promise<string[]> {
  const { rows } = await tx.query<{ operation: string }>(
    `UPDATE sync_items SET not_before = NULL WHERE organisation_id = $1 AND status = 'pending' AND not_before IS NOT NULL RETURNING operation`,
    [organisationId],
  );
  return [...new Set(rows.map((r) => r.operation))];
}

export async function rejectItems(tx: Db, errors: ItemError[]) {
  await tx.query(
    `UPDATE sync_items s SET status = 'rejected', error_code = v.code, error_text = v.text, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, code, text) WHERE s.id = v.id`,
    [errors.map((r) => r.id), errors.map((r) => r.code), errors.map((r) => r.text)],
  );
}

/** Items put into a message: one more attempt each. */
export async function markItemsSending(tx: Db, ids: string[], messageId: string) {
  await tx.query(
    `UPDATE sync_items SET status = 'sending', message_id = $2, attempts = attempts + 1, not_before = NULL, updated_at = now()
      WHERE id = ANY($1::uuid[])`,
    [ids, messageId],
  );
}

/** The message's items the state system has not answered for (sending or sent), locked. */
export async function lockMessageItems(tx: Db, messageId: string) {
  const { rows } = await tx.query<{ id: string; object_id: string; transport_guid: string; revision: number }>(
    `SELECT id, object_id, transport_guid, revision FROM sync_items WHERE message_id = $1 AND status IN ('sending', 'sent') FOR UPDATE`,
    [messageId],
  );
  return rows;
}

/** The message got its Ack: its items are with the state system. */
export async function markMessageItemsSent(tx: Db, messageId: string) {
  await tx.query(
    `UPDATE sync_items SET status = 'sent', updated_at = now() WHERE message_id = $1 AND status = 'sending'`,
    [messageId],
  );
}

/** The message goes again: its items are sending again. */
export async function markMessageItemsResending(tx: Db, messageId: string) {
  await tx.query(
    `UPDATE sync_items SET status = 'sending', updated_at = now() WHERE message_id = $1 AND status = 'sent'`,
    [messageId],
  );
}

/** The message is dead: so are its unfinished items (visible to the organisation, retryable through its API). */
export async function markMessageItemsDead(tx: Db, messageId: string, reason: string) {
  await tx.query(
    `UPDATE sync_items SET status = 'dead', error_code = 'exchange_failed', error_text = $2, updated_at = now()
      WHERE message_id = $1 AND status IN ('sending', 'sent')`,
    [messageId, reason],
  );
}

/** A message-level error of the state system rejects every unfinished item of the message. */
export async function rejectMessageItems(tx: Db, messageId: string, code: string, text: string) {
  await tx.query(
    `UPDATE sync_items SET status = 'rejected', error_code = $2, error_text = $3, updated_at = now() WHERE message_id = $1 AND status IN ('sending', 'sent')`,
    [messageId, code, text],
  );
}

export async function acceptItems(tx: Db, accepted: { id: string; result: Extract<GisItemResult, { ok: true }> }[]) {
  await tx.query(
    `UPDATE sync_items s SET status = 'accepted', result_guid = v.guid, result_number = v.num, error_code = NULL, error_text = NULL, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, guid, num) WHERE s.id = v.id`,
    [
      accepted.map((a) => a.id),
      accepted.map((a) => a.result.guid ?? null),
      accepted.map((a) => a.result.uniqueNumber ?? null),
    ],
  );
}

/** The status of each object's latest revision in one operation (e.g. whether a payment's notification was accepted). */
export async function latestItemStatuses(
  db: Db,
  operation: string,
  objectType: string,
  objectIds: string[],
): Promise<Map<string, SyncItemStatus>> {
  const states = await latestItemStates(db, operation, objectType, objectIds);
  return new Map([...states].map(([id, s]) => [id, s.status]));
}

/** The latest revision's item of each object in one operation: its status, error and when it last changed. */
export async function latestItemStates(
  db: Db,
  operation: string,
  objectType: string,
  objectIds: string[],
): Promise<
  Map<string, { status: SyncItemStatus; errorCode: string | null; errorText: string | null; updatedAt: Date }>
> {
  const { rows } = await db.query<{
    object_id: string;
    status: SyncItemStatus;
    error_code: string | null;
    error_text: string | null;
    updated_at: Date;
  }>(
    `SELECT DISTINCT ON (object_id) object_id, status, error_code, error_text, updated_at FROM sync_items
      WHERE target = 'gis' AND operation = $1 AND object_type = $2 AND object_id = ANY($3::uuid[])
      ORDER BY object_id, revision DESC, created_at DESC`,
    [operation, objectType, objectIds],
  );
  return new Map(
    rows.map((r) => [
      r.object_id,
      { status: r.status, errorCode: r.error_code, errorText: r.error_text, updatedAt: r.updated_at },
    ]),
  );
}

/** Items the state system refused or that exhausted their attempts (sync_items_refused_idx). */
export async function countRefusedItems(db: Db, organisationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sync_items WHERE organisation_id = $1 AND status IN ('rejected', 'dead')`,
    [organisationId],
  );
  return rows[0]!.n;
}
