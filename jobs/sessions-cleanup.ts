import { z } from 'zod';
import { deleteExpiredSessions } from '../src/identity/sessions.repo.js';
import { defineJob } from './define.js';

/** Drops sessions a month after they expired or were revoked, so the table stays small. */
export const sessionsCleanup = defineJob({
  name: 'maintenance.sessions-cleanup',
  payload: z.object({}).loose(),
  policy: { retryLimit: 2, retryDelay: 60 },
  schedule: { cron: '17 3 * * *', tz: 'Europe/Moscow' },
  async handle(_data, deps) {
    return { deleted: await deleteExpiredSessions(deps.db) };
  },
});
