import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ruleViolated } from '../../src/errors.js';
import { requirePermission, requirePerson } from '../../src/http/auth.js';
import { revokeApiClient } from '../../src/identity/api-clients.repo.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

// Probe routes exercising the error mapping and auth guards the domain modules rely on.
async function probes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/probe/readings',
    {
      schema: {
        body: z.object({
          readings: z.array(z.object({ meterId: z.uuid(), value: z.string().regex(/^\d+(\.\d{1,3})?$/) })).min(1),
        }),
      },
    },
    async (req) => ({ count: req.body.readings.length }),
  );
  r.get('/probe/rule', async () => {
    throw ruleViolated('reading_below_previous', 'The reading is below the previous one', { meterId: 'm1' });
  });
  r.get('/probe/crash', async () => {
    throw new Error('secret internal detail');
  });
  r.get('/probe/pg', async () => app.pg.query(`SELECT 'not-a-uuid'::uuid`));
  r.get('/probe/me', async (req) => ({ personId: requirePerson(req).personId }));
  r.post('/probe/me', async (req) => ({ personId: requirePerson(req).personId }));
  r.get('/probe/org', async (req) => requirePermission(req, 'console.view'));
}

declare module 'fastify' {
  interface FastifyInstance {
    pg: { query(sql: string): Promise<unknown> };
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    label: 'http',
    plugins: [
      async (app, deps) => {
        app.decorate('pg', { query: (sql: string) => deps.db.query(sql) });
        await probes(app);
      },
    ],
  });
});
afterAll(() => t?.close());

const problemType = 'application/problem+json';

describe('problem+json', () => {
  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/no/such/route' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain(problemType);
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'route_not_found',
      title: 'Not Found',
      instance: '/no/such/route',
    });
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('lists field paths for validation errors', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/probe/readings',
      payload: { readings: [{ meterId: 'nope', value: '12.3456' }] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const paths = body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['body.readings.0.meterId', 'body.readings.0.value']);
  });

  it('answers malformed JSON and a wrong media type as client errors', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/probe/readings',
      headers: { 'content-type': 'application/json' },
      payload: '{"readings": [',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('malformed_body');
    const media = await t.app.inject({
      method: 'POST',
      url: '/probe/readings',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(media.statusCode).toBe(415);
    expect(media.json().code).toBe('unsupported_media_type');
  });

  it('limits the body size', async () => {
    const big = JSON.stringify({ readings: [{ meterId: 'x'.repeat(2 * 1024 * 1024), value: '1' }] });
    const res = await t.app.inject({
      method: 'POST',
      url: '/probe/readings',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('body_too_large');
  });

  it('carries domain rule details', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/probe/rule' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'reading_below_previous',
      meterId: 'm1',
      detail: 'The reading is below the previous one',
    });
  });

  it('hides the text and stack of internal errors', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/probe/crash' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('at ');
    expect(res.json().code).toBe('internal');
  });

  it('maps database input errors to 400, not 500', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/probe/pg' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_value');
  });
});

describe('auth guards', () => {
  it('needs a session for resident routes and a CSRF token for cookie writes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/probe/me' })).statusCode).toBe(401);
    const headers = await sessionHeaders(t.deps, DEMO.citizen.personId);
    const ok = await t.app.inject({ method: 'GET', url: '/probe/me', headers: { cookie: headers.cookie } });
    expect(ok.json()).toEqual({ personId: DEMO.citizen.personId });
    const noCsrf = await t.app.inject({ method: 'POST', url: '/probe/me', headers: { cookie: headers.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf_failed');
    const withCsrf = await t.app.inject({ method: 'POST', url: '/probe/me', headers });
    expect(withCsrf.statusCode).toBe(200);
  });

  it('checks API key permissions and refuses a revoked key at once', async () => {
    const headers = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view']);
    const ok = await t.app.inject({ method: 'GET', url: '/probe/org', headers });
    expect(ok.json()).toMatchObject({ organisationId: DEMO.organisationId, actorType: 'api_client' });
    const { rows } = await t.deps.db.query(`SELECT id FROM api_clients ORDER BY created_at DESC LIMIT 1`);
    await revokeApiClient(t.deps.db, DEMO.organisationId, rows[0].id);
    const refused = await t.app.inject({ method: 'GET', url: '/probe/org', headers });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('invalid_api_key');
  });

  it('refuses a key without the permission', async () => {
    const headers = await apiKeyHeaders(t.deps, DEMO.organisationId, ['charges.import']);
    const res = await t.app.inject({ method: 'GET', url: '/probe/org', headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('permission_missing');
  });
});

describe('operations endpoints', () => {
  it('reports liveness, readiness and metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ok',
      database: 'ok',
      queue: 'ok',
    });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('db_pool_connections{state="total"}');
    expect(metrics.body).toContain('queue_jobs');
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.paths['/readyz']).toBeDefined();
    expect(spec.paths['/probe/readings']).toBeDefined();
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
  });
});
