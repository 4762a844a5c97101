import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

// A software authenticator for tests: a P-256 key answering WebAuthn ceremonies the way a platform
// authenticator does (packed 'none' attestation, user present and verified, a signature counter).

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};

export function softAuthenticator(origin: string, rpID: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const credentialId = randomBytes(16);
  const rpIdHash = createHash('sha256').update(rpID).digest();
  let counter = 0;
  let userHandle = '';
  const cose = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]),
  );
  const clientData = (type: string, challenge: string, at = origin) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: at, crossOrigin: false }));

  return {
    credentialId: b64url(credentialId),
    /** navigator.credentials.create() */
    create(options: { challenge: string; user?: { id: string } }) {
      userHandle = options.user?.id ?? '';
      const authData = Buffer.concat([
        rpIdHash,
        Buffer.from([0x01 | 0x04 | 0x40]),
        u32(counter),
        Buffer.alloc(16),
        u16(credentialId.length),
        credentialId,
        cose,
      ]);
      const entries: [string, string | Uint8Array | Map<string, string>][] = [
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ];
      const attestationObject = isoCBOR.encode(new Map(entries));
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', options.challenge)),
          attestationObject: b64url(attestationObject),
          transports: ['internal'],
        },
      };
    },
    /** navigator.credentials.get(); `origin` lets a test answer as another site would. */
    get(options: { challenge: string }, at = origin) {
      counter += 1;
      const authData = Buffer.concat([rpIdHash, Buffer.from([0x01 | 0x04]), u32(counter)]);
      const cd = clientData('webauthn.get', options.challenge, at);
      const signature = sign('sha256', Buffer.concat([authData, createHash('sha256').update(cd).digest()]), privateKey);
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key' as const,
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(cd),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          userHandle,
        },
      };
    },
  };
}
