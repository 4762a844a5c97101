import { randomUUID } from 'node:crypto';
import { IdentityError, type IdentityProvider } from '../../contracts/identity.js';
import { withTransaction, type Pool, type Db } from '../db/pool.js';
import { AppError } from '../errors.js';
import { audit } from './audit.js';
import type { FieldCipher } from './crypto.js';
import { consumeLoginFlow, insertLoginFlow } from './login-flows.repo.js';
import { upsertPersonFromProvider } from './persons.repo.js';
import { insertSession, revokeSessionByToken, type SessionTimeouts } from './sessions.repo.js';
import { randomToken, sha256hex } from './tokens.js';

const FLOW_TTL_MINUTES = 10;

export const providerUnavailable = () =>
  new AppError(503, 'identity_provider_unavailable', 'Sign-in through the identity provider is not available');

/**
 * Begins a sign-in: fresh state (UUID v4, as ESIA requires), nonce and PKCE verifier, kept in the
 * database and bound to this browser by a second random token the caller puts in a cookie.
 */
export async function startLogin(db: Db, idp: IdentityProvider, input: { loginHint?: string; returnTo: string }) {
  const state = randomUUID();
  const nonce = randomToken(24);
  const codeVerifier = randomToken(48);
  const browserToken = randomToken(24);
  const url = await idp
    .authorizationUrl({ state, nonce, codeVerifier, loginHint: input.loginHint })
    .catch((err: unknown) => {
      throw asProblem(err);
    });
  await insertLoginFlow(db, {
    stateHash: sha256hex(state),
    browserHash: sha256hex(browserToken),
    nonce,
    codeVerifier,
    returnTo: input.returnTo,
    ttlMinutes: FLOW_TTL_MINUTES,
  });
  return { url, browserToken, ttlSeconds: FLOW_TTL_MINUTES * 60 };
}

export interface CallbackInput {
  query: Record<string, string | undefined>;
  /** The callback URL as the provider redirected to it (our public URL + the query string). */
  callbackUrl: string;
  browserToken?: string;
  ip?: string;
  userAgent?: string;
}

/**
 * Ends a sign-in: the flow is taken once, the provider's answer checked (code exchange, ID token,
 * nonce), the person's data fetched and stored, and a session created. Any failure leaves no session.
 */
export async function completeLogin(
  pool: Pool,
  idp: IdentityProvider,
  cipher: FieldCipher,
  timeouts: SessionTimeouts,
  input: CallbackInput,
) {
  const { state } = input.query;
  const flow =
    state && input.browserToken
      ? await consumeLoginFlow(pool, sha256hex(state), sha256hex(input.browserToken))
      : undefined;
  if (!flow) {
    throw new AppError(
      400,
      'login_state_invalid',
      'This sign-in is unknown, expired, already used or was begun in another browser; start again',
    );
  }
  try {
    if (input.query.error) {
      throw new IdentityError(
        'provider_refused',
        `The identity provider refused the sign-in: ${input.query.error}`,
        input.query.error,
      );
    }
    const result = await idp.completeLogin(input.callbackUrl, {
      state: state!,
      nonce: flow.nonce,
      codeVerifier: flow.code_verifier,
    });
    const person = await idp.fetchPerson(result.accessToken, result.subject);
    return await withTransaction(pool, async (tx) => {
      const personId = await upsertPersonFromProvider(tx, cipher, idp.name, result.subject, person);
      const session = await insertSession(tx, personId, timeouts, {
        ip: input.ip,
        userAgent: input.userAgent,
        data: { idToken: result.idToken },
      });
      await audit(tx, {
        actorType: 'person',
        actorId: personId,
        action: 'auth.sign_in',
        objectType: 'session',
        objectId: session.sessionId,
        ip: input.ip,
        details: { provider: idp.name },
      });
      return { session, returnTo: flow.return_to };
    });
  } catch (err) {
    const problem = asProblem(err);
    await audit(pool, {
      actorType: 'system',
      action: 'auth.sign_in_failed',
      ip: input.ip,
      details: { provider: idp.name, code: problem.code, providerError: (err as IdentityError).providerError ?? null },
    });
    throw problem;
  }
}

/** Ends the local session; returns where the browser should go to end the provider's session too. */
export async function logout(db: Db, idp: IdentityProvider | undefined, token: string | undefined, ip?: string) {
  const revoked = token ? await revokeSessionByToken(db, token) : undefined;
  if (!revoked) return { endSessionUrl: null };
  await audit(db, { actorType: 'person', actorId: revoked.person_id, action: 'auth.sign_out', ip });
  const idToken = typeof revoked.data.idToken === 'string' ? revoked.data.idToken : undefined;
  // A session signed in by password (no ID token) has no provider session to end.
  const endSessionUrl = idp && idToken ? await idp.endSessionUrl({ idToken }).catch(() => null) : null;
  return { endSessionUrl };
}

function asProblem(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (!(err instanceof IdentityError)) throw err;
  switch (err.reason) {
    case 'provider_refused':
      return new AppError(
        401,
        'login_refused',
        err.message,
        undefined,
        err.providerError ? { providerError: err.providerError } : undefined,
        { cause: err },
      );
    case 'token_invalid':
      return new AppError(
        401,
        'login_token_invalid',
        `The identity provider's answer failed verification: ${err.message}`,
        undefined,
        undefined,
        { cause: err },
      );
    default:
      return new AppError(502, 'identity_provider_unavailable', err.message, undefined, undefined, { cause: err });
  }
}
