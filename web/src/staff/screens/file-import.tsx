// The two halves of a file import in the console: the file, chosen and sent at once, and the table of
// the rows it refused (the row's number, where in the row, the message).
import { type ReactNode, useId } from 'react';
import { ScrollTable } from '../../ui/ui';

/** A file input behind a Russian «Выбрать файл» button that hands the file over as soon as it is chosen. */
export function FileSendField({
  label,
  accept,
  hint,
  busy,
  onFile,
}: {
  label: string;
  accept: string;
  hint: ReactNode;
  busy: boolean;
  onFile: (file: File) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        className="file-native"
        accept={accept}
        disabled={busy}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={id} className="button secondary file-button" aria-hidden="true">
        Выбрать файл
      </label>
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
      {busy ? (
        <span className="hint" role="status">
          Загружаем файл…
        </span>
      ) : null}
    </div>
  );
}

export interface RowError {
  row: number;
  /** The column or the row's key (a case number), or null when the error is the row's as a whole. */
  where: string | null;
  message: string;
  detail?: string | null;
}

/**
 * The refused rows of an import, in a scrolling region named «Строки с ошибками»; `where` names the
 * second column, `caption` (if any) is shown above the table.
 */
export function RowErrorsTable({ caption, where, errors }: { caption?: string; where: string; errors: RowError[] }) {
  return (
    <ScrollTable label="Строки с ошибками">
      <table className="staff-table">
        {caption ? <caption className="staff-caption">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Строка</th>
            <th scope="col">{where}</th>
            <th scope="col">Ошибка</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several errors and the list never reorders
            <tr key={`${e.row}-${i}`}>
              <td>{e.row}</td>
              <td className="nowrap">{e.where ?? '—'}</td>
              <td>
                {e.message}
                {e.detail ? <span className="hint"> ({e.detail})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
