import type { OutboxItems } from '../../../contracts/gis/items.js';
import { GIS_OPERATIONS } from '../../../contracts/gis/operations.js';
import type { GisItemResult, GisState, SentMessage } from '../../../contracts/gis/ports.js';
import { GIS_POLL_QUEUE, GIS_SEND_QUEUE, SYNC_DISPATCH_QUEUE } from '../../../contracts/jobs.js';
import type { Enqueue } from '../../../contracts/ports.js';
import type { Db } from '../../db/pool.js';
import {
  insertMessage,
  type MessageRow,
  markMessageAcked,
  markMessageDead,
  markMessageDone,
  markMessageForResend,
  recordPoll,
} from './messages.repo.js';
import type { AcceptedItem, SourceContext, SyncedOperation } from './source.js';
import { syncSource } from './sources.js';
import {
  acceptItems,
  earliestHeld,
  holdItems,
  type ItemError,
  lockDueItems,
  lockMessageItems,
  markItemsSending,
  markMessageItemsDead,
  markMessageItemsResending,
  markMessageItemsSent,
  rejectItems,
  rejectMessageItems,
  releaseHeldItems,
} from './sync.repo.js';

// The steps of the exchange, each on the caller's transaction; jobs/sync-dispatch.ts and
// jobs/gis-exchange.ts run them around the network calls (README.md has the sequence).

/** The operator's exchange settings (config.gis). */
export interface ExchangeSettings {
  pollScheduleSeconds: number[];
  sendAttempts: number;
  retryDelaySeconds: number;
}

/** Seconds until the n-th (0-based) getState of a message, by the configured schedule; the last step repeats. */
export function pollDelay(schedule: number[], n: number) {
  return schedule[Math.min(n, schedule.length - 1)]!;
}

/** Exponential backoff for a fresh resend after the n-th failed attempt (1-based), capped at an hour. */
export function retryDelay(baseSeconds: number, attempt: number) {
  return Math.min(3600, baseSeconds * 2 ** Math.max(0, attempt - 1));
}

const dispatchKey = (organisationId: string, operation: string) => `${organisationId}:${operation}`;

/**
 * Turns up to the operation's limit of pending items into messages: each message row, its items and its
 * send job commit together before anything is sent. Returns the number of messages, or null when no item was due.
 */
export async function dispatchBatch(
  tx: Db,
  enqueue: Enqueue,
  organisationId: string,
  operation: SyncedOperation,
): Promise<number | null> {
  const source = syncSource(operation);
  const rows = await lockDueItems(tx, organisationId, operation, GIS_OPERATIONS[operation].limit);
  if (!rows.length) return null;
  const loaded = await source.load(tx, enqueue, organisationId, rows);
  const ready: { id: string; item: OutboxItems[SyncedOperation] }[] = [];
  const waiting: string[] = [];
  const refused: ItemError[] = [];
  for (const row of rows) {
    const l = loaded.get(row.id);
    if (!l) refused.push({ id: row.id, code: 'object_missing', text: 'Nothing to send for this item' });
    else if ('item' in l) ready.push({ id: row.id, item: l.item });
    else if ('wait' in l) waiting.push(row.id);
    else refused.push({ id: row.id, ...l.error });
  }
  if (waiting.length) await holdItems(tx, waiting);
  if (refused.length) await rejectItems(tx, refused);
  if (!ready.length) return 0;
  const batches = new Map<string, typeof ready>();
  for (const r of ready) {
    const key = source.batchKey?.(r.item) ?? '';
    batches.set(key, [...(batches.get(key) ?? []), r]);
  }
  for (const batch of batches.values()) {
    const messageId = await insertMessage(
      tx,
      organisationId,
      operation,
      batch.map((r) => r.item),
    );
    await markItemsSending(
      tx,
      batch.map((r) => r.id),
      messageId,
    );
    await enqueue(tx, GIS_SEND_QUEUE, { messageId }, { singletonKey: `send:${messageId}` });
  }
  return batches.size;
}

/** Items held for a dependency get another look once it has had time to sync. */
export async function redispatchHeld(db: Db, enqueue: Enqueue, organisationId: string, operation: string) {
  const at = await earliestHeld(db, organisationId, operation);
  if (at)
    await enqueue(
      db,
      SYNC_DISPATCH_QUEUE,
      { organisationId, operation },
      { singletonKey: `${dispatchKey(organisationId, operation)}:held`, startAfter: new Date(at) },
    );
}

/** Marks a message and its unfinished items dead: visible to the organisation, retryable through its API. */
export async function buryMessage(tx: Db, messageId: string, reason: string) {
  await markMessageDead(tx, messageId, reason);
  await markMessageItemsDead(tx, messageId, reason);
}

/** After a failed attempt: a fresh resend later, or dead once the attempts are spent. */
export async function scheduleResend(
  tx: Db,
  enqueue: Enqueue,
  settings: ExchangeSettings,
  m: MessageRow,
  reason: string,
) {
  const attempts = m.attempts + 1;
  if (attempts >= settings.sendAttempts) {
    await buryMessage(tx, m.id, reason);
    return;
  }
  await markMessageForResend(tx, m.id, attempts, reason);
  await markMessageItemsResending(tx, m.id);
  await enqueue(
    tx,
    GIS_SEND_QUEUE,
    { messageId: m.id },
    { startAfter: retryDelay(settings.retryDelaySeconds, attempts) },
  );
}

/** Stores the Ack (the state system's MessageGUID) and schedules the first getState. */
export async function recordAck(
  tx: Db,
  enqueue: Enqueue,
  settings: ExchangeSettings,
  messageId: string,
  sent: SentMessage,
) {
  await markMessageAcked(tx, messageId, {
    messageGuid: sent.messageGuid,
    ackGuid: sent.ack.messageGuid,
    signingMs: sent.signingMs,
  });
  await markMessageItemsSent(tx, messageId);
  await enqueue(tx, GIS_POLL_QUEUE, { messageId }, { startAfter: pollDelay(settings.pollScheduleSeconds, 0) });
}

/** Not processed yet (or getState failed): the next getState on the schedule. */
export async function schedulePoll(
  tx: Db,
  enqueue: Enqueue,
  settings: ExchangeSettings,
  messageId: string,
  polls: number,
  error?: string,
) {
  await recordPoll(tx, messageId, polls, error ?? null);
  await enqueue(tx, GIS_POLL_QUEUE, { messageId }, { startAfter: pollDelay(settings.pollScheduleSeconds, polls) });
}

/** A message-level error other than a transfer error: nothing was taken, every item is rejected with it. */
export async function rejectMessage(tx: Db, messageId: string, error: { code: string; description: string }) {
  await markMessageDone(tx, messageId, `${error.code}: ${error.description}`);
  await rejectMessageItems(tx, messageId, error.code, error.description);
}

/**
 * Applies a processed message: items accepted (the source saves the identifiers on its rows) or rejected
 * per TransportGUID; for an export (`exported` given) the source stores the answer to its one query.
 */
export async function applyResults(
  tx: Db,
  enqueue: Enqueue,
  m: MessageRow,
  results: GisItemResult[],
  exported?: GisState | null,
  context?: Pick<SourceContext, 'cipher' | 'log'>,
) {
  const source = syncSource(m.operation);
  const rows = await lockMessageItems(tx, m.id);
  if (exported !== undefined) {
    // An export carries one query; its answer is not per TransportGUID.
    if (source.applyExport) {
      if (!context) throw new Error(`${m.operation}: an export's answer is applied with the source context`);
      await source.applyExport(tx, m.organisation_id, m.items[0]!, exported, { ...context, enqueue });
    }
    results = rows.map((r) => ({ transportGuid: r.transport_guid, ok: true as const }));
  }
  const byTransport = new Map(results.map((r) => [r.transportGuid.toLowerCase(), r]));
  const accepted: (AcceptedItem & { id: string })[] = [];
  const rejected: ItemError[] = [];
  for (const row of rows) {
    const r = byTransport.get(String(row.transport_guid).toLowerCase());
    if (!r) rejected.push({ id: row.id, code: 'no_result', text: 'The state system returned no result for this item' });
    else if (r.ok) accepted.push({ id: row.id, objectId: row.object_id, revision: row.revision, result: r });
    else
      rejected.push({
        id: row.id,
        code: r.errors[0]?.code ?? 'error',
        text: r.errors.map((e) => `${e.code}: ${e.description}`).join('; '),
      });
  }
  if (accepted.length) {
    await acceptItems(tx, accepted);
    await source.apply(tx, accepted);
  }
  if (rejected.length) await rejectItems(tx, rejected);
  await markMessageDone(tx, m.id, null);
  // Items held for what this message carried (readings for meters, meters for accounts) can go now.
  for (const operation of await releaseHeldItems(tx, m.organisation_id)) {
    await enqueue(
      tx,
      SYNC_DISPATCH_QUEUE,
      { organisationId: m.organisation_id, operation },
      { singletonKey: dispatchKey(m.organisation_id, operation) },
    );
  }
}
