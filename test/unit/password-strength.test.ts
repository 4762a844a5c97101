import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, MIN_SCORE } from '../../src/identity/password-strength.js';
import { hashPassword, verifyPassword } from '../../src/identity/passwords.js';

describe('password strength', () => {
  it('refuses common, Russian and keyboard-layout passwords, with Russian feedback', () => {
    for (const p of ['password1', 'qwerty123', 'parol12345', 'ghbdtn123', 'йцукен123', 'пароль2026', 'Passw0rd!']) {
      const v = checkPasswordStrength(p, []);
      expect(v.ok, p).toBe(false);
      expect(v.message).toMatch(/^Пароль слишком/);
    }
  });

  it('refuses short ones before scoring', () => {
    expect(checkPasswordStrength('Xk9#', [])).toMatchObject({
      ok: false,
      score: 0,
      message: expect.stringMatching(/не меньше 8/),
    });
  });

  it("counts the person's own e-mail and names against the password", () => {
    expect(checkPasswordStrength('vasilisa.premudraya', ['vasilisa.premudraya@example.ru']).ok).toBe(false);
    expect(checkPasswordStrength('Premudraya2026', ['v@example.ru', 'Premudraya']).ok).toBe(false);
  });

  it('accepts long passphrases and random strings', () => {
    for (const p of ['Sinyaya-Sosna-42-Veter', 'Кот-на-крыше-смотрит-вниз', 'jvnekd8x!Q']) {
      const v = checkPasswordStrength(p, ['anna@example.ru']);
      expect(v.ok, p).toBe(true);
      expect(v.score).toBeGreaterThanOrEqual(MIN_SCORE);
    }
  });
});

describe('argon2id hashes', () => {
  it('verify the right password only, and an unknown account costs a verification too', async () => {
    const h = await hashPassword('Sinyaya-Sosna-42-Veter');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(h, 'Sinyaya-Sosna-42-Veter')).toBe(true);
    expect(await verifyPassword(h, 'sinyaya-sosna-42-veter')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    const started = performance.now();
    expect(await verifyPassword(undefined, 'anything')).toBe(false);
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});
