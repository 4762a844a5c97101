import type { SqlExecutor } from '../../../contracts/ports.js';

// The sandbox provider's state in PostgreSQL (sandbox_esia_store), so that a sign-in begun in one process
// ends in any other and a code is redeemed once: flows (uid), codes, provider sessions, access tokens.

export type StoreModel = 'flow' | 'code' | 'session' | 'access';

export async function putEntry(db: SqlExecutor, model: StoreModel, id: string, payload: object, ttlSeconds: number) {
  await db.query(
    `INSERT INTO sandbox_esia_store (model, id, payload, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4::int))
     ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, expires_at = EXCLUDED.expires_at, consumed_at = NULL`,
    [model, id, payload, ttlSeconds],
  );
}

/** A live entry (not expired, not consumed). */
export async function findEntry<T>(db: SqlExecutor, model: StoreModel, id: string): Promise<T | undefined> {
  const { rows } = await db.query(
    `SELECT payload FROM sandbox_esia_store WHERE model = $1 AND id = $2 AND expires_at > now() AND consumed_at IS NULL`,
    [model, id],
  );
  return rows[0]?.payload as T | undefined;
}

/** Takes a live entry once: of two concurrent takers (in any processes), one gets it. */
export async function takeEntry<T>(db: SqlExecutor, model: StoreModel, id: string): Promise<T | undefined> {
  const { rows } = await db.query(
    `UPDATE sandbox_esia_store SET consumed_at = now()
      WHERE model = $1 AND id = $2 AND expires_at > now() AND consumed_at IS NULL RETURNING payload`,
    [model, id],
  );
  return rows[0]?.payload as T | undefined;
}

export async function removeEntry(db: SqlExecutor, model: StoreModel, id: string) {
  await db.query(`DELETE FROM sandbox_esia_store WHERE model = $1 AND id = $2`, [model, id]);
}
