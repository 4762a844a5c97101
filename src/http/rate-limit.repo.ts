import type { SqlExecutor } from '../../contracts/ports.js';

/**
 * Counts a hit against `key` in a fixed window, starting a new window when the last one is over.
 * Returns the hits of the current window and the seconds until it resets.
 */
export async function countHit(
  db: SqlExecutor,
  key: string,
  windowSeconds: number,
): Promise<{ hits: number; resetIn: number }> {
  const { rows } = await db.query<{ hits: number; reset_in: number }>(
    `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
       window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
     RETURNING hits, ceil(extract(epoch FROM r.window_start + make_interval(secs => $2) - now()))::int AS reset_in`,
    [key, windowSeconds],
  );
  const { hits, reset_in: resetIn } = rows[0]!;
  return { hits, resetIn };
}

/** The hits of `key` in its current window, 0 when the window is over or none was started. */
export async function currentHits(db: SqlExecutor, key: string, windowSeconds: number): Promise<number> {
  const { rows } = await db.query<{ hits: number }>(
    `SELECT hits FROM rate_limits WHERE key = $1 AND window_start > now() - make_interval(secs => $2)`,
    [key, windowSeconds],
  );
  return rows[0]?.hits ?? 0;
}

export async function deleteWindow(db: SqlExecutor, key: string): Promise<void> {
  await db.query(`DELETE FROM rate_limits WHERE key = $1`, [key]);
}
