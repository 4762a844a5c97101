// The cabinet's start (imported by main.tsx): hydrate a prerendered page with the answers it was made
// from, or render the page here.
import { hydrate } from '@tanstack/react-query';
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { setCsrfToken } from './api/client';
import { createQueryClient, Root } from './app/Root';
import { type Me, meQuery } from './app/session';
import type { Prerendered } from './entry-server';
import { CABINET_COOKIES, writeCookie } from './lib/cookies';
import { setDisplayZone } from './lib/format';
import { preloadPage } from './routes';

const queryClient = createQueryClient();
const root = document.getElementById('root')!;
// The service prerendered this page (src/http/web.ts) with these answers: hydrate it with the same ones.
const state = document.getElementById('domhub-state')?.textContent;
const prerendered = state ? (JSON.parse(state) as Prerendered['state']) : undefined;

// The zone the service writes dates in when it prerenders the next page.
writeCookie(CABINET_COOKIES.zone, Intl.DateTimeFormat().resolvedOptions().timeZone, 365 * 24 * 3600);

if (prerendered) {
  setDisplayZone(() => prerendered.zone);
  hydrate(queryClient, prerendered.queries);
  setCsrfToken(queryClient.getQueryData<Me>(meQuery.queryKey)?.csrfToken);
  preloadPage(window.location.pathname, queryClient);
  // As a transition, hydration yields to the browser every few milliseconds instead of one long task.
  startTransition(() => {
    hydrateRoot(root, <Root client={queryClient} />, {
      // A page that differs from its prerender is rendered again here; say so (tests look for this).
      onRecoverableError: (error) => console.error('the prerendered page did not hydrate:', error),
    });
  });
  void keepLastSeen(prerendered.answers).catch(() => undefined);
} else {
  preloadPage(window.location.pathname, queryClient);
  createRoot(root).render(<Root client={queryClient} />);
}

/**
 * Offline, the service worker answers the cabinet's reads with the last ones it saw (web/sw.js, the
 * `domhub-data` cache, emptied at sign-out). A prerendered page's answers never passed through it:
 * keep them there too. (The worker's own list decides which of them it ever serves.)
 */
async function keepLastSeen(answers: Prerendered['state']['answers']) {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open('domhub-data');
  await Promise.all(
    answers.map(([path, body]) =>
      cache.put(path, new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8' } })),
    ),
  );
}
