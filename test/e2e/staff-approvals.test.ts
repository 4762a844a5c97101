import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  newContext,
  type Service,
  signIn,
  startService,
  SMIRNOVA,
  checkStaffScreen,
} from '../helpers/e2e.js';

/** Кузнецов: a sandbox ESIA citizen with no account in the demo (src/sandbox/esia/citizens.ts). */
const KUZNETSOV = '15692345896';
/** Профсоюзная 43 к1 and its flat 14's account, linked to no one in the demo (src/sandbox/demo/accounts.ts). */
const MOSCOW_HOUSE = '00000000-0000-4000-8000-000000000101';
const FLAT_14 = '00000000-0000-4000-8000-000000000304';

// Issue 15, screen 4: a resident asks the organisation to link flat 14's account; the administrator
// approves it from the console's «Подтверждения», looks at the demo's meter registration's passport in the
// browser, and rejects the resident's change of registered residents with a reason the resident then reads.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the staff console: approvals', () => {
  let service: Service;
  let browser: Browser;
  let staff: Page;
  let resident: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    staff = await (await newContext(browser, service, DESKTOP)).newPage();
    resident = await (await newContext(browser, service, DESKTOP)).newPage();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** A write of the resident's API with the session's CSRF token. */
  async function residentPost(url: string, data: unknown) {
    const me = (await (await resident.request.get('/api/v1/me')).json()) as { csrfToken: string };
    return resident.request.post(url, { headers: { 'x-csrf-token': me.csrfToken }, data });
  }

  it('approves a link request, shows a registration document, rejects a change of residents', {
    timeout: 120_000,
  }, async () => {
    await Promise.all([signIn(resident, KUZNETSOV, '/'), signIn(staff, SMIRNOVA, '/staff')]);
    const asked = await residentPost('/api/v1/me/accounts', {
      houseId: MOSCOW_HOUSE,
      accountNumber: '100014',
      proof: { method: 'organisation', comment: 'Купил квартиру 14, прошу подключить' },
    });
    expect(asked.status(), await asked.text()).toBe(202);

    // The home's count leads to the tab.
    await staff.getByRole('heading', { level: 1, name: 'Что требует внимания' }).waitFor();
    await staff.getByRole('link', { name: /Запросы на привязку счетов/ }).click();
    await staff.waitForURL((u) => u.pathname === '/staff/approvals' && u.searchParams.get('tab') === 'links');
    await staff.getByRole('heading', { level: 1, name: 'Заявки на подтверждение' }).waitFor();
    const tabs = staff.getByRole('navigation', { name: 'Виды заявок' });
    await expect
      .poll(() => tabs.locator('[aria-current="page"]').textContent())
      .toMatch(/^Привязка лицевых счетов[2-9] ждут решения$/);
    const card = staff
      .getByRole('listitem')
      .filter({ has: staff.getByRole('heading', { name: 'Кузнецов Алексей Петрович' }) });
    await card.getByText('Купил квартиру 14, прошу подключить').waitFor();
    await card.getByText('ул. Профсоюзная', { exact: false }).first().waitFor();
    await card.getByText('кв. 14', { exact: false }).waitFor();
    expect(await card.getByText('л/с 100014').count()).toBe(1);
    expect(await checkStaffScreen(staff, 'approvals-links')).toEqual([]);

    await card.getByRole('button', { name: 'Подтвердить: Кузнецов Алексей Петрович' }).click();
    await card.getByText('Привязать л/с 100014 к жителю Кузнецов Алексей Петрович в роли собственника?').waitFor();
    await card.getByRole('button', { name: 'Да, привязать' }).click();
    await staff.getByRole('status').getByText('Счёт 100014 привязан: Кузнецов Алексей Петрович.').waitFor();
    await card.waitFor({ state: 'detached' });
    const accounts = (await (await resident.request.get('/api/v1/me/accounts')).json()) as {
      items: { id: string; number: string }[];
    };
    expect(accounts.items.map((a) => a.number)).toContain('100014');

    // The demo's registration of a hot-water meter: its photo as a thumbnail, its passport opened in a tab.
    await tabs.getByRole('link', { name: /^Регистрация счётчиков/ }).click();
    await staff.waitForURL((u) => u.searchParams.get('tab') === 'meters');
    const registration = staff
      .getByRole('listitem')
      .filter({ has: staff.getByRole('heading', { name: /Горячая вода, № ГВ-2026-118420/ }) });
    await registration.getByText('Установили новый счётчик горячей воды').waitFor();
    const thumb = registration.getByRole('img', { name: 'Фото счётчика: foto-schetchika.png' });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const [popup, response] = await Promise.all([
      staff.waitForEvent('popup'),
      staff.waitForResponse((r) => /\/documents\/[0-9a-f-]+\?inline=true$/.test(r.url())),
      registration.getByRole('button', { name: 'Паспорт счётчика' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(/^inline/);
    await expect.poll(() => popup.url()).toMatch(/^blob:/);
    await popup.close();
    expect(await checkStaffScreen(staff, 'approvals-meters')).toEqual([]);

    // Кузнецов, now the account's holder, asks to count three residents; the organisation refuses.
    const change = await residentPost(`/api/v1/me/accounts/${FLAT_14}/residents`, {
      count: 3,
      reason: 'Прописал жену и сына',
    });
    expect(change.status(), await change.text()).toBe(201);
    await tabs.getByRole('link', { name: /^Число проживающих/ }).click();
    await staff.waitForURL((u) => u.searchParams.get('tab') === 'residents');
    const changeCard = staff
      .getByRole('listitem')
      .filter({ has: staff.getByRole('heading', { name: 'Лицевой счёт 100014: 3 человека' }) });
    await changeCard.getByText('Прописал жену и сына').waitFor();
    expect(await checkStaffScreen(staff, 'approvals-residents')).toEqual([]);
    await changeCard.getByRole('button', { name: 'Отклонить: л/с 100014' }).click();
    await changeCard.getByRole('button', { name: 'Отклонить', exact: true }).click();
    await changeCard.getByText('Напишите причину — не короче 3 знаков.').waitFor();
    await changeCard.getByLabel('Причина отказа').fill('Нужна выписка из домовой книги о регистрации');
    expect(await checkStaffScreen(staff, 'approvals-reject')).toEqual([]);
    await changeCard.getByRole('button', { name: 'Отклонить', exact: true }).click();
    await staff.getByRole('status').getByText('Изменение по л/с 100014 отклонено.', { exact: false }).waitFor();
    await changeCard.waitFor({ state: 'detached' });
    expect(await checkStaffScreen(staff, 'approvals-residents-done')).toEqual([]);

    const residents = (await (await resident.request.get(`/api/v1/me/accounts/${FLAT_14}/residents`)).json()) as {
      history: { status: string; decisionReason: string | null }[];
    };
    expect(residents.history[0]).toMatchObject({
      status: 'rejected',
      decisionReason: 'Нужна выписка из домовой книги о регистрации',
    });
  });
});
