import { readFileSync } from 'node:fs';
import type { StateSystem } from '../../contracts/gis/ports.js';
import { createGisClient } from './client.js';
import { createExternalSigner } from './external-signer.js';
import { createRsaSigner, generateSandboxCredentials } from './rsa-signer.js';

export interface GisSetup {
  baseUrl: string;
  timeoutMs: number;
  signKeyFile?: string;
  signCertFile?: string;
  signerUrl?: string;
  tls?: { certFile: string; keyFile: string; caFile?: string };
}

/** The client as configured: an external (GOST) signer, an RSA key from files, or a throwaway sandbox key. */
export function createStateSystem(setup: GisSetup): StateSystem {
  const signer = setup.signerUrl
    ? createExternalSigner({ url: setup.signerUrl, certFile: setup.signCertFile! })
    : createRsaSigner(
        setup.signKeyFile && setup.signCertFile
          ? { keyPem: readFileSync(setup.signKeyFile, 'utf8'), certPem: readFileSync(setup.signCertFile, 'utf8') }
          : generateSandboxCredentials(),
      );
  const tls = setup.tls
    ? { cert: readFileSync(setup.tls.certFile, 'utf8'), key: readFileSync(setup.tls.keyFile, 'utf8'), ca: setup.tls.caFile ? readFileSync(setup.tls.caFile, 'utf8') : undefined }
    : undefined;
  return createGisClient({ baseUrl: setup.baseUrl, signer, timeoutMs: setup.timeoutMs, tls });
}
