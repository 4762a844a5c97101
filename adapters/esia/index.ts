import type { IdentityProvider, SignerMaterial } from '../../contracts/identity.js';
import type { EsiaSignatureMode } from '../../contracts/esia.js';
import { createForgeSigner } from './forge-signer.js';
import { createEsiaIdentityProvider } from './relying-party.js';

export { createForgeSigner, createEsiaIdentityProvider };

/** The ESIA relying party from the hub's `config.esia` and the signer's material (main.ts and tests wire it so). */
export function createEsiaFromConfig(
  esia: {
    issuer?: string; apiUrl?: string; clientId: string; redirectUri: string; postLogoutRedirectUri: string; scopes: string;
    signatureMode: EsiaSignatureMode; clockSkewSeconds: number; clockToleranceSeconds: number;
  },
  material: SignerMaterial | undefined,
): IdentityProvider | undefined {
  if (!esia.issuer || !material) return undefined;
  return createEsiaIdentityProvider({
    issuer: esia.issuer,
    apiUrl: esia.apiUrl,
    clientId: esia.clientId,
    redirectUri: esia.redirectUri,
    postLogoutRedirectUri: esia.postLogoutRedirectUri,
    scopes: esia.scopes,
    mode: esia.signatureMode,
    signer: createForgeSigner(material),
    clockSkewSeconds: esia.clockSkewSeconds,
    clockToleranceSeconds: esia.clockToleranceSeconds,
  });
}
