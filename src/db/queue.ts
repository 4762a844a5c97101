import PgBoss from 'pg-boss';
import type { Enqueue, SqlExecutor } from '../../contracts/ports.js';

export type Boss = PgBoss;

export function createBoss(
  connectionString: string,
  options: { schedule?: boolean; supervise?: boolean } = {},
): PgBoss {
  return new PgBoss({
    connectionString,
    schema: 'pgboss',
    max: 4,
    application_name: 'domhub-queue',
    schedule: options.schedule ?? true,
    supervise: options.supervise ?? true,
  });
}

/** Sends on the caller's executor (pool or transaction client), see contracts/ports.ts Enqueue. */
export function createEnqueue(boss: PgBoss): Enqueue {
  return (db: SqlExecutor, queue, payload, options = {}) =>
    boss.send(queue, payload, {
      ...options,
      db: { executeSql: (text: string, values: unknown[]) => db.query(text, values) },
    });
}
