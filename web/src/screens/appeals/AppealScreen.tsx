import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, ok } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton } from '../../ui/ui';
import { AppealForm } from './AppealForm';
import { ATTACHMENT_KIND, statusOf } from './forms';

const SIDE: Record<string, string> = { resident: 'Вы', organisation: 'Управляющая организация', system: 'Система' };

/** One appeal: its state, the thread of answers with files, and the rework form when it is returned. */
export default function AppealScreen() {
  const { id } = useParams<{ id: string }>();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [resent, setResent] = useState(false);
  const q = useQuery({
    queryKey: ['appeals', id],
    queryFn: () => ok(api.GET('/api/v1/me/appeals/{id}', { params: { path: { id } } })),
  });
  if (q.isPending)
    return (
      <Page title="Обращение">
        <Skeleton height={160} />
        <Skeleton height={240} />
      </Page>
    );
  if (q.isError)
    return (
      <Page title="Обращение">
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      </Page>
    );
  const a = q.data;
  const s = statusOf(a.status);
  const returned = a.events.filter((e) => e.toStatus === 'returned').at(-1);
  return (
    <Page title={`Обращение № ${a.number}`}>
      <p>
        <Link href="/appeals">← Все обращения</Link>
      </p>
      <div className="detail-grid">
        <Card>
          <div className="list-card-head">
            <span className={s.badge}>{s.label}</span>
            {a.revision > 1 ? <span className="muted">редакция {a.revision}</span> : null}
          </div>
          <h2>{a.typeTitle}</h2>
          <p className="muted">Подано {formatDateTime(a.submittedAt)}</p>
          {resent ? <Notice kind="success">Исправленное обращение отправлено.</Notice> : null}
          {a.status === 'returned' && !editing ? (
            <Notice kind="warning">
              <p>
                <strong>Обращение возвращено на доработку.</strong>
              </p>
              {returned?.message ? <p className="pre-line">{returned.message}</p> : null}
              <Button onClick={() => setEditing(true)}>Исправить и отправить снова</Button>
            </Notice>
          ) : null}
          {a.files.length ? (
            <>
              <h3>Документы</h3>
              <ul className="plain-list">
                {a.files.map((f) => (
                  <li key={f.id} className="break">
                    <a href={`/api/v1/me/appeals/${a.id}/files/${f.id}`} download={f.filename}>
                      {f.filename}
                    </a>{' '}
                    <span className="muted">
                      ·{' '}
                      {ATTACHMENT_KIND[f.kind] ?? (f.authorSide === 'organisation' ? 'ответ организации' : 'документ')}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
        <Card>
          <h2>Ход рассмотрения</h2>
          <ol className="timeline">
            {a.events.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log in server order; events have no id and may share a timestamp
              <li key={i} className={e.authorSide === 'resident' ? 'from-me' : 'from-org'}>
                <p className="muted">
                  {formatDateTime(e.createdAt)} · {SIDE[e.authorSide] ?? ''}
                </p>
                {e.toStatus ? (
                  <p>
                    <strong>{e.fromStatus === 'returned' ? 'Отправлено повторно' : statusOf(e.toStatus).label}</strong>
                  </p>
                ) : null}
                {e.message ? <p className="pre-line">{e.message}</p> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
      {editing && a.status === 'returned' ? (
        <Card>
          <h2>Исправление</h2>
          <AppealForm
            type={a.type}
            appealId={a.id}
            existing={{ form: a.form, files: a.files }}
            onDone={() => {
              setEditing(false);
              setResent(true);
              void client.invalidateQueries({ queryKey: ['appeals'] });
            }}
          />
        </Card>
      ) : null}
    </Page>
  );
}
