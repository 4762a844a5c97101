import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchemaSet, validateElement } from '../../contracts/gis/schemas.js';
import { add, fraction, parseDecimal, toDecimal, toText, type Fraction } from '../../src/meetings/fraction.js';
import { ownerVotes } from '../../src/meetings/tally.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { processVoting } from '../../src/sandbox/gis/voting.js';
import { agendaTemplate } from '../../contracts/meeting-agenda.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { gisClient, syncUntil } from '../helpers/gis.js';

// General meetings and the state system end to end over SOAP against the simulator (ЖК РФ ст. 47.1 after
// 463-ФЗ): a meeting held in the state system from its notice to its placed protocol, with owners' decisions
// cast there and paper ballots the administrator enters, counted exactly and set against the state system's
// result; a meeting voted in the hub as a region's system sent as another system's protocol; faults in each.
// The simulator validates every request against the published schemas; its answers are validated here.
const OFFICIAL = fileURLToPath(new URL('../../../shared/reference/gis-14.4.0.1/', import.meta.url));
const present = existsSync(OFFICIAL);
const house = DEMO.houses.moscow;
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

let t: TestApp;
let org: Record<string, string>;
let ivanov: Record<string, string>;
const timings: Record<string, number> = {};
const until = <T>(what: string, fn: () => Promise<T | undefined | false>) => syncUntil(t, what, fn, 120_000);
// biome-ignore lint/suspicious/noExplicitAny: rows read loosely, for assertions
const q = async <R = Record<string, any>>(sql: string, values: unknown[] = []) =>
  (await t.deps.db.query(sql, values)).rows as R[];
const local = (daysFromNow: number, time: string) =>
  `${DateTime.now().setZone('Europe/Moscow').plus({ days: daysFromNow }).toISODate()}T${time}`;

function multipart(fields: Record<string, string>, files: { field: string; filename: string; data: Buffer }[]) {
  const boundary = `----domhub${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const sim = () => t.deps.config.gis.simulator;

beforeAll(async () => {
  if (!present) return;
  t = await startTestApp({
    label: 'gis-meetings',
    listen: true,
    workers: true,
    env: { GIS_SIM_DELAY_MS: '100', GIS_POLL_SCHEDULE: '1', GIS_RETRY_DELAY_SECONDS: '0.2', GIS_SCHEMA_DIR: OFFICIAL },
    stateSystem: (config) => gisClient(config, 30_000),
  });
  org = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view', 'meetings.run', 'settings.manage']);
  ivanov = await sessionHeaders(t.deps, DEMO.citizen.personId);
});
afterAll(async () => {
  if (Object.keys(timings).length) console.log('gis-meetings timings (ms):', JSON.stringify(timings));
  await t?.close();
});

const QUESTIONS: { title: string; rule?: string; catalogueKey?: string }[] = [
  { title: 'Выбрать председателя и секретаря собрания' },
  { title: 'Утвердить смету ремонта кровли' },
  { title: 'Выбрать совет дома', rule: 'all_majority' },
];

async function createAndAnnounce(title: string, form: 'electronic' | 'mixed' = 'electronic', questions = QUESTIONS) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/org/meetings',
    headers: org,
    payload: {
      houseId: house,
      title,
      form,
      ...(form === 'mixed' ? { inPersonAt: local(11, '19:00') } : {}),
      initiator: { type: 'organisation' },
      place: 'Москва, Тверская, 1, офис управляющей организации',
      materialsInfo: 'Материалы — в офисе управляющей организации и в ГИС ЖКХ',
      votingStartsAt: local(11, '09:00'),
      votingEndsAt: local(20, '20:00'),
      questions,
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const m = created.json();
  const started = Date.now();
  const announced = await t.app.inject({ method: 'POST', url: `/api/v1/org/meetings/${m.id}/announce`, headers: org });
  expect(announced.statusCode, announced.body).toBe(200);
  const [placed] = await until('the notice placed in the state system', async () => {
    const rows = await q(
      `SELECT gis_message_guid::text AS guid, gis_number FROM meetings WHERE id = $1 AND gis_number IS NOT NULL`,
      [m.id],
    );
    return rows.length ? rows : undefined;
  });
  timings[`${title}: notice placed`] = Date.now() - started;
  // Voting runs now (the notice went out 11 days before, as the law wants; the test moves the clock).
  await q(`UPDATE meetings SET voting_starts_at = now() - interval '1 hour' WHERE id = $1`, [m.id]);
  return {
    id: m.id as string,
    questions: m.questions as { id: string; position: number }[],
    guid: placed!.guid as string,
    number: placed!.gis_number as string,
  };
}

async function owners(meetingId: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${meetingId}/owners`, headers: org });
  return res.json() as {
    id: string;
    premiseNumber: string;
    lastName: string;
    firstName: string | null;
    middleName: string | null;
    shareNumerator: number;
    shareDenominator: number;
    titleDocument: string | null;
  }[];
}

async function paperBallot(meetingId: string, ownerId: string, answers: Record<string, string>, extra: object) {
  const mp = multipart(
    {
      ballot: JSON.stringify({
        ownerId,
        answers: Object.entries(answers).map(([questionId, answer]) => ({ questionId, answer })),
        ...extra,
      }),
    },
    [{ field: 'scan', filename: 'ballot.pdf', data: PDF }],
  );
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/org/meetings/${meetingId}/paper-ballots`,
    headers: { ...org, ...mp.headers },
    payload: mp.payload,
  });
}

async function validateAnswers(operations: string[]) {
  const set = await loadSchemaSet(OFFICIAL);
  const rows = await q(
    `SELECT operation, result_xml FROM gis_sim_messages WHERE operation = ANY($1) AND result_xml IS NOT NULL`,
    [operations],
  );
  expect(new Set(rows.map((r) => r.operation))).toEqual(new Set(operations));
  for (const r of rows) {
    const v = await validateElement(r.result_xml, set);
    expect(v.errors, `${r.operation}: ${r.result_xml.slice(0, 300)}`).toEqual([]);
  }
}

describe.skipIf(!present)('a meeting held in the state system', { timeout: 300_000 }, () => {
  let m: Awaited<ReturnType<typeof createAndAnnounce>>;

  it('places the notice (agenda, form, dates, place, administrator) and takes its identifier as the protocol number', async () => {
    m = await createAndAnnounce('Ремонт кровли (ГИС ЖКХ)');
    const [sent] = await q(
      `SELECT items FROM gis_sim_messages WHERE operation = 'importVotingMessage' AND result_xml IS NOT NULL AND items->0->'fields'->>'MessageNum' = $1`,
      [(await q(`SELECT number FROM meetings WHERE id = $1`, [m.id]))[0]!.number],
    );
    const fields = sent!.items[0].fields;
    expect(fields).toMatchObject({
      FIASHouseGUID: expect.any(String),
      VotingSystem: 'HCS',
      orgRootEntityGUID: expect.any(String),
      AdminAddress: expect.any(String),
      InfoReview: 'Материалы — в офисе управляющей организации и в ГИС ЖКХ',
    });
    expect(sent!.items[0].decisionList.map((d: { QuestionName: string }) => d.QuestionName)).toHaveLength(3);
    // Each question's type (НСИ 63, required for a meeting of owners): the book's «Иной вопрос» for the hub's own.
    expect(sent!.items[0].decisionList.map((d: { Code: string }) => d.Code)).toEqual(['5', '5', '5']);
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${m.id}`, headers: org })).json();
    expect(view.stateSystem).toMatchObject({
      votingSystem: 'state-system',
      noticeStatus: 'accepted',
      protocolNumber: m.number,
    });
  });

  it('refuses the hub’s own ballot: owners vote in the state system, the cabinet links there', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${m.id}/ballot`,
      headers: ivanov,
      payload: { answers: m.questions.map((x) => ({ questionId: x.id, answer: 'for' })) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('voting_in_state_system');
    const mine = (await t.app.inject({ method: 'GET', url: `/api/v1/me/meetings/${m.id}`, headers: ivanov })).json();
    expect(mine).toMatchObject({
      votingOpen: false,
      stateSystem: { votingSystem: 'state-system', voteUrl: expect.stringMatching(/^https:/) },
    });
  });

  it('places paper ballots as owners’ decisions with SNILS and the scan, one per question, through faults', async () => {
    const list = await owners(m.id);
    const petrov = list.find((o) => o.lastName === 'Петров' && o.premiseNumber === '13')!;
    const all = Object.fromEntries(m.questions.map((x) => [x.id, 'against']));
    const noSnils = await paperBallot(m.id, petrov.id, all, { titleRegisteredOn: '2018-04-02' });
    expect(noSnils.statusCode).toBe(422);
    expect(noSnils.json().code).toBe('snils_required');
    // Gateway trouble while the decisions go: half the calls fail (503 or EXP001000), each is still placed once.
    sim().faultRate = 0.5;
    sim().faults = ['503', 'EXP001000'];
    let ballotId = '';
    const started = Date.now();
    try {
      const res = await paperBallot(m.id, petrov.id, all, { snils: '112-233-445 95', titleRegisteredOn: '2018-04-02' });
      expect(res.statusCode, res.body).toBe(201);
      ballotId = res.json().id;
      await until('three decisions accepted', async () => {
        const [r] = await q(
          `SELECT count(*) FILTER (WHERE status = 'accepted')::int AS n FROM sync_items WHERE operation = 'importOwnerDecision' AND object_id = $1`,
          [res.json().id],
        );
        return r!.n === 3;
      });
    } finally {
      sim().faultRate = 0;
    }
    timings['paper ballot: 3 decisions placed (50% faults)'] = Date.now() - started;
    const decisions = await q(
      `SELECT question_number, owner, property, answer, votes::text, digital FROM gis_sim_decisions d
      JOIN gis_sim_votings v ON v.message_guid = d.message_guid WHERE v.message_guid = $1 ORDER BY question_number`,
      [m.guid],
    );
    expect(decisions).toHaveLength(3);
    expect(decisions[0]).toMatchObject({
      owner: { lastName: 'Петров', firstName: 'Сергей', snils: '11223344595' },
      property: { premisesNumber: '13', registrationDate: '2018-04-02', share: { n: 1, d: 2 } },
      answer: 'against',
      digital: false,
    });
    const [files] = await q(`SELECT count(*)::int AS n FROM gis_sim_files WHERE filename = 'ballot.pdf'`);
    expect(files!.n).toBe(1); // the scan went to the file store once, for all three decisions
    // This ballot's items only: the demo's own paper ballot may be placed meanwhile.
    const [objects] = await q(
      `SELECT count(*)::int AS n FROM gis_sim_objects o JOIN sync_items i ON i.transport_guid = o.transport_guid
        WHERE o.operation = 'importOwnerDecision' AND i.object_id = $1`,
      [ballotId],
    );
    expect(objects!.n).toBe(3);
  });

  it('reads decisions and the result back, counts exactly, shows the difference and places the protocol', async () => {
    const list = await owners(m.id);
    const premises = await q<{ number: string; area: string }>(
      `SELECT number, area::text FROM meeting_premises WHERE meeting_id = $1`,
      [m.id],
    );
    const area = new Map(premises.map((p) => [p.number, p.area]));
    // Thirty owners vote in the state system (co-owners of flats with shares), Петров's paper ballot is there already.
    const voters = list.filter((o) => o.lastName !== 'Петров' && o.firstName).slice(0, 34);
    const pattern = ['for', 'for', 'against', 'abstain', 'for'] as const;
    const cast = voters.map((o, i) => ({
      owner: { lastName: o.lastName, firstName: o.firstName!, middleName: o.middleName ?? undefined },
      property: {
        registrationNumber: o.titleDocument ?? '—',
        registrationDate: '2019-01-01',
        premisesNumber: o.premiseNumber,
        totalArea: area.get(o.premiseNumber)!,
        share: o.shareNumerator === o.shareDenominator ? null : { n: o.shareNumerator, d: o.shareDenominator },
      },
      answers: Object.fromEntries(m.questions.map((x, k) => [String(x.position), pattern[(i + k) % pattern.length]!])),
    }));
    const res = await fetch(`${t.baseUrl}/sandbox/gis/votings/${m.guid}/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ decisions: cast }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).decisions).toBe(voters.length * 3);
    // Voting ends; the state system draws up its protocol.
    expect((await fetch(`${t.baseUrl}/sandbox/gis/votings/${m.guid}/finish`, { method: 'POST' })).status).toBe(200);
    await q(`UPDATE meetings SET voting_ends_at = now() - interval '1 minute' WHERE id = $1`, [m.id]);

    const started = Date.now();
    const close = await t.app.inject({ method: 'POST', url: `/api/v1/org/meetings/${m.id}/close`, headers: org });
    expect(close.json()).toEqual({ closed: false, sha256: null, waitingFor: 'state_system' });
    await until('the meeting closed on the state system’s decisions', async () => {
      const [r] = await q(`SELECT status FROM meetings WHERE id = $1`, [m.id]);
      return r!.status === 'closed';
    });
    timings['close: decisions and result read back, counted'] = Date.now() - started;
    await until('the protocol placed', async () => {
      const [r] = await q(`SELECT protocol_status FROM gis_sim_votings WHERE message_guid = $1`, [m.guid]);
      return r!.protocol_status === 'Posted';
    });
    timings['close → protocol placed'] = Date.now() - started;
    await until('the hub read the placing back', async () => {
      const [r] = await q(
        `SELECT status FROM sync_items WHERE operation = 'importVotingProtocol' AND object_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [m.id],
      );
      return r?.status === 'accepted';
    });

    // The hub's count: Петров's paper ballot and every decision cast in the state system, each owner's votes exact.
    const byOwner = new Map(list.map((o) => [o.id, o]));
    const ballots = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${m.id}/ballots`, headers: org })
    ).json();
    expect(ballots.filter((b: { channel: string }) => b.channel === 'state_system')).toHaveLength(voters.length);
    expect(ballots.filter((b: { channel: string }) => b.channel === 'paper')).toHaveLength(1);
    const sums = m.questions.map(() => ({ for: fraction(0n), against: fraction(0n), abstain: fraction(0n) }));
    const stateSums = m.questions.map(() => ({ for: 0, against: 0, abstain: 0 }));
    for (const b of ballots) {
      const o = byOwner.get(b.ownerId)!;
      const v = ownerVotes(o, area.get(o.premiseNumber)!);
      const hundredths = Math.round(Number(toDecimal(v, 6)) * 100);
      m.questions.forEach((x, k) => {
        const a = b.answers[x.id] as 'for' | 'against' | 'abstain';
        sums[k]![a] = add(sums[k]![a], v) as Fraction;
        stateSums[k]![a] += hundredths;
      });
    }
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${m.id}`, headers: org })).json();
    const protocol = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${m.id}/protocol`, headers: org })
    ).json();
    expect(protocol.protocol.number).toBe(m.number);
    const results = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${m.id}/turnout`, headers: org })
    ).json().results;
    m.questions.forEach((_, k) => {
      expect(results[k].for.exact).toBe(toText(sums[k]!.for));
      expect(results[k].against.exact).toBe(toText(sums[k]!.against));
      expect(results[k].abstain.exact).toBe(toText(sums[k]!.abstain));
    });
    // Against the state system's result: each question's votes in hundredths of m², the difference hub − state.
    const cmp = view.stateSystem.comparison;
    m.questions.forEach((_, k) => {
      const state = (stateSums[k]!.for / 100).toFixed(2);
      expect(cmp.questions[k].for.stateSystem).toBe(state);
      expect(cmp.questions[k].for.difference).toBe(
        toDecimal(
          fraction(sums[k]!.for.n * 100n - BigInt(stateSums[k]!.for) * sums[k]!.for.d, sums[k]!.for.d * 100n),
          4,
        ),
      );
    });
    // The third question needs more than half of all votes; the state system, which knows no thresholds here,
    // decides by the participants' majority: an outcome the two may state differently is flagged, never merged.
    expect(cmp.questions[2].adopted.hub).toBe(results[2].adopted);
    expect(typeof cmp.matches).toBe('boolean');
    expect(view.stateSystem).toMatchObject({ protocolStatus: 'accepted', protocolGuid: expect.any(String) });
    expect(parseDecimal(cmp.questions[0].for.hub)).toBeTruthy();
    await validateAnswers([
      'importVotingMessage',
      'importOwnerDecision',
      'exportOwnerDecision',
      'exportVotingProtocol',
      'importVotingProtocol',
    ]);
  });
});

describe.skipIf(!present)(
  'a meeting in person and by paper ballots held in the state system',
  { timeout: 300_000 },
  () => {
    it('places the notice as MeetingAVoting, the paper decisions, and the hub’s protocol with its signed document', async () => {
      const management = agendaTemplate('management_method')!;
      const m = await createAndAnnounce('Капитальный ремонт лифтов (очно-заочное)', 'mixed', [
        ...QUESTIONS,
        { title: management.title, catalogueKey: management.key },
      ]);
      const [notice] = await q(
        `SELECT items FROM gis_sim_messages WHERE operation = 'importVotingMessage' AND result_xml IS NOT NULL ORDER BY received_at DESC LIMIT 1`,
      );
      expect(notice!.items[0].fields).toMatchObject({
        MeetingDate: expect.any(String),
        AVotingStartDate: expect.any(String),
      });
      const petrov = (await owners(m.id)).find((o) => o.lastName === 'Петров' && o.premiseNumber === '13')!;
      const answers = Object.fromEntries(m.questions.map((x, k) => [x.id, k === 1 ? 'against' : 'for']));
      // A catalogue question takes the book's element of its kind, the hub's own questions «Иной вопрос».
      expect(notice!.items[0].decisionList.map((d: { Code: string }) => d.Code)).toEqual(['5', '5', '5', '1']);
      const ballot = await paperBallot(m.id, petrov.id, answers, {
        snils: '112-233-445 95',
        titleRegisteredOn: '2018-04-02',
      });
      expect(ballot.statusCode, ballot.body).toBe(201);
      await until('the paper decisions placed', async () => {
        const [r] = await q(
          `SELECT count(*) FILTER (WHERE status = 'accepted')::int AS n FROM sync_items WHERE operation = 'importOwnerDecision' AND object_id = $1`,
          [ballot.json().id],
        );
        return r!.n === 4;
      });
      expect((await fetch(`${t.baseUrl}/sandbox/gis/votings/${m.guid}/finish`, { method: 'POST' })).status).toBe(200);
      await q(`UPDATE meetings SET voting_ends_at = now() - interval '1 minute' WHERE id = $1`, [m.id]);
      const started = Date.now();
      const close = await t.app.inject({ method: 'POST', url: `/api/v1/org/meetings/${m.id}/close`, headers: org });
      expect(close.json()).toMatchObject({ closed: false, waitingFor: 'state_system' });
      const [placed] = await until('the hub’s protocol placed with its document', async () => {
        const rows = await q(
          `SELECT protocol_status, protocol_guid::text, protocol FROM gis_sim_votings WHERE message_guid = $1 AND protocol ? 'document'`,
          [m.guid],
        );
        return rows[0]?.protocol_status === 'Posted' ? rows : undefined;
      });
      timings['paper meeting: close → protocol with document placed'] = Date.now() - started;

      const meeting = (
        await q(`SELECT protocol_file_id, gis_protocol_guid::text AS g FROM meetings WHERE id = $1`, [m.id])
      )[0]!;
      // The document is the PDF the hub drew up, uploaded to the file store once and named by its GUID and hash.
      const [uploaded] = await q(`SELECT attachment_guid::text AS guid, hash FROM gis_attachments WHERE file_id = $1`, [
        meeting.protocol_file_id,
      ]);
      expect(placed!.protocol.document).toMatchObject({
        guid: uploaded!.guid,
        hash: uploaded!.hash,
        name: `protocol-${m.number}.pdf`,
      });
      expect(placed!.protocol_guid).toBe(meeting.g); // over the version the state system drew up
      const results = (
        await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${m.id}/turnout`, headers: org })
      ).json();
      expect(placed!.protocol).toMatchObject({ number: m.number, quorum: results.quorumReached });
      expect(placed!.protocol.questions.map((x: { agree: string; against: string }) => [x.agree, x.against])).toEqual(
        results.results.map((r: { for: { votes: string }; against: { votes: string } }) => [
          r.for.votes,
          r.against.votes,
        ]),
      );
      const [sent] = await q(
        `SELECT m.items FROM gis_sim_messages m WHERE m.operation = 'importVotingProtocol' AND m.result_xml IS NOT NULL
          AND m.items->0->'fields'->>'ProtocolNum' = $1`,
        [m.number],
      );
      expect(sent!.items[0].fields).toMatchObject({
        Placing: 'true',
        MeetingEligibility: expect.stringMatching(/^[CN]$/),
      });
      expect(sent!.items[0].decisionList.map((d: { QuestionName: string }) => d.QuestionName)).toEqual([
        'Выбрать председателя и секретаря собрания',
        'Утвердить смету ремонта кровли',
        'Выбрать совет дома',
        'Выбор способа управления многоквартирным домом',
      ]);
      expect(sent!.items[0].nsiRefs.map((r: { code: string }) => r.code)).toEqual(['5', '5', '5', '1']);
      await validateAnswers(['importVotingProtocol', 'exportVotingProtocol']);
    });

    it('does not wait forever for a state-system version of a paper meeting’s protocol: an answer without one is final once voting ended', async () => {
      const { storeStateProtocols } = await import('../../src/meetings/state-system.js');
      const paper = await createAndAnnounce('Ремонт подъезда (очно-заочное, без версии ГИС)', 'mixed');
      const [fias] = await q(`SELECT fias_house_guid::text AS g FROM houses WHERE id = $1`, [house]);
      const readAt = async (id: string) =>
        (await q(`SELECT gis_protocol_read_at FROM meetings WHERE id = $1`, [id]))[0]!.gis_protocol_read_at;
      // Voting still runs: no answer is final yet.
      await storeStateProtocols(t.deps.db, t.deps.enqueue, DEMO.organisationId, fias!.g, [], new Date());
      expect(await readAt(paper.id)).toBeNull();
      await q(
        `UPDATE meetings SET voting_ends_at = now() - interval '1 minute', gis_decisions_read_at = now() WHERE id = $1`,
        [paper.id],
      );
      await storeStateProtocols(t.deps.db, t.deps.enqueue, DEMO.organisationId, fias!.g, [], new Date());
      expect(await readAt(paper.id)).not.toBeNull();
      // The close runs again (decisions are read) and draws the hub's protocol up without the state system's version.
      const [m] = await until('the paper meeting closed', async () => {
        const rows = await q(`SELECT status, gis_protocol_guid FROM meetings WHERE id = $1 AND status = 'closed'`, [
          paper.id,
        ]);
        return rows.length ? rows : undefined;
      });
      expect(m!.gis_protocol_guid).toBeNull();
    });

    it('the simulator refuses a protocol whose document is missing or unknown to its file store', async () => {
      const [v] = await q(
        `SELECT org_ppa_guid::text AS org, unique_number, fias_house_guid::text AS fias FROM gis_sim_votings
        WHERE data->>'form' = 'mixed' ORDER BY created_at DESC LIMIT 1`,
      );
      const item = (attachment?: string) => ({
        transportGuid: randomUUID(),
        fields: { ProtocolNum: v!.unique_number, ProtocolDate: '2027-01-11', FIASHouseGuid: v!.fias, Placing: 'true' },
        decisionList: [],
        ...(attachment
          ? {
              attachments: [attachment],
              files: [{ guid: attachment, name: 'protocol.pdf', description: 'Протокол', hash: '00' }],
            }
          : {}),
      });
      const [missingDoc, unknownDoc] = [
        ...(await processVoting(t.deps.db, 'importVotingProtocol', v!.org, [item()])),
        ...(await processVoting(t.deps.db, 'importVotingProtocol', v!.org, [item(randomUUID())])),
      ];
      expect(missingDoc).toMatchObject({ ok: false, code: 'INT002000' });
      // An agenda question whose type is not an element of НСИ 63.
      const guid = randomUUID();
      const [unknownType] = await processVoting(t.deps.db, 'importVotingProtocol', v!.org, [
        {
          ...item(),
          decisionList: [{ QuestionNumber: '1', QuestionName: 'Вопрос', Code: '5', GUID: guid }],
          nsiRefs: [{ ref: 'DecisionsType', code: '5', guid }],
        },
      ]);
      expect(unknownType).toMatchObject({
        ok: false,
        code: 'INT002000',
        description: expect.stringContaining('DecisionsType'),
      });
      expect(unknownDoc).toMatchObject({ ok: false, code: 'INT002000' });
    });
  },
);

describe.skipIf(!present)('a meeting voted in the hub as the region’s designated system', { timeout: 300_000 }, () => {
  it('places the notice naming the regional system and sends the protocol as another system’s, through faults', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/org/meeting-settings',
      headers: org,
      payload: {
        votingSystem: 'regional-system',
        regionalSystemName: 'Региональная система голосования «Домхаб»',
        regionalSystemUrl: 'https://domhub.example.ru/meetings',
        orgRootGuid: '00000000-0000-4000-8000-000000000810',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const m = await createAndAnnounce('Благоустройство двора (РИС)');
    const [sent] = await q(
      `SELECT items FROM gis_sim_messages WHERE operation = 'importVotingMessage' AND result_xml IS NOT NULL ORDER BY received_at DESC LIMIT 1`,
    );
    expect(sent!.items[0].fields).toMatchObject({
      VotingSystem: 'Regional',
      VotingSystemName: 'Региональная система голосования «Домхаб»',
    });
    const ballot = await t.app.inject({
      method: 'POST',
      url: `/api/v1/me/meetings/${m.id}/ballot`,
      headers: ivanov,
      payload: { answers: m.questions.map((x) => ({ questionId: x.id, answer: 'for' })) },
    });
    expect(ballot.statusCode, ballot.body).toBe(201);
    await q(`UPDATE meetings SET voting_ends_at = now() - interval '1 minute' WHERE id = $1`, [m.id]);
    sim().faultRate = 0.5;
    sim().faults = ['502', 'fault', 'EXP001000'];
    const started = Date.now();
    try {
      const close = await t.app.inject({ method: 'POST', url: `/api/v1/org/meetings/${m.id}/close`, headers: org });
      expect(close.json()).toMatchObject({ closed: true });
      await until('another system’s protocol placed', async () => {
        const [r] = await q(`SELECT protocol_status, protocol FROM gis_sim_votings WHERE message_guid = $1`, [m.guid]);
        return r!.protocol_status === 'Posted' ? r : undefined;
      });
    } finally {
      sim().faultRate = 0;
    }
    timings['regional: close → another system’s protocol placed (50% faults)'] = Date.now() - started;
    const [v] = await q(`SELECT protocol FROM gis_sim_votings WHERE message_guid = $1`, [m.guid]);
    const results = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/meetings/${m.id}/turnout`, headers: org })
    ).json();
    expect(v!.protocol).toMatchObject({ number: m.number, quorum: results.quorumReached });
    expect(v!.protocol.questions.map((x: { agree: string }) => x.agree)).toEqual(
      results.results.map((r: { for: { votes: string } }) => r.for.votes),
    );
    const [once] = await q(
      `SELECT count(*)::int AS n FROM gis_sim_objects WHERE operation = 'importExternalVotingProtocol'`,
    );
    expect(once!.n).toBe(1);
    const [file] = await q(
      `SELECT count(*)::int AS n FROM gis_sim_files f JOIN gis_attachments a ON a.attachment_guid = f.upload_id
         JOIN meetings m ON m.protocol_file_id = a.file_id WHERE m.id = $1`,
      [m.id],
    );
    expect(file!.n).toBe(1);
    await validateAnswers(['importExternalVotingProtocol']);
  });
});
