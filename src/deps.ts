import type { FastifyBaseLogger } from 'fastify';
import type { Acquirer } from '../contracts/acquiring.js';
import type { DebtCertificates } from '../contracts/debt-certificates.js';
import type { StateSystem } from '../contracts/gis/ports.js';
import type { IdentityProvider } from '../contracts/identity.js';
import type { Enqueue, FileStore, Mailer } from '../contracts/ports.js';
import type { Config } from './config.js';
import type { Pool } from './db/pool.js';
import type { Boss } from './db/queue.js';
import type { Notifier } from './notify/notifier.js';

/**
 * What routes and job handlers are given: the database, the queue and the ports that src/compose.ts built.
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
  /** The acquiring bank (the T-Bank-style adapter, pointed at the sandbox bank in sandbox mode). */
  acquirer: Acquirer;
  /** Resident sign-in (ESIA relying party); absent when no provider is configured. */
  identity?: IdentityProvider;
  notifier: Notifier;
  /** Billing's debt certificates for appeals (absent only in tests that leave the organisation to answer). */
  debtCertificates?: DebtCertificates;
  /** The state-system client (adapters/gis); absent in processes that do not exchange. */
  stateSystem?: StateSystem;
}
