import type { SqlExecutor } from '../../contracts/ports.js';

export interface AuditFilter {
  organisationId?: string;
  action?: string;
  /** Keyset: rows with a smaller id than this. */
  beforeId?: string;
  limit: number;
}

/** Newest first; one row more than `limit` tells whether there is a next page. */
export async function listAudit(db: SqlExecutor, f: AuditFilter) {
  const { rows } = await db.query(
    `SELECT id::text, at, actor_type, actor_id, action, object_type, object_id, organisation_id, host(ip) AS ip, details
       FROM audit_log
      WHERE ($1::uuid IS NULL OR organisation_id = $1) AND ($2::text IS NULL OR action = $2)
        AND ($3::bigint IS NULL OR id < $3)
      ORDER BY id DESC LIMIT $4`,
    [f.organisationId ?? null, f.action ?? null, f.beforeId ?? null, f.limit + 1],
  );
  return rows as {
    id: string;
    at: Date;
    actor_type: 'person' | 'api_client' | 'system';
    actor_id: string | null;
    action: string;
    object_type: string | null;
    object_id: string | null;
    organisation_id: string | null;
    ip: string | null;
    details: Record<string, unknown>;
  }[];
}
