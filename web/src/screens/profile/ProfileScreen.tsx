import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, ok } from '../../api/client';
import { shortAddress } from '../../app/AccountSwitcher';
import { useCurrentAccount, useMe, useSignOut } from '../../app/session';
import { countOf, formatDate, formatDateTime, formatPeriod } from '../../lib/format';
import { fieldMessages } from '../../lib/problems';
import { explain, Field } from '../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton } from '../../ui/ui';
import { Passkeys } from './Passkeys';

/** My data from the provider (masked), registered residents of the current account, passkeys, sessions, sign-out. */
export default function ProfileScreen() {
  const me = useMe();
  const signOut = useSignOut();
  const [leaving, setLeaving] = useState(false);
  const p = me.data;
  return (
    <Page title="Профиль">
      <div className="detail-grid">
        <Card>
          <h2>Личные данные</h2>
          {!p ? (
            <Skeleton height={160} />
          ) : (
            <>
              <dl className="facts">
                <dt>ФИО</dt>
                <dd>{[p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ') || '—'}</dd>
                <dt>Дата рождения</dt>
                <dd>{p.birthDate ? formatDate(p.birthDate) : '—'}</dd>
                <dt>СНИЛС</dt>
                <dd>{p.snils ?? '—'}</dd>
                <dt>Эл. почта</dt>
                <dd className="break">
                  {p.email ?? '—'}{' '}
                  {p.email && !p.emailVerified ? <span className="muted">(не подтверждена)</span> : null}
                </dd>
                <dt>Телефон</dt>
                <dd>{p.mobile ?? '—'}</dd>
                <dt>Личность</dt>
                <dd>
                  {p.identityVerified ? (
                    <span className="badge badge-success">
                      Подтверждена {p.identityVerifiedBy === 'organisation' ? 'организацией' : 'Госуслугами'}
                    </span>
                  ) : (
                    <span className="badge badge-warning">Не подтверждена</span>
                  )}
                </dd>
              </dl>
              <p className="muted">
                {p.signInMethod === 'esia'
                  ? 'Данные получены из Госуслуг; изменить их можно на Госуслугах. СНИЛС и телефон показаны частично.'
                  : 'Вы вошли по электронной почте. Чтобы голосовать в собраниях и подавать обращения с личными ' +
                    'данными, войдите через Госуслуги или попросите управляющую организацию подтвердить вас.'}
              </p>
            </>
          )}
        </Card>
        <Residents />
        <Passkeys deviceName={device(navigator.userAgent)} />
        <Sessions />
        <Card>
          <h2>Выход</h2>
          <p>Завершить работу в кабинете на этом устройстве.</p>
          <Button
            kind="secondary"
            busy={leaving}
            onClick={() => {
              setLeaving(true);
              void signOut();
            }}
          >
            Выйти из кабинета
          </Button>
        </Card>
      </div>
    </Page>
  );
}

const CHANGE_STATUS: Record<string, { label: string; badge: string }> = {
  pending: { label: 'на рассмотрении', badge: 'badge badge-warning' },
  confirmed: { label: 'подтверждено', badge: 'badge badge-success' },
  rejected: { label: 'отклонено', badge: 'badge badge-danger' },
};

function Residents() {
  const { account } = useCurrentAccount();
  const accountId = account?.accountId;
  const client = useQueryClient();
  const [count, setCount] = useState('');
  const [reason, setReason] = useState('');
  const q = useQuery({
    queryKey: ['residents', accountId],
    queryFn: () =>
      ok(api.GET('/api/v1/me/accounts/{accountId}/residents', { params: { path: { accountId: accountId! } } })),
    enabled: !!accountId,
  });
  const change = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/me/accounts/{accountId}/residents', {
          params: { path: { accountId: accountId! } },
          body: { count: /^\d{1,3}$/.test(count.trim()) ? Number(count.trim()) : -1, reason },
        }),
      ),
    onSuccess: () => {
      setCount('');
      setReason('');
      void client.invalidateQueries({ queryKey: ['residents'] });
    },
  });
  const errors = explain(fieldMessages(change.error instanceof ApiError ? change.error.problem : undefined), {
    count: 'Укажите число от 0 до 100.',
    reason: 'Напишите причину: от 3 символов (например, «родился ребёнок»).',
  });
  if (!account) return null;
  const pending = q.data?.history.some((h) => h.status === 'pending');
  return (
    <Card>
      <h2>Зарегистрированные жильцы</h2>
      <p className="muted">{shortAddress(account.house.fullAddress, account.premise?.number)}</p>
      {q.isPending ? (
        <Skeleton height={60} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : (
        <>
          <p>
            {q.data.current === null ? (
              'Число жильцов не указано.'
            ) : (
              <>
                Сейчас: <strong>{countOf(q.data.current, ['человек', 'человека', 'человек'])}</strong> (
                {formatPeriod(q.data.period).toLowerCase()})
              </>
            )}
          </p>
          {q.data.history.length ? (
            <ul className="plain-list">
              {q.data.history.slice(0, 5).map((h) => {
                const s = CHANGE_STATUS[h.status] ?? { label: h.status, badge: 'badge' };
                return (
                  <li key={h.changeId}>
                    {formatDate(h.createdAt)}: {countOf(h.count, ['человек', 'человека', 'человек'])}{' '}
                    <span className={s.badge}>{s.label}</span>
                    {h.effectivePeriod ? (
                      <span className="muted"> · с {formatPeriod(h.effectivePeriod).toLowerCase()}</span>
                    ) : null}
                    {h.decisionReason ? <span className="muted"> · {h.decisionReason}</span> : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </>
      )}
      {pending ? (
        <Notice>Изменение на рассмотрении у управляющей организации.</Notice>
      ) : (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            change.mutate();
          }}
          noValidate
        >
          {change.isSuccess ? (
            <Notice kind="success">Заявка отправлена. После подтверждения число изменится со следующего месяца.</Notice>
          ) : null}
          <Field label="Новое число жильцов" error={errors.count}>
            <input inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
          </Field>
          <Field label="Причина" error={errors.reason}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} />
          </Field>
          {change.isError && !errors.count && !errors.reason ? <ErrorMessage error={change.error} /> : null}
          <Button type="submit" kind="secondary" busy={change.isPending}>
            Сообщить об изменении
          </Button>
        </form>
      )}
    </Card>
  );
}

/** "Chrome на Linux" from a user agent, enough to recognise one's own devices. */
function device(ua: string | null): string {
  if (!ua) return 'Неизвестное устройство';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /YaBrowser/.test(ua)
      ? 'Яндекс Браузер'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrom(e|ium)\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : 'Браузер';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser}, ${os}` : browser;
}

function Sessions() {
  const client = useQueryClient();
  const q = useQuery({ queryKey: ['sessions'], queryFn: () => ok(api.GET('/api/v1/me/sessions')) });
  const end = useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sessions'] }),
  });
  return (
    <Card>
      <h2>Активные сеансы</h2>
      {q.isPending ? (
        <Skeleton height={80} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : (
        <ul className="people">
          {q.data.items.map((s) => (
            <li key={s.id} className="person">
              <div>
                <strong>{device(s.userAgent)}</strong>
                {s.current ? <span className="badge badge-success">это устройство</span> : null}
                <br />
                <span className="muted">
                  вход {formatDateTime(s.createdAt)} · активность {formatDateTime(s.lastSeenAt)}
                  {s.ip ? ` · ${s.ip}` : ''}
                </span>
              </div>
              {!s.current ? (
                <Button
                  kind="secondary"
                  busy={end.isPending && end.variables === s.id}
                  onClick={() => end.mutate(s.id)}
                  aria-label={`Завершить сеанс: ${device(s.userAgent)}, вход ${formatDateTime(s.createdAt)}`}
                >
                  Завершить
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {end.isError ? <ErrorMessage error={end.error} /> : null}
    </Card>
  );
}
