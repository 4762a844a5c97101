import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  newContext,
  PETROVA,
  type Service,
  signIn,
  startService,
  SMIRNOVA,
  checkStaffScreen,
} from '../helpers/e2e.js';

/** Петрова's house (flat 13, src/sandbox/demo/core.ts). */
const MOSCOW = 'г. Москва, ул. Профсоюзная, д. 43, корп. 1';

// Issue 15, screen «Объявления»: the administrator sends an outage notice to one house now; a resident of
// that house sees it among her notices until the administrator withdraws it.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the staff console: notices', () => {
  let service: Service;
  let browser: Browser;
  let residentContext: BrowserContext;
  let staff: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    staff = await (await newContext(browser, service, DESKTOP)).newPage();
    residentContext = await newContext(browser, service, DESKTOP);
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('publishes an outage to one house, the house’s resident sees it, and it is withdrawn', {
    timeout: 120_000,
  }, async () => {
    const resident = await residentContext.newPage();
    const residentSignIn = signIn(resident, PETROVA, '/');
    await signIn(staff, SMIRNOVA, '/staff/notices');
    const table = staff.getByRole('region', { name: 'Объявления' });
    // The demo's notices in every state.
    for (const [title, state] of [
      ['Промывка системы отопления', 'Запланировано'],
      ['Отключение горячей воды', 'Опубликовано'],
      ['Плановое отключение холодной воды', 'Завершено'],
      ['Отключение электроэнергии в подъезде 2', 'Отозвано'],
    ] as const)
      await table.getByRole('row').filter({ hasText: title }).getByText(state, { exact: true }).waitFor();
    expect(await checkStaffScreen(staff, 'notices')).toEqual([]);

    // The state filter lives in the address.
    await staff.getByRole('button', { name: 'Завершено' }).click();
    await staff.waitForURL((u) => u.searchParams.get('state') === 'ended');
    await table.getByText('Плановое отключение холодной воды').waitFor();
    expect(await table.getByText('Отключение горячей воды').count()).toBe(0);
    await staff.reload();
    await staff.getByRole('button', { name: 'Завершено', pressed: true }).waitFor();

    await staff.getByRole('link', { name: 'Новое объявление' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Новое объявление' }).waitFor();
    // The API's refusals stand by their fields.
    await staff.getByRole('radio', { name: 'Выбранные дома' }).check();
    await staff.getByRole('group', { name: 'Окончание показа' }).getByLabel('Дата').fill('01.01.2020');
    await staff.getByRole('button', { name: 'Опубликовать' }).click();
    await staff.getByText('Заголовок: от 3 до 200 символов.').waitFor();
    await staff.getByText('Напишите текст объявления.').waitFor();
    await staff.getByText('Выберите хотя бы один дом.').waitFor();
    await staff.getByText(/^Окончание показа должно быть позже публикации/).waitFor();
    expect(await checkStaffScreen(staff, 'notices-new-refused')).toEqual([]);

    const title = `Отключение холодной воды ${Date.now()}`;
    await staff.getByRole('radio', { name: /Отключение или авария/ }).check();
    await staff.getByLabel('Заголовок').fill(title);
    await staff.getByLabel('Текст').fill('Замена стояка в подъезде 1: холодной воды не будет с 10:00 до 18:00.');
    await staff.getByRole('checkbox', { name: MOSCOW }).check();
    const end = new Date(Date.now() + 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await staff
      .getByRole('group', { name: 'Окончание показа' })
      .getByLabel('Дата')
      .fill(`${pad(end.getDate())}.${pad(end.getMonth() + 1)}.${end.getFullYear()}`);
    await staff.getByRole('group', { name: 'Окончание показа' }).getByLabel('Время').fill('18:00');
    expect(await staff.getByRole('checkbox', { name: /по электронной почте/ }).isChecked()).toBe(true);
    expect(await checkStaffScreen(staff, 'notices-new')).toEqual([]);
    await staff.getByRole('button', { name: 'Опубликовать' }).click();

    await staff.waitForURL((u) => u.pathname === '/staff/notices');
    const row = table.getByRole('row').filter({ hasText: title });
    await row.getByText('Опубликовано', { exact: true }).waitFor();
    await row.getByText(MOSCOW).waitFor();
    await row.getByText('письмо жителям', { exact: false }).waitFor();

    await residentSignIn;
    const residentNews = async () =>
      ((await (await resident.request.get('/api/v1/me/news')).json()) as { items: { title: string }[] }).items.map(
        (n) => n.title,
      );
    expect(await residentNews()).toContain(title);

    await row.getByRole('button', { name: `Отозвать «${title}»` }).click();
    await row.getByRole('button', { name: 'Да, отозвать' }).waitFor();
    expect(await checkStaffScreen(staff, 'notices-withdraw')).toEqual([]);
    await row.getByRole('button', { name: 'Да, отозвать' }).click();
    await staff.getByText(`Объявление «${title}» отозвано: жители его больше не видят.`).waitFor();
    await row.getByText('Отозвано', { exact: true }).waitFor();
    expect(await residentNews()).not.toContain(title);
  });
});
