import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { formatDate } from '../../lib/format';
import { Card, ErrorMessage, Notice, Page, SkeletonCards } from '../../ui/ui';
import { statusOf } from './forms';

/** My appeals, newest first; those returned for rework stand out. */
export default function AppealsScreen() {
  const q = useQuery({
    queryKey: ['appeals'],
    queryFn: () => ok(api.GET('/api/v1/me/appeals', { params: { query: { limit: 50 } } })),
  });
  return (
    <Page
      title="Обращения"
      actions={
        <Link href="/appeals/new" className="button primary">
          Новое обращение
        </Link>
      }
    >
      {q.isPending ? (
        <SkeletonCards count={2} height={120} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Notice>
          Обращений пока нет. Здесь можно попросить перерасчёт, справку о задолженности, льготу или подать жалобу.
        </Notice>
      ) : (
        <ul className="card-list">
          {q.data.items.map((a) => {
            const s = statusOf(a.status);
            return (
              <Card as="li" key={a.id} className="list-card">
                <div className="list-card-head">
                  <span className={s.badge}>{s.label}</span>
                </div>
                <Link href={`/appeals/${a.id}`} className="list-card-title">
                  № {a.number}. {a.typeTitle}
                </Link>
                <p className="muted">Подано {formatDate(a.submittedAt)}</p>
                {a.status === 'returned' ? (
                  <p>
                    <strong>Нужно исправить и отправить снова.</strong>
                  </p>
                ) : null}
              </Card>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
