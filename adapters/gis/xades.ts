import { randomUUID } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { C14nCanonicalization, ExclusiveCanonicalization, findAncestorNs } from 'xml-crypto';
import type { Signer } from '../../contracts/gis/ports.js';
import { canonicalizeById } from './c14n.js';
import { esc } from './xml.js';

// XAdES-BES enveloped signature over the element Id="signed-data-container", as the state system's
// integration rules require: exclusive C14N for the references, inclusive C14N for SignedInfo,
// SigningTime and SigningCertificate in the signed properties.

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const SIGNED_PROPERTIES_TYPE = 'http://uri.etsi.org/01903#SignedProperties';

const exc = new ExclusiveCanonicalization();
const inc = new C14nCanonicalization();

function byId(doc: Document, id: string): Element {
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (all[i]!.getAttribute('Id') === id) return all[i]!;
  throw new Error(`no element with Id="${id}"`);
}

const b64 = (b: Buffer) => b.toString('base64');
const certDigests = new WeakMap<Signer, Promise<Buffer>>();

/** The XAdES signature element, with the container's digest and SignedProperties' digest left empty. */
function signatureXml(
  signer: Signer,
  id: string,
  containerId: string,
  bodyDigest: Buffer,
  certDigest: Buffer,
  now: Date,
) {
  const digestMethod = `<ds:DigestMethod Algorithm="${signer.digestAlgorithm}"/>`;
  return (
    `<ds:Signature xmlns:ds="${DS}" Id="${id}">` +
    `<ds:SignedInfo><ds:CanonicalizationMethod Algorithm="${C14N}"/><ds:SignatureMethod Algorithm="${signer.signatureAlgorithm}"/>` +
    `<ds:Reference Id="${id}-ref0" URI="#${containerId}"><ds:Transforms><ds:Transform Algorithm="${ENVELOPED}"/><ds:Transform Algorithm="${EXC_C14N}"/></ds:Transforms>` +
    `${digestMethod}<ds:DigestValue>${b64(bodyDigest)}</ds:DigestValue></ds:Reference>` +
    `<ds:Reference Type="${SIGNED_PROPERTIES_TYPE}" URI="#${id}-signedprops"><ds:Transforms><ds:Transform Algorithm="${EXC_C14N}"/></ds:Transforms>` +
    `${digestMethod}<ds:DigestValue></ds:DigestValue></ds:Reference></ds:SignedInfo>` +
    `<ds:SignatureValue></ds:SignatureValue>` +
    `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${b64(signer.certificate.der)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` +
    `<ds:Object><xades:QualifyingProperties xmlns:xades="${XADES}" Target="#${id}"><xades:SignedProperties Id="${id}-signedprops">` +
    `<xades:SignedSignatureProperties><xades:SigningTime>${now.toISOString()}</xades:SigningTime>` +
    `<xades:SigningCertificate><xades:Cert><xades:CertDigest>${digestMethod}<ds:DigestValue>${b64(certDigest)}</ds:DigestValue></xades:CertDigest>` +
    `<xades:IssuerSerial><ds:X509IssuerName>${esc(signer.certificate.issuerName)}</ds:X509IssuerName><ds:X509SerialNumber>${signer.certificate.serialNumber}</ds:X509SerialNumber></xades:IssuerSerial>` +
    `</xades:Cert></xades:SigningCertificate></xades:SignedSignatureProperties></xades:SignedProperties></xades:QualifyingProperties></ds:Object>` +
    `</ds:Signature>`
  );
}

/**
 * Signs the element with the given Id inside `xml`; returns the document with the signature as its first
 * child. The hub's own messages take the string path: the container is canonicalised in one pass
 * (c14n.ts) and only the small signature element is parsed, so a 1,000-item message costs no DOM of its
 * own; other XML takes the DOM path.
 */
export async function signXades(xml: string, containerId: string, signer: Signer, now = new Date()): Promise<string> {
  const fast = canonicalizeById(xml, containerId);
  if (!fast || fast.contentStart < 0) return signXadesDom(xml, containerId, signer, now);
  const bodyDigest = await signer.digest(Buffer.from(fast.canonical, 'utf8'));
  let certDigest = certDigests.get(signer);
  if (!certDigest) {
    certDigest = signer.digest(signer.certificate.der);
    certDigests.set(signer, certDigest);
  }
  const id = `xmldsig-${randomUUID()}`;
  // The signature parsed alone, inside a stand-in parent declaring what is in scope at the container, so
  // that SignedInfo's inclusive C14N sees the same ancestor namespaces as in the whole document.
  const decls = Object.entries(fast.inScope)
    .map(([p, u]) => (p ? ` xmlns:${p}="${esc(u)}"` : ` xmlns="${esc(u)}"`))
    .join('');
  const doc = new DOMParser().parseFromString(
    `<scope${decls}>${signatureXml(signer, id, containerId, bodyDigest, await certDigest, now)}</scope>`,
    'text/xml',
  );
  const sigNode = doc.documentElement!.firstChild as Element;
  const signedProps = byId(doc, `${id}-signedprops`);
  const propsDigest = await signer.digest(Buffer.from(exc.process(signedProps, {}), 'utf8'));
  sigNode.getElementsByTagNameNS(DS, 'DigestValue')[1]!.appendChild(doc.createTextNode(b64(propsDigest)));
  const signedInfo = sigNode.getElementsByTagNameNS(DS, 'SignedInfo')[0]!;
  const canonical = inc.process(signedInfo, {
    ancestorNamespaces: findAncestorNs(doc, "//*[local-name()='SignedInfo']"),
  });
  const value = await signer.sign(Buffer.from(canonical, 'utf8'));
  sigNode.getElementsByTagNameNS(DS, 'SignatureValue')[0]!.appendChild(doc.createTextNode(b64(value)));
  const signature = new XMLSerializer().serializeToString(sigNode);
  return xml.slice(0, fast.contentStart) + signature + xml.slice(fast.contentStart);
}

async function signXadesDom(xml: string, containerId: string, signer: Signer, now: Date): Promise<string> {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const container = byId(doc, containerId);

  // Enveloped transform: the digest is taken before the signature is inserted.
  const bodyDigest = await signer.digest(Buffer.from(exc.process(container, {}), 'utf8'));
  const certDigest = await signer.digest(signer.certificate.der);

  const id = `xmldsig-${randomUUID()}`;
  const signature = signatureXml(signer, id, containerId, bodyDigest, certDigest, now);
  const sigNode = doc.importNode(new DOMParser().parseFromString(signature, 'text/xml').documentElement!, true);
  container.insertBefore(sigNode, container.firstChild);

  const signedProps = byId(doc, `${id}-signedprops`);
  const propsDigest = await signer.digest(Buffer.from(exc.process(signedProps, {}), 'utf8'));
  const digestValues = (sigNode as Element).getElementsByTagNameNS(DS, 'DigestValue');
  digestValues[1]!.appendChild(doc.createTextNode(b64(propsDigest)));

  const signedInfo = (sigNode as Element).getElementsByTagNameNS(DS, 'SignedInfo')[0]!;
  const canonical = inc.process(signedInfo, {
    ancestorNamespaces: findAncestorNs(doc, "//*[local-name()='SignedInfo']"),
  });
  const value = await signer.sign(Buffer.from(canonical, 'utf8'));
  (sigNode as Element).getElementsByTagNameNS(DS, 'SignatureValue')[0]!.appendChild(doc.createTextNode(b64(value)));
  return new XMLSerializer().serializeToString(doc);
}
