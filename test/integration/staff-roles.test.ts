import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, PERMISSIONS } from '../../contracts/permissions.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

// Issue 15: staff and roles. Roles are data over the permissions of contracts/permissions.ts; an admin
// invites by e-mail link, changes roles (limited to houses or not) and removes staff, each audited and
// effective at the person's next request; the organisation always keeps someone who manages staff.

type Json = any;
let t: TestApp;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ label: 'staff_roles', listen: true, workers: true });
  admin = await sessionHeaders(t.deps, DEMO.staff.personId);
});
afterAll(async () => {
  await t?.close();
});

async function call(method: string, url: string, headers: Record<string, string>, body?: unknown) {
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
}

async function newPerson(email: string) {
  const id = randomUUID();
  await t.deps.db.query(
    `INSERT INTO persons (id, provider, subject, last_name, first_name, email) VALUES ($1, 'esia', $2, 'Новикова', 'Алла', $3)`,
    [id, `staff-${id}`, email],
  );
  return id;
}

async function mailedToken(to: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mail = (await (await fetch(`${t.baseUrl}/sandbox/mail?to=${encodeURIComponent(to)}`)).json()) as {
      text: string;
    }[];
    const token = mail.length ? /\/staff\/invite\?token=([A-Za-z0-9_-]+)/.exec(mail[0]!.text)?.[1] : undefined;
    if (token) return token;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no invitation to ${to}`);
}

describe('staff and roles', () => {
  it('lists the built-in roles with their permissions, and the demo has staff in each', async () => {
    const roles = await call('GET', '/api/v1/org/staff-roles', admin);
    expect(roles.status).toBe(200);
    for (const [code, role] of Object.entries(BUILT_IN_ROLES)) {
      const listed = roles.body.items.find((r: Json) => r.code === code);
      expect(listed).toMatchObject({ id: role.id, name: role.name, builtIn: true });
      expect(new Set(listed.permissions)).toEqual(new Set(role.permissions));
      expect(listed.members).toBeGreaterThanOrEqual(1);
    }
    expect(roles.body.permissions.map((p: Json) => p.key)).toEqual([...PERMISSIONS]);
    const staff = await call('GET', '/api/v1/org/staff?limit=2', admin);
    expect(staff.body.items).toHaveLength(2);
    const rest = await call('GET', `/api/v1/org/staff?limit=50&cursor=${staff.body.nextCursor}`, admin);
    const all = [...staff.body.items, ...rest.body.items];
    expect(all.map((m: Json) => m.name)).toEqual([...all.map((m: Json) => m.name)].sort((a, b) => (a < b ? -1 : 1)));
    expect(all.find((m: Json) => m.personId === DEMO.team.dispatcher.personId).roles[0].code).toBe('dispatcher');
  });

  it('invites by e-mail; the link makes the person a dispatcher who cannot refund, until made accountant; removal is at once', async () => {
    const email = `disp.${Date.now()}@example.ru`;
    const invited = await call('POST', '/api/v1/org/staff/invitations', admin, {
      email,
      roleIds: [BUILT_IN_ROLES.dispatcher.id],
    });
    expect(invited.status).toBe(201);
    expect(invited.body.roles).toEqual([{ id: BUILT_IN_ROLES.dispatcher.id, code: 'dispatcher', name: 'Диспетчер' }]);
    expect((await call('GET', '/api/v1/org/staff/invitations', admin)).body.items.map((i: Json) => i.id)).toContain(
      invited.body.id,
    );
    const token = await mailedToken(email);

    const personId = await newPerson(email);
    const me = await sessionHeaders(t.deps, personId);
    expect((await call('GET', '/api/v1/org/tickets', me)).status).toBe(403);
    const accepted = await call('POST', '/api/v1/me/staff-invitations/accept', me, { token });
    expect(accepted).toMatchObject({ status: 200, body: { organisationId: DEMO.organisationId } });
    expect((await call('POST', '/api/v1/me/staff-invitations/accept', me, { token })).body.code).toBe(
      'invitation_invalid',
    );

    const orgs = await call('GET', '/api/v1/me/organisations', me);
    expect(orgs.body.items[0].permissions).toContain('tickets.manage');
    expect(orgs.body.items[0].permissions).not.toContain('payments.refund');
    expect((await call('GET', '/api/v1/org/tickets', me)).status).toBe(200);
    const refund = await call('POST', `/api/v1/org/payments/${randomUUID()}/refund`, me, {});
    expect(refund).toMatchObject({ status: 403, body: { code: 'permission_missing' } });

    // Accountant for the Moscow house only: the refund is no longer refused for want of the permission.
    const changed = await call('PUT', `/api/v1/org/staff/${personId}`, admin, {
      roleIds: [BUILT_IN_ROLES.accountant.id],
      houseIds: [DEMO.houses.moscow],
    });
    expect(changed.status).toBe(204);
    const now = await call('GET', '/api/v1/me/organisations', me);
    expect(now.body.items[0]).toMatchObject({ houseIds: [DEMO.houses.moscow], roles: [{ code: 'accountant' }] });
    expect((await call('POST', `/api/v1/org/payments/${randomUUID()}/refund`, me, {})).status).toBe(404);
    // Limited to one house: the queue shows that house's requests only.
    const vladivostok = await t.deps.db.query<{ id: string }>(
      `INSERT INTO tickets (organisation_id, house_id, category, text) VALUES ($1, $2, 'other', 'Проверка ограничения по домам')
       RETURNING id`,
      [DEMO.organisationId, DEMO.houses.vladivostok],
    );
    const queue = await call('GET', '/api/v1/org/tickets?limit=500', me);
    expect(queue.status).toBe(200);
    expect(queue.body.items.every((x: Json) => x.houseId === DEMO.houses.moscow)).toBe(true);
    const all = await call('GET', '/api/v1/org/tickets?limit=500', admin);
    expect(all.body.items.some((x: Json) => x.houseId === DEMO.houses.vladivostok)).toBe(true);
    expect((await call('GET', `/api/v1/org/tickets/${vladivostok.rows[0]!.id}`, me)).status).toBe(404);
    expect((await call('GET', `/api/v1/org/tickets/${vladivostok.rows[0]!.id}`, admin)).status).toBe(200);

    // Dispatcher for Vladivostok only: the home counts that house's new requests, not the organisation's.
    await call('PUT', `/api/v1/org/staff/${personId}`, admin, {
      roleIds: [BUILT_IN_ROLES.dispatcher.id],
      houseIds: [DEMO.houses.vladivostok],
    });
    const newCount = async (headers: Record<string, string>) =>
      (await call('GET', '/api/v1/org/summary', headers)).body.items.find((i: Json) => i.key === 'tickets.new').count;
    const { rows: byHouse } = await t.deps.db.query<{ vladivostok: number; all: number }>(
      `SELECT count(*) FILTER (WHERE house_id = $2)::int AS vladivostok, count(*)::int AS "all"
         FROM tickets WHERE organisation_id = $1 AND status = 'new'`,
      [DEMO.organisationId, DEMO.houses.vladivostok],
    );
    expect(await newCount(me)).toBe(byHouse[0]!.vladivostok);
    expect(await newCount(admin)).toBe(byHouse[0]!.all);
    expect(byHouse[0]!.all).toBeGreaterThan(byHouse[0]!.vladivostok);
    // …its payments only: one to a Moscow account and one to a Vladivostok account, the second theirs.
    const paid = await t.deps.db.query<{ id: string }>(
      `INSERT INTO payments (order_id, provider, organisation_id, status, amount, total)
       VALUES (gen_random_uuid()::text, 'tbank', $1, 'succeeded', 1000, 1000),
              (gen_random_uuid()::text, 'tbank', $1, 'succeeded', 2000, 2000) RETURNING id`,
      [DEMO.organisationId],
    );
    await t.deps.db.query(
      `INSERT INTO payment_items (payment_id, account_id, amount) VALUES ($1, $2, 1000), ($3, $4, 2000)`,
      [paid.rows[0]!.id, DEMO.accounts.citizenFlat12, paid.rows[1]!.id, DEMO.accounts.vladivostokFlat5],
    );
    const theirPayments = (await call('GET', '/api/v1/org/payments?limit=500', me)).body.items;
    const allPayments = (await call('GET', '/api/v1/org/payments?limit=500', admin)).body.items;
    const ids = (items: Json[]) => items.map((p) => p.id);
    expect(ids(theirPayments)).toContain(paid.rows[1]!.id);
    expect(ids(theirPayments)).not.toContain(paid.rows[0]!.id);
    expect(ids(allPayments)).toEqual(expect.arrayContaining(ids(paid.rows)));
    // …and the approvals of that house only: the Moscow link request and resident change are not theirs.
    for (const [path, idKey] of [
      ['/api/v1/org/account-link-requests', 'requestId'],
      ['/api/v1/org/resident-changes', 'changeId'],
    ] as const) {
      const theirs = (await call('GET', `${path}?limit=200`, me)).body.items;
      // Link requests name the house; resident changes its address.
      const inMoscow = (x: Json) => x.houseId === DEMO.houses.moscow || String(x.address).includes('Москва');
      expect(theirs.some(inMoscow)).toBe(false);
      const moscow = (await call('GET', `${path}?limit=200`, admin)).body.items.find(inMoscow);
      expect(moscow, path).toBeDefined();
      const refused = await call('POST', `${path}/${moscow[idKey]}/reject`, me, { reason: 'Не наш дом' });
      expect(refused.status).toBe(404);
    }

    expect((await call('DELETE', `/api/v1/org/staff/${personId}`, admin)).status).toBe(204);
    expect((await call('GET', '/api/v1/org/tickets', me)).status).toBe(403);

    const { rows } = await t.deps.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE organisation_id = $1 AND (object_id = $2 OR object_id = $3) ORDER BY id`,
      [DEMO.organisationId, personId, invited.body.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'staff.invited',
      'staff.joined',
      'staff.roles_changed',
      'staff.roles_changed',
      'staff.removed',
    ]);
  });

  it('refuses unknown roles and other organisations’ houses by field, and keeps the last staff manager', async () => {
    const bad = await call('POST', '/api/v1/org/staff/invitations', admin, {
      email: 'x@example.ru',
      roleIds: [BUILT_IN_ROLES.read_only.id, randomUUID()],
      houseIds: [randomUUID()],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.path)).toEqual(['body.roleIds.1', 'body.houseIds.0']);

    const demote = await call('PUT', `/api/v1/org/staff/${DEMO.staff.personId}`, admin, {
      roleIds: [BUILT_IN_ROLES.dispatcher.id],
    });
    expect(demote).toMatchObject({ status: 409, body: { code: 'last_staff_manager' } });
    expect((await call('DELETE', `/api/v1/org/staff/${DEMO.staff.personId}`, admin)).body.code).toBe(
      'last_staff_manager',
    );
    expect((await call('GET', '/api/v1/org/staff-roles', admin)).status).toBe(200);
  });

  it('makes, changes and deletes a role of the organisation’s own; built-in ones stay as they are', async () => {
    const made = await call('POST', '/api/v1/org/staff-roles', admin, {
      name: 'Инженер',
      permissions: ['console.view', 'tickets.manage'],
    });
    expect(made.status).toBe(201);
    expect(
      (
        await call('PUT', `/api/v1/org/staff-roles/${made.body.id}`, admin, {
          name: 'Главный инженер',
          permissions: ['console.view'],
        })
      ).status,
    ).toBe(204);
    const unknown = await call('POST', '/api/v1/org/staff-roles', admin, { name: 'x', permissions: ['root.all'] });
    expect(unknown.body.errors[0].path).toBe('body.permissions.0');
    const builtIn = await call('PUT', `/api/v1/org/staff-roles/${BUILT_IN_ROLES.read_only.id}`, admin, {
      name: 'Я',
      permissions: ['console.view'],
    });
    expect(builtIn.body.code).toBe('built_in_role');
    expect((await call('DELETE', `/api/v1/org/staff-roles/${made.body.id}`, admin)).status).toBe(204);
  });

  it('lets no API key manage staff, and keys are held to their permissions', async () => {
    const key = await apiKeyHeaders(t.deps, DEMO.organisationId, [...PERMISSIONS]);
    expect((await call('GET', '/api/v1/org/staff', key)).body.code).toBe('staff_only');
    const reader = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view']);
    expect((await call('GET', '/api/v1/org/tickets', reader)).status).toBe(200);
    expect((await call('PUT', '/api/v1/org/tickets/deadlines', reader, { items: [] })).body.code).toBe(
      'permission_missing',
    );
  });
});
