import { withTransaction, type Pool } from '../db/pool.js';
import { accountsInReadingWindow, metersDueForVerification } from '../metering/meters.repo.js';
import type { Notifier } from './notifier.js';

// Steps of the notify.reminders job: each notice commits on its own transaction, so one that fails is
// retried by the next run without resending the others.

/**
 * Tells residents that the organisation's reading window has opened (today, in the house's time
 * zone, is inside it) for an account with meters. Once per person, account and period.
 */
export async function remindReadingWindows(pool: Pool, notifier: Notifier): Promise<number> {
  let sent = 0;
  for (const r of await accountsInReadingWindow(pool)) {
    sent += await withTransaction(pool, (tx) =>
      notifier.notify(
        tx,
        r.people,
        {
          kind: 'reading_window',
          accountNumber: r.number,
          address: r.full_address,
          startDay: r.start_day,
          endDay: r.end_day,
          period: r.period,
        },
        { onceKey: `reading-window:${r.id}:${r.period}` },
      ),
    );
  }
  return sent;
}

/**
 * Reminds residents of meters whose next verification (поверка) falls within `days` from today in
 * the house's time zone. Once per person, meter and verification date: a moved date reminds again.
 */
export async function remindVerifications(pool: Pool, notifier: Notifier, days: number): Promise<number> {
  let sent = 0;
  for (const r of await metersDueForVerification(pool, days)) {
    sent += await withTransaction(pool, (tx) =>
      notifier.notify(
        tx,
        r.people,
        {
          kind: 'verification_due',
          serialNumber: r.serial_number,
          resource: r.resource,
          dueOn: r.due_on,
          accountNumber: r.number,
        },
        { onceKey: `verification:${r.id}:${r.due_on}` },
      ),
    );
  }
  return sent;
}
