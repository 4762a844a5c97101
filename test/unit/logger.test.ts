import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

describe('log redaction', () => {
  it('censors personal data and credentials at the top level and at any depth', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger('info', { destination: sink });
    log.info(
      {
        snils: '11223344595',
        token: { nested: 'an object under a sensitive key' },
        person: { snils: '11223344595', phone: '+79990001122', passport: '4510 123456', mobile: 79990001133 },
        job: { data: { email: 'a@b.ru', token: 'tok', deeper: { still: { client_secret: 'cs-\\"quoted\\"' } } } },
        req: { method: 'GET', url: '/auth/callback?code=secret-code', headers: { cookie: 'domhub_sid=abc' } },
        upstream: { headers: { authorization: 'Bearer dh_x', cookie: 'domhub_sid=abc' } },
        note: 'the word snils in a value stays',
      },
      'hello',
    );
    const out = lines.join('');
    for (const secret of [
      '11223344595',
      '+79990001122',
      '4510 123456',
      '79990001133',
      'a@b.ru',
      'tok"',
      'cs-',
      'dh_x',
      'domhub_sid=abc',
      'an object',
      'secret-code',
    ]) {
      expect(out).not.toContain(secret);
    }
    const parsed = JSON.parse(out);
    expect(parsed.job.data.deeper.still.client_secret).toBe('[redacted]');
    expect(parsed.note).toBe('the word snils in a value stays');
  });
});
