import { createHash, verify as rsaVerify, X509Certificate } from 'node:crypto';
import { gostDigest, gostVerify } from '../gost-verifier.js';
import { openssl } from '../openssl.js';

// The provider's side of client authentication, written from ESIA's method guide («Методические
// рекомендации по использованию ЕСИА») and not from the hub's code, so that an error in the hub's string
// or signature shows up as a refusal:
// - v2/ac and v3/te: client_secret = base64url of the GOST R 34.10-2012 signature of
//   client_id + scope + scope_org + timestamp + state + redirect_uri (+ code at the token step),
//   and client_certificate_hash = the certificate's GOST R 34.11-2012 (256) hash in hex;
// - ac/te (the older flow): client_secret = base64url of a detached PKCS#7 of scope + timestamp + client_id + state.

export type Flow = 'v2' | 'legacy';

/** What the client must have signed, from the request's own parameters. */
export function signedString(flow: Flow, p: Record<string, string | undefined>, code?: string): string {
  const v = (name: string) => p[name] ?? '';
  if (flow === 'legacy') return [v('scope'), v('timestamp'), v('client_id'), v('state')].join('');
  return [v('client_id'), v('scope'), v('scope_org'), v('timestamp'), v('state'), v('redirect_uri'), code ?? ''].join(
    '',
  );
}

/** `yyyy.MM.dd HH:mm:ss ±hhmm` → the instant; null when it is not that. */
export function readTimestamp(value: string | undefined): Date | null {
  const m = value ? /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(value) : null;
  if (!m) return null;
  const n = m.map(Number);
  const offsetMs = (n[8]! * 60 + n[9]!) * 60_000 * (m[7] === '-' ? -1 : 1);
  const at = Date.UTC(n[1]!, n[2]! - 1, n[3]!, n[4]!, n[5]!, n[6]!) - offsetMs;
  return Number.isNaN(at) ? null : new Date(at);
}

/** The registered client's certificate, and the checks of its signatures (GOST, or RSA in a sandbox without the engine). */
export function registeredClient(certificatePem: string, gost: boolean) {
  const cert = new X509Certificate(certificatePem);
  let hash: Promise<string> | undefined;
  return {
    certificateHash() {
      hash ??= gost
        ? gostDigest(256, cert.raw).then((d) => d.toString('hex').toUpperCase())
        : Promise.resolve(createHash('sha256').update(cert.raw).digest('hex').toUpperCase());
      return hash;
    },
    /** A bare signature (v2/v3). */
    async verifySignature(content: string, secret: string): Promise<boolean> {
      const signature = Buffer.from(secret, 'base64url');
      const data = Buffer.from(content, 'utf8');
      if (gost) return signature.length === 64 && gostVerify(256, data, signature, cert.raw);
      try {
        return rsaVerify('sha256', data, cert.publicKey, signature);
      } catch {
        return false;
      }
    },
    /** A detached CMS SignedData (legacy), checked by `openssl cms -verify` against this certificate only. */
    async verifyCms(content: string, secret: string): Promise<boolean> {
      const args = [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'sig.der',
        '-content',
        'data.bin',
        '-nointern',
        '-certfile',
        'client.pem',
        '-noverify',
        '-out',
        'out.bin',
      ];
      if (gost) args.splice(2, 0, '-engine', 'gost');
      const r = await openssl(args, {
        'sig.der': Buffer.from(secret, 'base64url'),
        'data.bin': Buffer.from(content, 'utf8'),
        'client.pem': certificatePem,
      });
      return r.ok;
    },
  };
}
