import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Card, ErrorMessage, ScrollTable, Skeleton } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import { type Meeting, type MeetingOwner, ownerName, votesText } from './types';

export function useMeetingOwners(m: Meeting) {
  const key = useStaffKey();
  return useQuery({
    queryKey: key('meeting', m.id, 'owners'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/meetings/{id}/owners', { params: { path: { id: m.id } } })),
    staleTime: 5 * 60_000,
  });
}

export function useBallots(m: Meeting) {
  const key = useStaffKey();
  return useQuery({
    queryKey: key('meeting', m.id, 'ballots'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/meetings/{id}/ballots', { params: { path: { id: m.id } } })),
    refetchInterval: m.status === 'announced' ? 15_000 : false,
  });
}

export const matches = (o: MeetingOwner, text: string) => {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е');
  if (!t) return true;
  return o.premiseNumber === t || ownerName(o).toLowerCase().replace(/ё/g, 'е').includes(t);
};

/** The register as frozen at notice, with who has voted and how. */
export function OwnersPanel({ meeting: m }: { meeting: Meeting }) {
  const owners = useMeetingOwners(m);
  const ballots = useBallots(m);
  const [filter, setFilter] = useState('');
  const searchId = useId();
  if (owners.isPending) return <Skeleton height={300} label="Загрузка реестра" />;
  if (owners.isError) return <ErrorMessage error={owners.error} retry={() => void owners.refetch()} />;
  const voted = new Map((ballots.data ?? []).map((b) => [b.ownerId, b]));
  const shown = owners.data.filter((o) => matches(o, filter));
  return (
    <Card>
      <h2>Реестр собственников на дату сообщения</h2>
      <div className="field staff-search">
        <label htmlFor={searchId}>Найти: номер помещения или фамилия</label>
        <input id={searchId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <ScrollTable label="Реестр собственников">
        <table>
          <thead>
            <tr>
              <th scope="col">Пом.</th>
              <th scope="col">Собственник</th>
              <th scope="col">Доля</th>
              <th scope="col">Право собственности</th>
              <th scope="col">Голосов</th>
              <th scope="col">Решение</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, 500).map((o) => {
              const b = voted.get(o.id);
              return (
                <tr key={o.id}>
                  <td>{o.premiseNumber}</td>
                  <td>{ownerName(o)}</td>
                  <td className="nowrap">
                    {o.shareNumerator}/{o.shareDenominator}
                  </td>
                  <td>{o.titleDocument ?? '—'}</td>
                  <td className="nowrap">{votesText(o.votes)}</td>
                  <td>{b ? (b.channel === 'paper' ? 'бумажный бюллетень' : 'проголосовал') : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      {shown.length > 500 ? <p className="muted">Показаны первые 500 из {shown.length}; уточните поиск.</p> : null}
    </Card>
  );
}
