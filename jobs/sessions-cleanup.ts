import { emptyPayload, SESSIONS_CLEANUP_QUEUE } from '../contracts/jobs.js';
import { deleteExpiredSessions } from '../src/identity/sessions.repo.js';
import { defineJob } from './define.js';

/** Drops sessions a month after they expired or were revoked, so the table stays small. */
export const sessionsCleanup = defineJob({
  name: SESSIONS_CLEANUP_QUEUE,
  payload: emptyPayload,
  policy: { retryLimit: 2, retryDelay: 60 },
  schedule: { cron: '17 3 * * *', tz: 'Europe/Moscow' },
  async handle(_data, deps) {
    return { deleted: await deleteExpiredSessions(deps.db) };
  },
});
