import type { SqlExecutor } from '../../contracts/ports.js';
import { tooManyRequests } from '../errors.js';
import { countHit, currentHits, deleteWindow } from './rate-limit.repo.js';

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
  const { hits, resetIn } = await countHit(db, key, rule.windowSeconds);
  return { allowed: hits <= rule.limit, hits, retryAfter: Math.max(1, resetIn) };
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
  return currentHits(db, key, rule.windowSeconds);
}

export async function reset(db: SqlExecutor, key: string) {
  await deleteWindow(db, key);
}
