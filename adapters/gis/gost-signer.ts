import { X509Certificate } from 'node:crypto';
import type { Signer } from '../../contracts/gis/ports.js';
import type { GostMaterial } from '../gost/openssl.js';
import { createGostWorker, type GostWorker } from '../gost/worker.js';

// The state system's XML-signature algorithm identifiers (CryptoPro's cpxmlsec namespace, as in the
// published integration rules of the state system and RFC 9215-era drafts), per key size.
export const GOST_XMLDSIG = {
  256: {
    signature: 'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-256',
    digest: 'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-256',
  },
  512: {
    signature: 'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-512',
    digest: 'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-512',
  },
} as const;

/**
 * XAdES signer with a GOST R 34.10-2012 key: digests by GOST R 34.11-2012 of the key's size, the
 * signature value as OpenSSL's GOST engine gives it — s then r, each big-endian over the curve order's
 * length (gost-engine `pack_sign_cp`). That is the layout of RFC 4491 §2.2.2, which the XML-signature GOST
 * profile keeps; CryptoAPI-based signers emit it reversed and reverse it before writing the XML (xmlsec's
 * mscrypto backend `ConvertEndian` for GOST 2012). All work goes to one long-lived worker process.
 */
export function createGostSigner(
  material: GostMaterial,
  worker: GostWorker = createGostWorker(material),
): Signer & { close(): void } {
  const cert = new X509Certificate(material.certDer);
  // RFC 4514 order (most specific first), as XML-DSig X509IssuerName expects.
  const issuerName = cert.issuer.split('\n').reverse().join(',');
  const uris = GOST_XMLDSIG[material.bits];
  return {
    signatureAlgorithm: uris.signature,
    digestAlgorithm: uris.digest,
    digest: (data) => worker.digest(material.bits, data),
    sign: (data) => worker.sign(data),
    certificate: { der: material.certDer, issuerName, serialNumber: BigInt(`0x${cert.serialNumber}`).toString(10) },
    close: () => worker.close(),
  };
}
