import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../src/identity/crypto.js';

const key = (n: number) => Buffer.alloc(32, n);

describe('field cipher', () => {
  it('round-trips and never stores the plain value', () => {
    const c = createFieldCipher([{ id: 'k1', key: key(1) }]);
    const sealed = c.encrypt('11223344595');
    expect(sealed).not.toContain('11223344595');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(c.decrypt(sealed)).toBe('11223344595');
    expect(c.encrypt('11223344595')).not.toBe(sealed); // random IV
  });

  it('decrypts with an older key after rotation', () => {
    const old = createFieldCipher([{ id: 'k1', key: key(1) }]);
    const rotated = createFieldCipher([
      { id: 'k2', key: key(2) },
      { id: 'k1', key: key(1) },
    ]);
    const sealed = old.encrypt('секрет');
    expect(rotated.decrypt(sealed)).toBe('секрет');
    expect(rotated.encrypt('x').startsWith('v1.k2.')).toBe(true);
  });

  it('refuses tampered cipher text', () => {
    const c = createFieldCipher([{ id: 'k1', key: key(1) }]);
    const sealed = c.encrypt('abc');
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => c.decrypt(tampered)).toThrow();
  });

  it('gives a stable blind index per value', () => {
    const c = createFieldCipher([{ id: 'k1', key: key(1) }]);
    expect(c.blindIndex('1')).toBe(c.blindIndex('1'));
    expect(c.blindIndex('1')).not.toBe(c.blindIndex('2'));
  });
});
