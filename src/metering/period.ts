// Billing periods (YYYY-MM) and local calendar dates (YYYY-MM-DD) in a house's time zone.

export const PERIOD_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date at `now` in the IANA time zone `tz`. */
export function localDate(now: Date, tz: string): LocalDate {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(tz, f);
  }
  const parts = Object.fromEntries(f.formatToParts(now).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

export const isoDate = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
export const periodOf = (d: Pick<LocalDate, 'year' | 'month'>) => `${d.year}-${pad(d.month)}`;

/** Months since year 0, so that periods subtract. */
export function periodIndex(period: string): number {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

export function periodFromIndex(index: number): string {
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

export const addMonths = (period: string, n: number) => periodFromIndex(periodIndex(period) + n);

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whole days from `from` to `to` (YYYY-MM-DD each); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}
