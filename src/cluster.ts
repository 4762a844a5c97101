// `npm run cluster`: N API processes (ROLE=api) and M worker processes (ROLE=worker) of src/main.ts against
// one PostgreSQL, on one port. Node's cluster module shares the listening socket: on Linux the primary
// accepts connections and hands them to the API processes round-robin, so no proxy of ours sits between.
// The primary starts the embedded PostgreSQL once (without DATABASE_URL), migrates and loads the demo data
// once, restarts any process that dies (crash or SIGKILL), and on SIGTERM/SIGINT stops them all, then the
// database. Sessions, rate limits, idempotency keys and jobs live in PostgreSQL, so they hold across
// processes; pg-boss gives each job to one worker. Production runs the same roles under a process manager
// or containers (docker-compose.yml) behind HAProxy.
import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { createPool } from './db/pool.js';
import { createBoss } from './db/queue.js';
import { createFieldCipher } from './identity/crypto.js';
import { createLogger } from './logger.js';
import { seedDemoData } from './sandbox/demo/index.js';
import { createQueues } from '../jobs/index.js';

type Role = 'api' | 'worker';

let config: Config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const log = createLogger(config.logLevel).child({ process: 'cluster' });

/** A process that dies this soon after its start is crash-looping: its restarts back off up to a minute. */
const CRASH_LOOP_MS = 5_000;
const roles = new Map<Worker, { role: Role; slot: number; startedAt: number; failures: number }>();
let stopping = false;
let embedded: EmbeddedDatabase | undefined;
let databaseUrl: string;

function fork(role: Role, slot: number, failures = 0) {
  // ROLE and the database are set per process; DEMO_DATA is loaded once, here, not by each process.
  const worker = cluster.fork({
    ROLE: role,
    DATABASE_URL: databaseUrl,
    DEMO_DATA: 'false',
    CLUSTER_SLOT: `${role}-${slot}`,
  });
  roles.set(worker, { role, slot, startedAt: Date.now(), failures });
  worker.once('online', () => log.info({ role, slot, pid: worker.process.pid }, 'process started'));
}

cluster.on('exit', (worker, code, signal) => {
  const entry = roles.get(worker);
  roles.delete(worker);
  if (!entry || stopping) return;
  const failures = Date.now() - entry.startedAt < CRASH_LOOP_MS ? entry.failures + 1 : 0;
  const delay = failures ? Math.min(60_000, 500 * 2 ** failures) : 200;
  log.warn(
    { role: entry.role, slot: entry.slot, pid: worker.process.pid, code, signal, restartInMs: delay },
    'process exited; restarting',
  );
  setTimeout(() => {
    if (!stopping) fork(entry.role, entry.slot, failures);
  }, delay).unref();
});

async function start() {
  if (!config.databaseUrl) {
    log.info({ dir: `${config.dataDir}/pg` }, 'no DATABASE_URL: starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dir: `${config.dataDir}/pg`,
      port: config.embeddedPgPort,
      onInfo: (m) => log.info(m),
    });
  }
  databaseUrl = config.databaseUrl ?? embedded!.url;
  await migrate(databaseUrl);
  // The queue's schema and queues once, here: several processes creating them at once deadlock in pg-boss.
  const boss = createBoss(databaseUrl, { schedule: false, supervise: false });
  boss.on('error', (err) => log.warn({ err }, 'queue error'));
  await boss.start();
  await createQueues(boss);
  await boss.stop({ graceful: false, close: true });
  if (config.demoData) {
    const db = createPool(databaseUrl, 2);
    await seedDemoData(db, createFieldCipher(config.encryptionKeys), {
      orgApiKey: config.sandboxOrgApiKey,
      consoleShowcase: true,
    });
    await db.end();
  }
  // The processes run src/main.ts (or dist/src/main.js) with this process's loader flags (tsx under npm).
  const main = fileURLToPath(new URL(`./main${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  cluster.setupPrimary({ exec: main });
  for (let i = 0; i < config.cluster.api; i++) fork('api', i);
  for (let i = 0; i < config.cluster.workers; i++) fork('worker', i);
  log.info(
    { api: config.cluster.api, workers: config.cluster.workers, url: config.publicUrl },
    `domhub cluster: ${config.cluster.api} API and ${config.cluster.workers} worker processes on ${config.publicUrl}`,
  );
}

async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping every process');
  const timer = setTimeout(() => {
    for (const w of roles.keys()) w.process.kill('SIGKILL');
  }, config.shutdownTimeoutMs + 15_000);
  timer.unref();
  await Promise.all(
    [...roles.keys()].map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.isDead()) return resolve();
          w.once('exit', () => resolve());
          w.process.kill('SIGTERM');
        }),
    ),
  );
  await embedded?.stop().catch((err: unknown) => log.warn({ err }, 'error while stopping PostgreSQL'));
  log.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

start().catch(async (err: unknown) => {
  log.fatal({ err }, `cluster failed to start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  stopping = true;
  for (const w of roles.keys()) w.process.kill('SIGTERM');
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
