import { createHash, createPrivateKey, generateKeyPairSync, sign as rsaSign } from 'node:crypto';
import forge from 'node-forge';
import type { Signer } from '../../contracts/gis/ports.js';

const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** RSA/SHA-256 signer for the sandbox and tests (production uses a GOST signer through the same port). */
export function createRsaSigner(options: { keyPem: string; certPem: string }): Signer {
  const key = createPrivateKey(options.keyPem);
  const cert = forge.pki.certificateFromPem(options.certPem);
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  // RFC 4514 order (most specific first), as XML-DSig X509IssuerName expects.
  const issuerName = cert.issuer.attributes
    .slice()
    .reverse()
    .map((a) => `${a.shortName ?? a.name}=${String(a.value)}`)
    .join(',');
  return {
    signatureAlgorithm: RSA_SHA256,
    digestAlgorithm: SHA256,
    async digest(data) {
      return createHash('sha256').update(data).digest();
    },
    async sign(data) {
      return rsaSign('sha256', data, key);
    },
    certificate: { der, issuerName, serialNumber: BigInt(`0x${cert.serialNumber}`).toString(10) },
  };
}

/** A throwaway key and self-signed certificate for the sandbox (the simulator accepts any certificate). */
export function generateSandboxCredentials(commonName = 'domhub sandbox'): { keyPem: string; certPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${Date.now().toString(16)}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const attrs = [
    { shortName: 'CN', value: commonName },
    { shortName: 'O', value: 'domhub' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}
