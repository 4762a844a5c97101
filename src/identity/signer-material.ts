import { readFile } from 'node:fs/promises';
import type { SignerMaterial } from '../../contracts/identity.js';
import type { Config } from '../config.js';

/**
 * The sandbox provider's keys (generated once and kept in the database), handed in by the composition
 * root only when the provider is the sandbox's (`config.esia.sandboxProvider`), so that this module does
 * not depend on src/sandbox/.
 */
export type SandboxEsiaKeys = () => Promise<{
  clientCertificatePem: string;
  clientPrivateKeyPem: string;
  providerCertificatePem: string;
}>;

/**
 * The certificate and key that sign ESIA's client_secret: a PKCS#12 file, PEM files, or in sandbox
 * mode the client certificate registered at the sandbox provider (shared by every process).
 */
export async function loadSignerMaterial(
  config: Config,
  sandboxKeys?: SandboxEsiaKeys,
): Promise<SignerMaterial | undefined> {
  const esia = config.esia;
  if (esia.pkcs12Path) return { pkcs12: await readFile(esia.pkcs12Path), passphrase: esia.pkcs12Password };
  if (esia.certPath && esia.keyPath) {
    return {
      certificatePem: await readFile(esia.certPath, 'utf8'),
      privateKeyPem: await readFile(esia.keyPath, 'utf8'),
      passphrase: esia.keyPassphrase,
    };
  }
  if (sandboxKeys) {
    const secrets = await sandboxKeys();
    return { certificatePem: secrets.clientCertificatePem, privateKeyPem: secrets.clientPrivateKeyPem };
  }
  return undefined;
}

/** The provider's certificate that verifies its tokens: the configured file, or the sandbox provider's. */
export async function loadProviderCertificate(
  config: Config,
  sandboxKeys?: SandboxEsiaKeys,
): Promise<Buffer | string | undefined> {
  if (config.esia.providerCertPath) return readFile(config.esia.providerCertPath);
  if (sandboxKeys) return (await sandboxKeys()).providerCertificatePem;
  return undefined;
}
