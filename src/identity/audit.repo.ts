import type { SqlExecutor } from '../../contracts/ports.js';
import type { AuditActorType } from '../../contracts/actor.js';

export async function insertAuditEntry(
  db: SqlExecutor,
  e: {
    actorType: AuditActorType;
    actorId: string | null;
    action: string;
    objectType: string | null;
    objectId: string | null;
    organisationId: string | null;
    ip: string | null;
    details: Record<string, unknown>;
  },
) {
  await db.query(
    `INSERT INTO audit_log (actor_type, actor_id, action, object_type, object_id, organisation_id, ip, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.actorType, e.actorId, e.action, e.objectType, e.objectId, e.organisationId, e.ip, e.details],
  );
}

export interface AuditFilter {
  organisationId?: string;
  action?: string;
  /** Keyset: rows with a smaller id than this. */
  beforeId?: string;
  limit: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_type: AuditActorType;
  actor_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  organisation_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/** Newest first; one row more than `limit` tells whether there is a next page. */
export async function listAudit(db: SqlExecutor, f: AuditFilter): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT id::text, at, actor_type, actor_id, action, object_type, object_id, organisation_id, host(ip) AS ip, details
       FROM audit_log
      WHERE ($1::uuid IS NULL OR organisation_id = $1) AND ($2::text IS NULL OR action = $2)
        AND ($3::bigint IS NULL OR id < $3)
      ORDER BY id DESC LIMIT $4`,
    [f.organisationId ?? null, f.action ?? null, f.beforeId ?? null, f.limit + 1],
  );
  return rows;
}
