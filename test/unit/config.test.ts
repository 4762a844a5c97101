import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('gives working defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.role).toBe('all');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sandbox).toBe(true);
    expect(c.demoData).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', ROLE: 'boss', DATABASE_URL: 'not a url', ENCRYPTION_KEYS: 'k1:short' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'ROLE', 'DATABASE_URL', 'ENCRYPTION_KEYS']) expect(problems).toContain(name);
      expect((err as ConfigError).message).toMatch(/^Invalid configuration:/);
    }
  });

  it('turns sandbox off when real endpoints are named, and on when asked', () => {
    expect(loadConfig({ ESIA_ISSUER: 'https://esia.example/' }).sandbox).toBe(false);
    expect(loadConfig({ ESIA_ISSUER: 'https://esia.example/', SANDBOX: 'true' }).sandbox).toBe(true);
  });

  it('requires encryption keys and no sandbox in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ENCRYPTION_KEYS: required in production/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` }),
    ).toThrow(/SANDBOX/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });

  it('parses several encryption keys for rotation, the first one current', () => {
    const a = Buffer.alloc(32, 1).toString('base64');
    const b = Buffer.alloc(32, 2).toString('base64');
    const c = loadConfig({ ENCRYPTION_KEYS: `new:${a},old:${b}` });
    expect(c.encryptionKeys.map((k) => k.id)).toEqual(['new', 'old']);
  });
});
