import { describe, expect, it } from 'vitest';
import {
  buildPaymentQrPayload,
  parsePaymentQrPayload,
  PaymentQrError,
  paymPeriod,
} from '../../src/billing/payment-qr.js';

const required = {
  Name: 'ООО «УК Домхаб»',
  PersonalAcc: '40702810900000001234',
  BankName: 'АО «Демобанк»',
  BIC: '044525999',
  CorrespAcc: '30101810600000000999',
};

describe('ГОСТ Р 56042-2014 payload', () => {
  it('starts with ST0001, the UTF-8 flag and | and puts the required block first in order', () => {
    const payload = buildPaymentQrPayload({
      ...required,
      Sum: 123456n,
      PersAcc: '100012',
      PaymPeriod: paymPeriod('2026-03'),
      TechCode: '02',
      PayeeINN: '7701234560',
    });
    expect(payload).toBe(
      'ST00012|Name=ООО «УК Домхаб»|PersonalAcc=40702810900000001234|BankName=АО «Демобанк»|BIC=044525999|CorrespAcc=30101810600000000999' +
        '|Sum=123456|PayeeINN=7701234560|PersAcc=100012|PaymPeriod=032026|TechCode=02',
    );
    expect(parsePaymentQrPayload(payload).fields).toMatchObject({
      Sum: '123456',
      PaymPeriod: '032026',
      Name: 'ООО «УК Домхаб»',
    });
  });

  it('switches the separator when a value contains |', () => {
    const payload = buildPaymentQrPayload({ ...required, Purpose: 'ЖКУ | март' });
    const parsed = parsePaymentQrPayload(payload);
    expect(parsed.separator).not.toBe('|');
    expect(parsed.fields.Purpose).toBe('ЖКУ | март');
  });

  it('refuses missing required fields and broken lengths, listing each', () => {
    try {
      buildPaymentQrPayload({
        ...required,
        Name: '',
        BIC: '04452599',
        Purpose: 'x'.repeat(161),
        PaymPeriod: '2026-03',
        TechCode: '2',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PaymentQrError);
      expect((err as PaymentQrError).problems.map((p) => p.field).sort()).toEqual([
        'BIC',
        'Name',
        'PaymPeriod',
        'Purpose',
        'TechCode',
      ]);
    }
  });

  it('limits the required block to 300 bytes (Cyrillic takes 2 bytes per letter in UTF-8)', () => {
    const name = 'Ж'.repeat(150); // 150 characters: within the 160 limit, but 300 bytes alone
    expect(() => buildPaymentQrPayload({ ...required, Name: name })).toThrow(/300 bytes/);
    // The rest of the block takes 127 bytes here: 86 letters (172 bytes) fit exactly, 87 do not.
    const block = (n: number) => Buffer.byteLength(buildPaymentQrPayload({ ...required, Name: 'Ж'.repeat(n) }), 'utf8');
    expect(block(86)).toBe(299);
    expect(() => buildPaymentQrPayload({ ...required, Name: 'Ж'.repeat(87) })).toThrow(/300 bytes/);
  });

  it('refuses a negative sum', () => {
    expect(() => buildPaymentQrPayload({ ...required, Sum: -1n })).toThrow(PaymentQrError);
  });
});
