import type { Db } from '../../db/pool.js';

// SQL of gis_pulls: the export queries the hub asks on a schedule (a window of appeals, a block of debt
// subrequests). A sync_items row of exportAppeal or exportDebtSubrequests names its pull.

export interface PullRow {
  id: string;
  organisationId: string;
  operation: string;
  query: Record<string, unknown>;
  createdAt: Date;
  answeredAt: Date | null;
}

const COLUMNS = `id, organisation_id AS "organisationId", operation, query, created_at AS "createdAt", answered_at AS "answeredAt"`;

export async function insertPulls(
  db: Db,
  organisationId: string,
  operation: string,
  queries: Record<string, unknown>[],
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO gis_pulls (organisation_id, operation, query) SELECT $1, $2, q FROM unnest($3::jsonb[]) q RETURNING id`,
    [organisationId, operation, queries.map((q) => JSON.stringify(q))],
  );
  return rows.map((r) => r.id);
}

export async function pullsByIds(db: Db, organisationId: string, ids: string[]): Promise<PullRow[]> {
  const { rows } = await db.query<PullRow>(
    `SELECT ${COLUMNS} FROM gis_pulls WHERE id = ANY($1::uuid[]) AND organisation_id = $2`,
    [ids, organisationId],
  );
  return rows;
}

export async function markPullsAnswered(db: Db, ids: string[]) {
  await db.query(`UPDATE gis_pulls SET answered_at = now() WHERE id = ANY($1::uuid[]) AND answered_at IS NULL`, [ids]);
}

/** The organisation's latest pull of an operation, answered or not. */
export async function latestPull(db: Db, organisationId: string, operation: string): Promise<PullRow | null> {
  const { rows } = await db.query<PullRow>(
    `SELECT ${COLUMNS} FROM gis_pulls WHERE organisation_id = $1 AND operation = $2 ORDER BY created_at DESC LIMIT 1`,
    [organisationId, operation],
  );
  return rows[0] ?? null;
}

/** The latest answered pull of an operation: where the next window starts. */
export async function latestAnsweredPull(db: Db, organisationId: string, operation: string): Promise<PullRow | null> {
  const { rows } = await db.query<PullRow>(
    `SELECT ${COLUMNS} FROM gis_pulls WHERE organisation_id = $1 AND operation = $2 AND answered_at IS NOT NULL
      ORDER BY answered_at DESC LIMIT 1`,
    [organisationId, operation],
  );
  return rows[0] ?? null;
}

/** The executor the state system knows for the organisation (answers to appeals and debt subrequests). */
export async function executorGuid(db: Db, organisationId: string): Promise<string | null> {
  const { rows } = await db.query<{ executor_guid: string | null }>(
    `SELECT executor_guid FROM gis_sync_settings WHERE organisation_id = $1`,
    [organisationId],
  );
  return rows[0]?.executor_guid ?? null;
}

export async function setExecutorGuid(db: Db, organisationId: string, guid: string | null) {
  await db.query(
    `INSERT INTO gis_sync_settings (organisation_id, executor_guid) VALUES ($1, $2)
     ON CONFLICT (organisation_id) DO UPDATE SET executor_guid = EXCLUDED.executor_guid, updated_at = now()`,
    [organisationId, guid],
  );
}
