import { GIS_POLL_QUEUE, GIS_SEND_QUEUE, gisMessagePayload } from '../contracts/jobs.js';
import { pollMessage, sendMessage } from '../src/sync/gis/exchange.js';
import { defineJob } from './define.js';
import { exchangeContext } from './sync-dispatch.js';

// Transport failures are retried by the handlers themselves (a fresh message after a configurable
// backoff, then dead); pg-boss retries only cover a crashed worker, whose job expires and runs again.
const policy = { retryLimit: 20, retryDelay: 2, retryBackoff: true, expireInSeconds: 30 };

/** Sends one prepared message (signed, fresh MessageGUID) and stores the Ack. */
export const gisSend = defineJob({
  name: GIS_SEND_QUEUE,
  payload: gisMessagePayload,
  policy,
  batchSize: 4,
  pollingIntervalSeconds: 0.5,
  handle: (data, deps) => sendMessage(exchangeContext(deps), data.messageId),
});

/** One getState of an acknowledged message; the next is a delayed job on the operator's schedule. */
export const gisPoll = defineJob({
  name: GIS_POLL_QUEUE,
  payload: gisMessagePayload,
  policy,
  batchSize: 4,
  pollingIntervalSeconds: 0.5,
  handle: (data, deps) => pollMessage(exchangeContext(deps), data.messageId),
});
