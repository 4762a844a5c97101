/// <reference types="node" />
// The service prerenders the cabinet's first screens (src/http/web.ts loads this module, built by
// `npm run build:web` into web/dist-server): the person's home or meters arrive as HTML with the data
// they show, so the page paints before any script has run; main.tsx then hydrates it with that data.
import { AsyncLocalStorage } from 'node:async_hooks';
import { dehydrate, type QueryClient } from '@tanstack/react-query';
import { prerenderToNodeStream } from 'react-dom/static';
import { setTransport } from './api/client';
import { createQueryClient, Root } from './app/Root';
import { meQuery } from './app/session';
import { setCookieSource } from './lib/cookies';
import { setDisplayZone } from './lib/format';
import { loadFirstData, prerenderedPage } from './routes';

interface Request {
  /** The page's path and query, e.g. `/meters`. */
  url: string;
  /** The browser's time zone (IANA), which dates and "today" are written in. */
  zone: string;
  /** The cabinet's own cookies of the request (CABINET_COOKIES), as a Cookie header. */
  cookies: string;
  /** Answers an API request as the person (their session) inside the service. */
  send: (request: globalThis.Request) => Promise<Response>;
  signal?: AbortSignal;
}

export interface Prerendered {
  title: string;
  /** The markup of <div id="root">. */
  html: string;
  /**
   * What boot.tsx hydrates: the zone and the queries the markup was made from, and the API's answers
   * behind them (path and body), which it keeps where the service worker looks for last-seen data.
   */
  state: { zone: string; queries: ReturnType<typeof dehydrate>; answers: [path: string, body: string][] };
}

const current = new AsyncLocalStorage<{ request: Request; answers: [string, string][] }>();
setTransport(async (apiRequest) => {
  const page = current.getStore();
  if (!page) throw new Error('an API request outside a prerender');
  const response = await page.request.send(apiRequest);
  if (response.ok) {
    const url = new URL(apiRequest.url);
    page.answers.push([url.pathname + url.search, await response.clone().text()]);
  }
  return response;
});
setDisplayZone(() => current.getStore()?.request.zone);
setCookieSource(() => current.getStore()?.request.cookies ?? '');

/** The page prerendered, or null when it is not one of those pages or nobody is signed in. */
export function prerender(request: Request): Promise<Prerendered | null> {
  const answers: [string, string][] = [];
  return current.run({ request, answers }, async () => {
    const { pathname, search } = new URL(request.url, 'http://prerender.invalid');
    const page = prerenderedPage(pathname);
    if (!page) return null;
    const client = createQueryClient({ server: true });
    await loadFirstData(page, client);
    if (!client.getQueryData(meQuery.queryKey)) return null;
    forgetFailures(client);
    const errors: unknown[] = [];
    const { prelude } = await prerenderToNodeStream(
      <Root client={client} ssrPath={pathname} ssrSearch={search.slice(1)} />,
      { signal: request.signal, onError: (error) => void errors.push(error) },
    );
    const decoder = new TextDecoder();
    let html = '';
    for await (const chunk of prelude as AsyncIterable<Uint8Array | string>) {
      html += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    }
    html += decoder.decode();
    // A part that failed would be rendered again in the browser: send the plain shell instead.
    if (errors.length > 0) throw errors[0];
    return {
      title: `${page.title} — Домхаб`,
      html,
      state: { zone: request.zone, queries: dehydrate(client), answers },
    };
  });
}

/** A failed answer is not sent along, so the page shows what the browser will: loading, then it asks again. */
function forgetFailures(client: QueryClient) {
  for (const query of client.getQueryCache().getAll()) {
    if (query.state.status !== 'success') client.getQueryCache().remove(query);
  }
}
