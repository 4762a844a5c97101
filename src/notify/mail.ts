import type { Enqueue, MailMessage, SqlExecutor } from '../../contracts/ports.js';
import { MAIL_QUEUE } from '../../contracts/jobs.js';

/**
 * Queues an email on the caller's transaction; the `mail.send` job delivers it through the Mailer
 * with retries, so a rolled-back change sends nothing and a committed one is not lost.
 */
export async function queueMail(db: SqlExecutor, enqueue: Enqueue, message: MailMessage) {
  return enqueue(db, MAIL_QUEUE, message, { retryLimit: 8, retryDelay: 30, retryBackoff: true });
}
