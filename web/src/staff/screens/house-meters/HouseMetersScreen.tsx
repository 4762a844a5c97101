// Общедомовые приборы учёта (issue 16): a house's common-property meters (ОДПУ) with their verification due
// and what the state system answered (each goes there as a collective device); those who may load meters
// (accounts.import) add one. The house is chosen in the address (?houseId=), the first one by default.
import '../admin.css';
import './house-meters.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiError } from '../../../api/client';
import type { paths } from '../../../api/schema';
import { formatDate, parseDate } from '../../../lib/format';
import { fieldMessages } from '../../../lib/problems';
import { RESOURCES } from '../../../screens/meters/resources';
import { Verification } from '../../../screens/meters/Verification';
import { DateInput, explain, Field, FormError, TextField } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, ScrollTable, SkeletonCards } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useHouses, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import { STATUS_LABEL } from '../exchange/labels';
import { HouseFilter } from '../filters';

type HouseMeter = Schemas['HouseMeter'];
type Resource = HouseMeter['resource'];
type Input = paths['/api/v1/org/houses/{houseId}/meters']['post']['requestBody']['content']['application/json'];

export default function HouseMetersScreen() {
  const can = useCan();
  const houses = useHouses();
  const search = useSearch();
  const [, navigate] = useLocation();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<HouseMeter | null>(null);
  const items = houses.data?.items ?? [];
  const wanted = new URLSearchParams(search).get('houseId');
  const house = items.find((h) => h.id === wanted) ?? items[0];
  const mayAdd = can('accounts.import');
  const choose = (houseId: string | undefined) => {
    setAdded(null);
    setAdding(false);
    navigate(houseId ? `/house-meters?houseId=${houseId}` : '/house-meters', { replace: true });
  };
  return (
    <Page
      title="Общедомовые приборы учёта"
      actions={
        mayAdd && house && !adding ? (
          <Button
            onClick={() => {
              setAdded(null);
              setAdding(true);
            }}
          >
            Добавить прибор
          </Button>
        ) : null
      }
    >
      <div className="stack">
        <p className="muted">
          Приборы учёта общего имущества дома (ОДПУ). Каждый передаётся в ГИС ЖКХ как коллективный (общедомовой) прибор
          учёта; её ответ — в графе «ГИС ЖКХ».
        </p>
        {houses.isPending ? (
          <SkeletonCards count={2} height={120} />
        ) : houses.isError ? (
          <ErrorMessage error={houses.error} retry={() => void houses.refetch()} />
        ) : !house ? (
          <Notice>Домов пока нет.</Notice>
        ) : (
          <>
            <form className="staff-filters" aria-label="Выбор дома" onSubmit={(e) => e.preventDefault()}>
              <HouseFilter one value={house.id} onChange={choose} />
            </form>
            {added ? (
              <Notice kind="success">
                Прибор № {added.serialNumber} добавлен и поставлен в очередь на отправку в ГИС ЖКХ.
              </Notice>
            ) : null}
            {adding ? (
              <AddMeter
                key={house.id}
                houseId={house.id}
                address={house.fullAddress}
                onSaved={(meter) => {
                  setAdding(false);
                  setAdded(meter);
                }}
                onCancel={() => setAdding(false)}
              />
            ) : null}
            <Meters houseId={house.id} address={house.fullAddress} />
            {mayAdd ? null : (
              <p className="muted">
                Добавлять приборы могут сотрудники с правом «Загрузка лицевых счетов и приборов учёта».
              </p>
            )}
          </>
        )}
      </div>
    </Page>
  );
}

function Meters({ houseId, address }: { houseId: string; address: string }) {
  const key = useStaffKey();
  // The exchange moves on its own: a new meter's answer from the state system shows up without a reload.
  const list = useQuery({
    queryKey: key('house-meters', houseId),
    queryFn: () => ok(staffApi.GET('/api/v1/org/houses/{houseId}/meters', { params: { path: { houseId } } })),
    refetchInterval: 30_000,
  });
  if (list.isPending) return <SkeletonCards count={2} height={56} />;
  if (list.isError) return <ErrorMessage error={list.error} retry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <Notice>У этого дома нет общедомовых приборов учёта.</Notice>;
  return (
    <ScrollTable label={`Приборы учёта: ${address}`}>
      <table className="staff-table house-meters">
        <thead>
          <tr>
            <th scope="col">Прибор</th>
            <th scope="col">Установлен</th>
            <th scope="col">Поверка</th>
            <th scope="col">ГИС ЖКХ</th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((m) => (
            <tr key={m.id} className={m.archived ? 'staff-row-off' : undefined}>
              <th scope="row">
                <div className="house-meter-name">{RESOURCES[m.resource] ?? m.resource}</div>
                <div className="nowrap">№ {m.serialNumber}</div>
                <div className="muted">
                  {TARIFFS[m.tariffs] ?? `тарифов: ${m.tariffs}`}
                  {m.digitCapacity ? `, разрядность ${m.digitCapacity}` : ''}
                </div>
                {m.archived ? <span className="badge badge-muted">снят с учёта</span> : null}
              </th>
              <td>
                <Label>Установлен</Label>
                <div className="nowrap">{m.installedOn ? formatDate(m.installedOn) : '—'}</div>
                {m.sealedOn ? <div className="muted nowrap">опломбирован {formatDate(m.sealedOn)}</div> : null}
              </td>
              <td>
                <Label>Поверка</Label>
                <Verification meter={m} />
                {m.verifiedOn ? <div className="muted nowrap">последняя {formatDate(m.verifiedOn)}</div> : null}
              </td>
              <td>
                <Label>ГИС ЖКХ</Label>
                <StateSystem meter={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** A cell's column heading, shown in the cell on a phone where the table's head is hidden (house-meters.css). */
function Label({ children }: { children: string }) {
  return <span className="house-meter-label">{children}</span>;
}

const TARIFFS: Record<number, string> = {
  1: 'однотарифный',
  2: 'двухтарифный',
  3: 'трёхтарифный',
};

/** Where the meter is with the state system: waiting, accepted with its GUID, or refused with why. */
function StateSystem({ meter: m }: { meter: HouseMeter }) {
  const s = m.stateSystem;
  const status = m.gisGuid && (!s || s.status === 'accepted') ? 'accepted' : s?.status;
  if (!status) return <span className="badge badge-warning">ждёт отправки</span>;
  const [label, tone] = STATUS_LABEL[status] ?? [status, 'badge-warning'];
  return (
    <div className="house-meter-state">
      <span className={`badge ${tone}`}>{label}</span>
      {status === 'accepted' && m.gisGuid ? (
        <div className="muted">
          GUID <span className="mono break-word">{m.gisGuid}</span>
        </div>
      ) : status === 'sending' || status === 'sent' ? (
        <div className="muted">ждём ответа ГИС ЖКХ</div>
      ) : status === 'rejected' || status === 'dead' ? (
        <>
          {s?.errorText || s?.errorCode ? (
            <div className="break-word">
              {s.errorCode ? <span className="mono">{s.errorCode}</span> : null}
              {s.errorCode && s.errorText ? ': ' : ''}
              {s.errorText}
            </div>
          ) : null}
          {s?.hint ? <div className="exchange-hint">{s.hint.fix}</div> : null}
          <Link href="/exchange">Обмен с ГИС ЖКХ</Link>
        </>
      ) : null}
    </div>
  );
}

interface Draft {
  resource: Resource | '';
  serialNumber: string;
  tariffs: string;
  digitCapacity: string;
  installedOn: string;
  sealedOn: string;
  verifiedOn: string;
  nextVerification: string;
}
type Name = keyof Draft;

const EMPTY: Draft = {
  resource: '',
  serialNumber: '',
  tariffs: '1',
  digitCapacity: '',
  installedOn: '',
  sealedOn: '',
  verifiedOn: '',
  nextVerification: '',
};
const DATES = ['installedOn', 'sealedOn', 'verifiedOn', 'nextVerification'] as const;
const REQUIRED: Name[] = ['resource', 'serialNumber', 'verifiedOn', 'nextVerification'];

/** The field's own wording of the API's general "check this field". */
const TEXTS: Record<string, string> = {
  resource: 'Выберите ресурс.',
  serialNumber: 'Заводской номер: от 1 до 50 символов.',
  tariffs: 'Тарифов — от 1 до 3.',
  digitCapacity: 'Разрядность — целое число от 3 до 12.',
  installedOn: 'Дата установки не может быть позже следующей поверки.',
  sealedOn: 'Укажите дату в виде дд.мм.гггг.',
  verifiedOn: 'Укажите дату последней поверки (дд.мм.гггг).',
  nextVerification:
    'Не раньше чем через полгода после последней поверки: межповерочный интервал считается в целых годах.',
};

function AddMeter({
  houseId,
  address,
  onSaved,
  onCancel,
}: {
  houseId: string;
  address: string;
  onSaved: (meter: HouseMeter) => void;
  onCancel: () => void;
}) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [v, setV] = useState<Draft>(EMPTY);
  const [local, setLocal] = useState<Partial<Record<Name, string>>>({});
  // Fields changed since the API refused the form: their messages are gone until it is sent again.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const save = useMutation({
    mutationFn: (body: Input) =>
      ok(staffApi.POST('/api/v1/org/houses/{houseId}/meters', { params: { path: { houseId } }, body })),
    onSuccess: async (meter) => {
      await client.invalidateQueries({ queryKey: key('house-meters', houseId) });
      onSaved(meter);
    },
  });
  const refused = explain(fieldMessages(save.error instanceof ApiError ? save.error.problem : undefined), TEXTS);
  const errors: Record<string, string> = Object.keys(local).length
    ? (local as Record<string, string>)
    : Object.fromEntries(Object.entries(refused).filter(([k]) => !edited.has(k)));
  const set = (name: Name, value: string) => {
    setV((d) => ({ ...d, [name]: value }));
    setEdited((e) => (e.has(name) ? e : new Set(e).add(name)));
    setLocal(({ [name]: _, ...rest }) => rest);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Name, string>> = {};
    for (const name of REQUIRED) if (!v[name].trim()) found[name] = REQUIRED_TEXT[name];
    for (const name of DATES)
      if (v[name].trim() && !parseDate(v[name])) found[name] = 'Дата в виде дд.мм.гггг, например 01.09.2025.';
    const digits = v.digitCapacity.trim();
    if (digits && !/^\d{1,2}$/.test(digits)) found.digitCapacity = TEXTS.digitCapacity;
    setLocal(found);
    setEdited(new Set());
    if (Object.keys(found).length) return;
    const date = (name: (typeof DATES)[number]) => parseDate(v[name]) ?? undefined;
    save.mutate({
      resource: v.resource as Resource,
      serialNumber: v.serialNumber.trim(),
      tariffs: Number(v.tariffs),
      ...(digits ? { digitCapacity: Number(digits) } : {}),
      ...(date('installedOn') ? { installedOn: date('installedOn') } : {}),
      ...(date('sealedOn') ? { sealedOn: date('sealedOn') } : {}),
      verifiedOn: date('verifiedOn')!,
      nextVerification: date('nextVerification')!,
    });
  };

  return (
    <Card>
      <form className="form-grid house-meter-form" onSubmit={submit} noValidate aria-labelledby="house-meter-title">
        <h2 id="house-meter-title">Новый прибор: {address}</h2>
        <Field label="Ресурс" error={errors.resource}>
          <select value={v.resource} onChange={(e) => set('resource', e.target.value)} required>
            <option value="">выберите</option>
            {Object.entries(RESOURCES).map(([r, name]) => (
              <option key={r} value={r}>
                {name}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          label="Заводской номер"
          value={v.serialNumber}
          maxLength={50}
          required
          autoComplete="off"
          error={errors.serialNumber}
          onChange={(e) => set('serialNumber', e.target.value)}
        />
        <Field label="Тарифов" error={errors.tariffs}>
          <select value={v.tariffs} onChange={(e) => set('tariffs', e.target.value)}>
            <option value="1">1 — однотарифный</option>
            <option value="2">2 — день и ночь</option>
            <option value="3">3 — пик, полупик, ночь</option>
          </select>
        </Field>
        <TextField
          label="Разрядность"
          hint="Необязательно: сколько цифр на табло до запятой."
          inputMode="numeric"
          maxLength={2}
          value={v.digitCapacity}
          error={errors.digitCapacity}
          onChange={(e) => set('digitCapacity', e.target.value.replace(/\D/g, ''))}
        />
        <Field label="Дата установки" hint="Необязательно." error={errors.installedOn}>
          <DateInput value={v.installedOn} onChange={(t) => set('installedOn', t)} />
        </Field>
        <Field label="Дата ввода в эксплуатацию (опломбирования)" hint="Необязательно." error={errors.sealedOn}>
          <DateInput value={v.sealedOn} onChange={(t) => set('sealedOn', t)} />
        </Field>
        <Field label="Дата последней поверки" error={errors.verifiedOn}>
          <DateInput value={v.verifiedOn} onChange={(t) => set('verifiedOn', t)} required />
        </Field>
        <Field
          label="Дата следующей поверки"
          hint="По ней и последней поверке ГИС ЖКХ получает межповерочный интервал в годах."
          error={errors.nextVerification}
        >
          <DateInput value={v.nextVerification} onChange={(t) => set('nextVerification', t)} required />
        </Field>
        <FormError error={save.error} fieldErrors={refused} />
        {Object.keys(errors).length ? (
          <div className="alert alert-error" role="alert">
            <p>Проверьте отмеченные поля.</p>
          </div>
        ) : null}
        <div className="row-actions">
          <Button type="submit" busy={save.isPending}>
            Добавить прибор
          </Button>
          <Button kind="link" onClick={onCancel}>
            Отмена
          </Button>
        </div>
      </form>
    </Card>
  );
}

const REQUIRED_TEXT: Partial<Record<Name, string>> = {
  resource: 'Выберите ресурс.',
  serialNumber: 'Укажите заводской номер.',
  verifiedOn: 'Укажите дату последней поверки (дд.мм.гггг).',
  nextVerification: 'Укажите дату следующей поверки (дд.мм.гггг).',
};
