import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { createForgeSigner } from '../../adapters/esia/forge-signer.js';
import { mapEsiaPerson } from '../../adapters/esia/person.js';
import { esiaSecretString, esiaTimestamp, parseEsiaTimestamp } from '../../contracts/esia.js';
import { registeredClient, signedString } from '../../src/sandbox/esia/secret-check.js';

const parts = {
  clientId: 'DOMHUB',
  scope: 'openid fullname snils',
  timestamp: '2026.11.21 14:03:05 +0300',
  state: '0f8fad5b-d9cb-469f-a165-70867728950e',
  redirectUri: 'https://hub.example/auth/callback',
};

describe('client_secret string', () => {
  it('legacy: scope + timestamp + client_id + state', () => {
    expect(esiaSecretString('legacy', parts)).toBe(
      'openid fullname snils2026.11.21 14:03:05 +0300DOMHUB0f8fad5b-d9cb-469f-a165-70867728950e',
    );
  });

  it('v2/v3: client_id + scope + scope_org + timestamp + state + redirect_uri, + code at the token step', () => {
    expect(esiaSecretString('v2', parts)).toBe(
      'DOMHUBopenid fullname snils2026.11.21 14:03:05 +03000f8fad5b-d9cb-469f-a165-70867728950ehttps://hub.example/auth/callback',
    );
    expect(esiaSecretString('v2', { ...parts, scopeOrg: 'org_emps', code: 'abc' })).toBe(
      'DOMHUBopenid fullname snilsorg_emps2026.11.21 14:03:05 +03000f8fad5b-d9cb-469f-a165-70867728950ehttps://hub.example/auth/callbackabc',
    );
    // The legacy string ignores redirect_uri and code.
    expect(esiaSecretString('legacy', { ...parts, code: 'abc' })).toBe(esiaSecretString('legacy', parts));
  });

  it('is the string the sandbox provider expects from the request parameters (its own code, from the guide)', () => {
    const p = {
      client_id: parts.clientId,
      scope: parts.scope,
      timestamp: parts.timestamp,
      state: parts.state,
      redirect_uri: parts.redirectUri,
    };
    expect(signedString('v2', p, 'abc')).toBe(esiaSecretString('v2', { ...parts, code: 'abc' }));
    expect(signedString('v2', { ...p, scope_org: 'org_emps' })).toBe(
      esiaSecretString('v2', { ...parts, scopeOrg: 'org_emps' }),
    );
    expect(signedString('legacy', p)).toBe(esiaSecretString('legacy', parts));
  });
});

describe('timestamp', () => {
  it('is yyyy.MM.dd HH:mm:ss Z in the given offset', () => {
    const at = new Date('2026-11-21T11:03:05Z');
    expect(esiaTimestamp(at, 180)).toBe('2026.11.21 14:03:05 +0300');
    expect(esiaTimestamp(at)).toBe('2026.11.21 11:03:05 +0000');
    expect(esiaTimestamp(new Date('2026-01-01T02:00:00Z'), -330)).toBe('2025.12.31 20:30:00 -0530');
    expect(esiaTimestamp(new Date('2026-11-21T23:30:00Z'), 600)).toBe('2026.11.22 09:30:00 +1000');
  });

  it('parses back to the same instant and refuses other shapes', () => {
    const at = new Date('2026-11-21T11:03:05Z');
    for (const offset of [0, 180, 600, -330])
      expect(parseEsiaTimestamp(esiaTimestamp(at, offset))?.toISOString()).toBe(at.toISOString());
    expect(parseEsiaTimestamp('2026-11-21 14:03:05 +0300')).toBeNull();
    expect(parseEsiaTimestamp('2026.11.21 14:03:05')).toBeNull();
  });
});

function selfSigned() {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '03';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ shortName: 'CN', value: 'unit' }]);
  cert.setIssuer([{ shortName: 'CN', value: 'unit' }]);
  cert.sign(key, forge.md.sha256.create());
  return { cert, key, certPem: forge.pki.certificateToPem(cert), keyPem };
}

describe('RSA signer of a sandbox without the GOST engine (checked by the sandbox provider with OpenSSL)', () => {
  const a = selfSigned();
  const b = selfSigned();
  const content = esiaSecretString('v2', parts);

  it('legacy: a detached PKCS#7 that verifies against its certificate only, for this content only', async () => {
    const signer = createForgeSigner({ certificatePem: a.certPem, privateKeyPem: a.keyPem }, 'legacy');
    const sig = await signer.sign(content);
    expect(sig).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
    const p7 = forge.pkcs7.messageFromAsn1(
      forge.asn1.fromDer(Buffer.from(sig, 'base64url').toString('binary')),
    ) as forge.pkcs7.PkcsSignedData;
    expect(p7.certificates[0]!.serialNumber).toBe(a.cert.serialNumber);
    expect(await registeredClient(a.certPem, false).verifyCms(content, sig)).toBe(true);
    expect(await registeredClient(a.certPem, false).verifyCms(`${content}x`, sig)).toBe(false);
    expect(await registeredClient(b.certPem, false).verifyCms(content, sig)).toBe(false);
    expect(await registeredClient(a.certPem, false).verifyCms(content, 'not-a-signature')).toBe(false);
  });

  it('v2: a bare signature; the certificate hash in upper-case hex', async () => {
    const signer = createForgeSigner({ certificatePem: a.certPem, privateKeyPem: a.keyPem }, 'v2');
    const sig = await signer.sign(content);
    expect(await registeredClient(a.certPem, false).verifySignature(content, sig)).toBe(true);
    expect(await registeredClient(b.certPem, false).verifySignature(content, sig)).toBe(false);
    expect(await signer.certificateHash()).toBe(await registeredClient(a.certPem, false).certificateHash());
  });

  it('loads the certificate and key from PKCS#12 and from an encrypted PEM key', async () => {
    const p12 = forge.pkcs12.toPkcs12Asn1(a.key, [a.cert], 'secret', { algorithm: '3des' });
    const fromP12 = createForgeSigner({
      pkcs12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
      passphrase: 'secret',
    });
    expect(await registeredClient(a.certPem, false).verifyCms(content, await fromP12.sign(content))).toBe(true);

    const encrypted = forge.pki.encryptRsaPrivateKey(a.key, 'pass', { algorithm: 'aes256' });
    const fromPem = createForgeSigner({ certificatePem: a.certPem, privateKeyPem: encrypted, passphrase: 'pass' });
    expect(await registeredClient(a.certPem, false).verifyCms('абв', await fromPem.sign('абв'))).toBe(true);
    expect(() =>
      createForgeSigner({ certificatePem: a.certPem, privateKeyPem: encrypted, passphrase: 'wrong' }),
    ).toThrow();
  });
});

describe('ESIA person mapping', () => {
  it('maps names, dd.MM.yyyy birth date, formatted SNILS and verified contacts', () => {
    const p = mapEsiaPerson(
      {
        firstName: 'Иван',
        lastName: 'Иванов',
        middleName: 'Иванович',
        birthDate: '12.04.1980',
        snils: '112-233-445 95',
      },
      {
        elements: [
          { type: 'EML', vrfStu: 'VERIFIED', value: 'i@example.ru' },
          { type: 'MBT', vrfStu: 'NOT_VERIFIED', value: '+7(916)1234567' },
        ],
      },
    );
    expect(p).toEqual({
      lastName: 'Иванов',
      firstName: 'Иван',
      middleName: 'Иванович',
      birthDate: '1980-04-12',
      snils: '11223344595',
      email: 'i@example.ru',
      emailVerified: true,
      mobile: '+7(916)1234567',
      mobileVerified: false,
    });
  });

  it('tolerates missing optional data and refuses a person without a name', () => {
    expect(mapEsiaPerson({ firstName: 'А', lastName: 'Б' }, null)).toMatchObject({
      middleName: null,
      birthDate: null,
      snils: null,
      email: null,
    });
    expect(() => mapEsiaPerson({ firstName: 'А' }, null)).toThrow();
  });
});
