import type { SqlExecutor } from '../../contracts/ports.js';

export interface FileRow {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  data: Buffer;
}

export async function insertFile(
  db: SqlExecutor,
  file: { filename: string; contentType: string; size: number; sha256: string; data: Buffer; createdBy: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO files (filename, content_type, size, sha256, data, created_by) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id`,
    [file.filename, file.contentType, file.size, file.sha256, file.data, file.createdBy],
  );
  return rows[0]!.id;
}

export async function findFile(db: SqlExecutor, id: string): Promise<FileRow | undefined> {
  const { rows } = await db.query<FileRow>(
    `SELECT id, filename, content_type, size, sha256, data FROM files WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** Those of `ids` that are files uploaded by `createdBy`. */
export async function filesCreatedBy(db: SqlExecutor, ids: string[], createdBy: string): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM files WHERE id = ANY($1::uuid[]) AND created_by = $2`,
    [ids, createdBy],
  );
  return new Set(rows.map((r) => r.id));
}
