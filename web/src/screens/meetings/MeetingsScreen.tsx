import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { Card, ErrorMessage, Notice, Page, SkeletonCards } from '../../ui/ui';
import { meetingState } from './labels';

/** General meetings of my houses: those open for voting first. */
export default function MeetingsScreen() {
  const q = useQuery({ queryKey: ['meetings'], queryFn: () => ok(api.GET('/api/v1/me/meetings')) });
  const items = [...(q.data ?? [])].sort((a, b) => Number(b.votingOpen) - Number(a.votingOpen));
  return (
    <Page title="Общие собрания">
      {q.isPending ? (
        <SkeletonCards count={2} height={150} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <Notice>Собраний собственников в ваших домах пока не было.</Notice>
      ) : (
        <ul className="card-list">
          {items.map((m) => {
            const state = meetingState(m);
            const voted = m.myOwners.length > 0 && m.myOwners.every((o) => o.voted);
            return (
              <Card as="li" key={m.id} className="list-card">
                <div className="list-card-head">
                  <span className={state.badge}>{state.label}</span>
                  {voted ? <span className="badge badge-success">Вы проголосовали</span> : null}
                </div>
                <Link href={`/meetings/${m.id}`} className="list-card-title">
                  Собрание № {m.number}: {m.title}
                </Link>
                <p className="muted">{m.houseAddress}</p>
                <p className="muted">
                  Голосование с {formatDateTime(m.votingStartsAt)} по {formatDateTime(m.votingEndsAt)}
                </p>
              </Card>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
