import { SYNC_DISPATCH_QUEUE, syncDispatchPayload } from '../contracts/jobs.js';
import { dispatch } from '../src/sync/gis/exchange.js';
import type { AppDeps } from '../src/deps.js';
import { defineJob } from './define.js';

export const exchangeContext = (deps: AppDeps) => ({ db: deps.db, enqueue: deps.enqueue, stateSystem: deps.stateSystem, gis: deps.config.gis });

/** Batches an organisation's pending sync_items of one operation into messages (one queued nudge per pair). */
export const syncDispatch = defineJob({
  name: SYNC_DISPATCH_QUEUE,
  payload: syncDispatchPayload,
  policy: { policy: 'stately', retryLimit: 5, retryDelay: 5, retryBackoff: true },
  async handle(data, deps) {
    return { messages: await dispatch(exchangeContext(deps), data.organisationId, data.operation) };
  },
});
