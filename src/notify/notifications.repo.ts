import type { SqlExecutor } from '../../contracts/ports.js';

/** Records `key` as sent to each person; returns those who had not got it yet. */
export async function claimOnce(db: SqlExecutor, key: string, personIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ person_id: string }>(
    `INSERT INTO notification_log (key, person_id)
     SELECT $1 || ':' || p, p FROM unnest($2::uuid[]) p
     ON CONFLICT (key) DO NOTHING RETURNING person_id`,
    [key, personIds],
  );
  return rows.map((r) => r.person_id);
}
