import type { AppealStatus, AppealType } from '../../contracts/appeals.js';
import type { Permission } from '../../contracts/permissions.js';

// submitted → in review → returned for rework (the resident resubmits) → accepted | rejected → done
// (DOMAIN.md "Service requests and appeals"). The organisation's moves; `returned → submitted` is the resident's.
const ORG_MOVES: Record<AppealStatus, AppealStatus[]> = {
  submitted: ['in_review'],
  in_review: ['returned', 'accepted', 'rejected'],
  returned: [],
  accepted: ['done'],
  rejected: ['done'],
  done: [],
};

export function canOrgMove(from: AppealStatus, to: AppealStatus): boolean {
  return ORG_MOVES[from].includes(to);
}

/** Returning and rejecting must say why, so the resident knows what to fix or why not. */
export const needsMessage = (to: AppealStatus) => to === 'returned' || to === 'rejected';

export const canResubmit = (status: AppealStatus) => status === 'returned';

/**
 * The permission, beside the appeals route's own, that lets staff read an appeal's personal data:
 * complaints go to those who handle requests, money matters to those who handle charges. API keys
 * need the route's permission only.
 */
export function permissionForType(type: AppealType): Permission {
  return type === 'complaint' ? 'tickets.manage' : 'charges.import';
}
