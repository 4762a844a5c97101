// A date and a time typed as дд.мм.гггг and чч:мм (meetings' dates, notices' publication and expiry).
import './datetime.css';
import { useId } from 'react';
import { parseDate } from '../../lib/format';
import { DateInput } from '../../ui/fields';

export interface DateTimeValue {
  date: string;
  time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `days` from today at `time`, as the fields show it (дд.мм.гггг, чч:мм). */
export function dateTimeIn(days: number, time: string): DateTimeValue {
  const d = new Date(Date.now() + days * 86_400_000);
  return { date: `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}`, time };
}

/** `2026-12-18T09:00` for the API (the house's wall-clock time), or '' when either part is not valid. */
export function toLocalDateTime(v: DateTimeValue): string {
  const date = parseDate(v.date);
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(v.time.trim());
  if (!date || !m || Number(m[1]) > 23 || Number(m[2]) > 59) return '';
  return `${date}T${pad(Number(m[1]))}:${m[2]}`;
}

/** Whether both parts are empty (an optional date and time left out). */
export function isEmptyDateTime(v: DateTimeValue): boolean {
  return !v.date.trim() && !v.time.trim();
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `t` (ms). */
function zoneOffset(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - t;
}

/**
 * The instant (ISO, UTC) of the date and time on the wall clock of `timeZone` (the browser's own when
 * not given), or '' when either part is not valid.
 */
export function toInstant(v: DateTimeValue, timeZone?: string): string {
  const local = toLocalDateTime(v);
  if (!local) return '';
  if (!timeZone) return new Date(`${local}:00`).toISOString();
  const wall = Date.parse(`${local}:00Z`);
  let t = wall - zoneOffset(wall, timeZone);
  t = wall - zoneOffset(t, timeZone); // again at the instant found: right across a change of offset
  return new Date(t).toISOString();
}

/**
 * A date and a time of the house typed as дд.мм.гггг and чч:мм (the browser's own date-time input shows
 * its own locale's format), grouped under one legend with one error.
 */
export function DateTimeField({
  legend,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  value: DateTimeValue;
  onChange: (v: DateTimeValue) => void;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="staff-datetime" aria-describedby={described}>
      <legend>{legend}</legend>
      <div className="staff-datetime-parts">
        <div className="field">
          <label htmlFor={`${id}-date`}>Дата</label>
          <DateInput
            id={`${id}-date`}
            value={value.date}
            onChange={(date) => onChange({ ...value, date })}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>Время</label>
          <input
            id={`${id}-time`}
            type="text"
            inputMode="numeric"
            placeholder="чч:мм"
            maxLength={5}
            autoComplete="off"
            value={value.time}
            onChange={(e) => onChange({ ...value, time: e.target.value })}
            aria-invalid={error ? true : undefined}
          />
        </div>
      </div>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
