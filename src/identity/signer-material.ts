import { readFile } from 'node:fs/promises';
import type { SignerMaterial } from '../../contracts/identity.js';
import type { Config } from '../config.js';
import type { Pool } from '../db/pool.js';
import { loadSandboxEsiaSecrets } from '../sandbox/esia/secrets.js';

/**
 * The certificate and key that sign ESIA's client_secret: a PKCS#12 file, PEM files, or in sandbox
 * mode the client certificate registered at the sandbox provider (shared by every process).
 */
export async function loadSignerMaterial(config: Config, db: Pool): Promise<SignerMaterial | undefined> {
  const esia = config.esia;
  if (esia.pkcs12Path) return { pkcs12: await readFile(esia.pkcs12Path), passphrase: esia.pkcs12Password };
  if (esia.certPath && esia.keyPath) {
    return {
      certificatePem: await readFile(esia.certPath, 'utf8'),
      privateKeyPem: await readFile(esia.keyPath, 'utf8'),
      passphrase: esia.keyPassphrase,
    };
  }
  if (config.esia.sandboxProvider) {
    const secrets = await loadSandboxEsiaSecrets(db);
    return { certificatePem: secrets.clientCertificatePem, privateKeyPem: secrets.clientPrivateKeyPem };
  }
  return undefined;
}

/** The provider's certificate that verifies its tokens: the configured file, or the sandbox provider's. */
export async function loadProviderCertificate(config: Config, db: Pool): Promise<Buffer | string | undefined> {
  if (config.esia.providerCertPath) return readFile(config.esia.providerCertPath);
  if (config.esia.sandboxProvider) return (await loadSandboxEsiaSecrets(db)).providerCertificatePem;
  return undefined;
}
