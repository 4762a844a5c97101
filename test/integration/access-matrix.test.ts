import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, type BuiltInRole, PERMISSIONS } from '../../contracts/permissions.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_METERS } from '../../src/sandbox/demo/metering.js';
import { ACCESS_MATRIX, type Access } from '../access-matrix.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

// The access matrix (test/access-matrix.ts) against every route of openapi.json and every kind of caller:
// anonymous, resident A (owner of flat 12), resident B (a neighbour), a delegate on A's account, staff of
// organisation X in each built-in role (contracts/permissions.ts), the admin of organisation Y, an API client
// of X with every permission and one with none, and an operator. A caller the matrix denies never gets a 2xx; a caller it allows is not refused
// (401/403) on the reads whose path it can fill with real ids. No answer to anyone but A (and X's staff,
// clients and operators) carries A's private identifiers unless the caller put them in the URL.

type Caller =
  | 'anonymous'
  | 'residentA'
  | 'residentB'
  | 'delegate'
  | 'staffAdmin'
  | 'staffDispatcher'
  | 'staffAccountant'
  | 'staffMeetings'
  | 'staffReadOnly'
  | 'staffY'
  | 'apiWithScope'
  | 'apiWithoutScope'
  | 'operator';
const CALLERS: Caller[] = [
  'anonymous',
  'residentA',
  'residentB',
  'delegate',
  'staffAdmin',
  'staffDispatcher',
  'staffAccountant',
  'staffMeetings',
  'staffReadOnly',
  'staffY',
  'apiWithScope',
  'apiWithoutScope',
  'operator',
];
const PERSONS = new Set<Caller>([
  'residentA',
  'residentB',
  'delegate',
  'staffAdmin',
  'staffDispatcher',
  'staffAccountant',
  'staffMeetings',
  'staffReadOnly',
  'staffY',
  'operator',
]);
const STAFF_ROLE: Partial<Record<Caller, BuiltInRole>> = {
  staffAdmin: 'admin',
  staffDispatcher: 'dispatcher',
  staffAccountant: 'accountant',
  staffMeetings: 'meeting_admin',
  staffReadOnly: 'read_only',
};
const grants = (role: BuiltInRole | undefined, permission: string) =>
  role !== undefined && (BUILT_IN_ROLES[role].permissions as readonly string[]).includes(permission);

/** Real ids of organisation X's and resident A's objects by path parameter name. */
const VALID: Record<string, string> = {
  accountId: DEMO.accounts.citizenFlat12,
  houseId: DEMO.houses.moscow,
  personId: DEMO.citizen.personId,
  meterId: DEMO_METERS.coldWater,
  provider: 'tbank',
};
/** Path parameters naming an object of organisation X (staff of Y must not reach it). */
const X_OBJECTS = [
  'accountId',
  'houseId',
  'personId',
  'meterId',
  'id',
  'requestId',
  'registrationId',
  'changeId',
  'paymentId',
];

function allowed(rule: Access, caller: Caller, path: string): boolean {
  switch (rule.who) {
    case 'public':
      return true;
    case 'person':
      return PERSONS.has(caller);
    case 'operator':
      return caller === 'operator';
    case 'account':
      return caller === 'residentA' || (caller === 'delegate' && !rule.owner);
    case 'org': {
      if (caller === 'apiWithScope') return !rule.staffOnly;
      if (caller === 'staffY') return !X_OBJECTS.some((p) => path.includes(`{${p}}`));
      return grants(STAFF_ROLE[caller], rule.permission);
    }
  }
}

let t: TestApp;
const headers = {} as Record<Caller, Record<string, string>>;
const personOf = {} as Record<Caller, string>;
let privateIdsOfA: string[] = [];
let doc: { paths: Record<string, Record<string, unknown>> };

async function person(orgStaff?: { org: string; role: BuiltInRole }, operator = false) {
  const id = randomUUID();
  await t.deps.db.query(
    `INSERT INTO persons (id, provider, subject, last_name, first_name, is_operator) VALUES ($1, 'esia', $2, 'Проверкин', 'Тест', $3)`,
    [id, `matrix-${id}`, operator],
  );
  if (orgStaff)
    await t.deps.db.query(
      `INSERT INTO org_staff (organisation_id, person_id, role_id)
       SELECT $1, $2, id FROM staff_roles WHERE organisation_id IS NULL AND code = $3`,
      [orgStaff.org, id, orgStaff.role],
    );
  return id;
}

beforeAll(async () => {
  t = await startTestApp({ label: 'access_matrix' });
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const db = t.deps.db;
  const orgY = randomUUID();
  await db.query(`INSERT INTO organisations (id, name, inn) VALUES ($1, 'ООО «Другая УК»', '7702000002')`, [orgY]);
  const delegate = await person();
  await db.query(`INSERT INTO account_links (account_id, person_id, role) VALUES ($1, $2, 'delegate')`, [
    DEMO.accounts.citizenFlat12,
    delegate,
  ]);
  headers.anonymous = {};
  personOf.residentA = DEMO.citizen.personId;
  personOf.residentB = DEMO.neighbour.personId;
  personOf.delegate = delegate;
  personOf.staffAdmin = DEMO.staff.personId;
  personOf.staffDispatcher = await person({ org: DEMO.organisationId, role: 'dispatcher' });
  personOf.staffAccountant = await person({ org: DEMO.organisationId, role: 'accountant' });
  personOf.staffMeetings = await person({ org: DEMO.organisationId, role: 'meeting_admin' });
  personOf.staffReadOnly = await person({ org: DEMO.organisationId, role: 'read_only' });
  personOf.staffY = await person({ org: orgY, role: 'admin' });
  personOf.operator = await person(undefined, true);
  headers.apiWithScope = await apiKeyHeaders(t.deps, DEMO.organisationId, [...PERMISSIONS]);
  headers.apiWithoutScope = await apiKeyHeaders(t.deps, DEMO.organisationId, []);
  // A's identifiers that nobody else may learn: their person, account, meters, payments and appeals.
  const { rows } = await db
    .query<{ id: string }>(
      `SELECT $1::text AS id UNION SELECT $2::text UNION SELECT id::text FROM meters WHERE account_id = $2
     UNION SELECT p.id::text FROM payments p JOIN payment_items i ON i.payment_id = p.id WHERE i.account_id = $2
     UNION SELECT id::text FROM appeals WHERE person_id = $1`,
      [DEMO.citizen.personId, DEMO.accounts.citizenFlat12],
    )
    .catch(() => ({ rows: [{ id: DEMO.citizen.personId }, { id: DEMO.accounts.citizenFlat12 }] }));
  privateIdsOfA = rows.map((r) => r.id);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('access matrix', () => {
  it('has one entry for every route of openapi.json, and none for a route that is gone', () => {
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(
      routes.filter((r) => !ACCESS_MATRIX[r]),
      'routes missing from test/access-matrix.ts',
    ).toEqual([]);
    expect(
      Object.keys(ACCESS_MATRIX).filter((r) => !routes.includes(r)),
      'entries for routes that are gone',
    ).toEqual([]);
  });

  it('allows and denies every caller as the matrix says, and leaks no identifier of A', async () => {
    const wrong: string[] = [];
    const MAY_SEE_A = new Set<Caller>([
      'residentA',
      'delegate',
      'staffAdmin',
      'staffDispatcher',
      'staffAccountant',
      'staffMeetings',
      'staffReadOnly',
      'apiWithScope',
      'operator',
    ]);
    for (const [route, rule] of Object.entries(ACCESS_MATRIX)) {
      const [method, path] = route.split(' ') as [string, string];
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const known = params.every((p) => VALID[p]);
      const url = path.replace(/\{(\w+)\}/g, (_, p: string) => VALID[p] ?? '00000000-0000-4000-8000-00000000ffff');
      for (const caller of CALLERS) {
        // A fresh session per request: some routes end sessions (sign-out, DELETE /api/v1/me/sessions/…).
        if (personOf[caller]) headers[caller] = await sessionHeaders(t.deps, personOf[caller]);
        const write = method !== 'GET' && method !== 'DELETE';
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          headers: {
            ...headers[caller],
            ...(write ? { 'content-type': 'application/json' } : {}),
            'idempotency-key': randomUUID(),
          },
          ...(write ? { payload: '{}' } : {}),
        });
        const allow = allowed(rule, caller, path);
        // Writes change data: the allowed ones are sent with an empty body (refused as invalid); reads are checked both ways.
        if (!allow && res.statusCode < 300 && rule.who !== 'public')
          wrong.push(`${route} as ${caller}: ${res.statusCode}, expected a refusal`);
        if (allow && method === 'GET' && known && [401, 403].includes(res.statusCode)) {
          wrong.push(`${route} as ${caller}: ${res.statusCode} ${res.json().code}, expected access`);
        }
        if (!MAY_SEE_A.has(caller)) {
          const leaked = privateIdsOfA.filter((id) => res.body.includes(id) && !url.includes(id));
          if (leaked.length) wrong.push(`${route} as ${caller}: the answer carries A's ${leaked.join(', ')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});
