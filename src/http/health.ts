import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { unavailable } from '../errors.js';

const status = z.object({ status: z.literal('ok') });
const readiness = z.object({ status: z.literal('ok'), database: z.literal('ok'), queue: z.literal('ok') });

/** Liveness says the process answers; readiness says the database and the queue answer too. */
export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
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
      const probe = await withTimeout(
        deps.db.query(`SELECT to_regclass('pgboss.version') IS NOT NULL AS queue`),
        2000,
      ).catch(() => null);
      if (!probe) throw unavailable('database_unavailable', 'The database does not answer');
      if (!probe.rows[0]?.queue || !deps.boss)
        throw unavailable('queue_unavailable', 'The job queue is not installed or not started');
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
