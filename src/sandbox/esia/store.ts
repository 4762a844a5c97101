import type { AdapterPayload } from 'oidc-provider';
import type { SqlExecutor } from '../../../contracts/ports.js';

/**
 * oidc-provider's storage in PostgreSQL (sandbox_esia_store), so that an authorization code issued
 * by one process is redeemed, and consumed once, by any other.
 */
export function createPgProviderStore(db: SqlExecutor) {
  return class PgProviderStore {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number) {
      await db.query(
        `INSERT INTO sandbox_esia_store (model, id, payload, grant_id, user_code, uid, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::int IS NULL THEN NULL ELSE now() + make_interval(secs => $7::int) END)
         ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
           user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        [this.model, id, payload, payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expiresIn ?? null],
      );
    }

    private async findBy(column: 'id' | 'user_code' | 'uid', value: string): Promise<AdapterPayload | undefined> {
      const { rows } = await db.query(
        `SELECT payload, extract(epoch FROM consumed_at)::bigint AS consumed FROM sandbox_esia_store
          WHERE model = $1 AND ${column} = $2 AND (expires_at IS NULL OR expires_at > now())`,
        [this.model, value],
      );
      const r = rows[0];
      if (!r) return undefined;
      return r.consumed ? { ...r.payload, consumed: Number(r.consumed) } : r.payload;
    }

    find(id: string) {
      return this.findBy('id', id);
    }
    findByUserCode(userCode: string) {
      return this.findBy('user_code', userCode);
    }
    findByUid(uid: string) {
      return this.findBy('uid', uid);
    }
    async consume(id: string) {
      await db.query(`UPDATE sandbox_esia_store SET consumed_at = now() WHERE model = $1 AND id = $2`, [this.model, id]);
    }
    async destroy(id: string) {
      await db.query(`DELETE FROM sandbox_esia_store WHERE model = $1 AND id = $2`, [this.model, id]);
    }
    async revokeByGrantId(grantId: string) {
      await db.query(`DELETE FROM sandbox_esia_store WHERE grant_id = $1`, [grantId]);
    }
  };
}
