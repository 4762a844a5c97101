import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  IVANOV,
  launchBrowser,
  newContext,
  type Service,
  signIn,
  startService,
  SMIRNOVA,
  ORLOV,
  checkStaffScreen,
} from '../helpers/e2e.js';
import { PNG } from '../helpers/multipart-body.js';

// The staff console in a real browser: a dispatcher takes a resident's request to done, the resident sees
// it and rates it.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the staff console: requests', () => {
  let service: Service;
  let browser: Browser;
  let staffContext: BrowserContext;
  let residentContext: BrowserContext;
  let staff: Page;
  let resident: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    staffContext = await newContext(browser, service, DESKTOP);
    residentContext = await newContext(browser, service, DESKTOP);
    staff = await staffContext.newPage();
    resident = await residentContext.newPage();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('tells a resident that the console is for staff, and the cabinet has no link to it', {
    timeout: 60_000,
  }, async () => {
    await signIn(resident, IVANOV, '/');
    expect(await resident.getByRole('link', { name: 'Консоль УК' }).count()).toBe(0);
    const staffChunks: string[] = [];
    resident.on('request', (r) => {
      if (/\/assets\/(StaffApp|staff)/i.test(r.url())) staffChunks.push(r.url());
    });
    await resident.goto('/requests');
    await resident.getByRole('heading', { level: 1, name: 'Заявки' }).waitFor();
    expect(staffChunks).toEqual([]);
    await resident.goto('/staff');
    await resident.getByRole('heading', { level: 1, name: 'Консоль только для сотрудников' }).waitFor();
    await resident.getByText('вашей учётной записи не выдан доступ').waitFor();
    expect(await checkStaffScreen(resident, 'not-staff')).toEqual([]);
  });

  it('opens the console from the cabinet for a staff member', { timeout: 60_000 }, async () => {
    await signIn(staff, SMIRNOVA, '/');
    await staff.getByRole('link', { name: 'Консоль УК' }).click();
    await staff.waitForURL((u) => u.pathname === '/staff');
    await staff.getByRole('heading', { level: 1, name: 'Что требует внимания' }).waitFor();
    await staff.getByText('ООО «УК Домхаб»').first().waitFor();
    await staff.getByText('Новые заявки').waitFor();
    await staff.getByText('Отказы ГИС ЖКХ').waitFor();
    await staff.getByRole('navigation', { name: 'Разделы консоли' }).waitFor();
    expect(await checkStaffScreen(staff, 'home')).toEqual([]);
    await staff.getByRole('link', { name: 'Кабинет жителя' }).click();
    await staff.waitForURL((u) => u.pathname === '/');
  });

  it('sets default deadlines per category', { timeout: 60_000 }, async () => {
    await staff.goto('/staff/settings');
    await staff.getByRole('heading', { level: 2, name: 'Сроки выполнения заявок' }).waitFor();
    const hours = staff.getByLabel('Водопровод и сантехника: аварийная, часов');
    await hours.fill('4');
    await staff.getByLabel('Отопление: обычная, дней').fill('3');
    // The settings also hold the appeals' terms, with a save button of their own.
    const requests = staff.getByRole('region', { name: 'Сроки выполнения заявок' });
    await requests.getByRole('button', { name: 'Сохранить сроки' }).click();
    await requests.getByText('Сроки сохранены').waitFor();
    expect(await checkStaffScreen(staff, 'settings')).toEqual([]);
    await staff.reload();
    await expect.poll(() => hours.inputValue()).toBe('4');
  });

  it("edits the contacts and a house's areas printed on payment documents", { timeout: 60_000 }, async () => {
    await staff.goto('/staff/settings');
    const contacts = staff.getByRole('region', { name: 'Контакты в платёжных документах' });
    await contacts.getByRole('button', { name: 'Изменить' }).click();
    await contacts.getByLabel('Телефон', { exact: true }).fill('+7 495 111-22-33');
    await contacts.getByLabel('Электронная почта').fill('не почта');
    await contacts.getByRole('button', { name: 'Сохранить' }).click();
    // The API's field error is shown at its field; nothing is saved.
    await contacts.getByText('Укажите адрес электронной почты').waitFor();
    expect(await checkStaffScreen(staff, 'settings-contacts-form')).toEqual([]);
    await contacts.getByLabel('Электронная почта').fill('office@uk.example.ru');
    await contacts.getByRole('button', { name: 'Сохранить' }).click();
    await contacts.getByText('+7 495 111-22-33').waitFor();
    const areas = staff.getByRole('region', { name: 'Площади домов' });
    await areas
      .getByRole('button', { name: /^Изменить площади/ })
      .first()
      .click();
    await areas.getByLabel('Нежилые помещения, м²').fill('45,5');
    await areas.getByRole('button', { name: 'Сохранить' }).click();
    await areas.getByRole('cell', { name: '45,50' }).waitFor();
    expect(await checkStaffScreen(staff, 'settings-contacts')).toEqual([]);
    await staff.reload();
    await contacts.getByText('+7 495 111-22-33').waitFor();
    await contacts.getByText('office@uk.example.ru').waitFor();
    await areas.getByRole('cell', { name: '45,50' }).waitFor();
  });

  it('a dispatcher takes a resident request from new to done: assign, comment, photo, close with the result', {
    timeout: 120_000,
  }, async () => {
    // The rest of the day is the dispatcher's (the administrator set the terms above).
    await signIn(staff, ORLOV, '/staff');
    // Иванов files an emergency plumbing request: its deadline is 4 hours from now (the setting above).
    const me = await resident.request.get('/api/v1/me');
    const created = await resident.request.post('/api/v1/me/tickets', {
      headers: { 'x-csrf-token': (await me.json()).csrfToken },
      data: {
        accountId: '00000000-0000-4000-8000-000000000301',
        category: 'plumbing',
        emergency: true,
        text: 'Сорвало кран на кухне, вода не перекрывается',
        contactPhone: '+79001234567',
      },
    });
    expect(created.status()).toBe(201);
    const ticket = (await created.json()) as { id: string; number: string; deadline: string };
    const hoursLeft = (new Date(ticket.deadline).getTime() - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(3.9);
    expect(hoursLeft).toBeLessThanOrEqual(4);

    await staff.goto('/staff/requests?emergency=true');
    const board = staff.locator('.staff-board');
    const newColumn = board.getByRole('region', { name: /^Новая/ });
    const card = newColumn.getByRole('link', { name: new RegExp(`№ ${ticket.number}`) });
    await card.waitFor();
    expect(await card.textContent()).toMatch(/срок через [34]\sчаса/);
    expect(await checkStaffScreen(staff, 'requests-board')).toEqual([]);

    await staff.getByRole('button', { name: 'Таблица' }).click();
    await staff.getByRole('link', { name: `№ ${ticket.number}` }).waitFor();
    expect(await checkStaffScreen(staff, 'requests-table')).toEqual([]);

    await staff.getByRole('link', { name: `№ ${ticket.number}` }).click();
    await staff.getByRole('heading', { level: 1, name: `Заявка № ${ticket.number}` }).waitFor();
    await staff.getByRole('button', { name: 'Взять в работу' }).click();
    await staff.getByText('Статус: в работе').waitFor();
    await staff.getByLabel('Исполнитель').fill('Аварийная бригада № 5');
    await staff.getByRole('button', { name: 'Сохранить' }).click();
    await staff.getByText('Сохранено').waitFor();
    await staff.getByLabel('Текст комментария').fill('Бригада будет у вас в течение часа');
    await staff.getByRole('button', { name: 'Отправить жителю' }).click();
    await staff.locator('.timeline').getByText('Бригада будет у вас в течение часа').waitFor();
    await staff.getByLabel('Добавить фото').setInputFiles({ name: 'kran.png', mimeType: 'image/png', buffer: PNG });
    await staff.getByRole('img', { name: 'Фото: kran.png' }).waitFor();
    expect(await checkStaffScreen(staff, 'request')).toEqual([]);
    await staff.getByLabel('Результат для жителя').fill('Заменён кран, течь устранена');
    await staff.getByRole('button', { name: 'Закрыть: выполнена' }).click();
    await staff.getByText('Заявка закрыта.').waitFor();
    await staff.getByText('Статус: выполнена').waitFor();

    // Иванов sees it done with the result, the comment and the photo, and rates the work.
    await resident.goto(`/requests/${ticket.id}`);
    await resident.getByRole('heading', { level: 1, name: `Заявка № ${ticket.number}` }).waitFor();
    await resident.getByText('Выполнена').first().waitFor();
    await resident.getByText('Бригада будет у вас в течение часа').waitFor();
    await resident.getByText('Заменён кран, течь устранена').first().waitFor();
    await resident.getByRole('img', { name: 'Фото: kran.png' }).waitFor();
    await resident.getByText('4 — хорошо').click();
    await resident.getByLabel('Комментарий к оценке').fill('Быстро приехали');
    await resident.getByRole('button', { name: 'Оценить' }).click();
    await resident.getByRole('heading', { name: 'Ваша оценка' }).waitFor();

    // The console shows the rating on the request and in the average of its category.
    await staff.reload();
    await staff.getByText('4 из 5 — «Быстро приехали»').waitFor();
    await staff.goto('/staff/requests');
    const ratings = staff.getByRole('region', { name: 'Оценки жителей по категориям' });
    await ratings.getByRole('row', { name: /Водопровод и сантехника/ }).waitFor();
    expect(await ratings.getByRole('row', { name: /Водопровод и сантехника/ }).textContent()).toMatch(/4,50 из 5.*2/);
  });
});
