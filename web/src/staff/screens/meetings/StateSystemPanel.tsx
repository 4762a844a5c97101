import { formatDateTime } from '../../../lib/format';
import { Card } from '../../../ui/ui';
import type { Meeting } from './types';

// The meeting in the state system (issue 17): where it is voted, the notice's identifier and status there,
// the state system's result and the hub's exact tally against it.

export type MeetingStateSystem = Meeting['stateSystem'];

export const stateSystemOf = (m: Meeting): MeetingStateSystem | undefined => m.stateSystem;

const MODE: Record<string, string> = {
  'state-system': 'Голосование в ГИС ЖКХ: собственники голосуют там, бумажные решения передаются туда',
  'regional-system': 'Голосование в Домхабе как региональной системе: протокол передаётся в ГИС ЖКХ',
};

const SYNC: Record<string, string> = {
  pending: 'ждёт отправки',
  sending: 'отправляется',
  sent: 'отправлено, ждём ответа',
  accepted: 'размещено',
  rejected: 'отклонено ГИС ЖКХ',
  dead: 'не отправлено — см. «Обмен с ГИС ЖКХ»',
};

const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? '—' : v ? 'да' : 'нет');
const m2 = (v: string | null) => (v === null ? '—' : `${v.replace('.', ',')}\u00a0м²`);

export function StateSystemPanel({ meeting }: { meeting: Meeting }) {
  const s = stateSystemOf(meeting);
  if (!s) return null;
  const mode = s.votingSystem ? MODE[s.votingSystem] : 'Голосование в Домхабе (собрание объявлено до выбора режима)';
  const c = s.comparison;
  return (
    <Card className="staff-state-system">
      <h2>ГИС ЖКХ</h2>
      <dl className="facts staff-facts">
        <dt>Режим</dt>
        <dd data-testid="meeting-mode">{mode}</dd>
        <dt>Сообщение</dt>
        <dd>
          {s.noticeStatus ? SYNC[s.noticeStatus] : meeting.status === 'draft' ? 'будет размещено при рассылке' : '—'}
        </dd>
        <dt>Номер в ГИС ЖКХ</dt>
        <dd data-testid="state-protocol-number">{s.protocolNumber ?? '—'}</dd>
        {s.voteUrl ? (
          <>
            <dt>Где голосуют</dt>
            <dd>
              <a href={s.voteUrl} target="_blank" rel="noreferrer">
                {s.voteUrl}
              </a>
            </dd>
          </>
        ) : null}
        {s.decisionsReadAt ? (
          <>
            <dt>Решения прочитаны</dt>
            <dd>{formatDateTime(s.decisionsReadAt, meeting.timezone)}</dd>
          </>
        ) : null}
        {s.result ? (
          <>
            <dt>Итог в ГИС ЖКХ</dt>
            <dd>
              {s.result.quorum ? 'кворум есть' : 'кворума нет'}
              {s.result.protocolNumber ? `, протокол № ${s.result.protocolNumber}` : ''}
            </dd>
          </>
        ) : null}
        {s.protocolStatus ? (
          <>
            <dt>Протокол</dt>
            <dd>{SYNC[s.protocolStatus]}</dd>
          </>
        ) : null}
      </dl>
      {c?.questions?.length ? (
        <>
          <h3>Сверка итогов Домхаба и ГИС ЖКХ</h3>
          <p className={c.matches ? 'alert alert-success' : 'alert alert-warning'}>
            {c.matches ? 'Итоги совпадают.' : 'Есть расхождения — проверьте решения, переданные в ГИС ЖКХ.'}
            {c.quorum ? ` Кворум: Домхаб — ${yesNo(c.quorum.hub)}, ГИС ЖКХ — ${yesNo(c.quorum.stateSystem)}.` : ''}
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Голоса «за» по вопросам: Домхаб и ГИС ЖКХ</caption>
              <thead>
                <tr>
                  <th scope="col">Вопрос</th>
                  <th scope="col">«За» в Домхабе</th>
                  <th scope="col">«За» в ГИС ЖКХ</th>
                  <th scope="col">Разница</th>
                  <th scope="col">Принято (Домхаб / ГИС)</th>
                </tr>
              </thead>
              <tbody>
                {c.questions.map((q) => (
                  <tr key={q.number} className={q.matches ? undefined : 'staff-mismatch'}>
                    <td>{q.number}</td>
                    <td className="nowrap">{m2(q.for.hub)}</td>
                    <td className="nowrap">{m2(q.for.stateSystem)}</td>
                    <td className="nowrap">{m2(q.for.difference)}</td>
                    <td>
                      {yesNo(q.adopted.hub)} / {yesNo(q.adopted.stateSystem)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {c.unmatchedDecisions?.length ? (
            <p className="muted">Решений ГИС ЖКХ без собственника в реестре: {c.unmatchedDecisions.length}.</p>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
