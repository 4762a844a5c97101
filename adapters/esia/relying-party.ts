import { randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import { esiaSecretString, esiaTimestamp, type EsiaSignatureMode } from '../../contracts/esia.js';
import { IdentityError, type IdentityProvider, type Signer } from '../../contracts/identity.js';
import { mapEsiaPerson, type EsiaContacts, type EsiaPerson } from './person.js';

export interface EsiaOptions {
  /** The provider's issuer; its /.well-known/openid-configuration names the endpoints. */
  issuer: string;
  /** Base of the REST API (/rs/prns/…); the issuer when not set. */
  apiUrl?: string;
  clientId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scopes: string;
  scopeOrg?: string;
  mode: EsiaSignatureMode;
  signer: Signer;
  /** Our clock's offset from the provider's (openid-client clockSkew), seconds. */
  clockSkewSeconds?: number;
  /** Leeway for exp/nbf/iat, seconds. */
  clockToleranceSeconds?: number;
  /** The UTC offset written into `timestamp` (ESIA accepts any; Moscow is +180). */
  timestampOffsetMinutes?: number;
}

/**
 * The ESIA relying party on openid-client: authorization code with PKCE, state and nonce, plus what
 * ESIA adds — `timestamp`, a signed `client_secret` on both the authorize and the token request,
 * `client_certificate_hash` in the v2 mode. ID tokens are checked against the provider's JWKS.
 */
export function createEsiaIdentityProvider(o: EsiaOptions): IdentityProvider {
  const base = (o.apiUrl ?? o.issuer).replace(/\/$/, '');
  const offset = o.timestampOffsetMinutes ?? 180;
  let discovered: Promise<oidc.Configuration> | undefined;

  async function secretParams(state: string, redirectUri: string, code?: string) {
    const timestamp = esiaTimestamp(new Date(), offset);
    const parts = { clientId: o.clientId, scope: o.scopes, scopeOrg: o.scopeOrg, timestamp, state, redirectUri, code };
    const params: Record<string, string> = { timestamp, client_secret: await o.signer.sign(esiaSecretString(o.mode, parts)) };
    if (o.scopeOrg) params.scope_org = o.scopeOrg;
    if (o.mode === 'v2') params.client_certificate_hash = await o.signer.certificateHash();
    return params;
  }

  // ESIA's token request is authenticated by a fresh signature over the parameters and the code.
  const clientAuth: oidc.ClientAuth = async (_as, _client, body) => {
    const state = randomUUID();
    const params = await secretParams(state, body.get('redirect_uri') ?? o.redirectUri, body.get('code') ?? undefined);
    body.set('client_id', o.clientId);
    body.set('state', state);
    body.set('scope', o.scopes);
    body.set('token_type', 'Bearer');
    for (const [k, v] of Object.entries(params)) body.set(k, v);
  };

  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(o.issuer),
        o.clientId,
        {
          id_token_signed_response_alg: 'RS256',
          [oidc.clockSkew]: o.clockSkewSeconds ?? 0,
          [oidc.clockTolerance]: o.clockToleranceSeconds ?? 30,
        },
        clientAuth,
        {
          execute: [
            ...(new URL(o.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : []),
            // Verify the ID token's signature with the provider's JWKS even though it came from the token endpoint.
            oidc.enableNonRepudiationChecks,
          ],
        },
      )
      .catch((err: unknown) => {
        discovered = undefined; // try again on the next sign-in
        throw new IdentityError('unavailable', 'The identity provider cannot be reached', undefined, { cause: err });
      });
    return discovered;
  }

  return {
    name: 'esia',

    async authorizationUrl(request) {
      const config = await configuration();
      const params: Record<string, string> = {
        response_type: 'code',
        redirect_uri: o.redirectUri,
        scope: o.scopes,
        state: request.state,
        nonce: request.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(request.codeVerifier),
        code_challenge_method: 'S256',
        access_type: 'online',
        ...(await secretParams(request.state, o.redirectUri)),
      };
      if (request.loginHint) params.login_hint = request.loginHint;
      return oidc.buildAuthorizationUrl(config, params).href;
    },

    async completeLogin(callbackUrl, expected) {
      const config = await configuration();
      try {
        const tokens = await oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
          pkceCodeVerifier: expected.codeVerifier,
          expectedState: expected.state,
          expectedNonce: expected.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims || !tokens.id_token) throw new IdentityError('token_invalid', 'The provider returned no ID token');
        return {
          subject: String(claims['urn:esia:sbj_id'] ?? claims.sub),
          idToken: tokens.id_token,
          accessToken: tokens.access_token,
        };
      } catch (err) {
        throw translate(err);
      }
    },

    async fetchPerson(accessToken, subject) {
      const config = await configuration();
      const get = async (path: string) => {
        const res = await oidc
          .fetchProtectedResource(config, accessToken, new URL(`${base}${path}`), 'GET')
          .catch((err: unknown) => {
            throw new IdentityError('unavailable', 'The person endpoint cannot be reached', undefined, { cause: err });
          });
        if (!res.ok) throw new IdentityError('unavailable', `The person endpoint answered ${res.status}`);
        return res.json();
      };
      const oid = encodeURIComponent(subject);
      const person = await get(`/rs/prns/${oid}`);
      const contacts = await get(`/rs/prns/${oid}/ctts?embed=(elements)`);
      try {
        return mapEsiaPerson(person as EsiaPerson, contacts as EsiaContacts);
      } catch (err) {
        throw new IdentityError('unavailable', 'The person data lacks required fields', undefined, { cause: err });
      }
    },

    async endSessionUrl({ idToken }) {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      const params: Record<string, string> = { client_id: o.clientId, post_logout_redirect_uri: o.postLogoutRedirectUri };
      if (idToken) params.id_token_hint = idToken;
      return oidc.buildEndSessionUrl(config, params).href;
    },
  };
}

function translate(err: unknown): IdentityError {
  if (err instanceof IdentityError) return err;
  if (err instanceof oidc.AuthorizationResponseError || err instanceof oidc.ResponseBodyError) {
    return new IdentityError('provider_refused', `The identity provider refused: ${err.error}`, err.error, { cause: err });
  }
  if (err instanceof oidc.ClientError) {
    // ID token, state or response checks (signature, iss, aud, exp, nbf, iat, nonce); name the claim.
    const claim = claimOf(err);
    return new IdentityError('token_invalid', claim ? `${err.message} (claim "${claim}")` : err.message, undefined, { cause: err });
  }
  return new IdentityError('unavailable', 'The identity provider cannot be reached', undefined, { cause: err });
}

/** The JWT claim an oauth4webapi check failed on, from the error's cause chain. */
function claimOf(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && typeof e === 'object' && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const claim = (e as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
  }
  return undefined;
}
