import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Pool } from '../db/pool.js';
import { countJobs } from './metrics.repo.js';

/** Prometheus metrics on a registry of this app's own (tests build several apps in one process). */
export const metricsPlugin = fp(
  async (app: FastifyInstance, deps: { db: Pool }) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });

    const latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route template',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    const errors = new Counter({
      name: 'http_errors_total',
      help: 'HTTP responses with a problem code',
      labelNames: ['status', 'code'] as const,
      registers: [registry],
    });
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool connections by state',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        this.set({ state: 'total' }, deps.db.totalCount);
        this.set({ state: 'idle' }, deps.db.idleCount);
        this.set({ state: 'waiting' }, deps.db.waitingCount);
      },
    });
    new Gauge({
      name: 'queue_jobs',
      help: 'pg-boss jobs by queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        const rows = await countJobs(deps.db).catch(() => []);
        for (const r of rows) this.set({ queue: r.name, state: r.state }, r.n);
      },
    });

    // Callback-style hooks: these run on every request, and an async hook costs a promise each time.
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      latency.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      done();
    });
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (reply.statusCode >= 400 && String(reply.getHeader('content-type')).startsWith('application/problem+json')) {
        const code = typeof payload === 'string' ? /"code":"([^"]+)"/.exec(payload)?.[1] : undefined;
        errors.inc({ status: String(reply.statusCode), code: code ?? 'unknown' });
      }
      done(null, payload);
    });

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    });
  },
  { name: 'metrics' },
);
