import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launchBrowser, newContext, signIn, startService, type Service } from '../helpers/e2e.js';

// Passkeys in a real browser: Chromium's virtual authenticator (DevTools protocol, WebAuthn domain)
// stands in for the phone's fingerprint. The service is reached as localhost: WebAuthn refuses an IP
// address as the relying party.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('passkeys in the cabinet', () => {
  let service: Service;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService({}, 'localhost'), launchBrowser()]);
    context = await newContext(browser, service);
    page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable', { enableUI: false });
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('adds a passkey in the profile, then signs in with it alone', { timeout: 90_000 }, async () => {
    await signIn(page, undefined, '/profile');
    await page.getByRole('heading', { level: 2, name: 'Ключи доступа' }).waitFor();
    await page.getByText('Ключей доступа пока нет.').waitFor();
    await page.getByRole('button', { name: 'Добавить ключ доступа' }).click();
    await page.getByText('Ключ доступа добавлен. Теперь можно входить с ним.').waitFor();
    const list = page.getByRole('list', { name: 'Добавленные ключи доступа' });
    expect(await list.getByRole('listitem').count()).toBe(1);
    expect(await list.textContent()).toMatch(/Chrome, Linux.*добавлен \d\d\.\d\d\.\d{4}/);
    expect(await checkScreen(page, 'profile-passkey')).toEqual([]);

    // Signed out (a Gosuslugi session ends at the provider's logout page), then back to sign-in.
    await page.getByRole('button', { name: 'Выйти' }).first().click();
    await page.waitForURL((u) => u.pathname !== '/profile');
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Войти с ключом доступа' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Главная' }).waitFor();

    await page.goto('/profile');
    await expect
      .poll(() => page.getByRole('list', { name: 'Добавленные ключи доступа' }).textContent())
      .toMatch(/вход \d\d\.\d\d\.\d{4} \d\d:\d\d/);
  });
});
