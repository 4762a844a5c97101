// Объявления (issue 15, screen 5): the organisation's news and outage notices by state (in the address),
// kind and house, in keyset pages, each with its houses, dates, read count and state; a notice still
// scheduled or live is withdrawn after a confirmation. Composing is NewNoticeScreen.
import '../admin.css';
import './notices.css';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { paths } from '../../../api/schema';
import { formatDateTime } from '../../../lib/format';
import { Button, ErrorMessage, Notice, Page, ScrollTable, SkeletonCards, Toggles } from '../../../ui/ui';
import { ok, staffApi, useHouses, useStaffKey } from '../../api';
import { HouseFilter, SelectFilter } from '../filters';
import { useCan } from '../../permissions';
import {
  type House,
  housesText,
  KIND,
  type News,
  type NewsKind,
  type NewsState,
  STATE,
  STATES,
  zoneNote,
  zoneOf,
} from './labels';

type Query = NonNullable<paths['/api/v1/org/news']['get']['parameters']['query']>;
interface Filters {
  state?: NewsState;
  kind?: NewsKind;
  houseId?: string;
}
const KEYS = ['state', 'kind', 'houseId'] as const;
const KINDS = [
  ['common', 'новости'],
  ['emergency', 'отключения и аварии'],
] as const satisfies readonly (readonly [NewsKind, string])[];

/** The filters of the query string and a setter that rewrites it (an empty value removes one). */
function useFilters(): [Filters, (change: Partial<Filters>) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  const state = params.get('state');
  if (state && (STATES as readonly string[]).includes(state)) filters.state = state as NewsState;
  const kind = params.get('kind');
  if (kind === 'common' || kind === 'emergency') filters.kind = kind;
  const houseId = params.get('houseId');
  if (houseId) filters.houseId = houseId;
  const set = (change: Partial<Filters>) => {
    const merged = { ...filters, ...change };
    const next = new URLSearchParams();
    for (const k of KEYS) if (merged[k]) next.set(k, String(merged[k]));
    const qs = next.toString();
    navigate(qs ? `/notices?${qs}` : '/notices', { replace: true });
  };
  return [filters, set];
}

export default function NoticesScreen() {
  const can = useCan();
  const [filters, set] = useFilters();
  const [withdrawn, setWithdrawn] = useState<News | null>(null);
  return (
    <Page
      title="Объявления"
      actions={
        can('news.publish') ? (
          <Link href="/notices/new" className="button primary">
            Новое объявление
          </Link>
        ) : null
      }
    >
      <div className="stack notice-list">
        <p className="muted">
          Новости и сообщения об отключениях для жителей: они видят их в личном кабинете с момента публикации до
          окончания показа или отзыва.
        </p>
        <Toggles
          legend="Состояние объявлений"
          value={filters.state ?? 'all'}
          onChange={(v) => {
            setWithdrawn(null);
            set({ state: v === 'all' ? undefined : v });
          }}
          options={[['all', 'Все'], ...STATES.map((s) => [s, STATE[s][0]] as const)]}
        />
        <Filters filters={filters} set={set} />
        {withdrawn ? (
          <Notice kind="success">Объявление «{withdrawn.title}» отозвано: жители его больше не видят.</Notice>
        ) : null}
        <List filters={filters} onWithdrawn={setWithdrawn} />
      </div>
    </Page>
  );
}

function Filters({ filters, set }: { filters: Filters; set: (c: Partial<Filters>) => void }) {
  return (
    <form className="staff-filters" aria-label="Отбор объявлений" onSubmit={(e) => e.preventDefault()}>
      <SelectFilter label="Вид" all="все" options={KINDS} value={filters.kind} onChange={(kind) => set({ kind })} />
      <HouseFilter value={filters.houseId} onChange={(houseId) => set({ houseId })} />
    </form>
  );
}

function List({ filters, onWithdrawn }: { filters: Filters; onWithdrawn: (n: News) => void }) {
  const key = useStaffKey();
  const can = useCan();
  const houses = useHouses();
  const query: Query = { limit: 25, ...filters };
  const list = useInfiniteQuery({
    queryKey: key('news', query),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(staffApi.GET('/api/v1/org/news', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (last) => last.page.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const mayWithdraw = can('news.publish');
  if (list.isPending) return <SkeletonCards count={3} height={56} />;
  if (list.isError) return <ErrorMessage error={list.error} retry={() => void list.refetch()} />;
  if (items.length === 0) return <Notice>Объявлений с такими условиями нет.</Notice>;
  return (
    <>
      <ScrollTable label="Объявления">
        <table className="staff-table notices-table">
          <thead>
            <tr>
              <th scope="col">Объявление</th>
              <th scope="col">Дома и показ</th>
              <th scope="col">Состояние</th>
            </tr>
          </thead>
          <tbody>
            {items.map((n) => (
              <Row
                key={n.id}
                notice={n}
                houses={houses.data?.items}
                mayWithdraw={mayWithdraw}
                onWithdrawn={onWithdrawn}
              />
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {list.hasNextPage ? (
        <div>
          <Button kind="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            Показать ещё
          </Button>
        </div>
      ) : null}
    </>
  );
}

function Row({
  notice: n,
  houses,
  mayWithdraw,
  onWithdrawn,
}: {
  notice: News;
  houses: House[] | undefined;
  mayWithdraw: boolean;
  onWithdrawn: (n: News) => void;
}) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => ok(staffApi.POST('/api/v1/org/news/{id}/withdraw', { params: { path: { id: n.id } } })),
    onSuccess: () => {
      setConfirming(false);
      onWithdrawn(n);
      return client.invalidateQueries({ queryKey: key('news') });
    },
  });
  const state = n.state ?? 'live';
  const [label, tone] = STATE[state];
  const houseIds = n.houseIds ?? [];
  const zone = zoneOf(houseIds, houses);
  const note = zoneNote(zone);
  const when = (iso: string) => formatDateTime(iso, zone);
  const open = state === 'scheduled' || state === 'live';
  return (
    <tr>
      <td className="notice-cell">
        <div className="notice-title">{n.title}</div>
        <div className="muted">
          {n.kind === 'emergency' ? <span className="badge badge-danger">Отключение</span> : KIND.common}
          {n.notify ? ' · письмо жителям' : ''}
        </div>
        <div className="notice-body muted">{n.body}</div>
      </td>
      <td className="notice-where">
        <div className="notice-houses">{housesText(houseIds, houses)}</div>
        <div className="nowrap">с {when(n.publishAt)}</div>
        {n.withdrawnAt ? (
          <div>
            отозвано <span className="nowrap">{when(n.withdrawnAt)}</span>
          </div>
        ) : n.expiresAt ? (
          <div className="nowrap">по {when(n.expiresAt)}</div>
        ) : (
          <div className="muted">до отзыва</div>
        )}
        {note ? <div className="muted">время дома, {note}</div> : null}
      </td>
      <td className="notice-state">
        <span className={`badge ${tone}`}>{label}</span>
        <div className="muted">прочитали: {n.readCount ?? 0}</div>
        {mayWithdraw && open ? (
          confirming ? (
            <fieldset className="notice-confirm">
              <legend className="visually-hidden">Отозвать «{n.title}»?</legend>
              <span className="notice-ask">Отозвать? Жители перестанут его видеть.</span>
              <Button kind="danger" busy={withdraw.isPending} onClick={() => withdraw.mutate()}>
                Да, отозвать
              </Button>
              <Button kind="link" onClick={() => setConfirming(false)}>
                Отмена
              </Button>
            </fieldset>
          ) : (
            <Button kind="secondary" aria-label={`Отозвать «${n.title}»`} onClick={() => setConfirming(true)}>
              Отозвать
            </Button>
          )
        ) : null}
        {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
      </td>
    </tr>
  );
}
