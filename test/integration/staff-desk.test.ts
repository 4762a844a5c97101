import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/sandbox/demo/accounts.js';
import { DEMO_DESK } from '../../src/sandbox/demo/desk.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_SERVICE } from '../../src/sandbox/demo/service-requests.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

// The backend of the console's desk screens: appeal deadlines per type, notices scheduled / withdrawn
// and paged, the approval queues paged by keyset, documents shown in the browser.

let t: TestApp;
let staff: Record<string, string>;
let ivanov: Record<string, string>;
let orgKey: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ label: 'desk' });
  staff = { ...(await sessionHeaders(t.deps, DEMO.staff.personId)), 'x-organisation-id': DEMO.organisationId };
  ivanov = await sessionHeaders(t.deps, DEMO.citizen.personId);
  orgKey = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view', 'news.publish']);
});
afterAll(() => t?.close());

const get = (url: string, headers = staff) => t.app.inject({ method: 'GET', url, headers });
const send = (method: 'POST' | 'PUT', url: string, payload: object, headers = staff) =>
  t.app.inject({ method, url, headers, payload });

interface AppealItem {
  id: string;
  status: string;
  dueAt: string | null;
  submittedAt: string;
}

describe('appeal deadlines', () => {
  it('gives every type the default days until the organisation sets its own, and the due time follows', async () => {
    const settings = (await get('/api/v1/org/appeals/deadlines')).json();
    expect(settings.deadlines).toHaveLength(10);
    expect(settings.deadlines.find((d: { type: string }) => d.type === 'debt_certificate')).toMatchObject({
      days: 14,
      defaultDays: 14,
      custom: false,
      title: 'Справка о задолженности',
    });

    const overdue = (await get('/api/v1/org/appeals?overdue=true')).json().items as AppealItem[];
    expect(overdue.map((a) => a.id)).toEqual([DEMO_DESK.appeals.debtOverdue]);
    const debt = overdue[0]!;
    expect(new Date(debt.dueAt!).getTime() - new Date(debt.submittedAt).getTime()).toBe(14 * 86_400_000);

    // 30 days for certificates: no longer overdue; the due time moves for the waiting appeal too
    const set = await send('PUT', '/api/v1/org/appeals/deadlines', {
      deadlines: [
        { type: 'debt_certificate', days: 30 },
        { type: 'complaint', days: 5 },
      ],
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().deadlines.find((d: { type: string }) => d.type === 'complaint')).toMatchObject({
      days: 5,
      custom: true,
    });
    expect((await get('/api/v1/org/appeals?overdue=true')).json().items).toEqual([]);
    const one = (await get(`/api/v1/org/appeals/${DEMO_DESK.appeals.debtOverdue}`)).json();
    expect(new Date(one.dueAt).getTime() - new Date(one.submittedAt).getTime()).toBe(30 * 86_400_000);

    // back to the default; a returned appeal owes nothing (it waits for the resident)
    await send('PUT', '/api/v1/org/appeals/deadlines', { deadlines: [{ type: 'debt_certificate', days: null }] });
    expect((await get('/api/v1/org/appeals?overdue=true')).json().items).toHaveLength(1);
    const returned = (await get(`/api/v1/org/appeals/${DEMO_SERVICE.appealReturned}`)).json();
    expect(returned.dueAt).toBeNull();
  });

  it('refuses repeated types and days out of range, and is the admin’s to change', async () => {
    const bad = await send('PUT', '/api/v1/org/appeals/deadlines', {
      deadlines: [
        { type: 'complaint', days: 0 },
        { type: 'complaint', days: 5 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.deadlines.0.days', 'body.deadlines']),
    );
    const key = await send(
      'PUT',
      '/api/v1/org/appeals/deadlines',
      { deadlines: [{ type: 'complaint', days: 5 }] },
      orgKey,
    );
    expect(key.statusCode).toBe(403);
    const audit = (await get('/api/v1/org/audit?action=appeal.settings_changed')).json();
    expect(JSON.stringify(audit)).toContain('appeal.settings_changed');
  });
});

describe('notices', () => {
  it('keeps a scheduled notice from residents until its time, and pages the organisation’s list by state', async () => {
    const publishAt = new Date(Date.now() + 2_000).toISOString();
    const res = await send('POST', '/api/v1/org/news', {
      kind: 'emergency',
      title: 'Отключение холодной воды',
      body: 'Замена задвижки',
      houseIds: [DEMO.houses.moscow],
      publishAt,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.statusCode).toBe(201);
    const notice = res.json();
    expect(notice).toMatchObject({ state: 'scheduled', notify: true, withdrawnAt: null });
    const mine = async () => ((await get('/api/v1/me/news', ivanov)).json().items as { id: string }[]).map((n) => n.id);
    expect(await mine()).not.toContain(notice.id);
    expect((await get(`/api/v1/me/news/${notice.id}`, ivanov)).statusCode).toBe(404);
    expect(await mine()).not.toContain(DEMO_DESK.news.scheduled);

    const scheduled = (await get('/api/v1/org/news?state=scheduled')).json().items.map((n: { id: string }) => n.id);
    expect(scheduled).toEqual(expect.arrayContaining([notice.id, DEMO_DESK.news.scheduled]));
    const withdrawn = (await get('/api/v1/org/news?state=withdrawn')).json().items;
    expect(withdrawn.map((n: { id: string }) => n.id)).toEqual([DEMO_DESK.news.withdrawn]);
    expect((await get('/api/v1/org/news?kind=emergency&state=live')).json().items[0].id).toBe(DEMO_SERVICE.news.outage);

    await new Promise((r) => setTimeout(r, 2_100));
    expect(await mine()).toContain(notice.id);

    // withdrawn: gone for residents, marked for the organisation, audited
    const w = await send('POST', `/api/v1/org/news/${notice.id}/withdraw`, {});
    expect(w.json()).toMatchObject({ state: 'withdrawn' });
    expect(w.json().withdrawnAt).not.toBeNull();
    expect(await mine()).not.toContain(notice.id);
    const audit = (await get('/api/v1/org/audit?action=news.withdrawn')).json();
    expect(JSON.stringify(audit)).toContain(notice.id);
  });

  it('pages by cursor without repeating or losing a notice', async () => {
    for (let i = 0; i < 5; i++)
      await send('POST', '/api/v1/org/news', {
        title: `Объявление ${i}`,
        body: 'Текст',
        houseIds: [DEMO.houses.moscow],
      });
    const all = (await get('/api/v1/org/news?limit=200')).json().items.map((n: { id: string }) => n.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; page: { nextCursor: string | null } } = (
        await get(`/api/v1/org/news?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((n) => n.id));
      cursor = page.page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('approvals', () => {
  it('pages link requests and resident changes and filters them by house', async () => {
    const { rows } = await t.deps.db.query<{ id: string }>(
      `INSERT INTO account_link_requests (person_id, house_id, identifier_kind, identifier, method, expires_at, role)
       VALUES ($1, $2, 'number', '999999', 'organisation', now() + interval '1 day', 'tenant') RETURNING id`,
      [DEMO.citizen.personId, DEMO.houses.moscow],
    );
    const first = (await get('/api/v1/org/account-link-requests?limit=1')).json();
    expect(first.items[0]).toMatchObject({ requestId: DEMO_ACCOUNTS.linkRequestId, role: 'owner' });
    const second = (await get(`/api/v1/org/account-link-requests?limit=1&cursor=${first.page.nextCursor}`)).json();
    expect(second.items[0]).toMatchObject({ requestId: rows[0]!.id, role: 'tenant', matchedAccountId: null });
    expect(second.page).toEqual({ nextCursor: null });
    expect((await get(`/api/v1/org/account-link-requests?houseId=${DEMO.houses.vladivostok}`)).json().items).toEqual(
      [],
    );
    const changes = (await get(`/api/v1/org/resident-changes?houseId=${DEMO.houses.moscow}`)).json();
    expect(changes.items.map((c: { changeId: string }) => c.changeId)).toEqual([DEMO_ACCOUNTS.residentChangeId]);
    expect((await get('/api/v1/org/resident-changes?cursor=%%%')).statusCode).toBe(400);
  });

  it('shows a registration’s documents in the browser with their own content type, and downloads otherwise', async () => {
    const reg = (await get('/api/v1/org/meter-registrations?status=submitted')).json().items[0];
    expect(reg.id).toBe(DEMO_DESK.meterRegistration);
    const pdf = reg.documents.find((d: { kind: string }) => d.kind === 'passport');
    const photo = reg.documents.find((d: { kind: string }) => d.kind === 'photo');
    const base = `/api/v1/org/meter-registrations/${reg.id}/documents`;
    const inline = await get(`${base}/${pdf.id}?inline=true`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename\*=UTF-8''pasport-schetchika\.pdf$/);
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    expect(inline.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const image = await get(`${base}/${photo.id}?inline=true`);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await get(`${base}/${photo.id}`)).headers['content-disposition']).toMatch(/^attachment;/);
    // an appeal's evidence photo likewise
    const complaint = (await get(`/api/v1/org/appeals/${DEMO_DESK.appeals.complaint}`)).json();
    const evidence = complaint.files[0];
    const shown = await get(`/api/v1/org/appeals/${complaint.id}/files/${evidence.id}?inline=true`);
    expect(shown.headers['content-disposition']).toMatch(/^inline;/);
  });
});
