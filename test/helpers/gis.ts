import { SYNC_DISPATCH_QUEUE } from '../../contracts/jobs.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import type { TestApp } from './app.js';

/** Polls `fn` until it gives a value; on time-out the error shows every sync item and message. */
export async function syncUntil<T>(t: TestApp, what: string, fn: () => Promise<T | undefined | false>, ms = 25_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) {
      const items = await t.deps.db.query(`SELECT operation, status, error_code, error_text, not_before FROM sync_items ORDER BY operation`);
      const messages = await t.deps.db.query(`SELECT operation, status, attempts, polls, last_error FROM gis_messages`);
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(items.rows)} ${JSON.stringify(messages.rows)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What queueForSync's nudge does: one dispatch job for the demo organisation and an operation. */
export const nudgeSync = (t: TestApp, operation: string) =>
  t.deps.enqueue(t.deps.db, SYNC_DISPATCH_QUEUE, { organisationId: DEMO.organisationId, operation }, { singletonKey: `${DEMO.organisationId}:${operation}` });
