import type { Enqueue, FileStore, Mailer } from '../contracts/ports.js';
import type { StateSystem } from '../contracts/gis/ports.js';
import type { Config } from './config.js';
import { createEnqueue, type Boss } from './db/queue.js';
import { createPgFileStore } from './files/pg-file-store.js';
import { createOutboxMailer } from './sandbox/outbox-mailer.js';
import type { Pool } from './db/pool.js';
import type { FastifyBaseLogger } from 'fastify';

/**
 * What routes and job handlers are given: the database, the queue and the ports that main.ts wired.
 * Services take the parts they need as arguments, never this whole object.
 */
export interface AppDeps {
  config: Config;
  db: Pool;
  enqueue: Enqueue;
  /** Absent only when the app is built to print its OpenAPI document. */
  boss?: Boss;
  log: FastifyBaseLogger;
  mailer: Mailer;
  files: FileStore;
  /** The state-system client (adapters/gis), wired by main.ts; absent in processes that do not exchange. */
  stateSystem?: StateSystem;
}

/** The deps with the defaults of this process: PostgreSQL file store, sandbox outbox unless a mailer is given. */
export function assembleDeps(parts: Pick<AppDeps, 'config' | 'db' | 'log'> & { boss?: Boss; mailer?: Mailer; stateSystem?: StateSystem }): AppDeps {
  return {
    config: parts.config,
    db: parts.db,
    boss: parts.boss,
    log: parts.log,
    enqueue: parts.boss ? createEnqueue(parts.boss) : async () => null,
    mailer: parts.mailer ?? createOutboxMailer(parts.db),
    files: createPgFileStore(parts.db),
    stateSystem: parts.stateSystem,
  };
}
