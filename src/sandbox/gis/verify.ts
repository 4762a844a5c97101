import { DOMParser } from '@xmldom/xmldom';
import { C14nCanonicalization, ExclusiveCanonicalization, findAncestorNs, SignedXml } from 'xml-crypto';
import forge from 'node-forge';
import { gostDigest, gostVerify } from '../gost-verifier.js';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const CP = 'urn:ietf:params:xml:ns:cpxmlsec:algorithms:';
// The state system's GOST identifiers: signature method → its digest method and key size.
const GOST: Record<string, { digest: string; bits: 256 | 512 }> = {
  [`${CP}gostr34102012-gostr34112012-256`]: { digest: `${CP}gostr34112012-256`, bits: 256 },
  [`${CP}gostr34102012-gostr34112012-512`]: { digest: `${CP}gostr34112012-512`, bits: 512 },
};

export interface SignatureCheck {
  valid: boolean;
  reason?: string;
  /** A valid signature's hash family: GOST R 34.11-2012, or SHA-256 (an RSA key: the sandbox without the engine). */
  hashedBy?: 'gost' | 'sha256';
}

/**
 * Checks the enveloped signature of the element Id="signed-data-container": SignedInfo signature with the
 * certificate in KeyInfo, both references' digests, and that the container itself is what is signed.
 * GOST R 34.10-2012 signatures (what the state system accepts) are checked by OpenSSL's GOST engine
 * (EVP_Digest, EVP_DigestVerify: so the value must be in OpenSSL's byte order, s || r big-endian);
 * RSA ones (the sandbox without the engine) by xml-crypto.
 */
export async function verifyEnvelopeSignature(
  xml: string,
  containerId = 'signed-data-container',
  parsed?: Document,
): Promise<SignatureCheck> {
  const doc = parsed ?? new DOMParser().parseFromString(xml, 'text/xml');
  const signatures = doc.getElementsByTagNameNS(DS, 'Signature');
  if (signatures.length !== 1) return { valid: false, reason: `expected one ds:Signature, found ${signatures.length}` };
  const signature = signatures[0]!;
  const parent = signature.parentNode as Element | null;
  if (!parent || parent.getAttribute('Id') !== containerId)
    return { valid: false, reason: `the signature is not inside Id="${containerId}"` };
  const certB64 = signature.getElementsByTagNameNS(DS, 'X509Certificate')[0]?.textContent?.replace(/\s+/g, '');
  if (!certB64) return { valid: false, reason: 'no X509Certificate in KeyInfo' };
  const method = signature.getElementsByTagNameNS(DS, 'SignatureMethod')[0]?.getAttribute('Algorithm') ?? '';
  try {
    if (GOST[method]) {
      const check = await verifyGost(xml, doc, signature, Buffer.from(certB64, 'base64'), GOST[method], containerId);
      return check.valid ? { ...check, hashedBy: 'gost' } : check;
    }
    const check = verifyRsa(xml, signature, certB64, containerId);
    return check.valid ? { ...check, hashedBy: 'sha256' } : check;
  } catch (err) {
    return { valid: false, reason: (err as Error).message };
  }
}

function verifyRsa(xml: string, signature: Element, certB64: string, containerId: string): SignatureCheck {
  let certPem: string;
  try {
    certPem = forge.pki.certificateToPem(
      forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.decode64(certB64))),
    );
  } catch {
    return { valid: false, reason: 'the certificate cannot be read' };
  }
  const sig = new SignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null });
  sig.loadSignature(signature);
  if (!sig.checkSignature(xml)) return { valid: false, reason: 'signature or digest mismatch' };
  if (
    !sig
      .getReferences()
      .map((r) => r.uri)
      .includes(`#${containerId}`)
  )
    return { valid: false, reason: 'the container is not among the signed references' };
  return { valid: true };
}

const byId = (doc: Document, id: string): Element | undefined => {
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (all[i]!.getAttribute('Id') === id) return all[i]!;
  return undefined;
};

const children = (el: Element, ns: string, name: string) =>
  Array.from(el.childNodes as unknown as ArrayLike<Node>).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name,
  );

async function verifyGost(
  xml: string,
  doc: Document,
  signature: Element,
  certDer: Buffer,
  alg: { digest: string; bits: 256 | 512 },
  containerId: string,
): Promise<SignatureCheck> {
  const signedInfo = children(signature, DS, 'SignedInfo')[0];
  if (!signedInfo) return { valid: false, reason: 'no SignedInfo' };
  const c14n = children(signedInfo, DS, 'CanonicalizationMethod')[0]?.getAttribute('Algorithm');
  if (c14n !== C14N && c14n !== EXC_C14N) return { valid: false, reason: `canonicalization ${c14n} is not supported` };

  // The enveloped transform: references with it are computed over the document without the signature.
  const withoutSignature = new DOMParser().parseFromString(xml, 'text/xml');
  const removed = withoutSignature.getElementsByTagNameNS(DS, 'Signature')[0]!;
  removed.parentNode!.removeChild(removed);

  const references = children(signedInfo, DS, 'Reference');
  const inputs: Buffer[] = [];
  const expected: { what: string; value: string }[] = [];
  for (const ref of references) {
    const uri = ref.getAttribute('URI') ?? '';
    const digestMethod = children(ref, DS, 'DigestMethod')[0]?.getAttribute('Algorithm');
    if (digestMethod !== alg.digest)
      return { valid: false, reason: `reference ${uri}: digest ${digestMethod} does not match the signature method` };
    const transforms = (
      children(ref, DS, 'Transforms')[0] ? children(children(ref, DS, 'Transforms')[0]!, DS, 'Transform') : []
    ).map((t) => t.getAttribute('Algorithm'));
    if (transforms.some((t) => t !== ENVELOPED && t !== EXC_C14N && t !== C14N))
      return { valid: false, reason: `reference ${uri}: unsupported transform` };
    const target = uri.startsWith('#')
      ? byId(transforms.includes(ENVELOPED) ? withoutSignature : doc, uri.slice(1))
      : undefined;
    if (!target) return { valid: false, reason: `reference ${uri} does not resolve` };
    const canonical =
      transforms.includes(C14N) && !transforms.includes(EXC_C14N)
        ? new C14nCanonicalization().process(target, {})
        : new ExclusiveCanonicalization().process(target, {});
    inputs.push(Buffer.from(canonical, 'utf8'));
    expected.push({ what: `reference ${uri}`, value: children(ref, DS, 'DigestValue')[0]?.textContent?.trim() ?? '' });
  }
  if (!references.some((r) => r.getAttribute('URI') === `#${containerId}`))
    return { valid: false, reason: 'the container is not among the signed references' };

  // XAdES SigningCertificate: the digest of the certificate in KeyInfo, by GOST.
  const certDigest = signature.getElementsByTagNameNS(XADES, 'CertDigest')[0];
  if (!certDigest) return { valid: false, reason: 'no xades:CertDigest' };
  if (children(certDigest, DS, 'DigestMethod')[0]?.getAttribute('Algorithm') !== alg.digest)
    return { valid: false, reason: 'SigningCertificate is not digested by GOST R 34.11-2012' };
  inputs.push(certDer);
  expected.push({
    what: 'SigningCertificate',
    value: children(certDigest, DS, 'DigestValue')[0]?.textContent?.trim() ?? '',
  });

  const digests = await Promise.all(inputs.map((input) => gostDigest(alg.bits, input)));
  for (const [i, e] of expected.entries()) {
    if (digests[i]!.toString('base64') !== e.value) return { valid: false, reason: `${e.what}: digest mismatch` };
  }

  const canonicalInfo =
    c14n === C14N
      ? new C14nCanonicalization().process(signedInfo, {
          ancestorNamespaces: findAncestorNs(doc, "//*[local-name()='SignedInfo']"),
        })
      : new ExclusiveCanonicalization().process(signedInfo, {});
  const value = Buffer.from(
    children(signature, DS, 'SignatureValue')[0]?.textContent?.replace(/\s+/g, '') ?? '',
    'base64',
  );
  if (value.length !== alg.bits / 4)
    return { valid: false, reason: `the signature value is ${value.length} bytes, not ${alg.bits / 4}` };
  if (!(await gostVerify(alg.bits, Buffer.from(canonicalInfo, 'utf8'), value, certDer))) {
    return { valid: false, reason: 'the signature value does not verify with the certificate' };
  }
  return { valid: true };
}
