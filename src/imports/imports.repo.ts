import type { ImportKind, ImportMapping, ImportRowError } from '../../contracts/imports.js';
import type { Db } from '../db/pool.js';
import type { RowResult } from './kinds.js';

export interface UploadRow {
  id: string;
  organisation_id: string;
  kind: ImportKind;
  filename: string;
  format: 'csv' | 'xlsx';
  size_bytes: string;
  sha256: string | null;
  headers: string[];
  created_at: Date;
}

const UPLOAD_COLUMNS = `id, organisation_id, kind, filename, format, size_bytes, sha256, headers, created_at`;

export async function insertUpload(
  db: Db,
  u: { organisationId: string; kind: ImportKind; filename: string; format: 'csv' | 'xlsx'; createdBy: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO import_uploads (organisation_id, kind, filename, format, created_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING id`,
    [u.organisationId, u.kind, u.filename, u.format, u.createdBy],
  );
  return rows[0]!.id;
}

export async function insertUploadChunk(db: Db, uploadId: string, seq: number, data: Buffer) {
  await db.query(`INSERT INTO import_upload_chunks (upload_id, seq, data) VALUES ($1, $2, $3)`, [uploadId, seq, data]);
}

export async function uploadChunk(db: Db, uploadId: string, seq: number): Promise<Buffer | undefined> {
  const { rows } = await db.query<{ data: Buffer }>(
    `SELECT data FROM import_upload_chunks WHERE upload_id = $1 AND seq = $2`,
    [uploadId, seq],
  );
  return rows[0]?.data;
}

export async function finishUpload(db: Db, id: string, size: number, sha256: string, headers: string[]) {
  await db.query(`UPDATE import_uploads SET size_bytes = $2, sha256 = $3, headers = $4 WHERE id = $1`, [
    id,
    size,
    sha256,
    JSON.stringify(headers),
  ]);
}

export async function findSameUpload(db: Db, organisationId: string, kind: ImportKind, sha256: string) {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM import_uploads WHERE organisation_id = $1 AND kind = $2 AND sha256 = $3`,
    [organisationId, kind, sha256],
  );
  return rows[0]?.id;
}

export async function deleteUpload(db: Db, id: string) {
  await db.query(`DELETE FROM import_uploads WHERE id = $1`, [id]);
}

export async function findUpload(db: Db, organisationId: string, id: string): Promise<UploadRow | undefined> {
  const { rows } = await db.query<UploadRow>(
    `SELECT ${UPLOAD_COLUMNS} FROM import_uploads WHERE id = $1 AND organisation_id = $2 AND sha256 IS NOT NULL`,
    [id, organisationId],
  );
  return rows[0];
}

export async function findMapping(db: Db, organisationId: string, kind: ImportKind): Promise<ImportMapping | null> {
  const { rows } = await db.query<{ mapping: ImportMapping }>(
    `SELECT mapping FROM import_mappings WHERE organisation_id = $1 AND kind = $2`,
    [organisationId, kind],
  );
  return rows[0]?.mapping ?? null;
}

export async function saveMapping(db: Db, organisationId: string, kind: ImportKind, mapping: ImportMapping) {
  await db.query(
    `INSERT INTO import_mappings (organisation_id, kind, mapping) VALUES ($1, $2, $3)
     ON CONFLICT (organisation_id, kind) DO UPDATE SET mapping = EXCLUDED.mapping, updated_at = now()`,
    [organisationId, kind, JSON.stringify(mapping)],
  );
}

export interface RunRow {
  id: string;
  organisation_id: string;
  upload_id: string;
  kind: ImportKind;
  mapping: ImportMapping;
  status: 'queued' | 'running' | 'done' | 'failed';
  rows_done: number;
  rows_imported: number;
  rows_unchanged: number;
  rows_rejected: number;
  bytes_done: string;
  error: string | null;
  actor_type: 'person' | 'api_client';
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  filename: string;
  format: 'csv' | 'xlsx';
  size_bytes: string;
  headers: string[];
}

const RUN_SELECT = `SELECT r.id, r.organisation_id, r.upload_id, r.kind, r.mapping, r.status, r.rows_done, r.rows_imported,
       r.rows_unchanged, r.rows_rejected, r.bytes_done, r.error, r.actor_type, r.created_by, r.created_at,
       r.started_at, r.finished_at, u.filename, u.format, u.size_bytes, u.headers
  FROM import_runs r JOIN import_uploads u ON u.id = r.upload_id`;

/** A new run, or null when this upload already has one with the same mapping. */
export async function insertRun(
  db: Db,
  r: {
    organisationId: string;
    uploadId: string;
    kind: ImportKind;
    mapping: ImportMapping;
    mappingHash: string;
    actorType: string;
    createdBy: string;
  },
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO import_runs (organisation_id, upload_id, kind, mapping, mapping_hash, actor_type, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (upload_id, mapping_hash) DO NOTHING RETURNING id`,
    [r.organisationId, r.uploadId, r.kind, JSON.stringify(r.mapping), r.mappingHash, r.actorType, r.createdBy],
  );
  return rows[0]?.id ?? null;
}

export async function findRunOfUpload(db: Db, uploadId: string, mappingHash: string): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(`${RUN_SELECT} WHERE r.upload_id = $1 AND r.mapping_hash = $2`, [
    uploadId,
    mappingHash,
  ]);
  return rows[0];
}

export async function findRun(db: Db, id: string, organisationId?: string): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(
    `${RUN_SELECT} WHERE r.id = $1 AND ($2::uuid IS NULL OR r.organisation_id = $2)`,
    [id, organisationId ?? null],
  );
  return rows[0];
}

export async function listRuns(
  db: Db,
  organisationId: string,
  q: { kind?: ImportKind; after?: [string, string]; limit: number },
): Promise<RunRow[]> {
  const { rows } = await db.query<RunRow>(
    `${RUN_SELECT}
      WHERE r.organisation_id = $1 AND ($2::text IS NULL OR r.kind = $2)
        AND ($3::timestamptz IS NULL OR (r.created_at, r.id) < ($3::timestamptz, $4::uuid))
      ORDER BY r.created_at DESC, r.id DESC LIMIT $5`,
    [organisationId, q.kind ?? null, q.after?.[0] ?? null, q.after?.[1] ?? null, q.limit],
  );
  return rows;
}

export async function requeueRun(db: Db, id: string) {
  await db.query(`UPDATE import_runs SET status = 'queued', error = NULL WHERE id = $1 AND status = 'failed'`, [id]);
}

/** Marks the run started afresh (a retry starts over: its earlier transaction was rolled back). */
export async function markRunStarted(db: Db, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE import_runs SET status = 'running', started_at = now(), finished_at = NULL, error = NULL,
            rows_done = 0, rows_imported = 0, rows_unchanged = 0, rows_rejected = 0, bytes_done = 0
      WHERE id = $1 AND status <> 'done'`,
    [id],
  );
  return (rowCount ?? 0) > 0;
}

export async function updateRunProgress(db: Db, id: string, rowsDone: number, bytesDone: number) {
  await db.query(`UPDATE import_runs SET rows_done = $2, bytes_done = $3 WHERE id = $1 AND status = 'running'`, [
    id,
    rowsDone,
    bytesDone,
  ]);
}

export async function finishRun(
  db: Db,
  id: string,
  c: { rowsDone: number; imported: number; unchanged: number; rejected: number; bytesDone: number },
) {
  await db.query(
    `UPDATE import_runs SET status = 'done', finished_at = now(), rows_done = $2, rows_imported = $3,
            rows_unchanged = $4, rows_rejected = $5, bytes_done = $6
      WHERE id = $1`,
    [id, c.rowsDone, c.imported, c.unchanged, c.rejected, c.bytesDone],
  );
}

export async function failRun(db: Db, id: string, error: string) {
  await db.query(`UPDATE import_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [
    id,
    error.slice(0, 1000),
  ]);
}

export async function insertRunRows(db: Db, runId: string, results: RowResult[]) {
  if (!results.length) return;
  await db.query(
    `INSERT INTO import_run_rows (run_id, row_number, status, key, errors)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::jsonb[])`,
    [
      runId,
      results.map((r) => r.row),
      results.map((r) => r.status),
      results.map((r) => r.key),
      results.map((r) => (r.errors.length ? JSON.stringify(r.errors) : null)),
    ],
  );
}

export async function deleteRunRows(db: Db, runId: string) {
  await db.query(`DELETE FROM import_run_rows WHERE run_id = $1`, [runId]);
}

export interface RunRowRow {
  row_number: number;
  status: 'imported' | 'unchanged' | 'rejected';
  key: string | null;
  errors: ImportRowError[] | null;
}

export async function runRowsAfter(db: Db, runId: string, afterRow: number, limit: number): Promise<RunRowRow[]> {
  const { rows } = await db.query<RunRowRow>(
    `SELECT row_number, status, key, errors FROM import_run_rows
      WHERE run_id = $1 AND row_number > $2 ORDER BY row_number LIMIT $3`,
    [runId, afterRow, limit],
  );
  return rows;
}

export async function firstRunErrors(db: Db, runId: string, limit: number): Promise<ImportRowError[]> {
  const { rows } = await db.query<{ errors: ImportRowError[] }>(
    `SELECT errors FROM import_run_rows WHERE run_id = $1 AND status = 'rejected' ORDER BY row_number LIMIT $2`,
    [runId, limit],
  );
  return rows.flatMap((r) => r.errors).slice(0, limit);
}
