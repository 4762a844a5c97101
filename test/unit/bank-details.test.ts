import { describe, expect, it } from 'vitest';
import {
  bankDetailsProblems,
  isValidBik,
  isValidCorrespondentAccount,
  isValidInn,
  isValidSettlementAccount,
} from '../../src/validation/ru-checksums.js';

describe('INN', () => {
  it('accepts organisations’ and persons’ INNs whose control digits match', () => {
    expect(isValidInn('7701234560')).toBe(true); // the demo organisation
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('500100732259')).toBe(true);
  });
  it('refuses a wrong control digit, wrong length or letters', () => {
    expect(isValidInn('7701234561')).toBe(false);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('500100732249')).toBe(false);
    expect(isValidInn('77012345')).toBe(false);
    expect(isValidInn('77012345a0')).toBe(false);
  });
  it('catches every single-digit change of a valid 10-digit INN', () => {
    const inn = '7707083893';
    for (let i = 0; i < 10; i++) {
      for (let d = 0; d < 10; d++) {
        const changed = inn.slice(0, i) + d + inn.slice(i + 1);
        if (changed !== inn && i === 9) expect(isValidInn(changed)).toBe(false);
      }
    }
  });
});

describe('bank accounts', () => {
  const bik = '044525225';
  it('checks a correspondent account with 0 + BIK digits 5–6 and a settlement account with the BIK’s last 3', () => {
    expect(isValidBik(bik)).toBe(true);
    expect(isValidCorrespondentAccount('30101810400000000225', bik)).toBe(true);
    expect(isValidCorrespondentAccount('30101810500000000225', bik)).toBe(false);
    expect(isValidSettlementAccount('40702810900000001234', '044525999')).toBe(true);
    expect(isValidSettlementAccount('40702810800000001234', '044525999')).toBe(false);
  });
  it('detects any single-digit error in a settlement account', () => {
    const acc = '40702810900000001234';
    for (let i = 0; i < 20; i++) {
      const d = (Number(acc[i]) + 1) % 10;
      expect(isValidSettlementAccount(acc.slice(0, i) + d + acc.slice(i + 1), '044525999')).toBe(false);
    }
  });
  it('refuses a correspondent account not starting 301 and malformed input', () => {
    expect(isValidCorrespondentAccount('40702810900000001234', '044525999')).toBe(false);
    expect(isValidSettlementAccount('4070281090000000123', '044525999')).toBe(false);
    expect(isValidBik('04452522')).toBe(false);
  });
  it('lists every failed field of a payee', () => {
    expect(
      bankDetailsProblems({
        inn: '7701234560',
        bik: '044525999',
        settlementAccount: '40702810900000001234',
        correspondentAccount: '30101810600000000999',
      }),
    ).toEqual([]);
    expect(
      bankDetailsProblems({
        inn: '7701234561',
        bik: '044525999',
        settlementAccount: '40702810800000001234',
        correspondentAccount: '30101810600000000999',
      }).map((p) => p.field),
    ).toEqual(['inn', 'settlementAccount']);
  });
});
