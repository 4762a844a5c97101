import { z } from 'zod';
import { type AuditFilterQuery, auditEntrySchema } from '../../contracts/identity.js';
import type { Db } from '../db/pool.js';
import { validationFailed } from '../errors.js';
import { decodeCursor, pageInfo, pageOf } from '../http/pagination.js';
import { listAudit } from './audit.repo.js';

// A page of the audit log, newest first, for the organisation's and the operators' routes.

export const auditPage = z.object({ items: z.array(auditEntrySchema), page: pageInfo });

export async function readAudit(
  db: Db,
  filter: AuditFilterQuery & { organisationId?: string; limit: number; cursor?: string },
) {
  const cursor = decodeCursor(filter.cursor);
  const beforeId = cursor && /^\d+$/.test(String(cursor[0])) ? String(cursor[0]) : undefined;
  if (cursor && !beforeId) throw validationFailed([{ path: 'query.cursor', message: 'invalid' }]);
  const { cursor: _cursor, ...f } = filter;
  const rows = await listAudit(db, { ...f, beforeId });
  const { items, nextCursor } = pageOf(rows, filter.limit, (last) => [last.id]);
  return {
    items: items.map((a) => ({
      id: a.id,
      at: a.at.toISOString(),
      actorType: a.actor_type,
      actorId: a.actor_id,
      action: a.action,
      objectType: a.object_type,
      objectId: a.object_id,
      organisationId: a.organisation_id,
      ip: a.ip,
      details: a.details,
      actorName: a.actor_name,
    })),
    page: { nextCursor },
  };
}
