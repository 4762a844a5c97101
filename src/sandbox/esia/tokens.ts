import { createPrivateKey, randomUUID, sign as rsaSign } from 'node:crypto';
import { openssl } from '../openssl.js';
import type { SandboxEsiaSecrets } from './secrets.js';

/**
 * The provider's JWTs as ESIA shapes them: header `{ver, typ, sbt, alg}` with alg GOST3410_2012_256 (the
 * signature as OpenSSL's GOST engine makes it, s || r big-endian), or RS256 without the engine.
 */
export function createTokenSigner(secrets: SandboxEsiaSecrets) {
  const rsaKey = secrets.algorithm === 'RS256' ? createPrivateKey(secrets.providerKeyPem) : undefined;
  return async function signJwt(kind: 'id' | 'access', claims: Record<string, unknown>): Promise<string> {
    const part = (o: object) => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');
    const input = `${part({ ver: 1, typ: 'JWT', sbt: kind, alg: secrets.algorithm, kid: 'sandbox' })}.${part(claims)}`;
    let signature: Buffer;
    if (rsaKey) {
      signature = rsaSign('sha256', Buffer.from(input, 'ascii'), rsaKey);
    } else {
      const r = await openssl(
        ['dgst', '-engine', 'gost', '-md_gost12_256', '-sign', 'key.pem', '-out', 'sig.bin', 'data.bin'],
        { 'key.pem': secrets.providerKeyPem, 'data.bin': input },
        ['sig.bin'],
      );
      if (!r.ok) throw new Error('the sandbox provider could not sign a token');
      signature = r.files['sig.bin']!;
    }
    return `${input}.${signature.toString('base64url')}`;
  };
}

/** Claims of ESIA's ID token (urn:esia:sbj_id is the person's oid, a number). */
export function idTokenClaims(o: { issuer: string; clientId: string; oid: string; ttlSeconds: number }) {
  const now = Math.floor(Date.now() / 1000);
  const oid = Number(o.oid);
  return {
    iss: o.issuer,
    sub: oid,
    aud: o.clientId,
    nbf: now,
    iat: now,
    exp: now + o.ttlSeconds,
    auth_time: now,
    amr: 'PWD',
    'urn:esia:sid': randomUUID(),
    'urn:esia:sbj_id': oid,
    'urn:esia:sbj': {
      'urn:esia:sbj:typ': 'P',
      'urn:esia:sbj:is_tru': true,
      'urn:esia:sbj:oid': oid,
      'urn:esia:sbj:nam': `OID.${oid}`,
    },
  };
}
