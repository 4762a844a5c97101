import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_MEETINGS } from '../../src/sandbox/demo/meetings.js';
import { DEMO_SERVICE } from '../../src/sandbox/demo/service-requests.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { multipartBody, PNG } from '../helpers/multipart-body.js';

// Finding 5 and 10 of issue 14: text PostgreSQL cannot store, broken multipart, deep JSON, an empty
// SOAP body, over-long paths and headers, and a client's request id, each answered as problem+json.

const logLines: string[] = [];
let t: TestApp;
let resident: Record<string, string>;
let org: Record<string, string>;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  t = await startTestApp({ label: 'hostile', listen: true, log: pino({ level: 'info' }, sink) });
  resident = await sessionHeaders(t.deps, DEMO.citizen.personId);
  org = await apiKeyHeaders(t.deps, DEMO.organisationId, [
    'accounts.import',
    'accounts.approve',
    'charges.import',
    'settings.manage',
    'console.view',
    'houses.manage',
    'appeals.answer',
    'tickets.manage',
    'news.publish',
    'meetings.run',
    'payments.refund',
    'sync.manage',
  ]);
});
afterAll(() => t?.close());

const PROBLEM = 'application/problem+json';
const NUL = '\u0000';
const LONE = '\uD800';

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toContain(PROBLEM);
}

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  jsonBody: boolean;
  bodyProps: string[];
}

/** Every operation of the published API, with its parameters and whether it takes a JSON body. */
function operations(): Operation[] {
  const spec = t.app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string }[];
          requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
        }
      >
    >;
  };
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = op.parameters ?? [];
      const json = op.requestBody?.content['application/json'];
      out.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        jsonBody: Boolean(json),
        bodyProps: Object.keys(json?.schema?.properties ?? {}),
      });
    }
  }
  return out;
}

const credentials = (path: string) => (path.startsWith('/api/v1/org') ? org : resident);
const fill = (path: string, value: (name: string) => string) =>
  path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));
const SOME_UUID = '00000000-0000-4000-8000-000000000301';

describe('NUL and unpaired surrogates: every operation answers 400 invalid_text with the field path', () => {
  it('covers query strings, path parameters and JSON bodies of every route', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(60);
    const failures: string[] = [];
    let checked = 0;
    for (const op of ops) {
      if (op.path === '/payments/notify/{provider}') continue; // audits a forged notification first: its own case below
      const headers = { ...credentials(op.path) };
      const cases: { where: string; url: string; payload?: unknown }[] = [];
      const plainUrl = fill(op.path, () => SOME_UUID);
      // A URL carries bytes: %00 decodes to NUL, while no byte sequence decodes to an unpaired surrogate
      // (invalid UTF-8 becomes U+FFFD), so surrogates are sent in JSON bodies only.
      const q = op.queryParams[0] ?? 'q'; // a declared query parameter, or an undeclared one (the guard sees the raw query)
      cases.push({ where: `query.${q}`, url: `${plainUrl}?${q}=a%00b`, payload: op.jsonBody ? {} : undefined });
      for (const p of op.pathParams) {
        cases.push({
          where: `params.${p}`,
          url: fill(op.path, (n) => (n === p ? `a${NUL}b` : SOME_UUID)),
          payload: op.jsonBody ? {} : undefined,
        });
      }
      const streamed = op.path.endsWith('/import'); // rows read from the stream: a bad row is reported by index
      if (op.jsonBody && !streamed) {
        const props = op.bodyProps.length ? op.bodyProps : ['text'];
        for (const bad of [NUL, LONE]) {
          cases.push({
            where: `body.${props[0]}`,
            url: plainUrl,
            payload: Object.fromEntries(props.map((k) => [k, `x${bad}y`])),
          });
        }
      }
      if (streamed) {
        for (const bad of [NUL, LONE]) {
          const res = await t.app.inject({
            method: 'POST',
            url: op.path,
            headers: {
              ...headers,
              'content-type': 'application/json',
              'idempotency-key': `hostile-${Math.random()}`.slice(0, 30),
            },
            payload: JSON.stringify([
              { accountNumber: `1${bad}`, serialNumber: `2${bad}`, resource: 'gas', period: '2026-01', t1: '1.000' },
            ]),
          });
          checked++;
          // Row-wise imports report the row; an all-or-nothing import (court decisions) refuses the batch.
          const refused = res.statusCode === 400 && res.json().code === 'invalid_text';
          const codes =
            res.statusCode === 200
              ? res.json().errors.map((e: { index: number; code: string }) => `${e.index}:${e.code}`)
              : [];
          if (!refused && (!codes.length || codes.some((c: string) => c !== '0:invalid_text')))
            failures.push(`${op.path} row: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
      for (const c of cases) {
        const res = await t.app.inject({
          method: op.method as 'GET',
          url: c.url,
          headers: c.payload !== undefined ? { ...headers, 'content-type': 'application/json' } : headers,
          payload: c.payload === undefined ? undefined : JSON.stringify(c.payload),
        });
        checked++;
        const body = res.headers['content-type']?.toString().includes(PROBLEM) ? res.json() : null;
        const ok =
          res.statusCode === 400 &&
          body?.code === 'invalid_text' &&
          body.errors.some((e: { path: string }) => e.path === c.where);
        if (!ok) failures.push(`${op.method} ${op.path} ${c.where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);
  });

  it('refuses a NUL in a search before it reaches PostgreSQL', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/registry/houses?q=%D0%9F%D1%80%D0%BE%00' });
    expectProblem(res, 400);
    expect(res.json().errors).toEqual([{ path: 'query.q', message: expect.any(String) }]);
  });

  it('refuses an account number with an unpaired surrogate and writes nothing', async () => {
    const count = async () => (await t.deps.db.query(`SELECT count(*)::int AS n FROM accounts`)).rows[0].n as number;
    const before = await count();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/accounts',
      headers: { ...org, 'content-type': 'application/json' },
      // JSON.stringify writes an unpaired surrogate as the escape \ud800, as a client's JSON would carry it.
      payload: JSON.stringify({
        accounts: [{ number: `7700${LONE}1`, houseId: DEMO.houses.moscow, premiseNumber: '12' }],
      }),
    });
    expectProblem(res, 400);
    expect(res.json()).toMatchObject({ code: 'invalid_text', errors: [{ path: 'body.accounts.0.number' }] });
    expect(await count()).toBe(before);
    const { rows } = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM accounts WHERE number LIKE '%' || chr(65533) || '%'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses a forged bank notification with a NUL in OrderId and still audits it', async () => {
    const orderId = `forged${NUL}order`;
    const res = await fetch(`${t.baseUrl}/payments/notify/tbank`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        TerminalKey: 'x',
        OrderId: orderId,
        Success: true,
        Status: `CONFIRMED${NUL}`,
        PaymentId: 1,
        Amount: 100,
        Token: 'forged',
      }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain(PROBLEM);
    expect((await res.json()).code).toBe('notification_forged');
    const { rows } = await t.deps.db.query(
      `SELECT object_id, details FROM audit_log WHERE action = 'payment.notification_forged' AND object_id = $1`,
      ['forged\uFFFDorder'],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].details.status).toBe('CONFIRMED\uFFFD');
  });

  it('answers JSON nested 10,000 deep on bodies with a 400', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const url of ['/api/v1/org/accounts', '/api/v1/org/houses', '/api/v1/org/charges']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { ...org, 'content-type': 'application/json' },
        payload: `{"x":${deep}}`,
      });
      expectProblem(res, 400);
    }
  });
});

describe('malformed multipart on every upload route', () => {
  const uploads = () =>
    operations().filter(
      (op) =>
        op.method === 'POST' &&
        /files$|materials$|paper-ballots$|powers-of-attorney$|meter-registrations$/.test(op.path),
    );

  it('finds the eight upload routes', () => {
    expect(
      uploads()
        .map((u) => u.path)
        .sort(),
    ).toHaveLength(8);
  });

  it('answers a body without a boundary, a cut-off body and a NUL in a field with 400 problems', async () => {
    const failures: string[] = [];
    for (const op of uploads()) {
      // Real objects of the signed-in resident, so that each route gets as far as reading the body.
      const url = fill(op.path, (n) =>
        n === 'accountId'
          ? DEMO.accounts.citizenFlat12
          : n === 'id'
            ? op.path.includes('/tickets/')
              ? DEMO_SERVICE.tickets.ownLeak
              : DEMO_MEETINGS.open
            : SOME_UUID,
      );
      const headers = credentials(op.path);
      const good = multipartBody([['file', 'a.png', PNG]], { title: 'x' });
      const cases = [
        {
          name: 'no boundary',
          headers: { 'content-type': 'multipart/form-data' },
          payload: good.payload,
          code: 'malformed_multipart',
        },
        {
          name: 'cut off',
          headers: good.headers,
          payload: good.payload.subarray(0, good.payload.length - 30),
          code: 'malformed_multipart',
        },
        {
          name: 'NUL in a field',
          ...multipartBody([['file', 'a.png', PNG]], { title: `a${NUL}b`, premiseNumber: `1${NUL}` }),
          code: 'invalid_text',
        },
      ];
      for (const c of cases) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, ...c.headers },
          payload: c.payload,
        });
        const ok =
          res.statusCode === 400 && String(res.headers['content-type']).includes(PROBLEM) && res.json().code === c.code;
        if (!ok) failures.push(`${op.path} ${c.name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the state-system simulator', () => {
  it('answers an empty body with a 400 problem, not a 500', async () => {
    for (const type of ['text/xml', 'application/soap+xml']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/sandbox/gis/ext-bus-home-management-service/services/HomeManagementAsync',
        headers: { 'content-type': type },
        payload: '',
      });
      expectProblem(res, 400);
    }
  });
});

describe('limits of the HTTP parser and router', () => {
  it('answers an over-long path parameter with a 414 problem', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/me/accounts/${'a'.repeat(500)}/meters`, { headers: resident });
    expect(res.status).toBe(414);
    expect(res.headers.get('content-type')).toContain(PROBLEM);
    expect(await res.json()).toMatchObject({ status: 414, code: 'uri_too_long' });
  });

  it('answers a bad %-escape in the path with a 400 problem', async () => {
    const res = await fetch(`${t.baseUrl}/api/v1/me/accounts/%E0%A4%A/meters`, { headers: resident });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain(PROBLEM);
  });

  it('answers headers past the size limit with a 431 problem', async () => {
    const { status, type, body } = await new Promise<{ status: number; type: string; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(`${t.baseUrl}/healthz`, { headers: { 'x-filler': 'a'.repeat(40_000) } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body: text }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(status).toBe(431);
    expect(type).toContain(PROBLEM);
    expect(JSON.parse(body)).toMatchObject({ status: 431, code: 'headers_too_large' });
  });
});

describe('x-request-id (finding 10)', () => {
  it('keeps a short safe id from the client, in the answer and the log', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-1234.abc_DEF' } });
    expect(res.headers['x-request-id']).toBe('lb-1234.abc_DEF');
  });

  it('replaces an id that is too long or carries other characters', async () => {
    const hostile = ['a'.repeat(65), 'abc def', 'x\r\ny', '<script>', 'Иванов', 'a"}', ''];
    for (const given of hostile) {
      const marker = `probe-${Math.random().toString(36).slice(2)}`;
      const res = await t.app.inject({ method: 'GET', url: `/no/such/${marker}`, headers: { 'x-request-id': given } });
      const id = String(res.headers['x-request-id']);
      expect(id).not.toBe(given);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.json().requestId).toBe(id);
      const line = logLines.find((l) => l.includes(marker));
      expect(line).toBeDefined();
      expect(JSON.parse(line!).reqId).toBe(id);
    }
  });
});
