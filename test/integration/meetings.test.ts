import * as mupdf from 'mupdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { meetingsClose } from '../../jobs/meetings-close.js';
import { add, compare, fraction, parseDecimal, toDecimal, toText } from '../../src/meetings/fraction.js';
import { canonicalJson, sha256Hex } from '../../src/meetings/protocol.js';
import { DEMO, seedDemoData } from '../../src/sandbox/demo/index.js';
import { createFieldCipher } from '../../src/identity/crypto.js';
import { DEMO_MEETINGS } from '../../src/sandbox/demo/meetings.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let org: Record<string, string>;
let ivanov: Record<string, string>;
let petrova: Record<string, string>;
const house = DEMO.houses.moscow;
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  t = await startTestApp({ label: 'meetings' });
  org = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view', 'meetings.run', 'settings.manage']);
  ivanov = await sessionHeaders(t.deps, DEMO.citizen.personId);
  petrova = await sessionHeaders(t.deps, DEMO.neighbour.personId);
  // Owners vote in the hub only where it is the region's designated system (ЖК РФ ст. 47.1); the demo
  // organisation holds its meetings in the state system (test/integration/gis-meetings.test.ts).
  const regional = await t.app.inject({
    method: 'PUT',
    url: '/api/v1/org/meeting-settings',
    headers: org,
    payload: {
      votingSystem: 'regional-system',
      regionalSystemName: 'Региональная система',
      regionalSystemUrl: 'https://vote.example.ru/',
      orgRootGuid: null,
    },
  });
  expect(regional.statusCode, regional.body).toBe(200);
});
afterAll(() => t?.close());

function multipart(fields: Record<string, string>, files: { field: string; filename: string; data: Buffer }[]) {
  const boundary = `----domhub${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const local = (daysFromNow: number, time: string) =>
  `${DateTime.now().setZone('Europe/Moscow').plus({ days: daysFromNow }).toISODate()}T${time}`;

describe('owners register', () => {
  it('gives co-owners of flat 13 half of its area each, exactly', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/org/houses/${house}/owners-register`, headers: org });
    expect(res.statusCode).toBe(200);
    const flat13 = res.json().owners.filter((o: { premiseNumber: string }) => o.premiseNumber === '13');
    expect(flat13.map((o: { lastName: string }) => o.lastName).sort()).toEqual(['Петров', 'Петрова']);
    const area = parseDecimal(flat13[0].area);
    for (const o of flat13) expect(o.votesExact).toBe(toText(fraction(area.n, area.d * 2n)));
  });

  it('reports flats without owners and generated owners missing from accounts', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/org/houses/${house}/owners-register/reconciliation`,
      headers: org,
    });
    const kinds = res
      .json()
      .mismatches.map((m: { kind: string; premiseNumber: string }) => `${m.kind}:${m.premiseNumber}`);
    expect(kinds).toContain('premise_without_owners:59');
    expect(kinds).toContain('owner_not_on_account:1');
    expect(kinds).not.toContain('owner_not_on_account:12');
  });

  it('builds from accounts when an owner is on two open accounts of one flat (no 500, one row each)', async () => {
    // Flat 13 gets a second open account carrying the same owners as the first.
    const second = (
      await t.database.pool.query<{ id: string }>(
        `INSERT INTO accounts (organisation_id, house_id, premise_id, number)
       SELECT organisation_id, house_id, premise_id, 'DUP-13' FROM accounts WHERE id = $1 RETURNING id`,
        [DEMO.accounts.neighbourFlat13],
      )
    ).rows[0]!;
    await t.database.pool.query(
      `INSERT INTO account_owners (account_id, last_name, first_name, middle_name, share_numerator, share_denominator)
       SELECT $2, last_name, first_name, middle_name, share_numerator, share_denominator
         FROM account_owners WHERE account_id = $1`,
      [DEMO.accounts.neighbourFlat13, second.id],
    );
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/org/houses/${house}/owners-register/from-accounts`,
        headers: org,
      });
      expect(res.statusCode, res.body).toBe(200);
      const register = (
        await t.app.inject({ method: 'GET', url: `/api/v1/org/houses/${house}/owners-register`, headers: org })
      ).json();
      const flat13 = register.owners.filter((o: { premiseNumber: string }) => o.premiseNumber === '13');
      expect(flat13.map((o: { lastName: string }) => o.lastName).sort()).toEqual(['Петров', 'Петрова']);
      // Demo data (which builds the register the same way) still loads at start.
      await seedDemoData(t.database.pool, createFieldCipher(t.deps.config.encryptionKeys), {});
    } finally {
      await t.database.pool.query(`DELETE FROM accounts WHERE id = $1`, [second.id]);
    }
  });

  it('imports co-owners of a flat and refuses unknown premises and shares above 1 with field paths', async () => {
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/org/houses/${house}/owners-register`,
      headers: org,
      payload: {
        owners: [
          {
            premiseNumber: '60',
            lastName: 'Орлова',
            firstName: 'Анна',
            shareNumerator: 1,
            shareDenominator: 3,
            titleDocument: '77:1-1',
          },
          {
            premiseNumber: '60',
            lastName: 'Орлов',
            firstName: 'Павел',
            shareNumerator: 2,
            shareDenominator: 3,
            titleDocument: '77:1-2',
          },
        ],
      },
    });
    expect(ok.json()).toEqual({ imported: 2 });
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/org/houses/${house}/owners-register`,
      headers: org,
      payload: {
        owners: [
          { premiseNumber: '999', lastName: 'Нет', shareNumerator: 1, shareDenominator: 1 },
          { premiseNumber: '58', lastName: 'А', shareNumerator: 2, shareDenominator: 3 },
          { premiseNumber: '58', lastName: 'Б', shareNumerator: 2, shareDenominator: 3 },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.owners.0.premiseNumber',
      'body.owners.2.shareNumerator',
    ]);
  });
});

describe('a whole meeting from notice to protocol', () => {
  let meetingId: string;
  let questions: { id: string; rule: string }[];
  const answersAll = (a: 'for' | 'against' | 'abstain') => questions.map((q) => ({ questionId: q.id, answer: a }));

  it('refuses voting shorter than the minimum and a notice sent too late', async () => {
    const base = {
      houseId: house,
      title: 'Ремонт подъездов',
      form: 'electronic',
      initiator: { type: 'organisation' },
      place: 'офис УК',
      materialsInfo: 'в личном кабинете',
      questions: [{ title: 'Председатель' }],
    };
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/meetings',
      headers: org,
      payload: { ...base, votingStartsAt: local(11, '09:00'), votingEndsAt: local(16, '20:00') },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().code).toBe('voting_duration_out_of_bounds');
    const soon = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/meetings',
      headers: org,
      payload: { ...base, votingStartsAt: local(9, '09:00'), votingEndsAt: local(20, '20:00') },
    });
    expect(soon.statusCode).toBe(201);
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/meetings/${soon.json().id}/announce`,
      headers: org,
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('notice_period_too_short');
  });

  it('creates the meeting with an owner as initiator, attaches material and sends the notice to every owner', async () => {
    const register = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/houses/${house}/owners-register`, headers: org })
    ).json();
    const ivanovEntry = register.owners.find((o: { premiseNumber: string }) => o.premiseNumber === '12');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/meetings',
      headers: org,
      payload: {
        houseId: house,
        title: 'Ремонт крыши',
        form: 'electronic',
        initiator: { type: 'owner', ownerId: ivanovEntry.id },
        administratorName: 'ООО «УК Домхаб»',
        chairName: 'Иванов И. И.',
        secretaryName: 'Петрова М. С.',
        counterNames: ['Смирнова О. В.'],
        place: 'офис УК',
        materialsInfo: 'смета в личном кабинете',
        votingStartsAt: local(10, '09:00'),
        votingEndsAt: local(20, '20:00'),
        questions: [
          { title: 'Избрать председателя', rule: 'participants_majority' },
          { title: 'Утвердить смету', rule: 'all_majority' },
          { title: 'Ремонт за счёт фонда капремонта', rule: 'two_thirds_all' },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({
      status: 'draft',
      initiator: { type: 'owner', name: expect.stringContaining('Иванов Иван Иванович') },
    });
    meetingId = m.id;
    questions = m.questions;
    const mp = multipart({ title: 'Смета' }, [{ field: 'file', filename: 'smeta.pdf', data: PDF }]);
    const mat = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/meetings/${meetingId}/materials`,
      headers: { ...org, ...mp.headers },
      payload: mp.payload,
    });
    expect(mat.statusCode).toBe(201);

    const res = await t.app.inject({ method: 'POST', url: `/api/v1/org/meetings/${meetingId}/announce`, headers: org });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().owners).toBe(register.owners.length);
    expect(res.json().emailed).toBe(3); // Иванов, Петрова and Орлова (flat 15, local sign-in demo) have addresses
    const news = await t.deps.db.query(`SELECT title, body, house_ids FROM news WHERE id = $1`, [res.json().newsId]);
    expect(news.rows[0].house_ids).toEqual([house]);
    expect(news.rows[0].body).toContain('Повестка дня');
    const mail = await t.deps.db.query(`SELECT data->>'to' AS to FROM pgboss.job WHERE name = 'mail.send' ORDER BY 1`);
    expect(mail.rows.map((r) => r.to)).toEqual(['ivanov@example.ru', 'orlova@example.ru', 'petrova@example.ru']);
    const close = await t.deps.db.query(
      `SELECT start_after FROM pgboss.job WHERE name = 'meetings.close' AND data->>'meetingId' = $1`,
      [meetingId],
    );
    expect(new Date(close.rows[0].start_after).toISOString()).toBe(
      DateTime.fromISO(local(20, '20:00'), { zone: 'Europe/Moscow' }).toUTC().toISO(),
    );
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/meetings/${meetingId}/announce`,
      headers: org,
    });
    expect(again.statusCode).toBe(409);
  });

  it('lets an owner see the meeting but not vote before voting starts', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/meetings', headers: ivanov })).json();
    const mine = list.find((x: { id: string }) => x.id === meetingId);
    expect(mine).toMatchObject({ votingOpen: false, myOwners: [{ premiseNumber: '12', voted: false }] });
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/ballot`,
      headers: ivanov,
      payload: { answers: answersAll('for') },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('voting_not_open');
    await t.deps.db.query(`UPDATE meetings SET voting_starts_at = now() - interval '1 hour' WHERE id = $1`, [
      meetingId,
    ]);
  });

  it('takes every question at once, once', async () => {
    const partial = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/ballot`,
      headers: ivanov,
      payload: { answers: answersAll('for').slice(0, 2) },
    });
    expect(partial.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/ballot`,
      headers: ivanov,
      payload: { answers: answersAll('for') },
    });
    expect(res.statusCode).toBe(201);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/ballot`,
      headers: ivanov,
      payload: { answers: answersAll('against') },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ballot_already_cast');
    const stored = await t.deps.db.query(
      `SELECT snils_enc, title_document, voter_name FROM meeting_ballots WHERE id = $1`,
      [res.json().id],
    );
    expect(stored.rows[0].snils_enc).toMatch(/^v1\./);
    expect(stored.rows[0].snils_enc).not.toContain(DEMO.citizen.snils);
    expect(stored.rows[0].title_document).toBe('77:06:0004001:1234-77/011/2015-1');
    // the database itself refuses a second ballot for the owner, whatever the code does
    await expect(
      t.deps.db.query(
        `INSERT INTO meeting_ballots (meeting_id, owner_id, channel, voter_name, votes, answers) SELECT meeting_id, owner_id, 'electronic', 'x', '1', '{}' FROM meeting_ballots WHERE id = $1`,
        [res.json().id],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('lets a representative vote for a co-owner once the administrator accepts the power of attorney', async () => {
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/ballot`,
      headers: petrova,
      payload: { answers: answersAll('against') },
    });
    expect(own.statusCode).toBe(201);
    const mp = multipart({ premiseNumber: '13', ownerLastName: 'Петров' }, [
      { field: 'file', filename: 'dov.pdf', data: PDF },
    ]);
    const proxy = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/powers-of-attorney`,
      headers: { ...petrova, ...mp.headers },
      payload: mp.payload,
    });
    expect(proxy.statusCode).toBe(201);
    expect(proxy.json().status).toBe('pending');
    const before = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/ballot`,
      headers: petrova,
      payload: { ownerId: proxy.json().ownerId, answers: answersAll('for') },
    });
    expect(before.statusCode).toBe(400);
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/meetings/${meetingId}/powers-of-attorney/${proxy.json().id}/decision`,
      headers: org,
      payload: { accepted: true },
    });
    expect(decided.json().status).toBe('accepted');
    const vote = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/ballot`,
      headers: petrova,
      payload: { ownerId: proxy.json().ownerId, answers: answersAll('for') },
    });
    expect(vote.statusCode).toBe(201);
  });

  it('tells a stranger to the house nothing about its owners and stores nothing (issue 14, finding 7)', async () => {
    const strangerId = (
      await t.deps.db.query(
        `INSERT INTO persons (subject, last_name, first_name) VALUES ('stranger-poa', 'Чужой', 'Пётр') RETURNING id`,
      )
    ).rows[0].id;
    const stranger = await sessionHeaders(t.deps, strangerId);
    const counts = async () =>
      (
        await t.deps.db.query(
          `SELECT (SELECT count(*) FROM files)::int AS files, (SELECT count(*) FROM meeting_proxies)::int AS proxies`,
        )
      ).rows[0];
    const before = await counts();
    const attempt = async (id: string, lastName: string) => {
      const mp = multipart({ premiseNumber: '13', ownerLastName: lastName }, [
        { field: 'file', filename: 'dov.pdf', data: PDF },
      ]);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/me/meetings/${id}/powers-of-attorney`,
        headers: { ...stranger, ...mp.headers },
        payload: mp.payload,
      });
      return { status: res.statusCode, code: res.json().code, detail: res.json().detail };
    };
    const owner = await attempt(meetingId, 'Петров');
    const notOwner = await attempt(meetingId, 'Никтоев');
    const noMeeting = await attempt('00000000-0000-4000-8000-0000000009ff', 'Петров');
    expect(owner).toEqual({ status: 404, code: 'not_found', detail: expect.any(String) });
    expect(notOwner).toEqual(owner);
    expect(noMeeting).toEqual(owner);
    expect(await counts()).toEqual(before);

    // A member's refused upload (a power of attorney already pending) leaves no file behind either.
    const mp = multipart({ premiseNumber: '13', ownerLastName: 'Петров' }, [
      { field: 'file', filename: 'dov.pdf', data: PDF },
    ]);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/powers-of-attorney`,
      headers: { ...petrova, ...mp.headers },
      payload: mp.payload,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('proxy_exists');
    expect(await counts()).toEqual(before);
  });

  it('enters paper ballots with scans, shows turnout without results, and refuses an early close', async () => {
    const owners = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${meetingId}/owners`, headers: org })
    ).json();
    const paper = owners.filter(
      (o: { premiseNumber: string }) => Number(o.premiseNumber) <= 30 && !['12', '13'].includes(o.premiseNumber),
    );
    const noScan = multipart({ ballot: JSON.stringify({ ownerId: paper[0].id, answers: answersAll('for') }) }, []);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/org/meetings/${meetingId}/paper-ballots`,
          headers: { ...org, ...noScan.headers },
          payload: noScan.payload,
        })
      ).statusCode,
    ).toBe(400);
    for (const [i, o] of paper.entries()) {
      const answers = questions.map((q, k) => ({
        questionId: q.id,
        answer: k === 2 && i % 4 === 0 ? 'against' : 'for',
      }));
      const mp = multipart({ ballot: JSON.stringify({ ownerId: o.id, snils: '123-456-789 64', answers }) }, [
        { field: 'scan', filename: 'b.pdf', data: PDF },
      ]);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/org/meetings/${meetingId}/paper-ballots`,
        headers: { ...org, ...mp.headers },
        payload: mp.payload,
      });
      expect(res.statusCode).toBe(201);
    }
    const dup = multipart({ ballot: JSON.stringify({ ownerId: paper[0].id, answers: answersAll('for') }) }, [
      { field: 'scan', filename: 'b.pdf', data: PDF },
    ]);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/org/meetings/${meetingId}/paper-ballots`,
          headers: { ...org, ...dup.headers },
          payload: dup.payload,
        })
      ).json().code,
    ).toBe('ballot_already_cast');

    const turnout = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${meetingId}/turnout`, headers: org })
    ).json();
    expect(turnout.ballots).toBe(paper.length + 3);
    expect(turnout.results).toBeNull();
    // the participating votes are the exact sum of the voters' register votes
    const voted = [
      ...paper,
      ...owners.filter((o: { premiseNumber: string }) => ['12', '13'].includes(o.premiseNumber)),
    ];
    const sum = voted.reduce((s: ReturnType<typeof fraction>, o: { votes: string }) => {
      const [n, d] = o.votes.split('/');
      return add(s, fraction(BigInt(n!), BigInt(d ?? '1')));
    }, fraction(0n));
    expect(turnout.participatingVotes).toBe(toDecimal(sum, 4));
    // an owner of the house sees the same turnout while voting runs, and no results either
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/meetings/${meetingId}/turnout`,
      headers: ivanov,
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual(turnout);
    const material = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/meetings/${meetingId}`, headers: ivanov })
    ).json().materials[0];
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/meetings/${meetingId}/materials/${material.id}`,
      headers: ivanov,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-disposition']).toContain('smeta.pdf');
    const early = await t.app.inject({ method: 'POST', url: `/api/v1/org/meetings/${meetingId}/close`, headers: org });
    expect(early.json().code).toBe('voting_not_ended');
  });

  it('closes at the deadline by the job, publishes results and draws up the protocol with its hash', async () => {
    await t.deps.db.query(`UPDATE meetings SET voting_ends_at = now() - interval '1 minute' WHERE id = $1`, [
      meetingId,
    ]);
    // The protocol takes the number the state system gave the notice: not placed yet, the close waits.
    expect(await meetingsClose.handle({ meetingId }, t.deps, { id: 'test' })).toMatchObject({
      skipped: 'notice_not_in_state_system',
    });
    await t.deps.db.query(`UPDATE meetings SET gis_number = number WHERE id = $1`, [meetingId]);
    expect(await meetingsClose.handle({ meetingId }, t.deps, { id: 'test' })).toMatchObject({ closed: true });
    expect(await meetingsClose.handle({ meetingId }, t.deps, { id: 'test' })).toMatchObject({ closed: false });

    const p = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${meetingId}/protocol`, headers: org })
    ).json();
    expect(p.sha256).toBe(sha256Hex(canonicalJson(p.protocol)));
    const protocol = p.protocol;
    expect(protocol.title).toMatch(/^Протокол № \d+\/\d{4} общего собрания собственников/);
    expect(protocol).toMatchObject({ chair: 'Иванов И. И.', secretary: 'Петрова М. С.', counters: ['Смирнова О. В.'] });
    const total = parseDecimal(protocol.quorum.totalVotes);
    const part = parseDecimal(protocol.quorum.participatingVotes);
    expect(protocol.quorum.reached).toBe(compare(fraction(2n * part.n, part.d), total) > 0);
    for (const q of protocol.questions) {
      const f = parseDecimal(q.for.votes);
      const expected =
        q.rule.code === 'participants_majority'
          ? compare(fraction(2n * f.n, f.d), part) > 0
          : q.rule.code === 'all_majority'
            ? compare(fraction(2n * f.n, f.d), total) > 0
            : compare(fraction(3n * f.n, f.d), fraction(2n * total.n, total.d)) >= 0;
      expect(q.adopted).toBe(protocol.quorum.reached && expected);
      expect(q.decision).toBe(q.adopted ? 'Решение принято' : 'Решение не принято');
    }
    expect(protocol.attachments.register.length).toBeGreaterThan(55);
    expect(protocol.attachments.ballots).toHaveLength(protocol.quorum.ballots);
    expect(
      protocol.attachments.notice.deliveries.some(
        (d: { channel: string; address: string }) => d.channel === 'email' && d.address === 'i***@example.ru',
      ),
    ).toBe(true);
    expect(JSON.stringify(protocol)).not.toContain('12345678964');

    const audit = await t.deps.db.query(
      `SELECT details->>'protocolSha256' AS sha FROM audit_log WHERE action = 'meeting.closed' AND object_id = $1`,
      [meetingId],
    );
    expect(audit.rows[0].sha).toBe(p.sha256);
    const sync = await t.deps.db.query(`SELECT operation FROM sync_items WHERE object_id = $1 ORDER BY operation`, [
      meetingId,
    ]);
    // Voted in the hub as the region's system: the protocol goes as another system's.
    expect(sync.rows.map((r) => r.operation)).toEqual(['importExternalVotingProtocol', 'importVotingMessage']);

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/meetings/${meetingId}/protocol.pdf`,
      headers: ivanov,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const doc = mupdf.Document.openDocument(pdf.rawPayload, 'application/pdf');
    const firstPage = doc.loadPage(0).toStructuredText('preserve-whitespace').asText();
    expect(firstPage).toContain(p.sha256);
    expect(firstPage).toContain('Кворум');

    const mine = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/meetings/${meetingId}`, headers: ivanov })
    ).json();
    expect(mine.status).toBe('closed');
    expect(mine.results.questions).toHaveLength(3);
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${meetingId}/ballot`,
      headers: ivanov,
      payload: { answers: answersAll('for') },
    });
    expect(late.statusCode).toBe(422);
    const resultsMail = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'subject' LIKE 'Итоги%'`,
    );
    expect(resultsMail.rows[0].n).toBe(3);
  });

  it('hides meetings from people who are not owners of the house', async () => {
    const stranger = await sessionHeaders(t.deps, DEMO.staff.personId);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/me/meetings/${meetingId}`, headers: stranger })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/me/meetings/${meetingId}/turnout`, headers: stranger }))
        .statusCode,
    ).toBe(404);
    const material = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/meetings/${meetingId}`, headers: ivanov })
    ).json().materials[0];
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/meetings/${meetingId}/materials/${material.id}`,
      headers: stranger,
    });
    expect(foreign.statusCode).toBe(404);
    // results are there for owners after the close
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/meetings/${meetingId}/turnout`, headers: ivanov })
    ).json();
    expect(after.results).toHaveLength(3);
  });
});

describe('demo data', () => {
  it('has an open meeting held in the state system, where Иванов votes, and a closed one with a protocol', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/me/meetings', headers: ivanov })).json();
    expect(list.find((m: { id: string }) => m.id === DEMO_MEETINGS.open)).toMatchObject({
      votingSystem: 'state-system',
      votingOpen: false,
      myOwners: [{ voted: false }],
    });
    const closed = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${DEMO_MEETINGS.closed}/protocol`, headers: org })
    ).json();
    expect(closed.sha256).toBe(sha256Hex(canonicalJson(closed.protocol)));
  });

  it('shows an owner the turnout while voting runs, results after the close, and the materials', async () => {
    const open = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/meetings/${DEMO_MEETINGS.open}/turnout`,
      headers: ivanov,
    });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ status: 'announced', results: null });
    // The administrator's paper ballot; decisions cast in the state system are read back at the close.
    expect(open.json().ballots).toBe(1);
    const closed = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/meetings/${DEMO_MEETINGS.closed}/turnout`, headers: ivanov })
    ).json();
    expect(closed.results).toHaveLength(3);
    const stranger = await sessionHeaders(t.deps, DEMO.staff.personId);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/me/meetings/${DEMO_MEETINGS.open}/turnout`,
          headers: stranger,
        })
      ).statusCode,
    ).toBe(404);

    const [material] = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/meetings/${DEMO_MEETINGS.open}`, headers: ivanov })
    ).json().materials;
    expect(material).toMatchObject({ title: 'Смета на замену лифтов', contentType: 'application/pdf' });
    const url = `/api/v1/me/meetings/${DEMO_MEETINGS.open}/materials/${material.id}`;
    const download = await t.app.inject({ method: 'GET', url, headers: ivanov });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.headers['content-disposition']).toContain('smeta-lifty.pdf');
    expect((await t.app.inject({ method: 'GET', url, headers: stranger })).statusCode).toBe(404);
    const otherMeeting = `/api/v1/me/meetings/${DEMO_MEETINGS.closed}/materials/${material.id}`;
    expect((await t.app.inject({ method: 'GET', url: otherMeeting, headers: ivanov })).statusCode).toBe(404);
  });
});

describe('what the staff console needs', () => {
  const draft = (questions: unknown[]) => ({
    houseId: house,
    title: 'Текущий ремонт и шлагбаум',
    form: 'ballots',
    initiator: { type: 'organisation' },
    place: 'офис УК',
    materialsInfo: 'в офисе УК',
    votingStartsAt: local(12, '09:00'),
    votingEndsAt: local(25, '20:00'),
    questions,
  });

  it('offers common questions with the rule the law needs and refuses a weaker rule for them', async () => {
    const catalogue = await t.app.inject({
      method: 'GET',
      url: '/api/v1/org/meetings/agenda-catalogue',
      headers: org,
    });
    expect(catalogue.statusCode).toBe(200);
    const items = catalogue.json().items as { key: string; rule: string; basis: string }[];
    expect(items.find((i) => i.key === 'capital_repair')).toMatchObject({ rule: 'two_thirds_all' });
    expect(items.find((i) => i.key === 'management_method')).toMatchObject({ rule: 'all_majority' });
    expect(items.find((i) => i.key === 'chair_secretary')).toMatchObject({ rule: 'participants_majority' });

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/meetings',
      headers: org,
      payload: draft([{ title: 'Шлагбаум', catalogueKey: 'land_plot', rule: 'all_majority' }]),
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      expect.objectContaining({ path: 'body.questions.0.rule', message: expect.stringContaining('two_thirds_all') }),
    ]);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/meetings',
      headers: org,
      payload: draft([{ title: 'Что-то', catalogueKey: 'no_such_question' }]),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.questions.0.catalogueKey');

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/meetings',
      headers: org,
      payload: draft([
        { title: 'Председатель и секретарь', catalogueKey: 'chair_secretary' },
        { title: 'Шлагбаум', catalogueKey: 'land_plot' },
        { title: 'Совет дома', catalogueKey: 'council', rule: 'two_thirds_all' },
        { title: 'Свой вопрос' },
      ]),
    });
    expect(created.statusCode).toBe(201);
    expect(
      created
        .json()
        .questions.map((q: { rule: string; catalogueKey: string | null; basis: string | null }) => [
          q.rule,
          q.catalogueKey,
          q.basis !== null,
        ]),
    ).toEqual([
      ['participants_majority', 'chair_secretary', true],
      ['two_thirds_all', 'land_plot', true],
      ['two_thirds_all', 'council', true],
      ['participants_majority', null, false],
    ]);
  });

  it('opens a material in the browser, removes it from a draft and cancels the draft', async () => {
    const m = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/org/meetings',
        headers: org,
        payload: draft([{ title: 'Председатель', catalogueKey: 'chair_secretary' }]),
      })
    ).json();
    const mp = multipart({ title: 'План ремонта' }, [{ field: 'file', filename: 'plan.pdf', data: PDF }]);
    const material = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/org/meetings/${m.id}/materials`,
        headers: { ...org, ...mp.headers },
        payload: mp.payload,
      })
    ).json();
    const fileUrl = `/api/v1/org/meetings/${m.id}/files/${material.fileId}`;
    const opened = await t.app.inject({ method: 'GET', url: `${fileUrl}?inline=1`, headers: org });
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-disposition']).toMatch(/^inline; filename\*=UTF-8''plan\.pdf$/);
    expect((await t.app.inject({ method: 'GET', url: fileUrl, headers: org })).headers['content-disposition']).toMatch(
      /^attachment/,
    );
    // a file of another meeting is not reachable through this one
    const demo = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${DEMO_MEETINGS.open}`, headers: org })
    ).json();
    const foreign = `/api/v1/org/meetings/${m.id}/files/${demo.materials[0].fileId}`;
    expect((await t.app.inject({ method: 'GET', url: foreign, headers: org })).statusCode).toBe(404);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/org/meetings/${m.id}/materials/${material.id}`,
      headers: org,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${m.id}`, headers: org })).json().materials,
    ).toEqual([]);
    const demoMaterial = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/org/meetings/${DEMO_MEETINGS.open}/materials/${demo.materials[0].id}`,
      headers: org,
    });
    expect(demoMaterial.statusCode).toBe(422);
    expect(demoMaterial.json().code).toBe('meeting_not_draft');

    const cancelled = await t.app.inject({ method: 'POST', url: `/api/v1/org/meetings/${m.id}/cancel`, headers: org });
    expect(cancelled.json()).toEqual({ id: m.id, status: 'cancelled' });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/org/meetings/${m.id}/cancel`, headers: org });
    expect(again.statusCode).toBe(409);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/org/meetings?status=cancelled', headers: org })
    ).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(m.id);
    expect(list.items.every((x: { status: string }) => x.status === 'cancelled')).toBe(true);
  });

  it('has demo data for the console: a paper ballot with its scan, a proxy to decide, a draft ready to announce', async () => {
    const ballots = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${DEMO_MEETINGS.open}/ballots`, headers: org })
    ).json();
    const paper = ballots.find((b: { channel: string }) => b.channel === 'paper');
    expect(paper.scanFileId).toBeTruthy();
    const scan = await t.app.inject({
      method: 'GET',
      url: `/api/v1/org/meetings/${DEMO_MEETINGS.open}/files/${paper.scanFileId}?inline=1`,
      headers: org,
    });
    expect(scan.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const proxies = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/org/meetings/${DEMO_MEETINGS.open}/powers-of-attorney`,
        headers: org,
      })
    ).json();
    expect(proxies).toEqual([
      expect.objectContaining({ status: 'pending', representativeName: 'Кузнецова Анна Павловна' }),
    ]);

    const draft = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${DEMO_MEETINGS.draft}`, headers: org })
    ).json();
    expect(draft.status).toBe('draft');
    expect(draft.questions.map((q: { catalogueKey: string; rule: string }) => [q.catalogueKey, q.rule])).toEqual([
      ['chair_secretary', 'participants_majority'],
      ['land_plot', 'two_thirds_all'],
      ['common_property_use', 'two_thirds_all'],
    ]);
    const announced = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/meetings/${DEMO_MEETINGS.draft}/announce`,
      headers: org,
    });
    expect(announced.statusCode).toBe(200);
  });

  it('opens the protocol PDF in the browser with ?inline=1', async () => {
    const url = `/api/v1/org/meetings/${DEMO_MEETINGS.closed}/protocol.pdf`;
    const inline = await t.app.inject({ method: 'GET', url: `${url}?inline=1`, headers: org });
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename\*=UTF-8''protocol-1-\d{4}\.pdf$/);
    expect(inline.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.app.inject({ method: 'GET', url, headers: org })).headers['content-disposition']).toMatch(
      /^attachment/,
    );
  });
});
