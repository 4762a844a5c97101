import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  IVANOV,
  launchBrowser,
  newContext,
  type Service,
  signIn,
  startService,
  SMIRNOVA,
  checkStaffScreen,
} from '../helpers/e2e.js';
import { PDF, PNG } from '../helpers/multipart-body.js';

/** Иванов's account 100012, flat 12 at Профсоюзная 43 к1 (src/sandbox/demo/core.ts). */
const IVANOV_FLAT12 = '00000000-0000-4000-8000-000000000301';

/** Иванов files a meter-verification appeal through the cabinet's API, with the act as a photo. */
async function fileAppeal(resident: APIRequestContext) {
  const csrf = ((await (await resident.get('/api/v1/me')).json()) as { csrfToken: string }).csrfToken;
  const uploaded = await resident.post('/api/v1/me/appeals/files', {
    headers: { 'x-csrf-token': csrf },
    multipart: { file: { name: 'akt-poverki.png', mimeType: 'image/png', buffer: PNG } },
  });
  expect(uploaded.status()).toBe(201);
  const [file] = ((await uploaded.json()) as { files: { id: string }[] }).files;
  const created = await resident.post('/api/v1/me/appeals', {
    headers: { 'x-csrf-token': csrf },
    data: {
      type: 'meter_event',
      accountId: IVANOV_FLAT12,
      event: 'verification',
      eventDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      meterSerialNumber: 'ХВ-77-31337',
      comment: 'Поверку провели, прошу пересчитать начисления по нормативу.',
      attachments: [{ fileId: file!.id, kind: 'meter_act' }],
      personalDataConsent: true,
    },
  });
  expect(created.status()).toBe(201);
  return { csrf, appeal: (await created.json()) as { id: string; number: string } };
}

// Issue 15, screen 3: the administrator opens an appeal a resident filed, reads its form in the form's
// words and its attachment in the browser, takes it into review and accepts it with an answer file; the
// resident's API has the answer. Deadlines per type are set in the settings.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the staff console: appeals', () => {
  let service: Service;
  let browser: Browser;
  let staff: Page;
  let resident: APIRequestContext;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    const [staffContext, residentContext] = await Promise.all([
      newContext(browser, service, DESKTOP),
      newContext(browser, service, DESKTOP),
    ]);
    staff = await staffContext.newPage();
    const residentPage = await residentContext.newPage();
    await Promise.all([signIn(staff, SMIRNOVA, '/staff'), signIn(residentPage, IVANOV, '/')]);
    resident = residentPage.request;
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('reads a resident appeal and accepts it with an answer file the resident sees', { timeout: 90_000 }, async () => {
    const { appeal } = await fileAppeal(resident);

    await staff.getByRole('link', { name: 'Обращения', exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: 'Обращения' }).waitFor();
    // the demo's own appeals in every state, one of them overdue
    await staff
      .getByText(/просрочено на \d+ дн\./)
      .first()
      .waitFor();
    await staff.getByRole('cell', { name: /Отклонено/ }).waitFor();
    expect(await checkStaffScreen(staff, 'appeals')).toEqual([]);
    await staff.getByLabel('Статус', { exact: true }).selectOption('submitted');
    await staff.waitForURL((u) => u.searchParams.get('status') === 'submitted');
    const row = staff.getByRole('row', { name: new RegExp(`№ ${appeal.number}`) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Иванов Иван Иванович/);
    expect(await row.textContent()).toMatch(/кв\. 12, л\/с/);
    expect(await row.textContent()).toMatch(/срок через (29|30) дн\./);

    await row.getByRole('link', { name: `№ ${appeal.number}` }).click();
    await staff.getByRole('heading', { level: 1, name: `Обращение № ${appeal.number}` }).waitFor();
    const form = staff.locator('.appeal-form');
    await form.getByText('Что сделали со счётчиком').waitFor();
    await form.getByText('Поверка', { exact: true }).waitFor();
    await form.getByText('ХВ-77-31337').waitFor();
    await form.getByText('Комментарий жителя').waitFor();
    expect(await form.textContent()).not.toMatch(/meterSerialNumber|verification/);
    // the act as a thumbnail and opened in a new tab (a blob of the inline file)
    await expect
      .poll(() => staff.getByAltText('Вложение: akt-poverki.png').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    const [tab] = await Promise.all([
      staff.context().waitForEvent('page'),
      staff.getByRole('button', { name: 'akt-poverki.png' }).click(),
    ]);
    await expect.poll(() => tab.url()).toMatch(/^blob:/);
    await tab.close();

    await staff.getByRole('button', { name: 'Взять на рассмотрение' }).click();
    await staff.getByRole('button', { name: 'Да, взять на рассмотрение' }).click();
    await staff.getByText('Обращение взято на рассмотрение.').waitFor();

    // a decision that needs a reason asks for it before it is sent
    await staff.getByRole('button', { name: 'Отклонить' }).click();
    await staff.getByText('Сначала напишите текст ответа.').waitFor();
    await staff.getByRole('button', { name: 'Отмена' }).click();

    await staff
      .getByLabel('Текст ответа')
      .fill('Поверка учтена, перерасчёт — в следующей квитанции. Расчёт во вложении.');
    await staff
      .getByLabel('Файлы ответа')
      .setInputFiles({ name: 'raschet.pdf', mimeType: 'application/pdf', buffer: PDF });
    await staff.getByRole('button', { name: 'Убрать файл raschet.pdf' }).waitFor();
    await staff.getByRole('button', { name: 'Принять', exact: true }).click();
    await staff.getByRole('button', { name: 'Да, принять' }).click();
    await staff.getByText('Обращение принято.').waitFor();
    await staff.getByRole('button', { name: 'raschet.pdf' }).waitFor();
    await staff.getByRole('button', { name: 'Закрыть: исполнено' }).waitFor();
    expect(await checkStaffScreen(staff, 'appeal')).toEqual([]);

    const seen = (await (await resident.get(`/api/v1/me/appeals/${appeal.id}`)).json()) as {
      status: string;
      events: { toStatus: string | null; message: string | null }[];
      files: { filename: string; authorSide: string }[];
    };
    expect(seen.status).toBe('accepted');
    expect(seen.events.at(-1)).toMatchObject({
      toStatus: 'accepted',
      message: expect.stringMatching(/^Поверка учтена/),
    });
    expect(seen.files).toContainEqual(expect.objectContaining({ filename: 'raschet.pdf', authorSide: 'organisation' }));
  });

  it('sets the days to answer a type; the waiting appeals move with it', { timeout: 60_000 }, async () => {
    await staff.goto('/staff/settings');
    const complaints = staff.getByLabel('Жалоба: дней на ответ');
    await complaints.fill('5');
    await staff.getByRole('button', { name: 'Сохранить сроки ответа' }).click();
    await staff.getByText('Сроки ответа сохранены').waitFor();
    expect(await checkStaffScreen(staff, 'settings-appeals')).toEqual([]);
    await staff.getByRole('link', { name: 'Обращения', exact: true }).click();
    await staff.getByLabel('Тип', { exact: true }).selectOption('complaint');
    await staff.getByLabel('Статус', { exact: true }).selectOption('submitted');
    // the demo's complaint was filed two days ago: three days are left of five
    await staff
      .getByRole('row', { name: /Орлова Анна Сергеевна/ })
      .getByText('срок через 3 дн.')
      .waitFor();
  });
});
