// The production calendar of the Russian Federation (производственный календарь, five-day week) as data:
// the weekdays that are not working days and the weekend days that are. Sources:
// - ТК РФ ст. 112: the non-working holidays (1–6 and 8 January, 7 January, 23 February, 8 March, 1 May,
//   9 May, 12 June, 4 November); a holiday on a weekend moves the day off to the next working day, except
//   the January ones, which the government moves by its yearly decree.
// - 2025: Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»:
//   4 January → 2 May, 5 January → 31 December, 23 February → 8 May, 8 March → 13 June,
//   Saturday 1 November → Monday 3 November (1 November is a working day).
// - 2026: Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»:
//   3 January → 9 January, 4 January → 31 December; 8 March (Sunday) → 9 March, 9 May (Saturday) → 11 May by ст. 112.
// - 2027: the statutory holidays of ст. 112 with its weekend rule only (1 May → 3 May, 9 May → 10 May,
//   12 June → 14 June). The decree moving days off in 2027 (2 and 3 January fall on a Saturday and a Sunday)
//   was looked for on 07.12.2026 and not found in a credible source: only a press report (news.mail.ru,
//   28.12.2025) of a deputy's preliminary words (4–7 November off, Saturday 13 November working) and that the
//   calendar is set by a decree at the end of 2026. So the moved days of 2027 are not recorded; the
//   debt-request deadline logs a warning when it counts days in such a year (src/debt-requests/service.ts).
//   When the decree is published: add its days here, its number and date above, and 2027 to MOVED_DAYS_YEARS.

/** Weekdays (Monday–Friday) that are days off. */
export const NON_WORKING_WEEKDAYS: ReadonlySet<string> = new Set([
  // 2025 (№ 1335)
  '2025-01-01',
  '2025-01-02',
  '2025-01-03',
  '2025-01-06',
  '2025-01-07',
  '2025-01-08',
  '2025-05-01',
  '2025-05-02',
  '2025-05-08',
  '2025-05-09',
  '2025-06-12',
  '2025-06-13',
  '2025-11-03',
  '2025-11-04',
  '2025-12-31',
  // 2026 (№ 1466)
  '2026-01-01',
  '2026-01-02',
  '2026-01-05',
  '2026-01-06',
  '2026-01-07',
  '2026-01-08',
  '2026-01-09',
  '2026-02-23',
  '2026-03-09',
  '2026-05-01',
  '2026-05-11',
  '2026-06-12',
  '2026-11-04',
  '2026-12-31',
  // 2027 (ст. 112 only; see above)
  '2027-01-01',
  '2027-01-04',
  '2027-01-05',
  '2027-01-06',
  '2027-01-07',
  '2027-01-08',
  '2027-02-23',
  '2027-03-08',
  '2027-05-03',
  '2027-05-10',
  '2027-06-14',
  '2027-11-04',
]);

/** Saturdays and Sundays that are working days (a day off moved away from them). */
export const WORKING_WEEKEND_DAYS: ReadonlySet<string> = new Set(['2025-11-01']);

/** The years the data covers; outside them only weekends count as days off. */
export const CALENDAR_YEARS = [2025, 2026, 2027] as const;

/** The years whose government decree moving days off is recorded above (the others have ст. 112 days at most). */
export const MOVED_DAYS_YEARS: ReadonlySet<number> = new Set([2025, 2026]);
