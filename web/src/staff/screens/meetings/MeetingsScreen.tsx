import { useInfiniteQuery } from '@tanstack/react-query';
import './meetings.css';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { countOf, formatDate } from '../../../lib/format';
import { FORM } from '../../../screens/meetings/labels';
import { Button, ErrorMessage, Page, ScrollTable, SkeletonCards } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import { HouseFilter } from '../filters';
import { SettingsPanel } from './SettingsPanel';
import { type Meeting, stage } from './types';

type Status = Meeting['status'];
const STATUSES: readonly [Status | '', string][] = [
  ['', 'Все'],
  ['draft', 'Черновики'],
  ['announced', 'Объявленные'],
  ['closed', 'Завершённые'],
  ['cancelled', 'Отменённые'],
];

/** The organisation's meetings, newest first, filtered by house and status on the server. */
export default function MeetingsScreen() {
  const key = useStaffKey();
  const [houseId, setHouseId] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const statusField = useId();
  const q = useInfiniteQuery({
    queryKey: key('meetings', houseId, status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        staffApi.GET('/api/v1/org/meetings', {
          params: {
            query: {
              limit: 50,
              cursor: pageParam,
              houseId: houseId || undefined,
              status: status || undefined,
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.page.nextCursor ?? undefined,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title="Общие собрания"
      actions={
        <>
          <Link href="/owners-register" className="button secondary">
            Реестр собственников
          </Link>
          <Link href="/meetings/new" className="button primary">
            Новое собрание
          </Link>
        </>
      }
    >
      <SettingsPanel />
      <div className="card staff-filters">
        <HouseFilter value={houseId || undefined} onChange={(v) => setHouseId(v ?? '')} wide={false} />
        <div className="field">
          <label htmlFor={statusField}>Состояние</label>
          <select id={statusField} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            {STATUSES.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {q.isPending ? (
        <SkeletonCards count={3} height={48} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <div className="card">
          <p>Собраний нет. Создайте собрание: повестка, материалы, сроки — затем разошлите сообщение собственникам.</p>
        </div>
      ) : (
        <div className="card">
          <ScrollTable label="Собрания">
            <table>
              <thead>
                <tr>
                  <th scope="col">№</th>
                  <th scope="col">Собрание</th>
                  <th scope="col">Дом</th>
                  <th scope="col">Форма</th>
                  <th scope="col">Голосование</th>
                  <th scope="col">Состояние</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => {
                  const s = stage(m);
                  return (
                    <tr key={m.id}>
                      <td className="nowrap">{m.number}</td>
                      <td>
                        <Link href={`/meetings/${m.id}`}>{m.title}</Link>
                        <div className="muted">{countOf(m.questions.length, ['вопрос', 'вопроса', 'вопросов'])}</div>
                      </td>
                      <td>{m.houseAddress}</td>
                      <td>{FORM[m.form]}</td>
                      <td className="nowrap">
                        {formatDate(m.votingStartsAt, m.timezone)} — {formatDate(m.votingEndsAt, m.timezone)}
                      </td>
                      <td>
                        <span className={s.badge}>{s.label}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
          {q.hasNextPage ? (
            <Button kind="secondary" busy={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
              Показать ещё
            </Button>
          ) : null}
        </div>
      )}
    </Page>
  );
}
