import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../src/identity/return-to.js';
import { formatSnils, isValidSnils, maskPhone, maskSnils, snilsControl } from '../../src/identity/snils.js';
import { SANDBOX_CITIZENS } from '../../src/sandbox/esia/citizens.js';

describe('SNILS', () => {
  it('checks control numbers, including the 100/101 and modulo cases', () => {
    expect(isValidSnils('11223344595')).toBe(true);
    expect(isValidSnils('11223344594')).toBe(false);
    expect(snilsControl('000000000')).toBe('00');
    // weights 9..1: 9·9 + 1·8 + 1·7 = 96, plus the last digit
    expect(snilsControl('911000003')).toBe('99'); // 99
    expect(snilsControl('911000004')).toBe('00'); // 100
    expect(snilsControl('911000005')).toBe('00'); // 101
    expect(snilsControl('911000006')).toBe('01'); // 102 mod 101
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const c = snilsControl(nine);
        expect(c).toMatch(/^\d{2}$/);
        expect(isValidSnils(nine + c)).toBe(true);
      }),
    );
  });

  it('gives every sandbox citizen a valid SNILS', () => {
    for (const c of SANDBOX_CITIZENS) expect(isValidSnils(c.snils)).toBe(true);
  });

  it('formats and masks', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
    expect(maskSnils('11223344595')).toBe('***-***-445 95');
    expect(maskPhone('+7(916)1234567')).toBe('+7 *** ***-45-67');
  });
});

describe('return_to', () => {
  const site = 'https://hub.example';
  it('keeps paths and same-origin URLs, refuses other origins and tricks', () => {
    expect(safeReturnTo(undefined, site)).toBe('/api/v1/me');
    expect(safeReturnTo('/accounts?x=1', site)).toBe('/accounts?x=1');
    expect(safeReturnTo('https://hub.example/a/b?c#d', site)).toBe('/a/b?c#d');
    for (const bad of [
      '//evil.example/x',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      'https://hub.example.evil/',
      '/\nx',
    ]) {
      expect(safeReturnTo(bad, site)).toBeNull();
    }
  });
});

describe('ESIA configuration', () => {
  it('points sign-in at the sandbox provider by default and wants signing keys for a real one in production', async () => {
    const { loadConfig } = await import('../../src/config.js');
    const sandbox = loadConfig({ PORT: '4000' });
    expect(sandbox.esia).toMatchObject({
      issuer: 'http://localhost:4000/sandbox/esia',
      redirectUri: 'http://localhost:4000/auth/callback',
      signatureMode: 'v2',
      clientId: 'DOMHUB',
    });
    const production = {
      NODE_ENV: 'production',
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      SMTP_URL: 'smtp://x:1',
      ESIA_ISSUER: 'https://esia.example/',
      GIS_SIGNER_URL: 'https://signer.example/',
    };
    expect(() => loadConfig(production)).toThrow(/ESIA_CERT_PATH and ESIA_KEY_PATH/);
    expect(() => loadConfig({ ...production, ESIA_PKCS12_PATH: '/etc/domhub/esia.p12' })).toThrow(
      /ESIA_PROVIDER_CERT_PATH/,
    );
    const real = {
      ...production,
      ESIA_PKCS12_PATH: '/etc/domhub/esia.p12',
      ESIA_PROVIDER_CERT_PATH: '/etc/domhub/esia-provider.pem',
    };
    expect(loadConfig(real).esia).toMatchObject({
      issuer: 'https://esia.example',
      tokenIssuer: 'http://esia.example/',
      passLoginHint: false,
    });
    // The real provider's hosts by name; the token issuer as ESIA writes it.
    expect(loadConfig({ ...real, ESIA_ISSUER: 'test' }).esia).toMatchObject({
      issuer: 'https://esia-portal1.test.gosuslugi.ru',
      tokenIssuer: 'http://esia-portal1.test.gosuslugi.ru/',
    });
    expect(loadConfig({ ...real, ESIA_ISSUER: 'production' }).esia).toMatchObject({
      issuer: 'https://esia.gosuslugi.ru',
      tokenIssuer: 'http://esia.gosuslugi.ru/',
    });
    expect(() => loadConfig({ ESIA_CERT_PATH: '/a.pem' })).toThrow(/give both/);
    expect(() => loadConfig({ ESIA_SIGNATURE_MODE: 'v4' })).toThrow(/ESIA_SIGNATURE_MODE/);
  });
});
