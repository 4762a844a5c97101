import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../../src/logger.js';

describe('log redaction', () => {
  it('censors personal data and credentials at any of the first levels', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    log.info({
      snils: '11223344595',
      person: { snils: '11223344595', phone: '+79990001122', passport: '4510 123456' },
      job: { data: { email: 'a@b.ru', token: 'tok' } },
      req: { headers: { authorization: 'Bearer dh_x', cookie: 'domhub_sid=abc' } },
    }, 'hello');
    const out = lines.join('');
    for (const secret of ['11223344595', '+79990001122', '4510 123456', 'a@b.ru', 'tok"', 'dh_x', 'domhub_sid=abc']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
