import { createHash, createPrivateKey, sign as rsaSign } from 'node:crypto';
import forge from 'node-forge';
import type { EsiaSignatureMode } from '../../contracts/esia.js';
import type { Signer, SignerMaterial } from '../../contracts/identity.js';

/**
 * The RSA signer of a sandbox without OpenSSL's GOST engine: v2 a bare RSA-SHA256 signature, legacy a
 * detached PKCS#7 SignedData with the signed attributes (contentType, messageDigest, signingTime) that CMS
 * signers add; client_certificate_hash SHA-256 of the certificate. ESIA itself takes GOST only
 * (gost-signer.ts implements the same port).
 */
export function createForgeSigner(material: SignerMaterial, mode: EsiaSignatureMode = 'legacy'): Signer {
  const { certificate, privateKey } = load(material);
  const certDer = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  const certHash = createHash('sha256').update(Buffer.from(certDer, 'binary')).digest('hex').toUpperCase();
  const nodeKey = mode === 'v2' ? createPrivateKey(forge.pki.privateKeyToPem(privateKey)) : undefined;

  return {
    async sign(content) {
      if (nodeKey) return rsaSign('sha256', Buffer.from(content, 'utf8'), nodeKey).toString('base64url');
      const p7 = forge.pkcs7.createSignedData();
      p7.content = forge.util.createBuffer(forge.util.encodeUtf8(content));
      p7.addCertificate(certificate);
      p7.addSigner({
        key: privateKey,
        certificate,
        digestAlgorithm: forge.pki.oids.sha256!,
        authenticatedAttributes: [
          { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
          { type: forge.pki.oids.messageDigest! },
          // forge's typings want a string here; it formats a Date as UTCTime itself.
          { type: forge.pki.oids.signingTime!, value: new Date() as unknown as string },
        ],
      });
      p7.sign({ detached: true });
      const der = forge.asn1.toDer(p7.toAsn1()).getBytes();
      return Buffer.from(der, 'binary').toString('base64url');
    },
    async certificateHash() {
      return certHash;
    },
  };
}

function load(material: SignerMaterial): { certificate: forge.pki.Certificate; privateKey: forge.pki.rsa.PrivateKey } {
  if ('pkcs12' in material) {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(material.pkcs12.toString('binary')));
    const p12 = forge.pkcs12.pkcs12FromAsn1(asn1, material.passphrase ?? '');
    const certBag = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]?.[0];
    const keyBag =
      p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!]?.[0] ??
      p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!]?.[0];
    if (!certBag?.cert || !keyBag?.key) throw new Error('the PKCS#12 file lacks a certificate or a private key');
    return { certificate: certBag.cert, privateKey: keyBag.key as forge.pki.rsa.PrivateKey };
  }
  const certificate = forge.pki.certificateFromPem(material.certificatePem);
  const privateKey = material.passphrase
    ? forge.pki.decryptRsaPrivateKey(material.privateKeyPem, material.passphrase)
    : forge.pki.privateKeyFromPem(material.privateKeyPem);
  if (!privateKey) throw new Error('the private key cannot be decrypted with the given passphrase');
  return { certificate, privateKey: privateKey as forge.pki.rsa.PrivateKey };
}
