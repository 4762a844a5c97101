// The one composition root: config → adapters and ports → AppDeps. main.ts, the tests' app helper, the
// benchmarks and the OpenAPI renderer all build their deps here, so they cannot drift apart. This file
// (with main.ts, cluster.ts and app.ts) is the only place that reaches src/sandbox/, and it does so only
// when the config says sandbox mode.
import type { FastifyBaseLogger } from 'fastify';
import { type Acquirer, AcquirerUnavailableError } from '../contracts/acquiring.js';
import type { DebtCertificates } from '../contracts/debt-certificates.js';
import type { StateSystem } from '../contracts/gis/ports.js';
import type { IdentityProvider } from '../contracts/identity.js';
import type { Enqueue, FileStore, Mailer } from '../contracts/ports.js';
import { createTBankAcquirer } from '../adapters/acquiring/tbank.js';
import { createEsiaFromConfig } from '../adapters/esia/index.js';
import { createStateSystem } from '../adapters/gis/index.js';
import { createSmtpMailer } from '../adapters/mail/smtp.js';
import { createDebtCertificates } from './billing/debt-certificates.js';
import type { Config } from './config.js';
import type { Pool } from './db/pool.js';
import { type Boss, createEnqueue } from './db/queue.js';
import type { AppDeps } from './deps.js';
import { createPgFileStore } from './files/pg-file-store.js';
import { createFieldCipher } from './identity/crypto.js';
import { loadProviderCertificate, loadSignerMaterial, type SandboxEsiaKeys } from './identity/signer-material.js';
import { createNotifier } from './notify/notifier.js';
import { loadSandboxEsiaSecrets } from './sandbox/esia/secrets.js';
import { createOutboxMailer } from './sandbox/outbox-mailer.js';
import { sandboxBankPassword } from './sandbox/secrets.js';

/** What the process has started before composing: the config, the database pool, the logger, the queue. */
export interface ComposeBase {
  config: Config;
  db: Pool;
  log: FastifyBaseLogger;
  /** The started queue; without it nothing is enqueued (rendering OpenAPI). */
  boss?: Boss;
}

/**
 * Ports given instead of the configured ones (tests, benchmarks). `null` leaves an optional port out:
 * `stateSystem: null` for a process that does not exchange with the state system.
 */
export interface PortOverrides {
  mailer?: Mailer;
  acquirer?: Acquirer;
  files?: FileStore;
  identity?: IdentityProvider | null;
  stateSystem?: StateSystem | null;
  debtCertificates?: DebtCertificates | null;
}

/** Builds the deps of this process from its config; each port can be overridden. */
export async function composeDeps(base: ComposeBase, overrides: PortOverrides = {}): Promise<AppDeps> {
  const { config, db, log, boss } = base;
  const enqueue: Enqueue = boss ? createEnqueue(boss) : async () => null;
  const pick = <T>(given: T | null | undefined, build: () => T | Promise<T>) =>
    given === null ? undefined : (given ?? build());
  return {
    config,
    db,
    boss,
    log,
    enqueue,
    mailer: overrides.mailer ?? composeMailer(config, db, log),
    files: overrides.files ?? createPgFileStore(db),
    acquirer: overrides.acquirer ?? (await composeAcquirer(config, db)),
    identity: await pick(overrides.identity, () => composeIdentity(config, db)),
    notifier: createNotifier(enqueue, { publicUrl: config.publicUrl }),
    debtCertificates: await pick(overrides.debtCertificates, () => createDebtCertificates(db)),
    stateSystem: await pick(overrides.stateSystem, () => composeStateSystem(config, log)),
  };
}

/**
 * SMTP when SMTP_URL is set; otherwise, in sandbox mode, the outbox shown at /sandbox/mail. Without
 * either (only outside production: config refuses production without SMTP_URL) mail is logged and dropped.
 */
function composeMailer(config: Config, db: Pool, log: FastifyBaseLogger): Mailer {
  if (config.smtpUrl) return createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom });
  if (config.sandbox) return createOutboxMailer(db);
  return {
    async send(message) {
      log.warn({ subject: message.subject }, 'no SMTP_URL: mail not sent');
    },
  };
}

/**
 * The T-Bank-style acquirer: the configured bank, or in sandbox mode the sandbox bank of this server with
 * the installation's password. Without either every call fails as "bank unavailable".
 */
async function composeAcquirer(config: Config, db: Pool): Promise<Acquirer> {
  const password = config.bank.password ?? (config.sandbox ? await sandboxBankPassword(db) : undefined);
  return password ? createTBankAcquirer({ ...config.bank, password }) : noAcquirer;
}

/** Resident sign-in (ESIA); when the provider is the sandbox's, the keys registered there fill in. */
async function composeIdentity(config: Config, db: Pool): Promise<IdentityProvider | undefined> {
  let secrets: ReturnType<typeof loadSandboxEsiaSecrets> | undefined;
  const sandboxKeys: SandboxEsiaKeys | undefined = config.esia.sandboxProvider
    ? () => (secrets ??= loadSandboxEsiaSecrets(db))
    : undefined;
  return createEsiaFromConfig(
    config.esia,
    await loadSignerMaterial(config, sandboxKeys),
    await loadProviderCertificate(config, sandboxKeys),
  );
}

/** The state-system client; payers' SNILS and document numbers stay encrypted until it renders a message. */
function composeStateSystem(config: Config, log: FastifyBaseLogger): StateSystem {
  return createStateSystem(
    { ...config.gis, dataDir: config.dataDir, decrypt: createFieldCipher(config.encryptionKeys).decrypt },
    (message) => log.warn(message),
  );
}

/** Stands in when no bank is configured: every call fails as "bank unavailable". */
const noAcquirer: Acquirer = {
  provider: 'none',
  refunds: false,
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
