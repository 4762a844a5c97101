import { MAIL_QUEUE, mailPayload } from '../contracts/jobs.js';
import { defineJob } from './define.js';

/** Delivers a queued email through the Mailer port, retrying with backoff. */
export const mailSend = defineJob({
  name: MAIL_QUEUE,
  payload: mailPayload,
  policy: { retryLimit: 8, retryDelay: 30, retryBackoff: true },
  deadLetter: true,
  async handle(message, deps) {
    await deps.mailer.send(message);
  },
});
