import { createHash } from 'node:crypto';
import type { FileStore, SqlExecutor } from '../../contracts/ports.js';

/** Files in a PostgreSQL table (bytea): the default store, backed up with the rest of the data. */
export function createPgFileStore(db: SqlExecutor): FileStore {
  return {
    async put(file, tx) {
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      const { rows } = await (tx ?? db).query(
        `INSERT INTO files (filename, content_type, size, sha256, data, created_by) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id`,
        [file.filename, file.contentType, file.data.length, sha256, file.data, file.createdBy ?? null],
      );
      return { id: rows[0].id, filename: file.filename, contentType: file.contentType, size: file.data.length, sha256 };
    },
    async get(id) {
      const { rows } = await db.query(
        `SELECT id, filename, content_type, size, sha256, data FROM files WHERE id = $1`,
        [id],
      );
      const r = rows[0];
      return r
        ? { id: r.id, filename: r.filename, contentType: r.content_type, size: r.size, sha256: r.sha256, data: r.data }
        : null;
    },
  };
}
