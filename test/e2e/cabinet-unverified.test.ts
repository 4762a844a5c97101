import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launchBrowser, newContext, startService, type Service } from '../helpers/e2e.js';
import { PNG } from '../helpers/multipart-body.js';

// A resident whose Gosuslugi account is not confirmed (the sandbox ESIA's Соколова, `trusted: false`)
// signs in, links her flat as its owner, and is refused an appeal carrying personal data, in Russian.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the cabinet for a resident ESIA did not verify', () => {
  let service: Service;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    const context = await newContext(browser, service);
    await context.addCookies([{ name: 'domhub_news_shown', value: '1', url: service.url }]);
    page = await context.newPage();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('signs in through Gosuslugi unverified and sees why a benefits appeal is refused', {
    timeout: 120_000,
  }, async () => {
    await page.goto('/accounts');
    await page.getByRole('link', { name: 'Войти через Госуслуги' }).click();
    await page.waitForURL(/\/sandbox\/esia\//);
    const card = page.locator('form.card', { hasText: 'Соколова' });
    await card.getByText('учётная запись не подтверждена').waitFor();
    await card.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('button', { name: 'Предоставить' }).click();
    await page.waitForURL((u) => u.pathname === '/accounts');
    const me = (await (await page.request.get('/api/v1/me')).json()) as { identityVerified: boolean };
    expect(me.identityVerified).toBe(false);

    await page.getByRole('button', { name: 'Добавить помещение' }).click();
    await page.getByLabel('Адрес дома').fill('Профсоюзная 43');
    await page
      .getByRole('button', { name: /Профсоюзная.*43/ })
      .first()
      .click();
    await page.getByLabel('Номер лицевого счёта', { exact: true }).fill('100014');
    await page.getByLabel('Фамилия собственника', { exact: true }).fill('Соколова');
    await page.getByRole('button', { name: 'Добавить', exact: true }).click();
    await page.getByText('Помещение добавлено.').waitFor();
    await page.getByRole('button', { name: 'Готово' }).click();

    await page.goto('/appeals/new');
    await page.getByLabel('Тип обращения').selectOption('benefits');
    await page.getByLabel('Льготная категория').selectOption('pensioner');
    await page.getByLabel('СНИЛС').fill('13579246894');
    await page.getByLabel('Документ о льготе').fill('Пенсионное удостоверение');
    await page.getByLabel('Номер документа').fill('123456');
    await page.getByLabel('Действует с').fill('01.01.2020');
    await page
      .getByLabel('Документ, дающий право на льготу')
      .setInputFiles({ name: 'udostoverenie.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('udostoverenie.png').waitFor();
    await page.getByLabel(/Даю согласие на обработку/).check();
    await page.getByRole('button', { name: 'Отправить обращение' }).click();
    await page
      .getByText(
        'Нужна подтверждённая личность: войдите через Госуслуги или попросите управляющую организацию подтвердить вас.',
      )
      .waitFor();
    expect(await checkScreen(page, 'appeal-unverified')).toEqual([]);
  });
});
