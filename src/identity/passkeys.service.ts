import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Db } from '../db/pool.js';
import { AppError, conflict } from '../errors.js';
import { audit } from './audit.js';
import {
  consumeWebauthnChallenge,
  findPasskeyByCredential,
  insertPasskey,
  insertWebauthnChallenge,
  listPasskeys,
  markPasskeyUsed,
} from './passkeys.repo.js';
import { insertSession, type SessionTimeouts } from './sessions.repo.js';
import { randomToken, sha256hex } from './tokens.js';

// Passkeys (WebAuthn, https://www.w3.org/TR/webauthn-3/) through @simplewebauthn/server: the relying
// party is this site (PUBLIC_URL's host and origin); user verification is required, attestation is
// not asked for ('none'), credentials are discoverable so sign-in needs no e-mail.

const CHALLENGE_TTL_MINUTES = 5;

export interface RelyingParty {
  rpID: string;
  origin: string;
  rpName: string;
}

export const relyingParty = (publicUrl: string): RelyingParty => {
  const url = new URL(publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: 'Домхаб' };
};

const passkeyInvalid = (status = 400) =>
  new AppError(status, 'passkey_invalid', 'The passkey answer could not be verified; try again');

/** Options for navigator.credentials.create(), with the challenge kept for the person. */
export async function passkeyRegistrationOptions(
  tx: Db,
  rp: RelyingParty,
  person: { id: string; email: string | null; displayName: string },
) {
  const existing = await listPasskeys(tx, person.id);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: person.email ?? person.id,
    userDisplayName: person.displayName,
    userID: new TextEncoder().encode(person.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: p.credential_id,
      transports: p.transports as AuthenticatorTransportFuture[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  const challengeId = await insertWebauthnChallenge(tx, {
    kind: 'register',
    challenge: options.challenge,
    personId: person.id,
    ttlMinutes: CHALLENGE_TTL_MINUTES,
  });
  return { challengeId, options: { ...options } as Record<string, unknown> };
}

/** Verifies the authenticator's answer to a registration challenge and keeps the passkey. */
export async function registerPasskey(
  tx: Db,
  rp: RelyingParty,
  personId: string,
  input: { challengeId: string; name: string; response: RegistrationResponseJSON },
  ip?: string,
) {
  const challenge = await consumeWebauthnChallenge(tx, input.challengeId, 'register', { personId });
  if (!challenge) throw passkeyInvalid();
  const verification = await verifyRegistrationResponse({
    response: input.response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    requireUserVerification: true,
  }).catch(() => null);
  if (!verification?.verified || !verification.registrationInfo) throw passkeyInvalid();
  const { credential } = verification.registrationInfo;
  if (await findPasskeyByCredential(tx, credential.id))
    throw conflict('passkey_exists', 'This passkey is already registered');
  const row = await insertPasskey(tx, {
    credentialId: credential.id,
    personId,
    publicKey: Buffer.from(credential.publicKey),
    counter: credential.counter,
    transports: credential.transports ?? [],
    name: input.name,
  });
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'auth.passkey.added',
    objectType: 'passkey',
    objectId: row.id,
    ip,
  });
  return row;
}

/** Options for navigator.credentials.get(): any of the site's discoverable passkeys; bound to this browser. */
export async function passkeySignInOptions(tx: Db, rp: RelyingParty) {
  const options = await generateAuthenticationOptions({ rpID: rp.rpID, userVerification: 'required' });
  const browserToken = randomToken(24);
  const challengeId = await insertWebauthnChallenge(tx, {
    kind: 'authenticate',
    challenge: options.challenge,
    browserHash: sha256hex(browserToken),
    ttlMinutes: CHALLENGE_TTL_MINUTES,
  });
  return { challengeId, options: { ...options } as Record<string, unknown>, browserToken };
}

/**
 * Signs in with a passkey: the challenge is taken once (by the caller, before this transaction, so a
 * failed answer spends it too), the signature and counter checked, a session made.
 */
export async function signInWithPasskey(
  tx: Db,
  rp: RelyingParty,
  timeouts: SessionTimeouts,
  challenge: string | undefined,
  response: AuthenticationResponseJSON,
  client: { ip?: string; userAgent?: string },
) {
  const passkey = challenge ? await findPasskeyByCredential(tx, response.id) : undefined;
  if (!challenge || !passkey) throw passkeyInvalid(401);
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    requireUserVerification: true,
    credential: {
      id: passkey.credential_id,
      publicKey: new Uint8Array(passkey.public_key),
      counter: Number(passkey.counter),
      transports: passkey.transports as AuthenticatorTransportFuture[],
    },
  }).catch(() => null);
  if (!verification?.verified) throw passkeyInvalid(401);
  await markPasskeyUsed(tx, passkey.id, verification.authenticationInfo.newCounter);
  const session = await insertSession(tx, passkey.person_id, timeouts, { ...client, signInMethod: 'passkey' });
  await audit(tx, {
    actorType: 'person',
    actorId: passkey.person_id,
    action: 'auth.sign_in',
    objectType: 'session',
    objectId: session.sessionId,
    ip: client.ip,
    details: { provider: 'passkey', passkeyId: passkey.id },
  });
  return { personId: passkey.person_id, session };
}
