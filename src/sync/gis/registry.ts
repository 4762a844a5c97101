import type { Enqueue, SqlExecutor } from '../../../contracts/ports.js';
import type { GisItemResult, GisState } from '../../../contracts/gis/ports.js';

export interface PendingItem {
  id: string;
  objectId: string;
  transportGuid: string;
}

/** What a source says about one pending item: send it, hold it until a dependency is synced, or refuse it. */
export type Loaded = { item: object } | { wait: string } | { error: { code: string; text: string } };

/**
 * Where the items of one operation come from and where its results go: sources.ts (accounts, meters,
 * readings) and payment-sources.ts (payment documents, notifications of order execution and their annulment).
 */
export interface SyncSource {
  operation: string;
  objectType: string;
  /** Items with different keys never share a message (e.g. payment documents: Month and Year are per request). */
  batchKey?(item: object): string;
  load(db: SqlExecutor, enqueue: Enqueue, organisationId: string, items: PendingItem[]): Promise<Map<string, Loaded>>;
  /** Saves the state system's identifiers of accepted items on our rows. */
  apply(db: SqlExecutor, accepted: { objectId: string; result: Extract<GisItemResult, { ok: true }> }[]): Promise<void>;
  /** Exports: stores what the state system answered to the message's one query (null: nothing to export). */
  applyExport?(db: SqlExecutor, organisationId: string, item: object, state: GisState | null): Promise<void>;
}

const sources = new Map<string, SyncSource>();

export function registerSyncSource(source: SyncSource) {
  sources.set(source.operation, source);
}

export function syncSource(operation: string): SyncSource | undefined {
  return sources.get(operation);
}

export function syncOperations(): string[] {
  return [...sources.keys()];
}
