import type pg from 'pg';
import { withTransaction } from '../db/pool.js';
import type { Notifier } from './notifier.js';
import type { Resource } from './templates.js';

/**
 * Tells residents that the organisation's reading window has opened (today, in the house's time
 * zone, is inside it) for an account with meters. Once per person, account and period.
 */
export async function remindReadingWindows(pool: pg.Pool, notifier: Notifier): Promise<number> {
  const { rows } = await pool.query(
    `SELECT a.id, a.number, h.full_address, o.reading_window_start_day AS start_day, o.reading_window_end_day AS end_day,
            to_char((now() AT TIME ZONE h.timezone)::date, 'YYYY-MM') AS period,
            array_agg(DISTINCT l.person_id) AS people
       FROM accounts a
       JOIN houses h ON h.id = a.house_id
       JOIN organisations o ON o.id = a.organisation_id
       JOIN account_links l ON l.account_id = a.id AND l.revoked_at IS NULL
      WHERE a.status = 'open'
        AND EXISTS (SELECT 1 FROM meters m WHERE m.account_id = a.id AND m.archived_at IS NULL)
        AND extract(day FROM now() AT TIME ZONE h.timezone) BETWEEN o.reading_window_start_day AND o.reading_window_end_day
      GROUP BY a.id, a.number, h.full_address, o.reading_window_start_day, o.reading_window_end_day, h.timezone`,
  );
  let sent = 0;
  for (const r of rows) {
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
export async function remindVerifications(pool: pg.Pool, notifier: Notifier, days: number): Promise<number> {
  const { rows } = await pool.query(
    `SELECT m.id, m.serial_number, m.resource, to_char(m.next_verification, 'YYYY-MM-DD') AS due_on, a.number,
            array_agg(DISTINCT l.person_id) AS people
       FROM meters m
       JOIN accounts a ON a.id = m.account_id
       JOIN houses h ON h.id = a.house_id
       JOIN account_links l ON l.account_id = a.id AND l.revoked_at IS NULL AND l.role IN ('owner', 'co_owner', 'tenant')
      WHERE m.archived_at IS NULL AND a.status = 'open'
        AND m.next_verification BETWEEN (now() AT TIME ZONE h.timezone)::date AND (now() AT TIME ZONE h.timezone)::date + $1::int
      GROUP BY m.id, m.serial_number, m.resource, m.next_verification, a.number`,
    [days],
  );
  let sent = 0;
  for (const r of rows) {
    sent += await withTransaction(pool, (tx) =>
      notifier.notify(
        tx,
        r.people,
        {
          kind: 'verification_due',
          serialNumber: r.serial_number,
          resource: r.resource as Resource,
          dueOn: r.due_on,
          accountNumber: r.number,
        },
        { onceKey: `verification:${r.id}:${r.due_on}` },
      ),
    );
  }
  return sent;
}
