import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { api, ApiError, ok, type components } from '../../api/client';
import { formatDateTime } from '../../lib/format';

/** +79001112233 → +7 900 111-22-33. */
const formatPhone = (p: string) => p.replace(/^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/, '+7 $1 $2-$3-$4');
import { fieldMessages } from '../../lib/problems';
import { explain, Field } from '../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton } from '../../ui/ui';
import { categoryName, statusOf } from './labels';

type Ticket = components['schemas']['TicketDetail'];

/** One request: its state, photos, the timeline of statuses and comments; comment, reopen, rate. */
export default function RequestScreen() {
  const { id } = useParams<{ id: string }>();
  const q = useQuery({
    queryKey: ['tickets', 'one', id],
    queryFn: () => ok(api.GET('/api/v1/me/tickets/{id}', { params: { path: { id } } })),
  });
  if (q.isPending)
    return (
      <Page title="Заявка">
        <Skeleton height={180} />
        <Skeleton height={220} />
      </Page>
    );
  if (q.isError)
    return (
      <Page title="Заявка">
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
        <Link href="/requests">Все заявки</Link>
      </Page>
    );
  const t = q.data;
  const status = statusOf(t.status);
  const closed = t.status === 'done' || t.status === 'rejected';
  return (
    <Page title={`Заявка № ${t.number}`}>
      <p>
        <Link href="/requests">← Все заявки</Link>
      </p>
      <div className="detail-grid">
        <Card>
          <div className="list-card-head">
            <span className={status.badge}>{status.label}</span>
            {t.emergency ? <span className="badge badge-danger">Аварийная</span> : null}
            {t.visibility === 'house' ? <span className="badge">Общедомовая</span> : null}
          </div>
          <dl className="facts">
            <dt>Категория</dt>
            <dd>{categoryName(t.category)}</dd>
            <dt>Подана</dt>
            <dd>{formatDateTime(t.createdAt)}</dd>
            {t.contactPhone ? (
              <>
                <dt>Телефон</dt>
                <dd>{formatPhone(t.contactPhone)}</dd>
              </>
            ) : null}
            {t.assignee ? (
              <>
                <dt>Исполнитель</dt>
                <dd>{t.assignee}</dd>
              </>
            ) : null}
            {t.deadline ? (
              <>
                <dt>Срок</dt>
                <dd>{formatDateTime(t.deadline)}</dd>
              </>
            ) : null}
            {t.resolution ? (
              <>
                <dt>Результат</dt>
                <dd>{t.resolution}</dd>
              </>
            ) : null}
          </dl>
          <p className="pre-line">{t.text}</p>
          {t.files.length ? (
            <ul className="photos" aria-label="Фотографии">
              {t.files.map((f) => {
                const href = `/api/v1/me/tickets/${t.id}/files/${f.id}`;
                return (
                  <li key={f.id}>
                    <a href={href} download={f.filename}>
                      {f.contentType.startsWith('image/') ? (
                        <img src={href} alt={`Фото: ${f.filename}`} width={96} height={96} loading="lazy" />
                      ) : (
                        f.filename
                      )}
                    </a>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </Card>
        <Card>
          <h2>Ход работы</h2>
          <Timeline ticket={t} />
          {t.mine ? <CommentForm id={t.id} /> : null}
        </Card>
        {t.mine && closed ? <RatingCard ticket={t} /> : null}
        {t.mine && closed ? <ReopenForm id={t.id} /> : null}
      </div>
    </Page>
  );
}

function Timeline({ ticket }: { ticket: Ticket }) {
  return (
    <ol className="timeline">
      {ticket.events.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log in server order; events have no id and may share a timestamp
        <li key={i} className={e.authorSide === 'organisation' ? 'from-org' : 'from-me'}>
          <p className="muted">
            {formatDateTime(e.createdAt)} ·{' '}
            {e.authorSide === 'organisation' ? 'Управляющая организация' : ticket.mine ? 'Вы' : 'Житель'}
          </p>
          {e.kind === 'status' && e.toStatus ? (
            <p>
              <strong>
                {e.fromStatus === null
                  ? 'Заявка подана'
                  : e.toStatus === 'new'
                    ? 'Заявка открыта повторно'
                    : `Статус: ${statusOf(e.toStatus).label.toLowerCase()}`}
              </strong>
            </p>
          ) : null}
          {e.body ? <p className="pre-line">{e.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Reloads the request (and the lists) after a change. */
function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['tickets'] });
}

function CommentForm({ id }: { id: string }) {
  const [body, setBody] = useState('');
  const refresh = useRefresh();
  const send = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/me/tickets/{id}/comments', { params: { path: { id } }, body: { body } })),
    onSuccess: () => {
      setBody('');
      void refresh();
    },
  });
  const errors = explain(fieldMessages(send.error instanceof ApiError ? send.error.problem : undefined), {
    body: 'Напишите комментарий.',
  });
  return (
    <form
      className="inline-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        send.mutate();
      }}
    >
      <Field label="Комментарий" error={errors.body}>
        <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={4000} />
      </Field>
      {send.isError && !errors.body ? <ErrorMessage error={send.error} /> : null}
      <Button type="submit" kind="secondary" busy={send.isPending} disabled={!body.trim()}>
        Отправить комментарий
      </Button>
    </form>
  );
}

const SCORES = [
  [1, 'плохо'],
  [2, 'так себе'],
  [3, 'нормально'],
  [4, 'хорошо'],
  [5, 'отлично'],
] as const;

function RatingCard({ ticket }: { ticket: Ticket }) {
  const [score, setScore] = useState<number>();
  const [comment, setComment] = useState('');
  const refresh = useRefresh();
  const rate = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/me/tickets/{id}/rating', {
          params: { path: { id: ticket.id } },
          body: { score: score!, comment: comment.trim() || undefined },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  if (ticket.rating)
    return (
      <Card>
        <h2>Ваша оценка</h2>
        <p className="rating-stars">
          <span aria-hidden="true">
            {'★'.repeat(ticket.rating.score)}
            <span className="muted">{'★'.repeat(5 - ticket.rating.score)}</span>
          </span>{' '}
          <span className="rating-text">{ticket.rating.score} из 5</span>
        </p>
        {ticket.rating.comment ? <p className="pre-line">{ticket.rating.comment}</p> : null}
      </Card>
    );
  return (
    <Card>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (score) rate.mutate();
        }}
      >
        <fieldset className="rating">
          <legend>Оцените работу</legend>
          <div className="rating-choices">
            {SCORES.map(([value, label]) => (
              <label key={value} className="rating-choice">
                <input
                  type="radio"
                  name="score"
                  value={value}
                  checked={score === value}
                  onChange={() => setScore(value)}
                />
                <span>
                  {value} — {label}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label="Комментарий к оценке" hint="Необязательно">
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={2000} />
        </Field>
        {rate.isError ? <ErrorMessage error={rate.error} /> : null}
        <Button type="submit" busy={rate.isPending} disabled={!score}>
          Оценить
        </Button>
      </form>
    </Card>
  );
}

function ReopenForm({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = useRefresh();
  const reopen = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/me/tickets/{id}/reopen', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => {
      setOpen(false);
      void refresh();
    },
  });
  const errors = explain(fieldMessages(reopen.error instanceof ApiError ? reopen.error.problem : undefined), {
    reason: 'Напишите, что не так: от 3 символов.',
  });
  // The form opens on the user's click: the reason is what they came to write.
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) reasonBox.current?.focus();
  }, [open]);
  if (!open)
    return (
      <Card>
        <p>Проблема осталась или вернулась?</p>
        <Button kind="secondary" onClick={() => setOpen(true)}>
          Открыть заявку повторно
        </Button>
      </Card>
    );
  return (
    <Card>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          reopen.mutate();
        }}
      >
        <Field label="Почему открыть повторно" error={errors.reason}>
          <textarea
            ref={reasonBox}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            maxLength={4000}
          />
        </Field>
        {reopen.isError && !errors.reason ? <ErrorMessage error={reopen.error} /> : null}
        {reopen.isSuccess ? <Notice kind="success">Заявка открыта повторно.</Notice> : null}
        <div className="card-actions">
          <Button type="submit" busy={reopen.isPending}>
            Открыть повторно
          </Button>
          <Button kind="link" onClick={() => setOpen(false)}>
            Отмена
          </Button>
        </div>
      </form>
    </Card>
  );
}
