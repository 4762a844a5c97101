import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Signer, StateSystem } from '../../contracts/gis/ports.js';
import {
  generateGostCredentials,
  gostBitsOf,
  gostEngineAvailable,
  loadGostMaterial,
  pemToDer,
  type GostMaterial,
} from '../gost/openssl.js';
import { createGisClient } from './client.js';
import { createExternalSigner } from './external-signer.js';
import { createGostSigner } from './gost-signer.js';
import { createRsaSigner, generateSandboxCredentials } from './rsa-signer.js';

export interface GisSetup {
  baseUrl: string;
  timeoutMs: number;
  signKeyFile?: string;
  signCertFile?: string;
  signKeyPassphrase?: string;
  signPkcs12File?: string;
  signPkcs12Password?: string;
  signerUrl?: string;
  /** Where the sandbox keeps its throwaway GOST key and certificate (one per installation). */
  dataDir?: string;
  tls?: { certFile: string; keyFile: string; caFile?: string };
  /** The field cipher's decrypt, for payers' personal data rendered into account messages. */
  decrypt?: (cipherText: string) => string;
}

let sandboxGost: GostMaterial | undefined;

/** The sandbox's GOST key: from the data directory when one was made before, else made now (and kept there). */
function sandboxGostMaterial(dataDir?: string): GostMaterial {
  if (!dataDir) {
    sandboxGost ??= generateGostCredentials(256, 'domhub sandbox');
    return sandboxGost;
  }
  const dir = join(dataDir, 'sandbox-gost');
  const keyFile = join(dir, 'gis-sign-key.pem');
  const certFile = join(dir, 'gis-sign-cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    return loadGostMaterial({ keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') });
  }
  const made = generateGostCredentials(256, 'domhub sandbox');
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, made.keyPem, { mode: 0o600 });
  writeFileSync(certFile, made.certPem);
  return made;
}

/**
 * The signer as configured: an external service (CryptoPro DSS and the like), a key from PEM files or a
 * PKCS#12 file (GOST or RSA, told by the certificate), or in the sandbox a throwaway key — GOST when
 * OpenSSL's GOST engine is installed, RSA otherwise (said once through `notice`).
 */
export function createGisSigner(setup: GisSetup, notice: (message: string) => void = () => undefined): Signer {
  if (setup.signerUrl) return createExternalSigner({ url: setup.signerUrl, certFile: setup.signCertFile! });
  if (setup.signPkcs12File) {
    return createGostSigner(
      loadGostMaterial({ pkcs12: readFileSync(setup.signPkcs12File), password: setup.signPkcs12Password }),
    );
  }
  if (setup.signKeyFile && setup.signCertFile) {
    const keyPem = readFileSync(setup.signKeyFile, 'utf8');
    const certPem = readFileSync(setup.signCertFile, 'utf8');
    if (gostBitsOf(pemToDer(certPem)))
      return createGostSigner(loadGostMaterial({ keyPem, certPem, passphrase: setup.signKeyPassphrase }));
    return createRsaSigner({ keyPem, certPem });
  }
  if (gostEngineAvailable()) return createGostSigner(sandboxGostMaterial(setup.dataDir));
  notice(
    'OpenSSL GOST engine not found (Debian: libengine-gost-openssl): sandbox state-system messages are signed with RSA',
  );
  return createRsaSigner(generateSandboxCredentials());
}

/** The client as configured (see createGisSigner for the signature). */
export function createStateSystem(setup: GisSetup, notice?: (message: string) => void): StateSystem {
  const signer = createGisSigner(setup, notice);
  const tls = setup.tls
    ? {
        cert: readFileSync(setup.tls.certFile, 'utf8'),
        key: readFileSync(setup.tls.keyFile, 'utf8'),
        ca: setup.tls.caFile ? readFileSync(setup.tls.caFile, 'utf8') : undefined,
      }
    : undefined;
  return createGisClient({ baseUrl: setup.baseUrl, signer, timeoutMs: setup.timeoutMs, tls, decrypt: setup.decrypt });
}
