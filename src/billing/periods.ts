// Billing periods are calendar months `YYYY-MM`, counted in the house's time zone.

// Building an Intl.DateTimeFormat costs far more than formatting with it (it showed in the profile of
// GET /api/v1/me/charges), so one per time zone is kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timezone: string) {
  let f = dayFormats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timezone, f);
  }
  return f;
}

export function currentPeriod(timezone: string, now = new Date()): string {
  return localDate(timezone, now).slice(0, 7);
}

export function addMonths(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Payment is due on `dueDay` of the month after the period (ЖК РФ ст. 155 ч. 1: the 10th unless the contract says otherwise). */
export function dueDate(period: string, dueDay: number): string {
  return `${addMonths(period, 1)}-${String(dueDay).padStart(2, '0')}`;
}

/** The instant a local date ends in the time zone (exclusive upper bound for "as of" queries). */
export function endOfLocalDay(date: string, timezone: string): Date {
  // Find the zone's offset at that date's noon, then take next midnight local = UTC - offset.
  const noon = new Date(`${date}T12:00:00Z`);
  const local = new Date(noon.toLocaleString('en-US', { timeZone: timezone }));
  const utc = new Date(noon.toLocaleString('en-US', { timeZone: 'UTC' }));
  const offsetMs = local.getTime() - utc.getTime();
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return new Date(next.getTime() - offsetMs);
}

/** Today's date (YYYY-MM-DD) in the time zone. */
export function localDate(timezone: string, now = new Date()): string {
  return dayFormat(timezone).format(now);
}
