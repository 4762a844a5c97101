import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import './meetings.css';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../../../api/client';
import { fieldMessages } from '../../../lib/problems';
import { FORM } from '../../../screens/meetings/labels';
import { Field, FormError, TextField } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Page } from '../../../ui/ui';
import { ok, staffApi, useHouses, useStaffKey } from '../../api';
import { AgendaEditor, type DraftQuestion } from './AgendaEditor';
import { DateTimeField, dateTimeIn, toLocalDateTime } from '../DateTimeField';
import { type MeetingForm, ownerName } from './types';

const FORMS: MeetingForm[] = ['ballots', 'mixed', 'in_person', 'electronic'];

/** A new meeting as a draft: house, form, dates, people, agenda from the common questions; materials come next. */
export default function NewMeetingScreen() {
  const key = useStaffKey();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const houses = useHouses();
  const [houseId, setHouseId] = useState('');
  const [title, setTitle] = useState('');
  const [form, setForm] = useState<MeetingForm>('ballots');
  const [initiator, setInitiator] = useState<'organisation' | 'owner'>('organisation');
  const [initiatorOwnerId, setInitiatorOwnerId] = useState('');
  const [chairName, setChairName] = useState('');
  const [secretaryName, setSecretaryName] = useState('');
  const [counterNames, setCounterNames] = useState('');
  const [place, setPlace] = useState('');
  const [materialsInfo, setMaterialsInfo] = useState(
    'В офисе управляющей организации по будням с 9 до 18 и в личном кабинете',
  );
  const [inPersonAt, setInPersonAt] = useState(dateTimeIn(11, '19:00'));
  const [votingStartsAt, setVotingStartsAt] = useState(dateTimeIn(11, '09:00'));
  const [votingEndsAt, setVotingEndsAt] = useState(dateTimeIn(25, '20:00'));
  const [questions, setQuestions] = useState<DraftQuestion[]>([]);
  const house = houseId;
  const register = useQuery({
    queryKey: key('owners-register', house),
    queryFn: () =>
      ok(staffApi.GET('/api/v1/org/houses/{houseId}/owners-register', { params: { path: { houseId: house } } })),
    enabled: initiator === 'owner' && !!house,
  });
  const sitting = form === 'in_person' || form === 'mixed';

  const create = useMutation({
    mutationFn: () =>
      ok(
        staffApi.POST('/api/v1/org/meetings', {
          body: {
            houseId: house,
            title: title.trim(),
            form,
            initiator: initiator === 'owner' ? { type: 'owner', ownerId: initiatorOwnerId } : { type: 'organisation' },
            chairName: chairName.trim() || null,
            secretaryName: secretaryName.trim() || null,
            counterNames: counterNames
              .split(/[,;\n]/)
              .map((s) => s.trim())
              .filter(Boolean),
            place: place.trim(),
            materialsInfo: materialsInfo.trim(),
            inPersonAt: sitting ? toLocalDateTime(inPersonAt) : null,
            votingStartsAt: toLocalDateTime(votingStartsAt),
            votingEndsAt: toLocalDateTime(votingEndsAt),
            questions: questions.map((q) => ({
              title: q.title.trim(),
              proposal: q.proposal.trim(),
              rule: q.rule,
              ...(q.catalogueKey ? { catalogueKey: q.catalogueKey } : {}),
            })),
          },
        }),
      ),
    onSuccess: (m) => {
      void client.invalidateQueries({ queryKey: key('meetings') });
      navigate(`/meetings/${m.id}`);
    },
  });
  const problem = create.error instanceof ApiError ? create.error.problem : undefined;
  const errors = fieldMessages(problem);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  if (houses.isError) return <ErrorMessage error={houses.error} retry={() => void houses.refetch()} />;
  return (
    <Page title="Новое собрание">
      <form className="stack" onSubmit={submit} noValidate>
        <Card>
          <h2>Собрание</h2>
          <div className="form-grid">
            <Field label="Дом" error={errors.houseId}>
              <select value={house} onChange={(e) => setHouseId(e.target.value)} required>
                <option value="">— выберите дом —</option>
                {houses.data?.items.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.fullAddress}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Форма проведения" error={errors.form}>
              <select value={form} onChange={(e) => setForm(e.target.value as MeetingForm)}>
                {FORMS.map((f) => (
                  <option key={f} value={f}>
                    {FORM[f]}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <TextField
            label="Название"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={errors.title}
            required
            maxLength={300}
          />
          <div className="form-grid">
            <Field label="Инициатор" error={errors['initiator.type']}>
              <select value={initiator} onChange={(e) => setInitiator(e.target.value as 'organisation' | 'owner')}>
                <option value="organisation">Управляющая организация</option>
                <option value="owner">Собственник помещения</option>
              </select>
            </Field>
            {initiator === 'owner' ? (
              <Field label="Собственник-инициатор" error={errors['initiator.ownerId']}>
                <select value={initiatorOwnerId} onChange={(e) => setInitiatorOwnerId(e.target.value)}>
                  <option value="">— выберите —</option>
                  {register.data?.owners.map((o) => (
                    <option key={o.id} value={o.id}>
                      кв. {o.premiseNumber} — {ownerName(o)}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </div>
        </Card>

        <Card>
          <h2>Сроки и место</h2>
          <div className="form-grid">
            <DateTimeField
              legend="Начало приёма решений"
              value={votingStartsAt}
              onChange={setVotingStartsAt}
              error={errors.votingStartsAt}
              hint="Время дома. Сообщение рассылается не позднее чем за 10 дней."
            />
            <DateTimeField
              legend="Окончание приёма решений"
              value={votingEndsAt}
              onChange={setVotingEndsAt}
              error={errors.votingEndsAt}
            />
            {sitting ? (
              <DateTimeField
                legend="Очное обсуждение"
                value={inPersonAt}
                onChange={setInPersonAt}
                error={errors.inPersonAt}
              />
            ) : null}
          </div>
          <TextField
            label="Место проведения и приёма бюллетеней"
            value={place}
            onChange={(e) => setPlace(e.target.value)}
            error={errors.place}
            required
            maxLength={500}
          />
          <TextField
            label="Где собственники знакомятся с материалами"
            value={materialsInfo}
            onChange={(e) => setMaterialsInfo(e.target.value)}
            error={errors.materialsInfo}
            required
            maxLength={2000}
          />
        </Card>

        <Card>
          <h2>Председатель, секретарь, счётная комиссия</h2>
          <div className="form-grid">
            <TextField
              label="Председатель"
              value={chairName}
              onChange={(e) => setChairName(e.target.value)}
              error={errors.chairName}
            />
            <TextField
              label="Секретарь"
              value={secretaryName}
              onChange={(e) => setSecretaryName(e.target.value)}
              error={errors.secretaryName}
            />
          </div>
          <TextField
            label="Счётная комиссия"
            hint="Через запятую"
            value={counterNames}
            onChange={(e) => setCounterNames(e.target.value)}
            error={errors.counterNames}
          />
        </Card>

        <AgendaEditor questions={questions} onChange={setQuestions} errors={errors} />

        <FormError error={create.error} fieldErrors={errors} />
        {Object.keys(errors).length ? (
          <div className="alert alert-error" role="alert">
            <p>Проверьте отмеченные поля.</p>
          </div>
        ) : null}
        <div className="row-end">
          <Button type="submit" busy={create.isPending} disabled={!questions.length}>
            Сохранить черновик
          </Button>
        </div>
      </form>
    </Page>
  );
}
