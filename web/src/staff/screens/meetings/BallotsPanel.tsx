import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../../api/client';
import { formatDateTime, parseDate } from '../../../lib/format';
import { fieldMessages } from '../../../lib/problems';
import { answerName } from '../../../screens/meetings/labels';
import { DateInput, Field, FieldError, TextField } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, ScrollTable, Skeleton } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import { multipart } from '../../../api/upload';
import { DateTimeField, type DateTimeValue, toLocalDateTime } from '../DateTimeField';
import { FileInput } from './FileInput';
import { openMeetingFile } from './open-file';
import { matches, useBallots, useMeetingOwners } from './OwnersPanel';
import { stateSystemOf } from './StateSystemPanel';
import { type Meeting, ownerName, votesText } from './types';

const CHOICES = [
  ['for', 'За'],
  ['against', 'Против'],
  ['abstain', 'Воздержался'],
  ['invalid', 'Недействительно'],
] as const;
type Choice = (typeof CHOICES)[number][0];

const CHANNEL: Record<string, string> = {
  electronic: 'электронно',
  paper: 'бумажный',
  state_system: 'в ГИС ЖКХ',
};

/** Ballots received (electronic and paper, with their scans) and the form to enter a paper one. */
export function BallotsPanel({ meeting: m }: { meeting: Meeting }) {
  const ballots = useBallots(m);
  const owners = useMeetingOwners(m);
  const open = useMutation({
    mutationFn: (fileId: string) => openMeetingFile('/api/v1/org/meetings/{id}/files/{fileId}', { id: m.id, fileId }),
  });
  const byId = new Map((owners.data ?? []).map((o) => [o.id, o]));
  return (
    <div className="stack">
      {m.status === 'announced' ? <PaperBallotForm m={m} /> : null}
      <Card>
        <h2>Полученные решения</h2>
        {open.error ? <ErrorMessage error={open.error} /> : null}
        {ballots.isPending ? (
          <Skeleton height={200} label="Загрузка бюллетеней" />
        ) : ballots.isError ? (
          <ErrorMessage error={ballots.error} retry={() => void ballots.refetch()} />
        ) : ballots.data.length === 0 ? (
          <p>Решений пока нет.</p>
        ) : (
          <ScrollTable label="Решения собственников">
            <table>
              <thead>
                <tr>
                  <th scope="col">Пом.</th>
                  <th scope="col">Кто голосовал</th>
                  <th scope="col">Способ</th>
                  <th scope="col">Голосов</th>
                  <th scope="col">Ответы</th>
                  <th scope="col">Получено</th>
                </tr>
              </thead>
              <tbody>
                {ballots.data.map((b) => (
                  <tr key={b.id}>
                    <td>{byId.get(b.ownerId)?.premiseNumber ?? '—'}</td>
                    <td>
                      {b.voterName}
                      {b.hasSnils ? <div className="muted">СНИЛС указан</div> : null}
                    </td>
                    <td>
                      {CHANNEL[b.channel] ?? b.channel}
                      {b.scanFileId ? (
                        <div>
                          <button type="button" className="button link" onClick={() => open.mutate(b.scanFileId!)}>
                            Скан
                          </button>
                        </div>
                      ) : null}
                    </td>
                    <td className="nowrap">{votesText(b.votes)}</td>
                    <td>
                      {m.questions
                        .map((q) => `${q.position}: ${b.answers[q.id] ? answerName(b.answers[q.id]!) : '—'}`)
                        .join('; ')}
                    </td>
                    <td className="nowrap">{formatDateTime(b.castAt, m.timezone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </Card>
    </div>
  );
}

function PaperBallotForm({ m }: { m: Meeting }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const owners = useMeetingOwners(m);
  const ballots = useBallots(m);
  const ids = { search: useId() };
  const [search, setSearch] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [voterName, setVoterName] = useState('');
  const [snils, setSnils] = useState('');
  const [titleRegisteredOn, setTitleRegisteredOn] = useState('');
  const [receivedAt, setReceivedAt] = useState<DateTimeValue>({ date: '', time: '' });
  const [answers, setAnswers] = useState<Record<string, Choice>>({});
  const [scan, setScan] = useState<File | null>(null);
  const stateMode = stateSystemOf(m)?.votingSystem === 'state-system';
  const voted = new Set((ballots.data ?? []).map((b) => b.ownerId));
  const candidates = (owners.data ?? []).filter((o) => !voted.has(o.id) && matches(o, search));
  const enter = useMutation({
    mutationFn: () => {
      const ballot = {
        ownerId,
        answers: m.questions.map((q) => ({ questionId: q.id, answer: answers[q.id] })),
        ...(voterName.trim() ? { voterName: voterName.trim() } : {}),
        ...(snils.trim() ? { snils: snils.replace(/\D/g, '') } : {}),
        ...(received ? { receivedAt: new Date(received).toISOString() } : {}),
        ...(stateMode && parseDate(titleRegisteredOn) ? { titleRegisteredOn: parseDate(titleRegisteredOn)! } : {}),
      };
      const form = new FormData();
      form.append('ballot', JSON.stringify(ballot));
      form.append('scan', scan!, scan!.name);
      return ok(
        staffApi.POST('/api/v1/org/meetings/{id}/paper-ballots', {
          params: { path: { id: m.id } },
          ...multipart(form),
        }),
      );
    },
    onSuccess: () => {
      setOwnerId('');
      setSearch('');
      setVoterName('');
      setSnils('');
      setTitleRegisteredOn('');
      setReceivedAt({ date: '', time: '' });
      setAnswers({});
      setScan(null);
      void client.invalidateQueries({ queryKey: key('meeting', m.id) });
    },
  });
  const problem = enter.error instanceof ApiError ? enter.error.problem : undefined;
  const errors = fieldMessages(problem, 'body.ballot');
  // read in this computer's time zone, as the administrator reads the clock
  const received = receivedAt.date || receivedAt.time ? toLocalDateTime(receivedAt) : '';
  const missing =
    !ownerId ||
    !scan ||
    (stateMode && (!snils.trim() || !parseDate(titleRegisteredOn))) ||
    m.questions.some((q) => !answers[q.id]) ||
    Boolean((receivedAt.date || receivedAt.time) && !received);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!missing) enter.mutate();
  };
  const entered = enter.data ? owners.data?.find((o) => o.id === enter.data.ownerId) : undefined;
  return (
    <Card>
      <h2>Ввести бумажный бюллетень</h2>
      {owners.isError ? <ErrorMessage error={owners.error} /> : null}
      <form className="stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={ids.search}>Найти собственника: номер помещения или фамилия</label>
            <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <Field label="Собственник" hint="Только ещё не голосовавшие" error={errors.ownerId}>
            <select value={ownerId} onChange={(e) => setOwnerId(e.target.value)} required>
              <option value="">— выберите ({candidates.length}) —</option>
              {candidates.slice(0, 300).map((o) => (
                <option key={o.id} value={o.id}>
                  пом. {o.premiseNumber} — {ownerName(o)} ({o.shareNumerator}/{o.shareDenominator})
                </option>
              ))}
            </select>
          </Field>
        </div>
        <ol className="agenda">
          {m.questions.map((q) => {
            return (
              <li key={q.id}>
                <fieldset>
                  <legend>{q.title}</legend>
                  <div className="vote-choices">
                    {CHOICES.map(([value, label]) => (
                      <label key={value} className="vote-choice">
                        <input
                          type="radio"
                          name={`paper-${q.id}`}
                          value={value}
                          checked={answers[q.id] === value}
                          onChange={() => setAnswers({ ...answers, [q.id]: value })}
                        />
                        {label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <FieldError error={errors.answers} />
        <div className="form-grid">
          <TextField
            label="Кто подписал (если представитель)"
            hint="Пусто — сам собственник"
            value={voterName}
            onChange={(e) => setVoterName(e.target.value)}
            error={errors.voterName}
            maxLength={300}
          />
          <TextField
            label="СНИЛС из бюллетеня"
            hint={stateMode ? 'Обязателен: решение передаётся в ГИС ЖКХ' : undefined}
            inputMode="numeric"
            value={snils}
            onChange={(e) => setSnils(e.target.value)}
            error={errors.snils}
            maxLength={20}
          />
          <DateTimeField
            legend="Когда получен"
            hint="Пусто — сейчас"
            value={receivedAt}
            onChange={setReceivedAt}
            error={
              errors.receivedAt ??
              ((receivedAt.date || receivedAt.time) && !received ? 'Дата дд.мм.гггг и время чч:мм' : undefined)
            }
          />
          {stateMode ? (
            <Field
              label="Дата регистрации права (из бюллетеня)"
              hint="Нужна для передачи решения в ГИС ЖКХ"
              error={errors.titleRegisteredOn}
            >
              <DateInput value={titleRegisteredOn} onChange={setTitleRegisteredOn} />
            </Field>
          ) : null}
          <FileInput label="Скан бюллетеня (PDF или фото)" file={scan} onChange={setScan} />
        </div>
        {enter.error instanceof ApiError && enter.error.code === 'ballot_already_cast' ? (
          <Notice kind="error">Этот собственник уже проголосовал: второй бюллетень не принимается.</Notice>
        ) : enter.error && !Object.keys(errors).length ? (
          <ErrorMessage error={enter.error} />
        ) : null}
        {enter.data ? (
          <Notice kind="success">
            Бюллетень принят{entered ? `: пом. ${entered.premiseNumber}, ${ownerName(entered)}` : ''} —{' '}
            {votesText(enter.data.votes)}.
          </Notice>
        ) : null}
        <div className="row-end">
          <Button type="submit" busy={enter.isPending} disabled={missing}>
            Внести бюллетень
          </Button>
        </div>
      </form>
    </Card>
  );
}
