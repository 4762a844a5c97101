import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

// Checks an ESIA-style client_secret: a detached CMS/PKCS#7 SignedData (RFC 5652) over the secret
// string, against the certificate the client registered. node-forge parses but cannot verify PKCS#7,
// so the signer info is read from the ASN.1 and the RSA signature checked with node:crypto.

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

/** SHA-256 (hex) of the certificate's DER: the sandbox's `client_certificate_hash`. */
export function certificateHash(certificatePem: string): string {
  return createHash('sha256').update(new X509Certificate(certificatePem).raw).digest('hex');
}

export function verifyDetachedSignature(signatureB64url: string, content: string, certificatePem: string): boolean {
  try {
    const der = Buffer.from(signatureB64url, 'base64url');
    const root = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
    const [oid, wrapped] = root.value as forge.asn1.Asn1[];
    if (!oid || forge.asn1.derToOid(oid.value as string) !== OID_SIGNED_DATA) return false;
    const signedData = (wrapped!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const signerInfos = signedData[signedData.length - 1]!.value as forge.asn1.Asn1[];
    const signer = signerInfos[0]?.value as forge.asn1.Asn1[] | undefined;
    if (!signer) return false;

    const digestAlg = forge.asn1.derToOid(((signer[2]!.value as forge.asn1.Asn1[])[0]!.value) as string);
    if (digestAlg !== OID_SHA256) return false;
    const attrsAt = signer.findIndex((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
    const contentBytes = Buffer.from(content, 'utf8');
    const publicKey = new X509Certificate(certificatePem).publicKey;

    if (attrsAt < 0) {
      const signature = Buffer.from(signer[4]!.value as string, 'binary');
      return verify('sha256', contentBytes, publicKey, signature);
    }
    const attrs = signer[attrsAt]!.value as forge.asn1.Asn1[];
    const digestAttr = attrs.find((a) => forge.asn1.derToOid((a.value as forge.asn1.Asn1[])[0]!.value as string) === OID_MESSAGE_DIGEST);
    if (!digestAttr) return false;
    const digestValue = ((digestAttr.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as string;
    const expected = createHash('sha256').update(contentBytes).digest();
    if (!expected.equals(Buffer.from(digestValue, 'binary'))) return false;
    // The signature covers the DER of the attributes re-tagged as a SET OF (RFC 5652 §5.4).
    const asSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
    const signedBytes = Buffer.from(forge.asn1.toDer(asSet).getBytes(), 'binary');
    const signature = Buffer.from(signer[attrsAt + 2]!.value as string, 'binary');
    return verify('sha256', signedBytes, publicKey, signature);
  } catch {
    return false;
  }
}
