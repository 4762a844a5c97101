// The houses' areas printed on payment documents (total, residential, non-residential, common): shown to the
// staff, changed per house by those with houses.manage.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client';
import { fieldMessages } from '../../../lib/problems';
import { explain, FormError, TextField } from '../../../ui/fields';
import { Button, ErrorMessage, ScrollTable, Skeleton } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useHouses, useStaffKey } from '../../api';
import { useCan } from '../../permissions';

type House = Schemas['HouseReference'] & { id: string; fullAddress: string };
type Name = keyof Schemas['HouseReference'];

const AREAS: { name: Name; label: string }[] = [
  { name: 'totalArea', label: 'Общая площадь' },
  { name: 'residentialArea', label: 'Жилые помещения' },
  { name: 'nonResidentialArea', label: 'Нежилые помещения' },
  { name: 'commonArea', label: 'Общее имущество' },
];
const AREA_TEXT = 'Площадь в м², до двух знаков после запятой, например 3254,70.';
const FIELD_TEXT = Object.fromEntries(AREAS.map((a) => [a.name, AREA_TEXT]));

const m2 = (v: string | null) => (v === null ? '—' : v.replace('.', ','));

export function HouseAreas() {
  const houses = useHouses();
  const can = useCan();
  const [editing, setEditing] = useState<string | null>(null);
  const items = houses.data?.items ?? [];
  const house = items.find((h) => h.id === editing);
  return (
    <section className="card" aria-labelledby="areas-title">
      <h2 id="areas-title">Площади домов</h2>
      <p className="muted">Печатаются в платёжном документе в справочной информации о доме; площади — в м².</p>
      {houses.isPending ? (
        <Skeleton height={160} label="Загрузка домов" />
      ) : houses.isError ? (
        <ErrorMessage error={houses.error} retry={() => void houses.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">Домов пока нет.</p>
      ) : (
        <ScrollTable label="Площади домов">
          <table className="staff-table house-areas">
            <thead>
              <tr>
                <th scope="col">Дом</th>
                {AREAS.map((a) => (
                  <th key={a.name} scope="col">
                    {a.label}
                  </th>
                ))}
                {can('houses.manage') ? (
                  <th scope="col">
                    <span className="visually-hidden">Действия</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {items.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{h.fullAddress}</th>
                  {AREAS.map((a) => (
                    <td key={a.name}>{m2(h[a.name])}</td>
                  ))}
                  {can('houses.manage') ? (
                    <td>
                      <Button
                        kind="link"
                        onClick={() => setEditing(h.id)}
                        aria-label={`Изменить площади: ${h.fullAddress}`}
                      >
                        Изменить
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {house ? <AreasForm key={house.id} house={house} onDone={() => setEditing(null)} /> : null}
    </section>
  );
}

function AreasForm({ house, onDone }: { house: House; onDone: () => void }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [v, setV] = useState<Record<Name, string>>(() => {
    const out = {} as Record<Name, string>;
    for (const a of AREAS) out[a.name] = (house[a.name] ?? '').replace('.', ',');
    return out;
  });
  const save = useMutation({
    mutationFn: (body: Schemas['HouseReference']) =>
      ok(staffApi.PUT('/api/v1/org/houses/{houseId}/reference', { params: { path: { houseId: house.id } }, body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key('houses') });
      onDone();
    },
  });
  const errors = explain(fieldMessages(save.error instanceof ApiError ? save.error.problem : undefined), FIELD_TEXT);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {} as Schemas['HouseReference'];
    for (const a of AREAS) body[a.name] = v[a.name].trim().replace(/\s/g, '').replace(',', '.') || null;
    save.mutate(body);
  };
  return (
    <form className="form-grid settings-form" onSubmit={submit} noValidate aria-labelledby="areas-form-title">
      <h3 id="areas-form-title">Площади: {house.fullAddress}</h3>
      {AREAS.map((a) => (
        <TextField
          key={a.name}
          label={`${a.label}, м²`}
          inputMode="decimal"
          maxLength={14}
          value={v[a.name]}
          error={errors[a.name]}
          onChange={(e) => setV({ ...v, [a.name]: e.target.value })}
        />
      ))}
      <FormError error={save.error} fieldErrors={errors} />
      <div className="row-actions">
        <Button type="submit" busy={save.isPending}>
          Сохранить
        </Button>
        <Button kind="link" onClick={onDone}>
          Отмена
        </Button>
      </div>
    </form>
  );
}
