// A new notice: news or an outage, to every house of the organisation or chosen ones, published now or at
// a time of the houses' clock, shown until an expiry or until withdrawn; an outage is e-mailed to the
// houses' residents unless unticked. The API's messages stand by their fields.
import '../admin.css';
import './notices.css';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../../api/client';
import { fieldMessages } from '../../../lib/problems';
import { explain, Field, FieldError, FormError, TextField } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, SkeletonCards } from '../../../ui/ui';
import { ok, staffApi, useHouses, useStaffKey } from '../../api';
import { useCan } from '../../permissions';
import { DateTimeField, type DateTimeValue, isEmptyDateTime, toInstant } from '../DateTimeField';
import { KIND, type NewsKind, zoneNote, zoneOf } from './labels';

const EMPTY: DateTimeValue = { date: '', time: '' };

const TEXTS = {
  title: 'Заголовок: от 3 до 200 символов.',
  body: 'Напишите текст объявления.',
  houseIds: 'Выберите хотя бы один дом.',
  'houseIds.*': 'Этот дом не обслуживается организацией.',
  publishAt: 'Укажите дату (дд.мм.гггг) и время (чч:мм) публикации.',
  expiresAt: 'Окончание показа должно быть позже публикации: дата дд.мм.гггг и время чч:мм.',
};

export default function NewNoticeScreen() {
  const can = useCan();
  const houses = useHouses();
  if (!can('news.publish'))
    return (
      <Page title="Новое объявление">
        <Notice>Публиковать объявления вам не разрешено. Попросите администратора организации.</Notice>
      </Page>
    );
  return (
    <Page title="Новое объявление">
      {houses.isPending ? (
        <SkeletonCards count={2} height={200} />
      ) : houses.isError ? (
        <ErrorMessage error={houses.error} retry={() => void houses.refetch()} />
      ) : (
        <Compose houses={houses.data.items} />
      )}
    </Page>
  );
}

function Compose({ houses }: { houses: { id: string; fullAddress: string; timezone: string }[] }) {
  const id = useId();
  const key = useStaffKey();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [kind, setKind] = useState<NewsKind>('common');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [everyHouse, setEveryHouse] = useState(houses.length > 1);
  const [chosen, setChosen] = useState<string[]>(houses.length === 1 ? [houses[0]!.id] : []);
  const [later, setLater] = useState(false);
  const [publishAt, setPublishAt] = useState<DateTimeValue>(EMPTY);
  const [expiresAt, setExpiresAt] = useState<DateTimeValue>(EMPTY);
  const [notify, setNotify] = useState(true);
  // Fields changed since the API refused the form: their messages are gone until it is sent again.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const touch = (field: string) => setEdited((e) => (e.has(field) ? e : new Set(e).add(field)));

  const houseIds = everyHouse ? houses.map((h) => h.id) : houses.filter((h) => chosen.includes(h.id)).map((h) => h.id);
  const zone = zoneOf(houseIds, houses);
  const note = zoneNote(zone);
  const clockHint = !houseIds.length
    ? 'Время дома.'
    : zone
      ? `Время дома${note ? ` (${note})` : ''}.`
      : 'Дома в разных часовых поясах: время вашего компьютера.';

  const publish = useMutation({
    mutationFn: () =>
      ok(
        staffApi.POST('/api/v1/org/news', {
          body: {
            kind,
            title: title.trim(),
            body: body.trim(),
            houseIds,
            ...(later ? { publishAt: toInstant(publishAt, zone) } : {}),
            ...(isEmptyDateTime(expiresAt) ? {} : { expiresAt: toInstant(expiresAt, zone) }),
            notify: kind === 'emergency' && notify,
          },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: key('news') });
      navigate('/notices');
    },
  });
  const problem = publish.error instanceof ApiError ? publish.error.problem : undefined;
  const refused = explain(fieldMessages(problem), TEXTS);
  const errors = Object.fromEntries(Object.entries(refused).filter(([k]) => !edited.has(k.split('.')[0]!)));
  const houseError = errors.houseIds ?? Object.entries(errors).find(([k]) => k.startsWith('houseIds.'))?.[1];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setEdited(new Set());
    publish.mutate();
  };
  const toggle = (houseId: string, on: boolean) => {
    touch('houseIds');
    setChosen((c) => (on ? [...c, houseId] : c.filter((x) => x !== houseId)));
  };

  return (
    <form className="stack notice-form" onSubmit={submit} noValidate>
      <Card>
        <fieldset className="plain-fieldset">
          <legend>Вид объявления</legend>
          {(['common', 'emergency'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />
              <span>
                {KIND[k]}
                <span className="hint block">
                  {k === 'common'
                    ? 'Собрания, уборка, работы по дому.'
                    : 'Отключение воды, тепла, света, газа; авария. Показывается жителям первым.'}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField
          label="Заголовок"
          value={title}
          onChange={(e) => {
            touch('title');
            setTitle(e.target.value);
          }}
          error={errors.title}
          maxLength={200}
          required
        />
        <Field
          label="Текст"
          error={errors.body}
          hint={kind === 'emergency' ? 'Что отключено, где, почему и когда ожидается восстановление.' : undefined}
        >
          <textarea
            value={body}
            onChange={(e) => {
              touch('body');
              setBody(e.target.value);
            }}
            maxLength={10_000}
            required
          />
        </Field>
      </Card>

      <Card>
        <fieldset className="plain-fieldset" aria-describedby={houseError ? `${id}-houses-error` : undefined}>
          <legend>Дома</legend>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-houses`}
              checked={everyHouse}
              onChange={() => {
                touch('houseIds');
                setEveryHouse(true);
              }}
            />
            Все дома ({houses.length})
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-houses`} checked={!everyHouse} onChange={() => setEveryHouse(false)} />
            Выбранные дома
          </label>
          {!everyHouse ? (
            <ul className="notice-houses-list" aria-label="Выбор домов">
              {houses.map((h) => (
                <li key={h.id}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(h.id)}
                      onChange={(e) => toggle(h.id, e.target.checked)}
                    />
                    {h.fullAddress}
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
          <FieldError id={`${id}-houses-error`} error={houseError} />
        </fieldset>
      </Card>

      <Card>
        <fieldset className="plain-fieldset">
          <legend>Публикация</legend>
          <label className="choice">
            <input
              type="radio"
              name={`${id}-when`}
              checked={!later}
              onChange={() => {
                touch('publishAt');
                setLater(false);
              }}
            />
            Сразу
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-when`} checked={later} onChange={() => setLater(true)} />
            Запланировать
          </label>
        </fieldset>
        <div className="form-grid">
          {later ? (
            <DateTimeField
              legend="Дата и время публикации"
              value={publishAt}
              onChange={(v) => {
                touch('publishAt');
                setPublishAt(v);
              }}
              error={errors.publishAt}
              hint={clockHint}
            />
          ) : null}
          <DateTimeField
            legend="Окончание показа"
            value={expiresAt}
            onChange={(v) => {
              touch('expiresAt');
              setExpiresAt(v);
            }}
            error={errors.expiresAt}
            hint={`Необязательно: без него объявление видно до отзыва. ${later ? '' : clockHint}`.trim()}
          />
        </div>
        {kind === 'emergency' ? (
          <label className="choice">
            <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
            <span>
              Разослать жителям по электронной почте
              <span className="hint block">
                Письмо уйдёт в момент публикации тем жителям выбранных домов, кто указал почту.
              </span>
            </span>
          </label>
        ) : null}
      </Card>

      <FormError error={publish.error} fieldErrors={refused} />
      {Object.keys(errors).length ? (
        <div className="alert alert-error" role="alert">
          <p>Проверьте отмеченные поля.</p>
        </div>
      ) : null}
      <div className="row-end">
        <Button type="submit" busy={publish.isPending}>
          {later ? 'Запланировать' : 'Опубликовать'}
        </Button>
        <Link href="/notices" className="button link">
          Отмена
        </Link>
      </div>
    </form>
  );
}
