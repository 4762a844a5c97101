import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, ApiError, ok } from '../../api/client';
import type { UploadedFile } from '../../api/upload';
import { shortAddress } from '../../app/AccountSwitcher';
import { useCurrentAccount, useMe } from '../../app/session';
import { formatDate, formatMoney, parseDecimal, parseMoney } from '../../lib/format';
import { fieldMessages } from '../../lib/problems';
import { Field, FieldError, FilePicker } from '../../ui/fields';
import { Button, ErrorMessage, Notice } from '../../ui/ui';
import { ATTACHMENT_KIND, FIELDS, getPath, IDENTITY_REQUIRED, setPath, type FieldDef } from './forms';

type Values = Record<string, string | string[]>;
type Files = Record<string, UploadedFile[]>;
export interface Existing {
  form: Record<string, unknown>;
  files: { id: string; filename: string; contentType: string; size: number; kind: string; authorSide: string }[];
}

function initialValues(type: string, existing?: Existing): Values {
  const out: Values = {};
  if (!existing) return out;
  for (const f of FIELDS[type] ?? []) {
    const v = getPath(existing.form, f.key);
    if (v === undefined || v === null) continue;
    if (f.kind === 'money') out[f.key] = formatMoney(String(v)).replace(/\s?₽$/, '');
    else if (f.kind === 'date') out[f.key] = formatDate(String(v));
    else if (f.kind === 'month') out[f.key] = String(v).replace(/^(\d{4})-(\d{2})$/, '$2.$1');
    else if (Array.isArray(v)) out[f.key] = v.map(String);
    else out[f.key] = String(v);
  }
  for (const k of ['comment', 'accountId', 'houseId']) {
    const v = existing.form[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

function initialFiles(existing?: Existing): Files {
  const out: Files = {};
  for (const f of existing?.files ?? []) if (f.authorSide === 'resident') (out[f.kind] ??= []).push(f);
  return out;
}

const visible = (f: FieldDef, values: Values) => !f.when || values[f.when[0]] === f.when[1];
const filled = (v: string | string[] | undefined) => (Array.isArray(v) ? v.length > 0 : !!v?.trim());

/** The body the API expects (AppealForm) from the entries; a wrong value goes as typed, so the API names its field. */
function toBody(type: string, values: Values, files: Files, consent: boolean, accountId: string, houseId: string) {
  const body: Record<string, unknown> = { type, personalDataConsent: consent };
  if (type === 'complaint') body.houseId = houseId;
  else body.accountId = accountId;
  const defs = (FIELDS[type] ?? []).filter((f) => visible(f, values));
  for (const f of defs) {
    const raw = values[f.key];
    if (f.optional && !filled(raw)) {
      // a second reading row is sent only when either of its fields is filled
      const row = /^readings\.(\d+)\./.exec(f.key);
      if (!row || !defs.some((d) => d.key.startsWith(`readings.${row[1]}.`) && filled(values[d.key]))) continue;
    }
    const text = Array.isArray(raw) ? '' : (raw ?? '').trim();
    let value: unknown = text;
    if (f.kind === 'checkboxes') value = Array.isArray(raw) ? raw : [];
    else if (f.kind === 'money') value = parseMoney(text)?.toString() ?? text;
    else if (f.kind === 'number') value = /^\d{1,3}$/.test(text) ? Number(text) : text;
    else if (f.kind === 'decimal') value = parseDecimal(text) ?? text;
    else if (f.kind === 'date') value = text.replace(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, (_, d: string, m: string, y: string) =>
      `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
    else if (f.kind === 'month') value = text.replace(/^(\d{1,2})\.(\d{4})$/, (_, m: string, y: string) => `${y}-${m.padStart(2, '0')}`);
    setPath(body, f.key, value);
  }
  const comment = typeof values.comment === 'string' ? values.comment.trim() : '';
  if (comment) body.comment = comment;
  body.attachments = Object.entries(files).flatMap(([kind, list]) => list.map((f) => ({ fileId: f.id, kind })));
  return body;
}

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
          <a href={`/auth/login?return_to=${encodeURIComponent(window.location.pathname)}`}>
            Войдите через Госуслуги
          </a>{' '}
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
                path="/api/v1/me/appeals/files"
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
    ) : (
      <input
        type="text"
        inputMode={def.inputMode ?? (def.kind === 'money' || def.kind === 'decimal' ? 'decimal' : undefined)}
        placeholder={def.kind === 'date' ? 'дд.мм.гггг' : def.kind === 'month' ? 'мм.гггг' : undefined}
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
