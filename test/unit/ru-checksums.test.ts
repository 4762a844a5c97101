import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidBik,
  isValidCorrespondentAccount,
  isValidInn,
  isValidKpp,
  isValidOgrn,
  isValidSettlementAccount,
  isValidSnils,
} from '../../src/validation/ru-checksums.js';

// Published identifiers of Sberbank (INN, BIK, correspondent account) serve as known-good vectors.
const SBER_BIK = '044525225';

describe('INN', () => {
  it('accepts real 10- and 12-digit numbers and refuses a changed control digit', () => {
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidInn('7707083894')).toBe(false);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn('500100732258')).toBe(false);
    expect(isValidInn('77070838')).toBe(false);
    expect(isValidInn('77070838 3')).toBe(false);
  });
});

describe('OGRN and KPP', () => {
  it("checks OGRN's control digit (13 digits mod 11, ОГРНИП's 15 mod 13) and KPP's form", () => {
    expect(isValidOgrn('1027700132195')).toBe(true); // Sberbank
    expect(isValidOgrn('1027700132196')).toBe(false);
    expect(isValidOgrn('304500116000157')).toBe(true);
    expect(isValidOgrn('304500116000158')).toBe(false);
    expect(isValidOgrn('10277001321')).toBe(false);
    expect(isValidKpp('773601001')).toBe(true);
    expect(isValidKpp('7736AB001')).toBe(true);
    expect(isValidKpp('7736ab001')).toBe(false);
    expect(isValidKpp('77360100')).toBe(false);
  });
});

describe('SNILS', () => {
  it('checks the two control digits, including the 100/101 → 00 rule', () => {
    expect(isValidSnils('11223344595')).toBe(true);
    expect(isValidSnils('11223344596')).toBe(false);
    expect(isValidSnils('08765432102')).toBe(true);
    expect(isValidSnils('92000000300')).toBe(true); // weighted sum 100 → 00
    expect(isValidSnils('92000000400')).toBe(true); // 101 → 00
    expect(isValidSnils('92000000401')).toBe(false);
    expect(isValidSnils('99200000066')).toBe(true); // 167 → 167 mod 101 = 66
    expect(isValidSnils('112-233-445 95')).toBe(false);
  });
});

describe('BIK and accounts', () => {
  it('accepts the Bank of Russia format of a BIK', () => {
    expect(isValidBik(SBER_BIK)).toBe(true);
    expect(isValidBik('144525225')).toBe(false);
    expect(isValidBik('04452522')).toBe(false);
  });

  it('checks a correspondent account against its BIK', () => {
    expect(isValidCorrespondentAccount('30101810400000000225', SBER_BIK)).toBe(true);
    expect(isValidCorrespondentAccount('30101810500000000225', SBER_BIK)).toBe(false);
    expect(isValidCorrespondentAccount('40101810400000000225', SBER_BIK)).toBe(false);
  });

  it('checks a settlement account against its BIK', () => {
    expect(isValidSettlementAccount('40702810938000000001', SBER_BIK)).toBe(true);
    expect(isValidSettlementAccount('40702810938000000001', '044525226')).toBe(false);
    expect(isValidSettlementAccount('4070281093800000000', SBER_BIK)).toBe(false);
  });

  it('notices any single changed digit of a settlement account', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const good = '40702810938000000001';
        const changed = good.slice(0, pos) + ((Number(good[pos]) + delta) % 10) + good.slice(pos + 1);
        return !isValidSettlementAccount(changed, SBER_BIK);
      }),
    );
  });
});
