import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { SqlExecutor } from '../../../contracts/ports.js';
import { openssl, sandboxGostAvailable } from '../openssl.js';

/**
 * Keys of the sandbox provider (it signs its tokens) and of our client registered there (it signs
 * client_secret); kept in PostgreSQL so every process shares them. GOST R 34.10-2012 when OpenSSL's GOST
 * engine is installed, as the real provider; RSA otherwise.
 */
export interface SandboxEsiaSecrets {
  /** The JWT alg of the provider's tokens. */
  algorithm: 'GOST3410_2012_256' | 'RS256';
  providerKeyPem: string;
  /** Published as a file, as ESIA publishes its certificate; relying parties verify tokens with it. */
  providerCertificatePem: string;
  clientCertificatePem: string;
  clientPrivateKeyPem: string;
}

const NAME = 'esia-v2';

/** Reads the sandbox keys, generating them once; concurrent first starts agree on the first row written. */
export async function loadSandboxEsiaSecrets(db: SqlExecutor): Promise<SandboxEsiaSecrets> {
  const read = async () =>
    (await db.query(`SELECT value FROM sandbox_esia_secrets WHERE name = $1`, [NAME])).rows[0]?.value;
  const existing = await read();
  if (existing) return existing as SandboxEsiaSecrets;
  const made = (await sandboxGostAvailable()) ? await generateGost() : generateRsa();
  await db.query(`INSERT INTO sandbox_esia_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    NAME,
    made,
  ]);
  return (await read()) as SandboxEsiaSecrets;
}

async function gostPair(commonName: string) {
  const key = await openssl(
    ['genpkey', '-engine', 'gost', '-algorithm', 'gost2012_256', '-pkeyopt', 'paramset:A', '-out', 'key.pem'],
    {},
    ['key.pem'],
  );
  const keyPem = key.files['key.pem']!.toString('utf8');
  const cert = await openssl(
    [
      'req',
      '-engine',
      'gost',
      '-new',
      '-x509',
      '-md_gost12_256',
      '-key',
      'key.pem',
      '-days',
      '3650',
      '-subj',
      `/CN=${commonName}/O=domhub sandbox/C=RU`,
      '-out',
      'cert.pem',
    ],
    { 'key.pem': keyPem },
    ['cert.pem'],
  );
  if (!key.ok || !cert.ok) throw new Error('openssl could not make a GOST key for the sandbox provider');
  return { keyPem, certPem: cert.files['cert.pem']!.toString('utf8') };
}

async function generateGost(): Promise<SandboxEsiaSecrets> {
  const provider = await gostPair('ESIA sandbox');
  const client = await gostPair('domhub sandbox client');
  return {
    algorithm: 'GOST3410_2012_256',
    providerKeyPem: provider.keyPem,
    providerCertificatePem: provider.certPem,
    clientCertificatePem: client.certPem,
    clientPrivateKeyPem: client.keyPem,
  };
}

function rsaPair(commonName: string) {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 86_400_000);
  const name = [
    { shortName: 'CN', value: commonName },
    { shortName: 'O', value: 'domhub sandbox' },
    { shortName: 'C', value: 'RU' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}

function generateRsa(): SandboxEsiaSecrets {
  const provider = rsaPair('ESIA sandbox');
  const client = rsaPair('domhub sandbox client');
  return {
    algorithm: 'RS256',
    providerKeyPem: provider.keyPem,
    providerCertificatePem: provider.certPem,
    clientCertificatePem: client.certPem,
    clientPrivateKeyPem: client.keyPem,
  };
}
