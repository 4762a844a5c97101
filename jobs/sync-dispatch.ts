import { emptyPayload, GIS_SWEEP_QUEUE, SYNC_DISPATCH_QUEUE, syncDispatchPayload } from '../contracts/jobs.js';
import { withTransaction } from '../src/db/pool.js';
import { dispatchBatch, redispatchHeld } from '../src/sync/gis/exchange.js';
import { queueReferenceData } from '../src/sync/gis/reference-sources.js';
import { isSyncedOperation } from '../src/sync/gis/sources.js';
import { dueDispatches, enabledOrganisations, getSyncEnabled } from '../src/sync/gis/sync.repo.js';
import { queueUnsynced } from '../src/sync/gis/unsynced.js';
import { defineJob } from './define.js';

/**
 * Batches an organisation's pending sync_items of one operation into messages (one queued nudge per
 * pair): a transaction per batch, until none is due.
 */
export const syncDispatch = defineJob({
  name: SYNC_DISPATCH_QUEUE,
  payload: syncDispatchPayload,
  // A dispatch is a few short transactions (SKIP LOCKED, so an overlapping retry is harmless); pg-boss's
  // default 15-minute expiry let a job held by a killed worker block its stately queue for that long.
  policy: { policy: 'stately', retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
  async handle({ organisationId, operation }, deps) {
    if (!isSyncedOperation(operation) || !(await getSyncEnabled(deps.db, organisationId))) return { messages: 0 };
    let messages = 0;
    for (;;) {
      const created = await withTransaction(deps.db, (tx) =>
        dispatchBatch(tx, deps.enqueue, organisationId, operation),
      );
      if (created === null) break;
      messages += created;
    }
    await redispatchHeld(deps.db, deps.enqueue, organisationId, operation);
    return { messages };
  },
});

/**
 * Every minute, for each organisation with sync on: queues what the state system does not know yet
 * (queueUnsynced) and nudges dispatch of pending items, a safety net for rows written without a nudge
 * and for nudges lost with a crashed worker.
 */
export const gisSweep = defineJob({
  name: GIS_SWEEP_QUEUE,
  payload: emptyPayload,
  policy: { retryLimit: 1, retryDelay: 30 },
  schedule: { cron: '* * * * *' },
  async handle(_data, deps) {
    for (const organisationId of await enabledOrganisations(deps.db)) {
      // The reference data first (once; the daily gis.nsi-refresh keeps it current), then the rows. No
      // transaction: each statement stands alone and skips rows already queued.
      await queueReferenceData(deps.db, deps.enqueue, organisationId);
      await queueUnsynced(deps.db, organisationId);
    }
    const due = await dueDispatches(deps.db);
    for (const { organisationId, operation } of due) {
      await deps.enqueue(
        deps.db,
        SYNC_DISPATCH_QUEUE,
        { organisationId, operation },
        { singletonKey: `${organisationId}:${operation}` },
      );
    }
    return { nudged: due.length };
  },
});
