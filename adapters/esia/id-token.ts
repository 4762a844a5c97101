import { createPublicKey, verify as rsaVerify, X509Certificate } from 'node:crypto';
import { ESIA_TOKEN_ALGS } from '../../contracts/esia.js';
import { IdentityError } from '../../contracts/identity.js';
import { gostBitsOf, gostMdFlag, opensslAsync } from '../gost/openssl.js';

export interface TokenExpectations {
  issuer: string;
  audience: string;
  /** Our clock's known offset from the provider's, seconds. */
  clockSkewSeconds: number;
  /** Leeway for exp, nbf and iat, seconds. */
  toleranceSeconds: number;
}

export type EsiaClaims = Record<string, unknown> & { sub?: unknown; 'urn:esia:sbj_id'?: unknown };

const invalid = (message: string, claim?: string) =>
  new IdentityError('token_invalid', claim ? `${message} (claim "${claim}")` : message);

/**
 * Verifies ESIA's JWTs by their `alg` against the provider's certificate (the file ESIA publishes): GOST R
 * 34.10-2012 (`GOST3410_2012_256`/`_512`) with OpenSSL's GOST engine, RS256 with node:crypto. The alg
 * must fit the certificate's key, so a token cannot pick a weaker check. Then iss, aud, exp, nbf, iat.
 */
export function createEsiaTokenVerifier(providerCertificate: string | Buffer) {
  const cert = new X509Certificate(providerCertificate);
  const bits = gostBitsOf(cert.raw);
  let gostPublicKey: Promise<string> | undefined;
  const publicPem = () => {
    gostPublicKey ??= opensslAsync(
      ['x509', '-engine', 'gost', '-inform', 'DER', '-in', 'cert.der', '-pubkey', '-noout'],
      { 'cert.der': cert.raw },
    ).then((r) => {
      if (!r) throw new Error("the provider certificate's key cannot be read (is the GOST engine installed?)");
      return r.stdout.toString('utf8');
    });
    return gostPublicKey;
  };

  async function signatureValid(alg: string, input: Buffer, signature: Buffer): Promise<boolean> {
    if (alg === 'RS256')
      return (
        !bits &&
        rsaVerify('sha256', input, createPublicKey(cert.publicKey.export({ type: 'spki', format: 'pem' })), signature)
      );
    const size = ESIA_TOKEN_ALGS[alg as keyof typeof ESIA_TOKEN_ALGS];
    if (!bits || size !== bits || signature.length !== bits / 4) return false;
    const r = await opensslAsync(
      ['dgst', '-engine', 'gost', gostMdFlag(bits), '-verify', 'pub.pem', '-signature', 'sig.bin', 'data.bin'],
      {
        'pub.pem': await publicPem(),
        'sig.bin': signature,
        'data.bin': input,
      },
    );
    return Boolean(r?.stdout.toString('utf8').includes('Verified OK'));
  }

  return async function verifyEsiaToken(token: string, expected: TokenExpectations): Promise<EsiaClaims> {
    const parts = token.split('.');
    if (parts.length !== 3) throw invalid('The ID token is not a JWT');
    let header: { alg?: unknown };
    let claims: EsiaClaims;
    try {
      header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    } catch {
      throw invalid('The ID token cannot be decoded');
    }
    const alg = String(header.alg);
    if (!(alg in ESIA_TOKEN_ALGS)) throw invalid(`The ID token's alg ${alg} is not one ESIA uses`);
    if (
      !(await signatureValid(alg, Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii'), Buffer.from(parts[2]!, 'base64url')))
    ) {
      throw invalid(`The ID token's ${alg} signature does not verify with the provider's certificate`);
    }
    if (claims.iss !== expected.issuer) throw invalid(`The ID token was issued by ${String(claims.iss)}`, 'iss');
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(expected.audience)) throw invalid('The ID token is for another client', 'aud');
    const now = Date.now() / 1000 + expected.clockSkewSeconds;
    const tol = expected.toleranceSeconds;
    const num = (name: string) => (typeof claims[name] === 'number' ? (claims[name] as number) : undefined);
    if (num('exp') === undefined || num('exp')! <= now - tol) throw invalid('The ID token has expired', 'exp');
    if (num('nbf') !== undefined && num('nbf')! > now + tol) throw invalid('The ID token is not valid yet', 'nbf');
    if (num('iat') !== undefined && num('iat')! > now + tol)
      throw invalid('The ID token was issued in the future', 'iat');
    return claims;
  };
}
