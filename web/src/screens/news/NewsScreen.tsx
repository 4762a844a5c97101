import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { Button, Card, ErrorMessage, Notice, Page, SkeletonCards, Toggles } from '../../ui/ui';

/** Notices of my houses: emergencies first and in red, unread ones marked until read. */
export default function NewsScreen() {
  const client = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const q = useQuery({
    queryKey: ['news', 'all'],
    queryFn: () => ok(api.GET('/api/v1/me/news', { params: { query: { limit: 100 } } })),
  });
  const read = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await ok(api.POST('/api/v1/me/news/{id}/read', { params: { path: { id } } }));
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['news'] }),
  });
  const items = q.data?.items ?? [];
  const unread = items.filter((n) => !n.read);
  const shown = unreadOnly ? unread : items;
  return (
    <Page
      title="Новости и объявления"
      actions={
        unread.length ? (
          <Button kind="secondary" busy={read.isPending} onClick={() => read.mutate(unread.map((n) => n.id))}>
            Прочитать все
          </Button>
        ) : null
      }
    >
      <Toggles
        legend="Какие сообщения показать"
        options={[
          ['all', 'Все'],
          ['unread', `Непрочитанные${q.data ? ` (${unread.length})` : ''}`],
        ]}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => setUnreadOnly(v === 'unread')}
      />
      {read.isError ? <ErrorMessage error={read.error} /> : null}
      {q.isPending ? (
        <SkeletonCards count={3} height={140} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      ) : shown.length === 0 ? (
        <Notice>{unreadOnly ? 'Все сообщения прочитаны.' : 'Сообщений для вашего дома пока нет.'}</Notice>
      ) : (
        <ul className="card-list">
          {shown.map((n) => (
            <Card
              as="li"
              key={n.id}
              className={`news ${n.kind === 'emergency' ? 'news-emergency' : ''} ${n.read ? '' : 'news-unread'}`}
            >
              <article aria-labelledby={`news-${n.id}`}>
                <div className="list-card-head">
                  {n.kind === 'emergency' ? <span className="badge badge-danger">Авария</span> : null}
                  {!n.read ? <span className="badge">Новое</span> : null}
                  <span className="muted">{formatDateTime(n.publishAt)}</span>
                </div>
                <h2 id={`news-${n.id}`}>{n.title}</h2>
                <p className="pre-line">{n.body}</p>
                {n.expiresAt ? <p className="muted">Действует до {formatDateTime(n.expiresAt)}</p> : null}
                {!n.read ? (
                  <Button
                    kind="secondary"
                    busy={read.isPending && read.variables?.includes(n.id)}
                    onClick={() => read.mutate([n.id])}
                  >
                    Прочитано
                  </Button>
                ) : null}
              </article>
            </Card>
          ))}
        </ul>
      )}
    </Page>
  );
}
