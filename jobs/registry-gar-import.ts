import { GAR_IMPORT_QUEUE, garImportPayload } from '../contracts/jobs.js';
import { importGarDirectory } from '../src/registry/gar/import.js';
import { resolveGarDirectory } from '../src/registry/gar/location.js';
import { defineJob } from './define.js';

/** Runs a ГАР import; an interrupted run is retried and resumes from the files' checkpoints. */
export const registryGarImport = defineJob({
  name: GAR_IMPORT_QUEUE,
  payload: garImportPayload,
  // A national export takes hours; the checkpoint makes a retry continue rather than start over.
  policy: { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 12 * 3600 },
  deadLetter: true,
  async handle({ directory }, deps) {
    const report = await importGarDirectory(deps.db, resolveGarDirectory(deps.config.garImportDir, directory), {
      log: (m) => deps.log.info({ directory }, m),
    });
    deps.log.info({ directory, houses: report.houses, files: report.files.length }, 'ГАР import finished');
    return report.houses;
  },
});
