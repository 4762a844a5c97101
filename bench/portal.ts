// `npm run bench -- portal`: Lighthouse 12 (mobile preset, default simulated throttling) on the cabinet's
// home and meters screens, signed in as the demo citizen, against the real service in sandbox mode.
// Prints per screen the performance score, LCP, TBT, CLS and the gzipped JavaScript it loaded; the last
// line is the worst of each. Targets (issue 12): score ≥ 95, LCP ≤ 1.5 s, CLS ≤ 0.02, JS ≤ 150 KB gz.
// Env: BENCH_DATABASE_URL (else an embedded PostgreSQL in a temporary directory), CHROMIUM_PATH,
// BENCH_LHR_DIR (writes each screen's full Lighthouse result there as <screen>.json, to see what costs).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { freePort } from '../src/db/embedded.js';
import { Browser } from '../test/helpers/browser.js';
import { ensureWebBuilt } from '../web/scripts/ensure-built.js';

const SCREENS = [
  ['home', '/'],
  ['meters', '/meters'],
] as const;

// chrome-launcher reports a missing browser as an 'error' event that ends this process past the finally
// below, leaving the service it started running: look for the browser before starting anything.
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromePath)) {
  console.error(`no browser at ${chromePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(1);
}
ensureWebBuilt();
const dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-portal-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  env: {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
    DATA_DIR: dir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    SANDBOX: 'true',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const exited = new Promise((resolve) => child.once('exit', resolve));

interface Row {
  screen: string;
  score: number;
  lcp: number;
  tbt: number;
  cls: number;
  jsGz: number;
}

try {
  for (let started = Date.now(); ; ) {
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() - started > 120_000) throw new Error('the service was not ready in 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = new Browser();
  await browser.go(`${base}/auth/login?login_hint=11223344595&return_to=/`);
  const sid = browser.cookie('domhub_sid');
  if (!sid) throw new Error('sign-in through the sandbox provider gave no session');

  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // A returning resident: the session, and the zone the cabinet wrote on an earlier visit (with it the
  // service prerenders the page; on a first visit the browser renders it). Put in the browser's own
  // cookie jar: a Cookie header given to Lighthouse is replaced by the jar's once the page writes one.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  await cdp
    .contexts()[0]!
    .addCookies(
      Object.entries({ domhub_sid: sid, domhub_tz: zone }).map(([name, value]) => ({ name, value, url: base })),
    );
  await cdp.close();
  // A service that has served pages before: the first prerender loads React into the process.
  for (const [, url] of SCREENS) {
    await fetch(`${base}${url}`, { headers: { accept: 'text/html', cookie: `domhub_sid=${sid}; domhub_tz=${zone}` } });
  }
  const rows: Row[] = [];
  try {
    for (const [screen, url] of SCREENS) {
      const result = await lighthouse(`${base}${url}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      if (!result) throw new Error(`no Lighthouse result for ${url}`);
      const lhr = result.lhr;
      if (process.env.BENCH_LHR_DIR)
        await writeFile(path.join(process.env.BENCH_LHR_DIR, `${screen}.json`), result.report);
      const requests =
        (lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string }[] })?.items ?? [];
      let jsGz = 0;
      for (const r of requests.filter((i) => i.resourceType === 'Script' && i.url.startsWith(base))) {
        const body = Buffer.from(await (await fetch(r.url)).arrayBuffer());
        jsGz += gzipSync(body, { level: 9 }).length;
      }
      const row: Row = {
        screen,
        score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        tbt: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
        jsGz,
      };
      if (lhr.finalDisplayedUrl && !new URL(lhr.finalDisplayedUrl).pathname.startsWith(url)) {
        throw new Error(`${url} ended at ${lhr.finalDisplayedUrl} (not signed in?)`);
      }
      rows.push(row);
      console.log(line(row));
    }
  } finally {
    chrome.kill();
  }
  console.log(
    line({
      screen: 'worst',
      score: Math.min(...rows.map((r) => r.score)),
      lcp: Math.max(...rows.map((r) => r.lcp)),
      tbt: Math.max(...rows.map((r) => r.tbt)),
      cls: Math.max(...rows.map((r) => r.cls)),
      jsGz: Math.max(...rows.map((r) => r.jsGz)),
    }),
  );
} finally {
  child.kill('SIGTERM');
  await exited;
  await rm(dir, { recursive: true, force: true });
}

function line(r: Row): string {
  return (
    `${r.screen.padEnd(7)} performance ${r.score}  LCP ${(r.lcp / 1000).toFixed(2)} s  TBT ${Math.round(r.tbt)} ms  ` +
    `CLS ${r.cls.toFixed(3)}  JS ${(r.jsGz / 1024).toFixed(1)} KB gz`
  );
}
