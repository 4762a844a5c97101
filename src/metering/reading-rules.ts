import { dialRange, fromThousandths } from './decimal.js';
import { monthsBetween } from '../calendar.js';

// The rules of DOMAIN.md "Meters and readings", on exact thousandths. Pure: the service supplies
// the meter, its history and the organisation's policy.

export const TARIFFS = ['t1', 't2', 't3'] as const;
export type Tariff = (typeof TARIFFS)[number];

export interface MeterFacts {
  tariffs: number;
  /** Integer digits of the dial; null when unknown (then no rollover is recognised). */
  digitCapacity: number | null;
  /** YYYY-MM-DD or null. */
  nextVerification: string | null;
  archived: boolean;
}

export interface PastReading {
  period: string;
  values: bigint[]; // one per tariff, thousandths
}

export interface Violation {
  code:
    | 'meter_archived'
    | 'tariff_values_mismatch'
    | 'reading_exceeds_capacity'
    | 'reading_below_previous'
    | 'meter_verification_overdue'
    | 'consumption_confirmation_required';
  message: string;
  tariff?: Tariff;
  /** Confirmation is a soft refusal: the same reading with confirm=true is taken. */
  soft?: boolean;
  details?: Record<string, string | number>;
}

/**
 * Consumption from `previous` to `next` on one dial. A lower value is a rollover only when the
 * dial's capacity is known and the wrapped consumption (10^digits − previous + next) is under a
 * tenth of the dial's range; otherwise it is a lower reading (null), which is refused.
 */
export function consumption(
  previous: bigint,
  next: bigint,
  digitCapacity: number | null,
): { amount: bigint; rolledOver: boolean } | null {
  if (next >= previous) return { amount: next - previous, rolledOver: false };
  if (digitCapacity === null) return null;
  const range = dialRange(digitCapacity);
  const wrapped = range - previous + next;
  return wrapped * 10n < range ? { amount: wrapped, rolledOver: true } : null;
}

/**
 * Average monthly consumption per tariff over the given readings (oldest first): the consumptions
 * between consecutive readings, summed, divided by the months they span. Null with fewer than two.
 */
export function averageMonthly(
  history: PastReading[],
  meter: Pick<MeterFacts, 'tariffs' | 'digitCapacity'>,
): bigint[] | null {
  if (history.length < 2) return null;
  const totals = Array.from({ length: meter.tariffs }, () => 0n);
  let months = 0;
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1]!;
    const b = history[i]!;
    const span = monthsBetween(a.period, b.period);
    if (span <= 0) continue;
    const used = totals.map((_, t) => consumption(a.values[t] ?? 0n, b.values[t] ?? 0n, meter.digitCapacity));
    if (used.some((u) => u === null)) continue; // a broken pair says nothing about the usual consumption
    for (const [t, u] of used.entries()) totals[t]! += u!.amount;
    months += span;
  }
  return months ? totals.map((v) => v / BigInt(months)) : null;
}

export interface CheckInput {
  meter: MeterFacts;
  values: bigint[];
  period: string;
  /** The latest accepted reading of an earlier period, if any. */
  previous: PastReading | null;
  average: bigint[] | null;
  /** The local date the reading is taken on (YYYY-MM-DD). */
  today: string;
  policy: { acceptUnverifiedMeters: boolean; confirmFactorHundredths: bigint };
  confirmed: boolean;
}

export interface CheckResult {
  violations: Violation[];
  /** Consumption per tariff since the previous reading (null without one). */
  consumption: bigint[] | null;
  /** The resident confirmed an unusually high consumption. */
  highConsumption: boolean;
}

export function checkReading(input: CheckInput): CheckResult {
  const { meter, values } = input;
  const violations: Violation[] = [];
  if (meter.archived)
    violations.push({ code: 'meter_archived', message: 'The meter is archived and takes no readings' });
  if (values.length !== meter.tariffs) {
    const tariff = TARIFFS[Math.min(values.length, meter.tariffs)] ?? 't3';
    violations.push({
      code: 'tariff_values_mismatch',
      tariff,
      message: `The meter has ${meter.tariffs} tariff(s): send exactly ${TARIFFS.slice(0, meter.tariffs).join(', ')}`,
    });
    return { violations, consumption: null, highConsumption: false };
  }
  if (meter.nextVerification && input.today > meter.nextVerification && !input.policy.acceptUnverifiedMeters) {
    violations.push({
      code: 'meter_verification_overdue',
      message: `The meter's verification was due on ${meter.nextVerification}; its readings cannot be used for billing until it is verified`,
      details: { nextVerification: meter.nextVerification },
    });
  }
  values.forEach((v, t) => {
    if (meter.digitCapacity !== null && v >= dialRange(meter.digitCapacity)) {
      violations.push({
        code: 'reading_exceeds_capacity',
        tariff: TARIFFS[t],
        message: `${fromThousandths(v)} does not fit on a dial of ${meter.digitCapacity} digits`,
      });
    }
  });
  if (!input.previous || violations.length) return { violations, consumption: null, highConsumption: false };

  const prev = input.previous;
  const used: bigint[] = [];
  values.forEach((v, t) => {
    const c = consumption(prev.values[t] ?? 0n, v, meter.digitCapacity);
    if (!c) {
      violations.push({
        code: 'reading_below_previous',
        tariff: TARIFFS[t],
        message: `${fromThousandths(v)} is below the previous reading ${fromThousandths(prev.values[t] ?? 0n)} of ${prev.period}`,
        details: { previous: fromThousandths(prev.values[t] ?? 0n), previousPeriod: prev.period },
      });
    }
    used.push(c?.amount ?? 0n);
  });
  if (violations.length) return { violations, consumption: null, highConsumption: false };

  // Far above average: more than factor × average × the months since the previous reading.
  let high = false;
  if (input.average) {
    const months = BigInt(Math.max(1, monthsBetween(prev.period, input.period)));
    used.forEach((c, t) => {
      const avg = input.average![t] ?? 0n;
      if (avg > 0n && c * 100n > input.policy.confirmFactorHundredths * avg * months) {
        high = true;
        if (!input.confirmed) {
          violations.push({
            code: 'consumption_confirmation_required',
            tariff: TARIFFS[t],
            soft: true,
            message: `Consumption ${fromThousandths(c)} is far above the average ${fromThousandths(avg)} per month: send again with confirm=true if it is right`,
            details: { consumption: fromThousandths(c), averageMonthly: fromThousandths(avg) },
          });
        }
      }
    });
  }
  return { violations, consumption: used, highConsumption: high };
}
