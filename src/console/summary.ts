import type { StaffRole } from '../http/auth.js';
import type { Db } from '../db/pool.js';
import { countPendingOrganisationRequests } from '../accounts/link-requests.repo.js';
import { countPendingResidentChanges } from '../accounts/residents.repo.js';
import { countWaitingAppeals } from '../appeals/appeals.repo.js';
import { countSubmittedRegistrations } from '../metering/registrations.repo.js';
import { countPendingPayments } from '../payments/payments.repo.js';
import { countRefusedItems } from '../sync/gis/sync.repo.js';
import { countNewTickets, countOverdueTickets } from '../tickets/tickets.repo.js';
import { overdueDebtRequests } from '../debt-requests/service.js';

export interface SummaryCount {
  /** Stable name of the count; the console's home names it in Russian (staff/screens/home/labels.ts). */
  key: string;
  /** The console page that lists the counted items. */
  link: string;
  /** Who sees the count (each count's own list route allows the same roles). */
  roles: readonly StaffRole[];
  /** A cheap count on an index of the organisation's open items. */
  count: (db: Db, organisationId: string) => Promise<number>;
}

const ALL = ['admin', 'dispatcher', 'accountant'] as const;
const DISPATCH = ['admin', 'dispatcher'] as const;

/** What needs action, in the home's order. Adding a count: one row here (and its Russian name in the console). */
export const SUMMARY_COUNTS: readonly SummaryCount[] = [
  { key: 'tickets.new', link: '/staff/requests?status=new', roles: DISPATCH, count: countNewTickets },
  { key: 'tickets.overdue', link: '/staff/requests?overdue=true', roles: DISPATCH, count: countOverdueTickets },
  { key: 'appeals.waiting', link: '/staff/appeals', roles: ALL, count: countWaitingAppeals },
  {
    key: 'accounts.linkRequests',
    link: '/staff/approvals?tab=links',
    roles: ALL,
    count: countPendingOrganisationRequests,
  },
  {
    key: 'meters.registrations',
    link: '/staff/approvals?tab=meters',
    roles: DISPATCH,
    count: countSubmittedRegistrations,
  },
  {
    key: 'accounts.residentChanges',
    link: '/staff/approvals?tab=residents',
    roles: ALL,
    count: countPendingResidentChanges,
  },
  { key: 'sync.refused', link: '/staff/sync', roles: ALL, count: countRefusedItems },
  { key: 'payments.pending', link: '/staff/payments', roles: ['admin', 'accountant'], count: countPendingPayments },
  {
    key: 'debtRequests.overdue',
    link: '/staff/debt-requests?overdue=true',
    roles: ['admin', 'accountant'],
    count: (db, organisationId) => overdueDebtRequests(db, organisationId),
  },
];

/** The counts the caller's roles may see, asked for in parallel. */
export async function organisationSummary(db: Db, organisationId: string, roles: readonly StaffRole[] | 'all') {
  const shown = SUMMARY_COUNTS.filter((c) => roles === 'all' || c.roles.some((r) => roles.includes(r)));
  const counts = await Promise.all(shown.map((c) => c.count(db, organisationId)));
  return shown.map((c, i) => ({ key: c.key, link: c.link, count: counts[i]! }));
}
