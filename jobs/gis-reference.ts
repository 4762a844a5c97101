import { GIS_NSI_REFRESH_QUEUE, GIS_PULL_QUEUE, gisNsiRefreshPayload, gisPullPayload } from '../contracts/jobs.js';
import { withTransaction } from '../src/db/pool.js';
import { queueReferenceData } from '../src/sync/gis/reference-sources.js';
import { queuePulls } from '../src/sync/gis/service-sources.js';
import { enabledOrganisations } from '../src/sync/gis/sync.repo.js';
import { defineJob } from './define.js';

/**
 * Daily (and on demand for one organisation): queues exportNsiItem for each reference book the hub uses
 * and exportHouseData for each house, as a new revision per day, so each day's refresh is sent once.
 */
export const gisNsiRefresh = defineJob({
  name: GIS_NSI_REFRESH_QUEUE,
  payload: gisNsiRefreshPayload,
  policy: { retryLimit: 3, retryDelay: 60 },
  schedule: { cron: '30 3 * * *' },
  async handle(data, deps) {
    const revision = Math.floor(Date.now() / 86_400_000);
    const organisations = await enabledOrganisations(deps.db, data.organisationId);
    let houses = 0;
    for (const organisationId of organisations) {
      houses += (await withTransaction(deps.db, (tx) => queueReferenceData(tx, deps.enqueue, organisationId, revision)))
        .houses;
    }
    return { organisations: organisations.length, houses };
  },
});

/**
 * Asks the state system for appeals and debt subrequests addressed to each organisation with the exchange on,
 * and for the readings residents entered there (exportMeteringDeviceHistory).
 */
export const gisPull = defineJob({
  name: GIS_PULL_QUEUE,
  payload: gisPullPayload,
  policy: { retryLimit: 2, retryDelay: 60 },
  schedule: { cron: '*/5 * * * *' },
  async handle(data, deps) {
    const organisations = await enabledOrganisations(deps.db, data.organisationId);
    let pulls = 0;
    for (const organisationId of organisations)
      pulls += await withTransaction(deps.db, (tx) => queuePulls(tx, deps.enqueue, organisationId));
    return { organisations: organisations.length, pulls };
  },
});
