import type { SqlExecutor } from '../../contracts/ports.js';
import { randomToken, safeEqualHex, sha256hex } from './tokens.js';

export interface ApiClientPrincipal {
  clientId: string;
  organisationId: string;
  scopes: string[];
}

// Key format `dh_<prefix>_<secret>`: the prefix finds the row, only the secret's hash is stored.
const KEY_PATTERN = /^dh_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,})$/;

export function splitKey(key: string) {
  const m = KEY_PATTERN.exec(key);
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}

/** Issues a key; the plain key is returned once and cannot be read back. */
export async function insertApiKey(
  db: SqlExecutor,
  input: { organisationId: string; name: string; scopes: string[]; kind?: 'api_key' | 'oauth_client'; plainKey?: string },
) {
  const key = input.plainKey ?? `dh_${randomToken(9).replace(/[^A-Za-z0-9]/g, 'x').slice(0, 12)}_${randomToken(32)}`;
  const parts = splitKey(key);
  if (!parts) throw new Error('API key does not have the dh_<prefix>_<secret> form');
  const { rows } = await db.query(
    `INSERT INTO api_clients (organisation_id, kind, name, key_prefix, secret_hash, scopes)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (key_prefix) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, scopes = EXCLUDED.scopes, revoked_at = NULL
     RETURNING id`,
    [input.organisationId, input.kind ?? 'api_key', input.name, parts.prefix, sha256hex(parts.secret), input.scopes],
  );
  return { id: rows[0].id as string, key };
}

export async function findApiClientByKey(db: SqlExecutor, key: string): Promise<ApiClientPrincipal | null> {
  const parts = splitKey(key);
  if (!parts) return null;
  const { rows } = await db.query(
    `UPDATE api_clients SET last_used_at = now()
      WHERE key_prefix = $1 AND revoked_at IS NULL
     RETURNING id, organisation_id, scopes, secret_hash`,
    [parts.prefix],
  );
  const r = rows[0];
  if (!r || !safeEqualHex(r.secret_hash, sha256hex(parts.secret))) return null;
  return { clientId: r.id, organisationId: r.organisation_id, scopes: r.scopes };
}

export async function revokeApiClient(db: SqlExecutor, organisationId: string, id: string) {
  const { rowCount } = await db.query(
    `UPDATE api_clients SET revoked_at = now() WHERE id = $1 AND organisation_id = $2 AND revoked_at IS NULL`,
    [id, organisationId],
  );
  return (rowCount ?? 0) > 0;
}
