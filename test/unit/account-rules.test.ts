import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressLevels,
  formatObject,
  houseParts,
  houseRecord,
  hierarchyRecord,
} from '../../src/registry/gar/records.js';
import { nextPeriod } from '../../src/calendar.js';
import {
  invitationCode,
  normaliseInvitationCode,
  parseShare,
  sharesFit,
  surnameMatches,
} from '../../src/accounts/rules.js';

describe('surname proof', () => {
  it('ignores case, ё/е, spaces and hyphens, and needs a recorded owner', () => {
    expect(surnameMatches('алешин', ['Алёшин'])).toBe(true);
    expect(surnameMatches(' РИМСКИЙ-корсаков ', ['Римский Корсаков'])).toBe(true);
    expect(surnameMatches('Петров', ['Петрова'])).toBe(false);
    expect(surnameMatches('', [''])).toBe(false);
    expect(surnameMatches('Иванов', [])).toBe(false);
  });
});

describe('shares', () => {
  it('parses fractions and checks their sum exactly', () => {
    expect(parseShare('1/2')).toEqual({ numerator: 1, denominator: 2 });
    expect(parseShare('3/2')).toBeNull();
    expect(
      sharesFit([
        { numerator: 1, denominator: 3 },
        { numerator: 2, denominator: 3 },
      ]),
    ).toBe(true);
    expect(
      sharesFit([
        { numerator: 1, denominator: 3 },
        { numerator: 1, denominator: 3 },
        { numerator: 1, denominator: 3 },
      ]),
    ).toBe(true);
    expect(
      sharesFit([
        { numerator: 2, denominator: 3 },
        { numerator: 1, denominator: 2 },
      ]),
    ).toBe(false);
  });

  it('accepts any split of the whole into n equal shares', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (n) =>
        sharesFit(Array.from({ length: n }, () => ({ numerator: 1, denominator: n }))),
      ),
    );
  });
});

describe('billing periods', () => {
  it("counts from the month after, in the house's time zone", () => {
    expect(nextPeriod(new Date('2026-03-15T10:00:00Z'), 'Europe/Moscow')).toBe('2026-04');
    expect(nextPeriod(new Date('2026-12-31T21:30:00Z'), 'Europe/Moscow')).toBe('2027-02');
    expect(nextPeriod(new Date('2026-12-31T12:00:00Z'), 'Europe/Moscow')).toBe('2027-01');
    // 31 March 20:00 UTC is already April in Vladivostok
    expect(nextPeriod(new Date('2026-03-31T20:00:00Z'), 'Asia/Vladivostok')).toBe('2026-05');
  });
});

describe('invitation codes', () => {
  it('are readable and compare regardless of case and dashes', () => {
    const code = invitationCode();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(normaliseInvitationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(normaliseInvitationCode(code));
  });
});

describe('ГАР records', () => {
  it('keep only actual versions and read house parts by their types', () => {
    const base = { OBJECTID: '5', OBJECTGUID: '00000000-0000-4000-8000-000000000005', HOUSENUM: '12', ISACTIVE: '1' };
    expect(houseRecord({ ...base, ISACTUAL: '0' })).toBeNull();
    const h = houseRecord({ ...base, ISACTUAL: '1', ADDNUM1: '2', ADDTYPE1: '1', ADDNUM2: 'А', ADDTYPE2: '4' })!;
    expect(houseParts(h)).toEqual({ building: '2', structure: null, letter: 'А' });
    expect(hierarchyRecord({ OBJECTID: '5', PATH: '1.2.5', ISACTIVE: '0' })).toBeNull();
    expect(
      hierarchyRecord({ OBJECTID: '5', PARENTOBJID: '2', PATH: '1.2.5', ISACTIVE: '1', REGIONCODE: '25' }),
    ).toEqual({
      objectId: '5',
      parentObjectId: '2',
      path: '1.2.5',
      regionCode: 25,
    });
  });

  it('write address objects in the usual order and pick levels', () => {
    expect(formatObject('Приморский', 'край')).toBe('Приморский край');
    expect(formatObject('Ленина', 'ул')).toBe('ул. Ленина');
    expect(formatObject('Мира', 'пр-кт')).toBe('пр-кт Мира');
    const levels = addressLevels(
      [
        { level: 1, name: 'Приморский', type: 'край' },
        { level: 5, name: 'Владивосток', type: 'г' },
        { level: 8, name: 'Светланская', type: 'ул' },
      ],
      [{ level: 3, name: 'Владивостокский', type: 'г.о.' }],
    );
    expect(levels).toEqual({
      region: 'Приморский край',
      municipality: 'Владивостокский г.о.',
      settlement: 'г. Владивосток',
      street: 'ул. Светланская',
      regionIsCity: false,
    });
  });
});
