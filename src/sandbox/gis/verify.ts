import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import forge from 'node-forge';

const DS = 'http://www.w3.org/2000/09/xmldsig#';

export interface SignatureCheck {
  valid: boolean;
  reason?: string;
}

/**
 * Checks the enveloped signature of the element Id="signed-data-container": SignedInfo signature with the
 * certificate in KeyInfo, both references' digests, and that the container itself is what is signed.
 * RSA only: the sandbox does not have a GOST provider.
 */
export function verifyEnvelopeSignature(xml: string, containerId = 'signed-data-container', parsed?: Document): SignatureCheck {
  const doc = parsed ?? new DOMParser().parseFromString(xml, 'text/xml');
  const signatures = doc.getElementsByTagNameNS(DS, 'Signature');
  if (signatures.length !== 1) return { valid: false, reason: `expected one ds:Signature, found ${signatures.length}` };
  const signature = signatures[0]!;
  const parent = signature.parentNode as Element | null;
  if (!parent || parent.getAttribute('Id') !== containerId) return { valid: false, reason: `the signature is not inside Id="${containerId}"` };
  const certB64 = signature.getElementsByTagNameNS(DS, 'X509Certificate')[0]?.textContent?.replace(/\s+/g, '');
  if (!certB64) return { valid: false, reason: 'no X509Certificate in KeyInfo' };
  let certPem: string;
  try {
    const der = forge.util.decode64(certB64);
    certPem = forge.pki.certificateToPem(forge.pki.certificateFromAsn1(forge.asn1.fromDer(der)));
  } catch {
    return { valid: false, reason: 'the certificate cannot be read (not RSA?)' };
  }
  const sig = new SignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null });
  try {
    sig.loadSignature(signature);
    if (!sig.checkSignature(xml)) return { valid: false, reason: 'signature or digest mismatch' };
  } catch (err) {
    return { valid: false, reason: (err as Error).message };
  }
  const refs = sig.getReferences().map((r) => r.uri);
  if (!refs.includes(`#${containerId}`)) return { valid: false, reason: 'the container is not among the signed references' };
  return { valid: true };
}
