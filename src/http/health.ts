import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Pool } from '../db/pool.js';
import type { Boss } from '../db/queue.js';
import { unavailable } from '../errors.js';
import { queueInstalled } from './health.repo.js';

const status = z.object({ status: z.literal('ok') });
const readiness = z.object({ status: z.literal('ok'), database: z.literal('ok'), queue: z.literal('ok') });

/** Liveness says the process answers; readiness says the database and the queue answer too. */
export async function healthRoutes(app: FastifyInstance, deps: { db: Pool; boss?: Boss }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    { schema: { tags: ['ops'], summary: 'The process is up', response: { 200: status } } },
    async () => ({
      status: 'ok' as const,
    }),
  );
  r.get(
    '/readyz',
    {
      schema: { tags: ['ops'], summary: 'The database and the job queue are reachable', response: { 200: readiness } },
    },
    async () => {
      const queue = await withTimeout(queueInstalled(deps.db), 2000).catch(() => null);
      if (queue === null) throw unavailable('database_unavailable', 'The database does not answer');
      if (!queue || !deps.boss) throw unavailable('queue_unavailable', 'The job queue is not installed or not started');
      return { status: 'ok' as const, database: 'ok' as const, queue: 'ok' as const };
    },
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
