import type { Db } from '../db/pool.js';

/** Whether pg-boss's schema is installed: answering at all also proves the database is up. */
export async function queueInstalled(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ queue: boolean }>(`SELECT to_regclass('pgboss.version') IS NOT NULL AS queue`);
  return rows[0]?.queue ?? false;
}
