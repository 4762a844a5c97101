// Passkeys (WebAuthn) in the browser: the API's options go to the authenticator through
// @simplewebauthn/browser, its answer back to the API. The authenticator's refusals become ApiErrors
// with Russian messages, so forms show them like any other error.
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { api, ApiError, ok } from '../api/client';

export const passkeysSupported = () => browserSupportsWebAuthn();

/** The authenticator's answer as the API's plain JSON objects. */
const asBody = (c: RegistrationResponseJSON | AuthenticationResponseJSON) => ({
  ...c,
  response: { ...c.response },
  clientExtensionResults: { ...c.clientExtensionResults },
});

/** The person cancelled, the prompt timed out (both NotAllowedError), or this key is already there. */
function fromAuthenticator(error: unknown): unknown {
  if (error instanceof ApiError || !(error instanceof Error)) return error;
  if (error.name === 'InvalidStateError') return new ApiError(409, { status: 409, code: 'passkey_exists' });
  if (error.name === 'NotAllowedError' || error.name === 'AbortError')
    return new ApiError(0, { status: 0, code: 'passkey_cancelled' });
  return new ApiError(0, { status: 0, code: 'passkey_unsupported' });
}

/** Adds a passkey of this device to the signed-in person, under `name`. */
export async function addPasskey(name: string) {
  try {
    const { challengeId, options } = await ok(api.POST('/api/v1/me/passkeys/options'));
    const response = await startRegistration({
      optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
    });
    return await ok(api.POST('/api/v1/me/passkeys', { body: { challengeId, name, response: asBody(response) } }));
  } catch (error) {
    throw fromAuthenticator(error);
  }
}

/** Signs in with a passkey (a session cookie is set); no e-mail or code. */
export async function signInWithPasskey() {
  try {
    const { challengeId, options } = await ok(api.POST('/auth/passkey/options'));
    const response = await startAuthentication({
      optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
    });
    return await ok(api.POST('/auth/passkey/sign-in', { body: { challengeId, response: asBody(response) } }));
  } catch (error) {
    throw fromAuthenticator(error);
  }
}
