// Ports: the small interfaces domain code depends on. Adapters in adapters/ implement them;
// src/main.ts wires the two together. This folder imports nothing of ours.

/** Runs one parameterized statement: satisfied by a pg Pool or a transaction's client. `R` types the rows. */
export interface SqlExecutor {
  // biome-ignore lint/suspicious/noExplicitAny: callers that name no row type keep pg's default
  query<R extends object = any>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
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
export type Enqueue = (
  db: SqlExecutor,
  queue: string,
  payload: object,
  options?: EnqueueOptions,
) => Promise<string | null>;

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; contentBase64: string }[];
}

/** Sends one email. SMTP in production (adapters/mail), a database outbox in sandbox mode. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface StoredFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Keeps uploaded files (PostgreSQL by default; S3-compatible stores can implement the same). */
export interface FileStore {
  /**
   * Stores a file. With `db` (a transaction on the store's own database) the file is written in that
   * transaction, so a refusal that rolls it back leaves no file; a store elsewhere ignores it.
   */
  put(
    file: { filename: string; contentType: string; data: Buffer; createdBy?: string },
    db?: SqlExecutor,
  ): Promise<StoredFile>;
  get(id: string): Promise<(StoredFile & { data: Buffer }) | null>;
}
