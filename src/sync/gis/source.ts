import type { SyncRefusalCode } from '../../../contracts/errors.js';
import type { OutboxItems, OutboxOperationName } from '../../../contracts/gis/items.js';
import type { GisItemResult, GisState } from '../../../contracts/gis/ports.js';
import type { Enqueue } from '../../../contracts/ports.js';
import type { Db } from '../../db/pool.js';
import type { FieldCipher } from '../../identity/crypto.js';
import { queueForSync } from '../outbox.js';

/** The operations the outbox carries, each with one source in sources.ts (exportNsiList is asked for by hand). */
export type SyncedOperation = Exclude<OutboxOperationName, 'exportNsiList'>;

export interface PendingItem {
  id: string;
  objectId: string;
  transportGuid: string;
  /** The object's revision: a corrected object, another action on it (a notice's recall is revision 1), or an owner's decision's question number. */
  revision: number;
}

/** What a source says about one pending item: send it, hold it until a dependency is synced, or refuse it. */
export type Loaded<I = object> = { item: I } | { wait: string } | { error: { code: SyncRefusalCode; text: string } };

export interface AcceptedItem {
  objectId: string;
  revision?: number;
  result: Extract<GisItemResult, { ok: true }>;
}

/**
 * Where the items of one operation come from and where its results go. Sources read and write other
 * modules' tables only through those modules' repositories.
 */
export interface SyncSource<O extends SyncedOperation = SyncedOperation> {
  objectType: string;
  /** Items with different keys never share a message (e.g. payment documents: Month and Year are per request). */
  batchKey?(item: OutboxItems[O]): string;
  load(
    db: Db,
    enqueue: Enqueue,
    organisationId: string,
    items: PendingItem[],
  ): Promise<Map<string, Loaded<OutboxItems[O]>>>;
  /** Saves the state system's identifiers of accepted items on our rows. */
  apply(db: Db, accepted: AcceptedItem[]): Promise<void>;
  /** Exports: stores what the state system answered to the message's one query (null: nothing to export). */
  applyExport?(
    db: Db,
    organisationId: string,
    item: OutboxItems[O],
    state: GisState | null,
    context: SourceContext,
  ): Promise<void>;
}

/** What an export's answer may need to be stored: the field cipher for personal data (an appeal's applicant). */
export interface SourceContext {
  cipher: FieldCipher;
  enqueue: Enqueue;
  /** The process's logger, for what an answer's data warns of (a deadline counted on an incomplete calendar). */
  log?: { warn(obj: object, msg: string): void };
}

export const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
export const refuse = (code: SyncRefusalCode, text: string): Loaded<never> => ({ error: { code, text } });

/** Queues what items wait for (accounts for meters, meters for readings); rows already queued are left alone. */
export async function needs(
  db: Db,
  enqueue: Enqueue,
  organisationId: string,
  operation: SyncedOperation,
  objectType: string,
  ids: string[],
) {
  if (ids.length)
    await queueForSync(
      db,
      enqueue,
      [...new Set(ids)].map((objectId) => ({ organisationId, operation, objectType, objectId })),
    );
}
