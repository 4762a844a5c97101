import { emptyPayload, GIS_SWEEP_QUEUE, SYNC_DISPATCH_QUEUE, syncDispatchPayload } from '../contracts/jobs.js';
import { dispatch } from '../src/sync/gis/exchange.js';
import { queueUnsynced } from '../src/sync/gis/sync.repo.js';
import { queueReferenceData } from '../src/sync/gis/reference-sources.js';
import type { AppDeps } from '../src/deps.js';
import { defineJob } from './define.js';

export const exchangeContext = (deps: AppDeps) => ({
  db: deps.db,
  enqueue: deps.enqueue,
  stateSystem: deps.stateSystem,
  gis: deps.config.gis,
});

/** Batches an organisation's pending sync_items of one operation into messages (one queued nudge per pair). */
export const syncDispatch = defineJob({
  name: SYNC_DISPATCH_QUEUE,
  payload: syncDispatchPayload,
  // A dispatch is a few short transactions (SKIP LOCKED, so an overlapping retry is harmless); pg-boss's
  // default 15-minute expiry let a job held by a killed worker block its stately queue for that long.
  policy: { policy: 'stately', retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
  async handle(data, deps) {
    return { messages: await dispatch(exchangeContext(deps), data.organisationId, data.operation) };
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
    const { rows: orgs } = await deps.db.query(`SELECT organisation_id FROM gis_sync_settings WHERE enabled`);
    for (const o of orgs) {
      // The reference data first (once; the daily gis.nsi-refresh keeps it current), then the rows.
      await queueReferenceData(deps.db, deps.enqueue, o.organisation_id);
      await queueUnsynced(deps.db, o.organisation_id);
    }
    const { rows } = await deps.db.query(
      `SELECT DISTINCT s.organisation_id, s.operation FROM sync_items s JOIN gis_sync_settings g ON g.organisation_id = s.organisation_id AND g.enabled
        WHERE s.target = 'gis' AND s.status = 'pending' AND (s.not_before IS NULL OR s.not_before <= now())`,
    );
    for (const r of rows) {
      await deps.enqueue(
        deps.db,
        SYNC_DISPATCH_QUEUE,
        { organisationId: r.organisation_id, operation: r.operation },
        { singletonKey: `${r.organisation_id}:${r.operation}` },
      );
    }
    return { nudged: rows.length };
  },
});
