import type { SqlExecutor } from '../../contracts/ports.js';
import { tooManyRequests } from '../errors.js';

export interface RateRule {
  /** How many hits the window allows. */
  limit: number;
  windowSeconds: number;
}

/**
 * Counts a hit against `key` in a fixed window kept in PostgreSQL, so the limit holds across all
 * processes. Returns whether the hit is within the limit and when the window resets.
 */
export async function hit(db: SqlExecutor, key: string, rule: RateRule) {
  const { rows } = await db.query(
    `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, now(), 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE r.hits + 1 END,
       window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now() ELSE r.window_start END
     RETURNING hits, ceil(extract(epoch FROM r.window_start + make_interval(secs => $2) - now()))::int AS reset_in`,
    [key, rule.windowSeconds],
  );
  const { hits, reset_in: resetIn } = rows[0];
  return { allowed: hits <= rule.limit, hits: hits as number, retryAfter: Math.max(1, resetIn as number) };
}

/** Throws a 429 problem (with Retry-After) when `key` is over its limit. */
export async function enforce(
  db: SqlExecutor,
  key: string,
  rule: RateRule,
  message = 'Too many requests; try again later',
) {
  const r = await hit(db, key, rule);
  if (!r.allowed) throw tooManyRequests(message, r.retryAfter);
  return r;
}

/** How many hits `key` has in its current window, without counting one. */
export async function peek(db: SqlExecutor, key: string, rule: RateRule): Promise<number> {
  const { rows } = await db.query(
    `SELECT hits FROM rate_limits WHERE key = $1 AND window_start > now() - make_interval(secs => $2)`,
    [key, rule.windowSeconds],
  );
  return rows[0]?.hits ?? 0;
}

export async function reset(db: SqlExecutor, key: string) {
  await db.query(`DELETE FROM rate_limits WHERE key = $1`, [key]);
}
