// Russian formatting for the cabinet, in one place. Money arrives as kopeck strings and readings as
// decimal strings: both are formatted from their digits (BigInt), never through floating point.

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Groups the digits of a non-negative integer string by three with a no-break space: 1 234 567. */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** "4 611,59 ₽" from kopecks ("461159", 461159n); negative amounts get a minus sign (an advance). */
export function formatMoney(kopecks: string | bigint | number, options: { sign?: boolean } = {}): string {
  const value =
    typeof kopecks === 'bigint' ? kopecks : BigInt(typeof kopecks === 'number' ? Math.trunc(kopecks) : kopecks.trim());
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const roubles = groupDigits((abs / 100n).toString());
  const cents = (abs % 100n).toString().padStart(2, '0');
  const sign = negative ? '−' : options.sign && value > 0n ? '+' : '';
  return `${sign}${roubles},${cents}${NBSP}₽`;
}

/** Kopecks from what a person types ("1 234,5", "1234.50", "1234"); null when it is not an amount. */
export function parseMoney(text: string): bigint | null {
  const clean = text.replace(/[\s\u00a0\u202f₽]/g, '').replace(',', '.');
  const m = /^(\d{1,12})(?:\.(\d{0,2}))?$/.exec(clean);
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0') || '0');
}

/** A reading or other decimal string ("1234.500") with a decimal comma and grouped thousands: "1 234,5". */
export function formatDecimal(value: string, options: { minFraction?: number; maxFraction?: number } = {}): string {
  const { minFraction = 0, maxFraction = 3 } = options;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  let fraction = (m[3] ?? '').slice(0, maxFraction).replace(/0+$/, '');
  if (fraction.length < minFraction) fraction = fraction.padEnd(minFraction, '0');
  const whole = groupDigits(m[2]!.replace(/^0+(?=\d)/, ''));
  return `${m[1] ? '−' : ''}${whole}${fraction ? `,${fraction}` : ''}`;
}

/** What a person typed as a reading ("123,4", "123.4") as the API's decimal string, or null. */
export function parseDecimal(text: string, maxFraction = 3): string | null {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const m = new RegExp(`^(\\d{1,12})(?:\\.(\\d{1,${maxFraction}}))?$`).exec(clean);
  if (!m) return null;
  return m[2] ? `${m[1]}.${m[2]}` : m[1]!;
}

const pad = (n: number) => String(n).padStart(2, '0');

let displayZone: () => string | undefined = () => undefined;

/**
 * The zone instants and "today" are shown in: the browser's own (undefined) unless set. A page
 * prerendered on the server is rendered in the zone its browser reported (entry-server.tsx), and the
 * browser hydrates it in that same zone, so both write the same text.
 */
export function setDisplayZone(zone: () => string | undefined) {
  displayZone = zone;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's (or an instant's) calendar date in `timeZone`, else the display zone. */
function calendarDate(at: Date, timeZone = displayZone()): { year: number; month: number; day: number } {
  if (!timeZone) return { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() };
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.format(at).split('-');
  return { year: Number(parts[0]), month: Number(parts[1]), day: Number(parts[2]) };
}

/**
 * дд.мм.гггг. A date-only string ("2026-11-30") is taken as written, without a time zone shift; an
 * instant is shown in the browser's zone unless `timeZone` is given.
 */
export function formatDate(value: string | Date, timeZone?: string): string {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  }
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  const { year, month, day } = calendarDate(d, timeZone);
  return `${pad(day)}.${pad(month)}.${year}`;
}

/** A typed "6.11.2026" or "06.11.2026" → "2026-11-06"; null unless it is a real calendar date. */
export function parseDate(text: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[3]}-${pad(month)}-${pad(day)}`;
}

/**
 * A date input's text as it is typed: digits and dots only, the dot after the day and the month put in
 * by itself (a phone's digit keyboard has none), at most дд.мм.гггг. Deleting is left alone.
 */
export function maskDate(next: string, previous = ''): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(next.trim());
  if (iso) return `${iso[3]}.${iso[2]}.${iso[1]}`;
  let text = next
    .replace(/[,/\-\s]/g, '.')
    .replace(/[^\d.]/g, '')
    .replace(/\.{2,}/g, '.');
  if (text.length <= previous.length) return text.slice(0, 10);
  text = text.replace(/^(\d{2})(\d)/, '$1.$2').replace(/^(\d{1,2}\.\d{2})(\d)/, '$1.$2');
  if (/^\d{2}$|^\d{1,2}\.\d{2}$/.test(text)) text += '.';
  return text.slice(0, 10);
}

/** дд.мм.гггг чч:мм. */
export function formatDateTime(value: string | Date, timeZone?: string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  const zone = timeZone ?? displayZone();
  const time = new Intl.DateTimeFormat('ru-RU', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return `${formatDate(d, zone)} ${time}`;
}

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** A billing period "2026-11" as "Ноябрь 2026". */
export function formatPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !name) return period;
  return `${name[0]!.toUpperCase()}${name.slice(1)} ${m[1]}`;
}

/** "30 ноября" (with the year when it is not the current one): for deadlines in running text. */
export function formatDayMonth(date: string, today: Date = new Date()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const text = `${Number(m[3])} ${MONTHS_GENITIVE[Number(m[2]) - 1]}`;
  return Number(m[1]) === calendarDate(today).year ? text : `${text} ${m[1]}`;
}

const plurals = new Intl.PluralRules('ru-RU');

/**
 * The Russian plural form for a count: `plural(5, ['счётчик', 'счётчика', 'счётчиков'])` → "счётчиков"
 * (forms for one, few, many, as in "1 счётчик, 2 счётчика, 5 счётчиков").
 */
export function plural(count: number | bigint, forms: readonly [one: string, few: string, many: string]): string {
  const n = typeof count === 'bigint' ? Number(count) : count;
  if (!Number.isInteger(n)) return forms[1]; // fractions take the "few" (genitive singular) form: 1,5 счётчика
  switch (plurals.select(n)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    default:
      return forms[2];
  }
}

/** "5 счётчиков": the count with its grouped digits and the right form. */
export function countOf(count: number, forms: readonly [string, string, string]): string {
  return `${groupDigits(String(Math.abs(count)))}${NBSP}${plural(count, forms)}`;
}

/** "через 3 дня", "сегодня", "2 дня назад": whole calendar days between two dates. */
export function daysFrom(date: string, today: Date = new Date()): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return Number.NaN;
  const target = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const { year, month, day } = calendarDate(today);
  const base = Date.UTC(year, month - 1, day);
  return Math.round((target - base) / 86_400_000);
}

export function formatDaysLeft(days: number): string {
  if (days === 0) return 'сегодня';
  const text = countOf(Math.abs(days), ['день', 'дня', 'дней']);
  return days > 0 ? `через ${text}` : `${text} назад`;
}

export { NBSP, NNBSP };
