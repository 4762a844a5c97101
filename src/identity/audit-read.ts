import { z } from 'zod';
import { auditEntrySchema } from '../../contracts/identity.js';
import type { Db } from '../db/pool.js';
import { validationFailed } from '../errors.js';
import { decodeCursor, pageInfo, pageOf } from '../http/pagination.js';
import { listAudit } from './audit.repo.js';

// A page of the audit log, newest first, for the organisation's and the operators' routes.

export const auditPage = z.object({ items: z.array(auditEntrySchema), page: pageInfo });

export async function readAudit(
  db: Db,
  filter: { organisationId?: string; action?: string; limit: number; cursor?: string },
) {
  const cursor = decodeCursor(filter.cursor);
  const beforeId = cursor && /^\d+$/.test(String(cursor[0])) ? String(cursor[0]) : undefined;
  if (cursor && !beforeId) throw validationFailed([{ path: 'query.cursor', message: 'invalid' }]);
  const rows = await listAudit(db, {
    organisationId: filter.organisationId,
    action: filter.action,
    beforeId,
    limit: filter.limit,
  });
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
    })),
    page: { nextCursor },
  };
}
