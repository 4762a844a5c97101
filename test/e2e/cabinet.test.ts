import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  checkScreen,
  launchBrowser,
  newContext,
  signIn,
  startService,
  type Service,
} from '../helpers/e2e.js';

// The cabinet in a real browser against the real service (sandbox mode, demo data).
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the resident cabinet in the browser', () => {
  let service: Service;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    context = await newContext(browser, service);
    page = await context.newPage();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it(
    "signs in through the sandbox provider's pages and returns to the page asked for",
    { timeout: 60_000 },
    async () => {
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
    },
  );

  it('shows the home screen: debt, readings window, notices first', { timeout: 60_000 }, async () => {
    await page.goto('/');
    const popup = page.getByRole('dialog');
    await popup.waitFor();
    expect(await popup.textContent()).toMatch(/Аварийное сообщение|Новое сообщение/);
    expect(await axeViolations(page)).toEqual([]);
    await popup.getByRole('button', { name: 'Закрыть' }).click();
    await expect.poll(() => page.getByTestId('total-debt').textContent()).toMatch(/^\d[\d\u00a0]*,\d\d\u00a0₽$/);
    await page.getByText(/Приём (открыт до|откроется)/).waitFor();
    expect(await checkScreen(page, 'home')).toEqual([]);
  });

  it('opens the shell and last-seen data offline with a visible "нет связи"', { timeout: 60_000 }, async () => {
    await page.evaluate('navigator.serviceWorker.ready');
    await page.reload(); // now controlled by the worker, which keeps what it fetches
    const debt = await page.getByTestId('total-debt').textContent();
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
});
