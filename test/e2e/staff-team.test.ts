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

/** Кузнецов: a sandbox citizen the hub does not know yet (src/sandbox/esia/citizens.ts). */
const KUZNETSOV = '15692345896';
const KUZNETSOV_EMAIL = 'kuznetsov@example.ru';
const ORGANISATION = '00000000-0000-4000-8000-000000000001';

/** A call from the page's own session, as the console makes it (CSRF token, the organisation's header). */
function callFromPage(page: Page, method: string, url: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, url, organisation }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: { 'x-csrf-token': me.csrfToken, 'x-organisation-id': organisation },
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, url, organisation: ORGANISATION },
  );
}

// Issue 15, screen 10: the administrator invites a dispatcher by e-mail; the invited citizen signs in,
// accepts by the mailed link and works in the console with a dispatcher's permissions only (no refunds,
// on the screen nor through the API). The administrator issues an API key, sees its secret once and
// revokes it.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the staff console: staff and API keys', () => {
  let service: Service;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    admin = await (await newContext(browser, service, DESKTOP)).newPage();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('invites a dispatcher who accepts and may not refund', { timeout: 150_000 }, async () => {
    await signIn(admin, SMIRNOVA, '/staff');
    await admin.getByRole('link', { name: 'Сотрудники' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Сотрудники' }).waitFor();
    const members = admin.getByRole('region', { name: 'Сотрудники', exact: true });
    const smirnova = members.getByRole('row').filter({ hasText: 'Смирнова' });
    await expect.poll(() => smirnova.textContent()).toMatch(/Администратор.*все дома/);
    // The demo's own role and its waiting invitation (src/sandbox/demo/team.ts).
    await admin.getByRole('heading', { level: 4, name: 'Инженер по эксплуатации' }).waitFor();
    await admin.getByRole('region', { name: 'Ожидающие приглашения' }).getByText('engineer@example.ru').waitFor();

    // The last one who may manage staff cannot be removed: the refusal says why.
    await admin.getByRole('button', { name: /^Удалить: Смирнова/ }).click();
    await admin.getByRole('button', { name: 'Удалить из сотрудников' }).click();
    await admin
      .getByRole('alert')
      .getByText(/не останется никого, кто управляет сотрудниками/)
      .waitFor();
    await admin.getByRole('button', { name: 'Отмена' }).click();

    await admin.getByRole('button', { name: 'Пригласить сотрудника' }).click();
    const form = admin.getByRole('form', { name: 'Приглашение сотрудника' });
    await form.getByRole('button', { name: 'Отправить приглашение' }).click();
    await form.getByText('Отметьте хотя бы одну роль.').waitFor();
    await form.getByLabel('Электронная почта сотрудника').fill(KUZNETSOV_EMAIL);
    await form.getByRole('checkbox', { name: 'Диспетчер' }).check();
    expect(await checkStaffScreen(admin, 'team-invite')).toEqual([]);
    await form.getByRole('button', { name: 'Отправить приглашение' }).click();
    await admin.getByText(`Приглашение отправлено на ${KUZNETSOV_EMAIL}`).waitFor();
    const invitation = admin.getByRole('region', { name: 'Ожидающие приглашения' }).getByRole('row', {
      name: new RegExp(KUZNETSOV_EMAIL),
    });
    await expect.poll(() => invitation.textContent()).toMatch(/Диспетчер.*все дома/);
    // A role of the organisation's own: made from permissions, then deleted (nobody holds it).
    await admin.getByRole('button', { name: 'Новая роль' }).click();
    const roleForm = admin.getByRole('form', { name: 'Новая роль' });
    await roleForm.getByLabel('Название роли').fill('Контролёр показаний');
    await roleForm.getByRole('checkbox', { name: 'Загрузка начислений и показаний' }).check();
    await roleForm.getByRole('button', { name: 'Создать роль' }).click();
    const role = admin
      .getByRole('listitem')
      .filter({ has: admin.getByRole('heading', { name: 'Контролёр показаний' }) });
    await expect.poll(() => role.textContent()).toMatch(/никому не назначена.*Просмотр консоли.*Загрузка начислений/);
    await role.getByRole('button', { name: 'Удалить роль Контролёр показаний' }).click();
    await role.getByRole('button', { name: 'Удалить роль', exact: true }).click();
    await expect.poll(() => role.count()).toBe(0);

    // A member's roles and houses open under the row.
    await admin.getByRole('button', { name: /^Изменить роли: Смирнова/ }).click();
    await admin
      .getByRole('form', { name: /^Роли и дома: Смирнова/ })
      .getByRole('radio', { name: 'Только выбранные' })
      .check();
    expect(await checkStaffScreen(admin, 'team')).toEqual([]);
    await admin
      .getByRole('form', { name: /^Роли и дома: Смирнова/ })
      .getByRole('button', { name: 'Отмена' })
      .click();

    // The letter's link, from the sandbox mailbox (the mail goes out through the job queue).
    let link = '';
    await expect
      .poll(
        async () => {
          const mail = (await (
            await fetch(`${service.url}/sandbox/mail?to=${encodeURIComponent(KUZNETSOV_EMAIL)}`)
          ).json()) as { text: string }[];
          link =
            /\/staff\/invite\?token=\S+/.exec(mail.find((m) => m.text.includes('/staff/invite'))?.text ?? '')?.[0] ??
            '';
          return link;
        },
        { timeout: 30_000, interval: 500 },
      )
      .not.toBe('');

    const context = await newContext(browser, service, DESKTOP);
    try {
      const kuznetsov = await context.newPage();
      await signIn(kuznetsov, KUZNETSOV, link);
      await kuznetsov.getByRole('heading', { level: 1, name: 'Приглашение в консоль' }).waitFor();
      await kuznetsov.getByRole('button', { name: 'Принять приглашение' }).click();
      const nav = kuznetsov.getByRole('navigation', { name: 'Разделы консоли' });
      await nav.getByRole('link', { name: 'Заявки' }).waitFor();
      // A dispatcher's console: no staff, keys nor audit in the navigation.
      expect(await nav.getByRole('link', { name: 'Сотрудники' }).count()).toBe(0);
      expect(await nav.getByRole('link', { name: 'Ключи API' }).count()).toBe(0);

      // The administrator sees a refundable payment; the dispatcher sees the same list without the action.
      await admin.goto('/staff/payments');
      await admin.getByRole('button', { name: 'Возврат' }).first().waitFor();
      await nav.getByRole('link', { name: 'Платежи' }).click();
      await kuznetsov.getByRole('heading', { level: 1, name: 'Платежи' }).waitFor();
      await kuznetsov.getByRole('region', { name: 'Платежи', exact: true }).getByRole('row').nth(1).waitFor();
      expect(await kuznetsov.getByRole('button', { name: 'Возврат' }).count()).toBe(0);

      const payments = await callFromPage(kuznetsov, 'GET', '/api/v1/org/payments?limit=5');
      expect(payments.status).toBe(200);
      const items = (payments.body as { items: { id: string; refundable: boolean }[] }).items;
      const refundable = items.find((p) => p.refundable) ?? items[0]!;
      const refund = await callFromPage(kuznetsov, 'POST', `/api/v1/org/payments/${refundable.id}/refund`);
      expect(refund.status).toBe(403);
    } finally {
      await context.close();
    }

    // He is on the staff now, as a dispatcher; the invitation is no longer waiting.
    await admin.goto('/staff/team');
    const row = admin
      .getByRole('region', { name: 'Сотрудники', exact: true })
      .getByRole('row')
      .filter({ hasText: 'Кузнецов' });
    await expect.poll(() => row.textContent()).toMatch(/kuznetsov@example\.ru.*Диспетчер/);
    expect(await admin.getByRole('region', { name: 'Ожидающие приглашения' }).getByText(KUZNETSOV_EMAIL).count()).toBe(
      0,
    );
  });

  it('issues an API key, shows its secret once and revokes it', { timeout: 60_000 }, async () => {
    await admin.goto('/staff/api-keys');
    await admin.getByRole('heading', { level: 1, name: 'Ключи API' }).waitFor();
    await admin.getByRole('rowheader', { name: 'Старый сайт УК' }).waitFor();
    await admin.getByRole('button', { name: 'Новый ключ' }).click();
    const form = admin.getByRole('form', { name: 'Новый ключ' });
    await form.getByLabel('Название').fill('Сайт УК: новости');
    await form.getByRole('checkbox', { name: 'Публикация объявлений' }).check();
    expect(await checkStaffScreen(admin, 'api-keys-new')).toEqual([]);
    await form.getByRole('button', { name: 'Создать ключ' }).click();

    const secret = admin.getByRole('region', { name: /Ключ создан/ });
    await secret.getByText(/Больше он не будет\s+показан/).waitFor();
    const key = (await secret.locator('code').textContent()) ?? '';
    expect(key).toMatch(/^dh_\w+_\S+$/);
    await secret.getByRole('button', { name: 'Копировать' }).waitFor();
    const house = await fetch(`${service.url}/api/v1/org/houses`, { headers: { 'x-api-key': key } });
    expect(house.status).toBe(200);
    const row = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: 'Сайт УК: новости' }) });
    await expect.poll(() => row.textContent()).toMatch(/Публикация объявлений.*Действует/);
    expect(await checkStaffScreen(admin, 'api-keys')).toEqual([]);

    await secret.getByRole('button', { name: /^Я сохранил ключ/ }).click();
    expect(await admin.getByText(key).count()).toBe(0);
    await admin.getByRole('button', { name: 'Отозвать ключ Сайт УК: новости' }).click();
    await admin.getByRole('button', { name: 'Отозвать навсегда' }).click();
    await expect.poll(() => row.textContent()).toMatch(/Отозван/);
    const refused = await fetch(`${service.url}/api/v1/org/houses`, { headers: { 'x-api-key': key } });
    expect(refused.status).toBe(401);
  });
});
