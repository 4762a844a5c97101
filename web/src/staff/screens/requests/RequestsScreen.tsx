import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'wouter';
import { formatDateTime } from '../../../lib/format';
import { categoryName, statusOf } from '../../../screens/requests/labels';
import { Button, ErrorMessage, Page, ScrollTable, Skeleton, Toggles } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useHouses, useStaffKey } from '../../api';
import { HouseFilter, SelectFilter } from '../filters';
import { apiQuery, CATEGORIES, type QueueFilters, STATUSES, type Status, timeLeft, useQueueFilters } from './queue';

type Ticket = Schemas['Ticket'];

/** The organisation's requests: a board by status or a table, filtered on the server, paged by keyset. */
export default function RequestsScreen() {
  const [filters, setFilters] = useQueueFilters();
  const view = filters.view ?? 'board';
  return (
    <Page
      title="Заявки"
      actions={
        <Toggles
          legend="Вид"
          options={[
            ['board', 'Доска'],
            ['table', 'Таблица'],
          ]}
          value={view}
          onChange={(v) => setFilters({ view: v })}
        />
      }
    >
      <Filters filters={filters} set={setFilters} />
      {view === 'board' ? <Board filters={filters} /> : <Table filters={filters} set={setFilters} />}
      <Ratings houseId={filters.houseId} />
    </Page>
  );
}

function Filters({ filters, set }: { filters: QueueFilters; set: (c: Partial<QueueFilters>) => void }) {
  const key = useStaffKey();
  const assignees = useQuery({
    queryKey: key('tickets', 'assignees'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/tickets/assignees')),
  });
  const any = Object.entries(filters).some(([k, v]) => k !== 'view' && v);
  return (
    <form className="staff-filters" aria-label="Фильтры заявок" onSubmit={(e) => e.preventDefault()}>
      <HouseFilter value={filters.houseId} onChange={(houseId) => set({ houseId })} wide={false} />
      <SelectFilter
        label="Категория"
        all="Все категории"
        options={CATEGORIES.map((c) => [c, categoryName(c)] as const)}
        value={filters.category}
        onChange={(category) => set({ category })}
      />
      <SelectFilter
        label="Исполнитель"
        all="Все исполнители"
        options={(assignees.data?.items ?? []).map((a) => [a.assignee, `${a.assignee} (${a.open})`] as const)}
        value={filters.assignee}
        onChange={(assignee) => set({ assignee })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={filters.emergency === 'true'}
          onChange={(e) => set({ emergency: e.target.checked ? 'true' : undefined })}
        />
        Только аварийные
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={filters.overdue === 'true'}
          onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}
        />
        Только просроченные
      </label>
      {any ? (
        <Button
          kind="link"
          onClick={() =>
            set({
              houseId: undefined,
              category: undefined,
              assignee: undefined,
              emergency: undefined,
              overdue: undefined,
              status: undefined,
            })
          }
        >
          Сбросить фильтры
        </Button>
      ) : null}
    </form>
  );
}

/** The queue under the filters, newest first, one keyset page after another. */
function useQueue(filters: QueueFilters, limit: number) {
  const key = useStaffKey();
  const query = apiQuery(filters);
  return useInfiniteQuery({
    queryKey: key('tickets', 'list', query, limit),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(staffApi.GET('/api/v1/org/tickets', { params: { query: { ...query, limit, cursor: pageParam } } })),
    getNextPageParam: (last) => last.page.nextCursor ?? undefined,
  });
}

function Board({ filters }: { filters: QueueFilters }) {
  const key = useStaffKey();
  const { status: _status, ...rest } = apiQuery(filters);
  const counts = useQuery({
    queryKey: key('tickets', 'counts', rest),
    queryFn: () => ok(staffApi.GET('/api/v1/org/tickets/counts', { params: { query: rest } })),
  });
  const countOf = (s: Status) => {
    const item = counts.data?.items.find((i) => i.status === s);
    return item ? `${item.count}${item.capped ? '+' : ''}` : '0';
  };
  return (
    <div className="staff-board">
      {STATUSES.map((s) => (
        <Column key={s} status={s} filters={filters} count={counts.data ? countOf(s) : undefined} />
      ))}
    </div>
  );
}

function Column({ status, filters, count }: { status: Status; filters: QueueFilters; count?: string }) {
  const q = useQueue({ ...filters, status }, 20);
  const headingId = useId();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="staff-column" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {statusOf(status).label} <span className="staff-column-count">{count ?? ''}</span>
      </h2>
      {q.isError ? <ErrorMessage error={q.error} retry={() => void q.refetch()} /> : null}
      {q.isPending ? <Skeleton height={120} label="Загрузка" /> : null}
      {q.data && !items.length ? <p className="muted">Нет заявок</p> : null}
      <ul className="staff-cards">
        {items.map((t) => (
          <li key={t.id}>
            <TicketCard ticket={t} />
          </li>
        ))}
      </ul>
      {q.hasNextPage ? (
        <Button kind="secondary" busy={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          Показать ещё
        </Button>
      ) : null}
    </section>
  );
}

function TimeLeft({ ticket }: { ticket: Ticket }) {
  const closed = ticket.status === 'done' || ticket.status === 'rejected';
  const left = closed ? null : timeLeft(ticket.deadline);
  if (!left) return null;
  return <span className={left.overdue ? 'badge badge-danger' : 'badge badge-warning'}>{left.text}</span>;
}

function TicketCard({ ticket: t }: { ticket: Ticket }) {
  return (
    <Link href={`/requests/${t.id}`} className="staff-ticket">
      <span className="staff-ticket-head">
        <strong>№ {t.number}</strong> {categoryName(t.category)}
        {t.emergency ? <span className="badge badge-danger">Аварийная</span> : null}
      </span>
      <span className="staff-ticket-text">{t.text}</span>
      <span className="staff-ticket-meta">
        <TimeLeft ticket={t} />
        {t.assignee ? <span>{t.assignee}</span> : <span className="muted">Не назначена</span>}
        {t.rating ? <span>Оценка {t.rating.score} из 5</span> : null}
      </span>
    </Link>
  );
}

function Table({ filters, set }: { filters: QueueFilters; set: (c: Partial<QueueFilters>) => void }) {
  const q = useQueue(filters, 50);
  const id = useId();
  const houses = useHouses();
  const address = (houseId: string) => houses.data?.items.find((h) => h.id === houseId)?.fullAddress ?? '';
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="card">
      <div className="field staff-status-filter">
        <label htmlFor={id}>Статус</label>
        <select
          id={id}
          value={filters.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || undefined) as Status | undefined })}
        >
          <option value="">Все статусы</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusOf(s).label}
            </option>
          ))}
        </select>
      </div>
      {q.isError ? <ErrorMessage error={q.error} retry={() => void q.refetch()} /> : null}
      {q.isPending ? <Skeleton height={240} label="Загрузка" /> : null}
      {q.data ? (
        <ScrollTable label="Заявки">
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">Статус</th>
                <th scope="col">Категория</th>
                <th scope="col">Дом</th>
                <th scope="col">Исполнитель</th>
                <th scope="col">Срок</th>
                <th scope="col">Подана</th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link href={`/requests/${t.id}`}>№ {t.number}</Link>
                  </td>
                  <td>
                    <span className={statusOf(t.status).badge}>{statusOf(t.status).label}</span>
                  </td>
                  <td>
                    {categoryName(t.category)}
                    {t.emergency ? (
                      <>
                        {' '}
                        <span className="badge badge-danger">Аварийная</span>
                      </>
                    ) : null}
                  </td>
                  <td>{address(t.houseId)}</td>
                  <td>{t.assignee ?? <span className="muted">—</span>}</td>
                  <td>
                    <TimeLeft ticket={t} />
                  </td>
                  <td className="nowrap">{formatDateTime(t.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {!items.length ? <p className="muted">Нет заявок с такими условиями.</p> : null}
        </ScrollTable>
      ) : null}
      {q.hasNextPage ? (
        <Button kind="secondary" busy={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          Показать ещё
        </Button>
      ) : null}
    </div>
  );
}

function Ratings({ houseId }: { houseId?: string }) {
  const key = useStaffKey();
  const q = useQuery({
    queryKey: key('tickets', 'ratings', houseId),
    queryFn: () => ok(staffApi.GET('/api/v1/org/tickets/ratings', { params: { query: { houseId } } })),
  });
  return (
    <section className="card" aria-labelledby="ratings-title">
      <h2 id="ratings-title">Оценки жителей по категориям</h2>
      {q.isError ? <ErrorMessage error={q.error} retry={() => void q.refetch()} /> : null}
      {q.data && !q.data.items.length ? <p className="muted">Оценок пока нет.</p> : null}
      {q.data?.items.length ? (
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">Категория</th>
              <th scope="col">Средняя оценка</th>
              <th scope="col">Оценок</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((r) => (
              <tr key={r.category}>
                <td>{categoryName(r.category)}</td>
                <td>{r.average.replace('.', ',')} из 5</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
