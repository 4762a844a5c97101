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

/**
 * A labelled choice of a filter row: `all` (no filter, the value undefined; none where a choice is
 * required) and the options as [value, text] pairs; `wide` stretches it over two columns of the row.
 */
export function SelectFilter<T extends string>({
  label,
  all,
  options,
  value,
  onChange,
  wide = false,
}: {
  label: string;
  all?: string;
  options: readonly (readonly [T, string])[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  wide?: boolean;
}) {
  const select = (
    <Field label={label}>
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        {all === undefined ? null : <option value="">{all}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
  return wide ? <div className="staff-filter-wide">{select}</div> : select;
}

/** The house of a filter row: «все дома» or one of the organisation's houses; `one`: a house must be chosen. */
export function HouseFilter({
  value,
  onChange,
  wide = true,
  one = false,
}: {
  value: string | undefined;
  onChange: (houseId: string | undefined) => void;
  wide?: boolean;
  one?: boolean;
}) {
  const houses = useHouses();
  const options = (houses.data?.items ?? []).map((h) => [h.id, h.fullAddress] as const);
  return (
    <SelectFilter
      label="Дом"
      all={one ? undefined : 'все дома'}
      options={options}
      value={value}
      onChange={onChange}
      wide={wide}
    />
  );
}
