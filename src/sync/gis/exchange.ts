import { createHash } from 'node:crypto';
import type pg from 'pg';
import { GIS_ERRORS, GIS_OPERATIONS, isGisOperation } from '../../../contracts/gis/operations.js';
import {
  GisTransportError,
  type GisItemResult,
  type GisState,
  type StateSystem,
} from '../../../contracts/gis/ports.js';
import type { OutboxItems } from '../../../contracts/gis/items.js';
import type { Enqueue } from '../../../contracts/ports.js';
import { GIS_POLL_QUEUE, GIS_SEND_QUEUE, SYNC_DISPATCH_QUEUE } from '../../../contracts/jobs.js';
import { withTransaction } from '../../db/pool.js';
import type { SyncedOperation } from './source.js';
import { isSyncedOperation, syncSource } from './sources.js';

export interface ExchangeContext {
  db: pg.Pool;
  enqueue: Enqueue;
  stateSystem?: StateSystem;
  gis: { pollScheduleSeconds: number[]; sendAttempts: number; retryDelaySeconds: number };
}

/** Seconds until the n-th (0-based) getState of a message, by the configured schedule; the last step repeats. */
export function pollDelay(schedule: number[], n: number) {
  return schedule[Math.min(n, schedule.length - 1)]!;
}

/** Exponential backoff for a fresh resend after the n-th failed attempt (1-based), capped at an hour. */
export function retryDelay(baseSeconds: number, attempt: number) {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1));
}

export async function syncEnabled(db: pg.Pool | pg.PoolClient, organisationId: string) {
  const { rows } = await db.query(`SELECT enabled FROM gis_sync_settings WHERE organisation_id = $1`, [organisationId]);
  return rows[0]?.enabled === true;
}

/**
 * Turns pending items of one organisation and operation into messages of at most the operation's limit.
 * Each message row, its items and its send job are committed together before anything is sent.
 */
export async function dispatch(ctx: ExchangeContext, organisationId: string, operation: string): Promise<number> {
  if (!isSyncedOperation(operation)) return 0;
  const source = syncSource(operation);
  if (!(await syncEnabled(ctx.db, organisationId))) return 0;
  const limit = GIS_OPERATIONS[operation].limit;
  let messages = 0;
  for (;;) {
    const created = await withTransaction(ctx.db, async (tx) => {
      const { rows } = await tx.query(
        `SELECT id, object_id AS "objectId", transport_guid AS "transportGuid" FROM sync_items
          WHERE organisation_id = $1 AND target = 'gis' AND operation = $2 AND status = 'pending'
            AND (not_before IS NULL OR not_before <= now())
          ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [organisationId, operation, limit],
      );
      if (!rows.length) return null;
      const loaded = await source.load(tx, ctx.enqueue, organisationId, rows);
      const ready: { id: string; item: OutboxItems[SyncedOperation] }[] = [];
      const waiting: string[] = [];
      const refused: { id: string; code: string; text: string }[] = [];
      for (const row of rows) {
        const l = loaded.get(row.id);
        if (!l) refused.push({ id: row.id, code: 'object_missing', text: 'Nothing to send for this item' });
        else if ('item' in l) ready.push({ id: row.id, item: l.item });
        else if ('wait' in l) waiting.push(row.id);
        else refused.push({ id: row.id, ...l.error });
      }
      if (waiting.length) {
        await tx.query(
          `UPDATE sync_items SET not_before = now() + interval '5 seconds', updated_at = now() WHERE id = ANY($1::uuid[])`,
          [waiting],
        );
      }
      if (refused.length) {
        await tx.query(
          `UPDATE sync_items s SET status = 'rejected', error_code = v.code, error_text = v.text, updated_at = now()
             FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, code, text) WHERE s.id = v.id`,
          [refused.map((r) => r.id), refused.map((r) => r.code), refused.map((r) => r.text)],
        );
      }
      if (!ready.length) return { message: 0 };
      const batches = new Map<string, typeof ready>();
      for (const r of ready) {
        const key = source.batchKey?.(r.item) ?? '';
        batches.set(key, [...(batches.get(key) ?? []), r]);
      }
      for (const batch of batches.values()) {
        const items = batch.map((r) => r.item);
        const json = JSON.stringify(items);
        const { rows: msg } = await tx.query(
          `INSERT INTO gis_messages (organisation_id, operation, item_count, items, payload_hash) VALUES ($1, $2, $3, $4::jsonb, $5) RETURNING id`,
          [organisationId, operation, items.length, json, createHash('sha256').update(json).digest('hex')],
        );
        const messageId = msg[0].id as string;
        await tx.query(
          `UPDATE sync_items SET status = 'sending', message_id = $2, attempts = attempts + 1, not_before = NULL, updated_at = now()
            WHERE id = ANY($1::uuid[])`,
          [batch.map((r) => r.id), messageId],
        );
        await ctx.enqueue(tx, GIS_SEND_QUEUE, { messageId }, { singletonKey: `send:${messageId}` });
      }
      return { message: batches.size };
    });
    if (!created) break;
    messages += created.message;
  }
  // Items held for a dependency get another look once it has had time to sync.
  const { rows: held } = await ctx.db.query(
    `SELECT min(not_before) AS at FROM sync_items WHERE organisation_id = $1 AND operation = $2 AND status = 'pending' AND not_before IS NOT NULL`,
    [organisationId, operation],
  );
  if (held[0]?.at)
    await ctx.enqueue(
      ctx.db,
      SYNC_DISPATCH_QUEUE,
      { organisationId, operation },
      { singletonKey: `${organisationId}:${operation}:held`, startAfter: new Date(held[0].at) },
    );
  return messages;
}

interface MessageRow {
  id: string;
  organisation_id: string;
  operation: SyncedOperation;
  status: string;
  items: OutboxItems[SyncedOperation][];
  attempts: number;
  polls: number;
  ack_guid: string | null;
  org_ppa_guid: string | null;
}

async function loadMessage(db: pg.Pool | pg.PoolClient, id: string): Promise<MessageRow | undefined> {
  const { rows } = await db.query(
    `SELECT m.*, o.gis_ppa_guid AS org_ppa_guid FROM gis_messages m JOIN organisations o ON o.id = m.organisation_id WHERE m.id = $1`,
    [id],
  );
  return rows[0];
}

/** Marks a message and its unfinished items dead: visible to the organisation, retryable through its API. */
async function bury(db: pg.Pool | pg.PoolClient, messageId: string, reason: string) {
  await db.query(`UPDATE gis_messages SET status = 'dead', last_error = $2, finished_at = now() WHERE id = $1`, [
    messageId,
    reason,
  ]);
  await db.query(
    `UPDATE sync_items SET status = 'dead', error_code = 'exchange_failed', error_text = $2, updated_at = now()
      WHERE message_id = $1 AND status IN ('sending', 'sent')`,
    [messageId, reason],
  );
}

/** After a failed attempt: a fresh resend later, or dead once the attempts are spent. */
async function scheduleResend(ctx: ExchangeContext, m: MessageRow, reason: string) {
  const attempts = m.attempts + 1;
  await withTransaction(ctx.db, async (tx) => {
    if (attempts >= ctx.gis.sendAttempts) {
      await bury(tx, m.id, reason);
      return;
    }
    await tx.query(
      `UPDATE gis_messages SET status = 'prepared', attempts = $2, last_error = $3, ack_guid = NULL WHERE id = $1`,
      [m.id, attempts, reason],
    );
    await tx.query(
      `UPDATE sync_items SET status = 'sending', updated_at = now() WHERE message_id = $1 AND status = 'sent'`,
      [m.id],
    );
    await ctx.enqueue(
      tx,
      GIS_SEND_QUEUE,
      { messageId: m.id },
      { startAfter: retryDelay(ctx.gis.retryDelaySeconds, attempts) },
    );
  });
}

/** Sends a prepared message as a freshly built and signed one; on Ack, stores its MessageGUID and schedules getState. */
export async function sendMessage(ctx: ExchangeContext, messageId: string) {
  const m = await loadMessage(ctx.db, messageId);
  if (!m || m.status !== 'prepared') return { skipped: m?.status ?? 'missing' };
  if (!ctx.stateSystem) throw new Error('no state-system client is configured in this process');
  if (!m.org_ppa_guid) {
    await bury(ctx.db, m.id, 'The organisation has no orgPPAGUID');
    return { dead: true };
  }
  try {
    const sent = await ctx.stateSystem.send(m.operation, { orgPpaGuid: m.org_ppa_guid }, m.items as never[]);
    await withTransaction(ctx.db, async (tx) => {
      await tx.query(
        `UPDATE gis_messages SET status = 'acked', message_guid = $2, ack_guid = $3, acked_at = now(), polls = 0,
                signing_ms = signing_ms + $4, last_error = NULL WHERE id = $1`,
        [m.id, sent.messageGuid, sent.ack.messageGuid, sent.signingMs.toFixed(3)],
      );
      await tx.query(
        `UPDATE sync_items SET status = 'sent', updated_at = now() WHERE message_id = $1 AND status = 'sending'`,
        [m.id],
      );
      await ctx.enqueue(
        tx,
        GIS_POLL_QUEUE,
        { messageId: m.id },
        { startAfter: pollDelay(ctx.gis.pollScheduleSeconds, 0) },
      );
    });
    return { acked: sent.ack.messageGuid };
  } catch (err) {
    if (!(err instanceof GisTransportError)) throw err;
    if (!err.retryable) {
      await bury(ctx.db, m.id, err.message);
      return { dead: true };
    }
    await scheduleResend(ctx, m, err.message);
    return { retry: err.message };
  }
}

/** Asks for the state of an acknowledged message; applies its results once processed. */
export async function pollMessage(ctx: ExchangeContext, messageId: string) {
  const m = await loadMessage(ctx.db, messageId);
  if (!m || m.status !== 'acked' || !m.ack_guid) return { skipped: m?.status ?? 'missing' };
  if (!ctx.stateSystem) throw new Error('no state-system client is configured in this process');
  const again = (polls: number, error?: string) =>
    ctx.db
      .query(`UPDATE gis_messages SET polls = $2, last_error = $3 WHERE id = $1`, [m.id, polls, error ?? null])
      .then(() =>
        ctx.enqueue(
          ctx.db,
          GIS_POLL_QUEUE,
          { messageId: m.id },
          { startAfter: pollDelay(ctx.gis.pollScheduleSeconds, polls) },
        ),
      );
  let state;
  try {
    state = await ctx.stateSystem.getState(m.operation, { orgPpaGuid: m.org_ppa_guid! }, m.ack_guid);
  } catch (err) {
    if (!(err instanceof GisTransportError)) throw err;
    await again(m.polls + 1, err.message);
    return { retry: err.message };
  }
  if (state.requestState !== 3) {
    await again(m.polls + 1);
    return { state: state.requestState };
  }
  const isExport = GIS_OPERATIONS[m.operation].kind === 'export';
  if (isExport && (!state.error || state.error.code === GIS_ERRORS.nothingToExport)) {
    // An export's answer (or "nothing to export", a warning) is the result of the message's one query.
    await applyResults(ctx, m, [], state.error ? null : state);
    return { exported: true };
  }
  if (state.error) {
    // EXP001000 and other message-level errors: nothing was taken; send again as a fresh message.
    if (state.error.code === GIS_ERRORS.transfer) {
      await scheduleResend(ctx, m, `${state.error.code}: ${state.error.description}`);
      return { retry: state.error.code };
    }
    await withTransaction(ctx.db, async (tx) => {
      await tx.query(`UPDATE gis_messages SET status = 'done', last_error = $2, finished_at = now() WHERE id = $1`, [
        m.id,
        `${state.error!.code}: ${state.error!.description}`,
      ]);
      await tx.query(
        `UPDATE sync_items SET status = 'rejected', error_code = $2, error_text = $3, updated_at = now() WHERE message_id = $1 AND status IN ('sending', 'sent')`,
        [m.id, state.error!.code, state.error!.description],
      );
    });
    return { rejected: state.error.code };
  }
  await applyResults(ctx, m, state.results);
  return { done: state.results.length };
}

async function applyResults(ctx: ExchangeContext, m: MessageRow, results: GisItemResult[], exported?: GisState | null) {
  await withTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query(
      `SELECT id, object_id, transport_guid FROM sync_items WHERE message_id = $1 AND status IN ('sending', 'sent') FOR UPDATE`,
      [m.id],
    );
    if (exported !== undefined) {
      // An export carries one query; its answer is not per TransportGUID.
      await syncSource(m.operation)!.applyExport?.(tx, m.organisation_id, m.items[0]!, exported);
      results = rows.map((r: { transport_guid: string }) => ({ transportGuid: r.transport_guid, ok: true as const }));
    }
    const byTransport = new Map(results.map((r) => [r.transportGuid.toLowerCase(), r]));
    const accepted: { id: string; objectId: string; result: Extract<GisItemResult, { ok: true }> }[] = [];
    const rejected: { id: string; code: string; text: string }[] = [];
    for (const row of rows) {
      const r = byTransport.get(String(row.transport_guid).toLowerCase());
      if (!r)
        rejected.push({ id: row.id, code: 'no_result', text: 'The state system returned no result for this item' });
      else if (r.ok) accepted.push({ id: row.id, objectId: row.object_id, result: r });
      else
        rejected.push({
          id: row.id,
          code: r.errors[0]?.code ?? 'error',
          text: r.errors.map((e) => `${e.code}: ${e.description}`).join('; '),
        });
    }
    if (accepted.length) {
      await tx.query(
        `UPDATE sync_items s SET status = 'accepted', result_guid = v.guid, result_number = v.num, error_code = NULL, error_text = NULL, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, guid, num) WHERE s.id = v.id`,
        [
          accepted.map((a) => a.id),
          accepted.map((a) => a.result.guid ?? null),
          accepted.map((a) => a.result.uniqueNumber ?? null),
        ],
      );
      await syncSource(m.operation)!.apply(tx, accepted);
    }
    if (rejected.length) {
      await tx.query(
        `UPDATE sync_items s SET status = 'rejected', error_code = v.code, error_text = v.text, updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[]) v(id, code, text) WHERE s.id = v.id`,
        [rejected.map((r) => r.id), rejected.map((r) => r.code), rejected.map((r) => r.text)],
      );
    }
    await tx.query(`UPDATE gis_messages SET status = 'done', finished_at = now(), last_error = NULL WHERE id = $1`, [
      m.id,
    ]);
    // Items held for what this message carried (readings for meters, meters for accounts) can go now.
    const { rows: held } = await tx.query(
      `UPDATE sync_items SET not_before = NULL WHERE organisation_id = $1 AND status = 'pending' AND not_before IS NOT NULL RETURNING operation`,
      [m.organisation_id],
    );
    for (const op of new Set(held.map((h: { operation: string }) => h.operation))) {
      await ctx.enqueue(
        tx,
        SYNC_DISPATCH_QUEUE,
        { organisationId: m.organisation_id, operation: op },
        { singletonKey: `${m.organisation_id}:${op}` },
      );
    }
  });
}
