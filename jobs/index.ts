import type PgBoss from 'pg-boss';
import type { AppDeps } from '../src/deps.js';
import { deadLetterName, type JobDefinition } from './define.js';
import { mailSend } from './mail-send.js';
import { newsAnnounce } from './news-announce.js';
import { notifyReminders } from './notify-reminders.js';
import { registryGarImport } from './registry-gar-import.js';
import { meetingsClose } from './meetings-close.js';
import { sessionsCleanup } from './sessions-cleanup.js';
import { paymentsReconcile } from './payments-reconcile.js';
import { gisSweep, syncDispatch } from './sync-dispatch.js';
import { gisPoll, gisSend } from './gis-exchange.js';
import { importsRun } from './imports-run.js';
import { gisNsiRefresh, gisPull } from './gis-reference.js';

/** Every queue of the service. Both API and worker processes create them (sends need them). */
export const jobs: JobDefinition[] = [
  sessionsCleanup,
  mailSend,
  registryGarImport,
  paymentsReconcile,
  newsAnnounce,
  notifyReminders,
  meetingsClose,
  syncDispatch,
  gisSend,
  gisPoll,
  gisSweep,
  gisNsiRefresh,
  importsRun,
  gisPull,
];

/** Queues that domain code already sends to whose handler is added by a later module. */
const declaredQueues: { name: string; policy?: PgBoss.QueuePolicy }[] = [];

export async function createQueues(boss: PgBoss, definitions: JobDefinition[] = jobs) {
  for (const q of declaredQueues) {
    if (!definitions.some((d) => d.name === q.name)) await boss.createQueue(q.name, { name: q.name, policy: q.policy });
  }
  for (const job of definitions) {
    if (job.deadLetter) await boss.createQueue(deadLetterName(job.name), { name: deadLetterName(job.name) });
    const options = {
      name: job.name,
      ...job.policy,
      ...(job.deadLetter ? { deadLetter: deadLetterName(job.name) } : {}),
    };
    // createQueue keeps an existing queue as it is; updateQueue carries policy changes forward.
    await boss.createQueue(job.name, options);
    await boss.updateQueue(job.name, options);
  }
}

export async function scheduleJobs(boss: PgBoss, definitions: JobDefinition[] = jobs) {
  for (const job of definitions) {
    if (job.schedule) await boss.schedule(job.name, job.schedule.cron, {}, { tz: job.schedule.tz ?? 'Europe/Moscow' });
  }
}

/** Starts a worker per queue. A payload that fails its schema fails the job (it will not heal by retrying). */
export async function startWorkers(boss: PgBoss, deps: AppDeps, definitions: JobDefinition[] = jobs) {
  for (const job of definitions) {
    await boss.work(
      job.name,
      { batchSize: job.batchSize ?? 1, pollingIntervalSeconds: job.pollingIntervalSeconds ?? 2 },
      async (batch) => {
        const results = [];
        for (const item of batch) {
          const data = job.payload.parse(item.data ?? {});
          results.push(await job.handle(data, deps, { id: item.id }));
        }
        return results.length === 1 ? results[0] : results;
      },
    );
  }
}
