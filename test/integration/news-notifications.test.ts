import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceNews } from '../../src/news/service.js';
import { remindReadingWindows, remindVerifications } from '../../src/notify/reminders.js';
import { createFieldCipher } from '../../src/identity/crypto.js';
import { DEMO, seedDemoData } from '../../src/sandbox/demo/index.js';
import { DEMO_SERVICE } from '../../src/sandbox/demo/service-requests.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let ivanov: Record<string, string>;
let petrova: Record<string, string>;
let orgKey: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ label: 'news', workers: true });
  ivanov = await sessionHeaders(t.deps, DEMO.citizen.personId);
  petrova = await sessionHeaders(t.deps, DEMO.neighbour.personId);
  orgKey = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view', 'news.publish']);
});
afterAll(() => t?.close());

const publish = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/org/news', headers: orgKey, payload });
const unread = async (headers: Record<string, string>) =>
  (
    (await t.app.inject({ method: 'GET', url: '/api/v1/me/news?unread=true', headers })).json().items as {
      id: string;
      kind: string;
    }[]
  ).map((n) => n.id);

async function outbox(to: string, until: (m: { subject: string; text: string }[]) => boolean) {
  let mail: { subject: string; text: string }[] = [];
  for (let i = 0; i < 60; i++) {
    mail = (await t.app.inject({ method: 'GET', url: `/sandbox/mail?to=${to}` })).json();
    if (until(mail)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return mail;
}

describe('news', () => {
  it('shows the demo outage first among unread notices at sign-in and forgets it once read', async () => {
    const items = (await t.app.inject({ method: 'GET', url: '/api/v1/me/news?unread=true', headers: petrova })).json()
      .items;
    expect(items[0]).toMatchObject({ id: DEMO_SERVICE.news.outage, kind: 'emergency', read: false });
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/news/${DEMO_SERVICE.news.outage}/read`,
      headers: petrova,
    });
    expect(read.statusCode).toBe(204);
    expect(await unread(petrova)).not.toContain(DEMO_SERVICE.news.outage);
    expect(await unread(ivanov)).toContain(DEMO_SERVICE.news.outage);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/me/news', headers: petrova })).json().items;
    expect(all.find((n: { id: string }) => n.id === DEMO_SERVICE.news.outage).read).toBe(true);
    const org = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/news?houseId=${DEMO.houses.moscow}`, headers: orgKey })
    ).json().items;
    expect(org.find((n: { id: string }) => n.id === DEMO_SERVICE.news.outage).readCount).toBe(1);
  });

  it('scopes notices to houses and to their publish and expiry times', async () => {
    const far = (
      await publish({
        title: 'Покраска подъезда',
        body: 'Во Владивостоке красим подъезды',
        houseIds: [DEMO.houses.vladivostok],
      })
    ).json();
    const later = (
      await publish({
        title: 'Собрание',
        body: 'Скоро',
        houseIds: [DEMO.houses.moscow],
        publishAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
    ).json();
    const now = (
      await publish({ title: 'Поверка счётчиков', body: 'Напоминаем о поверке', houseIds: [DEMO.houses.moscow] })
    ).json();
    expect(await unread(ivanov)).toEqual(expect.arrayContaining([far.id, now.id]));
    expect(await unread(ivanov)).not.toContain(later.id);
    expect(await unread(petrova)).not.toContain(far.id);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/me/news/${far.id}/read`, headers: petrova })).statusCode,
    ).toBe(404);
    // the meetings module writes notices straight into the table; they show the same way
    const { rows } = await t.deps.db.query(
      `INSERT INTO news (organisation_id, title, body, house_ids) VALUES ($1, 'Сообщение о собрании', 'Повестка', ARRAY[$2::uuid]) RETURNING id`,
      [DEMO.organisationId, DEMO.houses.moscow],
    );
    expect(await unread(petrova)).toContain(rows[0].id);
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/news/${now.id}/withdraw`,
      headers: orgKey,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(await unread(ivanov)).not.toContain(now.id);
  });

  it('refuses houses of another organisation and bad times with field paths', async () => {
    await t.deps.db.query(
      `INSERT INTO organisations (id, name, inn) VALUES ('00000000-0000-4000-8000-00000000a001', 'Другая УК', '7707083893')`,
    );
    await t.deps.db.query(
      `INSERT INTO houses (id, region, house_number, full_address, organisation_id) VALUES ('00000000-0000-4000-8000-00000000a101', 'г. Москва', '1', 'г. Москва, д. 1', '00000000-0000-4000-8000-00000000a001')`,
    );
    const res = await publish({
      title: 'Чужой дом',
      body: 'Нельзя',
      houseIds: [DEMO.houses.moscow, '00000000-0000-4000-8000-00000000a101'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body.houseIds.1', message: 'not a house of the organisation' }]);
    const past = await publish({
      title: 'Просрочено',
      body: 'x',
      houseIds: [DEMO.houses.moscow],
      expiresAt: '2020-01-01T00:00:00Z',
    });
    expect(past.json().errors[0].path).toBe('body.expiresAt');
    const resident = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/news',
      headers: petrova,
      payload: { title: 'От жителя', body: 'x', houseIds: [DEMO.houses.moscow] },
    });
    expect(resident.statusCode).toBe(403);
  });

  it('emails an emergency notice to the residents of its houses, once each', async () => {
    const outage = (
      await publish({
        kind: 'emergency',
        title: 'Отключение электроэнергии',
        body: 'С 10:00 до 14:00 ремонт кабеля',
        houseIds: [DEMO.houses.moscow],
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
    ).json();
    const mail = await outbox('petrova@example.ru', (m) =>
      m.some((x) => x.subject === 'Внимание: Отключение электроэнергии'),
    );
    expect(mail.filter((x) => x.subject === 'Внимание: Отключение электроэнергии')).toHaveLength(1);
    expect(mail.find((x) => x.subject === 'Внимание: Отключение электроэнергии')!.text).toContain('ремонт кабеля');
    // a retried job sends nothing new
    expect(await announceNews(t.deps.db, t.deps.notifier, outage.id)).toBe(0);
    const ivanovMail = await outbox('ivanov@example.ru', (m) =>
      m.some((x) => x.subject === 'Внимание: Отключение электроэнергии'),
    );
    expect(ivanovMail.some((x) => x.subject === 'Внимание: Отключение электроэнергии')).toBe(true);
    // a common notice is not emailed unless asked
    await publish({ title: 'Тихая новость', body: 'Без письма', houseIds: [DEMO.houses.moscow] });
    const { rows } = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'subject' LIKE '%Тихая новость%'`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('demo data', () => {
  it('seeds requests, a returned appeal and news once, however often the sandbox starts', async () => {
    const count = async () =>
      (
        await t.deps.db.query(`SELECT (SELECT count(*) FROM tickets)::int AS t, (SELECT count(*) FROM ticket_events)::int AS e,
                                     (SELECT count(*) FROM appeals WHERE status = 'returned')::int AS a, (SELECT count(*) FROM appeal_events)::int AS ae`)
      ).rows[0];
    const before = await count();
    await seedDemoData(t.deps.db, createFieldCipher(t.deps.config.encryptionKeys));
    expect(await count()).toEqual(before);
    expect(before.a).toBe(1);
  });
});

describe('reminders', () => {
  it('remind of a coming verification once per person, meter and date', async () => {
    await remindVerifications(t.deps.db, t.deps.notifier, 30); // the demo meters' own reminders
    const { rows } = await t.deps.db.query(
      `INSERT INTO meters (account_id, resource, serial_number, next_verification) VALUES ($1, 'hot_water', 'ГВ-778899', (now() AT TIME ZONE 'Europe/Moscow')::date + 10),
              ($1, 'cold_water', 'ХВ-112233', (now() AT TIME ZONE 'Europe/Moscow')::date + 200) RETURNING id`,
      [DEMO.accounts.citizenFlat12],
    );
    expect(await remindVerifications(t.deps.db, t.deps.notifier, 30)).toBe(1);
    expect(await remindVerifications(t.deps.db, t.deps.notifier, 30)).toBe(0);
    // the date moved (a new verification was booked): a new reminder is due
    await t.deps.db.query(`UPDATE meters SET next_verification = next_verification + 5 WHERE id = $1`, [rows[0].id]);
    expect(await remindVerifications(t.deps.db, t.deps.notifier, 30)).toBe(1);
    const mail = await outbox('ivanov@example.ru', (m) => m.some((x) => x.subject.includes('ГВ-778899')));
    const reminder = mail.find((x) => x.subject === 'Приближается срок поверки счётчика ГВ-778899');
    expect(reminder?.text).toContain('горячей воды');
    expect(mail.some((x) => x.subject.includes('ХВ-112233'))).toBe(false);
  });

  it('remind of an open reading window once per person, account and period', async () => {
    await t.deps.db.query(
      `UPDATE organisations SET reading_window_start_day = 1, reading_window_end_day = 31 WHERE id = $1`,
      [DEMO.organisationId],
    );
    const { rows: due } = await t.deps.db.query(
      `SELECT DISTINCT l.person_id, m.account_id FROM meters m JOIN account_links l ON l.account_id = m.account_id AND l.revoked_at IS NULL
        JOIN accounts a ON a.id = m.account_id WHERE a.organisation_id = $1 AND m.archived_at IS NULL`,
      [DEMO.organisationId],
    );
    expect(due.length).toBeGreaterThan(0);
    expect(await remindReadingWindows(t.deps.db, t.deps.notifier)).toBe(due.length);
    expect(await remindReadingWindows(t.deps.db, t.deps.notifier)).toBe(0);
    const { rows } = await t.deps.db.query(
      `SELECT data->>'subject' AS subject, data->>'text' AS text FROM pgboss.job
        WHERE name = 'mail.send' AND data->>'subject' LIKE 'Пора передать показания%' AND data->>'to' = 'ivanov@example.ru'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].text).toContain('с 1 по 31 число');
  });
});
