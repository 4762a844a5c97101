import type { Permission } from '../../contracts/permissions.js';
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
  /** Who sees the count: those who may act on the items. */
  permission: Permission;
  /**
   * A cheap count on an index of the organisation's open items; the lists that staff limited to some
   * houses see filtered (requests, appeals) count those houses only.
   */
  count: (db: Db, organisationId: string, houseIds: string[] | null) => Promise<number>;
}

/** What needs action, in the home's order. Adding a count: one row here (and its Russian name in the console). */
export const SUMMARY_COUNTS: readonly SummaryCount[] = [
  { key: 'tickets.new', link: '/staff/requests?status=new', permission: 'tickets.manage', count: countNewTickets },
  {
    key: 'tickets.overdue',
    link: '/staff/requests?overdue=true',
    permission: 'tickets.manage',
    count: countOverdueTickets,
  },
  { key: 'appeals.waiting', link: '/staff/appeals', permission: 'appeals.answer', count: countWaitingAppeals },
  {
    key: 'accounts.linkRequests',
    link: '/staff/approvals?tab=links',
    permission: 'accounts.approve',
    count: countPendingOrganisationRequests,
  },
  {
    key: 'meters.registrations',
    link: '/staff/approvals?tab=meters',
    permission: 'accounts.approve',
    count: countSubmittedRegistrations,
  },
  {
    key: 'accounts.residentChanges',
    link: '/staff/approvals?tab=residents',
    permission: 'accounts.approve',
    count: countPendingResidentChanges,
  },
  { key: 'sync.refused', link: '/staff/exchange', permission: 'sync.manage', count: countRefusedItems },
  { key: 'payments.pending', link: '/staff/payments', permission: 'payments.refund', count: countPendingPayments },
  {
    key: 'debtRequests.overdue',
    link: '/staff/debt-requests?overdue=true',
    permission: 'debts.answer',
    count: (db, organisationId) => overdueDebtRequests(db, organisationId),
  },
];

/** The counts the caller's permissions cover, asked for in parallel. */
export async function organisationSummary(
  db: Db,
  organisationId: string,
  permissions: readonly string[],
  houseIds: string[] | null = null,
) {
  const shown = SUMMARY_COUNTS.filter((c) => permissions.includes(c.permission));
  const counts = await Promise.all(shown.map((c) => c.count(db, organisationId, houseIds)));
  return shown.map((c, i) => ({ key: c.key, link: c.link, count: counts[i]! }));
}
