import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, ok } from '../../api/client';
import { formatDate } from '../../lib/format';
import { Card, ErrorMessage, Notice, Page, SkeletonCards, Toggles } from '../../ui/ui';
import { categoryName, statusOf } from './labels';

type Scope = 'own' | 'house';

/** My requests and the house-wide ones of my houses, newest first. */
export default function RequestsScreen() {
  const [scope, setScope] = useState<Scope>('own');
  const q = useQuery({
    queryKey: ['tickets', scope],
    queryFn: () => ok(api.GET('/api/v1/me/tickets', { params: { query: { scope, limit: 50 } } })),
  });
  return (
    <Page
      title="Заявки"
      actions={
        <Link href="/requests/new" className="button primary">
          Новая заявка
        </Link>
      }
    >
      <Toggles
        legend="Какие заявки показать"
        options={[
          ['own', 'Мои'],
          ['house', 'По дому'],
        ]}
        value={scope}
        onChange={setScope}
      />
      {q.isPending ? (
        <SkeletonCards count={3} height={118} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Notice>
          {scope === 'own'
            ? 'Вы ещё не подавали заявок. Если что-то сломалось — создайте заявку: организация увидит её сразу.'
            : 'Общедомовых заявок нет.'}
        </Notice>
      ) : (
        <ul className="card-list">
          {q.data.items.map((t) => {
            const status = statusOf(t.status);
            return (
              <Card as="li" key={t.id} className="list-card">
                <div className="list-card-head">
                  <Link href={`/requests/${t.id}`} className="list-card-title">
                    Заявка № {t.number}
                  </Link>
                  <span className={status.badge}>{status.label}</span>
                  {t.emergency ? <span className="badge badge-danger">Аварийная</span> : null}
                </div>
                <p className="muted">
                  {categoryName(t.category)} · {formatDate(t.createdAt)}
                  {t.visibility === 'house' ? ' · общедомовая' : ''}
                </p>
                <p className="clamp">{t.text}</p>
              </Card>
            );
          })}
        </ul>
      )}
    </Page>
  );
}
