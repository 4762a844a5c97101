// Импорт: accounts, meters, readings or charges from a CSV or XLSX export of the organisation's billing.
// Pick the kind, upload the file, map its columns (the mapping is remembered per organisation and kind),
// check the first rows, start; the import runs in the background with a progress bar, then its summary,
// the first errors by row and the CSV of every row's result.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { Field } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Page, ScrollTable, Skeleton, Toggles } from '../../../ui/ui';
import { ApiError, errorMessage, ok, type Schemas, staffApi, useOrganisation, useStaffKey } from '../../api';
import { filesForm, multipart } from '../../../api/upload';
import './imports.css';
import { FileSendField, RowErrorsTable } from '../file-import';

type Kind = Schemas['ImportUpload']['kind'];
type Upload = Schemas['ImportUpload'];
type Run = Schemas['ImportRun'];
type Mapping = Record<string, string | null>;
type RowError = Schemas['ImportRowError'];
type ImportField = { key: string; label: string; required: boolean; hint?: string };

const KIND_OPTIONS: readonly (readonly [Kind, string])[] = [
  ['charges', 'Начисления'],
  ['readings', 'Показания'],
  ['meters', 'Счётчики'],
  ['accounts', 'Лицевые счета'],
];
const KIND_LABEL = Object.fromEntries(KIND_OPTIONS) as Record<Kind, string>;
const STATUS_LABEL: Record<Run['status'], string> = {
  queued: 'в очереди',
  running: 'идёт',
  done: 'завершён',
  failed: 'остановлен',
};

/** The problem's own Russian detail for the import's codes (which columns are missing), else the general message. */
function importError(error: unknown) {
  if (error instanceof ApiError && error.code.startsWith('import_') && error.problem.detail)
    return error.problem.detail;
  return errorMessage(error);
}

/** Downloads a file of the console's API with the organisation's header (a plain link would not carry it). */
async function saveFile(organisationId: string, path: string, filename: string) {
  const res = await fetch(path, { headers: { 'x-organisation-id': organisationId } });
  if (!res.ok) throw new ApiError(res.status, { status: res.status, code: 'http_error' });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} КБ` : `${(bytes / 1024 / 1024).toFixed(1)} МБ`;

export default function ImportsScreen() {
  const key = useStaffKey();
  const org = useOrganisation();
  const [kind, setKind] = useState<Kind>('charges');
  const [failed, setFailed] = useState<unknown>();
  const [upload, setUpload] = useState<Upload>();
  const [runId, setRunId] = useState<string>();
  const kinds = useQuery({
    queryKey: key('import-kinds'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/imports/kinds')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const info = kinds.data?.kinds.find((k) => k.kind === kind);

  const template = (format: 'xlsx' | 'csv') =>
    saveFile(org.id, `/api/v1/org/imports/templates/${kind}/${format}`, `obrazec-${kind}.${format}`).catch(setFailed);
  const reset = (next?: Kind) => {
    if (next) setKind(next);
    setUpload(undefined);
    setRunId(undefined);
  };

  return (
    <Page title="Импорт">
      <Card className="imports-step">
        <h2>1. Что загружаем</h2>
        <Toggles legend="Вид данных" options={KIND_OPTIONS} value={kind} onChange={(k) => reset(k)} />
        {info ? <p className="hint">В файле {info.note}.</p> : <Skeleton height={20} />}
        <p className="imports-templates">
          <Button kind="secondary" onClick={() => void template('xlsx')}>
            Образец XLSX
          </Button>
          <Button kind="secondary" onClick={() => void template('csv')}>
            Образец CSV
          </Button>
        </p>
        {failed ? <Notice kind="error">{errorMessage(failed)}</Notice> : null}
        <UploadStep
          kind={kind}
          upload={upload}
          onUploaded={(u) => {
            setUpload(u);
            setRunId(undefined);
          }}
        />
      </Card>
      {kinds.isError ? <ErrorMessage error={kinds.error} retry={() => void kinds.refetch()} /> : null}
      {upload && info && !runId ? (
        <MappingStep key={upload.id} upload={upload} fields={info.fields} onStarted={setRunId} />
      ) : null}
      {runId ? <RunStep runId={runId} onAgain={() => reset()} /> : null}
      <History onOpen={setRunId} />
    </Page>
  );
}

function UploadStep({ kind, upload, onUploaded }: { kind: Kind; upload?: Upload; onUploaded: (u: Upload) => void }) {
  const send = useMutation({
    mutationFn: async (file: File) => {
      return ok(
        staffApi.POST('/api/v1/org/imports/uploads', {
          params: { query: { kind } },
          ...multipart(filesForm([file])),
        }),
      );
    },
    onSuccess: (u) => onUploaded(u as Upload),
  });
  return (
    <>
      <FileSendField
        label="2. Файл CSV или XLSX"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        busy={send.isPending}
        onFile={(file) => send.mutate(file)}
        hint="Выгрузка из 1С или другой программы начислений; первая строка с названиями столбцов — заголовок."
      />
      {send.isError ? <Notice kind="error">{importError(send.error)}</Notice> : null}
      {upload && !send.isPending ? (
        <p className="imports-file" role="status">
          Файл «{upload.filename}» ({upload.format.toUpperCase()}, {sizeText(upload.sizeBytes)}),{' '}
          {upload.headers.length} столбцов.
        </p>
      ) : null}
    </>
  );
}

function MappingStep({
  upload,
  fields,
  onStarted,
}: {
  upload: Upload;
  fields: ImportField[];
  onStarted: (runId: string) => void;
}) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [mapping, setMapping] = useState<Mapping>(upload.mapping);
  const preview = useMutation({
    mutationFn: () =>
      ok(
        staffApi.POST('/api/v1/org/imports/uploads/{id}/preview', {
          params: { path: { id: upload.id } },
          body: { mapping },
        }),
      ),
  });
  const start = useMutation({
    mutationFn: () => ok(staffApi.POST('/api/v1/org/imports', { body: { uploadId: upload.id, mapping } })),
    onSuccess: (run) => {
      void client.invalidateQueries({ queryKey: key('imports') });
      onStarted(run.id);
    },
  });
  const set = (field: string, column: string) => {
    setMapping((m) => ({ ...m, [field]: column || null }));
    preview.reset();
  };
  const shown = fields.filter((f) => mapping[f.key]);
  return (
    <Card className="imports-step">
      <h2>3. Столбцы файла</h2>
      <p className="hint">
        Сопоставление запоминается для организации: следующий файл с теми же столбцами не нужно настраивать заново.
      </p>
      <div className="imports-mapping">
        {fields.map((f) => (
          <Field key={f.key} label={`${f.label}${f.required ? ' *' : ''}`} hint={f.hint}>
            <select value={mapping[f.key] ?? ''} onChange={(e) => set(f.key, e.target.value)}>
              <option value="">— нет в файле —</option>
              {upload.headers
                .filter((h) => h !== '')
                .map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
            </select>
          </Field>
        ))}
      </div>
      <div className="imports-actions">
        <Button kind="secondary" busy={preview.isPending} onClick={() => preview.mutate()}>
          Проверить первые строки
        </Button>
        <Button busy={start.isPending} onClick={() => start.mutate()}>
          Начать импорт
        </Button>
      </div>
      {preview.isError ? <Notice kind="error">{importError(preview.error)}</Notice> : null}
      {start.isError ? <Notice kind="error">{importError(start.error)}</Notice> : null}
      {preview.data ? (
        <>
          <h3>Первые строки</h3>
          {preview.data.rows.some((r) => r.errors.length) ? (
            <Notice kind="warning">
              Строки с ошибками не загрузятся, остальные — загрузятся. Поправьте файл или столбцы, или начните импорт.
            </Notice>
          ) : (
            <Notice kind="success">Первые строки читаются без ошибок.</Notice>
          )}
          <ScrollTable label="Первые строки файла">
            <table className="imports-preview">
              <thead>
                <tr>
                  <th scope="col">Строка</th>
                  {shown.map((f) => (
                    <th key={f.key} scope="col">
                      {f.label}
                    </th>
                  ))}
                  <th scope="col">Проверка</th>
                </tr>
              </thead>
              <tbody>
                {preview.data.rows.map((r) => (
                  <tr key={r.row} className={r.errors.length ? 'imports-row-bad' : undefined}>
                    <td>{r.row}</td>
                    {shown.map((f) => (
                      <td
                        key={f.key}
                        className={r.errors.some((e) => e.field === f.key) ? 'imports-cell-bad' : undefined}
                      >
                        {r.values[f.key] ?? ''}
                      </td>
                    ))}
                    <td>
                      {r.errors.length ? (
                        <ErrorList errors={r.errors} />
                      ) : r.status === 'unchanged' ? (
                        'без изменений'
                      ) : (
                        'будет загружена'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </>
      ) : null}
    </Card>
  );
}

function ErrorList({ errors }: { errors: RowError[] }) {
  return (
    <ul className="imports-errors">
      {errors.map((e) => (
        <li key={`${e.field}-${e.code}`}>
          {e.column ? <b>{e.column}: </b> : null}
          {e.message}
          {e.detail ? <span className="hint"> ({e.detail})</span> : null}
        </li>
      ))}
    </ul>
  );
}

function RunStep({ runId, onAgain }: { runId: string; onAgain: () => void }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const run = useQuery({
    queryKey: key('imports', runId),
    queryFn: () => ok(staffApi.GET('/api/v1/org/imports/{id}', { params: { path: { id: runId } } })),
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      if (s === 'done' || s === 'failed') {
        void client.invalidateQueries({ queryKey: key('imports', 'list') });
        return false;
      }
      return 1000;
    },
  });
  if (run.isError) return <ErrorMessage error={run.error} retry={() => void run.refetch()} />;
  const r = run.data;
  if (!r) return <Skeleton height={160} label="Загрузка" />;
  const percent = r.status === 'done' ? 100 : r.bytesTotal ? Math.floor((r.bytesDone / r.bytesTotal) * 100) : 0;
  return (
    <Card className="imports-step">
      <h2>
        4. Импорт «{r.filename}» — {STATUS_LABEL[r.status]}
      </h2>
      <div className="imports-progress">
        <progress max={100} value={percent} aria-label="Ход импорта" />
        <span role="status">
          {r.status === 'queued'
            ? 'Ждёт очереди…'
            : r.status === 'running'
              ? `Прочитано ${r.rowsDone.toLocaleString('ru-RU')} строк (${percent}% файла)`
              : r.status === 'done'
                ? `Готово: ${r.rowsDone.toLocaleString('ru-RU')} строк`
                : 'Импорт остановлен'}
        </span>
      </div>
      {r.status === 'failed' ? <Notice kind="error">{r.error ?? 'Импорт остановлен.'}</Notice> : null}
      {r.status === 'done' ? <Summary run={r} /> : null}
      <div className="imports-actions">
        <Button kind="secondary" onClick={onAgain}>
          Загрузить другой файл
        </Button>
      </div>
    </Card>
  );
}

function Summary({ run }: { run: Run }) {
  const org = useOrganisation();
  const [failed, setFailed] = useState<unknown>();
  return (
    <>
      <dl className="imports-summary">
        <div>
          <dt>Загружено</dt>
          <dd>{run.rowsImported.toLocaleString('ru-RU')}</dd>
        </div>
        <div>
          <dt>Без изменений</dt>
          <dd>{run.rowsUnchanged.toLocaleString('ru-RU')}</dd>
        </div>
        <div className={run.rowsRejected ? 'imports-summary-bad' : undefined}>
          <dt>С ошибками</dt>
          <dd>{run.rowsRejected.toLocaleString('ru-RU')}</dd>
        </div>
      </dl>
      {run.firstErrors.length ? (
        <RowErrorsTable
          caption={`Строки с ошибками${run.rowsRejected > run.firstErrors.length ? ' (первые)' : ''}`}
          where="Столбец"
          errors={run.firstErrors.map((e) => ({
            row: e.row,
            where: e.column ?? null,
            message: e.message,
            detail: e.detail,
          }))}
        />
      ) : (
        <Notice kind="success">Все строки загружены.</Notice>
      )}
      <p>
        <Button
          kind="secondary"
          onClick={() =>
            void saveFile(
              org.id,
              `/api/v1/org/imports/${run.id}/results.csv`,
              `rezultaty-importa-${run.kind}.csv`,
            ).catch(setFailed)
          }
        >
          Скачать результаты по строкам (CSV)
        </Button>
      </p>
      {failed ? <Notice kind="error">{errorMessage(failed)}</Notice> : null}
    </>
  );
}

function History({ onOpen }: { onOpen: (id: string) => void }) {
  const key = useStaffKey();
  const list = useQuery({
    queryKey: key('imports', 'list'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/imports', { params: { query: { limit: 10 } } })),
  });
  if (list.isError) return <ErrorMessage error={list.error} retry={() => void list.refetch()} />;
  if (!list.data) return <Skeleton height={120} label="Загрузка" />;
  if (!list.data.items.length) return null;
  return (
    <Card className="imports-step">
      <h2>Последние импорты</h2>
      <ScrollTable label="Последние импорты">
        <table>
          <thead>
            <tr>
              <th scope="col">Когда</th>
              <th scope="col">Что</th>
              <th scope="col">Файл</th>
              <th scope="col">Статус</th>
              <th scope="col">Загружено / ошибок</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>{KIND_LABEL[r.kind]}</td>
                <td>
                  <Button kind="link" onClick={() => onOpen(r.id)}>
                    {r.filename}
                  </Button>
                </td>
                <td>{STATUS_LABEL[r.status]}</td>
                <td>
                  {r.rowsImported + r.rowsUnchanged} / {r.rowsRejected}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </Card>
  );
}
