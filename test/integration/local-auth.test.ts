import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_LOCAL } from '../../src/sandbox/demo/local-sign-in.js';
import { DEMO_MEETINGS } from '../../src/sandbox/demo/meetings.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { Browser } from '../helpers/browser.js';
import { softAuthenticator } from '../helpers/webauthn.js';

// Sign-in without Gosuslugi over real HTTP on real PostgreSQL, with the mail.send worker delivering
// letters to the sandbox outbox, read back at /sandbox/mail as a person would read their mailbox.

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    label: 'local_auth',
    listen: true,
    workers: true,
    env: { LOCAL_SIGN_IN_MAX_FAILURES: '3' },
  });
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  // Every request here comes from 127.0.0.1; the per-IP limit is tested on its own below.
  await t.deps.db.query(`DELETE FROM rate_limits WHERE key LIKE 'auth.local%'`);
});

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
type Json = any;

const url = (path: string) => `${t.baseUrl}${path}`;
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
async function post(br: Browser, path: string, body: unknown, headers: Record<string, string> = {}) {
  const init = json(body);
  const res = await br.request(url(path), {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...headers },
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Json, res };
}

let uniq = 0;
const address = (name: string) => `${name}.${Date.now()}.${uniq++}@example.ru`;
const strong = 'Sinyaya-Sosna-42-Veter';

/** Waits for the letters to `to` (newest first) until `count` have arrived. */
async function mailbox(to: string, count = 1): Promise<{ subject: string; text: string }[]> {
  for (let i = 0; i < 100; i++) {
    const mail = (await (await fetch(url(`/sandbox/mail?to=${encodeURIComponent(to)}`))).json()) as {
      subject: string;
      text: string;
    }[];
    if (mail.length >= count) return mail;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no letter to ${to}`);
}
const linkToken = (text: string, path: string) => new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(text)?.[1];
const mailedCode = (text: string) => /(\d{6})/.exec(text)?.[1];

async function registerAndActivate(br: Browser, email: string, extra: Record<string, unknown> = {}) {
  const reg = await post(br, '/auth/local/register', {
    email,
    password: strong,
    lastName: 'Орлова',
    firstName: 'Анна',
    ...extra,
  });
  expect(reg.status).toBe(202);
  const [letter] = await mailbox(email);
  const token = linkToken(letter!.text, '/signin/activate')!;
  return { token, activated: await post(br, '/auth/local/activate', { token }) };
}

describe('registration, activation and the new-device code', () => {
  it('registers, activates from the mailed link (once), signs in; a new device needs the code, which works once', async () => {
    const email = address('anna');
    const home = new Browser();
    const reg = await post(home, '/auth/local/register', {
      email: `  ${email.toUpperCase()} `,
      password: strong,
      lastName: 'Орлова',
    });
    expect(reg.status).toBe(202);
    expect(reg.body).toMatchObject({ status: 'activation_sent' });

    const [letter] = await mailbox(email);
    expect(letter!.subject).toBe('Подтвердите регистрацию в domhub');
    expect(letter!.text).toContain(`${t.baseUrl}/signin/activate?token=`);
    const token = linkToken(letter!.text, '/signin/activate')!;
    // the token is stored hashed only
    const stored = await t.deps.db.query(`SELECT token_hash FROM local_registrations WHERE email = $1`, [email]);
    expect(stored.rows[0].token_hash).not.toContain(token);

    const activated = await post(home, '/auth/local/activate', { token });
    expect(activated.status).toBe(200);
    expect(activated.body).toMatchObject({ status: 'signed_in', csrfToken: expect.any(String) });
    const cookie = home.setCookieLines.find((l) => l.startsWith('domhub_sid='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(home.setCookieLines.find((l) => l.startsWith('domhub_device='))).toMatch(
      /Path=\/auth.*HttpOnly|HttpOnly.*Path=\/auth/,
    );

    const me = (await (await home.request(url('/api/v1/me'))).json()) as Json;
    expect(me).toMatchObject({
      email,
      emailVerified: true,
      lastName: 'Орлова',
      snils: null,
      identityVerified: false,
      identityVerifiedBy: null,
      signInMethod: 'password',
    });
    const person = await t.deps.db.query(`SELECT provider, identity_verified FROM persons WHERE id = $1`, [me.id]);
    expect(person.rows[0]).toEqual({ provider: 'local', identity_verified: false });

    // the link works once
    expect((await post(new Browser(), '/auth/local/activate', { token })).body).toMatchObject({
      status: 400,
      code: 'token_invalid',
    });

    // the activating browser is remembered: a password alone signs in there
    const again = await post(home, '/auth/local/sign-in', { email, password: strong });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('signed_in');

    // a new device: the password is not enough, a code is mailed
    const phone = new Browser();
    const first = await post(phone, '/auth/local/sign-in', { email, password: strong });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'code_required', challengeId: expect.any(String) });
    expect(phone.cookie('domhub_sid')).toBeUndefined();
    const codeMail = (await mailbox(email, 2))[0]!;
    expect(codeMail.subject).toBe('Код для входа в domhub');
    const code = mailedCode(codeMail.text)!;

    // the code is bound to the browser that began the sign-in
    const thief = new Browser();
    const stolen = await post(thief, '/auth/local/sign-in/code', { challengeId: first.body.challengeId, code });
    expect(stolen.status).toBe(422);
    expect(stolen.body).toMatchObject({ code: 'code_invalid', errors: [{ path: 'body.code' }] });

    const wrong = await post(phone, '/auth/local/sign-in/code', {
      challengeId: first.body.challengeId,
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.body.code).toBe('code_invalid');
    const ok = await post(phone, '/auth/local/sign-in/code', { challengeId: first.body.challengeId, code });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'signed_in', personId: me.id });
    expect(phone.cookie('domhub_sid')).toBeTruthy();
    // once only
    const replay = await post(phone.clone(), '/auth/local/sign-in/code', { challengeId: first.body.challengeId, code });
    expect(replay.body.code).toBe('code_invalid');
    // and the phone is now remembered
    expect((await post(phone, '/auth/local/sign-in', { email, password: strong })).status).toBe(200);

    // signing out ends this session only, and there is no provider session to send the browser to
    const out = await post(home, '/auth/logout', {}, { 'x-csrf-token': again.body.csrfToken });
    expect(out.body).toEqual({ signedOut: true, endSessionUrl: null });
    expect((await home.request(url('/api/v1/me'))).status).toBe(401);
    expect((await phone.request(url('/api/v1/me'))).status).toBe(200);

    const audit = await t.deps.db.query(`SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY id`, [me.id]);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'auth.local.activated',
      'auth.sign_in',
      'auth.sign_in',
      'auth.sign_in',
      'auth.sign_out',
    ]);
  });

  it('a code dies after five wrong tries', async () => {
    const email = address('tries');
    await registerAndActivate(new Browser(), email);
    const br = new Browser();
    const start = await post(br, '/auth/local/sign-in', { email, password: strong });
    const code = mailedCode((await mailbox(email, 2))[0]!.text)!;
    const wrongCode = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++)
      expect(
        (await post(br, '/auth/local/sign-in/code', { challengeId: start.body.challengeId, code: wrongCode })).status,
      ).toBe(422);
    expect((await post(br, '/auth/local/sign-in/code', { challengeId: start.body.challengeId, code })).body.code).toBe(
      'code_invalid',
    );
  });

  it('refuses a weak password with its field path and a Russian explanation', async () => {
    const br = new Browser();
    for (const password of ['qwerty123', 'пароль2026', 'ghbdtn123', 'short']) {
      const res = await post(br, '/auth/local/register', { email: address('weak'), password });
      expect(res.status, password).toBe(400);
      expect(res.body).toMatchObject({
        code: 'password_too_weak',
        errors: [{ path: 'body.password', message: expect.stringMatching(/Пароль/) }],
      });
    }
    // the person's own data counts against the password
    const own = await post(br, '/auth/local/register', {
      email: 'vasilisa.premudraya@example.ru',
      password: 'vasilisa.premudraya',
      lastName: 'Премудрая',
    });
    expect(own.body.code).toBe('password_too_weak');
    // and the request shape is checked first, with paths
    const bad = await post(br, '/auth/local/register', { email: 'not-an-address', password: strong });
    expect(bad.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.email' }] });
  });
});

describe('no user enumeration', () => {
  it('answers registration, sign-in and reset alike for known and unknown addresses', async () => {
    const known = address('known');
    await registerAndActivate(new Browser(), known);
    const unknown = address('nobody');
    const br = new Browser();

    const regKnown = await post(br, '/auth/local/register', { email: known, password: strong });
    const regUnknown = await post(br, '/auth/local/register', { email: unknown, password: strong });
    expect(regKnown.status).toBe(regUnknown.status);
    expect(regKnown.body).toEqual(regUnknown.body);
    // the owner of the known address is told by letter instead
    const told = await mailbox(known, 2);
    expect(told[0]!.subject).toBe('Вы уже зарегистрированы в domhub');

    const inKnown = await post(br, '/auth/local/sign-in', { email: known, password: 'Wrong-Password-123-x' });
    const inUnknown = await post(br, '/auth/local/sign-in', { email: unknown, password: 'Wrong-Password-123-x' });
    expect(inKnown.status).toBe(401);
    const strip = (b: Json) => ({ ...b, requestId: undefined });
    expect(strip(inKnown.body)).toEqual(strip(inUnknown.body));
    expect(inKnown.body.code).toBe('credentials_invalid');

    const resetKnown = await post(br, '/auth/local/password-reset', { email: known });
    const resetUnknown = await post(br, '/auth/local/password-reset', { email: unknown });
    expect(resetKnown.status).toBe(202);
    expect(resetKnown.body).toEqual(resetUnknown.body);
    // an unregistered (pending) address cannot sign in either
    expect((await post(br, '/auth/local/sign-in', { email: unknown, password: strong })).body.code).toBe(
      'credentials_invalid',
    );
  });

  it("someone registering a stranger's address cannot activate their own password through the owner's link", async () => {
    const email = address('victim');
    const br = new Browser();
    await post(br, '/auth/local/register', { email, password: 'Attacker-Chosen-Pass-77' });
    await post(br, '/auth/local/register', { email, password: strong });
    const letters = await mailbox(email, 2);
    // the owner follows the newest letter; the older registration's link is void afterwards
    const ownerToken = linkToken(letters[0]!.text, '/signin/activate')!;
    const attackerToken = linkToken(letters[1]!.text, '/signin/activate')!;
    expect((await post(new Browser(), '/auth/local/activate', { token: ownerToken })).status).toBe(200);
    expect((await post(new Browser(), '/auth/local/activate', { token: attackerToken })).body.code).toBe(
      'token_invalid',
    );
    expect(
      (await post(new Browser(), '/auth/local/sign-in', { email, password: 'Attacker-Chosen-Pass-77' })).status,
    ).toBe(401);
  });
});

describe('password reset', () => {
  it('mails a single-use, expiring link; ends every session; the new password works and the old does not', async () => {
    const email = address('reset');
    const laptop = new Browser();
    const { activated } = await registerAndActivate(laptop, email);
    const personId = activated.body.personId as string;
    const phone = new Browser();
    await post(phone, '/auth/local/sign-in', { email, password: strong });
    await post(phone, '/auth/local/sign-in/code', {
      challengeId: (await t.deps.db.query(`SELECT id FROM sign_in_challenges WHERE person_id = $1`, [personId])).rows[0]
        .id,
      code: mailedCode((await mailbox(email, 2))[0]!.text),
    });
    expect((await laptop.request(url('/api/v1/me'))).status).toBe(200);
    expect((await phone.request(url('/api/v1/me'))).status).toBe(200);

    const stranger = new Browser();
    expect((await post(stranger, '/auth/local/password-reset', { email })).status).toBe(202);
    const letter = (await mailbox(email, 3))[0]!;
    expect(letter.subject).toBe('Восстановление пароля в domhub');
    const token = linkToken(letter.text, '/signin/reset')!;

    const weak = await post(stranger, '/auth/local/password-reset/complete', { token, password: '12345678' });
    expect(weak.body).toMatchObject({ code: 'password_too_weak', errors: [{ path: 'body.password' }] });

    const newPassword = 'Kamennyi-Most-Nad-Rekoi-9';
    const done = await post(stranger, '/auth/local/password-reset/complete', { token, password: newPassword });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('password_changed');
    // single use
    expect(
      (await post(stranger, '/auth/local/password-reset/complete', { token, password: 'Another-Strong-Pass-88' })).body
        .code,
    ).toBe('token_invalid');
    // every session ended, and the devices are forgotten (the laptop needs a code again)
    expect((await laptop.request(url('/api/v1/me'))).status).toBe(401);
    expect((await phone.request(url('/api/v1/me'))).status).toBe(401);
    expect((await post(laptop, '/auth/local/sign-in', { email, password: strong })).body.code).toBe(
      'credentials_invalid',
    );
    expect((await post(laptop, '/auth/local/sign-in', { email, password: newPassword })).status).toBe(202);
    // the browser that reset the password proved the mailbox: it signs in without a code
    expect((await post(stranger, '/auth/local/sign-in', { email, password: newPassword })).status).toBe(200);
    expect((await mailbox(email, 5)).some((m) => m.subject === 'Пароль в domhub изменён')).toBe(true);
  });

  it('refuses an expired reset link', async () => {
    const email = address('expired');
    await registerAndActivate(new Browser(), email);
    await post(new Browser(), '/auth/local/password-reset', { email });
    const token = linkToken((await mailbox(email, 2))[0]!.text, '/signin/reset')!;
    await t.deps.db.query(`UPDATE password_resets SET expires_at = now() - interval '1 second'`);
    expect(
      (await post(new Browser(), '/auth/local/password-reset/complete', { token, password: strong })).body.code,
    ).toBe('token_invalid');
  });
});

describe('lockout and rate limits', () => {
  it('locks an address after repeated failures, even with the right password, and the same for unknown addresses', async () => {
    const email = address('locked');
    const br = new Browser();
    await registerAndActivate(br, email);
    for (let i = 0; i < 3; i++)
      expect((await post(br, '/auth/local/sign-in', { email, password: `Wrong-${i}-Password-x` })).status).toBe(401);
    const locked = await post(br, '/auth/local/sign-in', { email, password: strong });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'sign_in_locked', retryAfter: expect.any(Number) });

    const unknown = address('ghost');
    for (let i = 0; i < 3; i++)
      await post(br, '/auth/local/sign-in', { email: unknown, password: `Wrong-${i}-Password-x` });
    const ghost = await post(br, '/auth/local/sign-in', { email: unknown, password: strong });
    expect({ ...ghost.body, requestId: undefined, instance: undefined }).toEqual({
      ...locked.body,
      requestId: undefined,
      instance: undefined,
    });

    // the lock passes with its window
    await t.deps.db.query(
      `UPDATE rate_limits SET window_start = now() - interval '1 hour' WHERE key LIKE 'auth.local.fail:%'`,
    );
    expect((await post(br, '/auth/local/sign-in', { email, password: strong })).status).toBe(200);
  });

  it('limits sign-in requests per client address, across all local endpoints', async () => {
    const br = new Browser();
    const limit = t.deps.config.auth.rateLimitPerMinute;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++)
      statuses.push((await post(br, '/auth/local/password-reset', { email: `x${i}@example.ru` })).status);
    expect(statuses.slice(0, limit).every((s) => s === 202)).toBe(true);
    const last = await post(br, '/auth/local/sign-in', { email: 'x@example.ru', password: 'whatever-x' });
    expect(last.status).toBe(429);
    expect(last.body.code).toBe('rate_limited');
    expect(last.res.headers.get('retry-after')).toBeTruthy();
  });
});

describe('CSRF', () => {
  it('refuses cross-site sign-in posts and cookie-authenticated writes without the session token', async () => {
    const cross = await post(
      new Browser(),
      '/auth/local/sign-in',
      { email: DEMO_LOCAL.email, password: DEMO_LOCAL.password },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(cross.status).toBe(403);
    expect(cross.body.code).toBe('csrf_failed');
    // a form post (what a cross-site page can send without a preflight) is not accepted
    const form = await new Browser().request(url('/auth/local/sign-in'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${DEMO_LOCAL.email}&password=x`,
    });
    expect(form.status).toBe(415);

    const email = address('csrf');
    const br = new Browser();
    const { activated } = await registerAndActivate(br, email);
    const change = { currentPassword: strong, newPassword: 'Zelenyi-Sad-Za-Oknom-5' };
    const noToken = await post(br, '/api/v1/me/password', change);
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('csrf_failed');
    const wrongCurrent = await post(
      br,
      '/api/v1/me/password',
      { ...change, currentPassword: 'nope' },
      { 'x-csrf-token': activated.body.csrfToken },
    );
    expect(wrongCurrent.body).toMatchObject({
      code: 'credentials_invalid',
      errors: [{ path: 'body.currentPassword' }],
    });
    const weak = await post(
      br,
      '/api/v1/me/password',
      { ...change, newPassword: 'password1' },
      { 'x-csrf-token': activated.body.csrfToken },
    );
    expect(weak.body).toMatchObject({ code: 'password_too_weak', errors: [{ path: 'body.newPassword' }] });
    const changed = await br.request(url('/api/v1/me/password'), {
      ...json(change),
      headers: { 'content-type': 'application/json', 'x-csrf-token': activated.body.csrfToken },
    });
    expect(changed.status).toBe(204);
    expect((await post(br, '/auth/local/sign-in', { email, password: change.newPassword })).status).toBe(200);
  });
});

describe("registration by account number and owner's surname", () => {
  it('links the account through the linking service once the address is activated', async () => {
    const email = address('sokolova');
    const br = new Browser();
    const { activated } = await registerAndActivate(br, email, {
      lastName: undefined,
      account: { houseId: DEMO.houses.moscow, accountNumber: '100014', surname: 'соколова' },
    });
    expect(activated.status).toBe(200);
    expect(activated.body.accountLink).toMatchObject({ status: 'linked', accountId: expect.any(String) });
    const accounts = (await (await br.request(url('/api/v1/me/accounts'))).json()) as Json;
    expect(accounts.items.map((a: Json) => a.number)).toContain('100014');
    const me = (await (await br.request(url('/api/v1/me'))).json()) as Json;
    expect(me).toMatchObject({ lastName: 'соколова', identityVerified: false });
  });

  it('activates anyway when the proof fails, saying the account was not linked (and nothing before activation)', async () => {
    const email = address('wrongsurname');
    const br = new Browser();
    const { activated } = await registerAndActivate(br, email, {
      account: { houseId: DEMO.houses.moscow, accountNumber: '100014', surname: 'Петров' },
    });
    expect(activated.status).toBe(200);
    expect(activated.body.accountLink).toEqual({ status: 'not_linked', code: 'account_not_found' });
    const reg = await post(br, '/auth/local/register', {
      email: address('x'),
      password: strong,
      account: { houseId: DEMO.houses.moscow, surname: 'X' },
    });
    expect(reg.body).toMatchObject({ code: 'validation_failed', errors: [{ path: 'body.account.accountNumber' }] });
  });
});

describe('where a verified identity is needed', () => {
  it('the demo resident signs in by password and is refused voting and personal-data appeals, not complaints', async () => {
    const br = new Browser();
    const start = await post(br, '/auth/local/sign-in', { email: DEMO_LOCAL.email, password: DEMO_LOCAL.password });
    expect(start.status).toBe(202);
    const code = mailedCode((await mailbox(DEMO_LOCAL.email))[0]!.text)!;
    const signed = await post(br, '/auth/local/sign-in/code', { challengeId: start.body.challengeId, code });
    expect(signed.status).toBe(200);
    const csrf = { 'x-csrf-token': signed.body.csrfToken as string };
    const me = (await (await br.request(url('/api/v1/me'))).json()) as Json;
    expect(me).toMatchObject({ id: DEMO_LOCAL.personId, identityVerified: false, signInMethod: 'password' });
    const accounts = (await (await br.request(url('/api/v1/me/accounts'))).json()) as Json;
    expect(accounts.items.map((a: Json) => a.number)).toEqual(['100015']);

    const vote = await post(
      br,
      `/api/v1/me/meetings/${DEMO_MEETINGS.open}/ballot`,
      {
        answers: [{ questionId: '00000000-0000-4000-8000-000000000000', answer: 'for' }],
      },
      csrf,
    );
    expect(vote.status).toBe(403);
    expect(vote.body).toMatchObject({ code: 'identity_verification_required', verifyWith: ['esia', 'organisation'] });

    const benefits = await post(
      br,
      '/api/v1/me/appeals',
      {
        type: 'benefits',
        accountId: DEMO_LOCAL.accountId,
        personalDataConsent: true,
        category: 'pensioner',
        snils: '11223344595',
        documentTitle: 'Пенсионное удостоверение',
        documentNumber: '123',
        validFrom: '2020-01-01',
        attachments: [{ fileId: '00000000-0000-4000-8000-000000000999', kind: 'benefit_document' }],
      },
      csrf,
    );
    expect(benefits.status).toBe(403);
    expect(benefits.body.code).toBe('identity_verification_required');

    const complaint = await post(
      br,
      '/api/v1/me/appeals',
      {
        type: 'complaint',
        houseId: DEMO.houses.moscow,
        topic: 'cleaning',
        text: 'В подъезде не убирают уже неделю',
        personalDataConsent: true,
      },
      csrf,
    );
    expect(complaint.status).toBe(201);
  });

  it('a Gosuslugi person votes past the check (the check is on the person, not the route)', async () => {
    const headers = await sessionHeaders(t.deps, DEMO.citizen.personId);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(res.json()).toMatchObject({ identityVerified: true, identityVerifiedBy: 'esia', signInMethod: 'esia' });
    const vote = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${DEMO_MEETINGS.open}/ballot`,
      headers,
      payload: { answers: [{ questionId: '00000000-0000-4000-8000-000000000000', answer: 'for' }] },
    });
    expect(vote.json().code).not.toBe('identity_verification_required');
  });

  it('the organisation confirms the identity of a resident linked to its account; the session sees it at once', async () => {
    const org = await apiKeyHeaders(t.deps, DEMO.organisationId, [
      'console.view',
      'accounts.import',
      'accounts.approve',
    ]);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/org/residents/unverified', headers: org });
    expect(listed.statusCode).toBe(200);
    const orlova = listed.json().items.find((p: Json) => p.personId === DEMO_LOCAL.personId);
    expect(orlova).toMatchObject({ lastName: 'Орлова', email: DEMO_LOCAL.email, accountNumbers: ['100015'] });
    // Gosuslugi people are not listed
    expect(listed.json().items.some((p: Json) => p.personId === DEMO.citizen.personId)).toBe(false);

    // someone not linked to the organisation's accounts is not the organisation's to confirm
    const stranger = await registerAndActivate(new Browser(), address('stranger'));
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/residents/${stranger.activated.body.personId}/identity-confirmation`,
      headers: org,
      payload: { checked: 'паспорт предъявлен в офисе' },
    });
    expect(refused.statusCode).toBe(404);
    const noScope = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/residents/${DEMO_LOCAL.personId}/identity-confirmation`,
      headers: await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view']),
      payload: { checked: 'паспорт' },
    });
    expect(noScope.json().code).toBe('permission_missing');

    const session = await sessionHeaders(t.deps, DEMO_LOCAL.personId);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/residents/${DEMO_LOCAL.personId}/identity-confirmation`,
      headers: org,
      payload: { checked: 'паспорт предъявлен в офисе 01.12.2026' },
    });
    expect(confirmed.json()).toEqual({
      personId: DEMO_LOCAL.personId,
      identityVerified: true,
      identityVerifiedBy: 'organisation',
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: session });
    expect(me.json()).toMatchObject({ identityVerified: true, identityVerifiedBy: 'organisation' });
    const vote = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${DEMO_MEETINGS.open}/ballot`,
      headers: session,
      payload: { answers: [{ questionId: '00000000-0000-4000-8000-000000000000', answer: 'for' }] },
    });
    expect(vote.json().code).not.toBe('identity_verification_required');
    const audit = await t.deps.db.query(
      `SELECT details FROM audit_log WHERE action = 'person.identity_confirmed' AND object_id = $1`,
      [DEMO_LOCAL.personId],
    );
    expect(audit.rows).toEqual([{ details: { checked: 'паспорт предъявлен в офисе 01.12.2026' } }]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/org/residents/unverified', headers: org }))
        .json()
        .items.some((p: Json) => p.personId === DEMO_LOCAL.personId),
    ).toBe(false);
  });
});

describe('passkeys', () => {
  it('a signed-in person adds a passkey; it then signs in on a new device without a code, once per challenge', async () => {
    const email = address('passkey');
    const home = new Browser();
    const { activated } = await registerAndActivate(home, email);
    const csrf = { 'x-csrf-token': activated.body.csrfToken as string };
    const key = softAuthenticator(new URL(t.baseUrl).origin, new URL(t.baseUrl).hostname);

    expect((await post(home, '/api/v1/me/passkeys/options', {})).body.code).toBe('csrf_failed');
    const begin = await post(home, '/api/v1/me/passkeys/options', {}, csrf);
    expect(begin.status).toBe(200);
    expect(begin.body.options).toMatchObject({
      rp: { id: '127.0.0.1', name: 'Домхаб' },
      user: { name: email },
      attestation: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    const added = await post(
      home,
      '/api/v1/me/passkeys',
      {
        challengeId: begin.body.challengeId,
        name: 'Телефон',
        response: key.create(begin.body.options),
      },
      csrf,
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Телефон', lastUsedAt: null });
    // the registration challenge is spent
    const again = await post(
      home,
      '/api/v1/me/passkeys',
      {
        challengeId: begin.body.challengeId,
        response: key.create(begin.body.options),
      },
      csrf,
    );
    expect(again.body.code).toBe('passkey_invalid');

    const phone = new Browser();
    const start = await post(phone, '/auth/passkey/options', {});
    expect(start.body.options).toMatchObject({ rpId: '127.0.0.1', userVerification: 'required' });
    const answer = key.get(start.body.options);
    const signed = await post(phone, '/auth/passkey/sign-in', {
      challengeId: start.body.challengeId,
      response: answer,
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed_in', personId: activated.body.personId });
    const me = (await (await phone.request(url('/api/v1/me'))).json()) as Json;
    expect(me).toMatchObject({ email, signInMethod: 'passkey', identityVerified: false });
    // replayed answer: the challenge was used
    const replay = await post(phone, '/auth/passkey/sign-in', {
      challengeId: start.body.challengeId,
      response: answer,
    });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('passkey_invalid');

    // an answer made for another site, or from another browser than the one that began, is refused
    const other = new Browser();
    const s2 = await post(other, '/auth/passkey/options', {});
    const forged = await post(other, '/auth/passkey/sign-in', {
      challengeId: s2.body.challengeId,
      response: key.get(s2.body.options, 'https://evil.example'),
    });
    expect(forged.body.code).toBe('passkey_invalid');
    const s3 = await post(other, '/auth/passkey/options', {});
    const elsewhere = await post(new Browser(), '/auth/passkey/sign-in', {
      challengeId: s3.body.challengeId,
      response: key.get(s3.body.options),
    });
    expect(elsewhere.body.code).toBe('passkey_invalid');

    // removed: signs in no more
    const list = (await (await home.request(url('/api/v1/me/passkeys'))).json()) as Json;
    expect(list.items).toHaveLength(1);
    expect(list.items[0].lastUsedAt).not.toBeNull();
    const removed = await home.request(url(`/api/v1/me/passkeys/${list.items[0].id}`), {
      method: 'DELETE',
      headers: csrf,
    });
    expect(removed.status).toBe(204);
    const s4 = await post(other, '/auth/passkey/options', {});
    expect(
      (
        await post(other, '/auth/passkey/sign-in', {
          challengeId: s4.body.challengeId,
          response: key.get(s4.body.options),
        })
      ).status,
    ).toBe(401);
  });
});
