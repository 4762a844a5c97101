import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/**
 * Encrypts personal data at rest with AES-256-GCM. The first key encrypts; any listed key decrypts,
 * so keys rotate by prepending a new one and re-encrypting at leisure. Format: `v1.<keyId>.<b64>`.
 */
export function createFieldCipher(keys: EncryptionKey[]) {
  const [current] = keys;
  if (!current) throw new Error('at least one encryption key is required');
  const byId = new Map(keys.map((k) => [k.id, k.key]));

  return {
    encrypt(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${current.id}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed: string): string {
      const [version, keyId, b64] = sealed.split('.');
      const key = keyId ? byId.get(keyId) : undefined;
      if (version !== 'v1' || !key || !b64) throw new Error('unknown cipher text format or key');
      const raw = Buffer.from(b64, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    /** A keyed hash for equality look-ups (find a person by SNILS) without storing the value. */
    blindIndex(value: string): string {
      return createHmac('sha256', current.key).update(`idx:${value}`).digest('hex');
    },
  };
}

export type FieldCipher = ReturnType<typeof createFieldCipher>;
