import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_QUEUE } from '../../contracts/jobs.js';
import { registeredResidentsFor } from '../../src/accounts/residents.repo.js';
import { nextPeriod } from '../../src/calendar.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let orgHeaders: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp({ label: 'accounts', env: { ACCOUNT_LINK_MAX_FAILURES: '3' } });
  orgHeaders = await apiKeyHeaders(t.deps, DEMO.organisationId, [
    'accounts.import',
    'accounts.approve',
    'console.view',
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/org/accounts',
    headers: orgHeaders,
    payload: {
      accounts: [
        {
          number: '100020',
          unifiedNumber: '75DA533320',
          serviceId: '75DA533320-01',
          houseId: DEMO.houses.moscow,
          premiseNumber: '20',
          contactEmail: 'sidorova@example.ru',
          owners: [
            { lastName: 'Сидорова', firstName: 'Анна', share: '1/2' },
            { lastName: 'Алёшин', firstName: 'Пётр', share: '1/2' },
          ],
        },
        { number: '100021', houseId: DEMO.houses.moscow, premiseNumber: '21', owners: [{ lastName: 'Кузнецов' }] },
      ],
    },
  });
  expect(res.json().summary).toMatchObject({ created: 2 });
});
afterAll(() => t?.close());

async function newPerson(lastName = 'Тестов') {
  const { rows } = await t.deps.db.query(
    `INSERT INTO persons (subject, last_name, first_name, email) VALUES ($1, $2, 'Тест', $3) RETURNING id`,
    [randomUUID(), lastName, `${randomUUID().slice(0, 8)}@example.ru`],
  );
  const id = rows[0].id as string;
  return { id, headers: await sessionHeaders(t.deps, id) };
}

const link = (headers: Record<string, string>, payload: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/me/accounts',
    headers,
    payload: { houseId: DEMO.houses.moscow, ...payload },
  });
const shape = (body: Record<string, unknown>) => {
  const { instance: _i, requestId: _r, ...rest } = body;
  return rest;
};

describe('organisation bulk upsert of accounts', () => {
  it('reports each row, keeps the good ones and is idempotent', async () => {
    const rows = [
      {
        number: '100022',
        houseId: DEMO.houses.moscow,
        premiseNumber: '22',
        owners: [{ lastName: 'Орлов', share: '1/1' }],
      },
      { number: '100023', unifiedNumber: '123', houseId: DEMO.houses.moscow },
      {
        number: '100024',
        houseId: DEMO.houses.moscow,
        owners: [
          { lastName: 'А', share: '2/3' },
          { lastName: 'Б', share: '1/2' },
        ],
      },
      { number: '100025', houseId: DEMO.houses.moscow, premiseNumber: '999' },
      { number: '100026', houseFiasGuid: randomUUID() },
    ];
    const first = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/org/accounts',
        headers: orgHeaders,
        payload: { accounts: rows },
      })
    ).json();
    expect(first.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(first.results[1].errors[0].path).toBe('body.accounts.1.unifiedNumber');
    expect(first.results[2].errors[0].path).toBe('body.accounts.2.owners');
    expect(first.results[3].errors[0].path).toBe('body.accounts.3.premiseNumber');
    expect(first.results[4].errors[0]).toEqual({
      path: 'body.accounts.4.houseFiasGuid',
      message: 'not a house of this organisation',
    });
    const again = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/org/accounts',
        headers: orgHeaders,
        payload: { accounts: [rows[0]] },
      })
    ).json();
    expect(again.results[0]).toMatchObject({ status: 'unchanged', id: first.results[0].id });
    const owners = {
      ...rows[0],
      owners: [
        { lastName: 'Орлов', share: '1/2' },
        { lastName: 'Орлова', share: '1/2' },
      ],
    };
    const changed = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/org/accounts',
        headers: orgHeaders,
        payload: { accounts: [owners] },
      })
    ).json();
    expect(changed.results[0].status).toBe('updated');
  });
});

describe('linking an account', () => {
  it("links by the owner's surname, ignoring case and ё/е", async () => {
    const p = await newPerson();
    const res = await link(p.headers, { accountNumber: '100020', proof: { method: 'surname', surname: 'алешин' } });
    expect(res.statusCode).toBe(201);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/me/accounts', headers: p.headers })).json();
    expect(res.json()).toMatchObject({ status: 'linked', role: 'limited' });
    expect(mine.items.map((a: { number: string; role: string }) => [a.number, a.role])).toEqual([
      ['100020', 'limited'],
    ]);
    const { rows } = await t.deps.db.query(
      `SELECT details FROM audit_log WHERE action = 'account.linked' AND actor_id = $1`,
      [p.id],
    );
    expect(rows[0].details).toMatchObject({ method: 'surname', role: 'limited' });
    // by ЕЛС too
    const q = await newPerson();
    expect(
      (await link(q.headers, { unifiedNumber: '75da533320', proof: { method: 'surname', surname: 'СИДОРОВА' } }))
        .statusCode,
    ).toBe(201);
  });

  it('answers a wrong surname exactly as an unknown account', async () => {
    const p = await newPerson();
    const wrong = await link(p.headers, { accountNumber: '100020', proof: { method: 'surname', surname: 'Петров' } });
    const unknown = await link(p.headers, { accountNumber: '999999', proof: { method: 'surname', surname: 'Петров' } });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.headers['content-type']).toBe(wrong.headers['content-type']);
    expect(shape(unknown.json())).toEqual(shape(wrong.json()));
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(wrong.json()).sort());
    expect(wrong.json().code).toBe('account_not_found');
  });

  it('locks a person out after repeated failures, even for the right surname', async () => {
    const p = await newPerson();
    for (let i = 0; i < 3; i++) {
      expect(
        (await link(p.headers, { accountNumber: `55500${i}`, proof: { method: 'surname', surname: 'Кузнецов' } }))
          .statusCode,
      ).toBe(404);
    }
    const locked = await link(p.headers, {
      accountNumber: '100021',
      proof: { method: 'surname', surname: 'Кузнецов' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('link_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("does not let strangers' failed guesses lock the real owner out of the account (issue 14, finding 6)", async () => {
    // Several strangers, and one stranger until locked, guess surnames of account 100022.
    for (let i = 0; i < 4; i++) {
      const guesser = await newPerson();
      expect(
        (await link(guesser.headers, { accountNumber: '100022', proof: { method: 'surname', surname: `Гость${i}` } }))
          .statusCode,
      ).toBe(404);
    }
    const persistent = await newPerson();
    let last: Awaited<ReturnType<typeof link>> | undefined;
    for (let i = 0; i < 4; i++)
      last = await link(persistent.headers, {
        accountNumber: '100022',
        proof: { method: 'surname', surname: `Чужой${i}` },
      });
    expect(last!.json().code).toBe('link_locked');
    // The owner still gets in (with the limited role of a surname proof).
    const owner = await newPerson();
    const res = await link(owner.headers, { accountNumber: '100022', proof: { method: 'surname', surname: 'Орлов' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().role).toBe('limited');
  });

  it('links with a one-time code sent to the contact on file, and says the same for an unknown account', async () => {
    const p = await newPerson();
    const sent = await link(p.headers, { accountNumber: '100020', proof: { method: 'code' } });
    expect(sent.statusCode).toBe(202);
    const { rows } = await t.deps.db.query(
      `SELECT data FROM pgboss.job WHERE name = $1 AND data->>'to' = 'sidorova@example.ru'`,
      [MAIL_QUEUE],
    );
    expect(rows).toHaveLength(1);
    const code = /(\d{6})/.exec(rows[0].data.text)![1]!;

    const confirm = (c: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/me/account-link-requests/${sent.json().requestId}/confirm`,
        headers: p.headers,
        payload: { code: c },
      });
    const wrongCode = code === '000000' ? '000001' : '000000';
    expect((await confirm(wrongCode)).json().code).toBe('code_invalid');
    const ok = await confirm(code);
    expect(ok.statusCode).toBe(201);
    expect((await confirm(code)).json().code).toBe('code_invalid'); // used up

    const before = (await t.deps.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [MAIL_QUEUE]))
      .rows[0].n;
    const ghost = await link(p.headers, { accountNumber: '424242', proof: { method: 'code' } });
    expect(ghost.statusCode).toBe(202);
    expect(Object.keys(ghost.json()).sort()).toEqual(Object.keys(sent.json()).sort());
    expect(ghost.json().message).toBe(sent.json().message);
    const after = (await t.deps.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [MAIL_QUEUE]))
      .rows[0].n;
    expect(after).toBe(before);
  });

  it("links through the organisation's approval", async () => {
    const p = await newPerson('Кузнецов');
    const asked = await link(p.headers, {
      accountNumber: '100-021',
      proof: { method: 'organisation', comment: 'номер с дефисом из квитанции' },
    });
    expect(asked.statusCode).toBe(202);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/org/account-link-requests', headers: orgHeaders })
    ).json();
    const mine = list.items.find((i: { requestId: string }) => i.requestId === asked.json().requestId);
    expect(mine).toMatchObject({
      matchedAccountId: null,
      premise: null,
      identifier: '100-021',
      person: { lastName: 'Кузнецов' },
    });
    const approveUrl = `/api/v1/org/account-link-requests/${mine.requestId}/approve`;
    expect(
      (await t.app.inject({ method: 'POST', url: approveUrl, headers: orgHeaders, payload: {} })).json().code,
    ).toBe('account_required');
    const { rows } = await t.deps.db.query(`SELECT id FROM accounts WHERE number = '100021'`);
    const approved = await t.app.inject({
      method: 'POST',
      url: approveUrl,
      headers: orgHeaders,
      payload: { accountId: rows[0].id },
    });
    expect(approved.json()).toMatchObject({ status: 'approved', accountId: rows[0].id });
    const accounts = (await t.app.inject({ method: 'GET', url: '/api/v1/me/accounts', headers: p.headers })).json();
    expect(accounts.items[0].number).toBe('100021');
    expect((await t.app.inject({ method: 'POST', url: approveUrl, headers: orgHeaders, payload: {} })).statusCode).toBe(
      409,
    );
  });

  it('gives a surname proof limited access only, tells the holders, and a code to the contact on file confirms it (issue 14, finding 6)', async () => {
    // A holder of account 100020 with an address hears of every new link.
    const holder = await newPerson();
    const holderEmail = (await t.deps.db.query(`SELECT email FROM persons WHERE id = $1`, [holder.id])).rows[0]
      .email as string;
    const {
      rows: [acc],
    } = await t.deps.db.query(`SELECT id FROM accounts WHERE number = '100020'`);
    await t.deps.db.query(`INSERT INTO account_links (account_id, person_id, role) VALUES ($1, $2, 'owner')`, [
      acc.id,
      holder.id,
    ]);
    const mails = async () =>
      (
        await t.deps.db.query(
          `SELECT data->>'text' AS text FROM pgboss.job WHERE name = $1 AND data->>'to' = $2 ORDER BY created_on`,
          [MAIL_QUEUE, holderEmail],
        )
      ).rows;

    const p = await newPerson('Сидоров');
    const res = await link(p.headers, { accountNumber: '100020', proof: { method: 'surname', surname: 'Сидорова' } });
    expect(res.json()).toMatchObject({ status: 'linked', role: 'limited' });
    expect((await mails()).at(-1)?.text).toMatch(/Сидоров Т\.[\s\S]*ограниченный доступ/);

    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: p.headers });
    expect((await get(`/api/v1/me/charges?accountId=${acc.id}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/me/accounts/${acc.id}/meters`)).statusCode).toBe(200);
    expect((await get(`/api/v1/me/accounts/${acc.id}/access`)).statusCode).toBe(404);
    const invite = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/accounts/${acc.id}/invitations`,
      headers: p.headers,
      payload: { role: 'tenant' },
    });
    expect(invite.statusCode).toBe(404);
    const certificate = await get(`/api/v1/me/accounts/${acc.id}/debt-certificate`);
    expect(certificate.statusCode).toBe(403);
    expect(certificate.json().code).toBe('link_not_confirmed');

    // The second factor: the code mailed to the account's contact on file makes the link an owner's.
    const sent = await link(p.headers, { accountNumber: '100020', proof: { method: 'code' } });
    const { rows } = await t.deps.db.query(
      `SELECT data FROM pgboss.job WHERE name = $1 AND data->>'to' = 'sidorova@example.ru' ORDER BY created_on DESC LIMIT 1`,
      [MAIL_QUEUE],
    );
    const code = /(\d{6})/.exec(rows[0].data.text)![1]!;
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/account-link-requests/${sent.json().requestId}/confirm`,
      headers: p.headers,
      payload: { code },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().role).toBe('owner');
    expect((await get(`/api/v1/me/accounts/${acc.id}/access`)).statusCode).toBe(200);
    expect((await get(`/api/v1/me/accounts/${acc.id}/debt-certificate`)).statusCode).toBe(200);
    expect((await mails()).at(-1)?.text).toMatch(/Подтверждён доступ[\s\S]*собственник/);
  });
});

describe('my accounts', () => {
  it('lists, switches and unlinks', async () => {
    const headers = await sessionHeaders(t.deps, DEMO.citizen.personId);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/accounts', headers })).json();
    expect(list.items.map((a: { number: string }) => a.number).sort()).toEqual(['100012', '200005']);
    expect(list.currentAccountId).toBe(list.items[0].accountId);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/accounts/current',
      headers,
      payload: { accountId: DEMO.accounts.vladivostokFlat5 },
    });
    expect(put.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/accounts', headers })).json().currentAccountId).toBe(
      DEMO.accounts.vladivostokFlat5,
    );
    const foreign = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/accounts/current',
      headers,
      payload: { accountId: DEMO.accounts.neighbourFlat13 },
    });
    expect(foreign.statusCode).toBe(404);

    const p = await newPerson();
    // by ЕЛС: the number itself is locked by the failed proofs of the tests above
    expect(
      (await link(p.headers, { unifiedNumber: '75DA533320', proof: { method: 'surname', surname: 'Сидорова' } }))
        .statusCode,
    ).toBe(201);
    const id = (await t.app.inject({ method: 'GET', url: '/api/v1/me/accounts', headers: p.headers })).json().items[0]
      .accountId;
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/me/accounts/${id}`, headers: p.headers })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me/accounts', headers: p.headers })).json().items,
    ).toEqual([]);
  });
});

describe('sharing access', () => {
  it('invites a delegate by code, shows who has access, and revokes it at once', async () => {
    const owner = await sessionHeaders(t.deps, DEMO.citizen.personId);
    const accountId = DEMO.accounts.citizenFlat12;
    const inv = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/accounts/${accountId}/invitations`,
      headers: owner,
      payload: { role: 'delegate', email: 'son@example.ru' },
    });
    expect(inv.statusCode).toBe(201);
    const { code, link: url } = inv.json();
    expect(url).toContain(encodeURIComponent(code));

    const delegate = await newPerson('Иванов');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/invitations/accept',
      headers: delegate.headers,
      payload: { code: code.toLowerCase() },
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ accountId, role: 'delegate' });
    const other = await newPerson();
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/invitations/accept',
      headers: other.headers,
      payload: { code },
    });
    expect(reused.json().code).toBe('invitation_not_found');

    const access = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/accounts/${accountId}/access`, headers: owner })
    ).json();
    const delegateLink = access.links.find((l: { personId: string }) => l.personId === delegate.id);
    expect(delegateLink).toMatchObject({ role: 'delegate', grantedBy: DEMO.citizen.personId });
    expect(access.invitations[0].status).toBe('accepted');
    // a delegate may not see or manage who has access
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/me/accounts/${accountId}/access`, headers: delegate.headers }))
        .statusCode,
    ).toBe(404);

    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${accountId}`,
      headers: delegate.headers,
    });
    expect(seen.statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/accounts/${accountId}/access/${delegateLink.linkId}`,
      headers: owner,
    });
    expect(revoked.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${accountId}`,
      headers: delegate.headers,
    });
    expect(after.statusCode).toBe(404);
    const audit = await t.deps.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'account.access_revoked' AND object_id = $1`,
      [accountId],
    );
    expect(audit.rowCount).toBe(1);
  });

  it('lets only owners invite co-owners, and withdraws an unused invitation', async () => {
    const owner = await sessionHeaders(t.deps, DEMO.citizen.personId);
    const accountId = DEMO.accounts.citizenFlat12;
    const inv = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/me/accounts/${accountId}/invitations`,
        headers: owner,
        payload: { role: 'tenant' },
      })
    ).json();
    const withdraw = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/accounts/${accountId}/invitations/${inv.invitationId}`,
      headers: owner,
    });
    expect(withdraw.statusCode).toBe(204);
    const p = await newPerson();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/me/invitations/accept',
          headers: p.headers,
          payload: { code: inv.code },
        })
      ).statusCode,
    ).toBe(404);
    const neighbour = await sessionHeaders(t.deps, DEMO.neighbour.personId);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/me/accounts/${accountId}/invitations`,
          headers: neighbour,
          payload: { role: 'tenant' },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('demo data', () => {
  it('has a pending invitation to accept and a link request waiting for the organisation', async () => {
    const p = await newPerson('Иванова');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/invitations/accept',
      headers: p.headers,
      payload: { code: 'demo-invi-te26' },
    });
    expect(res.json()).toMatchObject({ accountId: DEMO.accounts.citizenFlat12, role: 'co_owner' });
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/org/account-link-requests', headers: orgHeaders })
    ).json();
    expect(list.items.find((i: { matchedAccountNumber: string }) => i.matchedAccountNumber === '100014')).toMatchObject(
      { premise: '14', address: 'г. Москва, ул. Профсоюзная, д. 43, корп. 1' },
    );
  });
});

describe('registered residents', () => {
  it('are requested by the resident, confirmed by the organisation and counted from the next period', async () => {
    const headers = await sessionHeaders(t.deps, DEMO.citizen.personId);
    const url = `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/residents`;
    const asked = await t.app.inject({ method: 'POST', url, headers, payload: { count: 3, reason: 'родился сын' } });
    expect(asked.statusCode).toBe(201);
    expect(
      (await t.app.inject({ method: 'POST', url, headers, payload: { count: 4, reason: 'ещё один' } })).json().code,
    ).toBe('resident_change_pending');
    const pending = (
      await t.app.inject({ method: 'GET', url: '/api/v1/org/resident-changes', headers: orgHeaders })
    ).json();
    expect(pending.items.find((c: { changeId: string }) => c.changeId === asked.json().changeId)).toMatchObject({
      count: 3,
      accountNumber: '100012',
      premise: '12',
    });
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/resident-changes/${asked.json().changeId}/confirm`,
      headers: orgHeaders,
    });
    const next = nextPeriod(new Date(), 'Europe/Moscow');
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', effectivePeriod: next });
    const mine = (await t.app.inject({ method: 'GET', url, headers })).json();
    expect(mine.current).toBeNull();
    expect(mine.history).toHaveLength(1);
    expect(await registeredResidentsFor(t.deps.db, DEMO.accounts.citizenFlat12, next)).toBe(3);
  });
});
