// The cabinet's own cookies (not the session's, which scripts never see): read the same way in the
// browser and while the service prerenders a page (entry-server.tsx gives the request's).
let source: () => string = () => document.cookie;

export function setCookieSource(read: () => string) {
  source = read;
}

export function readCookie(name: string): string | undefined {
  for (const pair of source().split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return decodeURIComponent(pair.slice(at + 1).trim());
  }
  return undefined;
}

/** Without `maxAge` the cookie lasts while the browser is open. */
export function writeCookie(name: string, value: string, maxAge?: number) {
  const lifetime = maxAge === undefined ? '' : `; max-age=${maxAge}`;
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the older Safari and Firefox residents use
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; samesite=lax${lifetime}`;
}

/** The cookies a prerender may read (src/http/prerender.ts passes only these). */
export const CABINET_COOKIES = {
  /** The browser's time zone, which dates are written in. */
  zone: 'domhub_tz',
  /** The unread notices have been shown since sign-in. */
  newsShown: 'domhub_news_shown',
} as const;
