import { createHash } from 'node:crypto';
import type { FileStore, SqlExecutor } from '../../contracts/ports.js';
import { findFile, insertFile } from './files.repo.js';

/** Files in a PostgreSQL table (bytea): the default store, backed up with the rest of the data. */
export function createPgFileStore(db: SqlExecutor): FileStore {
  return {
    async put(file, tx) {
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      const size = file.data.length;
      const id = await insertFile(tx ?? db, { ...file, size, sha256, createdBy: file.createdBy ?? null });
      return { id, filename: file.filename, contentType: file.contentType, size, sha256 };
    },
    async get(id) {
      const r = await findFile(db, id);
      return r
        ? { id: r.id, filename: r.filename, contentType: r.content_type, size: r.size, sha256: r.sha256, data: r.data }
        : null;
    },
  };
}
