import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createBoss } from '../../src/db/queue.js';
import { composeDeps } from '../../src/compose.js';
import type { AppDeps } from '../../src/deps.js';
import { createFieldCipher } from '../../src/identity/crypto.js';
import { insertSession } from '../../src/identity/sessions.repo.js';
import { createLogger } from '../../src/logger.js';
import { seedDemoData } from '../../src/sandbox/demo/index.js';
import { createQueues, startWorkers } from '../../jobs/index.js';
import type { Acquirer } from '../../contracts/acquiring.js';
import type { StateSystem } from '../../contracts/gis/ports.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  /** Base URL when started with `listen: true` (sandbox peers call back over real HTTP). */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database: pg-boss started (workers only with `workers: true`), demo data
 * seeded unless `seed: false`, and optionally listening on a free port.
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    seed?: boolean;
    workers?: boolean;
    listen?: boolean;
    label?: string;
    plugins?: FastifyPluginAsync<AppDeps>[];
    /** Default (compose.ts): the T-Bank-style adapter pointed at the sandbox bank of this app. */
    acquirer?: Acquirer;
    /** Another app's database (a second process on the same data); it is not dropped on close. */
    database?: TestDatabase;
    /** The app's logger (e.g. one writing to a buffer the test reads). */
    log?: AppDeps['log'];
    /** The state-system client, made from the app's config (e.g. pointed at its simulator); default: none. */
    stateSystem?: (config: Config) => StateSystem;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase(options.label));
  let port = 0;
  if (options.listen) port = await (await import('../../src/db/embedded.js')).freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SANDBOX: 'true',
    DATABASE_URL: database.url,
    PORT: String(port || 3000),
    PUBLIC_URL: `http://127.0.0.1:${port || 3000}`,
    ...options.env,
  });
  const boss = createBoss(database.url, { schedule: false, supervise: Boolean(options.workers) });
  boss.on('error', () => undefined);
  await boss.start();
  await createQueues(boss);
  const deps = await composeDeps(
    { config, db: database.pool, boss, log: options.log ?? createLogger(config.logLevel) },
    { acquirer: options.acquirer, stateSystem: options.stateSystem?.(config) ?? null },
  );
  if (options.seed !== false && !options.database)
    await seedDemoData(database.pool, createFieldCipher(config.encryptionKeys), { orgApiKey: config.sandboxOrgApiKey });
  if (options.workers) await startWorkers(boss, deps);
  const app = await buildApp(deps, options.plugins);
  if (options.listen) await app.listen({ host: '127.0.0.1', port });
  else await app.ready();
  return {
    app,
    deps,
    database,
    baseUrl: config.publicUrl,
    async close() {
      await app.close();
      await boss.stop({ graceful: false, close: true, timeout: 2000 }).catch(() => undefined);
      if (!options.database) await database.drop();
    },
  };
}

/** Signs a person in without the identity provider: the cookie and CSRF headers for inject(). */
export async function sessionHeaders(deps: AppDeps, personId: string) {
  const s = await insertSession(deps.db, personId, deps.config.session);
  return { cookie: `domhub_sid=${s.token}`, 'x-csrf-token': s.csrfToken };
}

/** Authorization header with a freshly issued API key of the organisation. */
export async function apiKeyHeaders(deps: AppDeps, organisationId: string, permissions: string[]) {
  const { insertApiKey } = await import('../../src/identity/api-clients.repo.js');
  const { key } = await insertApiKey(deps.db, { organisationId, name: 'test', permissions });
  return { authorization: `Bearer ${key}` };
}
