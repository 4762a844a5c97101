import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { formatDateTime } from '../../../lib/format';
import { Button, ErrorMessage, Page, ScrollTable, Skeleton } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useHouses, useStaffKey } from '../../api';
import { HouseFilter, SelectFilter } from '../filters';
import { useCan } from '../../permissions';
import '../admin.css';
import './appeals.css';
import {
  type AppealFilters,
  type AppealType,
  dueText,
  STATUSES,
  type Status,
  statusOf,
  useAppealFilters,
} from './labels';

type Appeal = Schemas['AppealSummary'];

const SOURCES = [
  ['hub', 'Кабинет жителя'],
  ['state_system', 'ГИС ЖКХ'],
] as const;

/** The appeal types with their titles: the API's catalogue (GET /api/v1/appeals/types). */
function useAppealTypes() {
  return useQuery({
    queryKey: ['appeal-types'],
    queryFn: () => ok(staffApi.GET('/api/v1/appeals/types')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Residents' appeals to the organisation: filtered on the server (kept in the address), newest first, in keyset pages. */
export default function AppealsScreen() {
  const [filters, setFilters] = useAppealFilters();
  const can = useCan();
  return (
    <Page title="Обращения">
      <p className="muted">
        Письменные обращения жителей из кабинета и из ГИС ЖКХ. Срок ответа считается от подачи по сроку типа обращения
        {can('settings.manage') ? (
          <>
            {' '}
            (<Link href="/settings">сроки по типам — в настройках</Link>)
          </>
        ) : null}
        .
      </p>
      <Filters filters={filters} set={setFilters} />
      <List filters={filters} />
    </Page>
  );
}

function Filters({ filters, set }: { filters: AppealFilters; set: (c: Partial<AppealFilters>) => void }) {
  const types = useAppealTypes();
  const any = Object.values(filters).some(Boolean);
  return (
    <form className="staff-filters appeal-filters" aria-label="Фильтры обращений" onSubmit={(e) => e.preventDefault()}>
      <SelectFilter
        label="Статус"
        all="Все статусы"
        options={STATUSES.map((st) => [st, statusOf(st).label] as const)}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <SelectFilter
        label="Тип"
        all="Все типы"
        options={(types.data ?? []).map((t) => [t.type as AppealType, t.title] as const)}
        value={filters.type}
        onChange={(type) => set({ type })}
        wide
      />
      <HouseFilter value={filters.houseId} onChange={(houseId) => set({ houseId })} />
      <SelectFilter
        label="Откуда"
        all="Кабинет и ГИС ЖКХ"
        options={SOURCES}
        value={filters.source}
        onChange={(source) => set({ source })}
      />
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
            set({ status: undefined, type: undefined, houseId: undefined, source: undefined, overdue: undefined })
          }
        >
          Сбросить фильтры
        </Button>
      ) : null}
    </form>
  );
}

export function DueBadge({ appeal }: { appeal: Pick<Appeal, 'dueAt'> }) {
  const due = dueText(appeal.dueAt);
  if (!due) return null;
  return <span className={due.overdue ? 'badge badge-danger' : 'badge badge-warning'}>{due.text}</span>;
}

function List({ filters }: { filters: AppealFilters }) {
  const key = useStaffKey();
  const houses = useHouses();
  const q = useInfiniteQuery({
    queryKey: key('appeals', 'list', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(staffApi.GET('/api/v1/org/appeals', { params: { query: { ...filters, limit: 25, cursor: pageParam } } })),
    getNextPageParam: (last) => last.page.nextCursor ?? undefined,
  });
  const address = (houseId: string | null) =>
    (houseId && houses.data?.items.find((h) => h.id === houseId)?.fullAddress) || '';
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="card">
      {q.isError ? <ErrorMessage error={q.error} retry={() => void q.refetch()} /> : null}
      {q.isPending ? <Skeleton height={240} label="Загрузка" /> : null}
      {q.data ? (
        <ScrollTable label="Обращения">
          <table className="staff-table appeals-table">
            <thead>
              <tr>
                <th scope="col">Обращение</th>
                <th scope="col">Житель и адрес</th>
                <th scope="col">Статус и срок</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link href={`/appeals/${a.id}`}>№ {a.number}</Link> {a.typeTitle}
                    <div className="muted">
                      Получено <span className="nowrap">{formatDateTime(a.submittedAt)}</span>
                    </div>
                  </td>
                  <td>
                    {a.applicantName ?? (a.source === 'state_system' ? 'Заявитель из ГИС ЖКХ' : '—')}
                    <div className="muted">
                      {[
                        address(a.houseId),
                        a.premiseNumber ? `кв. ${a.premiseNumber}` : '',
                        a.accountNumber ? `л/с ${a.accountNumber}` : '',
                        a.source === 'state_system' && a.stateSystemNumber ? `ГИС ЖКХ № ${a.stateSystemNumber}` : '',
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </div>
                  </td>
                  <td>
                    <span className="appeal-badges">
                      <span className={statusOf(a.status).badge}>{statusOf(a.status).label}</span>
                      <DueBadge appeal={a} />
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!items.length ? <p className="muted">Нет обращений с такими условиями.</p> : null}
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
