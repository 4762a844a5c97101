import { describe, expect, it } from 'vitest';
import { readingWindow, windowOf, type WindowPolicy } from '../../src/metering/window.js';

const policy: WindowPolicy = { startDay: 15, endDay: 25, outside: 'next_period' };
const at = (iso: string, tz: string, p = policy) => readingWindow(new Date(iso), tz, p);

describe('reading window in the house time zone', () => {
  it('opens at local midnight of the first day in Moscow (UTC+3)', () => {
    expect(at('2026-05-14T20:59:59.999Z', 'Europe/Moscow')).toMatchObject({
      open: false,
      period: '2026-05',
      opensOn: '2026-05-15',
    });
    expect(at('2026-05-14T21:00:00.000Z', 'Europe/Moscow')).toMatchObject({
      open: true,
      period: '2026-05',
      closesOn: '2026-05-25',
    });
  });
  it('opens at local midnight in Vladivostok (UTC+10), hours before Moscow', () => {
    expect(at('2026-05-14T13:59:59.999Z', 'Asia/Vladivostok').open).toBe(false);
    expect(at('2026-05-14T14:00:00.000Z', 'Asia/Vladivostok').open).toBe(true);
    expect(at('2026-05-14T14:00:00.000Z', 'Europe/Moscow').open).toBe(false);
  });
  it('closes at local midnight after the last day; then readings go to the next period', () => {
    expect(at('2026-05-25T20:59:59.999Z', 'Europe/Moscow')).toMatchObject({ open: true, period: '2026-05' });
    expect(at('2026-05-25T21:00:00.000Z', 'Europe/Moscow')).toMatchObject({
      open: false,
      accepting: true,
      period: '2026-06',
      opensOn: '2026-06-15',
    });
    expect(at('2026-05-25T13:59:59.999Z', 'Asia/Vladivostok').open).toBe(true);
    expect(at('2026-05-25T14:00:00.000Z', 'Asia/Vladivostok')).toMatchObject({ open: false, period: '2026-06' });
  });
  it('refuses outside the window when the organisation says so', () => {
    expect(at('2026-05-26T12:00:00Z', 'Europe/Moscow', { ...policy, outside: 'reject' })).toMatchObject({
      open: false,
      accepting: false,
    });
  });
  it('rolls over the year and handles windows that cross a month end', () => {
    expect(at('2026-12-31T21:00:00Z', 'Europe/Moscow')).toMatchObject({ period: '2027-01', opensOn: '2027-01-15' });
    const wrap = { startDay: 25, endDay: 5, outside: 'next_period' as const };
    expect(windowOf('2026-12', wrap)).toEqual({ opensOn: '2026-12-25', closesOn: '2027-01-05' });
    expect(at('2027-01-03T12:00:00Z', 'Europe/Moscow', wrap)).toMatchObject({ open: true, period: '2026-12' });
    expect(at('2027-01-10T12:00:00Z', 'Europe/Moscow', wrap)).toMatchObject({ open: false, period: '2027-01' });
  });
  it('takes day 31 as the last day of a short month', () => {
    expect(windowOf('2026-02', { startDay: 20, endDay: 31 })).toEqual({
      opensOn: '2026-02-20',
      closesOn: '2026-02-28',
    });
  });
});
