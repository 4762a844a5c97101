import type pg from 'pg';
import { withTransaction } from '../db/pool.js';
import { sha256hex } from '../identity/tokens.js';
import { badRequest, conflict, ruleViolated } from './errors.js';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export function readIdempotencyKey(headers: Record<string, unknown>, required = true): string | undefined {
  const key = headers['idempotency-key'];
  if (typeof key === 'string' && /^[A-Za-z0-9_.:-]{8,128}$/.test(key)) return key;
  if (key !== undefined || required) {
    throw badRequest('idempotency_key_invalid', 'Idempotency-Key header must be 8–128 characters of A–Z, a–z, 0–9, _ . : -', [
      { path: 'headers.idempotency-key', message: key === undefined ? 'required' : 'invalid format' },
    ]);
  }
  return undefined;
}

/**
 * Runs a write once per (scope, key): the claim row, the write and the stored answer commit together,
 * so a retry gets the first answer and a concurrent duplicate waits on the claim and then gets it too.
 * The same key with a different request body is refused.
 */
export async function idempotent<T>(
  pool: pg.Pool,
  claim: { scope: string; key: string; request: unknown },
  write: (tx: pg.PoolClient) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const requestHash = sha256hex(JSON.stringify(claim.request ?? null));
  return withTransaction(pool, async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [claim.scope, claim.key, requestHash],
    );
    if (!inserted.rowCount) {
      const { rows } = await tx.query(
        `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [claim.scope, claim.key],
      );
      const prior = rows[0];
      if (!prior || prior.status_code === null) throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key is still running');
      if (prior.request_hash !== requestHash) {
        throw ruleViolated('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
      }
      return { status: prior.status_code, body: prior.response as T, replayed: true };
    }
    const result = await write(tx);
    await tx.query(`UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE scope = $1 AND key = $2`, [
      claim.scope,
      claim.key,
      result.status,
      JSON.stringify(result.body),
    ]);
    return { ...result, replayed: false };
  });
}
