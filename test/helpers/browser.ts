/**
 * A minimal browser for tests over real HTTP: a cookie jar (name, path, expiry; one host) and fetch
 * that follows redirects by hand so every hop's cookies are kept, like `curl -L -c jar -b jar`.
 */
export interface Hop {
  url: string;
  status: number;
}

export class Browser {
  private cookies = new Map<string, { name: string; value: string; path: string }>();
  hops: Hop[] = [];
  /** Every Set-Cookie line and every answer's headers and body, for checks on what was sent. */
  setCookieLines: string[] = [];
  transcript: string[] = [];

  cookie(name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }

  setCookie(name: string, value: string, path = '/') {
    this.cookies.set(`${name};${path}`, { name, value, path });
  }

  clone(): Browser {
    const b = new Browser();
    for (const [k, v] of this.cookies) b.cookies.set(k, { ...v });
    return b;
  }

  private header(url: URL): string {
    return [...this.cookies.values()]
      .filter(
        (c) =>
          url.pathname === c.path ||
          url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) ||
          c.path === '/',
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  private store(res: Response, url: URL) {
    for (const line of res.headers.getSetCookie()) {
      this.setCookieLines.push(line);
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      let path = url.pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = value === '';
      for (const a of attrs) {
        const [k, v = ''] = a.split('=');
        if (k!.toLowerCase() === 'path') path = v;
        if (k!.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
        if (k!.toLowerCase() === 'expires' && Date.parse(v) < Date.now()) expired = true;
      }
      if (expired) this.cookies.delete(`${name};${path}`);
      else this.cookies.set(`${name};${path}`, { name, value, path });
    }
  }

  /** One request, no redirect following. */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const u = new URL(url);
    const headers = new Headers(init.headers);
    const cookie = this.header(u);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(u, { ...init, headers, redirect: 'manual' });
    this.store(res, u);
    this.transcript.push(
      `${url}\n${JSON.stringify(Object.fromEntries(Array.from(res.headers as unknown as Iterable<[string, string]>)))}\n${await res.clone().text()}`,
    );
    this.hops.push({ url, status: res.status });
    return res;
  }

  /** Follows redirects (303 and 302 turn a POST into a GET) up to `max` hops; returns the last answer. */
  async go(url: string, init: RequestInit = {}, max = 20): Promise<Response> {
    let res = await this.request(url, init);
    let current = url;
    for (let i = 0; i < max && res.status >= 300 && res.status < 400 && res.headers.get('location'); i++) {
      current = new URL(res.headers.get('location')!, current).href;
      await res.arrayBuffer();
      res = await this.request(current);
    }
    return res;
  }
}
