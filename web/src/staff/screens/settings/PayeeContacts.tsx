// The contacts printed on payment documents (the payee's address, phone, e-mail, site, working hours and its
// dispatcher service): shown to the staff, changed by those with settings.manage.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { ApiError } from '../../../api/client';
import { fieldMessages } from '../../../lib/problems';
import { explain, FormError, TextField } from '../../../ui/fields';
import { Button, ErrorMessage, Skeleton } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useStaffKey } from '../../api';
import { useCan } from '../../permissions';

type Contacts = Schemas['PayeeContacts'];
type Name = keyof Contacts;

const FIELDS: { name: Name; label: string; type?: string; maxLength: number; hint?: string }[] = [
  { name: 'address', label: 'Адрес организации', maxLength: 500 },
  { name: 'phone', label: 'Телефон', type: 'tel', maxLength: 60 },
  { name: 'email', label: 'Электронная почта', type: 'email', maxLength: 200 },
  { name: 'website', label: 'Сайт', type: 'url', maxLength: 200, hint: 'Полный адрес, например https://uk.example.ru' },
  { name: 'workingHours', label: 'Режим работы', maxLength: 200, hint: 'Например: пн–чт 9:00–18:00, пт 9:00–16:45' },
  { name: 'dispatcherPhone', label: 'Телефон диспетчерской', type: 'tel', maxLength: 60 },
  { name: 'dispatcherHours', label: 'Режим работы диспетчерской', maxLength: 200, hint: 'Например: круглосуточно' },
];

const FIELD_TEXT = {
  email: 'Укажите адрес электронной почты, например info@uk.example.ru.',
  website: 'Укажите адрес сайта полностью, с https://.',
};

export function PayeeContacts() {
  const key = useStaffKey();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: key('contacts'), queryFn: () => ok(staffApi.GET('/api/v1/org/contacts')) });
  const d = q.data;
  return (
    <section className="card" aria-labelledby="contacts-title">
      <div className="row-between">
        <h2 id="contacts-title">Контакты в платёжных документах</h2>
        {d && !editing && can('settings.manage') ? (
          <Button kind="secondary" onClick={() => setEditing(true)}>
            Изменить
          </Button>
        ) : null}
      </div>
      <p className="muted">Печатаются в платёжном документе рядом с реквизитами организации.</p>
      {q.isPending ? (
        <Skeleton height={160} label="Загрузка контактов" />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : editing ? (
        <ContactsForm initial={d!} onDone={() => setEditing(false)} />
      ) : (
        <dl className="facts settings-facts">
          {FIELDS.map((f) => (
            <Fragment key={f.name}>
              <dt>{f.label}</dt>
              <dd>{d![f.name] ?? '—'}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}

function ContactsForm({ initial, onDone }: { initial: Contacts; onDone: () => void }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [v, setV] = useState<Record<Name, string>>(() => {
    const out = {} as Record<Name, string>;
    for (const f of FIELDS) out[f.name] = initial[f.name] ?? '';
    return out;
  });
  const save = useMutation({
    mutationFn: (body: Contacts) => ok(staffApi.PUT('/api/v1/org/contacts', { body })),
    onSuccess: async (_, body) => {
      client.setQueryData(key('contacts'), body);
      onDone();
    },
  });
  const errors = explain(fieldMessages(save.error instanceof ApiError ? save.error.problem : undefined), FIELD_TEXT);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {} as Contacts;
    for (const f of FIELDS) body[f.name] = v[f.name].trim() || null;
    save.mutate(body);
  };
  return (
    <form className="form-grid settings-form" onSubmit={submit} noValidate>
      {FIELDS.map((f) => (
        <TextField
          key={f.name}
          label={f.label}
          hint={f.hint}
          type={f.type ?? 'text'}
          maxLength={f.maxLength}
          value={v[f.name]}
          error={errors[f.name]}
          onChange={(e) => setV({ ...v, [f.name]: e.target.value })}
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
