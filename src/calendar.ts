import { DateTime, IANAZone } from 'luxon';
import { MOVED_DAYS_YEARS, NON_WORKING_WEEKDAYS, WORKING_WEEKEND_DAYS } from './production-calendar.js';

// The calendar of the domain: billing and reading periods are calendar months 'YYYY-MM', days are local
// dates 'YYYY-MM-DD', both counted in the house's IANA time zone. Instants are `Date`s; every function
// that turns an instant into a day or a month takes `(at, timeZone)` in that order.

/** A calendar month, 'YYYY-MM'. */
export type Period = string;
/** A calendar day, 'YYYY-MM-DD', read in some time zone that the caller knows. */
export type IsoDate = string;

export const isTimeZone = (timeZone: string) => IANAZone.isValidZone(timeZone);

const inZone = (at: Date, timeZone: string) => DateTime.fromJSDate(at, { zone: timeZone });
// Periods and dates as luxon values in UTC: arithmetic on them never meets an offset change.
const month = (period: Period) => DateTime.fromObject({ year: year(period), month: monthOf(period) }, { zone: 'utc' });
const day = (date: IsoDate) => DateTime.fromISO(date, { zone: 'utc' });
const year = (period: Period) => Number(period.slice(0, 4));
const monthOf = (period: Period) => Number(period.slice(5, 7));
const pad = (n: number) => String(n).padStart(2, '0');

// One Intl formatter per time zone: luxon builds a DateTime (and reads the offset through a formatter of all
// fields) for every call, which was a fifth of a meter list's CPU. Zones Intl does not know keep luxon's answer.
const dayFormats = new Map<string, Intl.DateTimeFormat | null>();
function dayFormat(timeZone: string) {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = isTimeZone(timeZone)
      ? new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
      : null;
    dayFormats.set(timeZone, format);
  }
  return format;
}
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The local date at the instant `at` in the time zone. */
export function localDate(at: Date, timeZone: string): IsoDate {
  const format = dayFormat(timeZone);
  const y = at.getUTCFullYear();
  if (!format || !(y > 1000 && y < 9999)) return inZone(at, timeZone).toISODate()!;
  let year = '';
  let month = '';
  let date = '';
  for (const part of format.formatToParts(at)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') date = part.value;
  }
  return `${year}-${month}-${date}`;
}

/** The period that contains the instant `at` in the time zone. */
export function currentPeriod(at: Date, timeZone: string): Period {
  return periodOf(localDate(at, timeZone));
}

/** The period after the one that contains `at` (a change confirmed in March counts from April). */
export const nextPeriod = (at: Date, timeZone: string): Period => addMonths(currentPeriod(at, timeZone), 1);

/** The period a local date falls in. */
export const periodOf = (date: IsoDate): Period => date.slice(0, 7);

/** Months since year 0, so that periods subtract and compare as numbers. */
export const periodIndex = (period: Period) => year(period) * 12 + monthOf(period) - 1;

export function addMonths(period: Period, months: number): Period {
  const index = periodIndex(period) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad((index % 12) + 1)}`;
}

/** Whole months from `from` to `to`; negative when `to` is earlier. */
export const monthsBetween = (from: Period, to: Period) => periodIndex(to) - periodIndex(from);

export const daysInMonth = (period: Period) => {
  const y = year(period);
  const m = monthOf(period);
  // Date.UTC reads years 0–99 as 19xx; those (and malformed periods) keep luxon's answer.
  return y >= 100 && m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : month(period).daysInMonth!;
};

export const firstDay = (period: Period): IsoDate => `${period}-01`;
export const lastDay = (period: Period): IsoDate => `${period}-${pad(daysInMonth(period))}`;

/** Day `dayOfMonth` of the period; a day past a short month's end means its last day. */
export const dayOfPeriod = (period: Period, dayOfMonth: number): IsoDate =>
  `${period}-${pad(Math.min(dayOfMonth, daysInMonth(period)))}`;

/** A wall-clock time of the zone (`2026-12-01T09:00`) as an instant; null when it is not a valid time. */
export function houseTimeToInstant(local: string, timeZone: string): Date | null {
  const dt = DateTime.fromISO(local, { zone: timeZone });
  return dt.isValid ? dt.toJSDate() : null;
}

/** The first instant of a local date in the time zone. */
export function startOfLocalDay(date: IsoDate, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).startOf('day').toJSDate();
}

/** The instant a local date ends in the time zone (exclusive upper bound for "as of" queries). */
export const endOfLocalDay = (date: IsoDate, timeZone: string): Date => startOfLocalDay(addDays(date, 1), timeZone);

/** The instants a period spans in the time zone: `start` inclusive, `end` exclusive. */
export function periodBounds(period: Period, timeZone: string): { start: Date; end: Date } {
  return {
    start: startOfLocalDay(firstDay(period), timeZone),
    end: startOfLocalDay(firstDay(addMonths(period, 1)), timeZone),
  };
}

export const addDays = (date: IsoDate, days: number): IsoDate => day(date).plus({ days }).toISODate()!;

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate) {
  const a = utcDay(from);
  const b = utcDay(to);
  return a !== undefined && b !== undefined ? (b - a) / DAY_MS : Math.round(day(to).diff(day(from), 'days').days);
}

/** The UTC midnight of a plain 'YYYY-MM-DD' that names a real day; anything else is left to luxon. */
function utcDay(date: IsoDate): number | undefined {
  if (!ISO_DATE.test(date)) return undefined;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (!(y >= 100 && m >= 1 && m <= 12 && d >= 1)) return undefined;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate() ? Date.UTC(y, m - 1, d) : undefined;
}

/** A working day of the Russian production calendar (src/production-calendar.ts): Monday to Friday except holidays and moved days off, and the Saturdays made working. */
export function isWorkingDay(date: IsoDate) {
  if (WORKING_WEEKEND_DAYS.has(date)) return true;
  return day(date).weekday <= 5 && !NON_WORKING_WEEKDAYS.has(date);
}

/**
 * The years from `from` to `to` (either order) whose moved days off (the government's yearly decree) the
 * production calendar does not record: working days counted in them may be off by the days a decree moves.
 */
export function yearsWithoutMovedDays(from: IsoDate, to: IsoDate): number[] {
  const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y) as [number, number];
  const out: number[] = [];
  for (let y = a; y <= b; y++) if (!MOVED_DAYS_YEARS.has(y)) out.push(y);
  return out;
}

/** The working day `days` working days after `date` (before it when negative); 0 gives `date` itself. */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  const step = Math.sign(days);
  let left = Math.abs(days);
  let d = date;
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d)) left--;
  }
  return d;
}
