import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type pg from 'pg';
import type { Actor } from '../../contracts/actor.js';
import {
  IMPORT_FIELDS,
  type ImportKind,
  type ImportMapping,
  type ImportRowError,
  type ImportRunView,
} from '../../contracts/imports.js';
import { IMPORT_RUN_QUEUE } from '../../contracts/jobs.js';
import type { Enqueue } from '../../contracts/ports.js';
import { type Db, type Pool, withRollback, withTransaction } from '../db/pool.js';
import { AppError, badRequest, notFound } from '../errors.js';
import type { FieldCipher } from '../identity/crypto.js';
import { IMPORT_BATCH } from '../metering/import.service.js';
import {
  deleteRunRows,
  deleteUpload,
  failRun,
  findMapping,
  findRun,
  findRunOfUpload,
  findSameUpload,
  findUpload,
  finishRun,
  finishUpload,
  firstRunErrors,
  insertRun,
  insertRunRows,
  insertUpload,
  insertUploadChunk,
  markRunStarted,
  requeueRun,
  type RunRow,
  runRowsAfter,
  saveMapping,
  updateRunProgress,
  type UploadRow,
  uploadChunk,
} from './imports.repo.js';
import { isEmptyRow, KINDS, type MappedRow, mapRow, mappingProblems, type RowResult } from './kinds.js';
import { type FileFormat, readHeader, readSheet, type SheetRow, sniffFormat } from './reader.js';
import { suggestMapping } from './values.js';

/** Uploads are stored in chunks of this size: a file is never held whole, on the way in or out. */
export const CHUNK_BYTES = 1024 * 1024;
export const PREVIEW_ROWS = 20;

/** The stored chunks of an upload as a stream, read one at a time as the reader asks; `bytes` counts them. */
export function uploadStream(db: Db, uploadId: string, counter = { bytes: 0 }): Readable {
  let seq = 0;
  return new Readable({
    highWaterMark: 1,
    async read() {
      try {
        const chunk = await uploadChunk(db, uploadId, seq++);
        if (chunk) counter.bytes += chunk.length;
        this.push(chunk ?? null);
      } catch (err) {
        this.destroy(err as Error);
      }
    },
  });
}

/**
 * Stores an uploaded file as it streams in (chunks on the transaction, the sha-256 taken on the way), then
 * reads its header row. The same bytes uploaded again for the same kind answer the earlier upload.
 */
export async function storeUpload(
  tx: pg.PoolClient,
  actor: Actor,
  kind: ImportKind,
  filename: string,
  file: AsyncIterable<Buffer>,
): Promise<{ id: string; created: boolean }> {
  const hash = createHash('sha256');
  let id: string | undefined;
  let format: FileFormat = 'csv';
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!pendingBytes) return;
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    if (!id) {
      const sniffed = sniffFormat(data);
      if (sniffed === 'xls')
        throw new AppError(
          422,
          'import_file_unreadable',
          'The old binary XLS is not read: save the file as XLSX or CSV',
        );
      format = sniffed;
      id = await insertUpload(tx, {
        organisationId: actor.organisationId,
        kind,
        filename,
        format,
        createdBy: actor.actorId,
      });
    }
    await insertUploadChunk(tx, id, seq++, data);
  };
  for await (const chunk of file) {
    hash.update(chunk);
    size += chunk.length;
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  if (!id) throw new AppError(422, 'import_file_empty', 'The file is empty');
  const sha256 = hash.digest('hex');
  const same = await findSameUpload(tx, actor.organisationId, kind, sha256);
  if (same) {
    await deleteUpload(tx, id);
    return { id: same, created: false };
  }
  const rows = readSheet(uploadStream(tx, id), format);
  const header = await readHeader(rows);
  await rows.return(undefined);
  await finishUpload(tx, id, size, sha256, header.cells);
  return { id, created: true };
}

async function uploadOf(db: Db, organisationId: string, id: string) {
  const upload = await findUpload(db, organisationId, id);
  if (!upload) throw notFound('Upload');
  return upload;
}

export async function presentUpload(db: Db, organisationId: string, id: string) {
  const upload = await uploadOf(db, organisationId, id);
  const remembered = await findMapping(db, organisationId, upload.kind);
  return {
    id: upload.id,
    kind: upload.kind,
    filename: upload.filename,
    format: upload.format,
    sizeBytes: Number(upload.size_bytes),
    headers: upload.headers,
    mapping: suggestMapping(upload.headers, IMPORT_FIELDS[upload.kind], remembered),
    createdAt: upload.created_at.toISOString(),
  };
}

/** The mapping with only the kind's fields, each column present in the file; a 400 naming what is missing. */
function checkedMapping(upload: UploadRow, mapping: ImportMapping): ImportMapping {
  const known = new Set(IMPORT_FIELDS[upload.kind].map((f) => f.key));
  const clean: ImportMapping = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(field)) throw badRequest('import_unknown_column', `No field ${field} in ${upload.kind} imports`);
    if (column) clean[field] = column;
  }
  const problems = mappingProblems(upload.kind, clean, upload.headers);
  if (problems.length)
    throw badRequest(
      'import_mapping_incomplete',
      problems.join('; '),
      problems.map((message) => ({ path: 'body.mapping', message })),
    );
  return clean;
}

function columnsOf(headers: string[], mapping: ImportMapping) {
  const at = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!at.has(h)) at.set(h, i);
  });
  const columns = new Map<string, number>();
  for (const [field, column] of Object.entries(mapping))
    if (column && at.has(column)) columns.set(field, at.get(column)!);
  return columns;
}

/** Data rows after the header, read through the mapping; rows with every mapped cell empty are skipped. */
async function* mappedRows(rows: AsyncGenerator<SheetRow>, upload: UploadRow, mapping: ImportMapping) {
  await readHeader(rows);
  const columns = columnsOf(upload.headers, mapping);
  for await (const { row, cells } of rows) {
    const mapped = mapRow(upload.kind, row, cells, columns, mapping);
    if (!isEmptyRow(mapped)) yield mapped;
  }
}

/**
 * The first rows of the file read through the mapping, each with what the import would say of it: the
 * kind's import runs on them in a transaction that is rolled back, so every rule (accounts and meters
 * that exist, readings against the stored ones) is checked and nothing is written.
 */
export async function previewImport(
  db: Pool,
  enqueue: Enqueue,
  cipher: FieldCipher,
  actor: Actor,
  uploadId: string,
  mapping: ImportMapping,
  now = new Date(),
) {
  const upload = await uploadOf(db, actor.organisationId, uploadId);
  const clean = checkedMapping(upload, mapping);
  const rows: MappedRow[] = [];
  const source = mappedRows(readSheet(uploadStream(db, upload.id), upload.format), upload, clean);
  for await (const r of source) {
    rows.push(r);
    if (rows.length >= PREVIEW_ROWS) break;
  }
  const results = new Map<number, RowResult>();
  await withRollback(db, (tx) =>
    KINDS[upload.kind].run(
      { tx, enqueue, cipher, actor, now, mapping: clean },
      (async function* () {
        yield rows;
      })(),
      (batch) => {
        for (const r of batch) results.set(r.row, r);
      },
    ),
  );
  return {
    rows: rows.map((r) => ({
      row: r.row,
      values: r.values,
      status: results.get(r.row)?.status ?? 'rejected',
      errors: r.errors,
    })),
  };
}

const mappingHash = (m: ImportMapping) =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('hex');

/**
 * Starts the import of an upload with a mapping, remembered for the organisation and kind. Starting the
 * same upload with the same mapping again answers the run it already has (a failed one runs again).
 */
export async function startImport(
  tx: Db,
  enqueue: Enqueue,
  actor: Actor,
  uploadId: string,
  mapping: ImportMapping,
): Promise<{ runId: string; created: boolean }> {
  const upload = await uploadOf(tx, actor.organisationId, uploadId);
  const clean = checkedMapping(upload, mapping);
  await saveMapping(tx, actor.organisationId, upload.kind, clean);
  const hash = mappingHash(clean);
  const runId = await insertRun(tx, {
    organisationId: actor.organisationId,
    uploadId,
    kind: upload.kind,
    mapping: clean,
    mappingHash: hash,
    actorType: actor.actorType,
    createdBy: actor.actorId,
  });
  if (runId) {
    await enqueue(tx, IMPORT_RUN_QUEUE, { runId }, { singletonKey: `import:${runId}` });
    return { runId, created: true };
  }
  const existing = (await findRunOfUpload(tx, uploadId, hash))!;
  if (existing.status === 'failed') {
    await requeueRun(tx, existing.id);
    await enqueue(tx, IMPORT_RUN_QUEUE, { runId: existing.id });
  }
  return { runId: existing.id, created: false };
}

/**
 * The background part of an import: reads the stored file through the mapping IMPORT_BATCH rows at a time,
 * hands the batches to the kind's import on one transaction, and stores a result per data row. Progress
 * (rows and bytes read) is written outside the transaction after each batch. The transaction makes a run
 * all or nothing: a retry after a crash starts over, and nothing is imported twice.
 */
export async function runImport(db: Pool, enqueue: Enqueue, cipher: FieldCipher, runId: string, now = new Date()) {
  const run = await findRun(db, runId);
  if (!run || run.status === 'done') return;
  if (!(await markRunStarted(db, runId))) return;
  const counter = { bytes: 0 };
  const counts = { rowsDone: 0, imported: 0, unchanged: 0, rejected: 0, bytesDone: 0 };
  const upload: UploadRow = { ...run, id: run.upload_id, sha256: null, created_at: run.created_at };
  const spec = KINDS[run.kind];
  try {
    await withTransaction(db, async (tx) => {
      await deleteRunRows(tx, runId);
      const rows = mappedRows(readSheet(uploadStream(db, upload.id, counter), upload.format), upload, run.mapping);
      async function* batches(): AsyncGenerator<MappedRow[]> {
        let batch: MappedRow[] = [];
        for await (const r of rows) {
          // A record's rows stay in one batch (within reason: a runaway group is cut).
          const full =
            batch.length >= IMPORT_BATCH &&
            (!spec.groupKey || spec.groupKey(r) !== spec.groupKey(batch.at(-1)!) || batch.length >= IMPORT_BATCH + 500);
          if (full) {
            counts.rowsDone += batch.length;
            yield batch;
            await updateRunProgress(db, runId, counts.rowsDone, counter.bytes);
            batch = [];
          }
          batch.push(r);
        }
        if (batch.length) {
          counts.rowsDone += batch.length;
          yield batch;
        }
      }
      const writes: Promise<void>[] = [];
      const emit = (results: RowResult[]) => {
        for (const r of results) {
          if (r.status === 'imported') counts.imported++;
          else if (r.status === 'unchanged') counts.unchanged++;
          else counts.rejected++;
        }
        const write = insertRunRows(tx, runId, results);
        write.catch(() => undefined); // awaited below; meanwhile a failure must not count as unhandled
        writes.push(write);
      };
      await spec.run(
        {
          tx,
          enqueue,
          cipher,
          actor: { organisationId: run.organisation_id, actorType: run.actor_type, actorId: run.created_by },
          now,
          mapping: run.mapping,
        },
        batches(),
        emit,
      );
      await Promise.all(writes);
      counts.bytesDone = counter.bytes;
      await finishRun(tx, runId, counts);
    });
  } catch (err) {
    const message = err instanceof AppError ? err.message : `The import stopped: ${(err as Error).message}`;
    await failRun(db, runId, message);
    // A file that cannot be read will not heal by retrying; anything else (the database) may.
    if (!(err instanceof AppError)) throw err;
  }
}

export async function presentRun(db: Db, r: RunRow): Promise<ImportRunView> {
  return {
    id: r.id,
    uploadId: r.upload_id,
    kind: r.kind,
    filename: r.filename,
    status: r.status,
    rowsDone: r.rows_done,
    rowsImported: r.rows_imported,
    rowsUnchanged: r.rows_unchanged,
    rowsRejected: r.rows_rejected,
    bytesDone: Math.min(Number(r.bytes_done), Number(r.size_bytes)),
    bytesTotal: Number(r.size_bytes),
    error: r.error,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    firstErrors: r.status === 'done' && r.rows_rejected ? await firstRunErrors(db, r.id, 50) : [],
  };
}

export async function runOf(db: Db, organisationId: string, id: string) {
  const run = await findRun(db, id, organisationId);
  if (!run) throw notFound('Import');
  return run;
}

const STATUS_TEXT = { imported: 'загружена', unchanged: 'без изменений', rejected: 'ошибка' };

const csvCell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csvLine = (cells: (string | number | null | undefined)[]) => `${cells.map(csvCell).join(';')}\r\n`;

/**
 * Every data row's result as CSV (UTF-8 with a BOM and ";" as Excel in Russian expects): one line per
 * row, or per error of a rejected row, read from the database a page at a time.
 */
export async function* resultsCsv(db: Db, run: RunRow): AsyncGenerator<string> {
  const fields = new Map(IMPORT_FIELDS[run.kind].map((f) => [f.key, f.label]));
  yield `\uFEFF${csvLine(['Строка', 'Результат', 'Запись', 'Поле', 'Столбец файла', 'Код', 'Ошибка', 'Подробно'])}`;
  let after = 0;
  for (;;) {
    const page = await runRowsAfter(db, run.id, after, 2000);
    if (!page.length) return;
    let text = '';
    for (const r of page) {
      const errors: (ImportRowError | null)[] = r.errors?.length ? r.errors : [null];
      for (const e of errors)
        text += csvLine([
          r.row_number,
          STATUS_TEXT[r.status],
          r.key,
          e?.field ? (fields.get(e.field) ?? e.field) : '',
          e?.column,
          e?.code,
          e?.message,
          e?.detail,
        ]);
    }
    yield text;
    after = page.at(-1)!.row_number;
  }
}
