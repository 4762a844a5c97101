import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import './meetings.css';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { formatDateTime } from '../../../lib/format';
import { FORM } from '../../../screens/meetings/labels';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton, Toggles } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import { AgendaPanel } from './AgendaPanel';
import { BallotsPanel } from './BallotsPanel';
import { openMeetingFile } from './open-file';
import { OwnersPanel } from './OwnersPanel';
import { ProxiesPanel } from './ProxiesPanel';
import { ResultsPanel } from './ResultsPanel';
import { StateSystemPanel } from './StateSystemPanel';
import { TurnoutPanel } from './TurnoutPanel';
import { type Meeting, stage } from './types';

type Tab = 'agenda' | 'owners' | 'proxies' | 'ballots' | 'results';

/** One meeting from draft to protocol: agenda and materials, notice, register, proxies, ballots, turnout, close. */
export default function MeetingScreen() {
  const { id } = useParams<{ id: string }>();
  const key = useStaffKey();
  const q = useQuery({
    queryKey: key('meeting', id),
    queryFn: () => ok(staffApi.GET('/api/v1/org/meetings/{id}', { params: { path: { id } } })),
  });
  const [tab, setTab] = useState<Tab>('agenda');
  if (q.isPending)
    return (
      <Page title="Собрание">
        <Skeleton height={160} />
        <Skeleton height={320} />
      </Page>
    );
  if (q.isError)
    return (
      <Page title="Собрание">
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      </Page>
    );
  const m = q.data;
  const frozen = m.status === 'announced' || m.status === 'closed';
  const tabs: [Tab, string][] = [
    ['agenda', 'Повестка и материалы'],
    ...(frozen
      ? ([
          ['owners', 'Реестр'],
          ['proxies', 'Доверенности'],
          ['ballots', 'Бюллетени'],
          ['results', 'Итоги'],
        ] as [Tab, string][])
      : []),
  ];
  const shown = tabs.some(([t]) => t === tab) ? tab : 'agenda';
  return (
    <Page title={`Собрание № ${m.number}`} actions={<Link href="/meetings">Все собрания</Link>}>
      <Summary m={m} />
      {frozen ? <TurnoutPanel meeting={m} /> : null}
      <StateSystemPanel meeting={m} />
      {tabs.length > 1 ? <Toggles legend="Раздел собрания" options={tabs} value={shown} onChange={setTab} /> : null}
      {shown === 'agenda' ? <AgendaPanel meeting={m} /> : null}
      {shown === 'owners' ? <OwnersPanel meeting={m} /> : null}
      {shown === 'proxies' ? <ProxiesPanel meeting={m} /> : null}
      {shown === 'ballots' ? <BallotsPanel meeting={m} /> : null}
      {shown === 'results' ? <ResultsPanel meeting={m} /> : null}
    </Page>
  );
}

function Summary({ m }: { m: Meeting }) {
  const s = stage(m);
  const tz = m.timezone;
  return (
    <Card>
      <div className="row-between">
        <h2>{m.title}</h2>
        <span className={s.badge}>{s.label}</span>
      </div>
      <dl className="facts staff-facts">
        <dt>Дом</dt>
        <dd>{m.houseAddress}</dd>
        <dt>Форма</dt>
        <dd>{FORM[m.form]}</dd>
        <dt>Инициатор</dt>
        <dd>{m.initiator.name}</dd>
        {m.inPersonAt ? (
          <>
            <dt>Очное обсуждение</dt>
            <dd>{formatDateTime(m.inPersonAt, tz)}</dd>
          </>
        ) : null}
        <dt>Приём решений</dt>
        <dd>
          {formatDateTime(m.votingStartsAt, tz)} — {formatDateTime(m.votingEndsAt, tz)}
        </dd>
        <dt>Место</dt>
        <dd>{m.place}</dd>
        <dt>Председатель</dt>
        <dd>{m.chairName ?? '—'}</dd>
        <dt>Секретарь</dt>
        <dd>{m.secretaryName ?? '—'}</dd>
        <dt>Счётная комиссия</dt>
        <dd>{m.counterNames.length ? m.counterNames.join(', ') : '—'}</dd>
        {m.announcedAt ? (
          <>
            <dt>Сообщение разослано</dt>
            <dd>{formatDateTime(m.announcedAt, tz)}</dd>
          </>
        ) : null}
        {m.closedAt ? (
          <>
            <dt>Закрыто</dt>
            <dd>{formatDateTime(m.closedAt, tz)}</dd>
          </>
        ) : null}
      </dl>
      <Actions m={m} />
    </Card>
  );
}

function Actions({ m }: { m: Meeting }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: key() });
  const path = { params: { path: { id: m.id } } };
  const announce = useMutation({
    mutationFn: () => ok(staffApi.POST('/api/v1/org/meetings/{id}/announce', path)),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: () => ok(staffApi.POST('/api/v1/org/meetings/{id}/cancel', path)),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: () => ok(staffApi.POST('/api/v1/org/meetings/{id}/close', path)),
    onSuccess: refresh,
  });
  const open = useMutation({
    mutationFn: () => openMeetingFile('/api/v1/org/meetings/{id}/protocol.pdf', { id: m.id }),
  });
  const [confirm, setConfirm] = useState(false);
  const ended = new Date() >= new Date(m.votingEndsAt);
  const error = announce.error ?? cancel.error ?? close.error ?? open.error;
  return (
    <div className="stack">
      {announce.data ? (
        <Notice kind="success">
          Сообщение о собрании опубликовано в новостях дома; писем собственникам: {announce.data.emailed}. Реестр
          собственников зафиксирован ({announce.data.owners}).
        </Notice>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {m.status === 'draft' ? (
        confirm ? (
          <div className="alert alert-warning" role="alert">
            <p>
              После рассылки повестку, сроки и материалы менять нельзя, а реестр собственников фиксируется на сегодня.
              Разослать сообщение?
            </p>
            <div className="card-actions">
              <Button busy={announce.isPending} onClick={() => announce.mutate()}>
                Разослать
              </Button>
              <Button kind="secondary" onClick={() => setConfirm(false)}>
                Не сейчас
              </Button>
            </div>
          </div>
        ) : (
          <div className="card-actions">
            <Button onClick={() => setConfirm(true)}>Разослать сообщение о собрании</Button>
            <Button kind="secondary" busy={cancel.isPending} onClick={() => cancel.mutate()}>
              Отменить черновик
            </Button>
          </div>
        )
      ) : null}
      {m.status === 'announced' ? (
        <div className="card-actions">
          <Button busy={close.isPending} disabled={!ended} onClick={() => close.mutate()}>
            Подвести итоги и составить протокол
          </Button>
          {!ended ? (
            <span className="hint">Доступно после окончания приёма решений; в срок собрание закроется само.</span>
          ) : null}
        </div>
      ) : null}
      {close.data?.waitingFor === 'state_system' ? (
        <Notice>
          Решения собственников и итоги читаются из ГИС ЖКХ; собрание закроется и протокол составится, когда они придут.
        </Notice>
      ) : close.data && !close.data.closed ? (
        <Notice>Собрание уже закрыто.</Notice>
      ) : null}
      {m.status === 'closed' ? (
        <div className="card-actions">
          <Button busy={open.isPending} onClick={() => open.mutate()}>
            Открыть протокол (PDF)
          </Button>
          {m.protocolSha256 ? (
            <span className="hint staff-hash" title="SHA-256 канонического JSON протокола">
              SHA-256: {m.protocolSha256.slice(0, 16)}…
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
