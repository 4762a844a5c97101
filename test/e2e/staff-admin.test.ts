import type { Browser, BrowserContext, Page } from 'playwright-core';
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

// The console's administration screens in a real browser against the real service: the state-system
// exchange with the simulator injecting faults, payments with their filters and bank details, the
// audit log.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the staff console: administration', () => {
  let service: Service;
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;

  const simulatorFaults = async (rate: number) => {
    const res = await fetch(`${service.url}/sandbox/gis/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rate, kinds: ['503'] }),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    [service, browser] = await Promise.all([
      // Every message to the state system fails (503) and one attempt is all a batch gets: what the sweep
      // sends first goes dead, as after a long outage.
      startService({
        GIS_SIM_FAULT_RATE: '1',
        GIS_SIM_FAULTS: '503',
        GIS_SEND_ATTEMPTS: '1',
        GIS_SIM_DELAY_MS: '100',
        GIS_POLL_SCHEDULE: '1',
        GIS_RETRY_DELAY_SECONDS: '0.2',
      }),
      launchBrowser(),
    ]);
    adminContext = await newContext(browser, service, DESKTOP);
    admin = await adminContext.newPage();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('shows a refused state-system item with its text and what to change, and sends it again', {
    timeout: 300_000,
  }, async () => {
    await signIn(admin, SMIRNOVA, '/staff/exchange');
    await admin.getByRole('heading', { level: 1, name: 'Обмен с ГИС ЖКХ' }).waitFor();
    // The demo's refusal: the state system's own words and the hint for INT002000 on readings.
    const refused = admin.getByRole('listitem').filter({ hasText: 'Прибор учёта не найден(а) в реестре' });
    await refused.waitFor();
    await refused.getByText('ГИС ЖКХ не знает прибор учёта').waitFor();
    // The outage: within a minute the sweep's first messages fail and their items are dead; the screen
    // follows the exchange by itself.
    await admin.getByText('ГИС ЖКХ не ответила после всех попыток').first().waitFor({ timeout: 150_000 });
    await admin.getByRole('button', { name: 'Повторить все сбои обмена' }).waitFor();
    expect(await admin.getByRole('cell', { name: /^[1-9]\d*$/ }).count()).toBeGreaterThan(0);
    expect(await checkStaffScreen(admin, 'exchange')).toEqual([]);

    // The state system is back: the dead items and the refused reading go again and are accepted.
    await simulatorFaults(0);
    await admin.getByRole('button', { name: 'Повторить все сбои обмена' }).click();
    await admin.getByText(/Отправим повторно: [1-9]/).waitFor();
    await refused.getByRole('button', { name: 'Отправить повторно' }).click();
    await admin.getByText('Отправим повторно: 1 шт.').waitFor();
    // The reading waits for its meter, the meter for its account, the account for the house's premises.
    await expect
      .poll(
        async () => {
          await admin.reload();
          await admin.getByRole('heading', { level: 2, name: 'Отказы и сбои' }).waitFor();
          await admin
            .getByRole('status')
            .or(admin.getByRole('list', { name: 'Отклонённые записи' }))
            .first()
            .waitFor();
          return (
            (await admin.getByText('Прибор учёта не найден(а) в реестре').count()) +
            (await admin.getByText('ГИС ЖКХ не ответила после всех попыток').count())
          );
        },
        { timeout: 240_000, interval: 5000 },
      )
      .toBe(0);
    // Every reading accepted, the refused one too: nothing queued, on its way, refused or failed.
    const readings = admin.getByRole('row', { name: /Показания приборов учёта/ });
    const counts = async () => (await readings.getByRole('cell').allTextContents()).map(Number);
    await expect
      .poll(
        async () => {
          const [pending, sending, accepted, rejected, dead] = await counts();
          return pending! + sending! + rejected! + dead! === 0 && accepted! > 0;
        },
        { timeout: 240_000, interval: 5000 },
      )
      .toBe(true);
  });

  it('lists payments filtered on the server and shows the bank details', { timeout: 120_000 }, async () => {
    await signIn(admin, SMIRNOVA, '/staff/payments');
    await admin.getByRole('heading', { level: 1, name: 'Платежи' }).waitFor();
    const rows = admin.getByRole('region', { name: 'Платежи', exact: true }).getByRole('row');
    await admin.getByRole('button', { name: 'Возврат' }).waitFor(); // the succeeded one, at the sandbox bank
    expect(await rows.count()).toBe(4); // the header and the demo's three payments
    await admin.getByRole('heading', { level: 2, name: 'Реквизиты для оплаты' }).waitFor();
    await admin.getByText('АО «Демобанк»').waitFor();
    expect(await checkStaffScreen(admin, 'payments')).toEqual([]);

    await admin.getByLabel('Статус', { exact: true }).selectOption('failed');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    await rows.getByText('Не прошёл').waitFor();
    await admin.getByLabel('Статус', { exact: true }).selectOption('');
    await admin.getByLabel('Дом').selectOption({ label: 'Приморский край, г. Владивосток, ул. Светланская, д. 87' });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    await rows.getByText('Отменён').waitFor();
  });

  it('shows the audit log, filtered by section', { timeout: 60_000 }, async () => {
    await signIn(admin, SMIRNOVA, '/staff/audit');
    await admin.getByRole('heading', { level: 1, name: 'Журнал действий' }).waitFor();
    await admin.getByText('Повторная отправка в ГИС ЖКХ').first().waitFor();
    expect(await checkStaffScreen(admin, 'audit')).toEqual([]);
    await admin.getByText('Собрание закрыто').first().waitFor(); // the demo meeting's, by the system
    await admin.getByLabel('Раздел', { exact: true }).selectOption({ label: 'Обмен с ГИС ЖКХ' });
    await expect.poll(() => admin.getByText('Собрание закрыто').count()).toBe(0);
    await admin.getByText('Повторная отправка в ГИС ЖКХ').first().waitFor();
    await admin.getByLabel('Кто').selectOption({ label: 'Смирнова Ольга Викторовна' });
    await admin.getByRole('cell', { name: 'Показания приборов учёта: 1' }).waitFor();
  });
});
