import { addMonths, dayOfPeriod, localDate, periodOf } from '../calendar.js';

/** The organisation's reading window: days of the month, inclusive, in the house's time zone. */
export interface WindowPolicy {
  startDay: number;
  endDay: number;
  /** What happens to a reading sent while the window is closed (DOMAIN.md: next period or reject). */
  outside: 'next_period' | 'reject';
}

export interface WindowState {
  /** The window is open at this moment, in the house's time zone. */
  open: boolean;
  /** The period a reading sent now belongs to: the open window's, else the next window's. */
  period: string;
  /** First and last local day of that period's window. */
  opensOn: string;
  closesOn: string;
  /** A reading sent now is taken (open, or closed with outside = next_period). */
  accepting: boolean;
  timezone: string;
}

/**
 * The window of a period: from startDay to endDay of the period's month, or — when endDay is before
 * startDay — to endDay of the following month. Days past a short month's end mean its last day.
 */
export function windowOf(period: string, policy: Pick<WindowPolicy, 'startDay' | 'endDay'>) {
  const closing = policy.endDay >= policy.startDay ? period : addMonths(period, 1);
  return { opensOn: dayOfPeriod(period, policy.startDay), closesOn: dayOfPeriod(closing, policy.endDay) };
}

/** Where `now` falls relative to the windows of the current and neighbouring periods. */
export function readingWindow(now: Date, timezone: string, policy: WindowPolicy): WindowState {
  const todayIso = localDate(now, timezone);
  const current = periodOf(todayIso);
  for (const period of [addMonths(current, -1), current]) {
    const w = windowOf(period, policy);
    if (w.opensOn <= todayIso && todayIso <= w.closesOn) return { open: true, period, ...w, accepting: true, timezone };
  }
  const next = [current, addMonths(current, 1)].find((p) => windowOf(p, policy).opensOn > todayIso)!;
  return {
    open: false,
    period: next,
    ...windowOf(next, policy),
    accepting: policy.outside === 'next_period',
    timezone,
  };
}
