import type pg from 'pg';
import { withTransaction } from '../db/pool.js';
import { badRequest, conflict, ruleViolated } from '../errors.js';
import { sha256hex } from '../hash.js';
import { claimKey, findKey, storeAnswer } from './idempotency.repo.js';

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
 * The same key with a different request body is refused. Without a key (an optional Idempotency-Key
 * header left out) the write simply runs in its own transaction.
 */
export async function idempotent<T>(
  pool: pg.Pool,
  claim: { scope: string; key: string | undefined; request: unknown },
  write: (tx: pg.PoolClient) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  const { key } = claim;
  if (key === undefined) return { ...(await withTransaction(pool, write)), replayed: false };
  const requestHash = sha256hex(JSON.stringify(claim.request ?? null));
  return withTransaction(pool, async (tx) => {
    if (!(await claimKey(tx, claim.scope, key, requestHash))) {
      const prior = await findKey<T>(tx, claim.scope, key);
      if (!prior || prior.status_code === null)
        throw conflict('idempotency_in_progress', 'A request with this Idempotency-Key is still running');
      if (prior.request_hash !== requestHash) {
        throw ruleViolated('idempotency_key_reused', 'This Idempotency-Key was used for a different request');
      }
      return { status: prior.status_code, body: prior.response, replayed: true };
    }
    const result = await write(tx);
    await storeAnswer(tx, { scope: claim.scope, key }, result);
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
    // The hash is known only once the body has been read: the claim starts with an empty one.
    if (!(await claimKey(tx, claim.scope, claim.key, ''))) {
      const prior = await findKey<T>(tx, claim.scope, claim.key);
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
    await storeAnswer(tx, { ...claim, requestHash: body.digest() }, result);
    return { ...result, replayed: false };
  });
}
