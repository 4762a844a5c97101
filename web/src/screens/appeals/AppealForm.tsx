import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, ApiError, ok } from '../../api/client';
import { uploadFiles } from '../../api/upload';
import { shortAddress } from '../../app/AccountSwitcher';
import { useCurrentAccount, useMe } from '../../app/session';
import { fieldMessages } from '../../lib/problems';
import { DateInput, Field, FieldError, FilePicker } from '../../ui/fields';
import { Button, ErrorMessage, Notice } from '../../ui/ui';
import {
  ATTACHMENT_KIND,
  FIELDS,
  IDENTITY_REQUIRED,
  initialFiles,
  initialValues,
  toBody,
  visible,
  type Existing,
  type FieldDef,
  type Files,
  type Values,
} from './forms';

/**
 * The form of one appeal type: its fields, attachments by kind, the 152-ФЗ consent. Submits a new appeal,
 * or with `appealId` the corrected one returned for rework.
 */
export function AppealForm({
  type,
  existing,
  appealId,
  onDone,
}: {
  type: string;
  existing?: Existing;
  appealId?: string;
  onDone: (id: string) => void;
}) {
  const me = useMe();
  const { account, accounts } = useCurrentAccount();
  const types = useQuery({ queryKey: ['appeal-types'], queryFn: () => ok(api.GET('/api/v1/appeals/types')) });
  const [values, setValues] = useState<Values>(() => initialValues(type, existing));
  const [files, setFiles] = useState<Files>(() => initialFiles(existing));
  const [consent, setConsent] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const accountId = (values.accountId as string | undefined) ?? account?.accountId ?? '';
  const houses = [...new Map(accounts.map((a) => [a.house.id, a.house.fullAddress])).entries()];
  const houseId = (values.houseId as string | undefined) ?? account?.house.id ?? '';
  const submit = useMutation({
    mutationFn: () => {
      const body = toBody(type, values, files, consent, accountId, houseId) as never;
      return appealId
        ? ok(api.PUT('/api/v1/me/appeals/{id}', { params: { path: { id: appealId } }, body }))
        : ok(api.POST('/api/v1/me/appeals', { headers: { 'idempotency-key': key }, body }));
    },
    onSuccess: (a) => onDone(a.id),
  });
  const errors = fieldMessages(submit.error instanceof ApiError ? submit.error.problem : undefined, 'body');
  const errorOf = (f: FieldDef) => errors[f.key] && (f.error ?? errors[f.key]);
  const set = (k: string, v: string | string[]) => setValues({ ...values, [k]: v });
  const catalogue = types.data?.find((t) => t.type === type);
  const kinds = catalogue ? [...catalogue.requiredAttachments, ...catalogue.optionalAttachments] : [];
  const attachmentsError = Object.entries(errors).find(([k]) => k === 'attachments' || k.startsWith('attachments.'));
  const anyFieldError = Object.keys(errors).length > 0;
  const unverified = me.data?.identityVerified === false && IDENTITY_REQUIRED.includes(type);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        submit.mutate();
      }}
    >
      {unverified ? (
        <Notice kind="warning">
          Это обращение содержит персональные данные: подать его может только житель с подтверждённой личностью.{' '}
          <a href={`/auth/login?return_to=${encodeURIComponent(window.location.pathname)}`}>Войдите через Госуслуги</a>{' '}
          или попросите управляющую организацию подтвердить вас.
        </Notice>
      ) : null}
      {type === 'complaint' ? (
        <Field label="Дом" error={errors.houseId && 'Выберите дом.'}>
          <select value={houseId} onChange={(e) => set('houseId', e.target.value)}>
            {houses.map(([id, address]) => (
              <option key={id} value={id}>
                {shortAddress(address)}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <Field label="Помещение" error={errors.accountId && 'Выберите помещение.'}>
          <select value={accountId} onChange={(e) => set('accountId', e.target.value)}>
            {accounts.map((a) => (
              <option key={a.accountId} value={a.accountId}>
                {shortAddress(a.house.fullAddress, a.premise?.number)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {(FIELDS[type] ?? [])
        .filter((f) => visible(f, values))
        .map((f) => (
          <FormField key={f.key} def={f} value={values[f.key]} error={errorOf(f)} onChange={(v) => set(f.key, v)} />
        ))}
      <Field label="Комментарий" hint="Необязательно">
        <textarea
          value={(values.comment as string | undefined) ?? ''}
          onChange={(e) => set('comment', e.target.value)}
          rows={3}
          maxLength={4000}
        />
      </Field>
      {kinds.length ? (
        <fieldset>
          <legend>Документы</legend>
          {kinds.map((kind) => {
            const required = catalogue?.requiredAttachments.includes(kind);
            return (
              <FilePicker
                key={kind}
                label={`${ATTACHMENT_KIND[kind] ?? 'Документ'}${required ? '' : ' (необязательно)'}`}
                hint="PDF или фотография"
                upload={(chosen) => uploadFiles('/api/v1/me/appeals/files', chosen)}
                files={files[kind] ?? []}
                onChange={(list) => setFiles({ ...files, [kind]: list })}
                error={
                  attachmentsError && required && !(files[kind] ?? []).length ? 'Приложите этот документ.' : undefined
                }
              />
            );
          })}
        </fieldset>
      ) : null}
      <label className="choice">
        <input
          type="checkbox"
          checked={consent}
          onChange={(e) => setConsent(e.target.checked)}
          aria-describedby={errors.personalDataConsent ? 'consent-error' : undefined}
        />
        <span>
          Даю согласие на обработку моих персональных данных, указанных в обращении, управляющей организацией для его
          рассмотрения (ст. 9 Федерального закона № 152-ФЗ «О персональных данных»).
        </span>
      </label>
      <FieldError id="consent-error" error={errors.personalDataConsent && 'Без согласия обращение не принять.'} />
      {submit.isError && !anyFieldError ? <ErrorMessage error={submit.error} /> : null}
      {anyFieldError ? <Notice kind="error">Проверьте поля, отмеченные красным.</Notice> : null}
      <div className="card-actions">
        <Button type="submit" busy={submit.isPending}>
          {appealId ? 'Отправить исправленное' : 'Отправить обращение'}
        </Button>
        <Link href="/appeals">Отмена</Link>
      </div>
    </form>
  );
}

function FormField({
  def,
  value,
  error,
  onChange,
}: {
  def: FieldDef;
  value: string | string[] | undefined;
  error?: string;
  onChange: (v: string | string[]) => void;
}) {
  const label = `${def.label}${def.optional ? ' (необязательно)' : ''}`;
  const text = typeof value === 'string' ? value : '';
  if (def.kind === 'checkboxes') {
    const list = Array.isArray(value) ? value : [];
    return (
      <fieldset aria-describedby={error ? `${def.key}-error` : undefined}>
        <legend>{label}</legend>
        {def.options!.map(([v, l]) => (
          <label key={v} className="choice">
            <input
              type="checkbox"
              checked={list.includes(v)}
              onChange={(e) => onChange(e.target.checked ? [...list, v] : list.filter((x) => x !== v))}
            />
            <span>{l}</span>
          </label>
        ))}
        <FieldError id={`${def.key}-error`} error={error} />
      </fieldset>
    );
  }
  const control =
    def.kind === 'select' ? (
      <select value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">Выберите</option>
        {def.options!.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    ) : def.kind === 'textarea' ? (
      <textarea value={text} onChange={(e) => onChange(e.target.value)} rows={4} />
    ) : def.kind === 'date' ? (
      <DateInput value={text} onChange={onChange} />
    ) : (
      <input
        type="text"
        inputMode={def.inputMode ?? (def.kind === 'money' || def.kind === 'decimal' ? 'decimal' : undefined)}
        placeholder={def.kind === 'month' ? 'мм.гггг' : undefined}
        autoComplete={def.autoComplete ?? 'off'}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  return (
    <Field label={label} hint={def.hint} error={error}>
      {control}
    </Field>
  );
}
