import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { composeDeps } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { createPool } from '../../src/db/pool.js';
import { createBoss } from '../../src/db/queue.js';
import { createLogger } from '../../src/logger.js';

// Stops and restarts a real PostgreSQL under a running app: /readyz goes 200 → 503 → 200.
let dir: string;
let pgServer: EmbeddedDatabase | undefined;
afterAll(async () => {
  await pgServer?.stop().catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('/readyz', () => {
  it('follows the database going away and coming back', { timeout: 90_000 }, async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-ready-'));
    const port = await freePort();
    pgServer = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port });
    await migrate(pgServer.url);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SANDBOX: 'false', DATABASE_URL: pgServer.url });
    const db = createPool(pgServer.url, 4);
    const boss = createBoss(pgServer.url, { schedule: false, supervise: false });
    boss.on('error', () => undefined);
    await boss.start();
    const app = await buildApp(
      await composeDeps({ config, db, boss, log: createLogger('silent') }, { stateSystem: null }),
    );
    const ready = async () => (await app.inject({ method: 'GET', url: '/readyz' })).statusCode;

    expect(await ready()).toBe(200);
    await pgServer.stop();
    const down = await app.inject({ method: 'GET', url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ code: 'database_unavailable', status: 503 });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);

    pgServer = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), port });
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = await ready();
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    await app.close();
    await boss.stop({ graceful: false, close: true }).catch(() => undefined);
    await db.end();
  });
});
