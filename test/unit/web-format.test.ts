import { afterEach, describe, expect, it } from 'vitest';
import { readCookie, setCookieSource } from '../../web/src/lib/cookies.js';
import {
  countOf,
  daysFrom,
  formatDate,
  formatDateTime,
  formatDaysLeft,
  formatDecimal,
  formatMoney,
  formatPeriod,
  maskDate,
  parseDate,
  setDisplayZone,
  parseDecimal,
  parseMoney,
  plural,
} from '../../web/src/lib/format.js';

const sp = (s: string) => s.replace(/ /g, '\u00a0');

describe('the cabinet formats money from kopecks without floats', () => {
  it('groups roubles and writes kopecks after a comma', () => {
    expect(formatMoney('461159')).toBe(sp('4 611,59 ₽'));
    expect(formatMoney('0')).toBe(sp('0,00 ₽'));
    expect(formatMoney('5')).toBe(sp('0,05 ₽'));
    expect(formatMoney(100n)).toBe(sp('1,00 ₽'));
    expect(formatMoney('123456789012')).toBe(sp('1 234 567 890,12 ₽'));
    expect(formatMoney('-1050')).toBe(sp('−10,50 ₽'));
    expect(formatMoney('1050', { sign: true })).toBe(sp('+10,50 ₽'));
  });

  it('keeps every digit of amounts beyond 2^53 kopecks', () => {
    expect(formatMoney('9007199254740993')).toBe(sp('90 071 992 547 409,93 ₽'));
  });

  it('reads amounts as people type them', () => {
    expect(parseMoney('1 234,5')).toBe(123450n);
    expect(parseMoney('1234.56 ₽')).toBe(123456n);
    expect(parseMoney('10')).toBe(1000n);
    expect(parseMoney('1,234')).toBeNull();
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney('-5')).toBeNull();
  });
});

describe('the cabinet formats readings and decimals with a comma', () => {
  it('trims trailing zeros, groups thousands, keeps up to three places', () => {
    expect(formatDecimal('1234.500')).toBe(sp('1 234,5'));
    expect(formatDecimal('0.125')).toBe('0,125');
    expect(formatDecimal('15.000')).toBe('15');
    expect(formatDecimal('15.000', { minFraction: 1 })).toBe('15,0');
    expect(formatDecimal('00012.3')).toBe('12,3');
  });

  it('parses what people type into the API decimal string', () => {
    expect(parseDecimal('123,4')).toBe('123.4');
    expect(parseDecimal(' 1 234.567 ')).toBe('1234.567');
    expect(parseDecimal('12')).toBe('12');
    expect(parseDecimal('1,2345')).toBeNull();
    expect(parseDecimal('12,')).toBeNull();
    expect(parseDecimal('-1')).toBeNull();
  });
});

describe('the cabinet writes dates as дд.мм.гггг', () => {
  it('takes date-only strings as written and instants in the given zone', () => {
    expect(formatDate('2026-11-30')).toBe('30.11.2026');
    expect(formatDate('2026-11-30T22:30:00Z', 'Europe/Moscow')).toBe('01.12.2026');
    expect(formatDate('2026-11-30T22:30:00Z', 'UTC')).toBe('30.11.2026');
    expect(formatDateTime('2026-11-30T22:30:00Z', 'Europe/Moscow')).toBe('01.12.2026 01:30');
    expect(formatPeriod('2026-02')).toBe('Февраль 2026');
  });

  it('counts calendar days to a date', () => {
    const today = new Date(2026, 11, 1);
    expect(daysFrom('2026-12-04', today)).toBe(3);
    expect(daysFrom('2026-11-26', today)).toBe(-5);
    expect(formatDaysLeft(3)).toBe(`через ${sp('3 дня')}`);
    expect(formatDaysLeft(-5)).toBe(`${sp('5 дней')} назад`);
    expect(formatDaysLeft(0)).toBe('сегодня');
  });
});

describe('the cabinet takes dates typed as дд.мм.гггг', () => {
  it('reads real calendar dates only', () => {
    expect(parseDate('06.11.2026')).toBe('2026-11-06');
    expect(parseDate('6.1.2026')).toBe('2026-01-06');
    expect(parseDate(' 29.02.2028 ')).toBe('2028-02-29');
    expect(parseDate('29.02.2027')).toBeNull();
    expect(parseDate('31.04.2026')).toBeNull();
    expect(parseDate('2026-11-06')).toBeNull();
    expect(parseDate('06.11.26')).toBeNull();
  });

  it('puts in the dots as digits are typed, and leaves deleting alone', () => {
    const typed = [...'12012026'].reduce((text, digit) => maskDate(text + digit, text), '');
    expect(typed).toBe('12.01.2026');
    expect(maskDate('6.1', '6.')).toBe('6.1');
    expect(maskDate('6.11', '6.1')).toBe('6.11.');
    expect(maskDate('12.', '12.0')).toBe('12.');
    expect(maskDate('12', '12.')).toBe('12');
    expect(maskDate('12012026', '')).toBe('12.01.2026');
    expect(maskDate('12/01/2026', '')).toBe('12.01.2026');
    expect(maskDate('2026-01-12', '')).toBe('12.01.2026');
    expect(maskDate('12.01.20267', '12.01.2026')).toBe('12.01.2026');
    expect(maskDate('1a2', '1')).toBe('12.');
  });
});

describe('the cabinet picks Russian plural forms by Intl.PluralRules', () => {
  const forms = ['счётчик', 'счётчика', 'счётчиков'] as const;
  it.each([
    [1, 'счётчик'],
    [2, 'счётчика'],
    [4, 'счётчика'],
    [5, 'счётчиков'],
    [11, 'счётчиков'],
    [12, 'счётчиков'],
    [14, 'счётчиков'],
    [21, 'счётчик'],
    [22, 'счётчика'],
    [25, 'счётчиков'],
    [101, 'счётчик'],
    [111, 'счётчиков'],
    [0, 'счётчиков'],
  ])('%i %s', (n, form) => {
    expect(plural(n, forms)).toBe(form);
  });
  it('writes the count with its form', () => {
    expect(countOf(1, forms)).toBe(sp('1 счётчик'));
    expect(countOf(2, forms)).toBe(sp('2 счётчика'));
    expect(countOf(5, forms)).toBe(sp('5 счётчиков'));
    expect(countOf(1021, forms)).toBe(sp('1 021 счётчик'));
  });
});

// A prerendered page is written on the server in the zone the browser reported, and hydrated in it.
describe('dates in the display zone of a prerendered page', () => {
  afterEach(() => setDisplayZone(() => undefined));

  it('writes instants and counts "today" in that zone, whatever the process zone', () => {
    setDisplayZone(() => 'Asia/Vladivostok');
    // 16:30 UTC on the 7th is 02:30 on the 8th in Vladivostok.
    expect(formatDateTime('2026-12-07T16:30:00Z')).toBe('08.12.2026 02:30');
    expect(formatDate(new Date('2026-12-07T16:30:00Z'))).toBe('08.12.2026');
    expect(daysFrom('2026-12-10', new Date('2026-12-07T16:30:00Z'))).toBe(2);
    setDisplayZone(() => 'Europe/Moscow');
    expect(formatDateTime('2026-12-07T16:30:00Z')).toBe('07.12.2026 19:30');
    expect(daysFrom('2026-12-10', new Date('2026-12-07T16:30:00Z'))).toBe(3);
    // A date-only string is the same day everywhere.
    expect(formatDate('2026-12-31')).toBe('31.12.2026');
  });
});

describe("the cabinet's own cookies", () => {
  it('reads one by name from the source it is given (the browser, or the request being prerendered)', () => {
    setCookieSource(() => 'domhub_tz=Asia%2FVladivostok; domhub_news_shown=1');
    expect(readCookie('domhub_tz')).toBe('Asia/Vladivostok');
    expect(readCookie('domhub_news_shown')).toBe('1');
    expect(readCookie('domhub')).toBeUndefined();
    setCookieSource(() => '');
    expect(readCookie('domhub_tz')).toBeUndefined();
  });
});
