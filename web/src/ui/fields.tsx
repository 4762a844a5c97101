// Form pieces of the cabinet: a labelled field with its hint and its error (from the problem's field
// paths), the inputs every sign-in form has (e-mail, password, mailed code), a date typed as дд.мм.гггг,
// a form's own error, and a file picker that uploads as soon as files are chosen.
import { cloneElement, useId, useState, type InputHTMLAttributes, type ReactElement, type ReactNode } from 'react';
import type { UploadedFile } from '../api/upload';
import { errorMessage } from '../api/client';
import { maskDate } from '../lib/format';
import { ErrorMessage } from './ui';

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** One input, select or textarea: it gets the id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
}

/** A label above its control, the hint and the error below, tied together for screen readers. */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
      })}
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; hint?: ReactNode; error?: string };

/** A labelled <input> with its hint and error. */
export function TextField({ label, hint, error, ...input }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      <input {...input} />
    </Field>
  );
}

interface ValueProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** The e-mail address; `username` where it names the account at sign-in (password managers fill it). */
export function EmailField({ autoComplete = 'email', value, onChange, error }: ValueProps & { autoComplete?: string }) {
  return (
    <TextField
      label="Электронная почта"
      type="email"
      name="email"
      autoComplete={autoComplete}
      inputMode="email"
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** The password in use, or a new one (`isNew`) with the advice on a strong one. */
export function PasswordField({
  label = 'Пароль',
  isNew = false,
  value,
  onChange,
  error,
}: ValueProps & { label?: string; isNew?: boolean }) {
  return (
    <TextField
      label={label}
      type="password"
      name={isNew ? 'new-password' : 'password'}
      autoComplete={isNew ? 'new-password' : 'current-password'}
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={
        isNew
          ? 'Не меньше 8 символов. Надёжнее всего — несколько случайных слов, например «синяя-сосна-42-ветер».'
          : undefined
      }
    />
  );
}

/**
 * The six digits mailed or sent to a contact; digits only. `focus` where the field appears after the
 * person's own step (the code step of sign-in), so they can type at once.
 */
export function CodeField({
  label = 'Код из письма',
  focus = false,
  value,
  onChange,
  error,
}: ValueProps & { label?: string; focus?: boolean }) {
  return (
    <TextField
      label={label}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]{6}"
      maxLength={6}
      required
      autoFocus={focus}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      error={error}
    />
  );
}

/**
 * A failed request's message above its form, unless its messages already stand next to the fields
 * (`fieldErrors`: the messages the form shows by its fields).
 */
export function FormError({ error, fieldErrors }: { error: unknown; fieldErrors: Record<string, string> }) {
  if (!error || Object.keys(fieldErrors).length > 0) return null;
  return <ErrorMessage error={error} />;
}

/** The error under a group of choices (radio buttons, checkboxes). */
export function FieldError({ error, id }: { error?: string; id?: string }) {
  if (!error) return null;
  return (
    <span id={id} className="field-error">
      {error}
    </span>
  );
}

type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'> & {
  /** The text as typed, дд.мм.гггг; `parseDate` (lib/format) turns it into the API's YYYY-MM-DD. */
  value: string;
  onChange: (text: string) => void;
};

/**
 * A date typed as дд.мм.гггг with the phone's digit keyboard. Not `type="date"`: the browser would show
 * its own format (12/01/2026 in an English browser) and a picker that differs on every phone. In a Field.
 */
export function DateInput({ value, onChange, ...rest }: DateInputProps) {
  return (
    <input
      autoComplete="off"
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="дд.мм.гггг"
      maxLength={10}
      value={value}
      onChange={(e) => onChange(maskDate(e.target.value, value))}
    />
  );
}

interface FilePickerProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Stores the chosen files and returns them as the API keeps them (e.g. `uploadFiles` for a resident's form). */
  upload: (files: File[]) => Promise<UploadedFile[]>;
  files: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  /** `image/*` with the phone's camera, or any image or PDF. */
  accept?: 'photo' | 'document';
  max?: number;
}

/** Uploads the chosen files at once (so a form keeps them) and lists them with a remove button each. */
export function FilePicker(props: FilePickerProps) {
  const { label, hint, error, upload, files, onChange, accept = 'document', max = 10 } = props;
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string>();
  const shown = uploadError ?? error;
  const described = [hint ? `${id}-hint` : '', shown ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        className="file-native"
        multiple
        disabled={busy || files.length >= max}
        aria-invalid={shown ? true : undefined}
        aria-describedby={described}
        {...(accept === 'photo'
          ? { accept: 'image/*', capture: 'environment' as const }
          : { accept: 'image/*,application/pdf' })}
        onChange={async (e) => {
          const chosen = [...(e.target.files ?? [])].slice(0, max - files.length);
          e.target.value = '';
          if (!chosen.length) return;
          setBusy(true);
          setUploadError(undefined);
          try {
            onChange([...files, ...(await upload(chosen))]);
          } catch (err) {
            setUploadError(errorMessage(err));
          } finally {
            setBusy(false);
          }
        }}
      />
      <label htmlFor={id} className="button secondary file-button" aria-hidden="true">
        {accept === 'photo' ? 'Сфотографировать или выбрать' : max > 1 ? 'Выбрать файлы' : 'Выбрать файл'}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {busy ? (
        <span className="hint" role="status">
          Загружаем…
        </span>
      ) : null}
      {shown ? (
        <span id={`${id}-error`} className="field-error">
          {shown}
        </span>
      ) : null}
      {files.length ? (
        <ul className="file-list">
          {files.map((f) => (
            <li key={f.id}>
              <span className="file-name">{f.filename}</span>
              <button
                type="button"
                className="button link"
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
                aria-label={`Убрать файл ${f.filename}`}
              >
                Убрать
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Field errors with the field's own wording: the API's general "check this field" becomes what the
 * field expects (`{ text: 'Опишите проблему: от 3 символов.' }`); messages of known codes stay.
 */
export function explain(errors: Record<string, string>, texts: Record<string, string>): Record<string, string> {
  const out = { ...errors };
  for (const [key, message] of Object.entries(errors)) {
    const own = texts[key] ?? texts[key.replace(/\.\d+(\.|$)/g, '.*$1')];
    if (own && message === GENERAL) out[key] = own;
  }
  return out;
}

const GENERAL = 'Проверьте это поле.';
