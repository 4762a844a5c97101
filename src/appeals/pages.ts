import { z } from 'zod';
import { appealSummary } from '../../contracts/appeals.js';
import { decodeCursor, pageInfo, pageOf } from '../http/pagination.js';
import type { AppealRow } from './appeals.repo.js';
import { toSummary } from './service.js';

// Appeal lists page by (created_at, id), newest first, for the resident and the organisation alike.

export const listResponse = z.object({ items: z.array(appealSummary), page: pageInfo });

export function page(rows: AppealRow[], limit: number) {
  const { items, nextCursor } = pageOf(rows, limit, (last) => [last.createdAt.toISOString(), last.id]);
  return { items: items.map(toSummary), page: { nextCursor } };
}

export function after(cursor: string | undefined) {
  const c = decodeCursor(cursor);
  return c ? { createdAt: String(c[0]), id: String(c[1]) } : undefined;
}
