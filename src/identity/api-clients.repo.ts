import { randomToken, safeEqualHex, sha256hex } from './tokens.js';
import type { Db } from '../db/pool.js';

export interface ApiClientPrincipal {
  clientId: string;
  organisationId: string;
  permissions: string[];
}

// Key format `dh_<prefix>_<secret>`: the prefix finds the row, only the secret's hash is stored.
const KEY_PATTERN = /^dh_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,})$/;

export function splitKey(key: string) {
  const m = KEY_PATTERN.exec(key);
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}

/** Issues a key; the plain key is returned once and cannot be read back. */
export async function insertApiKey(
  db: Db,
  input: {
    organisationId: string;
    name: string;
    permissions: string[];
    kind?: 'api_key' | 'oauth_client';
    plainKey?: string;
  },
) {
  const key =
    input.plainKey ??
    `dh_${randomToken(9)
      .replace(/[^A-Za-z0-9]/g, 'x')
      .slice(0, 12)}_${randomToken(32)}`;
  const parts = splitKey(key);
  if (!parts) throw new Error('API key does not have the dh_<prefix>_<secret> form');
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO api_clients (organisation_id, kind, name, key_prefix, secret_hash, permissions)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (key_prefix) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, permissions = EXCLUDED.permissions, revoked_at = NULL
     RETURNING id`,
    [
      input.organisationId,
      input.kind ?? 'api_key',
      input.name,
      parts.prefix,
      sha256hex(parts.secret),
      input.permissions,
    ],
  );
  return { id: rows[0]!.id, key };
}

export async function findApiClientByKey(db: Db, key: string): Promise<ApiClientPrincipal | null> {
  return findClient(db, 'api_key', key);
}

/** An OAuth client (client-credentials grant) whose client_id is `dh_<prefix>` and secret the rest of its key. */
export async function findOauthClient(
  db: Db,
  clientId: string,
  clientSecret: string,
): Promise<ApiClientPrincipal | null> {
  return findClient(db, 'oauth_client', `${clientId}_${clientSecret}`);
}

/**
 * The client whose key this is. `last_used_at` is written only after the secret matched (a wrong secret
 * for a known prefix changes nothing) and at most once a minute, so a busy integration's requests stay reads.
 */
async function findClient(db: Db, kind: 'api_key' | 'oauth_client', key: string): Promise<ApiClientPrincipal | null> {
  const parts = splitKey(key);
  if (!parts) return null;
  const { rows } = await db.query<{
    id: string;
    organisation_id: string;
    permissions: string[];
    secret_hash: string;
    stale: boolean;
  }>(
    `SELECT id, organisation_id, permissions, secret_hash, last_used_at < now() - interval '1 minute' OR last_used_at IS NULL AS stale
       FROM api_clients WHERE key_prefix = $1 AND kind = $2 AND revoked_at IS NULL`,
    [parts.prefix, kind],
  );
  const r = rows[0];
  if (!r || !safeEqualHex(r.secret_hash, sha256hex(parts.secret))) return null;
  if (r.stale) await db.query(`UPDATE api_clients SET last_used_at = now() WHERE id = $1`, [r.id]);
  return { clientId: r.id, organisationId: r.organisation_id, permissions: r.permissions };
}

/** Stores a client-credentials access token (its hash) and returns the token. */
export async function insertAccessToken(db: Db, clientId: string, permissions: string[], ttlSeconds: number) {
  const token = `dhat_${randomToken(32)}`;
  await db.query(
    `INSERT INTO oauth_access_tokens (token_hash, client_id, permissions, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [sha256hex(token), clientId, permissions, ttlSeconds],
  );
  return token;
}

/** A live access token of a client that is not revoked. */
export async function findClientByAccessToken(db: Db, token: string): Promise<ApiClientPrincipal | null> {
  const { rows } = await db.query<{ id: string; organisation_id: string; permissions: string[] }>(
    `SELECT c.id, c.organisation_id, t.permissions FROM oauth_access_tokens t JOIN api_clients c ON c.id = t.client_id
      WHERE t.token_hash = $1 AND t.expires_at > now() AND c.revoked_at IS NULL`,
    [sha256hex(token)],
  );
  const r = rows[0];
  return r ? { clientId: r.id, organisationId: r.organisation_id, permissions: r.permissions } : null;
}

export interface ApiClientRow {
  id: string;
  kind: 'api_key' | 'oauth_client';
  name: string;
  key_prefix: string;
  permissions: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export async function listApiClients(db: Db, organisationId: string): Promise<ApiClientRow[]> {
  const { rows } = await db.query<ApiClientRow>(
    `SELECT id, kind, name, key_prefix, permissions, created_at, last_used_at, revoked_at FROM api_clients
      WHERE organisation_id = $1 ORDER BY created_at DESC, id`,
    [organisationId],
  );
  return rows;
}

export async function revokeApiClient(db: Db, organisationId: string, id: string) {
  const { rowCount } = await db.query(
    `UPDATE api_clients SET revoked_at = now() WHERE id = $1 AND organisation_id = $2 AND revoked_at IS NULL`,
    [id, organisationId],
  );
  return (rowCount ?? 0) > 0;
}
