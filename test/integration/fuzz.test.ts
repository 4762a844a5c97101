import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_METERS } from '../../src/sandbox/demo/metering.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { PERMISSIONS } from '../../contracts/permissions.js';
import { GIS_SERVICES } from '../../contracts/gis/operations.js';

// Hostile input for every operation of openapi/openapi.json, generated from its schemas with fast-check:
// wrong types, huge strings, deep JSON, NUL and lone surrogates, SQL and XML injection strings, malformed
// and oversized uploads; XML bombs and external entities towards the state-system simulator's SOAP
// endpoints. Every answer must be below 500, within the time limit, a problem+json when it refuses, and a
// refusal must leave the stored data as it was. An operation that got no hostile request fails the test.
// FUZZ_RUNS (default 1) sets the generated requests per operation and kind; CI keeps the default.

const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const HANG_MS = 10_000;

/**
 * Known failures found by this test and being fixed by others in this session (issue 14), as
 * "METHOD path kind" prefixes. Each stays listed only until its fix lands; the test prints them.
 */
const KNOWN: Record<string, string> = {};

const HOSTILE = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  "' OR '1'='1' --",
  '1; DROP TABLE persons; --',
  "Robert'); DELETE FROM accounts;--",
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '\u202e\u2066',
  '😀'.repeat(50),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the probe (Log4Shell-style)
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  ' ',
  '',
  '-1',
  '1e309',
  'NaN',
  '9'.repeat(40),
  '2026-13-45',
  '0000-00',
  'null',
  'true',
  '[]',
  '{}',
];
const hugeString = 'Я'.repeat(300_000);
const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant(hugeString),
);
const hostileScalar = fc.oneof(
  hostileString,
  fc.constantFrom(-1, 0, 1.5, 2 ** 63, -(2 ** 53) - 1, Number.MAX_VALUE, true, null, [], {}),
);

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  required?: string[];
};
type Operation = {
  method: string;
  path: string;
  parameters: { name: string; in: string }[];
  body?: Schema;
  form: boolean;
};

let doc: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: Schema }> } }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components!.schemas![s.$ref.split('/').pop()!]!) : s);

/** A value for the schema where one field at random is hostile (or the whole value is of a wrong type). */
function bodyFor(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (depth > 4) return hostileScalar;
  const alternatives = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => bodyFor(a, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'object' || s.properties) {
    const props = Object.entries(s.properties ?? {});
    if (!props.length) return fc.oneof(hostileScalar, fc.dictionary(hostileString, hostileScalar, { maxKeys: 3 }));
    return fc.record(Object.fromEntries(props.map(([k, v]) => [k, fc.oneof(bodyFor(v, depth + 1), hostileScalar)])), {
      requiredKeys: [],
    });
  }
  if (type === 'array')
    return fc.oneof(
      fc.array(bodyFor(s.items ?? {}, depth + 1), { maxLength: 3 }),
      hostileScalar,
      fc.constant(Array(20_000).fill(0)),
    );
  if (s.enum) return fc.oneof(fc.constantFrom(...s.enum), hostileScalar);
  return hostileScalar;
}

/** JSON nested `n` deep, written by hand (JSON.stringify would overflow first). */
const deepJson = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** Valid ids by path parameter name, so that hostile bodies reach the handlers behind the id checks. */
const VALID: Record<string, string> = {
  accountId: DEMO.accounts.citizenFlat12,
  houseId: DEMO.houses.moscow,
  personId: DEMO.citizen.personId,
  meterId: DEMO_METERS.coldWater,
  period: '2026-10',
  provider: 'tbank',
};

let t: TestApp;
let resident: Record<string, string>;
let operator: Record<string, string>;
let orgKey: Record<string, string>;
const exercised = new Map<string, number>();
const found: string[] = [];

/** Tables that a refusal may write: the audit of refusals, sign-in state and replayed idempotent answers. */
const MAY_CHANGE = [
  'audit_log',
  'login_flows',
  'pgmigrations',
  'rate_limits',
  'sandbox_esia_store',
  'idempotency_keys',
];
/** Tables whose rows record their last use (at most once a minute): only their row count must hold. */
const COUNT_ONLY = new Set(['sessions', 'api_clients']);

const VERSION = 'COALESCE(max(xmin::text::bigint), 0)::text';

/** Every table's row count and newest row version: any insert, update or delete changes it. */
async function signature() {
  const { rows } = await t.deps.db.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY($1::text[]) ORDER BY 1`,
    [MAY_CHANGE],
  );
  const parts = rows.map(
    (r) => `SELECT '${r.t}' AS t, count(*)::text || ':' || ${COUNT_ONLY.has(r.t) ? "''" : VERSION} AS s FROM "${r.t}"`,
  );
  const sig = await t.deps.db.query<{ t: string; s: string }>(parts.join(' UNION ALL '));
  return new Map(sig.rows.map((r) => [r.t, r.s]));
}

function headersFor(path: string): Record<string, string> {
  if (path.startsWith('/api/v1/org')) return orgKey;
  if (path.startsWith('/api/v1/operator')) return operator;
  return resident;
}

async function send(
  op: Operation,
  kind: string,
  url: string,
  payload: string | Buffer | undefined,
  contentType?: string,
) {
  const key = `${op.method.toUpperCase()} ${op.path} ${kind}`;
  exercised.set(`${op.method} ${op.path}`, (exercised.get(`${op.method} ${op.path}`) ?? 0) + 1);
  const before = await signature();
  const headers: Record<string, string> = { ...headersFor(op.path), 'idempotency-key': crypto.randomUUID() };
  if (contentType) headers['content-type'] = contentType;
  const res = await Promise.race([
    t.app.inject({ method: op.method.toUpperCase() as 'GET', url, headers, payload }),
    new Promise<null>((r) => setTimeout(() => r(null), HANG_MS)),
  ]);
  const problem = (what: string) => {
    if (!Object.keys(KNOWN).some((k) => key.startsWith(k))) found.push(`${key}: ${what} (${url.slice(0, 120)})`);
  };
  if (!res) return problem(`no answer within ${HANG_MS} ms`);
  if (res.statusCode >= 500) return problem(`${res.statusCode} ${res.body.slice(0, 200)}`);
  if (res.statusCode >= 400) {
    if (!String(res.headers['content-type']).startsWith('application/problem+json'))
      problem(`${res.statusCode} is not problem+json`);
    const after = await signature();
    const changed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
    if (changed.length) problem(`refused with ${res.statusCode} but changed ${changed.join(', ')}`);
  }
}

beforeAll(async () => {
  t = await startTestApp({ label: 'fuzz' });
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  resident = await sessionHeaders(t.deps, DEMO.citizen.personId);
  await t.deps.db.query(`UPDATE persons SET is_operator = true WHERE id = $1`, [DEMO.neighbour.personId]);
  operator = await sessionHeaders(t.deps, DEMO.neighbour.personId);
  orgKey = await apiKeyHeaders(t.deps, DEMO.organisationId, [...PERMISSIONS]);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, o] of Object.entries(methods)) {
      const content = o.requestBody?.content ?? {};
      ops.push({
        method,
        path,
        parameters: o.parameters ?? [],
        body: content['application/json']?.schema,
        form: 'application/x-www-form-urlencoded' in content,
      });
    }
  }
  return ops;
}

const fill = (path: string, value: (name: string) => string) =>
  path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(value(n)));

describe('hostile input on every operation of openapi.json', () => {
  it('answers below 500, in time, as problem+json when refusing, and changes no data on refusal', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(100);
    for (const op of ops) {
      const query = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
      for (const [i, [pathValue, q]] of fc
        .sample(fc.tuple(hostileString, hostileString), { numRuns: RUNS, seed: 14 })
        .entries()) {
        // Path parameters hostile (or valid, so that the query and body reach the handler), queries hostile.
        const url = fill(op.path, (n) => (i % 2 && VALID[n] ? VALID[n]! : pathValue.slice(0, 2000)));
        const qs = query.length ? `?${query.map((n) => `${n}=${encodeURIComponent(q.slice(0, 5000))}`).join('&')}` : '';
        await send(
          op,
          'path+query',
          url + qs,
          op.method === 'get' ? undefined : '{}',
          op.method === 'get' ? undefined : 'application/json',
        );
      }
      if (op.method === 'get' || op.method === 'delete') continue;
      const url = fill(op.path, (n) => VALID[n] ?? '00000000-0000-4000-8000-000000000000');
      const bodies = op.body ? fc.sample(bodyFor(op.body), { numRuns: RUNS * 2, seed: 14 }) : [];
      for (const body of bodies) await send(op, 'body', url, JSON.stringify(body), 'application/json');
      await send(op, 'wrong type', url, '"a string where an object belongs"', 'application/json');
      await send(op, 'deep json', url, deepJson(10_000), 'application/json');
      await send(op, 'broken json', url, '{"a": "\\ud800", "b": [1, 2', 'application/json');
      await send(op, 'huge body', url, Buffer.alloc(2 * 1024 * 1024, 'a'), 'application/json');
      await send(op, 'ndjson with NUL', url, '{"a":"\\u0000"}\n{"b":1}\n', 'application/x-ndjson');
      await send(op, 'multipart without boundary', url, 'garbage', 'multipart/form-data');
      await send(
        op,
        'multipart cut off',
        url,
        '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4',
        'multipart/form-data; boundary=xx',
      );
      await send(op, 'form with NUL', url, 'grant_type=%00&client_id=%ED%A0%80', 'application/x-www-form-urlencoded');
      await send(op, 'xml bomb', url, XML_BOMB, 'text/xml');
    }
    const missing = ops
      .filter((op) => !exercised.get(`${op.method} ${op.path}`))
      .map((op) => `${op.method} ${op.path}`);
    expect(missing, 'operations without fuzz coverage').toEqual([]);
    if (Object.keys(KNOWN).length) console.log(`known, being fixed elsewhere: ${JSON.stringify(KNOWN, null, 1)}`);
    expect(found).toEqual([]);
  }, 900_000);
});

const ENVELOPE = '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">';

/** "Billion laughs": nine levels of ten references each, 10^9 copies of "lol" if a parser expanded it. */
const XML_BOMB = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol">',
  ...Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i ? i + 1 : ''};`.repeat(10)}">`),
  ']>',
  `${ENVELOPE}<soap:Body><x>&lol9;</x></soap:Body></soap:Envelope>`,
].join('\n');

const XXE = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
${ENVELOPE}<soap:Body><x>&xxe;</x></soap:Body></soap:Envelope>`;

describe('hostile XML towards the state-system simulator (SOAP)', () => {
  it('refuses XML bombs, external entities, an empty body and a NUL: no 5xx, no hang, no file read', async () => {
    // Every SOAP endpoint the simulator serves (one per service of the hub's WSDL subset).
    const services = Object.values(GIS_SERVICES).map((s) => `/sandbox/gis${s.path}`);
    expect(services.length).toBeGreaterThanOrEqual(4);
    for (const url of services) {
      for (const [kind, body] of [
        ['xml bomb', XML_BOMB],
        ['external entity', XXE],
        ['empty', ''],
        ['nul', '<a>\u0000</a>'],
        ['not xml', '{"a":1}'],
      ] as const) {
        const res = await Promise.race([
          t.app.inject({
            method: 'POST',
            url,
            headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: 'importMeteringDeviceValues' },
            payload: body,
          }),
          new Promise<null>((r) => setTimeout(() => r(null), HANG_MS)),
        ]);
        expect(res, `${kind} → ${url}: no answer`).not.toBeNull();
        expect(res!.statusCode, `${kind} → ${url}: ${res!.body.slice(0, 200)}`).toBeLessThan(500);
        expect(res!.body).not.toContain('root:x:0:0');
      }
    }
  }, 120_000);
});
