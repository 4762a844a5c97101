// A building of 2,000 premises and 5,000 owners (co-ownership shares down to 1/12), 10 questions, 70% of
// owners voted. Times: computing the results from the database, drawing up the protocol (JSON, SHA-256,
// PDF with all attachments), and the whole close. Baseline in the same run: the same count in floats.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.js';
import { createPool } from '../src/db/pool.js';
import { createPgFileStore } from '../src/files/pg-file-store.js';
import { createFieldCipher } from '../src/identity/crypto.js';
import { toText } from '../src/meetings/fraction.js';
import * as repo from '../src/meetings/meetings.repo.js';
import { saveNoticeIdentifiers } from '../src/meetings/state-system.repo.js';
import { buildProtocol, canonicalJson, renderProtocolPdf, sha256Hex } from '../src/meetings/protocol.js';
import { withTransaction } from '../src/db/pool.js';
import { closeMeeting, countMeeting } from '../src/meetings/service.js';
import { publishHouseNotice } from '../src/news/service.js';
import { describeTally, ownerVotes, tally, type Answer } from '../src/meetings/tally.js';
import { benchDatabase } from './_database.js';

const PREMISES = 2000;
const QUESTIONS = 10;

const database = await benchDatabase();
const { url } = database;
const pool = createPool(url, 4);
const config = loadConfig({ NODE_ENV: 'test', SANDBOX: 'true', DATABASE_URL: url });
const cipher = createFieldCipher(config.encryptionKeys);
const ports = { enqueue: async () => null, files: createPgFileStore(pool), cipher };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time<T>(runs: number, fn: () => Promise<T> | T) {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), last: last as T };
}

try {
  const inn = String(7_700_000_000 + Math.floor(Math.random() * 99_999_999)).slice(0, 10);
  const orgId = (
    await pool.query(`INSERT INTO organisations (name, inn) VALUES ('ООО «Бенч»', $1) RETURNING id`, [inn])
  ).rows[0].id;
  const houseId = (
    await pool.query(
      `INSERT INTO houses (region, house_number, full_address, timezone, organisation_id) VALUES ('г. Москва', '1', 'г. Москва, ул. Бенчмарк, д. 1', 'Europe/Moscow', $1) RETURNING id`,
      [orgId],
    )
  ).rows[0].id;
  await pool.query(
    `INSERT INTO premises (house_id, number, area) SELECT $1, n::text, (30 + (n * 7919 % 9000) / 100.0)::numeric(10,2) FROM generate_series(1, $2) n`,
    [houseId, PREMISES],
  );
  // 1–1000: one owner; 1001–1500: two halves; 1501–2000: six owners 1/3, 1/6, 1/6, 1/12, 1/12, 1/6 → 5,000 owners
  await pool.query(
    `INSERT INTO owner_register (house_id, premise_id, last_name, first_name, share_numerator, share_denominator, title_document, source)
     SELECT $1, p.id, 'Собственник' || p.number || '_' || s.k, 'Имя', s.num, s.den, '77:00:' || p.number || '-' || s.k, 'import'
       FROM premises p
       JOIN LATERAL (
         SELECT * FROM (VALUES (1, 1, 1, 1), (2, 1, 1, 2), (2, 2, 1, 2),
                               (3, 1, 1, 3), (3, 2, 1, 6), (3, 3, 1, 6), (3, 4, 1, 12), (3, 5, 1, 12), (3, 6, 1, 6)) v(grp, k, num, den)
          WHERE v.grp = CASE WHEN p.number::int <= 1000 THEN 1 WHEN p.number::int <= 1500 THEN 2 ELSE 3 END
       ) s ON true
      WHERE p.house_id = $1`,
    [houseId],
  );
  const start = new Date(Date.now() - 20 * 86_400_000);
  const meetingId = await repo.insertMeeting(pool, {
    organisationId: orgId,
    houseId,
    number: '1/2026',
    title: 'Бенчмарк',
    form: 'electronic',
    initiatorType: 'organisation',
    initiatorOwnerId: null,
    initiatorName: 'ООО «Бенч»',
    administratorName: 'ООО «Бенч»',
    chairName: 'Председатель',
    secretaryName: 'Секретарь',
    counterNames: ['Счётчик'],
    place: 'офис',
    materialsInfo: 'в системе',
    inPersonAt: null,
    votingStartsAt: start,
    votingEndsAt: new Date(Date.now() - 60_000),
    createdBy: 'bench',
  });
  await repo.insertQuestions(
    pool,
    meetingId,
    Array.from({ length: QUESTIONS }, (_, i) => ({
      position: i + 1,
      title: `Вопрос ${i + 1}`,
      proposal: 'Предложение',
      rule: (['participants_majority', 'all_majority', 'two_thirds_all'] as const)[i % 3]!,
    })),
  );
  await repo.snapshotRegister(pool, meetingId, houseId);
  const newsId = await publishHouseNotice(pool, {
    organisationId: orgId,
    title: 'Сообщение',
    body: 'текст',
    houseIds: [houseId],
    publishAt: start,
    expiresAt: null,
    createdBy: 'bench',
  });
  await repo.markAnnounced(pool, meetingId, new Date(start.getTime() - 11 * 86_400_000), newsId, 'regional-system');
  // The notice as the state system placed it: its identifier numbers the protocol (Приказ № 266/пр).
  await saveNoticeIdentifiers(pool, [{ meetingId, guid: randomUUID(), number: '7700000001-2026-00001' }]);
  const owners = await repo.listMeetingOwners(pool, meetingId);
  await repo.insertNotices(
    pool,
    meetingId,
    owners.map((o) => ({ ownerId: o.id, channel: 'news', address: null })),
  );
  const questions = await repo.listQuestions(pool, meetingId);
  const voters = owners.filter((_, i) => (i * 7) % 10 < 7); // 70%
  const answers = ['for', 'for', 'against', 'abstain', 'for'] as const;
  await pool.query(
    `INSERT INTO meeting_ballots (meeting_id, owner_id, channel, voter_name, title_document, votes, answers, cast_at)
     SELECT $1, o, 'electronic', n, d, v, a::jsonb, $6 FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $7::text[]) x(o, n, d, v, a)`,
    [
      meetingId,
      voters.map((o) => o.id),
      voters.map((o) => o.lastName),
      voters.map((o) => o.titleDocument),
      voters.map((o) => toText(ownerVotes(o, o.area))),
      new Date(start.getTime() + 3_600_000),
      voters.map((_, i) =>
        JSON.stringify(Object.fromEntries(questions.map((q, k) => [q.id, answers[(i + k) % answers.length]]))),
      ),
    ],
  );
  console.log(
    `building: ${PREMISES} premises, ${owners.length} owners, ${QUESTIONS} questions, ${voters.length} ballots`,
  );

  const results = await time(5, async () => describeTally((await countMeeting(pool, meetingId)).tally));
  const data = {
    premises: await repo.listMeetingPremises(pool, meetingId),
    owners: await repo.listMeetingOwners(pool, meetingId),
    questions,
    ballots: await repo.listBallots(pool, meetingId),
  };
  const pureTally = await time(5, () =>
    describeTally(
      tally({
        premises: data.premises,
        owners: data.owners,
        questions: data.questions,
        ballots: data.ballots.map((b) => ({ ownerId: b.ownerId, answers: b.answers as Record<string, Answer> })),
      }),
    ),
  );
  // Baseline: the same count in float64, as a naive implementation would do it.
  const floatTally = await time(5, () => {
    const area = new Map(data.premises.map((p) => [p.id, Number(p.area)]));
    const votes = new Map(
      data.owners.map((o) => [o.id, (o.shareNumerator / o.shareDenominator) * area.get(o.premiseId)!]),
    );
    const sums = data.questions.map(() => ({ for: 0, against: 0, abstain: 0 }));
    let part = 0;
    for (const b of data.ballots) {
      const v = votes.get(b.ownerId)!;
      part += v;
      data.questions.forEach((q, i) => {
        const a = b.answers[q.id];
        if (a && a !== 'invalid') sums[i]![a] += v;
      });
    }
    return { part, sums };
  });
  const meeting = (await repo.findMeeting(pool, meetingId))!;
  const notices = await repo.listNotices(pool, meetingId);
  const buildJson = () => {
    const p = buildProtocol({
      meeting,
      ...data,
      tally: tally({
        ...data,
        ballots: data.ballots.map((b) => ({ ownerId: b.ownerId, answers: b.answers as Record<string, Answer> })),
      }),
      notices,
      proxies: [],
      materials: [],
      drawnUpAt: new Date(),
      ballots: data.ballots.map((b) => ({ ...b, snilsMasked: null })),
    });
    return { p, sha: sha256Hex(canonicalJson(p)) };
  };
  const json = await time(3, buildJson);
  const protocol = await time(3, async () => {
    const p = buildProtocol({
      meeting,
      ...data,
      tally: tally({
        ...data,
        ballots: data.ballots.map((b) => ({ ownerId: b.ownerId, answers: b.answers as Record<string, Answer> })),
      }),
      notices,
      proxies: [],
      materials: [],
      drawnUpAt: new Date(),
      ballots: data.ballots.map((b) => ({ ...b, snilsMasked: null })),
    });
    const sha = sha256Hex(canonicalJson(p));
    return renderProtocolPdf(p, sha);
  });
  const close = await time(1, () =>
    withTransaction(pool, (tx) => closeMeeting(tx, ports, meetingId, new Date(), { notify: false })),
  );
  if (!close.last.closed) throw new Error('meeting did not close');

  console.log(
    `baseline float tally (in memory): ${floatTally.ms.toFixed(1)} ms; exact BigInt tally (in memory): ${pureTally.ms.toFixed(1)} ms (${(pureTally.ms / floatTally.ms).toFixed(1)}× the float baseline)`,
  );
  console.log(
    `results (load register + ballots from PostgreSQL, exact tally): ${results.ms.toFixed(1)} ms (target < 200 ms)`,
  );
  console.log(
    `protocol JSON + SHA-256 alone: ${json.ms.toFixed(0)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.log(
    `protocol (JSON + SHA-256 + PDF ${(protocol.last.length / 1024).toFixed(0)} KiB): ${protocol.ms.toFixed(0)} ms (target < 3000 ms)`,
  );
  console.log(`close (count, protocol, file, news, audit, sync in one transaction): ${close.ms.toFixed(0)} ms`);
  console.log(
    `meeting-tally: results ${results.ms.toFixed(0)} ms, protocol ${protocol.ms.toFixed(0)} ms, close ${close.ms.toFixed(0)} ms for ${owners.length} owners`,
  );
} finally {
  await pool.end();
  await database.close();
}
