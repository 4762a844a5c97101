import { generateKeyPairSync } from 'node:crypto';
import { Writable } from 'node:stream';
import forge from 'node-forge';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsiaSigner } from '../../adapters/esia/index.js';
import { generateGostCredentials, gostEngineAvailable } from '../../adapters/gost/openssl.js';
import type { SignerMaterial } from '../../contracts/identity.js';
import { esiaSecretString } from '../../contracts/esia.js';
import { reset } from '../../src/http/rate-limit.js';
import { sha256hex } from '../../src/identity/tokens.js';
import { createLogger } from '../../src/logger.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';

// Resident sign-in over real HTTP through the sandbox ESIA, sessions across two app instances on one
// database, organisation API keys and OAuth clients, and audit reads.

const logLines: string[] = [];
const capture = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});
const browsers: Browser[] = [];
const browser = () => {
  const b = new Browser();
  browsers.push(b);
  return b;
};

let a: TestApp; // the main instance
let b: TestApp; // a second process on the same database; its clock runs two hours ahead of the provider's
let c: TestApp; // a third that trusts another provider certificate than the one the sandbox signs with
const gost = gostEngineAvailable();
const dir = mkdtempSync(join(tmpdir(), 'identity-'));

/** A key and certificate of the sandbox's kind (GOST with the engine, RSA without) that nobody registered. */
function impostorMaterial(): SignerMaterial {
  if (gost) {
    const m = generateGostCredentials(256, 'impostor');
    return { certificatePem: m.certPem, privateKeyPem: m.keyPem };
  }
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = key.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(key.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '02';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ shortName: 'CN', value: 'impostor' }]);
  cert.setIssuer([{ shortName: 'CN', value: 'impostor' }]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { certificatePem: forge.pki.certificateToPem(cert), privateKeyPem: keyPem };
}

beforeAll(async () => {
  a = await startTestApp({ label: 'identity', listen: true, log: createLogger('debug', { destination: capture }) });
  b = await startTestApp({
    listen: true,
    database: a.database,
    env: { ESIA_CLOCK_SKEW_SECONDS: '7200', AUTH_RATE_LIMIT_PER_MINUTE: '3' },
  });
  const otherCert = join(dir, 'other-provider.pem');
  writeFileSync(otherCert, (impostorMaterial() as { certificatePem: string }).certificatePem);
  c = await startTestApp({ listen: true, database: a.database, env: { ESIA_PROVIDER_CERT_PATH: otherCert } });
});
afterAll(async () => {
  await c?.close();
  await b?.close();
  await a?.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  for (const key of ['auth.login:127.0.0.1', 'auth.callback:127.0.0.1', 'oauth.token:127.0.0.1'])
    await reset(a.deps.db, key);
});

/** Follows redirects from `url` until the provider sends the browser back to our callback; returns that URL unvisited. */
async function toCallback(br: Browser, url: string, tamper?: (u: URL) => void): Promise<URL> {
  let res = await br.request(url);
  for (let i = 0; i < 10; i++) {
    const next = new URL(res.headers.get('location')!, url);
    if (next.pathname === '/auth/callback') return next;
    if (tamper && next.pathname.endsWith('/aas/oauth2/v2/ac')) {
      tamper(next);
      tamper = undefined;
    }
    url = next.href;
    res = await br.request(url);
    expect(res.status, await res.clone().text()).toBeLessThan(400);
  }
  throw new Error('never came back to the callback');
}

/** An answer's JSON, typed loosely for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
const read = (res: Response): Promise<any> => res.json();

async function sessionCount() {
  return Number((await a.deps.db.query(`SELECT count(*) FROM sessions WHERE revoked_at IS NULL`)).rows[0].count);
}

async function me(app: TestApp, br: Browser) {
  return br.request(`${app.baseUrl}/api/v1/me`);
}

describe('resident sign-in through the sandbox ESIA', () => {
  it('follows the redirects to a session whose profile is the demo citizen, with SNILS masked', async () => {
    const br = browser();
    const res = await br.go(`${a.baseUrl}/auth/login?login_hint=11223344595`);
    expect(res.status).toBe(200);
    expect(res.url ?? '').toBeDefined();
    const profile = await read(res);
    expect(profile).toMatchObject({
      id: DEMO.citizen.personId,
      lastName: 'Иванов',
      firstName: 'Иван',
      snils: '***-***-445 95',
      emailVerified: true,
    });
    expect(br.hops.map((h) => new URL(h.url).pathname)).toEqual([
      '/auth/login',
      '/sandbox/esia/aas/oauth2/v2/ac',
      expect.stringMatching(/^\/sandbox\/esia\/interaction\//),
      '/auth/callback',
      '/api/v1/me',
    ]);
    // Only the parameters ESIA's guide defines (no nonce, no PKCE), with a GOST client_secret when the engine is here.
    const authorize = new URL(br.hops[1]!.url);
    expect([...authorize.searchParams.keys()].sort()).toEqual([
      'access_type',
      'client_certificate_hash',
      'client_id',
      'client_secret',
      'login_hint',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
      'timestamp',
    ]);
    if (gost) expect(Buffer.from(authorize.searchParams.get('client_secret')!, 'base64url')).toHaveLength(64);
    expect(authorize.searchParams.get('client_certificate_hash')).toMatch(/^[0-9A-F]{64}$/);
    const cookie = br.setCookieLines.find((l) => l.startsWith('domhub_sid='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // PUBLIC_URL is http here

    const { rows } = await a.deps.db.query(`SELECT snils_enc, mobile_enc, mobile_verified FROM persons WHERE id = $1`, [
      DEMO.citizen.personId,
    ]);
    expect(rows[0].snils_enc).toMatch(/^v1\./);
    expect(rows[0].snils_enc).not.toContain('11223344595');
    expect(rows[0].mobile_enc).toMatch(/^v1\./);
    const audit = await a.deps.db.query(`SELECT actor_id FROM audit_log WHERE action = 'auth.sign_in'`);
    expect(audit.rows.map((r) => r.actor_id)).toContain(DEMO.citizen.personId);
  });

  it('creates a person the hub did not know, with their verified flags', async () => {
    const res = await browser().go(`${a.baseUrl}/auth/login?login_hint=156-923-458%2096`);
    expect(await read(res)).toMatchObject({
      lastName: 'Кузнецов',
      birthDate: '1992-07-03',
      emailVerified: false,
      mobileVerified: true,
      staff: [],
    });
  });

  it('shows the login and consent pages without a hint, and signs in the chosen citizen', async () => {
    const br = browser();
    const page = await br.go(`${a.baseUrl}/auth/login?return_to=/api/v1/me/sessions`);
    const html = await page.text();
    expect(html).toContain('Петрова');
    const uid = /interaction\/([^/"]+)\/login/.exec(html)![1];
    const consent = await br.go(`${a.baseUrl}/sandbox/esia/interaction/${uid}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'oid=1000000002',
    });
    const consentHtml = await consent.text();
    expect(consentHtml).toContain('Предоставить');
    const action = /action="([^"]+\/confirm)"/.exec(consentHtml)![1]!;
    const done = await br.go(`${a.baseUrl}${action}`, { method: 'POST' });
    expect(done.status).toBe(200);
    expect((await read(done)).items).toHaveLength(1); // return_to honoured
    expect((await read(await me(a, br))).lastName).toBe('Петрова');
  });

  it('refuses a return_to on another origin', async () => {
    const res = await browser().request(`${a.baseUrl}/auth/login?return_to=https://evil.example/x`);
    expect(res.status).toBe(400);
    expect((await read(res)).errors[0].path).toBe('query.return_to');
  });

  it('refuses a forged state and creates no session', async () => {
    const br = browser();
    const before = await sessionCount();
    const callback = await toCallback(br, `${a.baseUrl}/auth/login?login_hint=11223344595`);
    callback.searchParams.set('state', crypto.randomUUID());
    const res = await br.request(callback.href);
    expect(res.status).toBe(400);
    expect((await read(res)).code).toBe('login_state_invalid');
    expect(br.cookie('domhub_sid')).toBeUndefined();
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a replayed callback and a code replayed into another sign-in', async () => {
    const br = browser();
    const callback = await toCallback(br, `${a.baseUrl}/auth/login?login_hint=11223344595`);
    const attacker = br.clone(); // holds the same flow cookie
    expect((await br.request(callback.href)).status).toBe(303);

    const again = await attacker.request(callback.href);
    expect(again.status).toBe(400);
    expect((await read(again)).code).toBe('login_state_invalid');

    // The used code, with the state of a fresh sign-in of the attacker's own: the provider refuses it.
    const before = await sessionCount();
    const fresh = await toCallback(attacker, `${a.baseUrl}/auth/login?login_hint=11223344595`);
    fresh.searchParams.set('code', callback.searchParams.get('code')!);
    const replay = await attacker.request(fresh.href);
    expect(replay.status).toBe(401);
    expect(await read(replay)).toMatchObject({ code: 'login_refused', providerError: 'invalid_grant' });
    expect(await sessionCount()).toBe(before);
  });

  it('refuses ID tokens that do not verify with the configured provider certificate', async () => {
    // A third instance that trusts another certificate than the one the provider signs with.
    const br = browser();
    const before = await sessionCount();
    const res = await br.go(`${c.baseUrl}/auth/login?login_hint=11223344595`);
    expect(res.status).toBe(401);
    const body = await read(res);
    expect(body.code).toBe('login_token_invalid');
    expect(body.detail).toMatch(
      gost ? /GOST3410_2012_256 signature does not verify/ : /RS256 signature does not verify/,
    );
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a request with parameters the method guide does not define (nonce, PKCE)', async () => {
    const br = browser();
    const callback = await toCallback(br, `${a.baseUrl}/auth/login?login_hint=11223344595`, (u) =>
      u.searchParams.set('nonce', 'n-0123456789'),
    );
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/nonce/);
  });

  it("refuses an expired ID token (the second instance's clock is two hours ahead)", async () => {
    const br = browser();
    const before = await sessionCount();
    const res = await br.go(`${b.baseUrl}/auth/login?login_hint=11223344595`);
    expect(res.status).toBe(401);
    const body = await read(res);
    expect(body.code).toBe('login_token_invalid');
    expect(body.detail).toMatch(/claim "exp"/);
    expect(br.cookie('domhub_sid')).toBeUndefined();
    expect(await sessionCount()).toBe(before);
  });

  it('refuses a client_secret signed with a key other than the registered certificate, as ESIA does', async () => {
    const other = impostorMaterial();
    const impostor = createEsiaSigner(other, 'v2');
    const forged = await impostor.sign('placeholder');

    const br = browser();
    const before = await sessionCount();
    let resigned = '';
    const login = await br.request(`${a.baseUrl}/auth/login?login_hint=11223344595`);
    const authorize = new URL(login.headers.get('location')!);
    const p = Object.fromEntries(authorize.searchParams);
    resigned = await impostor.sign(
      esiaSecretString('v2', {
        clientId: p.client_id!,
        scope: p.scope!,
        timestamp: p.timestamp!,
        state: p.state!,
        redirectUri: p.redirect_uri!,
      }),
    );
    authorize.searchParams.set('client_secret', resigned);
    const res = await br.go(authorize.href);
    expect(res.status).toBe(401);
    expect(await read(res)).toMatchObject({ code: 'login_refused', providerError: 'invalid_client' });
    expect(await sessionCount()).toBe(before);

    // The token endpoint refuses it too.
    const token = await fetch(`${a.baseUrl}/sandbox/esia/aas/oauth2/v3/te`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'DOMHUB',
        grant_type: 'authorization_code',
        code: 'x',
        redirect_uri: p.redirect_uri!,
        scope: p.scope!,
        state: p.state!,
        timestamp: p.timestamp!,
        client_certificate_hash: p.client_certificate_hash!,
        client_secret: forged,
      }),
    });
    expect(token.status).toBe(401);
    expect((await read(token)).error).toBe('invalid_client');
  });

  it('keeps a session made through one instance valid in the other, which serves the same provider keys', async () => {
    const br = browser();
    await br.go(`${a.baseUrl}/auth/login?login_hint=08765432102`);
    const res = await me(b, br);
    expect(res.status).toBe(200);
    expect(await read(res)).toMatchObject({
      lastName: 'Смирнова',
      staff: [expect.objectContaining({ organisationId: DEMO.organisationId, houseIds: null })],
    });
    const [ca, cb] = await Promise.all(
      [a, b].map(async (t) => (await fetch(`${t.baseUrl}/sandbox/esia/public/esia.pem`)).text()),
    );
    expect(ca).toContain('BEGIN CERTIFICATE');
    expect(cb).toEqual(ca);
  });

  it('ends the local and the provider session on logout', async () => {
    const br = browser();
    const profile = await read(await br.go(`${a.baseUrl}/auth/login?login_hint=11223344595`));
    const noCsrf = await br.request(`${a.baseUrl}/auth/logout`, { method: 'POST' });
    expect(noCsrf.status).toBe(403);
    const out = await br.request(`${a.baseUrl}/auth/logout`, {
      method: 'POST',
      headers: { 'x-csrf-token': profile.csrfToken },
    });
    const { endSessionUrl } = await read(out);
    const logoutUrl = new URL(endSessionUrl);
    expect(logoutUrl.pathname).toBe('/sandbox/esia/idp/ext/Logout');
    expect(Object.fromEntries(logoutUrl.searchParams)).toEqual({
      client_id: 'DOMHUB',
      redirect_url: `${a.baseUrl}/auth/logged-out`,
    });
    expect((await me(a, br)).status).toBe(401);

    const done = await br.go(endSessionUrl);
    expect(await read(done)).toEqual({ signedOut: true });
    // Without the provider session, a new sign-in shows the provider's login page again.
    const again = await br.go(`${a.baseUrl}/auth/login`);
    expect(await again.text()).toContain('Вход через Госуслуги');
  });

  it('limits sign-in attempts across processes', async () => {
    for (let i = 0; i < 3; i++)
      expect((await fetch(`${a.baseUrl}/auth/login`, { redirect: 'manual' })).status).toBe(302);
    const res = await fetch(`${b.baseUrl}/auth/login`, { redirect: 'manual' }); // b allows 3 a minute; a's hits count
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
  });
});

describe('sessions', () => {
  it('lists my sessions and revokes one at once', async () => {
    const first = browser();
    const second = browser();
    await first.go(`${a.baseUrl}/auth/login?login_hint=12345678964`);
    const profile = await read(await second.go(`${a.baseUrl}/auth/login?login_hint=12345678964`));
    const list = await read(await second.request(`${a.baseUrl}/api/v1/me/sessions`));
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    const other = list.items.find((s: { current: boolean }) => !s.current);
    expect(list.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const url = `${a.baseUrl}/api/v1/me/sessions/${other.id}`;
    expect((await second.request(url, { method: 'DELETE' })).status).toBe(403); // no CSRF token
    expect(
      (await second.request(url, { method: 'DELETE', headers: { 'x-csrf-token': profile.csrfToken } })).status,
    ).toBe(204);
    const revoked = await read(await me(a, first));
    expect(revoked.status).toBe(401);
    expect((await me(a, second)).status).toBe(200);
    // Someone else's session id is not found.
    const ivanov = await sessionHeaders(a.deps, DEMO.citizen.personId);
    const foreign = await a.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${list.items[0].id}`,
      headers: ivanov,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('writes a session at most once a minute, and ends it after the idle timeout', async () => {
    const headers = await sessionHeaders(a.deps, DEMO.neighbour.personId);
    const hash = sha256hex(headers.cookie.split('=')[1]!);
    const seen = async () =>
      (await a.deps.db.query(`SELECT last_seen_at, xmin::text AS version FROM sessions WHERE id_hash = $1`, [hash]))
        .rows[0];
    const get = () => a.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    const fresh = await seen();
    for (let i = 0; i < 3; i++) expect((await get()).statusCode).toBe(200);
    expect(await seen()).toEqual(fresh); // reads stayed reads: not even a new row version

    await a.deps.db.query(`UPDATE sessions SET last_seen_at = now() - interval '2 minutes' WHERE id_hash = $1`, [hash]);
    expect((await get()).statusCode).toBe(200);
    const touched = await seen();
    expect(Date.now() - touched.last_seen_at.getTime()).toBeLessThan(10_000);

    const idle = a.deps.config.session.idleMinutes;
    await a.deps.db.query(
      `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2 + 1) WHERE id_hash = $1`,
      [hash, idle],
    );
    expect((await get()).statusCode).toBe(401);
  });
});

describe('organisation API clients', () => {
  it('issues a key shown once, validates scopes, and refuses it at once after revocation', async () => {
    const staff = await sessionHeaders(a.deps, DEMO.staff.personId);
    const bad = await a.app.inject({
      method: 'POST',
      url: '/api/v1/org/api-keys',
      headers: staff,
      payload: { name: 'ERP', permissions: ['audit.view', 'root:all'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'body.permissions.1', message: expect.any(String) }]);

    const created = await a.app.inject({
      method: 'POST',
      url: '/api/v1/org/api-keys',
      headers: staff,
      payload: { name: 'ERP', permissions: ['audit.view'] },
    });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    expect(key).toMatch(/^dh_[A-Za-z0-9]{12}_/);
    const stored = await a.deps.db.query(`SELECT secret_hash FROM api_clients WHERE id = $1`, [id]);
    expect(stored.rows[0].secret_hash).not.toContain(key.slice('dh_'.length + 12 + 1));
    const list = await a.app.inject({ method: 'GET', url: '/api/v1/org/api-keys', headers: staff });
    expect(JSON.stringify(list.json())).not.toContain(key);

    const headers = { authorization: `Bearer ${key}` };
    expect((await a.app.inject({ method: 'GET', url: '/api/v1/org/audit', headers })).statusCode).toBe(200);
    const byKey = await a.app.inject({
      method: 'POST',
      url: '/api/v1/org/api-keys',
      headers,
      payload: { name: 'x', permissions: ['audit.view'] },
    });
    expect(byKey.json().code).toBe('staff_only');

    expect(
      (await a.app.inject({ method: 'DELETE', url: `/api/v1/org/api-keys/${id}`, headers: staff })).statusCode,
    ).toBe(204);
    const refused = await a.app.inject({ method: 'GET', url: '/api/v1/org/audit', headers });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('invalid_api_key');

    const resident = await sessionHeaders(a.deps, DEMO.citizen.personId);
    expect((await a.app.inject({ method: 'GET', url: '/api/v1/org/api-keys', headers: resident })).statusCode).toBe(
      403,
    );
  });

  it('issues OAuth client-credentials tokens that the API accepts until the client is revoked', async () => {
    const staff = await sessionHeaders(a.deps, DEMO.staff.personId);
    const created = (
      await a.app.inject({
        method: 'POST',
        url: '/api/v1/org/api-keys',
        headers: staff,
        payload: { name: '1C', kind: 'oauth_client', permissions: ['audit.view', 'console.view'] },
      })
    ).json();
    expect(created.key).toBeUndefined();
    const basic = `Basic ${Buffer.from(`${created.clientId}:${created.clientSecret}`).toString('base64')}`;
    const token = async (body: string, auth = basic) =>
      fetch(`${a.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });

    const wrong = await token(
      'grant_type=client_credentials',
      `Basic ${Buffer.from(`${created.clientId}:nope`).toString('base64')}`,
    );
    expect(wrong.status).toBe(401);
    expect((await read(wrong)).error).toBe('invalid_client');
    expect((await read(await token('grant_type=client_credentials&scope=charges.import'))).error).toBe('invalid_scope');

    const ok = await token('grant_type=client_credentials&scope=audit.view');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const t = await read(ok);
    expect(t).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'audit.view' });
    const headers = { authorization: `Bearer ${t.access_token}` };
    const audit = await fetch(`${a.baseUrl}/api/v1/org/audit?action=oauth.token_issued`, { headers });
    expect(audit.status).toBe(200);
    expect((await read(audit)).items[0]).toMatchObject({
      actorType: 'api_client',
      organisationId: DEMO.organisationId,
    });
    // The client's own credentials are not an API key.
    const asKey = await a.app.inject({
      method: 'GET',
      url: '/api/v1/org/audit',
      headers: { authorization: `Bearer ${created.clientId}_${created.clientSecret}` },
    });
    expect(asKey.statusCode).toBe(401);

    await a.app.inject({ method: 'DELETE', url: `/api/v1/org/api-keys/${created.id}`, headers: staff });
    const after = await fetch(`${a.baseUrl}/api/v1/org/audit`, { headers });
    expect(after.status).toBe(401);
    expect((await read(after)).code).toBe('invalid_token');
  });
});

describe('audit log reads', () => {
  it('gives an organisation its own rows and operators every row, page by page', async () => {
    const staff = await sessionHeaders(a.deps, DEMO.staff.personId);
    const org = (await a.app.inject({ method: 'GET', url: '/api/v1/org/audit', headers: staff })).json();
    expect(org.items.length).toBeGreaterThan(0);
    expect(org.items.every((i: { organisationId: string }) => i.organisationId === DEMO.organisationId)).toBe(true);

    const resident = await sessionHeaders(a.deps, DEMO.citizen.personId);
    expect((await a.app.inject({ method: 'GET', url: '/api/v1/operator/audit', headers: resident })).statusCode).toBe(
      403,
    );
    await a.deps.db.query(`UPDATE persons SET is_operator = true WHERE id = $1`, [DEMO.neighbour.personId]);
    const operator = await sessionHeaders(a.deps, DEMO.neighbour.personId);
    const first = (
      await a.app.inject({ method: 'GET', url: '/api/v1/operator/audit?limit=2', headers: operator })
    ).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await a.app.inject({
        method: 'GET',
        url: `/api/v1/operator/audit?limit=2&cursor=${first.page.nextCursor}`,
        headers: operator,
      })
    ).json();
    expect(Number(second.items[0].id)).toBeLessThan(Number(first.items[1].id));
    // Newest first by number: id 10 comes before id 9 (the ids are bigint, sent as strings).
    expect(Number(first.items[0].id)).toBeGreaterThan(Number(first.items[1].id));
    // Operators see rows of no organisation too: the people's sign-ins.
    const signIns = (
      await a.app.inject({ method: 'GET', url: '/api/v1/operator/audit?actionPrefix=auth.&limit=5', headers: operator })
    ).json();
    expect(signIns.items.length).toBeGreaterThan(0);
    expect(signIns.items.every((i: { action: string }) => i.action.startsWith('auth.'))).toBe(true);
  });
});

describe('personal data', () => {
  it('never sends or logs a SNILS in clear', async () => {
    // Answers only: the request line is what the test sent, and the redirect to the provider carries
    // the caller's own login_hint on to it (a sandbox convenience; ESIA itself takes no hint).
    const transcript = browsers
      .flatMap((br) => br.transcript.map((t) => t.slice(t.indexOf('\n'))))
      .join('\n')
      .replace(/login_hint=[^&"]*/g, 'login_hint=…');
    const logs = logLines.join('');
    expect(transcript.length).toBeGreaterThan(1000);
    expect(logs).toContain('/auth/callback');
    for (const snils of ['11223344595', '12345678964', '08765432102', '15692345896']) {
      const formatted = `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)} ${snils.slice(9)}`;
      for (const text of [transcript, logs]) {
        expect(text).not.toContain(snils);
        expect(text).not.toContain(formatted);
        expect(text).not.toContain(
          `${snils.slice(0, 3)}-${snils.slice(3, 6)}-${snils.slice(6, 9)}%20${snils.slice(9)}`,
        );
      }
    }
  });
});
