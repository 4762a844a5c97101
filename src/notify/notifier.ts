import type { Enqueue, SqlExecutor } from '../../contracts/ports.js';
import { personEmails } from '../identity/persons.repo.js';
import { queueMail } from './mail.js';
import { claimOnce } from './notifications.repo.js';
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
      if (onceKey) ids = await claimOnce(db, onceKey, ids);
      if (!ids.length) return 0;
      const emails = await personEmails(db, ids);
      const { subject, text } = renderNotification(notification, options.publicUrl);
      for (const to of emails) await queueMail(db, enqueue, { to, subject, text });
      return emails.length;
    },
  };
}
