import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { api, ApiError, ok, type paths } from '../../api/client';
import { useMe } from '../../app/session';
import { countOf, formatDateTime } from '../../lib/format';
import { fieldMessages } from '../../lib/problems';
import { Field } from '../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, Skeleton } from '../../ui/ui';
import { multipart } from '../../api/upload';
import { ANSWERS, answerName, FORM, meetingState, percent, RULE, type Answer } from './labels';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
type Meeting = Json<'/api/v1/me/meetings/{id}'>;
type Turnout = Json<'/api/v1/me/meetings/{id}/turnout'>;
type Question = Meeting['questions'][number];
interface Amount {
  percentOfParticipants: string;
  percentOfAll: string;
}
interface QuestionResult {
  questionId: string;
  for: Amount;
  against: Amount;
  abstain: Amount;
  adopted: boolean;
}

/** A meeting: agenda and materials, turnout while open, the ballot with a confirmation step, results and protocol. */
export default function MeetingScreen() {
  const { id } = useParams<{ id: string }>();
  const q = useQuery({
    queryKey: ['meetings', id],
    queryFn: () => ok(api.GET('/api/v1/me/meetings/{id}', { params: { path: { id } } })),
  });
  const turnout = useQuery({
    queryKey: ['meetings', id, 'turnout'],
    queryFn: () => ok(api.GET('/api/v1/me/meetings/{id}/turnout', { params: { path: { id } } })),
  });
  if (q.isPending)
    return (
      <Page title="Общее собрание">
        <Skeleton height={200} />
        <Skeleton height={300} />
      </Page>
    );
  if (q.isError)
    return (
      <Page title="Общее собрание">
        <ErrorMessage error={q.error} retry={() => void q.refetch()} />
      </Page>
    );
  const m = q.data;
  const state = meetingState({ ...m, votingSystem: m.stateSystem.votingSystem });
  const results = (turnout.data?.results ?? null) as QuestionResult[] | null;
  return (
    <Page title={`Собрание № ${m.number}`}>
      <p>
        <Link href="/meetings">← Все собрания</Link>
      </p>
      <div className="detail-grid">
        <Card>
          <div className="list-card-head">
            <span className={state.badge}>{state.label}</span>
          </div>
          <h2>{m.title}</h2>
          <dl className="facts">
            <dt>Дом</dt>
            <dd>{m.houseAddress}</dd>
            <dt>Форма</dt>
            <dd>{FORM[m.form] ?? m.form}</dd>
            <dt>Голосование</dt>
            <dd>
              с {formatDateTime(m.votingStartsAt, m.timezone)} по {formatDateTime(m.votingEndsAt, m.timezone)}
            </dd>
            <dt>Инициатор</dt>
            <dd>{m.initiator.name}</dd>
            <dt>Материалы</dt>
            <dd>{m.materialsInfo}</dd>
          </dl>
          {m.materials.length ? (
            <ul className="plain-list">
              {m.materials.map((f) => (
                <li key={f.id}>
                  <a href={`/api/v1/me/meetings/${m.id}/materials/${f.id}`} download={f.filename}>
                    {f.title}
                  </a>{' '}
                  <span className="muted">({f.filename})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
        <TurnoutCard meeting={m} turnout={turnout.data} error={turnout.error} pending={turnout.isPending} />
        {m.status === 'closed' ? (
          <Results meeting={m} results={results} />
        ) : m.stateSystem.votingSystem === 'state-system' ? (
          <StateSystemVote meeting={m} />
        ) : (
          <Ballot meeting={m} />
        )}
        {m.status === 'announced' && m.stateSystem.votingSystem !== 'state-system' ? (
          <ProxyForm meetingId={m.id} />
        ) : null}
      </div>
    </Page>
  );
}

function TurnoutCard({
  meeting,
  turnout,
  error,
  pending,
}: {
  meeting: Meeting;
  turnout?: Turnout;
  error: unknown;
  pending: boolean;
}) {
  return (
    <Card>
      <h2>{meeting.status === 'closed' ? 'Итоги участия' : 'Явка сейчас'}</h2>
      {pending ? (
        <Skeleton height={60} />
      ) : error || !turnout ? (
        <ErrorMessage error={error} />
      ) : (
        <>
          <p className="amount">{percent(turnout.participatingPercent)}</p>
          <p className="muted">
            голосов собственников · {countOf(turnout.ballots, ['бюллетень', 'бюллетеня', 'бюллетеней'])} из{' '}
            {countOf(turnout.owners, ['собственника', 'собственников', 'собственников'])}
          </p>
          <p>
            {turnout.quorumReached ? (
              <span className="badge badge-success">Кворум есть</span>
            ) : (
              <span className="badge badge-warning">Кворума пока нет</span>
            )}
          </p>
        </>
      )}
    </Card>
  );
}

function Results({ meeting, results }: { meeting: Meeting; results: QuestionResult[] | null }) {
  return (
    <Card>
      <h2>Результаты</h2>
      {meeting.protocolSha256 ? (
        <p>
          <a className="button secondary" href={`/api/v1/me/meetings/${meeting.id}/protocol.pdf`} download>
            Протокол (PDF)
          </a>
        </p>
      ) : null}
      <ol className="agenda">
        {meeting.questions.map((q) => {
          const r = results?.find((x) => x.questionId === q.id);
          return (
            <li key={q.id}>
              <h3>{q.title}</h3>
              {r ? (
                <>
                  <p>
                    {r.adopted ? (
                      <span className="badge badge-success">Решение принято</span>
                    ) : (
                      <span className="badge badge-danger">Решение не принято</span>
                    )}
                  </p>
                  <p className="muted">
                    За {percent(r.for.percentOfParticipants)} · против {percent(r.against.percentOfParticipants)} ·
                    воздержались {percent(r.abstain.percentOfParticipants)} (от голосов участников)
                  </p>
                </>
              ) : (
                <Skeleton height={40} />
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

/**
 * A meeting held in the state system (ЖК РФ ст. 47.1 after 463-ФЗ): owners vote there — on Госуслуги or in
 * ГИС ЖКХ — or hand a paper ballot to the administrator; the hub shows where, not a ballot of its own.
 */
function StateSystemVote({ meeting }: { meeting: Meeting }) {
  const s = meeting.stateSystem;
  const running = meeting.status === 'announced' && new Date(meeting.votingStartsAt) <= new Date();
  return (
    <Card>
      <h2>Голосование в ГИС ЖКХ</h2>
      <p>
        Это собрание проводится в государственной информационной системе ЖКХ: по закону голоса, поданные в другом месте,
        не учитываются. Голосуйте на Госуслугах (раздел «Дом») или в ГИС ЖКХ, либо сдайте бумажное решение:{' '}
        {meeting.place}.
      </p>
      {s.protocolNumber ? (
        <p className="muted">Сообщение о собрании в ГИС ЖКХ № {s.protocolNumber} — этот номер получит протокол.</p>
      ) : null}
      {meeting.myOwners.length === 0 ? (
        <Notice>
          Голосуют собственники помещений по реестру собрания. Вас в реестре нет — если вы собственник, обратитесь в
          управляющую организацию.
        </Notice>
      ) : running && s.voteUrl ? (
        <p>
          <a className="button" href={s.voteUrl} target="_blank" rel="noopener noreferrer">
            Проголосовать в ГИС ЖКХ
          </a>
        </p>
      ) : (
        <Notice>Голосование откроется {formatDateTime(meeting.votingStartsAt, meeting.timezone)}.</Notice>
      )}
      <Agenda questions={meeting.questions} />
    </Card>
  );
}

function Agenda({ questions }: { questions: Question[] }) {
  return (
    <ol className="agenda">
      {questions.map((q) => (
        <li key={q.id}>
          <h3>{q.title}</h3>
          {q.proposal ? <p>Предложено: {q.proposal}</p> : null}
          <p className="muted">Решение принимается: {RULE[q.rule] ?? q.rule}</p>
        </li>
      ))}
    </ol>
  );
}

function Ballot({ meeting }: { meeting: Meeting }) {
  const me = useMe();
  const client = useQueryClient();
  const open = meeting.myOwners.filter((o) => !o.voted);
  const [ownerId, setOwnerId] = useState<string>();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const cast = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/me/meetings/{id}/ballot', {
          params: { path: { id: meeting.id } },
          body: {
            ownerId: open.length > 1 ? (ownerId ?? open[0]!.ownerId) : undefined,
            answers: meeting.questions.map((q) => ({ questionId: q.id, answer: answers[q.id]! })),
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['meetings'] }),
  });
  const verified = me.data?.identityVerified !== false;
  const voted = meeting.myOwners.filter((o) => o.voted);
  const heading = <h2>Повестка дня</h2>;
  if (cast.isSuccess || (meeting.myOwners.length > 0 && open.length === 0))
    return (
      <Card>
        {heading}
        <Notice kind="success">
          Ваш голос принят
          {voted[0]?.castAt ? ` ${formatDateTime(voted[0].castAt)}` : ''}. Бюллетень изменить нельзя; итоги появятся
          здесь после окончания голосования.
        </Notice>
        <Agenda questions={meeting.questions} />
      </Card>
    );
  if (!meeting.votingOpen || meeting.myOwners.length === 0)
    return (
      <Card>
        {heading}
        {meeting.myOwners.length === 0 ? (
          <Notice>
            Голосуют собственники помещений по реестру собрания. Вас в реестре нет — если вы собственник, обратитесь в
            управляющую организацию; представитель собственника может загрузить доверенность ниже.
          </Notice>
        ) : (
          <Notice>Голосование откроется {formatDateTime(meeting.votingStartsAt, meeting.timezone)}.</Notice>
        )}
        <Agenda questions={meeting.questions} />
      </Card>
    );
  if (!verified)
    return (
      <Card>
        {heading}
        <Notice kind="warning">
          <p>
            <strong>Проголосовать пока нельзя: личность не подтверждена.</strong> Вы вошли по электронной почте, а
            голосовать в общем собрании может только собственник, чья личность подтверждена — через Госуслуги или
            управляющей организацией.
          </p>
          <p>
            <a href={`/auth/login?return_to=${encodeURIComponent(`/meetings/${meeting.id}`)}`}>Войти через Госуслуги</a>{' '}
            или обратитесь в управляющую организацию.
          </p>
        </Notice>
        <Agenda questions={meeting.questions} />
      </Card>
    );
  const complete = meeting.questions.every((q) => answers[q.id]);
  const fields = fieldMessages(cast.error instanceof ApiError ? cast.error.problem : undefined, 'body');
  const review = (e: FormEvent) => {
    e.preventDefault();
    setMissing(!complete);
    if (complete) setConfirming(true);
  };
  if (confirming)
    return (
      <Card>
        <h2>Проверьте бюллетень</h2>
        <p>После отправки изменить решения нельзя.</p>
        <ol className="agenda">
          {meeting.questions.map((q) => (
            <li key={q.id}>
              <h3>{q.title}</h3>
              <p>
                Ваше решение: <strong>{answerName(answers[q.id]!)}</strong>
              </p>
            </li>
          ))}
        </ol>
        {cast.isError ? <ErrorMessage error={cast.error} /> : null}
        <div className="card-actions">
          <Button busy={cast.isPending} onClick={() => cast.mutate()}>
            Подтвердить и отправить
          </Button>
          <Button kind="secondary" disabled={cast.isPending} onClick={() => setConfirming(false)}>
            Изменить
          </Button>
        </div>
      </Card>
    );
  return (
    <Card>
      <form onSubmit={review} noValidate>
        <h2>Бюллетень</h2>
        <p className="muted">Отметьте решение по каждому вопросу. Голосовать можно один раз.</p>
        {open.length > 1 ? (
          <Field label="За кого голосуете">
            <select value={ownerId ?? open[0]!.ownerId} onChange={(e) => setOwnerId(e.target.value)}>
              {open.map((o) => (
                <option key={o.ownerId} value={o.ownerId}>
                  кв. {o.premiseNumber}, доля {o.share}
                  {o.asRepresentative ? ' (по доверенности)' : ''}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <ol className="agenda">
          {meeting.questions.map((q, i) => {
            const unanswered = (missing && !answers[q.id]) || fields[`answers.${i}.answer`];
            return (
              <li key={q.id}>
                <fieldset aria-describedby={unanswered ? `q-${q.id}-error` : undefined}>
                  <legend>{q.title}</legend>
                  {q.proposal ? <p>Предложено: {q.proposal}</p> : null}
                  <p className="muted">Решение принимается: {RULE[q.rule] ?? q.rule}</p>
                  <div className="vote-choices">
                    {ANSWERS.map(([value, label]) => (
                      <label key={value} className="vote-choice">
                        <input
                          type="radio"
                          name={`q-${q.id}`}
                          value={value}
                          checked={answers[q.id] === value}
                          onChange={() => setAnswers({ ...answers, [q.id]: value })}
                        />
                        <span>{label}</span>
                      </label>
                    ))}
                  </div>
                  {unanswered ? (
                    <span id={`q-${q.id}-error`} className="field-error">
                      Выберите решение по этому вопросу.
                    </span>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        {missing ? <Notice kind="error">Ответьте на все вопросы: бюллетень принимается только целиком.</Notice> : null}
        <Button type="submit">Проверить и проголосовать</Button>
      </form>
    </Card>
  );
}

function ProxyForm({ meetingId }: { meetingId: string }) {
  const [open, setOpen] = useState(false);
  const [premise, setPremise] = useState('');
  const [lastName, setLastName] = useState('');
  const [firstName, setFirstName] = useState('');
  const [file, setFile] = useState<File>();
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('premiseNumber', premise.trim());
      form.append('ownerLastName', lastName.trim());
      if (firstName.trim()) form.append('ownerFirstName', firstName.trim());
      if (file) form.append('file', file, file.name);
      return ok(
        api.POST('/api/v1/me/meetings/{id}/powers-of-attorney', {
          params: { path: { id: meetingId } },
          ...multipart(form),
        }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['meetings'] }),
  });
  const errors = fieldMessages(send.error instanceof ApiError ? send.error.problem : undefined, 'body');
  const required = 'Заполните это поле.';
  if (!open)
    return (
      <Card>
        <h2>Голосование по доверенности</h2>
        <p>Представляете собственника? Загрузите доверенность — после проверки вы сможете проголосовать за него.</p>
        <Button kind="secondary" onClick={() => setOpen(true)}>
          Загрузить доверенность
        </Button>
      </Card>
    );
  return (
    <Card>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate();
        }}
        noValidate
      >
        <h2>Доверенность собственника</h2>
        {send.isSuccess ? (
          <Notice kind="success">
            Доверенность отправлена администратору собрания. Когда её примут, здесь появится бюллетень за собственника.
          </Notice>
        ) : null}
        <Field label="Номер помещения собственника" error={errors.premiseNumber && required}>
          <input value={premise} onChange={(e) => setPremise(e.target.value)} inputMode="numeric" />
        </Field>
        <Field label="Фамилия собственника" error={errors.ownerLastName && 'Укажите фамилию собственника по реестру.'}>
          <input value={lastName} onChange={(e) => setLastName(e.target.value)} autoComplete="off" />
        </Field>
        <Field label="Имя собственника" hint="Если у помещения несколько собственников с этой фамилией">
          <input value={firstName} onChange={(e) => setFirstName(e.target.value)} autoComplete="off" />
        </Field>
        <Field
          label="Скан или фото доверенности"
          hint="PDF или фотография"
          error={errors.file && 'Приложите файл доверенности.'}
        >
          <input type="file" accept="image/*,application/pdf" onChange={(e) => setFile(e.target.files?.[0])} />
        </Field>
        {send.isError && !Object.keys(errors).length ? <ErrorMessage error={send.error} /> : null}
        <div className="card-actions">
          <Button type="submit" busy={send.isPending}>
            Отправить доверенность
          </Button>
          <Button kind="link" onClick={() => setOpen(false)}>
            Отмена
          </Button>
        </div>
      </form>
    </Card>
  );
}
