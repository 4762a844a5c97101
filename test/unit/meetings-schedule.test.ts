import { describe, expect, it } from 'vitest';
import { houseTimeToInstant } from '../../src/calendar.js';
import { checkDates, checkNotice, votingDays } from '../../src/meetings/schedule.js';
import { reconcileRegister } from '../../src/meetings/register.js';

const settings = { noticeDays: 10, votingMinDays: 7, votingMaxDays: 60 };
const vl = 'Asia/Vladivostok';

describe('meeting dates in the house time zone', () => {
  it('reads wall-clock times in the house zone', () => {
    expect(houseTimeToInstant('2026-12-01T09:00', vl)!.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(houseTimeToInstant('2026-13-01T09:00', vl)).toBeNull();
  });

  it('counts voting days inclusively and enforces 7–60 days', () => {
    const d = (start: string, end: string) => ({
      form: 'electronic' as const,
      inPersonAt: null,
      votingStartsAt: houseTimeToInstant(start, vl)!,
      votingEndsAt: houseTimeToInstant(end, vl)!,
    });
    expect(votingDays(d('2026-12-01T00:00', '2026-12-07T23:59'), vl)).toBe(7);
    expect(checkDates(d('2026-12-01T00:00', '2026-12-07T23:59'), vl, settings)).toEqual([]);
    expect(checkDates(d('2026-12-01T00:00', '2026-12-06T23:59'), vl, settings)[0]!.code).toBe(
      'voting_duration_out_of_bounds',
    );
    expect(checkDates(d('2026-12-01T00:00', '2027-01-29T23:59'), vl, settings)).toEqual([]); // 60 days
    expect(checkDates(d('2026-12-01T00:00', '2027-01-30T23:59'), vl, settings)[0]!.code).toBe(
      'voting_duration_out_of_bounds',
    );
    expect(checkDates(d('2026-12-02T00:00', '2026-12-01T00:00'), vl, settings)[0]!.code).toBe(
      'voting_ends_before_start',
    );
  });

  it('wants the notice 10 calendar days ahead in the house zone, not in UTC', () => {
    const dates = {
      form: 'electronic' as const,
      inPersonAt: null,
      votingStartsAt: houseTimeToInstant('2026-12-11T08:00', vl)!,
      votingEndsAt: houseTimeToInstant('2026-12-20T20:00', vl)!,
    };
    // 1 Dec 09:00 in Vladivostok is still 30 Nov in UTC: 10 days in the house, 11 in UTC
    expect(checkNotice(dates, houseTimeToInstant('2026-12-01T09:00', vl)!, vl, settings)).toBeNull();
    expect(checkNotice(dates, houseTimeToInstant('2026-12-02T00:30', vl)!, vl, settings)!.code).toBe(
      'notice_period_too_short',
    );
  });

  it('counts the notice to the sitting of a mixed meeting, which needs one', () => {
    const start = houseTimeToInstant('2026-12-20T10:00', vl)!;
    const mixed = {
      form: 'mixed' as const,
      inPersonAt: null,
      votingStartsAt: start,
      votingEndsAt: houseTimeToInstant('2026-12-30T10:00', vl)!,
    };
    expect(checkDates(mixed, vl, settings).map((p) => p.code)).toContain('sitting_required');
    const sitting = houseTimeToInstant('2026-12-12T18:00', vl)!;
    expect(
      checkNotice({ ...mixed, inPersonAt: sitting }, houseTimeToInstant('2026-12-05T10:00', vl)!, vl, settings)!.code,
    ).toBe('notice_period_too_short');
  });
});

describe('register reconciliation', () => {
  const premises = [
    { id: 'p1', number: '1', area: '40.00' },
    { id: 'p2', number: '2', area: '50.00' },
    { id: 'p3', number: '3', area: '60.00' },
  ];
  const row = (id: string, premiseId: string, premiseNumber: string, lastName: string, n: number, d: number) => ({
    id,
    premiseId,
    premiseNumber,
    area: '1',
    lastName,
    firstName: 'И',
    middleName: null,
    shareNumerator: n,
    shareDenominator: d,
    titleDocument: null,
    personId: null,
    source: 'import' as const,
  });
  it('reports missing owners, incomplete shares and differences from accounts', () => {
    const register = [row('a', 'p1', '1', 'Иванов', 1, 1), row('b', 'p2', '2', 'Петрова', 1, 2)];
    const accounts = [
      {
        accountNumber: '1',
        premiseId: 'p1',
        premiseNumber: '1',
        lastName: 'Иванов',
        firstName: 'И',
        middleName: null,
        shareNumerator: 1,
        shareDenominator: 2,
      },
      {
        accountNumber: '2',
        premiseId: 'p2',
        premiseNumber: '2',
        lastName: 'Петров',
        firstName: 'И',
        middleName: null,
        shareNumerator: 1,
        shareDenominator: 2,
      },
    ];
    const kinds = reconcileRegister(premises, register, accounts)
      .map((m) => `${m.kind}:${m.premiseNumber}`)
      .sort();
    expect(kinds).toEqual([
      'account_owner_not_in_register:2',
      'owner_not_on_account:2',
      'premise_without_owners:3',
      'share_differs_from_account:1',
      'shares_incomplete:2',
    ]);
  });
});
