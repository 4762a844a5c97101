// Filter pieces of the console's lists: a day typed as дд.мм.гггг (not the browser's own date input,
// which shows its own format) and its start as the instant the API's `from`/`to` take; the house.
import { parseDate } from '../../lib/format';
import { DateInput, Field } from '../../ui/fields';
import { useHouses } from '../api';

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

/** The house of a filter row: «все дома» or one of the organisation's houses; `wide` stretches it. */
export function HouseFilter({
  value,
  onChange,
  wide = true,
}: {
  value: string | undefined;
  onChange: (houseId: string | undefined) => void;
  wide?: boolean;
}) {
  const houses = useHouses();
  const select = (
    <Field label="Дом">
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">все дома</option>
        {houses.data?.items.map((h) => (
          <option key={h.id} value={h.id}>
            {h.fullAddress}
          </option>
        ))}
      </select>
    </Field>
  );
  return wide ? <div className="staff-filter-wide">{select}</div> : select;
}
