import type { SqlExecutor } from '../../contracts/ports.js';

/** Those of `ids` that are files uploaded by `createdBy`. */
export async function filesCreatedBy(db: SqlExecutor, ids: string[], createdBy: string): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM files WHERE id = ANY($1::uuid[]) AND created_by = $2`,
    [ids, createdBy],
  );
  return new Set(rows.map((r) => r.id));
}
