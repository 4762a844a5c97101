import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { Link, useParams } from 'wouter';
import { formatDateTime } from '../../../lib/format';
import { filesForm, multipart, type UploadedFile } from '../../../api/upload';
import { Field, FilePicker } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton } from '../../../ui/ui';
import { ok, type Schemas, staffApi, useHouses, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import '../admin.css';
import './appeals.css';
import { DueBadge } from './AppealsScreen';
import { fileKind, formRows, SIDE, type Status, statusOf } from './labels';

type Appeal = Schemas['AppealDetail'];
type AppealFile = Appeal['files'][number];

/** One appeal: who and where, the form in its labels, the files shown in the browser, the history; the answer and the decision. */
export default function AppealScreen() {
  const { id } = useParams<{ id: string }>();
  const key = useStaffKey();
  const houses = useHouses();
  const can = useCan();
  const q = useQuery({
    queryKey: key('appeals', 'one', id),
    queryFn: () => ok(staffApi.GET('/api/v1/org/appeals/{id}', { params: { path: { id } } })),
  });
  if (q.isPending)
    return (
      <Page title="Обращение">
        <Skeleton height={320} label="Загрузка обращения" />
      </Page>
    );
  if (q.isError)
    return (
      <Page title="Обращение">
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
        <Link href="/appeals">Все обращения</Link>
      </Page>
    );
  const a = q.data;
  const status = statusOf(a.status);
  const address = a.houseId ? houses.data?.items.find((h) => h.id === a.houseId)?.fullAddress : null;
  const residentFiles = a.files.filter((f) => f.authorSide === 'resident');
  const answerFiles = a.files.filter((f) => f.authorSide !== 'resident');
  return (
    <Page title={`Обращение № ${a.number}`}>
      <p>
        <Link href="/appeals">← Все обращения</Link>
      </p>
      <div className="staff-detail">
        <div className="appeal-column">
          <Card>
            <div className="list-card-head">
              <span className={status.badge}>{status.label}</span>
              <DueBadge appeal={a} />
              {a.source === 'state_system' ? <span className="badge">Из ГИС ЖКХ</span> : null}
              {a.revision > 1 ? <span className="muted">редакция {a.revision}</span> : null}
            </div>
            <h2>{a.typeTitle}</h2>
            <dl className="facts">
              <dt>Житель</dt>
              <dd>{a.applicantName ?? (a.source === 'state_system' ? 'заявитель из ГИС ЖКХ' : '—')}</dd>
              <dt>Дом</dt>
              <dd>{a.houseId ? (address ?? '…') : '—'}</dd>
              {a.premiseNumber ? (
                <>
                  <dt>Квартира</dt>
                  <dd>{a.premiseNumber}</dd>
                </>
              ) : null}
              {a.accountNumber ? (
                <>
                  <dt>Лицевой счёт</dt>
                  <dd>{a.accountNumber}</dd>
                </>
              ) : null}
              <dt>Получено</dt>
              <dd>{formatDateTime(a.submittedAt)}</dd>
              <dt>Ответить до</dt>
              <dd>{a.dueAt ? formatDateTime(a.dueAt) : 'ответ не ожидается'}</dd>
            </dl>
          </Card>
          <Card>
            <h2>Заявление</h2>
            <dl className="facts appeal-form">
              {formRows(a.type, a.form).map((r) => (
                <Fragment key={r.label}>
                  <dt>{r.label}</dt>
                  <dd className={r.long ? 'pre-line' : undefined}>{r.value}</dd>
                </Fragment>
              ))}
            </dl>
            <h3>Документы жителя</h3>
            <Files appealId={a.id} files={residentFiles} empty="Житель не приложил файлов." />
          </Card>
          <Card>
            <h2>Ход рассмотрения</h2>
            <ol className="timeline">
              {a.events.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log in server order; events have no id
                <li key={i} className={e.authorSide === 'resident' ? 'from-me' : 'from-org'}>
                  <p className="muted">
                    {formatDateTime(e.createdAt)} · {SIDE[e.authorSide] ?? ''}
                  </p>
                  {e.toStatus ? (
                    <p>
                      <strong>
                        {e.fromStatus === null
                          ? 'Обращение подано'
                          : e.fromStatus === 'returned'
                            ? 'Житель исправил и отправил повторно'
                            : `Статус: ${statusOf(e.toStatus).label.toLowerCase()}`}
                      </strong>
                    </p>
                  ) : (
                    <p>
                      <strong>{e.authorSide === 'organisation' ? 'Ответ жителю' : 'Сообщение'}</strong>
                    </p>
                  )}
                  {e.message ? <p className="pre-line">{e.message}</p> : null}
                </li>
              ))}
            </ol>
            {answerFiles.length ? (
              <>
                <h3>Файлы ответов</h3>
                <Files appealId={a.id} files={answerFiles} empty="" />
              </>
            ) : null}
            {a.stateSystemAnswers.length ? (
              <>
                <h3>Ответы в ГИС ЖКХ</h3>
                <ul className="plain-list">
                  {a.stateSystemAnswers.map((g) => (
                    <li key={g.createdAt}>
                      {formatDateTime(g.createdAt)} —{' '}
                      {g.status === 'accepted'
                        ? 'принят ГИС ЖКХ'
                        : g.status === 'rejected'
                          ? 'не принят ГИС ЖКХ'
                          : 'отправляется'}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </Card>
        </div>
        <div>
          {a.status === 'done' ? (
            <Notice>Обращение исполнено и закрыто.</Notice>
          ) : can('appeals.answer') ? (
            <AnswerCard appeal={a} />
          ) : (
            <Notice>Отвечать на обращения может сотрудник с правом «Ответы на обращения».</Notice>
          )}
        </div>
      </div>
    </Page>
  );
}

/** Files listed by name and kind; images as thumbnails; each opens in a new tab (inline, not downloaded). */
function Files({ appealId, files, empty }: { appealId: string; files: AppealFile[]; empty: string }) {
  const [error, setError] = useState<unknown>(null);
  if (!files.length) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <>
      <ul className="appeal-files">
        {files.map((f) => (
          <li key={f.id}>
            {f.contentType.startsWith('image/') ? <Thumbnail appealId={appealId} file={f} /> : null}
            <span className="appeal-file-text">
              <button
                type="button"
                className="button link"
                onClick={() => {
                  setError(null);
                  openAppealFile(appealId, f.id).catch(setError);
                }}
              >
                {f.filename}
              </button>
              <span className="muted">
                {fileKind(f.kind, f.authorSide)} · {Math.max(1, Math.round(f.size / 1024))} КБ
              </span>
            </span>
          </li>
        ))}
      </ul>
      {error ? <ErrorMessage error={error} /> : null}
    </>
  );
}

async function fileBlob(appealId: string, fileId: string): Promise<Blob> {
  return (await ok(
    staffApi.GET('/api/v1/org/appeals/{id}/files/{fileId}', {
      params: { path: { id: appealId, fileId }, query: { inline: 'true' } },
      parseAs: 'blob',
    }),
  )) as Blob;
}

/** Opens a file in a new tab from a blob: fetched with the console's organisation header, shown by the browser. */
async function openAppealFile(appealId: string, fileId: string) {
  // Opened now, while the click is the user's: a window opened after an await is taken for a pop-up.
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await fileBlob(appealId, fileId));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

function Thumbnail({ appealId, file }: { appealId: string; file: AppealFile }) {
  const key = useStaffKey();
  const q = useQuery({
    queryKey: key('appeals', 'file', file.id),
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => URL.createObjectURL(await fileBlob(appealId, file.id)),
  });
  if (!q.data) return <Skeleton width={72} height={72} />;
  return <img className="appeal-thumb" src={q.data} alt={`Вложение: ${file.filename}`} width={72} height={72} />;
}

type Action = 'in_review' | 'answer' | 'accepted' | 'returned' | 'rejected' | 'done';

const ACTIONS: Record<Action, { button: string; confirm: string; done: string; needsMessage?: boolean }> = {
  in_review: {
    button: 'Взять на рассмотрение',
    confirm: 'Взять обращение на рассмотрение? Житель увидит новый статус.',
    done: 'Обращение взято на рассмотрение.',
  },
  answer: {
    button: 'Отправить ответ',
    confirm: 'Отправить ответ жителю? Статус обращения не изменится.',
    done: 'Ответ отправлен жителю.',
    needsMessage: true,
  },
  accepted: {
    button: 'Принять',
    confirm: 'Принять обращение? Житель получит ответ и файлы.',
    done: 'Обращение принято.',
  },
  returned: {
    button: 'Вернуть на доработку',
    confirm: 'Вернуть обращение на доработку? Житель исправит его и отправит снова.',
    done: 'Обращение возвращено жителю на доработку.',
    needsMessage: true,
  },
  rejected: {
    button: 'Отклонить',
    confirm: 'Отклонить обращение? Житель получит ответ с причиной отказа.',
    done: 'Обращение отклонено.',
    needsMessage: true,
  },
  done: {
    button: 'Закрыть: исполнено',
    confirm: 'Закрыть обращение как исполненное? После этого ответить на него будет нельзя.',
    done: 'Обращение закрыто.',
  },
};

/** What the organisation may do from each status (src/appeals/status.ts), besides a plain answer. */
function movesFrom(status: Status, fromStateSystem: boolean): Action[] {
  if (status === 'submitted') return ['in_review'];
  if (status === 'in_review') return fromStateSystem ? ['accepted', 'rejected'] : ['accepted', 'returned', 'rejected'];
  if (status === 'accepted' || status === 'rejected') return ['done'];
  return [];
}

function AnswerCard({ appeal: a }: { appeal: Appeal }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [pending, setPending] = useState<Action | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: async (action: Action) => {
      const text = message.trim() || undefined;
      const fileIds = files.map((f) => f.id);
      if (action === 'answer')
        return ok(
          staffApi.POST('/api/v1/org/appeals/{id}/answers', {
            params: { path: { id: a.id } },
            body: { message: text ?? '', fileIds },
          }),
        );
      return ok(
        staffApi.POST('/api/v1/org/appeals/{id}/status', {
          params: { path: { id: a.id } },
          body: { status: action, message: text, fileIds },
        }),
      );
    },
    onSuccess: (_data, action) => {
      setResult(ACTIONS[action].done);
      setPending(null);
      setMessage('');
      setFiles([]);
      void client.invalidateQueries({ queryKey: key('appeals') });
    },
    onError: () => setPending(null),
  });
  const moves = movesFrom(a.status, a.source === 'state_system');
  const hasMessage = message.trim().length > 0;
  const choose = (action: Action) => {
    setResult(null);
    send.reset();
    setPending(action);
  };
  return (
    <Card>
      <h2>Ответ жителю</h2>
      {a.status === 'returned' ? (
        <Notice>Обращение у жителя на доработке: он исправит его и отправит снова.</Notice>
      ) : null}
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (hasMessage) choose('answer');
        }}
      >
        <Field
          label="Текст ответа"
          hint="Обязателен для ответа, возврата на доработку и отказа; при остальных решениях уйдёт жителю вместе с ними"
        >
          <textarea value={message} onChange={(e) => setMessage(e.target.value)} rows={5} maxLength={8000} />
        </Field>
        <FilePicker
          label="Файлы ответа"
          hint="PDF, JPEG, PNG; житель увидит их в обращении"
          max={20}
          upload={async (chosen) =>
            (await ok(staffApi.POST('/api/v1/org/appeals/files', multipart(filesForm(chosen))))).files
          }
          files={files}
          onChange={setFiles}
        />
        {pending ? (
          <div className="alert alert-warning appeal-confirm" role="alertdialog" aria-label="Подтверждение">
            <p>{ACTIONS[pending].confirm}</p>
            {ACTIONS[pending].needsMessage && !hasMessage ? (
              <p>
                <strong>Сначала напишите текст ответа.</strong>
              </p>
            ) : null}
            <div className="row-actions">
              <Button
                kind={pending === 'rejected' ? 'danger' : 'primary'}
                busy={send.isPending}
                disabled={ACTIONS[pending].needsMessage && !hasMessage}
                onClick={() => send.mutate(pending)}
              >
                Да, {ACTIONS[pending].button.toLowerCase()}
              </Button>
              <Button kind="link" onClick={() => setPending(null)}>
                Отмена
              </Button>
            </div>
          </div>
        ) : (
          <div className="row-actions appeal-actions">
            <Button type="submit" disabled={!hasMessage}>
              {ACTIONS.answer.button}
            </Button>
            {moves.map((m) => (
              <Button key={m} kind={m === 'rejected' ? 'danger' : 'secondary'} onClick={() => choose(m)}>
                {ACTIONS[m].button}
              </Button>
            ))}
          </div>
        )}
        {send.isError ? <ErrorMessage error={send.error} /> : null}
        {result ? <Notice kind="success">{result}</Notice> : null}
      </form>
    </Card>
  );
}
