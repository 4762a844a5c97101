import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, launchBrowser, newContext, startService, type Service } from '../helpers/e2e.js';

// Sign-in without Gosuslugi in a real browser against the real service: register, activate from the
// sandbox mail, sign in from a new device with the mailed code, reset the password.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('sign-in without Gosuslugi in the browser', () => {
  let service: Service;
  let browser: Browser;
  const email = `anna.${Date.now()}@example.ru`;
  const password = 'Sinyaya-Sosna-42-Veter';

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  /** The newest letter to the address once `count` have arrived (the sandbox outbox, as the mailbox). */
  async function letter(count: number): Promise<{ subject: string; text: string }> {
    for (let i = 0; i < 150; i++) {
      const mail = (await (await fetch(`${service.url}/sandbox/mail?to=${encodeURIComponent(email)}`)).json()) as {
        subject: string;
        text: string;
      }[];
      if (mail.length >= count) return mail[0]!;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`letter ${count} to ${email} never came`);
  }
  /** The path and query of the link in a letter (the service's PUBLIC_URL is this service's). */
  const linkIn = (text: string) => {
    const link = new URL(/https?:\/\/\S+\?token=[\w-]+/.exec(text)![0]);
    return link.pathname + link.search;
  };

  async function fill(page: Page, label: string, value: string) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }

  it('registers by e-mail, refusing a weak password next to its field, and activates from the letter', {
    timeout: 90_000,
  }, async () => {
    const context = await newContext(browser, service);
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('button', { name: 'Войти по почте' }).waitFor();
    await page.getByRole('link', { name: 'Регистрация' }).click();
    await page.getByRole('heading', { level: 1, name: 'Регистрация' }).waitFor();

    await fill(page, 'Имя (необязательно)', 'Анна');
    await fill(page, 'Электронная почта', email);
    await fill(page, 'Пароль', 'qwerty123');
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    const passwordInput = page.getByLabel('Пароль', { exact: true });
    await page.locator('input[name="new-password"][aria-invalid="true"]').waitFor();
    // the API's Russian advice, tied to the field for screen readers
    const describedBy = (await passwordInput.getAttribute('aria-describedby'))!.split(' ');
    const errorText = await page.locator(`[id="${describedBy.at(-1)}"]`).textContent();
    expect(errorText).toMatch(/^Пароль слишком простой/);
    expect(await checkScreen(page, 'signin-register-error')).toEqual([]);

    await fill(page, 'Пароль', password);
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.getByRole('heading', { level: 1, name: 'Проверьте почту' }).waitFor();
    expect(await checkScreen(page, 'signin-register-sent')).toEqual([]);

    const activation = await letter(1);
    expect(activation.subject).toBe('Подтвердите регистрацию в domhub');
    await page.goto(linkIn(activation.text));
    await page.getByText('Адрес подтверждён, вы вошли в личный кабинет.').waitFor();
    expect(await checkScreen(page, 'signin-activated')).toEqual([]);
    await page.getByRole('link', { name: 'Перейти в кабинет' }).click();
    await page.getByRole('heading', { level: 1, name: 'Главная' }).waitFor();
    await context.close();
  });

  it('signs in from a new device with the mailed code, then without it', { timeout: 90_000 }, async () => {
    const context = await newContext(browser, service);
    const page = await context.newPage();
    await page.goto('/charges');
    await page.waitForURL('**/signin?next=%2Fcharges');
    await fill(page, 'Электронная почта', email);
    await fill(page, 'Пароль', 'Wrong-Password-123');
    await page.getByRole('button', { name: 'Войти по почте' }).click();
    await page.getByRole('alert').filter({ hasText: 'Неверная почта или пароль.' }).waitFor();

    await fill(page, 'Пароль', password);
    await page.getByRole('button', { name: 'Войти по почте' }).click();
    await page.getByLabel('Код из письма').waitFor();
    expect(await checkScreen(page, 'signin-code')).toEqual([]);
    const code = /(\d{6})/.exec((await letter(2)).text)![1]!;
    await fill(page, 'Код из письма', code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Подтвердить и войти' }).click();
    await page.getByText('Код неверный, устарел или попытки исчерпаны.').waitFor();
    await fill(page, 'Код из письма', code);
    await page.getByRole('button', { name: 'Подтвердить и войти' }).click();
    await page.waitForURL((u) => u.pathname === '/charges');
    await page.getByRole('heading', { level: 1, name: 'Начисления' }).waitFor();

    // sign out; the remembered device needs no code the next time
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/signin');
    await fill(page, 'Электронная почта', email);
    await fill(page, 'Пароль', password);
    await page.getByRole('button', { name: 'Войти по почте' }).click();
    await page.getByRole('heading', { level: 1, name: 'Главная' }).waitFor();
    await context.close();
  });

  it('resets the password from the letter and signs in with the new one', { timeout: 90_000 }, async () => {
    const context = await newContext(browser, service);
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Восстановление пароля' }).waitFor();
    await fill(page, 'Электронная почта', email);
    await page.getByRole('button', { name: 'Прислать ссылку' }).click();
    await page.getByText(/на него придёт письмо со ссылкой/).waitFor();
    expect(await checkScreen(page, 'signin-reset-sent')).toEqual([]);

    const reset = await letter(3);
    expect(reset.subject).toBe('Восстановление пароля в domhub');
    await page.goto(linkIn(reset.text));
    await page.getByRole('heading', { level: 1, name: 'Новый пароль' }).waitFor();
    const newPassword = 'Kamennyi-Most-Nad-Rekoi-9';
    await fill(page, 'Новый пароль', newPassword);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await page.getByText('Пароль изменён. Все входы на других устройствах завершены.').waitFor();
    expect(await checkScreen(page, 'signin-reset-done')).toEqual([]);
    await page.getByRole('link', { name: 'Войти с новым паролем' }).click();
    await fill(page, 'Электронная почта', email);
    await fill(page, 'Пароль', newPassword);
    await page.getByRole('button', { name: 'Войти по почте' }).click();
    // this browser opened the reset link, so it is remembered: no code
    await page.getByRole('heading', { level: 1, name: 'Главная' }).waitFor();
    await context.close();
  });
});
