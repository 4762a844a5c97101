import type { AppealStatus, AppealType } from '../../contracts/appeals.js';
import type { StaffRole } from '../http/auth.js';

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
 * Which staff roles may read an appeal's personal data: money matters go to accountants,
 * complaints to dispatchers; admins see all. API keys need the appeals:* scopes instead.
 */
export function rolesForType(type: AppealType): StaffRole[] {
  return type === 'complaint' ? ['admin', 'dispatcher'] : ['admin', 'accountant'];
}
