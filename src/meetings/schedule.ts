import type { MeetingsErrorCode } from '../../contracts/errors.js';
import { daysBetween as daysFromTo, localDate } from '../calendar.js';

// Dates of a meeting, counted in calendar days of the house's time zone (ЖК РФ ст. 45 ч. 4, ст. 47.1).

export type MeetingForm = 'in_person' | 'ballots' | 'mixed' | 'electronic';

export interface ScheduleSettings {
  noticeDays: number;
  votingMinDays: number;
  votingMaxDays: number;
}

export interface MeetingDates {
  form: MeetingForm;
  inPersonAt: Date | null;
  votingStartsAt: Date;
  votingEndsAt: Date;
}

export interface ScheduleProblem {
  path: string;
  code: MeetingsErrorCode;
  message: string;
}

const daysBetween = (from: Date, to: Date, timezone: string) =>
  daysFromTo(localDate(from, timezone), localDate(to, timezone));

/** The date the notice counts to: the sitting for in-person and mixed forms, else the start of voting. */
export function meetingDate(d: MeetingDates): Date {
  return (d.form === 'in_person' || d.form === 'mixed') && d.inPersonAt ? d.inPersonAt : d.votingStartsAt;
}

/** Calendar days of voting, first and last day included. */
export const votingDays = (d: MeetingDates, timezone: string) =>
  daysBetween(d.votingStartsAt, d.votingEndsAt, timezone) + 1;

/** Problems with the dates themselves (duration bounds of ballot voting). */
export function checkDates(d: MeetingDates, timezone: string, s: ScheduleSettings): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (d.votingEndsAt <= d.votingStartsAt) {
    problems.push({
      path: 'body.votingEndsAt',
      code: 'voting_ends_before_start',
      message: 'Voting must end after it starts',
    });
    return problems;
  }
  if ((d.form === 'in_person' || d.form === 'mixed') && !d.inPersonAt) {
    problems.push({
      path: 'body.inPersonAt',
      code: 'sitting_required',
      message: 'An in-person or mixed meeting needs the date and time of the sitting',
    });
  }
  if (d.form === 'mixed' && d.inPersonAt && d.inPersonAt > d.votingEndsAt) {
    problems.push({
      path: 'body.inPersonAt',
      code: 'sitting_after_voting',
      message: 'The sitting must be held before ballot voting ends',
    });
  }
  if (d.form !== 'in_person') {
    const days = votingDays(d, timezone);
    if (days < s.votingMinDays || days > s.votingMaxDays) {
      problems.push({
        path: 'body.votingEndsAt',
        code: 'voting_duration_out_of_bounds',
        message: `Voting must last ${s.votingMinDays}–${s.votingMaxDays} days; it lasts ${days}`,
      });
    }
  }
  return problems;
}

/** The notice must go out at least `noticeDays` calendar days before the meeting date (ст. 45 ч. 4). */
export function checkNotice(
  d: MeetingDates,
  noticeAt: Date,
  timezone: string,
  s: ScheduleSettings,
): ScheduleProblem | null {
  const days = daysBetween(noticeAt, meetingDate(d), timezone);
  if (days >= s.noticeDays) return null;
  return {
    path: 'body.votingStartsAt',
    code: 'notice_period_too_short',
    message: `The notice must be sent at least ${s.noticeDays} days before the meeting; ${days} days remain`,
  };
}
