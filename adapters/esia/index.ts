import type { IdentityProvider, Signer, SignerMaterial } from '../../contracts/identity.js';
import type { EsiaSignatureMode } from '../../contracts/esia.js';
import { gostBitsOf, gostEngineAvailable, loadGostMaterial, pemToDer } from '../gost/openssl.js';
import { createForgeSigner } from './forge-signer.js';
import { createGostEsiaSigner } from './gost-signer.js';
import { createEsiaIdentityProvider } from './relying-party.js';

export { createForgeSigner, createGostEsiaSigner, createEsiaIdentityProvider };

/**
 * The client_secret signer for a certificate and key: GOST R 34.10-2012 through OpenSSL's GOST engine when
 * the certificate holds a GOST key (what ESIA accepts), RSA through node-forge otherwise (the sandbox
 * without the engine). A PKCS#12 file is read by OpenSSL when the engine is there (GOST containers use
 * GOST encryption), else by node-forge.
 */
export function createEsiaSigner(material: SignerMaterial, mode: EsiaSignatureMode): Signer {
  if ('pkcs12' in material) {
    if (!gostEngineAvailable()) return createForgeSigner(material, mode);
    const m = loadGostMaterial({ pkcs12: material.pkcs12, password: material.passphrase });
    return createGostEsiaSigner(m, mode);
  }
  if (gostBitsOf(pemToDer(material.certificatePem))) {
    return createGostEsiaSigner(
      loadGostMaterial({
        keyPem: material.privateKeyPem,
        certPem: material.certificatePem,
        passphrase: material.passphrase,
      }),
      mode,
    );
  }
  return createForgeSigner(material, mode);
}

/** The ESIA relying party from the hub's `config.esia`, the signer's material and the provider's certificate. */
export function createEsiaFromConfig(
  esia: {
    issuer?: string;
    apiUrl?: string;
    tokenIssuer?: string;
    clientId: string;
    redirectUri: string;
    postLogoutRedirectUri: string;
    scopes: string;
    paths: { authorize?: string; token?: string; logout?: string };
    passLoginHint: boolean;
    signatureMode: EsiaSignatureMode;
    clockSkewSeconds: number;
    clockToleranceSeconds: number;
  },
  material: SignerMaterial | undefined,
  providerCertificate: string | Buffer | undefined,
): IdentityProvider | undefined {
  if (!esia.issuer || !esia.tokenIssuer || !material || !providerCertificate) return undefined;
  const paths = Object.fromEntries(Object.entries(esia.paths).filter(([, v]) => v)) as typeof esia.paths;
  return createEsiaIdentityProvider({
    baseUrl: esia.issuer,
    apiUrl: esia.apiUrl,
    tokenIssuer: esia.tokenIssuer,
    providerCertificate,
    paths,
    clientId: esia.clientId,
    redirectUri: esia.redirectUri,
    postLogoutRedirectUri: esia.postLogoutRedirectUri,
    scopes: esia.scopes,
    mode: esia.signatureMode,
    signer: createEsiaSigner(material, esia.signatureMode),
    passLoginHint: esia.passLoginHint,
    clockSkewSeconds: esia.clockSkewSeconds,
    clockToleranceSeconds: esia.clockToleranceSeconds,
  });
}
