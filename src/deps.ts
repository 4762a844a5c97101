import { AcquirerUnavailableError, type Acquirer } from '../contracts/acquiring.js';
import type { IdentityProvider } from '../contracts/identity.js';
import type { DebtCertificates } from '../contracts/debt-certificates.js';
import type { Enqueue, FileStore, Mailer } from '../contracts/ports.js';
import type { StateSystem } from '../contracts/gis/ports.js';
import type { Config } from './config.js';
import { createEnqueue, type Boss } from './db/queue.js';
import { createPgFileStore } from './files/pg-file-store.js';
import { createDebtCertificates } from './billing/debt-certificates.js';
import { createNotifier, type Notifier } from './notify/notifier.js';
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
  /** The acquiring bank (main.ts wires the T-Bank-style adapter, pointed at the sandbox bank in sandbox mode). */
  acquirer: Acquirer;
  /** Resident sign-in (ESIA relying party); absent when no provider is configured. */
  identity?: IdentityProvider;
  notifier: Notifier;
  /** Billing's debt certificates for appeals (absent only in tests that leave the organisation to answer). */
  debtCertificates?: DebtCertificates;
  /** The state-system client (adapters/gis), wired by main.ts; absent in processes that do not exchange. */
  stateSystem?: StateSystem;
}

/** Stands in when no bank is wired (e.g. rendering OpenAPI): every call fails as "bank unavailable". */
const noAcquirer: Acquirer = {
  provider: 'none',
  init: async () => {
    throw new AcquirerUnavailableError('no acquirer configured');
  },
  getState: async () => {
    throw new AcquirerUnavailableError('no acquirer configured');
  },
  cancel: async () => {
    throw new AcquirerUnavailableError('no acquirer configured');
  },
  verifyNotification: () => null,
};

/** The deps with the defaults of this process: PostgreSQL file store, sandbox outbox unless a mailer is given. */
export function assembleDeps(
  parts: Pick<AppDeps, 'config' | 'db' | 'log'> & {
    boss?: Boss;
    mailer?: Mailer;
    acquirer?: Acquirer;
    identity?: IdentityProvider;
    debtCertificates?: DebtCertificates;
    stateSystem?: StateSystem;
  },
): AppDeps {
  const enqueue: Enqueue = parts.boss ? createEnqueue(parts.boss) : async () => null;
  return {
    config: parts.config,
    db: parts.db,
    boss: parts.boss,
    log: parts.log,
    enqueue,
    mailer: parts.mailer ?? createOutboxMailer(parts.db),
    files: createPgFileStore(parts.db),
    acquirer: parts.acquirer ?? noAcquirer,
    identity: parts.identity,
    notifier: createNotifier(enqueue, { publicUrl: parts.config.publicUrl }),
    debtCertificates: parts.debtCertificates ?? createDebtCertificates(parts.db),
    stateSystem: parts.stateSystem,
  };
}
