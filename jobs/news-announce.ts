import { NEWS_ANNOUNCE_QUEUE, newsAnnouncePayload } from '../contracts/jobs.js';
import { withTransaction } from '../src/db/pool.js';
import { announceNews } from '../src/news/service.js';
import { defineJob } from './define.js';

/** Emails a notice to the residents of its houses at its publish time (once per person). */
export const newsAnnounce = defineJob({
  name: NEWS_ANNOUNCE_QUEUE,
  payload: newsAnnouncePayload,
  policy: { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  deadLetter: true,
  async handle({ newsId }, deps) {
    return { emailed: await withTransaction(deps.db, (tx) => announceNews(tx, deps.notifier, newsId)) };
  },
});
