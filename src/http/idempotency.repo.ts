import type { Db } from '../db/pool.js';

/** A stored claim: the request's hash and, once the write committed, its answer (the body it stored). */
export interface IdempotencyKeyRow<T = unknown> {
  request_hash: string;
  status_code: number | null;
  response: T;
}

/** Takes the claim on (scope, key); false when a claim exists (a retry, or a duplicate still running). */
export async function claimKey(tx: Db, scope: string, key: string, requestHash: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [scope, key, requestHash],
  );
  return Boolean(rowCount);
}

/** The claim on (scope, key), after the claim's transaction committed (the insert above waited for it). */
export async function findKey<T>(tx: Db, scope: string, key: string): Promise<IdempotencyKeyRow<T> | undefined> {
  const { rows } = await tx.query<IdempotencyKeyRow<T>>(
    `SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
    [scope, key],
  );
  return rows[0];
}

/** Stores the answer (and the request's hash when it was known only after reading the body). */
export async function storeAnswer(
  tx: Db,
  claim: { scope: string; key: string; requestHash?: string },
  answer: { status: number; body: unknown },
): Promise<void> {
  await tx.query(
    `UPDATE idempotency_keys SET request_hash = coalesce($3, request_hash), status_code = $4, response = $5
      WHERE scope = $1 AND key = $2`,
    [claim.scope, claim.key, claim.requestHash ?? null, answer.status, JSON.stringify(answer.body)],
  );
}
