// Filter pieces of the console's lists: a day typed as дд.мм.гггг (not the browser's own date input,
// which shows its own format) and its start as the instant the API's `from`/`to` take.
import { parseDate } from '../../lib/format';
import { DateInput, Field } from '../../ui/fields';

/** The start of the day typed (дд.мм.гггг) in this browser's time zone, as an ISO instant; `next`: of the day after. */
export function dayStart(text: string, next = false): string | undefined {
  const day = parseDate(text);
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (next) d.setDate(d.getDate() + 1);
  return d.toISOString();
}

/** A labelled day of a filter row (`.staff-filters`). */
export function DayFilter({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Field label={label}>
      <DateInput value={value} onChange={onChange} />
    </Field>
  );
}
