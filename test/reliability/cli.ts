// `npm run reliability`: the reliability run of scenario.ts (2 API + 2 worker processes, mixed load,
// SIGKILLs every few seconds), RELIABILITY_RUNS times in a row (default 1) for RELIABILITY_SECONDS of load
// each (default 300; CI runs 45), on a fresh embedded PostgreSQL per run (or RELIABILITY_DATABASE_URL, a
// database of its own). Prints each run's report; the last line says PASSED or FAILED; the exit code follows.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded.js';
import { migrate } from '../../src/db/migrate.js';
import { runReliability, type ReliabilityReport } from './scenario.js';

const runs = Number(process.env.RELIABILITY_RUNS ?? 1);
const seconds = Number(process.env.RELIABILITY_SECONDS ?? 300);

/** What must hold after a run; each failure is one line. */
export function failures(r: ReliabilityReport): string[] {
  const f: string[] = [];
  if (r.kills.api + r.kills.worker === 0) f.push('no process was killed');
  if (r.readings.accepted === 0 || r.imports.accepted === 0) f.push('no reading or import was accepted');
  if (r.readings.missing || r.readings.duplicated)
    f.push(`readings: ${r.readings.missing} missing, ${r.readings.duplicated} duplicated`);
  if (r.imports.missing || r.imports.duplicated)
    f.push(`imported readings: ${r.imports.missing} missing, ${r.imports.duplicated} duplicated`);
  if (r.payments.wrongBookings.length)
    f.push(`payments not booked exactly once: ${r.payments.wrongBookings.slice(0, 5).join('; ')}`);
  if (r.exports.pending) f.push(`exports: ${r.exports.pending} of ${r.exports.readings} still pending`);
  if (r.exports.accepted !== r.exports.readings)
    f.push(`exports: ${r.exports.accepted} of ${r.exports.readings} accepted`);
  if (r.exports.notOnce || r.exports.simulatorObjects !== r.exports.accepted) {
    f.push(`exports: ${r.exports.notOnce} not on the simulator exactly once (${r.exports.simulatorObjects} objects)`);
  }
  if (!r.exports.statsMatch)
    f.push('the simulator accepted a different number of readings than the hub holds as accepted');
  if (r.stuckJobs.length) f.push(`stuck jobs: ${JSON.stringify(r.stuckJobs)}`);
  if (r.signIns === 0) f.push('no sign-in succeeded');
  if (r.brokenSessions.length) f.push(`broken sessions: ${r.brokenSessions.slice(0, 5).join('; ')}`);
  return f;
}

let failed = 0;
for (let run = 1; run <= runs; run++) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-reliability-'));
  const embedded = process.env.RELIABILITY_DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), database: 'domhub_reliability' });
  const url = process.env.RELIABILITY_DATABASE_URL ?? embedded!.url;
  await migrate(url);
  const started = Date.now();
  try {
    const report = await runReliability({
      databaseUrl: url,
      loadSeconds: seconds,
      logFile: path.join(os.tmpdir(), `domhub-reliability-${run}.log`),
      payments: seconds < 120 ? 60 : 300,
      // The short run kills less often: on a loaded 2-core machine a process needs 10–30 s to start again.
      killMinMs: seconds < 120 ? 5000 : 3000,
      killMaxMs: seconds < 120 ? 9000 : 6000,
      progress: (line) => console.log(`  [${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`),
    });
    const f = failures(report);
    console.log(JSON.stringify(report, null, 1));
    console.log(
      `run ${run}: ${f.length ? `FAILED\n  ${f.join('\n  ')}` : 'passed'} ` +
        `(${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    if (f.length) failed++;
  } catch (err) {
    failed++;
    console.log(`run ${run}: FAILED: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await embedded?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
console.log(`reliability: ${failed ? 'FAILED' : 'PASSED'}: ${runs - failed} of ${runs} runs of ${seconds} s`);
process.exit(failed ? 1 : 0);
