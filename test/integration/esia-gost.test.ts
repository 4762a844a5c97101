import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGostEsiaSigner } from '../../adapters/esia/gost-signer.js';
import { createEsiaTokenVerifier } from '../../adapters/esia/id-token.js';
import { generateGostCredentials, gostEngineAvailable } from '../../adapters/gost/openssl.js';
import { esiaSecretString } from '../../contracts/esia.js';

// ESIA's GOST pieces of the relying party, each checked by the `openssl` program: client_secret (bare
// signature and CMS), client_certificate_hash, and the verification of GOST-signed ID tokens.

const dir = mkdtempSync(join(tmpdir(), 'esia-gost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ossl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
const opensslOk = (args: string[]) => {
  try {
    ossl(args);
    return true;
  } catch {
    return false;
  }
};
const swap = (b: Buffer) => Buffer.concat([b.subarray(b.length / 2), b.subarray(0, b.length / 2)]);

describe.skipIf(!gostEngineAvailable())('ESIA with GOST R 34.10-2012 (checked by OpenSSL)', () => {
  const client = generateGostCredentials(256, 'client');
  const provider = generateGostCredentials(256, 'ESIA');
  const content = esiaSecretString('v2', {
    clientId: 'DOMHUB',
    scope: 'openid fullname',
    timestamp: '2026.12.01 19:00:00 +0300',
    state: crypto.randomUUID(),
    redirectUri: 'https://hub.example/auth/callback',
  });
  writeFileSync(join(dir, 'content.txt'), content);
  writeFileSync(join(dir, 'client.pem'), client.certPem);
  writeFileSync(
    join(dir, 'client-pub.pem'),
    ossl(['x509', '-engine', 'gost', '-in', 'client.pem', '-pubkey', '-noout']),
  );

  it('v2 client_secret: a bare signature, base64url, that openssl dgst -verify accepts (and not with halves swapped)', async () => {
    const signer = createGostEsiaSigner(client, 'v2');
    const secret = await signer.sign(content);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{86}$/); // 64 bytes, no padding
    const sig = Buffer.from(secret, 'base64url');
    const verify = (s: Buffer) => {
      writeFileSync(join(dir, 'sig.bin'), s);
      return opensslOk([
        'dgst',
        '-engine',
        'gost',
        '-md_gost12_256',
        '-verify',
        'client-pub.pem',
        '-signature',
        'sig.bin',
        'content.txt',
      ]);
    };
    expect(verify(sig)).toBe(true);
    expect(verify(swap(sig))).toBe(false);
    expect(verify(Buffer.from(sig).reverse())).toBe(false);
    // client_certificate_hash: GOST R 34.11-2012 (256) of the certificate's DER, upper-case hex.
    writeFileSync(join(dir, 'client.der'), client.certDer);
    const hex = ossl(['dgst', '-engine', 'gost', '-md_gost12_256', '-r', 'client.der']).toString().split(' ')[0]!;
    expect(await signer.certificateHash()).toBe(hex.toUpperCase());
    signer.close();
  });

  it('legacy client_secret: a detached CMS that openssl cms -verify accepts for this content and this certificate only', async () => {
    const signer = createGostEsiaSigner(client, 'legacy');
    writeFileSync(join(dir, 'cms.der'), Buffer.from(await signer.sign(content), 'base64url'));
    const verify = (contentFile: string, certFile: string) =>
      opensslOk([
        'cms',
        '-verify',
        '-engine',
        'gost',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'cms.der',
        '-content',
        contentFile,
        '-nointern',
        '-certfile',
        certFile,
        '-noverify',
        '-out',
        'out.bin',
      ]);
    expect(verify('content.txt', 'client.pem')).toBe(true);
    writeFileSync(join(dir, 'other.txt'), `${content}x`);
    expect(verify('other.txt', 'client.pem')).toBe(false);
    writeFileSync(join(dir, 'provider.pem'), provider.certPem);
    expect(verify('content.txt', 'provider.pem')).toBe(false);
    signer.close();
  });

  it('verifies a GOST3410_2012_256 ID token signed by openssl with the provider key; refuses swapped halves, another iss or aud, expiry', async () => {
    writeFileSync(join(dir, 'provider-key.pem'), provider.keyPem);
    const now = Math.floor(Date.now() / 1000);
    const jwt = (claims: object, alg = 'GOST3410_2012_256') => {
      const input = `${Buffer.from(JSON.stringify({ ver: 1, typ: 'JWT', sbt: 'id', alg })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
      writeFileSync(join(dir, 'jwt.txt'), input);
      ossl(['dgst', '-engine', 'gost', '-md_gost12_256', '-sign', 'provider-key.pem', '-out', 'jwt.sig', 'jwt.txt']);
      return { input, sig: readFileSync(join(dir, 'jwt.sig')) };
    };
    const claims = {
      iss: 'http://esia-portal1.test.gosuslugi.ru/',
      aud: 'DOMHUB',
      sub: 1000000001,
      'urn:esia:sbj_id': 1000000001,
      iat: now,
      nbf: now,
      exp: now + 3600,
    };
    const expected = {
      issuer: 'http://esia-portal1.test.gosuslugi.ru/',
      audience: 'DOMHUB',
      clockSkewSeconds: 0,
      toleranceSeconds: 30,
    };
    const verify = createEsiaTokenVerifier(provider.certPem);
    const good = jwt(claims);
    expect(await verify(`${good.input}.${good.sig.toString('base64url')}`, expected)).toMatchObject({
      'urn:esia:sbj_id': 1000000001,
    });
    await expect(verify(`${good.input}.${swap(good.sig).toString('base64url')}`, expected)).rejects.toThrow(
      /signature does not verify/,
    );
    await expect(
      createEsiaTokenVerifier(client.certPem)(`${good.input}.${good.sig.toString('base64url')}`, expected),
    ).rejects.toThrow(/signature does not verify/);
    const rs = jwt(claims, 'RS256'); // an alg that does not fit the certificate's key
    await expect(verify(`${rs.input}.${rs.sig.toString('base64url')}`, expected)).rejects.toThrow(
      /signature does not verify/,
    );
    for (const [change, claim] of [
      [{ iss: 'http://evil/' }, 'iss'],
      [{ aud: 'OTHER' }, 'aud'],
      [{ exp: now - 120 }, 'exp'],
      [{ nbf: now + 600 }, 'nbf'],
    ] as const) {
      const t = jwt({ ...claims, ...change });
      await expect(verify(`${t.input}.${t.sig.toString('base64url')}`, expected)).rejects.toThrow(`claim "${claim}"`);
    }
  });
});
