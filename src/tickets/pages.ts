import { decodeCursor, pageOf } from '../http/pagination.js';
import type { TicketRow } from './tickets.repo.js';

// Ticket lists page by (created_at, id), newest first, in both audiences' routes.

export function pageCursor(rows: TicketRow[], limit: number) {
  return pageOf(rows, limit, (last) => [last.createdAt.toISOString(), last.id]).nextCursor;
}

export function pageAfter(cursor: string | undefined) {
  const c = decodeCursor(cursor);
  return c ? { createdAt: String(c[0]), id: String(c[1]) } : undefined;
}
