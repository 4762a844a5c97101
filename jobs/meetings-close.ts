import { MEETING_CLOSE_QUEUE, meetingClosePayload } from '../contracts/jobs.js';
import { AppError } from '../src/errors.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { withTransaction } from '../src/db/pool.js';
import { closeMeeting, meetingsDueToClose } from '../src/meetings/service.js';
import { defineJob } from './define.js';

/**
 * Closes meetings at their deadline: each announcement enqueues a delayed job starting at the
 * voting end (an instant fixed from the house's local time); a sweep every 5 minutes catches any
 * that a lost job left open. Closing twice is harmless.
 */
export const meetingsClose = defineJob({
  name: MEETING_CLOSE_QUEUE,
  payload: meetingClosePayload,
  policy: { retryLimit: 10, retryDelay: 60, retryBackoff: true },
  deadLetter: true,
  schedule: { cron: '*/5 * * * *', tz: 'UTC' },
  async handle(data, deps) {
    const ports = { enqueue: deps.enqueue, files: deps.files, cipher: createFieldCipher(deps.config.encryptionKeys) };
    const now = new Date();
    if (data.meetingId) {
      // A meeting cancelled, deleted or not yet due will not become closable by retrying this job.
      return withTransaction(deps.db, (tx) => closeMeeting(tx, ports, data.meetingId!, now)).catch((err) => {
        if (err instanceof AppError && err.status < 500) return { skipped: err.code };
        throw err;
      });
    }
    const due = await meetingsDueToClose(deps.db, now);
    for (const id of due) await withTransaction(deps.db, (tx) => closeMeeting(tx, ports, id, now));
    return { closed: due.length };
  },
});
