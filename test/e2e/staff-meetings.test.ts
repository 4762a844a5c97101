import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEETINGS } from '../../src/sandbox/demo/meetings.js';
import {
  DESKTOP,
  launchBrowser,
  newContext,
  SCREENSHOTS,
  type Service,
  signIn,
  startService,
  SMIRNOVA,
  checkStaffScreen,
  MOROZOV,
} from '../helpers/e2e.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

// A meeting administrator runs a meeting in the console from the draft to the protocol with a paper ballot.
// The clock is moved by rewriting the meeting's dates in the database: the law's 10 days of notice and
// the voting period cannot pass in a test.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the staff console: meetings', () => {
  let service: Service;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let meetingId: string;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    context = await newContext(browser, service, DESKTOP);
    page = await context.newPage();
    await signIn(page, SMIRNOVA, '/');
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('lists the meetings and shows the owners register with its reconciliation', { timeout: 60_000 }, async () => {
    await page.goto('/staff/meetings');
    await page.getByRole('heading', { level: 1, name: 'Общие собрания' }).waitFor();
    await page.getByRole('link', { name: 'Шлагбаум во дворе и аренда места на крыше' }).waitFor();
    expect(await page.getByTestId('voting-system').textContent()).toContain('в ГИС ЖКХ');
    expect(await checkStaffScreen(page, 'meetings')).toEqual([]);

    await page.getByRole('link', { name: 'Реестр собственников' }).click();
    await page.getByRole('heading', { level: 1, name: 'Реестр собственников' }).waitFor();
    const house = page.getByLabel('Дом', { exact: true });
    await house.locator('option', { hasText: 'Профсоюзная' }).waitFor({ state: 'attached' });
    await house.selectOption({ label: (await house.locator('option', { hasText: 'Профсоюзная' }).textContent())! });
    const mismatches = page.getByRole('list', { name: 'Расхождения реестра' });
    await mismatches.getByText(/^У помещения нет собственников в реестре: \d+$/).click();
    await mismatches.getByText('пом. 59').waitFor();
    await page.getByRole('region', { name: 'Собственники дома' }).getByText('Петрова').first().waitFor();
    expect(await checkStaffScreen(page, 'owners-register')).toEqual([]);
  });

  it('shows a meeting held in the state system: its number there and the tallies compared', {
    timeout: 60_000,
  }, async () => {
    await page.goto(`/staff/meetings/${DEMO_MEETINGS.closed}`);
    await page.getByRole('heading', { level: 2, name: 'ГИС ЖКХ' }).waitFor();
    expect(await page.getByTestId('meeting-mode').textContent()).toContain('Голосование в ГИС ЖКХ');
    expect(await page.getByTestId('state-protocol-number').textContent()).toBe('4523-0001-7781');
    await page.getByRole('heading', { level: 3, name: 'Сверка итогов Домхаба и ГИС ЖКХ' }).waitFor();
    expect(await checkStaffScreen(page, 'meeting-state-system')).toEqual([]);
  });

  it('switches the organisation to voting in the hub as the regional system', { timeout: 60_000 }, async () => {
    await page.goto('/staff/meetings');
    await page.getByRole('button', { name: 'Изменить' }).click();
    await page.getByLabel('Голосование').selectOption('regional-system');
    await page.getByLabel('Название региональной системы').fill('Домхаб — региональная система Москвы');
    await page.getByLabel('Адрес в интернете').fill('https://domhub.example.ru');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect
      .poll(() => page.getByTestId('voting-system').textContent())
      .toContain('в Домхабе как региональной системе');
  });

  it('creates a draft with questions from the catalogue, each under the rule the law needs', {
    timeout: 60_000,
  }, async () => {
    // The administrator chose the voting system above; the meeting administrator runs the meeting.
    await signIn(page, MOROZOV, '/staff/meetings');
    await page.goto('/staff/meetings/new');
    await page.getByRole('heading', { level: 1, name: 'Новое собрание' }).waitFor();
    const house = page.getByLabel('Дом', { exact: true });
    await house.locator('option', { hasText: 'Профсоюзная' }).waitFor({ state: 'attached' });
    await house.selectOption({ label: (await house.locator('option', { hasText: 'Профсоюзная' }).textContent())! });
    await page.getByLabel('Название').fill('Шлагбаум и совет дома');
    await page.getByLabel('Место проведения и приёма бюллетеней').fill('офис УК, ул. Профсоюзная, 43');
    await page.getByLabel('Председатель').fill('Иванов Иван Иванович');
    await page.getByLabel('Секретарь').fill('Петрова Мария Сергеевна');
    const pick = page.getByLabel('Типовой вопрос');
    await pick.locator('option', { hasText: 'Избрание председателя и секретаря' }).waitFor({ state: 'attached' });
    await pick.selectOption({
      label: (await pick.locator('option', { hasText: 'Избрание председателя' }).textContent())!,
    });
    await page.getByRole('button', { name: 'Добавить типовой вопрос' }).click();
    await pick.selectOption({
      label: (await pick.locator('option', { hasText: 'земельного участка' }).textContent())!,
    });
    await page.getByRole('button', { name: 'Добавить типовой вопрос' }).click();
    // the land plot needs 2/3 of all votes (ст. 44 ч. 2 п. 2): no weaker rule is offered
    const landRule = page.getByRole('group', { name: 'Вопрос 2' }).getByLabel('Решение принимается');
    expect(await landRule.locator('option').allTextContents()).toEqual(['не менее 2/3 голосов всех собственников']);
    await page.getByRole('button', { name: 'Добавить свой вопрос' }).click();
    const own = page.getByRole('group', { name: 'Вопрос 3' });
    await own.getByLabel('Формулировка вопроса').fill('Утверждение порядка пользования парковкой');
    await own.getByLabel('Предлагаемое решение').fill('Утвердить порядок (приложение)');
    expect(await checkStaffScreen(page, 'meeting-new')).toEqual([]);

    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.waitForURL(/\/staff\/meetings\/[0-9a-f-]{36}$/);
    meetingId = page.url().split('/').at(-1)!;
    await page.getByRole('heading', { level: 2, name: 'Шлагбаум и совет дома' }).waitFor();
    await page.getByText('ЖК РФ ст. 44 ч. 2 п. 2').waitFor();
  });

  it('attaches a material and sends the notice, which freezes the register', { timeout: 60_000 }, async () => {
    await page.getByLabel('Название материала').fill('Схема шлагбаума');
    await page.getByLabel('Файл (PDF или изображение)').setInputFiles({
      name: 'schema.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Приложить' }).click();
    await page.getByRole('button', { name: 'Схема шлагбаума', exact: true }).waitFor();
    expect(await checkStaffScreen(page, 'meeting-draft')).toEqual([]);

    await page.getByRole('button', { name: 'Разослать сообщение о собрании' }).click();
    await page.getByRole('button', { name: 'Разослать', exact: true }).click();
    await page.getByText('Сообщение о собрании опубликовано в новостях дома').waitFor();
    await page.getByText('Кворума пока нет').waitFor();
    expect(await page.getByRole('button', { name: 'Убрать материал Схема шлагбаума' }).count()).toBe(0);
  });

  it('enters a paper ballot with its scan and the live turnout counts it', { timeout: 60_000 }, async () => {
    await service.database.pool.query(
      `UPDATE meetings SET voting_starts_at = now() - interval '1 hour' WHERE id = $1`,
      [meetingId],
    );
    await page.reload();
    await page.getByRole('button', { name: 'Бюллетени' }).click();
    await page.getByLabel('Найти собственника: номер помещения или фамилия').fill('1');
    const owner = page.getByLabel('Собственник', { exact: true });
    await owner.locator('option', { hasText: 'пом. 1 —' }).waitFor({ state: 'attached' });
    await owner.selectOption({ index: 1 });
    for (const [i, answer] of ['За', 'За', 'Против'].entries())
      await page.locator('.agenda > li').nth(i).getByLabel(answer, { exact: true }).check();
    await page.getByLabel('Скан бюллетеня (PDF или фото)').setInputFiles({
      name: 'reshenie-kv-1.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Внести бюллетень' }).click();
    await page.getByText(/Бюллетень принят: пом\. 1,/).waitFor();
    await page.getByText(/1\sбюллетень из [\d\s]+собственник/).waitFor();
    const row = page.getByRole('region', { name: 'Решения собственников' }).getByRole('row').nth(1);
    expect(await row.textContent()).toContain('бумажный');
    expect(await checkStaffScreen(page, 'meeting-ballots')).toEqual([]);

    await page.getByRole('button', { name: 'Реестр' }).click();
    await page.getByRole('region', { name: 'Реестр собственников' }).getByText('бумажный бюллетень').waitFor();
    expect(await checkStaffScreen(page, 'meeting-owners')).toEqual([]);
  });

  it('decides a power of attorney in the open demo meeting after opening it', { timeout: 60_000 }, async () => {
    await page.goto(`/staff/meetings/${DEMO_MEETINGS.open}`);
    await page.getByRole('button', { name: 'Доверенности' }).click();
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Открыть доверенность' }).click();
    const opened = await popup;
    await opened.waitForURL(/^blob:/);
    await opened.close();
    expect(await checkStaffScreen(page, 'meeting-proxies')).toEqual([]);
    await page.getByRole('button', { name: 'Принять' }).click();
    await page.getByText('Принята', { exact: true }).waitFor();
  });

  it('closes the meeting after the deadline and opens the protocol PDF', { timeout: 200_000 }, async () => {
    await service.database.pool.query(
      `UPDATE meetings SET voting_ends_at = now() - interval '1 minute' WHERE id = $1`,
      [meetingId],
    );
    // The notice is placed in the state system by the exchange; its identifier numbers the protocol.
    await expect
      .poll(
        async () => {
          await page.goto(`/staff/meetings/${meetingId}`);
          return page.getByTestId('state-protocol-number').textContent();
        },
        { timeout: 120_000, interval: 3000 },
      )
      .toMatch(/\d/);
    expect(await page.getByTestId('meeting-mode').textContent()).toContain('региональной системе');
    await page.getByRole('button', { name: 'Подвести итоги и составить протокол' }).click();
    await page.getByRole('button', { name: 'Открыть протокол (PDF)' }).waitFor();
    await page.getByRole('button', { name: 'Итоги' }).click();
    await page.getByRole('region', { name: 'Итоги по вопросам' }).getByText('Не принято').first().waitFor();
    expect(await checkStaffScreen(page, 'meeting-results')).toEqual([]);

    const pdfAnswer = page.waitForResponse((r) => r.url().includes(`/meetings/${meetingId}/protocol.pdf`));
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Открыть протокол (PDF)' }).click();
    const answer = await pdfAnswer;
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    expect(answer.headers()['content-disposition']).toMatch(/^inline;/);
    const opened = await popup;
    await opened.waitForURL(/^blob:/);
    await opened.close();

    // The PDF itself, rendered to PNG for a person to look at.
    const pdf = await (await page.request.get(`/api/v1/org/meetings/${meetingId}/protocol.pdf`)).body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(SCREENSHOTS, 'staff-meeting-protocol.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '2', file, file.replace(/\.pdf$/, '')]);
  });
});
