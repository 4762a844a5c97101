import type { IdentityErrorCode } from '../../contracts/errors.js';
import type { Db } from '../db/pool.js';
import { AppError } from '../errors.js';
import {
  insertAccessToken,
  insertApiKey,
  revokeApiClient,
  splitKey,
  type ApiClientPrincipal,
} from './api-clients.repo.js';
import { audit } from './audit.js';
import type { Actor } from '../../contracts/actor.js';
import type { Permission } from '../../contracts/permissions.js';

/** Issues an API key or an OAuth client; the secret is in this answer only (only its hash is kept). */
export async function issueApiClient(
  tx: Db,
  actor: Actor,
  input: { name: string; kind: 'api_key' | 'oauth_client'; permissions: readonly Permission[] },
  ip?: string,
) {
  const permissions = [...new Set(input.permissions)];
  const { id, key } = await insertApiKey(tx, {
    organisationId: actor.organisationId,
    name: input.name,
    permissions,
    kind: input.kind,
  });
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'api_client.issued',
    objectType: 'api_client',
    objectId: id,
    organisationId: actor.organisationId,
    ip,
    details: { kind: input.kind, permissions, name: input.name },
  });
  return { id, key, permissions };
}

export async function revokeClient(tx: Db, actor: Actor, id: string, ip?: string) {
  const revoked = await revokeApiClient(tx, actor.organisationId, id);
  if (revoked) {
    await audit(tx, {
      actorType: actor.actorType,
      actorId: actor.actorId,
      action: 'api_client.revoked',
      objectType: 'api_client',
      objectId: id,
      organisationId: actor.organisationId,
      ip,
    });
  }
  return revoked;
}

/** OAuth 2.0 errors (RFC 6749 §5.2) as problems that also carry `error` and `error_description`. */
export function oauthError(status: number, error: IdentityErrorCode, description: string) {
  return new AppError(status, error, description, undefined, { error, error_description: description });
}

/** The client-credentials grant (RFC 6749 §4.4): a short-lived token for a subset of the client's permissions (the `scope` parameter names them). */
export async function grantClientCredentials(
  tx: Db,
  client: ApiClientPrincipal,
  requested: string | undefined,
  ttlSeconds: number,
) {
  const scopes = requested ? [...new Set(requested.split(' ').filter(Boolean))] : client.permissions;
  const extra = scopes.filter((s) => !client.permissions.includes(s));
  if (extra.length) throw oauthError(400, 'invalid_scope', `The client may not ask for: ${extra.join(' ')}`);
  const token = await insertAccessToken(tx, client.clientId, scopes, ttlSeconds);
  await audit(tx, {
    actorType: 'api_client',
    actorId: client.clientId,
    action: 'oauth.token_issued',
    objectType: 'api_client',
    objectId: client.clientId,
    organisationId: client.organisationId,
    details: { scopes },
  });
  return { access_token: token, token_type: 'Bearer' as const, expires_in: ttlSeconds, scope: scopes.join(' ') };
}

/** client_id and client_secret from HTTP Basic (RFC 6749 §2.3.1) or the form; both at once is refused. */
export function clientCredentials(
  authorization: string | undefined,
  body: { client_id?: string; client_secret?: string },
) {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '')?.[1];
  if (basic && body.client_secret) throw oauthError(400, 'invalid_request', 'Use one client authentication method');
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) throw oauthError(401, 'invalid_client', 'Malformed Basic credentials');
    return {
      clientId: decodeURIComponent(decoded.slice(0, i)),
      clientSecret: decodeURIComponent(decoded.slice(i + 1)),
    };
  }
  if (!body.client_id || !body.client_secret)
    throw oauthError(401, 'invalid_client', 'Client authentication is required');
  return { clientId: body.client_id, clientSecret: body.client_secret };
}

/** The client_id and client_secret of an oauth_client issued as `dh_<prefix>_<secret>`. */
export function splitOauthKey(key: string) {
  const parts = splitKey(key);
  if (!parts) throw new Error('not a client key');
  return { clientId: `dh_${parts.prefix}`, clientSecret: parts.secret };
}
