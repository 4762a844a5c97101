import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGisSigner } from '../../adapters/gis/index.js';
import { createGostSigner, GOST_XMLDSIG } from '../../adapters/gis/gost-signer.js';
import { envelope, renderImport, SIGNED_CONTAINER_ID } from '../../adapters/gis/render.js';
import { signXades } from '../../adapters/gis/xades.js';
import {
  generateGostCredentials,
  gostEngineAvailable,
  type GostBits,
  type GostMaterial,
} from '../../adapters/gost/openssl.js';
import { MUNICIPAL_RESOURCE_CODES } from '../../contracts/gis/items.js';
import { verifyEnvelopeSignature } from '../../src/sandbox/gis/verify.js';

// GOST R 34.10-2012 signatures of the hub, each checked by the `openssl` program with the GOST engine
// (not by the hub's worker): raw values, XAdES envelopes as the simulator checks them, PKCS#12 keys.

const dir = mkdtempSync(join(tmpdir(), 'gost-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `openssl dgst -verify` of a raw signature with the certificate's public key. */
function opensslVerifies(bits: GostBits, certPem: string, data: Buffer, signature: Buffer): boolean {
  writeFileSync(join(dir, 'cert.pem'), certPem);
  writeFileSync(join(dir, 'data.bin'), data);
  writeFileSync(join(dir, 'sig.bin'), signature);
  const pub = execFileSync('openssl', ['x509', '-engine', 'gost', '-in', 'cert.pem', '-pubkey', '-noout'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  writeFileSync(join(dir, 'pub.pem'), pub);
  try {
    const md = bits === 512 ? '-md_gost12_512' : '-md_gost12_256';
    return execFileSync(
      'openssl',
      ['dgst', '-engine', 'gost', md, '-verify', 'pub.pem', '-signature', 'sig.bin', 'data.bin'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] },
    )
      .toString()
      .includes('Verified OK');
  } catch {
    return false;
  }
}

const swapHalves = (sig: Buffer) => Buffer.concat([sig.subarray(sig.length / 2), sig.subarray(0, sig.length / 2)]);

describe.skipIf(!gostEngineAvailable())('GOST signing (OpenSSL GOST engine)', () => {
  const keys = new Map<GostBits, GostMaterial>();
  const material = (bits: GostBits) => {
    if (!keys.has(bits)) keys.set(bits, generateGostCredentials(bits, `test ${bits}`));
    return keys.get(bits)!;
  };

  it.each([256, 512] as const)(
    'GOST R 34.10-2012 (%i): OpenSSL verifies; another key, a changed byte or swapped halves fail',
    async (bits) => {
      const m = material(bits);
      const signer = createGostSigner(m);
      const data = Buffer.from('<SignedInfo>данные</SignedInfo>', 'utf8');
      const sig = await signer.sign(data);
      expect(sig.length).toBe(bits / 4);
      expect(opensslVerifies(bits, m.certPem, data, sig)).toBe(true);
      const other = generateGostCredentials(bits, 'other');
      expect(opensslVerifies(bits, other.certPem, data, sig)).toBe(false);
      const changed = Buffer.from(data);
      changed[3] = changed[3]! ^ 1;
      expect(opensslVerifies(bits, m.certPem, changed, sig)).toBe(false);
      expect(opensslVerifies(bits, m.certPem, data, swapHalves(sig))).toBe(false);
      // The digest is GOST R 34.11-2012 of that size, as `openssl dgst` computes it.
      writeFileSync(join(dir, 'd.bin'), data);
      const hex = execFileSync(
        'openssl',
        ['dgst', '-engine', 'gost', bits === 512 ? '-md_gost12_512' : '-md_gost12_256', '-r', 'd.bin'],
        { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] },
      )
        .toString()
        .split(' ')[0];
      expect((await signer.digest(data)).toString('hex')).toBe(hex);
      expect(signer.signatureAlgorithm).toBe(GOST_XMLDSIG[bits].signature);
      signer.close();
    },
  );

  it.each([256, 512] as const)(
    "a XAdES envelope signed with GOST %i passes the simulator's OpenSSL check; tampering fails it",
    async (bits) => {
      const signer = createGostSigner(material(bits));
      const body = renderImport('importMeteringDeviceValues', [
        {
          transportGuid: randomUUID(),
          meterVersionGuid: randomUUID(),
          electric: false,
          resource: { code: MUNICIPAL_RESOURCE_CODES.hot_water, guid: randomUUID(), name: 'Горячая вода' },
          t1: '12.345',
          takenOn: '2026-01-20',
          period: '2026-01',
        },
      ]);
      const xml = envelope({
        messageGuid: 'c2a1b6f0-2f5e-4d8c-9a41-6b7e3d2c1f03',
        date: '2026-11-20T10:00:00.000Z',
        orgPpaGuid: '5e1b7c3a-8d2f-4a6e-b9c0-1d3e5f7a9b04',
        body,
      });
      const signed = await signXades(xml, SIGNED_CONTAINER_ID, signer);
      expect(signed).toContain(`Algorithm="${GOST_XMLDSIG[bits].signature}"`);
      expect(signed).toContain(`Algorithm="${GOST_XMLDSIG[bits].digest}"`);
      expect(await verifyEnvelopeSignature(signed)).toEqual({ valid: true, hashedBy: 'gost' });
      expect((await verifyEnvelopeSignature(signed.replace('12.345', '12.346'))).reason).toMatch(/digest mismatch/);
      const value = /<ds:SignatureValue>([^<]+)</.exec(signed)![1]!;
      const swapped = swapHalves(Buffer.from(value, 'base64')).toString('base64');
      expect((await verifyEnvelopeSignature(signed.replace(value, swapped))).reason).toMatch(/does not verify/);
      const reversed = Buffer.from(value, 'base64').reverse().toString('base64');
      expect((await verifyEnvelopeSignature(signed.replace(value, reversed))).valid).toBe(false);
      // SignedInfo canonicalised otherwise (exclusive instead of the declared inclusive C14N) does not verify.
      const exclusive = signed.replace(
        '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>',
        '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
      );
      expect((await verifyEnvelopeSignature(exclusive)).valid).toBe(false);
      signer.close();
    },
  );

  it('takes the key and certificate from a PKCS#12 file (password-protected), and from PEM files', async () => {
    const m = material(256);
    writeFileSync(join(dir, 'k.pem'), m.keyPem);
    writeFileSync(join(dir, 'c.pem'), m.certPem);
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        '-engine',
        'gost',
        '-inkey',
        'k.pem',
        '-in',
        'c.pem',
        '-out',
        'org.p12',
        '-passout',
        'pass:секрет',
      ],
      { cwd: dir, stdio: 'ignore' },
    );
    const fromP12 = createGisSigner({
      baseUrl: 'http://x',
      timeoutMs: 1,
      signPkcs12File: join(dir, 'org.p12'),
      signPkcs12Password: 'секрет',
    });
    const fromPem = createGisSigner({
      baseUrl: 'http://x',
      timeoutMs: 1,
      signKeyFile: join(dir, 'k.pem'),
      signCertFile: join(dir, 'c.pem'),
    });
    for (const signer of [fromP12, fromPem]) {
      const sig = await signer.sign(Buffer.from('x'));
      expect(opensslVerifies(256, m.certPem, Buffer.from('x'), sig)).toBe(true);
      expect(signer.certificate.der.equals(m.certDer)).toBe(true);
    }
    expect(() =>
      createGisSigner({
        baseUrl: 'http://x',
        timeoutMs: 1,
        signPkcs12File: join(dir, 'org.p12'),
        signPkcs12Password: 'wrong',
      }),
    ).toThrow();
  });

  it('signs in one long-lived process: thousands of signatures a second', async () => {
    const signer = createGostSigner(material(256));
    await signer.sign(Buffer.from('warm-up'));
    const n = 2000;
    const started = performance.now();
    const sigs = await Promise.all(Array.from({ length: n }, (_, i) => signer.sign(Buffer.from(`message ${i}`))));
    const perSecond = n / ((performance.now() - started) / 1000);
    console.log(`GOST R 34.10-2012 (256): ${Math.round(perSecond)} signatures/s`);
    expect(opensslVerifies(256, material(256).certPem, Buffer.from(`message ${n - 1}`), sigs[n - 1]!)).toBe(true);
    expect(perSecond).toBeGreaterThan(200);
    signer.close();
  });
});
