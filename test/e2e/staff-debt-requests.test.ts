import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkStaffScreen,
  DESKTOP,
  launchBrowser,
  newContext,
  LEBEDEVA,
  type Service,
  signIn,
  startService,
  VASILYEVA,
} from '../helpers/e2e.js';

// Issue 17: the demo's debt requests come from the state-system simulator; an accountant sees the one about
// flat 13 with the answer the hub proposes from the court decision on record, sends it, and finds the one
// left past its deadline among the overdue; the organisation's court decisions are listed, imported from a
// CSV line by line and removed, and shown read-only to staff without debts.answer.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the staff console: debt requests', () => {
  let service: Service;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    page = await (await newContext(browser, service, DESKTOP)).newPage();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('reviews the proposed answer, sends it, and shows the overdue one', { timeout: 240_000 }, async () => {
    await signIn(page, VASILYEVA, '/staff');
    await page.getByRole('link', { name: 'Запросы о задолженности' }).click();
    await page.getByRole('heading', { level: 1, name: 'Запросы о задолженности' }).waitFor();
    await page.getByRole('button', { name: 'Проверить новые в ГИС ЖКХ' }).click();
    // The pull goes through the exchange (dispatch, send, getState): the list fills within a minute.
    const row = page.getByRole('button', { name: /^№ \d{4}-СЗН-/ }).first();
    for (let i = 0; i < 40 && !(await row.isVisible()); i++) {
      await page.waitForTimeout(3000);
      await page.getByRole('button', { name: 'Ждут ответа' }).click();
      await page.getByRole('button', { name: 'Все' }).click();
      await page.getByRole('button', { name: 'Ждут ответа' }).click();
    }
    await row.click();
    await page.getByRole('heading', { level: 3, name: 'Предлагаемый ответ' }).waitFor();
    await page.getByText('Есть долг: Петров Сергей Николаевич').first().waitFor();
    await page.getByRole('region', { name: 'Основание: решения суда' }).getByText('№ 2-1187/2026').waitFor();
    expect(await checkStaffScreen(page, 'debt-requests')).toEqual([]);

    await page.getByRole('button', { name: 'Отправить этот ответ' }).click();
    await page.getByRole('button', { name: 'Все' }).click();
    const accepted = page.getByText('Ответ принят ГИС ЖКХ').first();
    for (let i = 0; i < 30 && !(await accepted.isVisible()); i++) {
      await page.waitForTimeout(2000);
      await page.getByRole('button', { name: 'Просроченные' }).click();
      await page.getByRole('button', { name: 'Все' }).click();
    }
    await accepted.waitFor();

    await page.getByRole('button', { name: 'Просроченные' }).click();
    await page.getByText('Просрочен', { exact: true }).first().waitFor();
    await page.getByText('Ответила ГИС ЖКХ («нет долга»)').first().waitFor();
    expect(await checkStaffScreen(page, 'debt-requests-overdue')).toEqual([]);
  });

  it('lists the court decisions, imports a file with per-line errors and removes a decision', {
    timeout: 120_000,
  }, async () => {
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'Судебные решения' }).click();
    await page.getByRole('heading', { level: 2, name: 'Судебные решения' }).waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('court');
    const table = page.getByRole('region', { name: 'Судебные решения' });
    // The demo's decisions: Петров's (counts) and one repaid since.
    const petrov = table.getByRole('row').filter({ hasText: '№ 2-1187/2026' });
    await petrov.getByText('Петров Сергей Николаевич').waitFor();
    await petrov.getByText('Не погашено').waitFor();
    await table.getByRole('row').filter({ hasText: '№ 2-904/2025' }).getByText('Погашено 10.02.2026').waitFor();
    expect(await checkStaffScreen(page, 'debt-requests-court')).toEqual([]);

    const csv = [
      'Лицевой счёт;Номер дела;Дата решения;Сумма, ₽;Фамилия;Имя;Отчество;Погашено (дата)',
      '100012;2-55/2026;01.10.2026;"12 345,67";Иванов;Иван;Иванович;',
      'нет-такого;2-56/2026;02.10.2026;100;Сидоров;Пётр;;',
      '100013;2-57/2026;31.02.2026;100;Петров;Сергей;;',
    ].join('\r\n');
    await page.getByLabel('Файл CSV').setInputFiles({
      name: 'resheniya.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByText('Добавлено: 1, обновлено: 0, с ошибками: 2').waitFor();
    const errors = page.getByRole('region', { name: 'Строки с ошибками' });
    await errors
      .getByRole('row')
      .filter({ hasText: 'в организации нет такого лицевого счёта' })
      .getByRole('cell', { name: '3', exact: true })
      .waitFor();
    await errors
      .getByRole('row')
      .filter({ hasText: 'дата решения не в виде дд.мм.гггг' })
      .getByRole('cell', { name: '4', exact: true })
      .waitFor();
    const imported = table.getByRole('row').filter({ hasText: '№ 2-55/2026' });
    await imported.getByText('12 345,67').waitFor();
    expect(await checkStaffScreen(page, 'debt-requests-court-import')).toEqual([]);

    await page.setViewportSize(DESKTOP);
    await imported.getByRole('button', { name: 'Удалить решение по делу № 2-55/2026' }).click();
    await imported.getByRole('button', { name: 'Удалить', exact: true }).click();
    await imported.waitFor({ state: 'detached' });
  });

  it('shows the court decisions read-only without debts.answer', { timeout: 60_000 }, async () => {
    const context = await newContext(browser, service, DESKTOP);
    const viewer = await context.newPage();
    await signIn(viewer, LEBEDEVA, '/staff/debt-requests?view=court');
    await viewer.getByRole('row').filter({ hasText: '№ 2-1187/2026' }).waitFor();
    expect(await viewer.getByLabel('Файл CSV').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /^Удалить/ }).count()).toBe(0);
    await viewer.getByRole('button', { name: 'Запросы', exact: true }).click();
    await viewer.getByRole('button', { name: 'Ждут ответа' }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Проверить новые в ГИС ЖКХ' }).count()).toBe(0);
    // Her home has no counts to act on and says so; the navigation has no staff, keys or audit.
    await viewer.goto('/staff');
    await viewer.getByText('Для ваших ролей в этой организации здесь нет счётчиков задач').waitFor();
    const nav = viewer.getByRole('navigation', { name: 'Разделы консоли' });
    await nav.getByRole('link', { name: 'Платежи' }).waitFor();
    for (const hidden of ['Сотрудники', 'Ключи API', 'Журнал действий', 'Импорт'])
      expect(await nav.getByRole('link', { name: hidden }).count()).toBe(0);
    await context.close();
  });
});
