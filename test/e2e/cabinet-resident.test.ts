import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEETINGS } from '../../src/sandbox/demo/meetings.js';
import { DEMO_SERVICE } from '../../src/sandbox/demo/service-requests.js';
import { checkScreen, launchBrowser, newContext, signIn, startService, type Service } from '../helpers/e2e.js';
import { PNG } from '../helpers/multipart-body.js';

/** A citizen of the sandbox ESIA not yet known to the hub (src/sandbox/esia/citizens.ts). */
const KUZNETSOV = '15692345896';

// The resident's screens 7–12 in a real browser against the real service: requests with a photo and a
// rating, news, voting in the demo meeting, inviting a co-owner who accepts by the link, the profile.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the resident cabinet: requests, news, meetings, access', () => {
  let service: Service;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    context = await newContext(browser, service);
    page = await context.newPage();
    // The notices pop up once after sign-in; these tests are about other screens.
    await context.addCookies([{ name: 'domhub_news_shown', value: '1', url: service.url }]);
    await signIn(page, undefined, '/requests');
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('files a request with a photo and sees it with its timeline', { timeout: 90_000 }, async () => {
    await page.getByRole('heading', { level: 1, name: 'Заявки' }).waitFor();
    await page.getByText('Течёт стояк').waitFor();
    expect(await checkScreen(page, 'requests')).toEqual([]);

    await page.getByRole('link', { name: 'Новая заявка' }).click();
    await page.getByRole('heading', { level: 1, name: 'Новая заявка' }).waitFor();
    const photo = page.getByLabel('Фотографии');
    expect(await photo.getAttribute('accept')).toBe('image/*');
    expect(await photo.getAttribute('capture')).toBe('environment');
    // a refusal appears next to its field
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    await page.getByText('Выберите категорию.').waitFor();
    await page.getByText('Укажите российский номер телефона').waitFor();
    expect(await checkScreen(page, 'request-new-errors')).toEqual([]);

    await page.getByLabel('Категория').selectOption('plumbing');
    await page.getByLabel('Аварийная ситуация').check();
    await page.getByLabel('Что случилось').fill('Капает из-под раковины на кухне, подставили таз');
    await page.getByLabel('Телефон для связи').fill('+7 900 111-22-33');
    await photo.setInputFiles({ name: 'rakovina.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('rakovina.png').waitFor();
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    await page.getByRole('heading', { level: 1, name: /^Заявка № \d+$/ }).waitFor();
    await page.getByText('Заявка подана').waitFor();
    expect(await page.getByRole('img', { name: 'Фото: rakovina.png' }).count()).toBe(1);
    expect(await page.getByText('Аварийная').count()).toBeGreaterThan(0);
    expect(await checkScreen(page, 'request')).toEqual([]);

    await page.getByLabel('Комментарий', { exact: true }).fill('Перекрыли воду под раковиной');
    await page.getByRole('button', { name: 'Отправить комментарий' }).click();
    await page.locator('.timeline').getByText('Перекрыли воду под раковиной').waitFor();
  });

  it('rates the work on a closed request', { timeout: 60_000 }, async () => {
    await page.goto(`/requests/${DEMO_SERVICE.tickets.ownDone}`);
    await page.getByRole('group', { name: 'Оцените работу' }).waitFor();
    expect(await checkScreen(page, 'request-closed')).toEqual([]);
    await page.getByLabel('4 — хорошо').check();
    await page.getByLabel('Комментарий к оценке').fill('Сделали за день');
    await page.getByRole('button', { name: 'Оценить' }).click();
    await page.getByRole('heading', { name: 'Ваша оценка' }).waitFor();
    await page.getByText('Сделали за день').waitFor();
    await page.getByRole('button', { name: 'Открыть заявку повторно' }).waitFor();
  });

  it('lists notices with the emergency first and marks them read', { timeout: 60_000 }, async () => {
    await page.goto('/news');
    await page.getByRole('heading', { level: 2, name: 'Отключение горячей воды' }).waitFor();
    const first = page.locator('.news').first();
    expect(await first.getAttribute('class')).toContain('news-emergency');
    expect(await checkScreen(page, 'news')).toEqual([]);
    const unreadBefore = await page.locator('.news-unread').count();
    expect(unreadBefore).toBeGreaterThan(0);
    await first.getByRole('button', { name: 'Прочитано' }).click();
    await expect.poll(() => page.locator('.news-unread').count()).toBe(unreadBefore - 1);
  });

  it('shows where to vote in the demo meeting held in the state system, not a ballot of its own', {
    timeout: 90_000,
  }, async () => {
    await page.goto('/meetings');
    await page.getByRole('link', { name: /Капитальный ремонт лифтов/ }).waitFor();
    await page.getByText('Идёт голосование в ГИС ЖКХ').first().waitFor();
    expect(await checkScreen(page, 'meetings')).toEqual([]);
    await page.getByRole('link', { name: /Капитальный ремонт лифтов/ }).click();
    await page.getByRole('heading', { name: 'Голосование в ГИС ЖКХ' }).waitFor();
    await page.getByRole('link', { name: 'Смета на замену лифтов' }).waitFor();
    await page.getByText('Кворум').first().waitFor();
    // 463-ФЗ: votes gathered outside the state system do not count — a link there, no local ballot.
    const vote = page.getByRole('link', { name: 'Проголосовать в ГИС ЖКХ' });
    expect(await vote.getAttribute('href')).toMatch(/^https:\/\/dom\.gosuslugi\.ru/);
    expect(await page.getByRole('button', { name: 'Проверить и проголосовать' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Бюллетень' }).count()).toBe(0);
    expect(await checkScreen(page, 'meeting-state-system')).toEqual([]);

    await page.goto(`/meetings/${DEMO_MEETINGS.closed}`);
    await page.getByRole('link', { name: 'Протокол (PDF)' }).waitFor();
    await page
      .getByText(/Решение (не )?принято/)
      .first()
      .waitFor();
    expect(await checkScreen(page, 'meeting-closed')).toEqual([]);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Протокол (PDF)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  });

  it('invites a co-owner who accepts by the link and appears in the access list', { timeout: 120_000 }, async () => {
    await page.goto('/access');
    await page.getByRole('heading', { name: 'У кого есть доступ' }).waitFor();
    await page.getByLabel('Кого приглашаете').selectOption('co_owner');
    await page.getByRole('button', { name: 'Создать приглашение' }).click();
    const link = await page.getByTestId('invite-link').textContent();
    expect(link).toMatch(/\/invite\/.+/);
    expect(await checkScreen(page, 'access')).toEqual([]);

    // the second demo citizen opens the link, signs in through the sandbox provider and accepts
    const other = await newContext(browser, service);
    try {
      const second = await other.newPage();
      const path = new URL(link!).pathname;
      await signIn(second, KUZNETSOV, path);
      await second.getByRole('heading', { level: 1, name: 'Приглашение' }).waitFor();
      expect(await checkScreen(second, 'invite-accept')).toEqual([]);
      await second.getByRole('button', { name: 'Принять приглашение' }).click();
      await second.getByText(/Приглашение принято: вы — совладелец/).waitFor();
    } finally {
      await other.close();
    }

    await page.reload();
    const person = page.locator('.person', { hasText: 'Кузнецов' });
    await person.waitFor();
    expect(await person.textContent()).toContain('Совладелец');
    await person.getByRole('button', { name: /Отозвать доступ/ }).click();
    await person.getByRole('button', { name: 'Да, отозвать' }).click();
    await expect.poll(() => page.locator('.person', { hasText: 'Кузнецов' }).count()).toBe(0);
  });

  it('files an appeal: refusals by field, attachments by kind, the 152-ФЗ consent', { timeout: 90_000 }, async () => {
    await page.goto('/appeals');
    await page.getByText('Нужно исправить и отправить снова.').waitFor();
    expect(await checkScreen(page, 'appeals')).toEqual([]);
    await page.getByRole('link', { name: 'Новое обращение' }).click();
    await page.getByLabel('Тип обращения').selectOption('payment_transfer');
    await page.getByLabel('На лицевой счёт №').fill('100013');
    const day = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('.');
    await page.getByLabel('Дата платежа').fill(day);
    await page.getByLabel('Сумма, ₽').fill('ноль');
    await page.getByLabel('Почему перенести').fill('Оплатил по ошибке за соседа');
    await page.getByRole('button', { name: 'Отправить обращение' }).click();
    await page.getByText('Укажите сумму больше нуля, например 1 250,50.').waitFor();
    await page.getByText('Без согласия обращение не принять.').waitFor();
    await page.getByText('Приложите этот документ.').waitFor();
    expect(await checkScreen(page, 'appeal-new-errors')).toEqual([]);

    await page.getByLabel('Сумма, ₽').fill('1 250,50');
    const receipt = { name: 'kvitanciya.png', mimeType: 'image/png', buffer: PNG };
    await page.getByLabel('Квитанция об оплате').setInputFiles(receipt);
    await page.getByText('kvitanciya.png').waitFor();
    await page.getByLabel(/Даю согласие на обработку/).check();
    await page.getByRole('button', { name: 'Отправить обращение' }).click();
    await page.getByRole('heading', { level: 1, name: /^Обращение № \d+$/ }).waitFor();
    await page.getByRole('heading', { name: 'Перенос платежа между лицевыми счетами' }).waitFor();
    await page.getByRole('link', { name: 'kvitanciya.png' }).waitFor();
    expect(await checkScreen(page, 'appeal')).toEqual([]);
  });

  it('corrects an appeal returned for rework and submits it again', { timeout: 60_000 }, async () => {
    await page.goto(`/appeals/${DEMO_SERVICE.appealReturned}`);
    await page.getByText('Приложите копию удостоверения').first().waitFor();
    await page.getByRole('button', { name: 'Исправить и отправить снова' }).click();
    expect(await page.getByLabel('Номер документа').inputValue()).toBe('Т-0412345');
    await page.getByLabel('Действует по (необязательно)').fill('01.03.2031');
    await page.getByLabel(/Даю согласие на обработку/).check();
    expect(await checkScreen(page, 'appeal-rework')).toEqual([]);
    await page.getByRole('button', { name: 'Отправить исправленное' }).click();
    await page.getByText('Исправленное обращение отправлено.').waitFor();
    await page.getByText('Отправлено повторно').waitFor();
  });

  it('shows the profile with masked data, residents and sessions', { timeout: 60_000 }, async () => {
    await page.goto('/profile');
    await page.getByRole('heading', { name: 'Активные сеансы' }).waitFor();
    await page.getByText('это устройство').waitFor();
    expect(await page.locator('.facts').first().textContent()).toMatch(/\*\*\*/);
    await page.getByText(/Сейчас:|Число жильцов не указано/).waitFor();
    expect(await checkScreen(page, 'profile')).toEqual([]);
  });
});
