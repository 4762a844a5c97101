import { createHash } from 'node:crypto';
import type { OutboxItems } from '../../../contracts/gis/items.js';
import type { Db } from '../../db/pool.js';
import type { SyncedOperation } from './source.js';

// SQL of gis_messages: one outgoing message per batch of sync_items (its items as sent, its Ack, attempts, polls).

export type MessageStatus = 'prepared' | 'acked' | 'done' | 'dead';

export interface MessageRow {
  id: string;
  organisation_id: string;
  operation: SyncedOperation;
  status: MessageStatus;
  items: OutboxItems[SyncedOperation][];
  attempts: number;
  polls: number;
  ack_guid: string | null;
  /** The organisation's orgPPAGUID, which every request names. */
  org_ppa_guid: string | null;
}

/** A message of prepared items; the items are stored as sent, so every resend carries the same content. */
export async function insertMessage(
  tx: Db,
  organisationId: string,
  operation: SyncedOperation,
  items: OutboxItems[SyncedOperation][],
): Promise<string> {
  const json = JSON.stringify(items);
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO gis_messages (organisation_id, operation, item_count, items, payload_hash) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id`,
    [organisationId, operation, items.length, json, createHash('sha256').update(json).digest('hex')],
  );
  return rows[0]!.id;
}

export async function findMessage(db: Db, id: string): Promise<MessageRow | undefined> {
  const { rows } = await db.query<MessageRow>(
    `SELECT m.id, m.organisation_id, m.operation, m.status, m.items, m.attempts, m.polls, m.ack_guid, o.gis_ppa_guid AS org_ppa_guid
       FROM gis_messages m JOIN registry_organisations o ON o.id = m.organisation_id WHERE m.id = $1`,
    [id],
  );
  return rows[0];
}

export async function markMessageDead(tx: Db, id: string, reason: string) {
  await tx.query(`UPDATE gis_messages SET status = 'dead', last_error = $2, finished_at = now() WHERE id = $1`, [
    id,
    reason,
  ]);
}

/** Back to prepared for a fresh resend (a new MessageGUID and Ack). */
export async function markMessageForResend(tx: Db, id: string, attempts: number, reason: string) {
  await tx.query(
    `UPDATE gis_messages SET status = 'prepared', attempts = $2, last_error = $3, ack_guid = NULL WHERE id = $1`,
    [id, attempts, reason],
  );
}

export async function markMessageAcked(
  tx: Db,
  id: string,
  sent: { messageGuid: string; ackGuid: string; signingMs: number },
) {
  await tx.query(
    `UPDATE gis_messages SET status = 'acked', message_guid = $2, ack_guid = $3, acked_at = now(), polls = 0,
            signing_ms = signing_ms + $4, last_error = NULL WHERE id = $1`,
    [id, sent.messageGuid, sent.ackGuid, sent.signingMs.toFixed(3)],
  );
}

export async function recordPoll(db: Db, id: string, polls: number, error: string | null) {
  await db.query(`UPDATE gis_messages SET polls = $2, last_error = $3 WHERE id = $1`, [id, polls, error]);
}

/** Processed: with the state system's message-level error, or none. */
export async function markMessageDone(tx: Db, id: string, error: string | null) {
  await tx.query(`UPDATE gis_messages SET status = 'done', last_error = $2, finished_at = now() WHERE id = $1`, [
    id,
    error,
  ]);
}
