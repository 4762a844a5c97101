import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api, ApiError, ok } from '../../api/client';
import { type UploadedFile, uploadFiles } from '../../api/upload';
import { shortAddress } from '../../app/AccountSwitcher';
import { useCurrentAccount } from '../../app/session';
import { fieldMessages } from '../../lib/problems';
import { explain, Field, FilePicker } from '../../ui/fields';
import { Button, ErrorMessage, Notice, Page, SkeletonCards } from '../../ui/ui';
import { CATEGORY } from './labels';

/** A new request: what happened, where, how urgent, a phone to call back, photos from the phone's camera. */
export default function NewRequestScreen() {
  const { account, accounts, isPending } = useCurrentAccount();
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const [accountId, setAccountId] = useState<string>();
  const [visibility, setVisibility] = useState<'own' | 'house'>('own');
  const [category, setCategory] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [text, setText] = useState('');
  const [phone, setPhone] = useState('');
  const [photos, setPhotos] = useState<UploadedFile[]>([]);
  const [key] = useState(() => crypto.randomUUID());
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/me/tickets', {
          headers: { 'idempotency-key': key },
          body: {
            accountId: accountId ?? account!.accountId,
            visibility,
            category: category as 'other',
            emergency,
            text,
            contactPhone: phone,
            photoIds: photos.map((p) => p.id),
          },
        }),
      ),
    onSuccess: (t) => {
      void client.invalidateQueries({ queryKey: ['tickets'] });
      navigate(`/requests/${t.id}`);
    },
  });
  if (isPending) return <SkeletonCards count={2} height={200} />;
  if (!account)
    return (
      <Page title="Новая заявка">
        <Notice>
          Чтобы подать заявку, <Link href="/accounts">добавьте помещение</Link>.
        </Notice>
      </Page>
    );
  const problem = create.error instanceof ApiError ? create.error.problem : undefined;
  const errors = explain(fieldMessages(problem, 'body'), {
    category: 'Выберите категорию.',
    text: 'Опишите проблему: от 3 до 4000 символов.',
    contactPhone: 'Укажите российский номер телефона, например +7 900 123-45-67.',
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Page title="Новая заявка">
      <form className="card form" onSubmit={submit} noValidate>
        {accounts.length > 1 ? (
          <Field label="Помещение" error={errors.accountId}>
            <select value={accountId ?? account.accountId} onChange={(e) => setAccountId(e.target.value)}>
              {accounts.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {shortAddress(a.house.fullAddress, a.premise?.number)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <fieldset>
          <legend>Где проблема</legend>
          <label className="choice">
            <input
              type="radio"
              name="visibility"
              checked={visibility === 'own'}
              onChange={() => setVisibility('own')}
            />
            <span>В моём помещении</span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="visibility"
              checked={visibility === 'house'}
              onChange={() => setVisibility('house')}
            />
            <span>Общее имущество дома (подъезд, лифт, двор) — заявку увидят соседи</span>
          </label>
        </fieldset>
        <Field label="Категория" error={errors.category}>
          <select value={category} onChange={(e) => setCategory(e.target.value)} required>
            <option value="">Выберите категорию</option>
            {Object.entries(CATEGORY).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <label className="choice choice-emergency">
          <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} />
          <span>
            <strong>Аварийная ситуация</strong> — течь, запах газа, нет света или отопления
          </span>
        </label>
        <Field
          label="Что случилось"
          hint="Опишите проблему: что, где, с какого времени (от 3 до 4000 символов)"
          error={errors.text}
        >
          <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={4000} required rows={5} />
        </Field>
        <Field label="Телефон для связи" hint="Например, +7 900 123-45-67" error={errors.contactPhone}>
          <input
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            required
          />
        </Field>
        <FilePicker
          label="Фотографии"
          hint="До 10 снимков; на телефоне откроется камера"
          accept="photo"
          upload={(chosen) => uploadFiles('/api/v1/me/tickets/files', chosen)}
          files={photos}
          onChange={setPhotos}
          error={Object.entries(errors).find(([k]) => k.startsWith('photoIds'))?.[1]}
        />
        {create.isError ? <ErrorMessage error={create.error} /> : null}
        <div className="card-actions">
          <Button type="submit" busy={create.isPending}>
            Отправить заявку
          </Button>
          <Link href="/requests">Отмена</Link>
        </div>
      </form>
    </Page>
  );
}
