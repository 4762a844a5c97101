/* The cabinet's service worker (sw.js, emitted by vite.config.ts with the precache list filled in).
 * - The shell (index.html, hashed assets, icons) is precached; navigations fall back to it offline.
 *   It is /index.html, not /: the service prerenders / for a signed-in person, and that page carries
 *   their data, which must not outlive the session in a cache.
 * - A few resident reads (profile, accounts, balance, meters, readings, charges, notices) are kept as
 *   last seen and answered from the cache when the network fails, marked `x-domhub-offline: 1` so the
 *   page shows "нет связи".
 * - Writes are never intercepted: offline they fail in the page, which says nothing was sent. */
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const SHELL = `domhub-shell-${VERSION}`;
const DATA = 'domhub-data';
const LAST_SEEN = [
  /^\/api\/v1\/me$/,
  /^\/api\/v1\/me\/accounts$/,
  /^\/api\/v1\/me\/balance$/,
  /^\/api\/v1\/me\/charges$/,
  /^\/api\/v1\/me\/news$/,
  /^\/api\/v1\/me\/accounts\/[^/]+\/(meters|readings)$/,
];
const NOT_THE_APP = /^\/(api|auth|sandbox|oauth|docs)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('domhub-shell-') && k !== SHELL).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate' && !NOT_THE_APP.test(url.pathname)) {
    event.respondWith(
      fetch(request).catch(() => caches.match('/index.html', { cacheName: SHELL }).then((r) => r ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: SHELL }).then((hit) => hit ?? fetch(request)));
    return;
  }
  if (LAST_SEEN.some((re) => re.test(url.pathname))) event.respondWith(lastSeen(request));
});

async function lastSeen(request) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.status === 200) await cache.put(request, response.clone());
    // Signed out or the session ended: nothing personal stays on the device.
    if (response.status === 401) await caches.delete(DATA);
    return response;
  } catch {
    const hit = await cache.match(request);
    if (!hit) {
      return new Response(JSON.stringify({ status: 503, code: 'offline', title: 'Service Unavailable' }), {
        status: 503,
        headers: { 'content-type': 'application/problem+json', 'x-domhub-offline': '1' },
      });
    }
    const headers = new Headers(hit.headers);
    headers.set('x-domhub-offline', '1');
    return new Response(hit.body, { status: hit.status, headers });
  }
}

self.addEventListener('message', (event) => {
  if (event.data === 'sign-out') event.waitUntil(caches.delete(DATA));
});
