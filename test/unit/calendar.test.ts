import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  currentPeriod,
  dayOfPeriod,
  daysBetween,
  daysInMonth,
  endOfLocalDay,
  isTimeZone,
  isWorkingDay,
  lastDay,
  localDate,
  monthsBetween,
  nextPeriod,
  periodBounds,
  periodIndex,
  periodOf,
  startOfLocalDay,
} from '../../src/calendar.js';

describe('local dates and periods in a time zone', () => {
  it('turns the day at local midnight in Moscow (UTC+3 all year, no DST)', () => {
    expect(localDate(new Date('2026-05-14T20:59:59.999Z'), 'Europe/Moscow')).toBe('2026-05-14');
    expect(localDate(new Date('2026-05-14T21:00:00.000Z'), 'Europe/Moscow')).toBe('2026-05-15');
    // Winter and summer alike: Moscow has kept UTC+3 since 2014.
    expect(localDate(new Date('2026-01-15T21:00:00Z'), 'Europe/Moscow')).toBe('2026-01-16');
    expect(localDate(new Date('2026-07-15T21:00:00Z'), 'Europe/Moscow')).toBe('2026-07-16');
  });

  it('starts the new year, and so the new period, three hours before UTC does', () => {
    const at = new Date('2026-12-31T21:30:00Z');
    expect(currentPeriod(at, 'Europe/Moscow')).toBe('2027-01');
    expect(currentPeriod(at, 'UTC')).toBe('2026-12');
    expect(nextPeriod(at, 'Europe/Moscow')).toBe('2027-02');
    expect(currentPeriod(new Date('2026-03-31T20:00:00Z'), 'Asia/Vladivostok')).toBe('2026-04');
  });

  it('reads the period of a local date', () => {
    expect(periodOf('2026-02-28')).toBe('2026-02');
  });
});

describe('month arithmetic', () => {
  it('crosses year ends both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-05', -11)).toBe('2025-06');
    expect(addMonths('2026-05', 24)).toBe('2028-05');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
  });

  it('counts months between periods', () => {
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthsBetween('2026-02', '2025-11')).toBe(-3);
    expect(periodIndex('2026-01') - periodIndex('2025-12')).toBe(1);
  });

  it('knows month ends, leap years included', () => {
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(daysInMonth('2026-04')).toBe(30);
    expect(lastDay('2026-12')).toBe('2026-12-31');
    expect(lastDay('2024-02')).toBe('2024-02-29');
    expect(dayOfPeriod('2026-02', 31)).toBe('2026-02-28');
    expect(dayOfPeriod('2026-03', 5)).toBe('2026-03-05');
  });
});

describe('days', () => {
  it('adds and counts days across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });

  it('bounds local days and periods as instants', () => {
    expect(startOfLocalDay('2026-05-15', 'Europe/Moscow')).toEqual(new Date('2026-05-14T21:00:00Z'));
    expect(endOfLocalDay('2026-12-31', 'Europe/Moscow')).toEqual(new Date('2026-12-31T21:00:00Z'));
    expect(periodBounds('2026-02', 'Europe/Moscow')).toEqual({
      start: new Date('2026-01-31T21:00:00Z'),
      end: new Date('2026-02-28T21:00:00Z'),
    });
    expect(periodBounds('2026-12', 'Asia/Vladivostok').end).toEqual(new Date('2026-12-31T14:00:00Z'));
  });

  it('ends a local day where a zone with daylight saving time says (Berlin, 25 hours on 25 October 2026)', () => {
    expect(endOfLocalDay('2026-10-25', 'Europe/Berlin')).toEqual(new Date('2026-10-25T23:00:00Z'));
    expect(startOfLocalDay('2026-10-25', 'Europe/Berlin')).toEqual(new Date('2026-10-24T22:00:00Z'));
  });

  it('counts Monday to Friday as working days outside holidays', () => {
    expect(isWorkingDay('2026-12-04')).toBe(true); // Friday
    expect(isWorkingDay('2026-12-05')).toBe(false);
    expect(isWorkingDay('2026-12-06')).toBe(false);
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-07', -1)).toBe('2026-12-04');
    expect(addWorkingDays('2026-12-01', 5)).toBe('2026-12-08');
    expect(addWorkingDays('2026-12-05', 0)).toBe('2026-12-05');
  });

  it('counts on the production calendar: holidays, moved days off and working Saturdays (ПП № 1335, № 1466)', () => {
    // 2026: the new-year holidays run to 11 January; 9 January is the day moved from Saturday 3 January.
    expect(isWorkingDay('2026-01-09')).toBe(false);
    expect(isWorkingDay('2026-01-12')).toBe(true);
    expect(isWorkingDay('2026-03-09')).toBe(false); // 8 March is a Sunday
    expect(isWorkingDay('2026-05-11')).toBe(false); // 9 May is a Saturday
    expect(isWorkingDay('2026-12-31')).toBe(false); // moved from Sunday 4 January
    // 2025: 23 February moved to Thursday 8 May, 8 March to Friday 13 June, Saturday 1 November worked.
    expect(isWorkingDay('2025-05-08')).toBe(false);
    expect(isWorkingDay('2025-06-13')).toBe(false);
    expect(isWorkingDay('2025-11-01')).toBe(true);
    expect(isWorkingDay('2025-11-03')).toBe(false);
    // Five working days from Tuesday 29 December 2026: 30 December, then the days off to 10 January, then 11–14 January.
    expect(addWorkingDays('2026-12-29', 5)).toBe('2027-01-14');
    // A debt request sent on Thursday 30 April 2026 is due five working days later: 4, 5, 6, 7, 8 May.
    expect(addWorkingDays('2026-04-30', 5)).toBe('2026-05-08');
    expect(addWorkingDays('2026-05-08', 1)).toBe('2026-05-12');
  });
});

describe('time zones', () => {
  it('accepts IANA names only', () => {
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('MSK')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
