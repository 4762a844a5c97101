import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { multipartBody, PNG } from '../helpers/multipart-body.js';

let t: TestApp;
let ivanov: Record<string, string>;
let petrova: Record<string, string>;
let staff: Record<string, string>;
let orgKey: Record<string, string>;
let otherOrgKey: Record<string, string>;
const OTHER_ORG = '00000000-0000-4000-8000-00000000a001';

beforeAll(async () => {
  t = await startTestApp({ label: 'tickets' });
  ivanov = await sessionHeaders(t.deps, DEMO.citizen.personId);
  petrova = await sessionHeaders(t.deps, DEMO.neighbour.personId);
  staff = await sessionHeaders(t.deps, DEMO.staff.personId);
  orgKey = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view', 'tickets.manage']);
  await t.deps.db.query(`INSERT INTO organisations (id, name, inn) VALUES ($1, 'ООО «Другая УК»', '7707083893')`, [
    OTHER_ORG,
  ]);
  otherOrgKey = await apiKeyHeaders(t.deps, OTHER_ORG, ['console.view', 'tickets.manage']);
});
afterAll(() => t?.close());

async function create(headers: Record<string, string>, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: '/api/v1/me/tickets', headers, payload: body });
}

describe('maintenance requests', () => {
  it('are created with photos and an encrypted phone, and go new → in progress → done with notifications', async () => {
    const upload = multipartBody([['photo', 'leak.png', PNG]]);
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tickets/files',
      headers: { ...ivanov, ...upload.headers },
      payload: upload.payload,
    });
    expect(up.statusCode).toBe(201);
    const photoId = up.json().files[0].id;

    const res = await create(ivanov, {
      accountId: DEMO.accounts.citizenFlat12,
      category: 'plumbing',
      emergency: true,
      text: 'Течёт стояк в ванной',
      contactPhone: '8 (900) 123-45-67',
      photoIds: [photoId],
    });
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket).toMatchObject({
      status: 'new',
      mine: true,
      contactPhone: '+79001234567',
      emergency: true,
      houseId: DEMO.houses.moscow,
    });
    expect(ticket.files).toHaveLength(1);
    const { rows } = await t.deps.db.query(`SELECT contact_phone_enc FROM tickets WHERE id = $1`, [ticket.id]);
    expect(rows[0].contact_phone_enc).toMatch(/^v1\./);
    expect(rows[0].contact_phone_enc).not.toContain('9001234567');

    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/v1/org/tickets?houseId=${DEMO.houses.moscow}&emergency=true&open=true`,
      headers: orgKey,
    });
    expect(queue.json().items.map((i: { id: string }) => i.id)).toContain(ticket.id);
    expect(queue.json().items[0].contactPhone).toBeNull();

    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const work = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org/tickets/${ticket.id}`,
      headers: orgKey,
      payload: { status: 'in_progress', assignee: 'Сантехник Петров', deadline, comment: 'Выехали' },
    });
    expect(work.statusCode).toBe(200);
    expect(work.json()).toMatchObject({
      status: 'in_progress',
      assignee: 'Сантехник Петров',
      contactPhone: '+79001234567',
    });
    const audited = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ticket.personal_data.read' AND object_id = $1`,
      [ticket.id],
    );
    expect(audited.rows[0].n).toBeGreaterThan(0);

    const skip = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org/tickets/${ticket.id}`,
      headers: orgKey,
      payload: { status: 'new' },
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().code).toBe('status_transition_not_allowed');

    const done = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org/tickets/${ticket.id}`,
      headers: staff,
      payload: { status: 'done', resolution: 'Заменён участок трубы' },
    });
    expect(done.json()).toMatchObject({ status: 'done', resolution: 'Заменён участок трубы' });
    expect(done.json().closedAt).not.toBeNull();

    const mine = await t.app.inject({ method: 'GET', url: `/api/v1/me/tickets/${ticket.id}`, headers: ivanov });
    expect(mine.json().events.map((e: { toStatus: string | null }) => e.toStatus)).toEqual([
      'new',
      'in_progress',
      'done',
    ]);

    const reopened = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/tickets/${ticket.id}/reopen`,
      headers: ivanov,
      payload: { reason: 'Снова течёт' },
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'new', reopenedCount: 1, closedAt: null });

    const jobs = await t.deps.db.query(
      `SELECT data->>'subject' AS subject FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = 'ivanov@example.ru'`,
    );
    const subjects = jobs.rows.map((r) => r.subject);
    expect(subjects).toContain(`Заявка № ${ticket.number}: в работе`);
    expect(subjects).toContain(`Заявка № ${ticket.number}: выполнена`);
    expect(subjects).toContain(`Заявка № ${ticket.number} открыта повторно`);
  });

  it('refuses reopening past the configured time', async () => {
    const ticket = (
      await create(ivanov, {
        accountId: DEMO.accounts.citizenFlat12,
        category: 'elevator',
        text: 'Лифт застревает',
        contactPhone: '+79001112233',
      })
    ).json();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org/tickets/${ticket.id}`,
      headers: orgKey,
      payload: { status: 'rejected', comment: 'Не подтвердилось' },
    });
    await t.deps.db.query(`UPDATE tickets SET closed_at = now() - interval '15 days' WHERE id = $1`, [ticket.id]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/tickets/${ticket.id}/reopen`,
      headers: ivanov,
      payload: { reason: 'Опять' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('reopen_not_allowed');
  });

  it('shows house-wide requests to neighbours without the author’s phone, and hides own ones', async () => {
    const common = (
      await create(ivanov, {
        accountId: DEMO.accounts.citizenFlat12,
        visibility: 'house',
        category: 'cleaning',
        text: 'Не убирают подъезд',
        contactPhone: '+79001112233',
      })
    ).json();
    const own = (
      await create(ivanov, {
        accountId: DEMO.accounts.citizenFlat12,
        category: 'heating',
        text: 'Холодные батареи',
        contactPhone: '+79001112233',
      })
    ).json();

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/me/tickets', headers: petrova });
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(common.id);
    expect(ids).not.toContain(own.id);
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/me/tickets/${common.id}`, headers: petrova });
    expect(seen.json()).toMatchObject({ mine: false, contactPhone: null, accountId: null });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/me/tickets/${own.id}`, headers: petrova })).statusCode,
    ).toBe(404);
    const reopen = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/tickets/${common.id}/reopen`,
      headers: petrova,
      payload: { reason: 'Хочу' },
    });
    expect(reopen.statusCode).toBe(422);
  });

  it('hides a request of another house from a resident and from another organisation', async () => {
    // Иванов's Vladivostok account: Петрова has no link in that house.
    const far = (
      await create(ivanov, {
        accountId: DEMO.accounts.vladivostokFlat5,
        visibility: 'house',
        category: 'roof',
        text: 'Протекает крыша',
        contactPhone: '+79001112233',
      })
    ).json();
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/me/tickets/${far.id}`, headers: petrova })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/org/tickets/${far.id}`, headers: otherOrgKey })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/org/tickets/${far.id}`,
          headers: otherOrgKey,
          payload: { status: 'rejected' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/org/tickets', headers: otherOrgKey })).json().items,
    ).toEqual([]);
    // a dispatcher of another organisation, signed in
    await t.deps.db.query(
      `INSERT INTO persons (id, subject, last_name) VALUES ('00000000-0000-4000-8000-00000000b010', 'other-dispatcher', 'Чужой')`,
    );
    await t.deps.db.query(
      `INSERT INTO org_staff (organisation_id, person_id, role_id) VALUES ($1, '00000000-0000-4000-8000-00000000b010', '00000000-0000-4000-8000-00000000a002')`,
      [OTHER_ORG],
    );
    const foreignStaff = await sessionHeaders(t.deps, '00000000-0000-4000-8000-00000000b010');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/org/tickets/${far.id}`, headers: foreignStaff })).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/org/tickets/${far.id}/comments`,
          headers: foreignStaff,
          payload: { body: 'Чужая заявка' },
        })
      ).statusCode,
    ).toBe(404);
    // a resident cannot act as staff, and cannot file a request on someone else's account
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org/tickets', headers: petrova })).statusCode).toBe(403);
    expect(
      (
        await create(petrova, {
          accountId: DEMO.accounts.citizenFlat12,
          category: 'other',
          text: 'Чужой счёт',
          contactPhone: '+79001112233',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('creates a request once per Idempotency-Key', async () => {
    const body = {
      accountId: DEMO.accounts.citizenFlat12,
      category: 'intercom',
      text: 'Домофон не открывает дверь',
      contactPhone: '+79001112233',
    };
    const headers = { ...ivanov, 'idempotency-key': 'ticket-intercom-0001' };
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/me/tickets', headers, payload: body });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/me/tickets', headers, payload: body });
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const { rows } = await t.deps.db.query(`SELECT count(*)::int AS n FROM tickets WHERE category = 'intercom'`);
    expect(rows[0].n).toBe(1);
  });

  it('refuses bad input with field paths and a foreign photo id', async () => {
    const bad = await create(ivanov, {
      accountId: DEMO.accounts.citizenFlat12,
      category: 'teleport',
      text: '',
      contactPhone: '12345',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.category', 'body.contactPhone', 'body.text']);
    const upload = multipartBody([['photo', 'p.png', PNG]]);
    const theirs = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/me/tickets/files',
        headers: { ...petrova, ...upload.headers },
        payload: upload.payload,
      })
    ).json().files[0].id;
    const res = await create(ivanov, {
      accountId: DEMO.accounts.citizenFlat12,
      category: 'other',
      text: 'Фото соседки',
      contactPhone: '+79001112233',
      photoIds: [theirs],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.photoIds.0');
  });

  it('are rated 1–5 by the author once per closing, and the organisation reads the average per category', async () => {
    const ticket = (
      await create(ivanov, {
        accountId: DEMO.accounts.citizenFlat12,
        category: 'pests',
        text: 'Тараканы в подвале',
        contactPhone: '+79001112233',
      })
    ).json();
    const rate = (headers: Record<string, string>, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/v1/me/tickets/${ticket.id}/rating`, headers, payload });

    const early = await rate(ivanov, { score: 5 });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('ticket_not_closed');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org/tickets/${ticket.id}`,
      headers: orgKey,
      payload: { status: 'in_progress' },
    });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org/tickets/${ticket.id}`,
      headers: orgKey,
      payload: { status: 'done', resolution: 'Обработали подвал' },
    });

    const bad = await rate(ivanov, { score: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.score');
    expect((await rate(petrova, { score: 1 })).statusCode).toBe(404);

    const rated = await rate(ivanov, { score: 2, comment: ' Через неделю вернулись ' });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().rating).toMatchObject({ score: 2, comment: 'Через неделю вернулись' });
    const twice = await rate(ivanov, { score: 5 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ticket_already_rated');

    const averages = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/org/tickets/ratings?houseId=${DEMO.houses.moscow}`,
          headers: orgKey,
        })
      ).json().items as { category: string; count: number; average: string }[];
    expect((await averages()).find((i) => i.category === 'pests')).toEqual({
      category: 'pests',
      count: 1,
      average: '2.00',
    });

    // reopening clears the rating; the next closing is rated afresh and the average follows
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/tickets/${ticket.id}/reopen`,
      headers: ivanov,
      payload: { reason: 'Снова появились' },
    });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/me/tickets/${ticket.id}`, headers: ivanov })).json().rating,
    ).toBeNull();
    expect((await averages()).find((i) => i.category === 'pests')).toBeUndefined();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org/tickets/${ticket.id}`,
      headers: orgKey,
      payload: { status: 'rejected', comment: 'Дубль' },
    });
    expect((await rate(ivanov, { score: 5 })).statusCode).toBe(200);
    expect((await averages()).find((i) => i.category === 'pests')).toMatchObject({ count: 1, average: '5.00' });

    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/org/tickets/ratings', headers: otherOrgKey })).json().items,
    ).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/org/tickets/ratings', headers: petrova })).statusCode,
    ).toBe(403);
  });
});
