import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { SUMMARY_COUNTS } from '../../src/console/summary.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

// The staff console's API: the home's counts (GET /api/v1/org/summary), the organisations of a person
// and the organisation's houses.
let t: TestApp;
let staff: Record<string, string>;
let ivanov: Record<string, string>;
let dispatcher: Record<string, string>;
const OTHER_ORG = '00000000-0000-4000-8000-00000000c001';

beforeAll(async () => {
  t = await startTestApp({ label: 'staff-console' });
  staff = await sessionHeaders(t.deps, DEMO.staff.personId);
  ivanov = await sessionHeaders(t.deps, DEMO.citizen.personId);
  // Петрова: a dispatcher of the demo organisation and an accountant of another one.
  await t.deps.db.query(`INSERT INTO organisations (id, name, inn) VALUES ($1, 'ООО «Вторая УК»', '7707083893')`, [
    OTHER_ORG,
  ]);
  await t.deps.db.query(
    `INSERT INTO org_staff (organisation_id, person_id, role_id) VALUES ($1, $3, '00000000-0000-4000-8000-00000000a002'), ($2, $3, '00000000-0000-4000-8000-00000000a003')`,
    [DEMO.organisationId, OTHER_ORG, DEMO.neighbour.personId],
  );
  dispatcher = await sessionHeaders(t.deps, DEMO.neighbour.personId);
});
afterAll(() => t?.close());

type Item = { key: string; count: number; link: string };
async function summary(headers: Record<string, string>, organisationId: string = DEMO.organisationId) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/v1/org/summary',
    headers: { ...headers, 'x-organisation-id': organisationId },
  });
  return { status: res.statusCode, items: res.statusCode === 200 ? (res.json().items as Item[]) : [] };
}
const countOf = (items: Item[], key: string) => items.find((i) => i.key === key)?.count;

describe('the console home counts', () => {
  it('counts every kind for an administrator, with the page that lists them', async () => {
    const { status, items } = await summary(staff);
    expect(status).toBe(200);
    expect(items.map((i) => i.key)).toEqual(SUMMARY_COUNTS.map((c) => c.key));
    expect(items.every((i) => i.link.startsWith('/staff/') && Number.isInteger(i.count))).toBe(true);
    const { rows } = await t.deps.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets WHERE organisation_id = $1 AND status = 'new'`,
      [DEMO.organisationId],
    );
    expect(countOf(items, 'tickets.new')).toBe(rows[0]!.n);
  });

  it('follows new and overdue requests as residents file them and deadlines pass', async () => {
    const before = (await summary(staff)).items;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tickets',
      headers: ivanov,
      payload: {
        accountId: DEMO.accounts.citizenFlat12,
        category: 'heating',
        text: 'Холодные батареи в комнате',
        contactPhone: '+79001234567',
      },
    });
    expect(created.statusCode).toBe(201);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org/tickets/${created.json().id}`,
      headers: staff,
      payload: { deadline: new Date(Date.now() - 3_600_000).toISOString() },
    });
    expect(patched.statusCode).toBe(200);
    const after = (await summary(staff)).items;
    expect(countOf(after, 'tickets.new')).toBe(countOf(before, 'tickets.new')! + 1);
    expect(countOf(after, 'tickets.overdue')).toBe(countOf(before, 'tickets.overdue')! + 1);
  });

  it('shows each role the counts it may act on, for the organisation picked by x-organisation-id', async () => {
    const asDispatcher = await summary(dispatcher);
    expect(asDispatcher.status).toBe(200);
    expect(asDispatcher.items.map((i) => i.key)).toContain('tickets.new');
    expect(asDispatcher.items.map((i) => i.key)).not.toContain('payments.pending');
    const asAccountant = await summary(dispatcher, OTHER_ORG);
    expect(asAccountant.items.map((i) => i.key)).toContain('payments.pending');
    expect(asAccountant.items.map((i) => i.key)).not.toContain('tickets.new');
    expect(countOf(asAccountant.items, 'sync.refused')).toBe(0);
  });

  it('refuses residents, API keys and staff of another organisation', async () => {
    expect((await summary(ivanov)).status).toBe(403);
    expect((await summary(staff, OTHER_ORG)).status).toBe(403);
    const key = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view']);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/org/summary', headers: key });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('staff_only');
  });
});

describe("the console's pickers", () => {
  it('lists the organisations a person works for with the roles there, and none for a resident', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/me/organisations', headers: dispatcher });
    expect(mine.json().items).toMatchObject([
      { id: OTHER_ORG, name: 'ООО «Вторая УК»', roles: [{ code: 'accountant', name: 'Бухгалтер' }], houseIds: null },
      { id: DEMO.organisationId, name: 'ООО «УК Домхаб»', roles: [{ code: 'dispatcher', name: 'Диспетчер' }] },
    ]);
    expect(mine.json().items[1].permissions).toContain('tickets.manage');
    expect(mine.json().items[1].permissions).not.toContain('payments.refund');
    const resident = await t.app.inject({ method: 'GET', url: '/api/v1/me/organisations', headers: ivanov });
    expect(resident.json().items).toEqual([]);
  });

  it("lists the organisation's houses by address", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/org/houses', headers: staff });
    expect(
      res
        .json()
        .items.map((h: { id: string }) => h.id)
        .sort(),
    ).toEqual([DEMO.houses.moscow, DEMO.houses.vladivostok].sort());
  });
});
