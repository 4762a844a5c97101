import { createStateSystem } from '../../adapters/gis/index.js';
import { SYNC_DISPATCH_QUEUE } from '../../contracts/jobs.js';
import { createFieldCipher } from '../../src/identity/crypto.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import type { Config } from '../../src/config.js';
import type { TestApp } from './app.js';

/** Polls `fn` until it gives a value; on time-out the error shows every sync item and message. */
export async function syncUntil<T>(
  t: TestApp,
  what: string,
  fn: () => Promise<T | undefined | false>,
  ms = 25_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) {
      const items = await t.deps.db.query(
        `SELECT operation, status, error_code, error_text, not_before FROM sync_items ORDER BY operation`,
      );
      const messages = await t.deps.db.query(`SELECT operation, status, attempts, polls, last_error FROM gis_messages`);
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(items.rows)} ${JSON.stringify(messages.rows)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What queueForSync's nudge does: one dispatch job for the demo organisation and an operation. */
export const nudgeSync = (t: TestApp, operation: string) =>
  t.deps.enqueue(
    t.deps.db,
    SYNC_DISPATCH_QUEUE,
    { organisationId: DEMO.organisationId, operation },
    { singletonKey: `${DEMO.organisationId}:${operation}` },
  );

/**
 * The state-system client pointed at the app's simulator, with the app's field cipher for payers' data
 * (startTestApp's `stateSystem: (config) => gisClient(config, ms)`).
 */
export const gisClient = (config: Config, timeoutMs = 5000) =>
  createStateSystem({
    baseUrl: `${config.publicUrl}/sandbox/gis`,
    timeoutMs,
    decrypt: createFieldCipher(config.encryptionKeys).decrypt,
  });

/**
 * What the sweep does first in a running service: fetches the NSI books and the demo houses' premises
 * GUIDs and waits until the state system answered (with the simulator's injected faults off meanwhile).
 */
export async function primeReferenceData(t: TestApp) {
  const { queueReferenceData } = await import('../../src/sync/gis/reference-sources.js');
  const sim = t.deps.config.gis.simulator;
  const faultRate = sim.faultRate;
  sim.faultRate = 0;
  try {
    await queueReferenceData(t.deps.db, t.deps.enqueue, DEMO.organisationId);
    await syncUntil(
      t,
      'reference data',
      async () => {
        const { rows } = await t.deps.db.query(
          `SELECT count(*) FILTER (WHERE status <> 'accepted')::int AS open FROM sync_items WHERE operation IN ('exportNsiItem', 'exportHouseData')`,
        );
        return rows[0].open === 0;
      },
      60_000,
    );
  } finally {
    sim.faultRate = faultRate;
  }
}
