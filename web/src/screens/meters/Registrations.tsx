import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, ok, postForm, type components } from '../../api/client';
import { formatDate, parseDate } from '../../lib/format';
import { fieldMessages } from '../../lib/problems';
import { DateInput, Field } from '../../ui/fields';
import { Button, Card, ErrorMessage, Notice } from '../../ui/ui';
import { RESOURCES } from './resources';

type Meter = components['schemas']['Meter'];
type Registration = components['schemas']['MeterRegistration'];

const STATUS: Record<Registration['status'], [string, string]> = {
  submitted: ['На рассмотрении', 'badge-warning'],
  approved: ['Одобрена', 'badge-success'],
  rejected: ['Отклонена', 'badge-danger'],
};

/** Meter (re)registration: the request with its documents, and the status of earlier ones. */
export function Registrations({ accountId, meters }: { accountId: string; meters: Meter[] }) {
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: ['meter-registrations', accountId],
    queryFn: () =>
      ok(api.GET('/api/v1/me/accounts/{accountId}/meter-registrations', { params: { path: { accountId } } })),
  });
  return (
    <section className="section" aria-labelledby="registrations-title">
      <div className="row-between">
        <h2 id="registrations-title">Регистрация счётчиков</h2>
        {open ? null : (
          <Button kind="secondary" onClick={() => setOpen(true)}>
            Зарегистрировать счётчик
          </Button>
        )}
      </div>
      {open ? <RegistrationForm accountId={accountId} meters={meters} onClose={() => setOpen(false)} /> : null}
      {q.isError ? <ErrorMessage error={q.error} /> : null}
      {q.data && q.data.items.length > 0 ? (
        <ul className="plain-list stack">
          {q.data.items.map((r) => (
            <Card as="li" key={r.id}>
              <p>
                <strong>
                  {r.kind === 'register' ? 'Новый счётчик' : 'Перерегистрация'}: {RESOURCES[r.resource]} №{' '}
                  {r.serialNumber}
                </strong>
              </p>
              <p>
                <span className={`badge ${STATUS[r.status][1]}`}>{STATUS[r.status][0]}</span>
                <span className="muted"> · подана {formatDate(r.createdAt)}</span>
                {r.decidedAt ? <span className="muted"> · решение {formatDate(r.decidedAt)}</span> : null}
              </p>
              {r.rejectReason ? <p>Причина: {r.rejectReason}</p> : null}
              <p className="muted">Документы: {r.documents.map((d) => d.filename).join(', ') || '—'}</p>
            </Card>
          ))}
        </ul>
      ) : q.data ? (
        <p className="muted">Заявок на регистрацию не было.</p>
      ) : null}
    </section>
  );
}

function RegistrationForm({ accountId, meters, onClose }: { accountId: string; meters: Meter[]; onClose: () => void }) {
  const client = useQueryClient();
  const [kind, setKind] = useState<'register' | 'reregister'>('register');
  const save = useMutation({
    mutationFn: (form: FormData) =>
      postForm<Registration>(`/api/v1/me/accounts/${accountId}/meter-registrations`, form),
    onSuccess: () => client.invalidateQueries({ queryKey: ['meter-registrations', accountId] }),
  });
  const [installedOn, setInstalledOn] = useState('');
  const [nextVerification, setNextVerification] = useState('');
  const fields = fieldMessages(save.error instanceof ApiError ? save.error.problem : undefined);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // Dates go as YYYY-MM-DD; one that is not a date goes as typed, so the API names its field.
    form.set('installedOn', parseDate(installedOn) ?? installedOn);
    form.set('nextVerification', parseDate(nextVerification) ?? nextVerification);
    for (const [k, v] of [...form.entries()]) if (v === '' || (v instanceof File && v.size === 0)) form.delete(k);
    save.mutate(form);
  };
  if (save.isSuccess) {
    return (
      <Card className="section">
        <Notice kind="success">Заявка отправлена в управляющую организацию. Статус — в списке ниже.</Notice>
        <Button kind="secondary" onClick={onClose}>
          Готово
        </Button>
      </Card>
    );
  }
  const err = (name: string) => (fields[name] ? <span className="field-error">{fields[name]}</span> : null);
  return (
    <Card className="section">
      <form onSubmit={onSubmit} noValidate encType="multipart/form-data">
        <fieldset>
          <legend>Что сделать</legend>
          <label className="choice">
            <input
              type="radio"
              name="kind"
              value="register"
              checked={kind === 'register'}
              onChange={() => setKind('register')}
            />
            <span>Зарегистрировать новый счётчик</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="kind"
              value="reregister"
              checked={kind === 'reregister'}
              onChange={() => setKind('reregister')}
            />
            <span>Перерегистрировать после поверки или замены</span>
          </label>
        </fieldset>
        {kind === 'reregister' ? (
          <div className="field">
            <label htmlFor="reg-meter">Счётчик</label>
            <select id="reg-meter" name="meterId">
              {meters.map((m) => (
                <option key={m.id} value={m.id}>
                  {RESOURCES[m.resource]} № {m.serialNumber}
                </option>
              ))}
            </select>
            {err('meterId')}
          </div>
        ) : null}
        <div className="form-grid">
          <div className="field">
            <label htmlFor="reg-resource">Ресурс</label>
            <select id="reg-resource" name="resource" defaultValue="cold_water">
              {Object.entries(RESOURCES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
            {err('resource')}
          </div>
          <div className="field">
            <label htmlFor="reg-serial">Заводской номер</label>
            <input id="reg-serial" name="serialNumber" required autoComplete="off" />
            {err('serialNumber')}
          </div>
          <div className="field">
            <label htmlFor="reg-tariffs">Число тарифов</label>
            <select id="reg-tariffs" name="tariffs" defaultValue="1">
              <option value="1">1</option>
              <option value="2">2</option>
              <option value="3">3</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="reg-t1">Начальное показание</label>
            <input id="reg-t1" name="t1" inputMode="decimal" autoComplete="off" />
            {err('t1')}
          </div>
          <Field label="Дата установки" error={fields.installedOn}>
            <DateInput value={installedOn} onChange={setInstalledOn} />
          </Field>
          <Field label="Следующая поверка" error={fields.nextVerification}>
            <DateInput value={nextVerification} onChange={setNextVerification} />
          </Field>
        </div>
        <div className="field">
          <label htmlFor="reg-photo">Фото счётчика с показаниями и пломбой</label>
          <input id="reg-photo" name="photo" type="file" accept="image/*" capture="environment" required />
          {err('photo')}
        </div>
        <div className="field">
          <label htmlFor="reg-passport">Паспорт счётчика или свидетельство о поверке</label>
          <input id="reg-passport" name="passport" type="file" accept="image/*,application/pdf" required />
          {err('passport')}
        </div>
        <div className="field">
          <label htmlFor="reg-comment">Комментарий (необязательно)</label>
          <textarea id="reg-comment" name="comment" maxLength={1000} />
        </div>
        {save.isError ? <ErrorMessage error={save.error} /> : null}
        <div className="card-actions">
          <Button type="submit" busy={save.isPending}>
            Отправить заявку
          </Button>
          <Button kind="link" onClick={onClose}>
            Отмена
          </Button>
        </div>
      </form>
    </Card>
  );
}
