import { describe, expect, it } from 'vitest';
import { yearsWithoutMovedDays } from '../../src/calendar.js';
import { debtAnswerDueOn } from '../../src/debt-requests/service.js';

// The debt-request deadline on the production calendar: the moved days off of 2027 are not recorded (the
// decree was not found, src/production-calendar.ts), so counting in 2027 warns, once.

const recorder = () => {
  const lines: { obj: object; msg: string }[] = [];
  return { lines, warn: (obj: object, msg: string) => void lines.push({ obj, msg }) };
};

describe('debt-request deadline and the production calendar', () => {
  it('names the years without recorded moved days', () => {
    expect(yearsWithoutMovedDays('2026-03-02', '2026-03-10')).toEqual([]);
    expect(yearsWithoutMovedDays('2026-12-29', '2027-01-14')).toEqual([2027]);
    expect(yearsWithoutMovedDays('2028-01-10', '2027-12-28')).toEqual([2027, 2028]);
  });

  it('logs one warning for a year whose moved days are not recorded, and none for a recorded one', () => {
    const log = recorder();
    // 2026 is recorded (ПП № 1466): 5 working days, no warning.
    expect(debtAnswerDueOn('2026-03-02', log)).toBe('2026-03-10');
    expect(log.lines).toEqual([]);
    // Sent at the end of 2026, due in 2027: the count reaches 2027 and warns.
    expect(debtAnswerDueOn('2026-12-29', log)).toBe('2027-01-14');
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]!.obj).toEqual({ year: 2027, sentOn: '2026-12-29', dueOn: '2027-01-14' });
    expect(log.lines[0]!.msg).toMatch(/moved days off of 2027 are not recorded/);
    // Further deadlines in 2027 do not repeat it.
    expect(debtAnswerDueOn('2027-03-01', log)).toBe('2027-03-09'); // 8 March, a Monday, is a holiday
    expect(debtAnswerDueOn('2027-11-01', log)).toBe('2027-11-09');
    expect(log.lines).toHaveLength(1);
  });
});
