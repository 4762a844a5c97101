import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { ESIA_PATHS, esiaSecretString, esiaTimestamp, type EsiaSignatureMode } from '../../contracts/esia.js';
import { IdentityError, type IdentityProvider, type Signer } from '../../contracts/identity.js';
import { createEsiaTokenVerifier } from './id-token.js';
import { mapEsiaPerson, type EsiaContacts, type EsiaPerson } from './person.js';

export interface EsiaOptions {
  /** The provider's base URL (https://esia.gosuslugi.ru, the test host, or the sandbox). */
  baseUrl: string;
  /** Base of the REST API (/rs/prns/…); baseUrl when not set. */
  apiUrl?: string;
  /** The `iss` the provider writes into its tokens. */
  tokenIssuer: string;
  /** The provider's certificate (PEM or DER) that verifies its tokens. */
  providerCertificate: string | Buffer;
  /** Fixed endpoint paths; the defaults of the mode. */
  paths?: { authorize?: string; token?: string; logout?: string };
  clientId: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scopes: string;
  scopeOrg?: string;
  mode: EsiaSignatureMode;
  signer: Signer;
  /** Pass the caller's login_hint on (the sandbox's scripted sign-in; ESIA defines no such parameter). */
  passLoginHint?: boolean;
  clockSkewSeconds?: number;
  clockToleranceSeconds?: number;
  /** The UTC offset written into `timestamp` (ESIA accepts any; Moscow is +180). */
  timestampOffsetMinutes?: number;
  timeoutMs?: number;
}

interface TokenAnswer {
  access_token?: string;
  id_token?: string;
  state?: string;
  error?: string;
  error_description?: string;
}

/**
 * The ESIA relying party as the method guide describes the authorization-code flow: fixed endpoints, the
 * request parameters the guide defines and no others (no nonce, no PKCE: public clients that work against
 * the real provider send neither), `client_secret` signed over the guide's string on both steps, the state
 * of the token request checked in its answer, and the ID token verified by its `alg` against the provider's
 * certificate with ESIA's issuer and our client id as audience. Logout is `idp/ext/Logout`.
 */
export function createEsiaIdentityProvider(o: EsiaOptions): IdentityProvider {
  const base = o.baseUrl.replace(/\/$/, '');
  const api = (o.apiUrl ?? o.baseUrl).replace(/\/$/, '');
  const paths = { ...ESIA_PATHS[o.mode], logout: ESIA_PATHS.logout, ...o.paths };
  const verifyToken = createEsiaTokenVerifier(o.providerCertificate);
  const offset = o.timestampOffsetMinutes ?? 180;
  const timeout = o.timeoutMs ?? 10_000;

  /** timestamp, client_secret (and client_certificate_hash in v2) over the guide's string for this state. */
  async function signed(state: string, code?: string) {
    const timestamp = esiaTimestamp(new Date(), offset);
    const content = esiaSecretString(o.mode, {
      clientId: o.clientId,
      scope: o.scopes,
      scopeOrg: o.scopeOrg,
      timestamp,
      state,
      redirectUri: o.redirectUri,
      code,
    });
    const params: Record<string, string> = { timestamp, client_secret: await o.signer.sign(content) };
    if (o.mode === 'v2') params.client_certificate_hash = await o.signer.certificateHash();
    if (o.scopeOrg) params.scope_org = o.scopeOrg;
    return params;
  }

  async function call(url: string, init: Parameters<typeof request>[1]) {
    try {
      const res = await request(url, { ...init, headersTimeout: timeout, bodyTimeout: timeout });
      const text = await res.body.text();
      return { status: res.statusCode, text };
    } catch (err) {
      throw new IdentityError('unavailable', 'The identity provider cannot be reached', undefined, { cause: err });
    }
  }

  return {
    name: 'esia',

    async authorizationUrl(req) {
      const params = new URLSearchParams({
        client_id: o.clientId,
        redirect_uri: o.redirectUri,
        scope: o.scopes,
        response_type: 'code',
        state: req.state,
        access_type: 'online',
        ...(await signed(req.state)),
      });
      if (o.passLoginHint && req.loginHint) params.set('login_hint', req.loginHint);
      return `${base}${paths.authorize}?${params}`;
    },

    async completeLogin(callbackUrl, expected) {
      const query = new URL(callbackUrl).searchParams;
      if (query.get('error'))
        throw new IdentityError(
          'provider_refused',
          `The identity provider refused: ${query.get('error')}`,
          query.get('error')!,
        );
      if (query.get('state') !== expected.state)
        throw new IdentityError('token_invalid', 'The answer names another sign-in (state)');
      const code = query.get('code');
      if (!code)
        throw new IdentityError('provider_refused', 'The identity provider returned no code', 'invalid_request');
      // The token request has a state of its own, which the answer must echo.
      const state = randomUUID();
      const body = new URLSearchParams({
        client_id: o.clientId,
        code,
        grant_type: 'authorization_code',
        state,
        redirect_uri: o.redirectUri,
        scope: o.scopes,
        token_type: 'Bearer',
        ...(await signed(state, code)),
      });
      const res = await call(`${base}${paths.token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      });
      let answer: TokenAnswer;
      try {
        answer = JSON.parse(res.text) as TokenAnswer;
      } catch {
        throw new IdentityError('unavailable', `The token endpoint answered ${res.status} without JSON`);
      }
      if (answer.error)
        throw new IdentityError('provider_refused', `The identity provider refused: ${answer.error}`, answer.error);
      if (res.status !== 200 || !answer.access_token)
        throw new IdentityError('unavailable', `The token endpoint answered ${res.status}`);
      if (answer.state !== state)
        throw new IdentityError('token_invalid', 'The token answer names another request (state)');
      if (!answer.id_token) throw new IdentityError('token_invalid', 'The provider returned no ID token');
      const claims = await verifyToken(answer.id_token, {
        issuer: o.tokenIssuer,
        audience: o.clientId,
        clockSkewSeconds: o.clockSkewSeconds ?? 0,
        toleranceSeconds: o.clockToleranceSeconds ?? 30,
      });
      const subject = claims['urn:esia:sbj_id'] ?? claims.sub;
      if (subject === undefined || subject === null || subject === '')
        throw new IdentityError('token_invalid', 'The ID token names no subject (claim "sub")');
      return { subject: String(subject), idToken: answer.id_token, accessToken: answer.access_token };
    },

    async fetchPerson(accessToken, subject) {
      const get = async (path: string) => {
        const res = await call(`${api}${path}`, {
          method: 'GET',
          headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        });
        if (res.status !== 200) throw new IdentityError('unavailable', `The person endpoint answered ${res.status}`);
        return JSON.parse(res.text) as unknown;
      };
      const oid = encodeURIComponent(subject);
      const person = await get(`${ESIA_PATHS.person}/${oid}`);
      const contacts = await get(`${ESIA_PATHS.person}/${oid}/ctts?embed=(elements)`);
      try {
        return mapEsiaPerson(person as EsiaPerson, contacts as EsiaContacts);
      } catch (err) {
        throw new IdentityError('unavailable', 'The person data lacks required fields', undefined, { cause: err });
      }
    },

    async endSessionUrl() {
      // ESIA's logout takes the client id and where to come back; no ID token hint.
      return `${base}${paths.logout}?${new URLSearchParams({ client_id: o.clientId, redirect_url: o.postLogoutRedirectUri })}`;
    },
  };
}
