import { useQuery } from '@tanstack/react-query';
import { countOf, formatDateTime } from '../../../lib/format';
import { percent } from '../../../screens/meetings/labels';
import { Card, ErrorMessage, Skeleton } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import { type Meeting, votesText } from './types';

/** The turnout query, asked again every 15 s while voting runs (the "live" turnout). */
export function useTurnout(m: Meeting) {
  const key = useStaffKey();
  return useQuery({
    queryKey: key('meeting', m.id, 'turnout'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/meetings/{id}/turnout', { params: { path: { id: m.id } } })),
    refetchInterval: m.status === 'announced' ? 15_000 : false,
  });
}

/** Ballots, votes taken part and the quorum (more than half of all votes, ЖК РФ ст. 45 ч. 3). */
export function TurnoutPanel({ meeting: m }: { meeting: Meeting }) {
  const t = useTurnout(m);
  if (t.isPending) return <Skeleton height={120} label="Загрузка явки" />;
  if (t.isError) return <ErrorMessage error={t.error} retry={() => void t.refetch()} />;
  const d = t.data;
  const share = Math.min(100, Number(d.participatingPercent));
  return (
    <Card className="staff-turnout">
      <div className="row-between">
        <h2>Явка</h2>
        <span className={d.quorumReached ? 'badge badge-success' : 'badge badge-warning'}>
          {d.quorumReached ? 'Кворум есть' : m.status === 'closed' ? 'Кворума нет' : 'Кворума пока нет'}
        </span>
      </div>
      <p className="staff-turnout-figure">
        <strong>{percent(d.participatingPercent)}</strong> голосов —{' '}
        {countOf(d.ballots, ['бюллетень', 'бюллетеня', 'бюллетеней'])} из{' '}
        {countOf(d.owners, ['собственника', 'собственников', 'собственников'])}
      </p>
      <div
        className="staff-progress"
        role="progressbar"
        aria-label="Доля голосов участников"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share}
        aria-valuetext={percent(d.participatingPercent)}
      >
        <span style={{ width: `${share}%` }} />
        <i className="staff-progress-quorum" title="Кворум: более 50%" />
      </div>
      <p className="muted">
        Голосов участников {votesText(d.participatingVotes)} из {votesText(d.totalVotes)}.{' '}
        {m.status === 'announced'
          ? `Приём решений до ${formatDateTime(d.votingEndsAt, m.timezone)}; обновляется каждые 15 секунд.`
          : null}
      </p>
    </Card>
  );
}
