import { GIS_ERRORS, GIS_OPERATIONS } from '../contracts/gis/operations.js';
import { type GisState, GisTransportError } from '../contracts/gis/ports.js';
import { GIS_POLL_QUEUE, GIS_SEND_QUEUE, gisMessagePayload } from '../contracts/jobs.js';
import type { AppDeps } from '../src/deps.js';
import { withTransaction } from '../src/db/pool.js';
import {
  applyResults,
  buryMessage,
  recordAck,
  rejectMessage,
  schedulePoll,
  scheduleResend,
} from '../src/sync/gis/exchange.js';
import { withUploadedAttachments } from '../src/sync/gis/attachments.js';
import { findMessage } from '../src/sync/gis/messages.repo.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { defineJob } from './define.js';

// Transport failures are retried by the handlers themselves (a fresh message after a configurable
// backoff, then dead); pg-boss retries only cover a crashed worker, whose job expires and runs again.
const policy = { retryLimit: 20, retryDelay: 2, retryBackoff: true, expireInSeconds: 30 };

const stateSystemOf = (deps: AppDeps) => {
  if (!deps.stateSystem) throw new Error('no state-system client is configured in this process');
  return deps.stateSystem;
};

/** Sends a prepared message as a freshly built and signed one; on Ack, stores its MessageGUID and schedules getState. */
export const gisSend = defineJob({
  name: GIS_SEND_QUEUE,
  payload: gisMessagePayload,
  policy,
  batchSize: 4,
  pollingIntervalSeconds: 0.5,
  async handle({ messageId }, deps) {
    const m = await findMessage(deps.db, messageId);
    if (m?.status !== 'prepared') return { skipped: m?.status ?? 'missing' };
    const stateSystem = stateSystemOf(deps);
    const orgPpaGuid = m.org_ppa_guid;
    if (!orgPpaGuid) {
      await withTransaction(deps.db, (tx) => buryMessage(tx, m.id, 'The organisation has no orgPPAGUID'));
      return { dead: true };
    }
    try {
      const items = await withUploadedAttachments(deps.db, deps.files, stateSystem, { orgPpaGuid }, m);
      const sent = await stateSystem.send(m.operation, { orgPpaGuid }, items);
      await withTransaction(deps.db, (tx) => recordAck(tx, deps.enqueue, deps.config.gis, m.id, sent));
      return { acked: sent.ack.messageGuid };
    } catch (err) {
      if (!(err instanceof GisTransportError)) throw err;
      if (!err.retryable) {
        await withTransaction(deps.db, (tx) => buryMessage(tx, m.id, err.message));
        return { dead: true };
      }
      await withTransaction(deps.db, (tx) => scheduleResend(tx, deps.enqueue, deps.config.gis, m, err.message));
      return { retry: err.message };
    }
  },
});

/** One getState of an acknowledged message; the next is a delayed job on the operator's schedule. */
export const gisPoll = defineJob({
  name: GIS_POLL_QUEUE,
  payload: gisMessagePayload,
  policy,
  batchSize: 4,
  pollingIntervalSeconds: 0.5,
  async handle({ messageId }, deps) {
    const m = await findMessage(deps.db, messageId);
    if (m?.status !== 'acked' || !m.ack_guid) return { skipped: m?.status ?? 'missing' };
    const stateSystem = stateSystemOf(deps);
    const again = (error?: string) =>
      withTransaction(deps.db, (tx) => schedulePoll(tx, deps.enqueue, deps.config.gis, m.id, m.polls + 1, error));
    let state: GisState;
    try {
      state = await stateSystem.getState(m.operation, { orgPpaGuid: m.org_ppa_guid! }, m.ack_guid);
    } catch (err) {
      if (!(err instanceof GisTransportError)) throw err;
      await again(err.message);
      return { retry: err.message };
    }
    if (state.requestState !== 3) {
      await again();
      return { state: state.requestState };
    }
    const { error } = state;
    if (GIS_OPERATIONS[m.operation].kind === 'export' && (!error || error.code === GIS_ERRORS.nothingToExport)) {
      // An export's answer (or "nothing to export", a warning) is the result of the message's one query.
      const context = { cipher: createFieldCipher(deps.config.encryptionKeys), log: deps.log };
      await withTransaction(deps.db, (tx) => applyResults(tx, deps.enqueue, m, [], error ? null : state, context));
      return { exported: true };
    }
    if (error) {
      // EXP001000: nothing was taken; send again as a fresh message.
      if (error.code === GIS_ERRORS.transfer) {
        await withTransaction(deps.db, (tx) =>
          scheduleResend(tx, deps.enqueue, deps.config.gis, m, `${error.code}: ${error.description}`),
        );
        return { retry: error.code };
      }
      await withTransaction(deps.db, (tx) => rejectMessage(tx, m.id, error));
      return { rejected: error.code };
    }
    await withTransaction(deps.db, (tx) => applyResults(tx, deps.enqueue, m, state.results));
    return { done: state.results.length };
  },
});
