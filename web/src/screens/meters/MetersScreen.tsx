import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, ApiError, ok, type components } from '../../api/client';
import { metersQuery, useCurrentAccount } from '../../app/session';
import { formatDate, formatDecimal, formatPeriod, parseDecimal } from '../../lib/format';
import { fieldMessages } from '../../lib/problems';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton, SkeletonCards, WhenVisible } from '../../ui/ui';
import { RESOURCES, tariffLabel, tariffsOf, unitOf, type Tariff } from './resources';
import { Registrations } from './Registrations';
import { Verification } from './Verification';

type Meter = components['schemas']['Meter'];
type Values = Record<string, Partial<Record<Tariff, string>>>;
type Errors = Record<string, Partial<Record<Tariff | 'meter', string>>>;
type Reading = { meterId: string; t1: string; t2?: string; t3?: string };

const History = lazy(() => import('./History'));

export default function MetersScreen() {
  const { account, isPending } = useCurrentAccount();
  const accountId = account?.accountId;
  const q = useQuery({ ...metersQuery(accountId ?? ''), enabled: !!accountId });
  if (!isPending && !account) {
    return (
      <Page title="Счётчики">
        <Notice>
          Сначала <Link href="/accounts">добавьте помещение</Link>.
        </Notice>
      </Page>
    );
  }
  return (
    <Page title="Счётчики">
      {!q.data ? (
        q.isError ? (
          <ErrorMessage error={q.error} retry={() => void q.refetch()} />
        ) : (
          <>
            <Skeleton height={48} />
            <SkeletonCards count={3} height={180} />
          </>
        )
      ) : (
        <>
          <WindowNotice window={q.data.window} />
          {q.data.meters.length === 0 ? (
            <Notice>В помещении нет счётчиков.</Notice>
          ) : (
            <ReadingsForm accountId={accountId!} meters={q.data.meters} accepting={q.data.window.accepting} />
          )}
          <section className="section" aria-labelledby="history-title">
            <h2 id="history-title">История за 6 месяцев</h2>
            <WhenVisible height={240}>
              <Suspense fallback={<Skeleton height={240} />}>
                <History accountId={accountId!} />
              </Suspense>
            </WhenVisible>
          </section>
          <Registrations accountId={accountId!} meters={q.data.meters} />
        </>
      )}
    </Page>
  );
}

function WindowNotice({ window: w }: { window: components['schemas']['ReadingWindow'] }) {
  if (w.open) {
    return (
      <Notice kind="success">
        Приём показаний открыт до {formatDate(w.closesOn)} включительно (за {formatPeriod(w.period).toLowerCase()}).
      </Notice>
    );
  }
  if (w.accepting) {
    return (
      <Notice>
        Приём показаний за этот месяц закрыт; переданные сейчас войдут в {formatPeriod(w.period).toLowerCase()}.
        Следующий приём: с {formatDate(w.opensOn)} по {formatDate(w.closesOn)}.
      </Notice>
    );
  }
  return (
    <Notice kind="warning">
      Приём показаний закрыт. Он откроется {formatDate(w.opensOn)} и продлится до {formatDate(w.closesOn)}.
    </Notice>
  );
}

function ReadingsForm({ accountId, meters, accepting }: { accountId: string; meters: Meter[]; accepting: boolean }) {
  const client = useQueryClient();
  const [values, setValues] = useState<Values>({});
  const [local, setLocal] = useState<Errors>({});
  const [sent, setSent] = useState<Meter['id'][]>([]);
  const submit = useMutation({
    // One Idempotency-Key per press of the button: a retried request is not taken twice.
    mutationFn: async (args: { confirm: boolean; order: string[]; readings: Reading[] }) =>
      ok(
        api.POST('/api/v1/me/accounts/{accountId}/readings', {
          params: { path: { accountId } },
          headers: { 'idempotency-key': crypto.randomUUID() },
          body: { readings: args.readings, confirm: args.confirm },
        }),
      ),
    onSuccess: (_data, args) => {
      setSent(args.order);
      setValues({});
      void client.invalidateQueries({ queryKey: ['meters', accountId] });
      void client.invalidateQueries({ queryKey: ['readings', accountId] });
    },
  });
  const problem = submit.error instanceof ApiError ? submit.error.problem : undefined;
  const order = submit.variables?.order ?? [];
  const remote: Errors = {};
  for (const [key, message] of Object.entries(fieldMessages(problem, 'body.readings'))) {
    const [index, tariff] = key.split('.');
    const meterId = order[Number(index)];
    if (meterId) remote[meterId] = { ...remote[meterId], [(tariff as Tariff | undefined) ?? 'meter']: message };
  }
  const needsConfirmation = problem?.code === 'consumption_confirmation_required';
  const errors: Errors = Object.keys(local).length ? local : needsConfirmation ? {} : remote;

  const collect = () => {
    const found: Errors = {};
    const readings: Reading[] = [];
    for (const m of meters) {
      const entered = values[m.id] ?? {};
      const tariffs = tariffsOf(m.tariffs);
      if (!tariffs.some((t) => entered[t]?.trim())) continue;
      const reading: Reading = { meterId: m.id, t1: '' };
      for (const t of tariffs) {
        const parsed = parseDecimal(entered[t] ?? '');
        if (parsed === null) found[m.id] = { ...found[m.id], [t]: 'Введите число, например 123,45' };
        else reading[t] = parsed;
      }
      readings.push(reading);
    }
    return { found, readings };
  };
  const send = (confirm: boolean) => {
    const { found, readings } = collect();
    setLocal(found);
    if (Object.keys(found).length) return;
    if (!readings.length) {
      setLocal({ [meters[0]!.id]: { t1: 'Введите показание хотя бы одного счётчика' } });
      return;
    }
    setSent([]);
    submit.mutate({ confirm, order: readings.map((r) => r.meterId), readings });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    send(false);
  };
  const set = (meterId: string, t: Tariff, v: string) => {
    setValues((old) => ({ ...old, [meterId]: { ...old[meterId], [t]: v } }));
    if (local[meterId]) setLocal(({ [meterId]: _drop, ...rest }) => rest);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="section">
      <div className="meters">
        {meters.map((m) => (
          <Card key={m.id} className="meter">
            <div className="meter-head">
              <h2>{RESOURCES[m.resource] ?? m.resource}</h2>
              <span className="muted">№ {m.serialNumber}</span>
            </div>
            <dl className="facts">
              <dt>Предыдущее</dt>
              <dd>
                {m.previousReading ? (
                  <>
                    {tariffsOf(m.tariffs).map((t, i) => (
                      <span key={t} className="block">
                        {tariffLabel(m.tariffs, i)} {formatDecimal(m.previousReading!.values[t] ?? '0')}{' '}
                        {unitOf(m.unit)}
                      </span>
                    ))}
                    <span className="muted block">от {formatDate(m.previousReading.takenOn)}</span>
                  </>
                ) : (
                  '—'
                )}
              </dd>
              <dt>Средний расход</dt>
              <dd>
                {m.averageMonthly
                  ? `${tariffsOf(m.tariffs)
                      .map((t) => formatDecimal(m.averageMonthly![t] ?? '0'))
                      .join(' / ')} ${unitOf(m.unit)} в месяц`
                  : '—'}
              </dd>
              <dt>Поверка</dt>
              <dd>
                <Verification meter={m} />
              </dd>
            </dl>
            <div className="meter-inputs">
              {tariffsOf(m.tariffs).map((t, i) => {
                const id = `reading-${m.id}-${t}`;
                const error = errors[m.id]?.[t] ?? (i === 0 ? errors[m.id]?.meter : undefined);
                return (
                  <div className="field" key={t}>
                    <label htmlFor={id}>
                      Новое показание{m.tariffs > 1 ? `, ${tariffLabel(m.tariffs, i)}` : ''}, {unitOf(m.unit)}
                    </label>
                    <input
                      id={id}
                      className="input"
                      inputMode="decimal"
                      autoComplete="off"
                      value={values[m.id]?.[t] ?? ''}
                      onChange={(e) => set(m.id, t, e.target.value)}
                      disabled={!accepting || m.verificationOverdue}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                    />
                    {error ? (
                      <span id={`${id}-error`} className="field-error" role="alert">
                        {error}
                      </span>
                    ) : null}
                  </div>
                );
              })}
              {m.verificationOverdue ? (
                <p className="field-error">
                  Срок поверки истёк — показания не принимаются. Подайте заявку на перерегистрацию ниже.
                </p>
              ) : null}
              {sent.includes(m.id) ? (
                <p className="accepted">
                  <span className="badge badge-success">Принято</span>
                </p>
              ) : null}
            </div>
          </Card>
        ))}
      </div>
      {needsConfirmation ? (
        <div className="alert alert-warning" role="alertdialog" aria-labelledby="confirm-title">
          <p id="confirm-title">
            <strong>Расход намного выше среднего.</strong> Проверьте показания
            {(problem?.violations as { meterId: string }[] | undefined)
              ?.map((v) => meters.find((m) => m.id === v.meterId))
              .filter(Boolean)
              .map((m) => ` «${RESOURCES[m!.resource]} № ${m!.serialNumber}»`)
              .join(',')}
            . Если они верны, подтвердите отправку.
          </p>
          <div className="card-actions">
            <Button busy={submit.isPending} onClick={() => send(true)}>
              Показания верны, отправить
            </Button>
            <Button kind="secondary" onClick={() => submit.reset()}>
              Исправить
            </Button>
          </div>
        </div>
      ) : submit.isError && !Object.keys(remote).length ? (
        <ErrorMessage error={submit.error} />
      ) : submit.isError ? (
        <Notice kind="error">Показания не приняты: исправьте отмеченные поля. Ничего не сохранено.</Notice>
      ) : null}
      {submit.isSuccess ? (
        <Notice kind="success">Показания приняты за {formatPeriod(submit.data.period).toLowerCase()}.</Notice>
      ) : null}
      <div className="submit-bar">
        <p className="muted">Дата показаний: {formatDate(new Date())}</p>
        <Button type="submit" busy={submit.isPending && !needsConfirmation} disabled={!accepting}>
          Передать показания
        </Button>
      </div>
    </form>
  );
}
