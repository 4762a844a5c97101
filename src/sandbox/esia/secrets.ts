import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import forge from 'node-forge';
import type { SqlExecutor } from '../../../contracts/ports.js';

/** Keys of the sandbox provider and of our client registered there; kept in PostgreSQL so every process shares them. */
export interface SandboxEsiaSecrets {
  /** The provider's private RS256 signing key (JWK); its public half is served at /jwks. */
  signingJwk: Record<string, unknown>;
  cookieKeys: string[];
  clientCertificatePem: string;
  clientPrivateKeyPem: string;
}

const NAME = 'v1';

/** Reads the sandbox keys, generating them once; concurrent first starts agree on the first row written. */
export async function loadSandboxEsiaSecrets(db: SqlExecutor): Promise<SandboxEsiaSecrets> {
  const read = async () => (await db.query(`SELECT value FROM sandbox_esia_secrets WHERE name = $1`, [NAME])).rows[0]?.value;
  const existing = await read();
  if (existing) return existing as SandboxEsiaSecrets;
  await db.query(`INSERT INTO sandbox_esia_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [NAME, generate()]);
  return (await read()) as SandboxEsiaSecrets;
}

function generate(): SandboxEsiaSecrets {
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingJwk = { ...signing.privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };

  const client = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientPrivateKeyPem = client.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(client.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000);
  const name = [
    { shortName: 'CN', value: 'domhub sandbox client' },
    { shortName: 'O', value: 'domhub' },
    { shortName: 'C', value: 'RU' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forge.pki.privateKeyFromPem(clientPrivateKeyPem), forge.md.sha256.create());

  return {
    signingJwk,
    cookieKeys: [randomBytes(32).toString('base64url')],
    clientCertificatePem: forge.pki.certificateToPem(cert),
    clientPrivateKeyPem,
  };
}
