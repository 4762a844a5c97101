import type { Db } from '../db/pool.js';

export async function insertLoginFlow(
  db: Db,
  f: {
    stateHash: string;
    browserHash: string;
    nonce: string;
    codeVerifier: string;
    returnTo: string;
    ttlMinutes: number;
  },
) {
  await db.query(
    `INSERT INTO login_flows (state_hash, browser_hash, nonce, code_verifier, return_to, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
    [f.stateHash, f.browserHash, f.nonce, f.codeVerifier, f.returnTo, f.ttlMinutes],
  );
}

/**
 * Takes the flow for this state and browser, once: a second callback with the same state (a
 * replay) or a state begun in another browser finds nothing.
 */
export async function consumeLoginFlow(db: Db, stateHash: string, browserHash: string) {
  const { rows } = await db.query<{ nonce: string; code_verifier: string; return_to: string }>(
    `UPDATE login_flows SET consumed_at = now()
      WHERE state_hash = $1 AND browser_hash = $2 AND consumed_at IS NULL AND expires_at > now()
     RETURNING nonce, code_verifier, return_to`,
    [stateHash, browserHash],
  );
  return rows[0];
}
