import type { Db } from '../db/pool.js';

export interface QueueJobsRow {
  name: string;
  state: string;
  n: number;
}

/** pg-boss's jobs counted by queue and state. */
export async function countJobs(db: Db): Promise<QueueJobsRow[]> {
  const { rows } = await db.query<QueueJobsRow>(
    `SELECT name, state, count(*)::int AS n FROM pgboss.job GROUP BY name, state`,
  );
  return rows;
}
