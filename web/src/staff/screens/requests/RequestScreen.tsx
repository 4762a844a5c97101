import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Link, useParams } from 'wouter';
import { formatDateTime } from '../../../lib/format';
import { categoryName, statusOf } from '../../../screens/requests/labels';
import { Field } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton } from '../../../ui/ui';
import type { paths } from '../../../api/client';
import { ok, type Schemas, staffApi, useHouses, useStaffKey } from '../../api';
import { filesForm, multipart } from '../../../api/upload';
import { timeLeft } from './queue';

type Ticket = Schemas['TicketDetail'];
type Patch = NonNullable<paths['/api/v1/org/tickets/{id}']['patch']['requestBody']>['content']['application/json'];

const formatPhone = (p: string) => p.replace(/^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/, '+7 $1 $2-$3-$4');

/** An instant as the value of <input type="datetime-local"> in this browser's time. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** One request for the dispatcher: assign, set the deadline, comment, attach photos, move and close. */
export default function RequestScreen() {
  const { id } = useParams<{ id: string }>();
  const key = useStaffKey();
  const q = useQuery({
    queryKey: key('tickets', 'one', id),
    queryFn: () => ok(staffApi.GET('/api/v1/org/tickets/{id}', { params: { path: { id } } })),
  });
  const houses = useHouses();
  if (q.isPending)
    return (
      <Page title="Заявка">
        <Skeleton height={220} label="Загрузка заявки" />
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
  const left = closed ? null : timeLeft(t.deadline);
  return (
    <Page title={`Заявка № ${t.number}`}>
      <p>
        <Link href="/requests">← Все заявки</Link>
      </p>
      <div className="staff-detail">
        <div>
          <Card>
            <div className="list-card-head">
              <span className={status.badge}>{status.label}</span>
              {t.emergency ? <span className="badge badge-danger">Аварийная</span> : null}
              {t.visibility === 'house' ? <span className="badge">Общедомовая</span> : null}
              {left ? (
                <span className={left.overdue ? 'badge badge-danger' : 'badge badge-warning'}>{left.text}</span>
              ) : null}
            </div>
            <dl className="facts">
              <dt>Категория</dt>
              <dd>{categoryName(t.category)}</dd>
              <dt>Дом</dt>
              <dd>{houses.data?.items.find((h) => h.id === t.houseId)?.fullAddress ?? '…'}</dd>
              <dt>Подана</dt>
              <dd>{formatDateTime(t.createdAt)}</dd>
              {t.contactPhone ? (
                <>
                  <dt>Телефон</dt>
                  <dd>
                    <a href={`tel:${t.contactPhone}`}>{formatPhone(t.contactPhone)}</a>
                  </dd>
                </>
              ) : null}
              <dt>Исполнитель</dt>
              <dd>{t.assignee ?? 'не назначен'}</dd>
              <dt>Срок</dt>
              <dd>{t.deadline ? formatDateTime(t.deadline) : 'не задан'}</dd>
              {t.resolution ? (
                <>
                  <dt>Результат</dt>
                  <dd className="pre-line">{t.resolution}</dd>
                </>
              ) : null}
              {t.rating ? (
                <>
                  <dt>Оценка жителя</dt>
                  <dd>
                    {t.rating.score} из 5{t.rating.comment ? ` — «${t.rating.comment}»` : ''}
                  </dd>
                </>
              ) : null}
            </dl>
            <p className="pre-line">{t.text}</p>
            <Photos ticket={t} />
          </Card>
          <Card>
            <h2>Ход работы</h2>
            <ol className="timeline">
              {t.events.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log in server order; events have no id
                <li key={i} className={e.authorSide === 'organisation' ? 'from-org' : 'from-me'}>
                  <p className="muted">
                    {formatDateTime(e.createdAt)} · {e.authorSide === 'organisation' ? 'Организация' : 'Житель'}
                  </p>
                  {e.kind === 'status' && e.toStatus ? (
                    <p>
                      <strong>
                        {e.fromStatus === null
                          ? 'Заявка подана'
                          : e.toStatus === 'new'
                            ? 'Житель открыл заявку повторно'
                            : `Статус: ${statusOf(e.toStatus).label.toLowerCase()}`}
                      </strong>
                    </p>
                  ) : null}
                  {e.body ? <p className="pre-line">{e.body}</p> : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div>
          {closed ? (
            <Notice>Заявка закрыта. Житель может открыть её повторно, если работа не сделана.</Notice>
          ) : (
            <>
              <StatusCard ticket={t} />
              <AssignCard ticket={t} />
            </>
          )}
          <CommentCard ticket={t} />
          <AttachCard ticket={t} />
        </div>
      </div>
    </Page>
  );
}

function useRefresh() {
  const client = useQueryClient();
  const key = useStaffKey();
  return () => client.invalidateQueries({ queryKey: key('tickets') });
}

function usePatch(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Patch) => ok(staffApi.PATCH('/api/v1/org/tickets/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void refresh(),
  });
}

function StatusCard({ ticket: t }: { ticket: Ticket }) {
  const patch = usePatch(t.id);
  const [result, setResult] = useState('');
  return (
    <Card>
      <h2>Работа</h2>
      {t.status === 'new' ? (
        <p>
          <Button busy={patch.isPending} onClick={() => patch.mutate({ status: 'in_progress' })}>
            Взять в работу
          </Button>
        </p>
      ) : null}
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
        }}
      >
        <Field label="Результат для жителя" hint="Что сделано или почему заявка отклонена">
          <textarea value={result} onChange={(e) => setResult(e.target.value)} rows={3} maxLength={4000} />
        </Field>
        <div className="card-actions">
          {t.status === 'in_progress' ? (
            <Button
              busy={patch.isPending}
              disabled={!result.trim()}
              onClick={() => patch.mutate({ status: 'done', resolution: result.trim(), comment: result.trim() })}
            >
              Закрыть: выполнена
            </Button>
          ) : null}
          <Button
            kind="danger"
            busy={patch.isPending}
            disabled={!result.trim()}
            onClick={() => patch.mutate({ status: 'rejected', resolution: result.trim(), comment: result.trim() })}
          >
            Отклонить
          </Button>
        </div>
      </form>
      {patch.isError ? <ErrorMessage error={patch.error} /> : null}
    </Card>
  );
}

function AssignCard({ ticket: t }: { ticket: Ticket }) {
  const key = useStaffKey();
  const listId = useId();
  const patch = usePatch(t.id);
  const [assignee, setAssignee] = useState(t.assignee ?? '');
  const [deadline, setDeadline] = useState(toLocalInput(t.deadline));
  useEffect(() => {
    setAssignee(t.assignee ?? '');
    setDeadline(toLocalInput(t.deadline));
  }, [t.assignee, t.deadline]);
  const assignees = useQuery({
    queryKey: key('tickets', 'assignees'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/tickets/assignees')),
  });
  const changed = assignee.trim() !== (t.assignee ?? '') || deadline !== toLocalInput(t.deadline);
  return (
    <Card>
      <h2>Исполнитель и срок</h2>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          patch.mutate({
            assignee: assignee.trim() || null,
            deadline: deadline ? new Date(deadline).toISOString() : null,
          });
        }}
      >
        <Field label="Исполнитель" hint="Бригада или сотрудник">
          <input value={assignee} onChange={(e) => setAssignee(e.target.value)} list={listId} maxLength={200} />
        </Field>
        <datalist id={listId}>
          {assignees.data?.items.map((a) => (
            <option key={a.assignee} value={a.assignee} />
          ))}
        </datalist>
        <Field label="Срок выполнения">
          <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </Field>
        {patch.isError ? <ErrorMessage error={patch.error} /> : null}
        {patch.isSuccess && !changed ? <Notice kind="success">Сохранено</Notice> : null}
        <Button type="submit" kind="secondary" busy={patch.isPending} disabled={!changed}>
          Сохранить
        </Button>
      </form>
    </Card>
  );
}

function CommentCard({ ticket: t }: { ticket: Ticket }) {
  const refresh = useRefresh();
  const [body, setBody] = useState('');
  const send = useMutation({
    mutationFn: () =>
      ok(staffApi.POST('/api/v1/org/tickets/{id}/comments', { params: { path: { id: t.id } }, body: { body } })),
    onSuccess: () => {
      setBody('');
      void refresh();
    },
  });
  return (
    <Card>
      <h2>Комментарий жителю</h2>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          send.mutate();
        }}
      >
        <Field label="Текст комментария" hint="Житель увидит его в заявке и получит уведомление">
          <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} maxLength={4000} />
        </Field>
        {send.isError ? <ErrorMessage error={send.error} /> : null}
        <Button type="submit" kind="secondary" busy={send.isPending} disabled={!body.trim()}>
          Отправить жителю
        </Button>
      </form>
    </Card>
  );
}

function AttachCard({ ticket: t }: { ticket: Ticket }) {
  const id = useId();
  const refresh = useRefresh();
  const upload = useMutation({
    mutationFn: (files: File[]) => {
      return ok(
        staffApi.POST('/api/v1/org/tickets/{id}/files', {
          params: { path: { id: t.id } },
          ...multipart(filesForm(files)),
        }),
      );
    },
    onSuccess: () => void refresh(),
  });
  return (
    <Card>
      <h2>Фото работы</h2>
      <div className="field">
        <label htmlFor={id}>Добавить фото</label>
        <input
          id={id}
          type="file"
          accept="image/*"
          multiple
          disabled={upload.isPending}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].slice(0, 10);
            e.target.value = '';
            if (files.length) upload.mutate(files);
          }}
        />
        <span className="hint">JPEG, PNG или HEIC; житель увидит их в заявке</span>
      </div>
      {upload.isPending ? <p role="status">Загружаем…</p> : null}
      {upload.isError ? <ErrorMessage error={upload.error} /> : null}
    </Card>
  );
}

/** The request's photos, fetched with the organisation's header (an <img src> could not send it). */
function Photos({ ticket: t }: { ticket: Ticket }) {
  if (!t.files.length) return null;
  return (
    <ul className="photos" aria-label="Фотографии">
      {t.files.map((f) => (
        <li key={f.id}>
          <Photo ticketId={t.id} file={f} />
        </li>
      ))}
    </ul>
  );
}

function Photo({ ticketId, file }: { ticketId: string; file: Ticket['files'][number] }) {
  const key = useStaffKey();
  const q = useQuery({
    queryKey: key('tickets', 'file', file.id),
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const blob = await ok(
        staffApi.GET('/api/v1/org/tickets/{id}/files/{fileId}', {
          params: { path: { id: ticketId, fileId: file.id } },
          parseAs: 'blob',
        }),
      );
      return URL.createObjectURL(blob as Blob);
    },
  });
  if (!q.data) return <Skeleton width={96} height={96} />;
  return (
    <a href={q.data} download={file.filename}>
      {file.contentType.startsWith('image/') ? (
        <img src={q.data} alt={`Фото: ${file.filename}`} width={96} height={96} />
      ) : (
        file.filename
      )}
    </a>
  );
}
