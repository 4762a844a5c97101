import type pg from 'pg';
import { withTransaction } from '../db/pool.js';
import { sha256hex } from '../identity/tokens.js';
import { badRequest, conflict, ruleViolated } from '../errors.js';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export function readIdempotencyKey(headers: Record<string, unknown>, required = true): string | undefined {
  const key = headers['idempotency-key'];
  if (typeof key === 'string' && /^[A-Za-z0-9_.:-]{8,128}$/.test(key)) return key;
  if (key !== undefined || required) {
    throw badRequest(
      'idempotency_key_invalid',
      'Idempotency-Key header must be 8–128 characters of A–Z, a–z, 0–9, _ . : -',
      [{ path: 'headers.idempotency-key', message: key === undefined ? 'required' : 'invalid format' }],
    );
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
      if (!prior || prior.status_code === null)
        throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key is still running');
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

/** A request body read as a stream: hashed as it is read, so the whole body is never held. */
export interface StreamedBody {
  /** Reads what is left of the body, for its hash only (a replayed request). */
  drain(): Promise<void>;
  /** The sha-256 of the whole body; valid once it has been read to the end. */
  digest(): string;
}

/**
 * `idempotent` for bodies too large to hold (imports): the claim is taken before the body is read,
 * the write reads it as it streams while the hash is computed over the raw bytes, and the claim row
 * then gets the hash and the answer. A retry with the same key reads its body for the hash only and
 * gets the first answer; a different body under the same key is refused.
 */
export async function idempotentStream<T>(
  pool: pg.Pool,
  claim: { scope: string; key: string },
  body: StreamedBody,
  write: (tx: pg.PoolClient) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  return withTransaction(pool, async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, '') ON CONFLICT DO NOTHING`,
      [claim.scope, claim.key],
    );
    if (!inserted.rowCount) {
      const { rows } = await tx.query<{ request_hash: string; status_code: number | null; response: T }>(
        `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [claim.scope, claim.key],
      );
      const prior = rows[0];
      if (!prior || prior.status_code === null) {
        throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key is still running');
      }
      await body.drain();
      if (prior.request_hash !== body.digest()) {
        throw ruleViolated('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
      }
      return { status: prior.status_code, body: prior.response, replayed: true };
    }
    const result = await write(tx);
    await body.drain(); // nothing left in practice: the write reads the body to its end
    await tx.query(
      `UPDATE idempotency_keys SET request_hash = $3, status_code = $4, response = $5 WHERE scope = $1 AND key = $2`,
      [claim.scope, claim.key, body.digest(), result.status, JSON.stringify(result.body)],
    );
    return { ...result, replayed: false };
  });
}
