import type { SqlExecutor } from '../../contracts/ports.js';

export interface AuditEntry {
  actorType: 'person' | 'api_client' | 'system';
  actorId?: string | null;
  action: string;
  objectType?: string;
  objectId?: string;
  organisationId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the audit log; call it on the same transaction as the change it records. */
export async function audit(db: SqlExecutor, e: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_type, actor_id, action, object_type, object_id, organisation_id, ip, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.actorType,
      e.actorId ?? null,
      e.action,
      e.objectType ?? null,
      e.objectId ?? null,
      e.organisationId ?? null,
      e.ip ?? null,
      e.details ?? {},
    ],
  );
}
