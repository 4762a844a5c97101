import { readFileSync } from 'node:fs';
import { request } from 'undici';
import forge from 'node-forge';
import type { Signer } from '../../contracts/gis/ports.js';

interface RdnAttribute {
  shortName?: string;
  name?: string;
  type: string;
  value: unknown;
}

// GOST R 34.10-2012 / 34.11-2012 (256) URIs of the state system's signature profile.
const GOST_SIGN = 'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-256';
const GOST_DIGEST = 'urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-256';

/**
 * A signer that delegates to a signing service in front of a certified GOST provider (CryptoPro DSS,
 * a local HSM gateway…): POST {url}/digest and {url}/sign with `{ data: base64 }`, answered `{ value: base64 }`.
 * The certificate file (PEM or DER) names the key the service signs with.
 */
export function createExternalSigner(options: {
  url: string;
  certFile: string;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
}): Signer {
  const raw = readFileSync(options.certFile);
  const der = raw.toString('utf8').includes('BEGIN CERTIFICATE')
    ? Buffer.from(forge.pki.pemToDer(raw.toString('utf8')).getBytes(), 'binary')
    : raw;
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
  // GOST keys are not understood by forge's certificate parser; the issuer and serial are read from the TBS structure.
  const tbs = (asn1.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const hasVersion = tbs[0]!.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC;
  const serialHex = forge.util.bytesToHex(tbs[hasVersion ? 1 : 0]!.value as string);
  // RDNAttributesAsArray is public in node-forge but missing from its type definitions.
  const pki = forge.pki as unknown as { RDNAttributesAsArray(rdn: forge.asn1.Asn1): RdnAttribute[] };
  const issuer = pki.RDNAttributesAsArray(tbs[hasVersion ? 3 : 2]!);
  const issuerName = issuer
    .reverse()
    .map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`)
    .join(',');
  const call = async (path: string, data: Buffer) => {
    const res = await request(`${options.url.replace(/\/$/, '')}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: data.toString('base64') }),
    });
    if (res.statusCode !== 200) throw new Error(`signing service answered ${res.statusCode}`);
    return Buffer.from(((await res.body.json()) as { value: string }).value, 'base64');
  };
  return {
    signatureAlgorithm: options.signatureAlgorithm ?? GOST_SIGN,
    digestAlgorithm: options.digestAlgorithm ?? GOST_DIGEST,
    digest: (data) => call('digest', data),
    sign: (data) => call('sign', data),
    certificate: { der, issuerName, serialNumber: BigInt(`0x${serialHex}`).toString(10) },
  };
}
