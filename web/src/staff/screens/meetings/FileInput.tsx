import { useId, useRef } from 'react';

/**
 * One file chosen for a form: the native input hidden behind a Russian "Выбрать файл" button (the
 * browser's own says "Choose File" in an English browser), the chosen name beside it.
 */
export function FileInput({
  label,
  file,
  onChange,
  accept = 'application/pdf,image/*',
}: {
  label: string;
  file: File | null;
  onChange: (f: File | null) => void;
  accept?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  if (!file && input.current?.value) input.current.value = '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={input}
        type="file"
        className="file-native"
        accept={accept}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      <label htmlFor={id} className="button secondary file-button" aria-hidden="true">
        Выбрать файл
      </label>
      <span className="hint staff-file-name">{file ? file.name : 'Файл не выбран'}</span>
    </div>
  );
}
