// ESIA (Gosuslugi) protocol details that both the relying party and the sandbox provider must agree on.
// Source: «Методические рекомендации по использованию ЕСИА», sections on the OAuth 2.0 / OIDC
// authorization-code flow (v2 authorize /aas/oauth2/v2/ac, v3 token /aas/oauth2/v3/te).

/**
 * `v2`: the current flow (authorize `aas/oauth2/v2/ac`, token `aas/oauth2/v3/te`) with
 * `client_certificate_hash`, and `client_secret` a bare GOST R 34.10-2012 signature of the string below;
 * `legacy`: the older flow (`aas/oauth2/ac`, `aas/oauth2/te`) with `client_secret` a detached CMS (PKCS#7).
 * Public clients that work against the real provider do the same (ilimurzin/esia 4.x: v2/ac + v3/te with a
 * bare signature, "base64 url safe" per the guide; LdDl/esia-potato: ac with CMS SignedData).
 */
export type EsiaSignatureMode = 'legacy' | 'v2';

/** The provider's hosts: the test environment and production. */
export const ESIA_HOSTS = {
  test: 'https://esia-portal1.test.gosuslugi.ru',
  production: 'https://esia.gosuslugi.ru',
} as const;

/** Fixed endpoints (ESIA publishes no discovery document the clients rely on), per mode. */
export const ESIA_PATHS = {
  v2: { authorize: '/aas/oauth2/v2/ac', token: '/aas/oauth2/v3/te' },
  legacy: { authorize: '/aas/oauth2/ac', token: '/aas/oauth2/te' },
  logout: '/idp/ext/Logout',
  person: '/rs/prns',
} as const;

/** The `iss` ESIA writes into its tokens: `http://<host>/` (http and a trailing slash, whatever the URL used). */
export const esiaTokenIssuer = (baseUrl: string) => `http://${new URL(baseUrl).host}/`;

/** JWT `alg` values ESIA signs with, and the GOST R 34.11-2012 digest size of each. */
export const ESIA_TOKEN_ALGS = { GOST3410_2012_256: 256, GOST3410_2012_512: 512, RS256: 0 } as const;

export interface EsiaSecretParts {
  clientId: string;
  scope: string;
  /** Organisation scopes (scope_org); empty for a citizen's sign-in. */
  scopeOrg?: string;
  timestamp: string;
  state: string;
  redirectUri: string;
  /** The authorization code, only at the token step. */
  code?: string;
}

/**
 * The exact string the client signs to form `client_secret`:
 * legacy `scope + timestamp + client_id + state`;
 * v2/v3 `client_id + scope + scope_org + timestamp + state + redirect_uri` (+ `code` at the token step).
 */
export function esiaSecretString(mode: EsiaSignatureMode, p: EsiaSecretParts): string {
  if (mode === 'legacy') return p.scope + p.timestamp + p.clientId + p.state;
  return p.clientId + p.scope + (p.scopeOrg ?? '') + p.timestamp + p.state + p.redirectUri + (p.code ?? '');
}

/** The `timestamp` parameter: `yyyy.MM.dd HH:mm:ss Z`, e.g. `2026.11.21 14:03:05 +0300`. */
export function esiaTimestamp(at: Date, offsetMinutes = 0): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${local.getUTCFullYear()}.${pad(local.getUTCMonth() + 1)}.${pad(local.getUTCDate())} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

/** Parses an ESIA timestamp back to an instant; null when malformed. */
export function parseEsiaTimestamp(value: string): Date | null {
  const m = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const offset = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000;
  return Number.isNaN(utc) ? null : new Date(utc);
}
