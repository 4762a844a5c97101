import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

// The cabinet's serving rules on a built-like web/dist (a fixture, so this test does not run Vite).
describe('the resident cabinet is served at /', () => {
  let t: TestApp;
  let dir: string;
  const script = `console.log(${JSON.stringify('домхаб '.repeat(400))});\n`;

  let top: string;

  beforeAll(async () => {
    top = await mkdtemp(path.join(os.tmpdir(), 'domhub-web-'));
    dir = path.join(top, 'dist');
    await mkdir(path.join(dir, 'assets'), { recursive: true });
    await writeFile(
      path.join(dir, 'index.html'),
      '<!doctype html><html lang="ru"><head><script type="module" src="/assets/index-AbC123.js"></script></head>' +
        '<body><div id="root"></div></body></html>',
    );
    await writeFile(path.join(dir, 'assets', 'index-AbC123.js'), script);
    await writeFile(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    await writeFile(path.join(dir, 'manifest.webmanifest'), '{"name":"Домхаб"}');
    t = await startTestApp({ env: { WEB_DIST_DIR: dir }, seed: false, label: 'web_serving' });
  });
  afterAll(async () => {
    await t?.close();
    await rm(top, { recursive: true, force: true });
  });

  it('answers / and client routes with index.html, never cached, under a CSP with no inline script', async () => {
    const page = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    for (const url of ['/', '/meters', '/payments/6f1c1f0e-0000-4000-8000-000000000001', '/signin?next=%2Fcharges']) {
      const res = await t.app.inject({ url, headers: page });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('caches hashed assets for a year and compresses them', async () => {
    const plain = await t.app.inject({ url: '/assets/index-AbC123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.body).toBe(script);

    const br = await t.app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 5);

    const gz = await t.app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
  });

  it('revalidates the service worker, manifest and index.html on every use', async () => {
    for (const url of ['/sw.js', '/manifest.webmanifest', '/index.html']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('keeps 404 problems for the API, sign-in, sandbox, missing files and other methods', async () => {
    const cases: [string, string][] = [
      ['GET', '/api/v1/nothing-here'],
      ['GET', '/api/v1/me/nothing/here'],
      ['GET', '/auth/nothing'],
      ['GET', '/sandbox/nothing'],
      ['GET', '/assets/missing-123.js'],
      ['GET', '/favicon.ico'],
      ['POST', '/meters'],
      ['DELETE', '/'],
      ['PUT', '/charges'],
    ];
    // Not a browser asking for a page (curl, API clients): an unknown path is a problem, as before.
    const api = await t.app.inject({ url: '/no/such/route', headers: { accept: '*/*' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'route_not_found' });
    for (const [method, url] of cases) {
      const res = await t.app.inject({ method: method as 'GET', url, headers: { accept: 'text/html' } });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type'], `${method} ${url}`).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 404, code: 'route_not_found' });
    }
  });

  it('leaves the API as it was: JSON, no cabinet CSP, compressed on request', async () => {
    const me = await t.app.inject({ url: '/api/v1/me' });
    expect(me.statusCode).toBe(401);
    expect(me.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(me.headers['content-security-policy']).toBeUndefined();

    const docs = await t.app.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(docs.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(docs.rawPayload).toString())).toHaveProperty('openapi', '3.1.0');
  });
});

describe('without a built cabinet', () => {
  it('/ stays a 404 problem and the API works', async () => {
    const t = await startTestApp({
      env: { WEB_DIST_DIR: path.join(os.tmpdir(), 'domhub-no-such-dir') },
      seed: false,
      label: 'web_missing',
    });
    try {
      const res = await t.app.inject({ url: '/' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'route_not_found' });
      expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

// The service's side of prerendering (src/http/prerender.ts) with a stand-in for the built
// web/dist-server/entry-server.js; the real one is checked in the browser (test/e2e/cabinet.test.ts).
describe('pages prerendered for a signed-in person', () => {
  let t: TestApp;
  let top: string;
  let signedIn: string;
  const page = { accept: 'text/html' };
  const PERSON = '00000000-0000-4000-9000-00000000e501';

  beforeAll(async () => {
    top = await mkdtemp(path.join(os.tmpdir(), 'domhub-prerender-'));
    await mkdir(path.join(top, 'dist'));
    await mkdir(path.join(top, 'dist-server'));
    await writeFile(
      path.join(top, 'dist', 'index.html'),
      '<!doctype html><html lang="ru"><head><title>Домхаб — личный кабинет</title>' +
        '<script type="module" src="/assets/index-AbC123.js"></script>\n    <link rel="modulepreload" href="/assets/boot-X.js">' +
        '</head><body><div id="root"></div></body></html>',
    );
    // Asks the API as the person (a read, then a write it must be refused), and echoes what it was given.
    await writeFile(
      path.join(top, 'dist-server', 'entry-server.js'),
      `export async function prerender({ url, zone, cookies, send }) {
        if (url.startsWith('/boom')) throw new Error('boom');
        if (url.startsWith('/slow')) return new Promise(() => {});
        if (url.startsWith('/signin')) return null;
        const me = await send(new Request('http://prerender.invalid/api/v1/me'));
        const person = await me.json();
        let write = 'sent';
        try { await send(new Request('http://prerender.invalid/auth/logout', { method: 'POST' })); } catch { write = 'refused'; }
        return {
          title: 'Главная — Домхаб',
          html: '<h1>' + person.lastName + '</h1>',
          state: { zone, cookies, status: me.status, write, text: '</script><script>alert(1)</script>' },
        };
      }`,
    );
    t = await startTestApp({ env: { WEB_DIST_DIR: path.join(top, 'dist') }, seed: false, label: 'web_prerender' });
    await t.deps.db.query(
      `INSERT INTO persons (id, provider, subject, last_name, first_name) VALUES ($1, 'esia', 'prerender', 'Пререндерова', 'Анна')`,
      [PERSON],
    );
    signedIn = (await sessionHeaders(t.deps, PERSON)).cookie;
  });
  afterAll(async () => {
    await t?.close();
    await rm(top, { recursive: true, force: true });
  });

  it('sends the page with its markup and the answers it was made from, for this browser only', async () => {
    const res = await t.app.inject({
      url: '/',
      headers: { ...page, cookie: `${signedIn}; domhub_tz=Asia%2FVladivostok; domhub_news_shown=1; other=x` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.vary).toMatch(/cookie/i);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('<title>Главная — Домхаб</title>');
    expect(res.body).toContain('<div id="root" inert><h1>Пререндерова</h1></div>');
    // Painted from HTML and CSS: the scripts' preloads go, the entry stays.
    expect(res.body).not.toContain('modulepreload');
    expect(res.body).toContain('/assets/index-AbC123.js');
    const json = /<script type="application\/json" id="domhub-state">(.*?)<\/script>/.exec(res.body)?.[1];
    expect(json).not.toContain('</script');
    expect(JSON.parse(json!)).toEqual({
      zone: 'Asia/Vladivostok',
      // Only the cabinet's own cookies reach the page: never the session.
      cookies: 'domhub_tz=Asia%2FVladivostok; domhub_news_shown=1',
      status: 200,
      write: 'refused',
      text: '</script><script>alert(1)</script>',
    });
  });

  it('sends the plain shell when it cannot or should not prerender', async () => {
    const cases: [string, string][] = [
      ['/', 'domhub_tz=Europe%2FMoscow'], // signed out
      ['/', signedIn], // no zone yet: the first visit
      ['/', `${signedIn}; domhub_tz=Mars%2FOlympus`], // not a time zone
      ['/', `${signedIn}; domhub_tz=..%2F..%2Fetc%2Fpasswd`],
      ['/signin', `${signedIn}; domhub_tz=Europe%2FMoscow`], // not a page it prerenders
      ['/boom', `${signedIn}; domhub_tz=Europe%2FMoscow`], // the prerender fails
      ['/slow', `${signedIn}; domhub_tz=Europe%2FMoscow`], // or takes over 2 s
    ];
    for (const [url, cookie] of cases) {
      const res = await t.app.inject({ url, headers: { ...page, cookie } });
      expect(res.statusCode, `${url} ${cookie}`).toBe(200);
      expect(res.headers['cache-control'], `${url} ${cookie}`).toBe('no-cache');
      expect(res.body, `${url} ${cookie}`).toContain('<div id="root"></div>');
      expect(res.body).not.toContain('domhub-state');
    }
    // The session survived the prerender's attempted write.
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: signedIn } })).statusCode).toBe(200);
  });
});
