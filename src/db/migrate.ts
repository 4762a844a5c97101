import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies pending SQL migrations in one transaction. node-pg-migrate takes an advisory lock and
 * fails at once when another process holds it, so a process that starts beside another waits for
 * the lock here and then finds nothing left to apply.
 */
export async function migrate(databaseUrl: string, log: (msg: string) => void = () => undefined) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const applied = await runner({
        databaseUrl,
        dir: MIGRATIONS_DIR,
        direction: 'up',
        migrationsTable: 'schema_migrations',
        singleTransaction: true,
        checkOrder: true,
        log,
        logger: { debug: () => undefined, info: log, warn: log, error: log },
      });
      return applied.map((m) => m.name);
    } catch (err) {
      if (!/Another migration is already running/.test(String(err)) || Date.now() > deadline) throw err;
      await sleep(250);
    }
  }
}
