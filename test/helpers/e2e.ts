/**
 * End-to-end helpers for the cabinet: the real service as a child process (sandbox mode, demo data,
 * its own cloned test database, a free port), Debian's chromium driven by playwright-core, sign-in
 * through the sandbox ESIA, screenshots at phone and desktop sizes, and axe-core checks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../src/db/embedded.js';
import { ensureWebBuilt } from '../../web/scripts/ensure-built.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test/e2e/screenshots');
/** Demo citizens of the sandbox ESIA (src/sandbox/esia/citizens.ts). */
export const IVANOV = '11223344595';
export const PETROVA = '12345678964';

export interface Service {
  url: string;
  database: TestDatabase;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `npm start` as a child process on a fresh copy of the test template database; ready when /readyz is.
 * `host`: the name the browser uses (PUBLIC_URL); `localhost` where WebAuthn needs a domain, not an IP.
 */
export async function startService(env: Record<string, string> = {}, host = '127.0.0.1'): Promise<Service> {
  ensureWebBuilt(() => undefined);
  const database = await createTestDatabase('e2e');
  const port = await freePort();
  const url = `http://${host}:${port}`;
  const local = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      TEST_DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      SANDBOX: 'true',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited:\n${output}`);
    if (
      await fetch(`${local}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() - started > 90_000) {
      child.kill('SIGKILL');
      throw new Error(`the service was not ready in 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    database,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      await database.drop();
    },
  };
}

/** Debian's chromium, headless, a fresh profile (playwright gives each launch its own user-data dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Russian browser UI: native date inputs show дд.мм.гггг and file inputs speak Russian, as for residents.
      '--lang=ru-RU',
    ],
  });
}

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 800 };

/** A new browser context (its own cookies) on the service, at phone size by default, in Russian. */
export async function newContext(browser: Browser, service: Service, viewport = PHONE): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: service.url,
    viewport,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    acceptDownloads: true,
  });
}

/** Signs in through the sandbox ESIA with a demo citizen's SNILS (login_hint: no pages) and lands on `to`. */
export async function signIn(page: Page, snils = IVANOV, to = '/'): Promise<void> {
  await page.goto(`/auth/login?login_hint=${snils}&return_to=${encodeURIComponent(to)}`);
  await page.waitForURL((u) => u.pathname === to.split('?')[0]);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/**
 * Screenshots the page at 360×780 and 1280×800 into test/e2e/screenshots/<name>-360.png / -1280.png
 * (full page), then restores the viewport. Fails if either size scrolls sideways.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize() ?? PHONE;
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.evaluate('window.scrollTo(0, 0)'); // sticky header and bars where a person first sees them
    await page.waitForTimeout(150);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    if (Number(overflow) > 0) throw new Error(`${name} scrolls sideways by ${String(overflow)} px at ${size.width} px`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2 A/AA rules). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the cabinet's CSP (rightly) refuses an injected <script>.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
         nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) })))`,
  )) as AxeViolation[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Screenshot at both sizes and the axe check of one screen, as every screen's test does. */
export async function checkScreen(page: Page, name: string): Promise<AxeViolation[]> {
  await screenshot(page, name);
  return axeViolations(page);
}

// ---- the staff console

/** The demo organisation's staff (src/sandbox/demo/core.ts), one per built-in role, by SNILS. */
export const SMIRNOVA = '08765432102'; // administrator
export const ORLOV = '14523698776'; // dispatcher
export const VASILYEVA = '15623478979'; // accountant
export const MOROZOV = '16782345905'; // meeting administrator
export const LEBEDEVA = '17823456999'; // read-only

/** The console is desktop-first and usable on a tablet. */
export const TABLET = { width: 768, height: 1024 };

/**
 * Screenshots a console screen at 768 and 1280 px (full page) into test/e2e/screenshots/staff-<name>-<w>.png,
 * fails if it scrolls sideways (naming what sticks out), and returns axe's violations at 1280 px.
 */
export async function checkStaffScreen(page: Page, name: string): Promise<AxeViolation[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of [TABLET, DESKTOP]) {
    await page.setViewportSize(size);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(150);
    // The screenshot first: it shows what sticks out when the check below fails.
    await page.screenshot({ path: path.join(SCREENSHOTS, `staff-${name}-${size.width}.png`), fullPage: true });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    if (Number(overflow) > 0) {
      const wide = await page.evaluate(`[...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
        .slice(0, 5).map((e) => e.tagName + '.' + e.className).join(', ')`);
      throw new Error(`${name} scrolls sideways by ${String(overflow)} px at ${size.width} px (${String(wide)})`);
    }
  }
  return axeViolations(page);
}
