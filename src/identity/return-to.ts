/**
 * Where to send the browser after sign-in: a path on our own origin only, so that /auth/login cannot
 * be used as an open redirect. Absolute URLs of our public origin are reduced to their path.
 */
export function safeReturnTo(value: string | undefined, publicUrl: string, fallback = '/api/v1/me'): string | null {
  if (!value) return fallback;
  // Backslashes and control characters are read as slashes or dropped by some browsers.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what it refuses
  if (/[\\\u0000-\u001f]/.test(value)) return null;
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.origin === new URL(publicUrl).origin ? `${url.pathname}${url.search}${url.hash}` : null;
}
