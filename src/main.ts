// Process entry: config → database (URL or embedded) → migrate → queue → compose → app → listen.
import v8 from 'node:v8';
import { ConfigError, loadConfig, type Config } from './config.js';
import { EmbeddedStartError, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { createPool } from './db/pool.js';
import { createBoss } from './db/queue.js';
import { composeDeps } from './compose.js';
import { createFieldCipher } from './identity/crypto.js';
import { createLogger } from './logger.js';
import { buildApp } from './app.js';
import { createQueues, scheduleJobs, startWorkers } from '../jobs/index.js';
import { seedDemoData } from './sandbox/demo/index.js';

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

// In a process that runs the queue workers (ROLE worker or all), the old generation may grow by half of
// what a full GC leaves before the next one (V8 lets it grow up to fourfold). File imports (the imports.run
// job) parse spreadsheets that allocate fast and briefly (exceljs: some 16 KB a row); enough of it lives past
// two scavenges to be promoted, and with the default growth a 100,000-row XLSX import left ~150 MB of such
// garbage in the old generation before a full GC (issue 15: RSS growth ~200 MiB before, ~100 MiB with this;
// docs/performance.md). The cost is two to three times as many full GCs: an API-only process (ROLE=api),
// which parses no whole spreadsheet, keeps V8's default, since there that cost fell on every request
// (issue 14: ~10 % more CPU per resident read).
if (config.role !== 'api') v8.setFlagsFromString('--heap-growing-percent=50');

const log = createLogger(config.logLevel, { pretty: config.env === 'development' && process.stdout.isTTY });
const stops: (() => Promise<unknown>)[] = [];
/** What start is doing, so that a failure says where it happened. */
let phase = 'configuration';

async function start() {
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    phase = 'embedded PostgreSQL';
    log.info({ dir: `${config.dataDir}/pg` }, 'no DATABASE_URL: starting embedded PostgreSQL');
    embedded = await startEmbeddedPostgres({
      dir: `${config.dataDir}/pg`,
      port: config.embeddedPgPort,
      onInfo: (message) => log.info(message),
    });
    stops.unshift(() => embedded!.stop());
    log.info({ url: embedded.url.replace(/:[^:@/]+@/, ':***@'), dir: embedded.dataDir }, 'embedded PostgreSQL is up');
  }
  const databaseUrl = config.databaseUrl ?? embedded!.url;

  phase = 'database migrations';
  const applied = await migrate(databaseUrl, (msg) => log.debug(msg));
  if (applied.length) log.info({ applied }, 'migrations applied');

  phase = 'job queue';
  const db = createPool(databaseUrl, config.dbPoolMax);
  stops.unshift(() => db.end());
  const runsWorkers = config.role !== 'api';
  const boss = createBoss(databaseUrl, { schedule: runsWorkers, supervise: runsWorkers });
  boss.on('error', (err) => log.warn({ err }, 'queue error'));
  await boss.start();
  stops.unshift(() => boss.stop({ graceful: true, timeout: config.shutdownTimeoutMs, close: true }));
  await createQueues(boss);

  phase = 'adapters';
  const deps = await composeDeps({ config, db, boss, log });

  if (config.demoData) {
    phase = 'demo data';
    await seedDemoData(db, createFieldCipher(config.encryptionKeys), {
      orgApiKey: config.sandboxOrgApiKey,
      consoleShowcase: true,
    });
    log.info('demo data loaded');
  }

  if (runsWorkers) {
    phase = 'queue workers';
    await scheduleJobs(boss);
    await startWorkers(boss, deps);
    log.info('queue workers started');
  }
  if (config.role !== 'worker') {
    phase = 'HTTP server';
    const app = await buildApp(deps);
    // Closing the app first stops new requests and waits for those in flight.
    stops.unshift(() => app.close());
    await app.listen({ host: config.host, port: config.port });
    log.info(
      {
        api: config.publicUrl,
        docs: `${config.publicUrl}/docs`,
        sandbox: config.sandbox ? `${config.publicUrl}/sandbox` : undefined,
      },
      `domhub listening on ${config.publicUrl} (docs at ${config.publicUrl}/docs)`,
    );
  }
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  const timer = setTimeout(() => {
    log.error('shutdown timed out');
    process.exit(1);
  }, config.shutdownTimeoutMs + 15_000);
  timer.unref();
  for (const stop of stops) {
    await stop().catch((err) => log.warn({ err }, 'error while stopping'));
  }
  log.info('stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

start().catch(async (err: unknown) => {
  // One line with the cause; the stack only for the unexpected.
  if (err instanceof EmbeddedStartError) log.fatal(`failed to start (${phase}): ${err.message}`);
  else log.fatal({ err }, `failed to start (${phase}): ${startFailureCause(err)}`);
  for (const stop of stops) await stop().catch(() => undefined);
  process.exit(1);
});

function startFailureCause(err: unknown): string {
  if (!(err instanceof Error)) return `an error without details (${String(err)})`;
  const { code, address, port } = err as NodeJS.ErrnoException & { address?: string; port?: number };
  if (code === 'EADDRINUSE') {
    return `port ${port ?? config.port} on ${address ?? config.host} is in use; set PORT to a free one`;
  }
  if (code === 'ECONNREFUSED') return `the database at ${address}:${port} refuses connections (${err.message})`;
  const first = err.message.split('\n')[0] || err.name;
  return code ? `${first} (${code})` : first;
}
