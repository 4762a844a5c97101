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
  actionPrefix?: string;
  actorId?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
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
  actor_name: string | null;
}

/** The actor id as a uuid when it is one (persons and API clients), else NULL: a bad cast never fails the read. */
const UUID_OR_NULL = `CASE WHEN a.actor_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN a.actor_id::uuid END`;

/** Newest first; one row more than `limit` tells whether there is a next page. */
export async function listAudit(db: SqlExecutor, f: AuditFilter): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    `WITH page AS (
       SELECT * FROM audit_log
        WHERE ($1::uuid IS NULL OR organisation_id = $1) AND ($2::text IS NULL OR action = $2)
          AND ($3::bigint IS NULL OR id < $3)
          AND ($5::text IS NULL OR starts_with(action, $5)) AND ($6::text IS NULL OR actor_id = $6)
          AND ($7::text IS NULL OR object_type = $7) AND ($8::text IS NULL OR object_id = $8)
          AND ($9::timestamptz IS NULL OR at >= $9) AND ($10::timestamptz IS NULL OR at < $10)
        ORDER BY id DESC LIMIT $4)
     SELECT a.id::text, a.at, a.actor_type, a.actor_id, a.action, a.object_type, a.object_id, a.organisation_id,
            host(a.ip) AS ip, a.details,
            COALESCE(NULLIF(concat_ws(' ', p.last_name, p.first_name, p.middle_name), ''), c.name) AS actor_name
       FROM page a
       LEFT JOIN persons p ON a.actor_type = 'person' AND p.id = ${UUID_OR_NULL}
       LEFT JOIN api_clients c ON a.actor_type = 'api_client' AND c.id = ${UUID_OR_NULL}
      ORDER BY a.id DESC`,
    [
      f.organisationId ?? null,
      f.action ?? null,
      f.beforeId ?? null,
      f.limit + 1,
      f.actionPrefix ?? null,
      f.actorId ?? null,
      f.objectType ?? null,
      f.objectId ?? null,
      f.from ?? null,
      f.to ?? null,
    ],
  );
  return rows;
}
