import { IMPORT_RUN_QUEUE, importRunPayload } from '../contracts/jobs.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { runImport } from '../src/imports/service.js';
import { defineJob } from './define.js';

/** Runs one file import; a retry starts it over (its transaction was rolled back), so nothing is imported twice. */
export const importsRun = defineJob({
  name: IMPORT_RUN_QUEUE,
  payload: importRunPayload,
  policy: { retryLimit: 2, retryDelay: 30, expireInSeconds: 3600 },
  deadLetter: true,
  async handle({ runId }, deps) {
    await runImport(deps.db, deps.enqueue, createFieldCipher(deps.config.encryptionKeys), runId);
  },
});
