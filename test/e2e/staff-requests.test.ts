import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  DESKTOP,
  IVANOV,
  launchBrowser,
  newContext,
  SCREENSHOTS,
  type Service,
  signIn,
  startService,
} from '../helpers/e2e.js';

/** Смирнова: the demo organisation's administrator, dispatcher and accountant (src/sandbox/demo/core.ts). */
const SMIRNOVA = '08765432102';
const TABLET = { width: 768, height: 1024 };

/**
 * A console screen at 1280×800 into test/e2e/screenshots/staff-<name>-1280.png (and 768 px wide, where
 * it must not scroll sideways either); returns axe-core's serious and critical violations.
 */
async function checkStaffScreen(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of [TABLET, DESKTOP]) {
    await page.setViewportSize(size);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(150);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    if (Number(overflow) > 0) throw new Error(`${name} scrolls sideways by ${String(overflow)} px at ${size.width} px`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `staff-${name}-${size.width}.png`) });
  }
  return axeViolations(page);
}

// The staff console in a real browser: a dispatcher takes a resident's request to done, the resident sees
// it and rates it.
describe.skipIf(process.env.SKIP_BROWSER_E2E === '1')('the staff console: requests', () => {
  let service: Service;
  let browser: Browser;
  let staffContext: BrowserContext;
  let residentContext: BrowserContext;
  let staff: Page;
  let resident: Page;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startService(), launchBrowser()]);
    staffContext = await newContext(browser, service, DESKTOP);
    residentContext = await newContext(browser, service, DESKTOP);
    staff = await staffContext.newPage();
    resident = await residentContext.newPage();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('tells a resident that the console is for staff, and the cabinet has no link to it', {
    timeout: 60_000,
  }, async () => {
    await signIn(resident, IVANOV, '/');
    expect(await resident.getByRole('link', { name: 'Консоль УК' }).count()).toBe(0);
    const staffChunks: string[] = [];
    resident.on('request', (r) => {
      if (/\/assets\/(StaffApp|staff)/i.test(r.url())) staffChunks.push(r.url());
    });
    await resident.goto('/requests');
    await resident.getByRole('heading', { level: 1, name: 'Заявки' }).waitFor();
    expect(staffChunks).toEqual([]);
    await resident.goto('/staff');
    await resident.getByRole('heading', { level: 1, name: 'Консоль только для сотрудников' }).waitFor();
    await resident.getByText('вашей учётной записи не выдан доступ').waitFor();
    expect(await checkStaffScreen(resident, 'not-staff')).toEqual([]);
  });

  it('opens the console from the cabinet for a staff member', { timeout: 60_000 }, async () => {
    await signIn(staff, SMIRNOVA, '/');
    await staff.getByRole('link', { name: 'Консоль УК' }).click();
    await staff.waitForURL((u) => u.pathname === '/staff');
    await staff.getByRole('heading', { level: 1, name: 'Что требует внимания' }).waitFor();
    await staff.getByText('ООО «УК Домхаб»').first().waitFor();
    await staff.getByText('Новые заявки').waitFor();
    await staff.getByText('Отказы ГИС ЖКХ').waitFor();
    await staff.getByRole('navigation', { name: 'Разделы консоли' }).waitFor();
    expect(await checkStaffScreen(staff, 'home')).toEqual([]);
    await staff.getByRole('link', { name: 'Кабинет жителя' }).click();
    await staff.waitForURL((u) => u.pathname === '/');
  });
});
