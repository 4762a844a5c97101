import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, checkScreen, launchBrowser, newContext, startService, type Service } from '../helpers/e2e.js';

// The cabinet in a real browser against the real service (sandbox mode, demo data).
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the resident cabinet in the browser', () => {
  let service: Service;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** React's reports of a prerendered page that differed from what the browser rendered (web/src/boot.tsx). */
  const hydration: string[] = [];

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    context = await newContext(browser, service);
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' && /did not hydrate|Minified React error/.test(m.text())) hydration.push(m.text());
    });
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it("signs in through the sandbox provider's pages and returns to the page asked for", {
    timeout: 60_000,
  }, async () => {
    await page.goto('/meters');
    await page.waitForURL('**/signin?next=%2Fmeters');
    await page.getByRole('link', { name: 'Войти через Госуслуги' }).waitFor();
    expect(await checkScreen(page, 'signin')).toEqual([]);

    await page.getByRole('link', { name: 'Войти через Госуслуги' }).click();
    await page.waitForURL(/\/sandbox\/esia\//);
    await page.locator('form.card', { hasText: 'Иванов' }).getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('button', { name: 'Предоставить' }).click();
    await page.waitForURL((u) => u.pathname === '/meters');
    await page.getByRole('heading', { level: 1, name: 'Счётчики' }).waitFor();
  });

  it('shows the home screen: debt, readings window, notices first', { timeout: 60_000 }, async () => {
    // Prerendered by the service (the cabinet wrote the zone cookie at sign-in): the debt and the
    // notice arrive as HTML, and the browser hydrates that page without rendering it again.
    const html = await (await page.goto('/'))!.text();
    expect(html).toMatch(/data-testid="total-debt">\d[\d\u00a0]*,\d\d\u00a0₽</);
    expect(html).toContain('id="domhub-state"');
    expect(html).toContain('<dialog open=""');
    expect(html).toContain('<div id="root" inert>'); // until hydrated: nothing typed is lost
    const popup = page.getByRole('dialog');
    await popup.waitFor();
    expect(await popup.textContent()).toMatch(/Аварийное сообщение|Новое сообщение/);
    expect(await axeViolations(page)).toEqual([]);
    await popup.getByRole('button', { name: 'Закрыть' }).click();
    await expect.poll(() => page.getByTestId('total-debt').textContent()).toMatch(/^\d[\d\u00a0]*,\d\d\u00a0₽$/);
    await page.getByText(/Приём (открыт до|откроется)/).waitFor();
    expect(await checkScreen(page, 'home')).toEqual([]);
    // Closed, it stays closed for this browser session.
    await page.reload();
    await page.getByTestId('total-debt').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.waitForFunction(() => !document.getElementById('root')?.hasAttribute('inert'));
    expect(hydration).toEqual([]);
  });

  it('opens the shell and last-seen data offline with a visible "нет связи"', { timeout: 60_000 }, async () => {
    await page.evaluate('navigator.serviceWorker.ready');
    await page.reload(); // now controlled by the worker, which keeps what it fetches
    const debt = await page.getByTestId('total-debt').textContent();
    // A prerendered page's answers did not pass through the worker: the page keeps them for it.
    await page.waitForFunction(async () => !!(await (await caches.open('domhub-data')).match('/api/v1/me/balance')));
    await context.setOffline(true);
    try {
      await page.reload();
      await page
        .getByText(/Нет связи/)
        .first()
        .waitFor();
      expect(await page.getByTestId('total-debt').textContent()).toBe(debt);
      await checkScreen(page, 'home-offline');
    } finally {
      await context.setOffline(false);
    }
  });

  it('links an account found by house search', { timeout: 60_000 }, async () => {
    await page.goto('/accounts');
    await page.getByRole('heading', { level: 1, name: 'Помещения' }).waitFor();
    await page.locator('ul[aria-label="Мои помещения"] > li').first().waitFor();
    expect(await checkScreen(page, 'accounts')).toEqual([]);
    await page.getByRole('button', { name: 'Добавить помещение' }).click();
    await page.getByLabel('Адрес дома').fill('Профсоюзная 43');
    await page
      .getByRole('button', { name: /Профсоюзная.*43/ })
      .first()
      .click();
    await page.getByLabel('Номер лицевого счёта', { exact: true }).fill('100014');
    await page.getByLabel('Фамилия собственника', { exact: true }).fill('Соколова');
    expect(await checkScreen(page, 'accounts-add')).toEqual([]);
    await page.getByRole('button', { name: 'Добавить', exact: true }).click();
    await page.getByText('Помещение добавлено.').waitFor();
    await page.getByRole('button', { name: 'Готово' }).click();
    await page.locator('ul[aria-label="Мои помещения"]').getByText('100014').waitFor();
  });

  it('refuses a reading below the previous one next to its field, then takes a confirmed high one', {
    timeout: 60_000,
  }, async () => {
    await page.goto('/meters');
    await page.getByRole('button', { name: 'Передать показания' }).waitFor();
    const accounts = (await (await page.request.get('/api/v1/me/accounts')).json()) as { currentAccountId: string };
    const data = (await (await page.request.get(`/api/v1/me/accounts/${accounts.currentAccountId}/meters`)).json()) as {
      meters: {
        id: string;
        previousReading: { values: { t1: string } } | null;
        averageMonthly: { t1: string } | null;
      }[];
    };
    const meter = data.meters.find(
      (m) => m.previousReading && Number(m.previousReading.values.t1) > 1 && m.averageMonthly,
    )!;
    const field = page.locator(`#reading-${meter.id}-t1`);
    await field.fill('1');
    await page.getByRole('button', { name: 'Передать показания' }).click();
    const error = page.locator(`#reading-${meter.id}-t1-error`);
    await error.waitFor();
    expect(await error.textContent()).toBe('Показание меньше предыдущего.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await checkScreen(page, 'meters-refused')).toEqual([]);

    // Far above the average: the cabinet asks, and the confirmed reading is taken.
    const high = Math.floor(Number(meter.previousReading!.values.t1) + 30 * Number(meter.averageMonthly!.t1) + 50);
    await field.fill(String(high).replace('.', ','));
    await page.getByRole('button', { name: 'Передать показания' }).click();
    await page.getByRole('button', { name: 'Показания верны, отправить' }).click();
    await page.getByText(/Показания приняты за/).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    expect(await checkScreen(page, 'meters')).toEqual([]);
  });

  it('downloads the payment document of a month', { timeout: 60_000 }, async () => {
    await page.goto('/charges');
    const first = page.locator('ul[aria-label="Начисления по месяцам"] > li').first();
    await first.waitFor();
    expect(await checkScreen(page, 'charges')).toEqual([]);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      first.getByRole('button', { name: 'Квитанция (PDF)' }).click(),
    ]);
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  });

  it('downloads the debt certificate as of a date typed as дд.мм.гггг', { timeout: 60_000 }, async () => {
    await page.goto('/charges');
    const date = page.getByLabel('На дату');
    await date.waitFor();
    expect(await date.inputValue()).toMatch(/^\d\d\.\d\d\.\d{4}$/);
    await date.fill('');
    await date.pressSequentially('31022026');
    expect(await date.inputValue()).toBe('31.02.2026');
    await page.getByText('Такой даты нет: введите дд.мм.гггг').waitFor();
    expect(await page.getByRole('button', { name: 'Скачать справку (PDF)' }).isDisabled()).toBe(true);
    await date.fill('');
    await date.pressSequentially('01112026');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Скачать справку (PDF)' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/2026-11-01\.pdf$/);
    const bytes = await readFile((await file.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('pays a month with a test card and sees the debt fall', { timeout: 90_000 }, async () => {
    await page.goto('/charges');
    const debt = page.getByTestId('account-debt');
    await debt.waitFor();
    const before = kopecks(await debt.textContent());
    const unpaid = page
      .locator('ul[aria-label="Начисления по месяцам"] > li', { has: page.getByRole('button', { name: /^Оплатить / }) })
      .first();
    await unpaid.getByRole('button', { name: /^Оплатить / }).click();
    await page.waitForURL(/\/pay\?/);
    await page.getByTestId('pay-total').waitFor();
    expect(await checkScreen(page, 'pay')).toEqual([]);
    await page.getByRole('button', { name: /^Оплатить картой/ }).click();
    await page.waitForURL(/\/sandbox\/bank\//);
    await page.getByRole('button', { name: 'Оплатить' }).click();
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByTestId('payment-status').textContent(), { timeout: 30_000 }).toBe('Оплачено');
    expect(await checkScreen(page, 'payment')).toEqual([]);

    await page.goto('/charges');
    await expect
      .poll(async () => kopecks(await page.getByTestId('account-debt').textContent()), { timeout: 20_000 })
      .toBeLessThan(before);
    await page.goto('/payments');
    await page.getByText('Оплачено').first().waitFor();
    expect(await checkScreen(page, 'payments')).toEqual([]);
  });
});

/** Kopecks from "68 197,01 ₽" as shown. */
function kopecks(text: string | null): number {
  const digits = (text ?? '').replace(/[^\d,−-]/g, '');
  const [whole = '0', cents = '0'] = digits.replace('−', '-').split(',');
  return Number(whole) * 100 + Math.sign(Number(whole) || 1) * Number(cents);
}
