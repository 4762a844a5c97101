import type { SqlExecutor } from '../../contracts/ports.js';
import type { AuditActorType } from '../../contracts/actor.js';
import { insertAuditEntry } from './audit.repo.js';

export interface AuditEntry {
  actorType: AuditActorType;
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
  await insertAuditEntry(db, {
    actorType: e.actorType,
    actorId: e.actorId ?? null,
    action: e.action,
    objectType: e.objectType ?? null,
    objectId: e.objectId ?? null,
    organisationId: e.organisationId ?? null,
    ip: e.ip ?? null,
    details: e.details ?? {},
  });
}
