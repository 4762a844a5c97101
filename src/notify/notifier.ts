import type { Enqueue, SqlExecutor } from '../../contracts/ports.js';
import { queueMail } from './mail.js';
import { renderNotification, type Notification } from './templates.js';

export interface Notifier {
  /**
   * Queues the notification's email to each person who has an address, on the caller's
   * transaction. With `onceKey`, a person who already got that key is skipped (reminders, notices).
   * Returns how many emails were queued.
   */
  notify(
    db: SqlExecutor,
    personIds: string[],
    notification: Notification,
    options?: { onceKey?: string },
  ): Promise<number>;
}

/** The one way domain code tells people things: Russian templates, delivered by the mail.send job. */
export function createNotifier(enqueue: Enqueue, options: { publicUrl: string }): Notifier {
  return {
    async notify(db, personIds, notification, { onceKey } = {}) {
      if (!personIds.length) return 0;
      let ids = [...new Set(personIds)];
      if (onceKey) {
        const { rows } = await db.query(
          `INSERT INTO notification_log (key, person_id)
           SELECT $1 || ':' || p, p FROM unnest($2::uuid[]) p
           ON CONFLICT (key) DO NOTHING RETURNING person_id`,
          [onceKey, ids],
        );
        ids = rows.map((r) => r.person_id as string);
      }
      if (!ids.length) return 0;
      const { rows } = await db.query(`SELECT email FROM persons WHERE id = ANY($1::uuid[]) AND email IS NOT NULL`, [
        ids,
      ]);
      const { subject, text } = renderNotification(notification, options.publicUrl);
      for (const r of rows) await queueMail(db, enqueue, { to: r.email, subject, text });
      return rows.length;
    },
  };
}
