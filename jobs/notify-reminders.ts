import { emptyPayload, NOTIFY_REMINDERS_QUEUE } from '../contracts/jobs.js';
import { remindReadingWindows, remindVerifications } from '../src/notify/reminders.js';
import { defineJob } from './define.js';

/**
 * Hourly: reading-window openings and coming verification dates. Hourly, because "today" differs
 * by house time zone; each reminder goes once (notification_log), so extra runs send nothing.
 */
export const notifyReminders = defineJob({
  name: NOTIFY_REMINDERS_QUEUE,
  payload: emptyPayload,
  policy: { retryLimit: 3, retryDelay: 120 },
  schedule: { cron: '7 * * * *', tz: 'Europe/Moscow' },
  async handle(_data, deps) {
    const readingWindows = await remindReadingWindows(deps.db, deps.notifier);
    const verifications = await remindVerifications(deps.db, deps.notifier, deps.config.verificationReminderDays);
    return { readingWindows, verifications };
  },
});
