// Ports: the small interfaces domain code depends on. Adapters in adapters/ implement them;
// src/main.ts wires the two together. This folder imports nothing of ours.

/** Runs one parameterized statement: satisfied by a pg Pool or a transaction's client. */
export interface SqlExecutor {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

export interface EnqueueOptions {
  /** Stable key derived from the domain row: a second send with the same key is dropped. */
  singletonKey?: string;
  startAfter?: Date | number;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  priority?: number;
}

/**
 * Puts a job on a queue using the given executor, so that the job commits or rolls back with the
 * caller's transaction (no dual writes). Returns the job id, or null when a singleton already exists.
 */
export type Enqueue = (db: SqlExecutor, queue: string, payload: object, options?: EnqueueOptions) => Promise<string | null>;
