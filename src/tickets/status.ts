import type { TicketStatus } from '../../contracts/tickets.js';

// new → in progress → done | rejected (DOMAIN.md "Service requests and appeals"); a request can be
// refused before work starts. Reopening is the resident's move, see canReopen.
const STAFF_MOVES: Record<TicketStatus, TicketStatus[]> = {
  new: ['in_progress', 'rejected'],
  in_progress: ['done', 'rejected'],
  done: [],
  rejected: [],
};

export function canStaffMove(from: TicketStatus, to: TicketStatus): boolean {
  return STAFF_MOVES[from].includes(to);
}

export const isClosed = (s: TicketStatus) => s === 'done' || s === 'rejected';

/** The author may reopen a closed request within `reopenDays` of its closing. */
export function canReopen(
  ticket: { status: TicketStatus; closedAt: Date | null },
  now: Date,
  reopenDays: number,
): boolean {
  if (!isClosed(ticket.status) || !ticket.closedAt) return false;
  return now.getTime() - ticket.closedAt.getTime() <= reopenDays * 86_400_000;
}
