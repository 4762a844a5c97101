import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromThousandths, toThousandths } from '../../src/metering/decimal.js';
import { averageMonthly, checkReading, consumption, type CheckInput } from '../../src/metering/reading-rules.js';

const t = toThousandths;
const base: CheckInput = {
  meter: { tariffs: 3, digitCapacity: 6, nextVerification: '2030-01-01', archived: false },
  values: [t('3605.962'), t('1402.118'), t('2210.305')],
  period: '2026-05',
  previous: { period: '2026-04', values: [t('3463.462'), t('1340.868'), t('2115.180')] },
  average: [t('142.500'), t('61.250'), t('95.125')],
  today: '2026-05-20',
  policy: { acceptUnverifiedMeters: false, confirmFactorHundredths: 300n },
  confirmed: false,
};
const codes = (input: Partial<CheckInput>) =>
  checkReading({ ...base, ...input }).violations.map((v) => `${v.code}:${v.tariff ?? ''}`);

describe('decimals', () => {
  it('round-trips every numeric(15,3) value exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), (v) => {
        expect(toThousandths(fromThousandths(v))).toBe(v);
      }),
    );
    expect(fromThousandths(t('3605.962') - t('3463.462'))).toBe('142.500');
    expect(fromThousandths(t('0.1') + t('0.2'))).toBe('0.300'); // 0.1 + 0.2 in floats is 0.30000000000000004
  });
  it('refuses more than three decimals or twelve digits', () => {
    expect(() => toThousandths('1.2345')).toThrow();
    expect(() => toThousandths('1234567890123')).toThrow();
    expect(() => toThousandths('-1')).toThrow();
  });
});

describe('consumption and rollover', () => {
  it('is the difference when the dial went up', () => {
    expect(consumption(t('3463.462'), t('3605.962'), 6)).toEqual({ amount: t('142.500'), rolledOver: false });
  });
  it('wraps past the capacity: 10^digits − previous + new', () => {
    expect(consumption(t('99990.500'), t('12.250'), 5)).toEqual({ amount: t('21.750'), rolledOver: true });
    expect(fromThousandths(consumption(t('999999.999'), t('0.001'), 6)!.amount)).toBe('0.002');
  });
  it('treats a lower value as an error when the wrap would be implausible or the capacity unknown', () => {
    expect(consumption(t('500.000'), t('400.000'), 5)).toBeNull();
    expect(consumption(t('99990.500'), t('12.250'), null)).toBeNull();
  });
});

describe('checkReading', () => {
  it('accepts a three-tariff reading and gives exact consumption per tariff', () => {
    const r = checkReading(base);
    expect(r.violations).toEqual([]);
    expect(r.consumption!.map(fromThousandths)).toEqual(['142.500', '61.250', '95.125']);
  });
  it('refuses a value below the previous one, naming the tariff', () => {
    expect(codes({ values: [t('3605.962'), t('1340.867'), t('2210.305')] })).toEqual(['reading_below_previous:t2']);
  });
  it('accepts an equal value (no consumption)', () => {
    expect(codes({ values: base.previous!.values })).toEqual([]);
  });
  it('refuses a value that does not fit on the dial', () => {
    expect(codes({ values: [t('1000000.000'), t('1402.118'), t('2210.305')] })).toEqual([
      'reading_exceeds_capacity:t1',
    ]);
  });
  it('wants one value per tariff', () => {
    expect(codes({ values: [t('3605.962')] })).toEqual(['tariff_values_mismatch:t2']);
  });
  it('refuses a meter past its verification date unless the organisation allows it', () => {
    const meter = { ...base.meter, nextVerification: '2026-05-19' };
    expect(codes({ meter })).toEqual(['meter_verification_overdue:']);
    expect(codes({ meter, today: '2026-05-19' })).toEqual([]); // due today is not yet past
    expect(codes({ meter, policy: { ...base.policy, acceptUnverifiedMeters: true } })).toEqual([]);
  });
  it('asks to confirm a consumption above factor × average × months, and takes it when confirmed', () => {
    const high = [t('3605.962') + t('300.000'), t('1402.118'), t('2210.305')];
    // 442.500 > 3 × 142.500 = 427.500
    expect(codes({ values: high })).toEqual(['consumption_confirmation_required:t1']);
    expect(checkReading({ ...base, values: high }).violations[0]!.soft).toBe(true);
    const ok = checkReading({ ...base, values: high, confirmed: true });
    expect(ok.violations).toEqual([]);
    expect(ok.highConsumption).toBe(true);
    // the same consumption over four months since the previous reading is ordinary
    expect(codes({ values: high, previous: { ...base.previous!, period: '2026-01' } })).toEqual([]);
    // exactly at the threshold is not "above"
    expect(codes({ values: [t('3463.462') + t('427.500'), t('1402.118'), t('2210.305')] })).toEqual([]);
  });
  it('refuses an archived meter', () => {
    expect(codes({ meter: { ...base.meter, archived: true } })).toEqual(['meter_archived:']);
  });
});

describe('averageMonthly', () => {
  it('spreads consumption over the months spanned, across a rollover', () => {
    const avg = averageMonthly(
      [
        { period: '2026-01', values: [t('99900.000')] },
        { period: '2026-02', values: [t('99960.000')] },
        { period: '2026-04', values: [t('80.000')] }, // rolled over: 120 in two months
      ],
      { tariffs: 1, digitCapacity: 5 },
    );
    expect(avg!.map(fromThousandths)).toEqual(['60.000']);
  });
  it('is unknown with fewer than two readings', () => {
    expect(averageMonthly([{ period: '2026-01', values: [1n] }], { tariffs: 1, digitCapacity: 5 })).toBeNull();
  });
});
