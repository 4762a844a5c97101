// The cabinet's first screens prerendered for a signed-in person: the module web/src/entry-server.tsx
// (built by `npm run build:web` into web/dist-server, beside web/dist) renders the page with the
// person's data, asked of this service in-process with their session, and the shell's index.html
// carries the markup and those answers, which the browser hydrates. The page then paints before any
// script runs (issue 12: LCP on a phone). Anything unexpected sends the plain shell, as before.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';

/** The module's contract (web/src/entry-server.tsx), kept here because src/ never imports web/. */
interface EntryServer {
  prerender(request: {
    url: string;
    zone: string;
    cookies: string;
    send: (request: Request) => Promise<Response>;
    signal?: AbortSignal;
  }): Promise<{ title: string; html: string; state: unknown } | null>;
}

/** The cabinet writes the browser's zone here (web/src/main.tsx) on every visit. */
const ZONE_COOKIE = 'domhub_tz';
/** The cookies the cabinet's scripts write and read (web/src/lib/cookies.ts): all a prerender sees. */
const CABINET_COOKIES = [ZONE_COOKIE, 'domhub_news_shown'];
/** Past this the person gets the plain shell rather than a slow page. */
const PRERENDER_TIMEOUT_MS = 2_000;
const NO_BODY = new Set([101, 204, 205, 304]);

/** Prerenders a page for the request's person: the page's HTML, or undefined for the plain shell. */
export type Prerender = (request: FastifyRequest) => Promise<string | undefined>;

export function createPrerender(app: FastifyInstance, webDir: string, log: FastifyBaseLogger): Prerender | undefined {
  const entry = path.join(path.dirname(webDir), 'dist-server', 'entry-server.js');
  if (!existsSync(entry)) {
    log.warn({ entry }, 'the cabinet has no prerender build (npm run build:web); pages render in the browser only');
    return undefined;
  }
  const shell = readFileSync(path.join(webDir, 'index.html'), 'utf8');
  // Loaded at the first page, not at start: a process that serves only the API never holds React.
  let module: Promise<EntryServer> | undefined;

  return async (request) => {
    const zone = request.cookies?.[ZONE_COOKIE];
    if (request.principal?.kind !== 'person' || !zone || !isTimeZone(zone)) return undefined;
    try {
      module ??= (import(pathToFileURL(entry).href) as Promise<EntryServer>).catch((error: unknown) => {
        module = undefined; // tried again at the next page
        throw error;
      });
      const signal = AbortSignal.timeout(PRERENDER_TIMEOUT_MS);
      const rendering = (await module).prerender({
        url: request.url,
        zone,
        cookies: CABINET_COOKIES.filter((name) => request.cookies[name] !== undefined)
          .map((name) => `${name}=${encodeURIComponent(request.cookies[name] ?? '')}`)
          .join('; '),
        send: (apiRequest) => answerInProcess(app, request, apiRequest),
        signal,
      });
      // The signal stops React's render; the data reads before it are bounded here.
      const timedOut = new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
      );
      rendering.catch(() => undefined); // settles after a timeout: nothing waits for it then
      const page = await Promise.race([rendering, timedOut]);
      if (!page) return undefined;
      return (
        shell
          // The page paints from this HTML and its stylesheet alone; the scripts, which hydrate it, are
          // asked for once it has painted (web/src/main.tsx) rather than beside the stylesheet.
          .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
          .replace(
            '<div id="root"></div>',
            // Inert until the screen is hydrated (web/src/app/App.tsx, Interactive): input before then would be lost.
            `<div id="root" inert>${page.html}</div><script type="application/json" id="domhub-state">${jsonInHtml(page.state)}</script>`,
          )
      );
    } catch (error) {
      log.warn({ err: error, url: request.url }, 'prerendering failed; the page renders in the browser');
      return undefined;
    }
  };
}

/** A read of the API as the page's person, through the whole pipeline (auth, access, serialisation). */
async function answerInProcess(app: FastifyInstance, page: FastifyRequest, request: Request): Promise<Response> {
  if (request.method !== 'GET') throw new Error(`a prerender only reads (asked ${request.method} ${request.url})`);
  const url = new URL(request.url);
  const answer = await app.inject({
    method: 'GET',
    url: url.pathname + url.search,
    headers: {
      accept: 'application/json',
      ...(page.headers.cookie ? { cookie: page.headers.cookie } : {}),
      ...(page.headers['user-agent'] ? { 'user-agent': page.headers['user-agent'] } : {}),
      'x-request-id': page.id,
    },
  });
  return new Response(NO_BODY.has(answer.statusCode) ? null : answer.body, {
    status: answer.statusCode,
    headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') },
  });
}

function isTimeZone(zone: string): boolean {
  if (zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** JSON inside <script type="application/json">: no `<` can end the element or open a comment. */
function jsonInHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
