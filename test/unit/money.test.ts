import { describe, expect, it } from 'vitest';
import { formatRubles, rublesToKopecks } from '../../src/money.js';

describe('money', () => {
  it('parses rubles to kopecks without floats', () => {
    expect(rublesToKopecks('1234.56')).toBe(123456n);
    expect(rublesToKopecks('0,1')).toBe(10n);
    expect(rublesToKopecks('-5')).toBe(-500n);
    expect(rublesToKopecks('90071992547409.93')).toBe(9007199254740993n); // past 2^53
    expect(() => rublesToKopecks('1.234')).toThrow();
    expect(() => rublesToKopecks('1e3')).toThrow();
  });
  it('formats kopecks the Russian way', () => {
    expect(formatRubles(123456789n)).toBe('1\u00a0234\u00a0567,89\u00a0₽');
    expect(formatRubles('-5')).toBe('-0,05\u00a0₽');
  });
});
