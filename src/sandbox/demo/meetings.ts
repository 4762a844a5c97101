import type { Db } from '../../db/pool.js';
import { createPgFileStore } from '../../files/pg-file-store.js';
import { createPdf, pdfToBuffer } from '../../pdf/document.js';
import type { FieldCipher } from '../../identity/crypto.js';
import { toDecimal, toText } from '../../meetings/fraction.js';
import * as repo from '../../meetings/meetings.repo.js';
import { upsertRegisterFromAccounts } from '../../meetings/register.repo.js';
import { closeMeeting, countMeeting } from '../../meetings/service.js';
import {
  markDecisionsRead,
  saveMeetingSettings,
  saveNoticeIdentifiers,
  saveStateProtocol,
} from '../../meetings/state-system.repo.js';
import { ownerVotes, type Answer } from '../../meetings/tally.js';
import { insertSyncItems } from '../../sync/outbox.repo.js';
import { noticeText } from '../../meetings/texts.js';
import { publishHouseNotice } from '../../news/service.js';
import { DEMO } from './core.js';
import { fullName } from '../../identity/names.js';
import { type AgendaKey, agendaTemplate } from '../../../contracts/meeting-agenda.js';

export const DEMO_MEETINGS = {
  open: '00000000-0000-4000-8000-000000000801',
  closed: '00000000-0000-4000-8000-000000000802',
  /** A draft for the staff console: agenda from the catalogue, a material, ready to be announced. */
  draft: '00000000-0000-4000-8000-000000000803',
  /** The demo organisation in the state system's register of organisations (orgRootEntityGUID). */
  orgRootGuid: '00000000-0000-4000-8000-000000000810',
  /** The closed meeting's notice in the state system (placed before the demo's history begins). */
  closedNoticeGuid: '00000000-0000-4000-8000-000000000811',
};

const SURNAMES = [
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
];
const NAMES = ['Андрей', 'Елена', 'Дмитрий', 'Ольга', 'Сергей', 'Наталья', 'Алексей', 'Татьяна'];
const DAY = 86_400_000;

/**
 * The Moscow house's owners register (flats with accounts' owners from accounts, the other flats generated, every
 * seventh co-owned, flats 59–60 without known owners), one electronic meeting open now with a few
 * ballots (Иванов has not voted yet) and one closed meeting with its protocol.
 */
export async function seedMeetings(db: Db, cipher: FieldCipher) {
  const house = DEMO.houses.moscow;
  await db.query(
    `INSERT INTO owner_register (house_id, premise_id, last_name, first_name, middle_name, share_numerator, share_denominator, title_document, source)
     WITH flats AS MATERIALIZED (SELECT id, number::int AS n FROM premises WHERE house_id = $1 AND number ~ '^[0-9]{1,6}$')
     SELECT $1, p.id, g.last_name, g.first_name, 'Петрович', g.num, g.den, '77:06:0004001:' || (1000 + p.n) || '-77/011/2019-' || g.k, 'import'
       FROM flats p
       CROSS JOIN LATERAL (
         SELECT k, ($2::text[])[1 + (p.n * 7 + k) % 12] AS last_name, ($3::text[])[1 + (p.n + k) % 8] AS first_name,
                1 AS num, CASE WHEN p.n % 7 = 0 THEN 2 ELSE 1 END AS den
           FROM generate_series(1, CASE WHEN p.n % 7 = 0 THEN 2 ELSE 1 END) k
       ) g
      WHERE p.n BETWEEN 1 AND 60 AND p.n NOT IN (59, 60)
        -- flats whose owners the accounts already record come from upsertRegisterFromAccounts below
        AND NOT EXISTS (SELECT 1 FROM accounts a JOIN account_owners o ON o.account_id = a.id WHERE a.premise_id = p.id)
     ON CONFLICT DO NOTHING`,
    [house, SURNAMES, NAMES],
  );
  await upsertRegisterFromAccounts(db, house);
  // The demo organisation holds its meetings in the state system (ЖК РФ ст. 47.1 after 463-ФЗ).
  await saveMeetingSettings(
    db,
    DEMO.organisationId,
    {
      votingSystem: 'state-system',
      regionalSystemName: null,
      regionalSystemUrl: null,
      orgRootGuid: DEMO_MEETINGS.orgRootGuid,
    },
    true,
  );

  const now = Date.now();
  await seedMeeting(db, cipher, {
    id: DEMO_MEETINGS.open,
    number: `2/${new Date(now).getUTCFullYear()}`,
    title: 'Капитальный ремонт лифтов и выбор совета дома',
    announcedAt: new Date(now - 14 * DAY),
    startsAt: new Date(now - 2 * DAY),
    endsAt: new Date(now + 12 * DAY),
    voters: 0, // owners vote in the state system; their decisions are read back at the close
    close: false,
  });
  await seedMeeting(db, cipher, {
    id: DEMO_MEETINGS.closed,
    number: `1/${new Date(now - 60 * DAY).getUTCFullYear()}`,
    title: 'Утверждение плана текущего ремонта',
    announcedAt: new Date(now - 60 * DAY),
    startsAt: new Date(now - 45 * DAY),
    endsAt: new Date(now - 30 * DAY),
    voters: 40,
    close: true,
  });
  await seedConsoleExtras(db, cipher);
}

/**
 * What the staff console shows beyond the votes: in the open meeting a paper ballot with its scan and a
 * power of attorney waiting for the administrator's decision; a draft meeting with catalogue questions
 * and a material, dated so its notice can still be sent.
 */
async function seedConsoleExtras(db: Db, cipher: FieldCipher) {
  const files = createPgFileStore(db);
  const open = DEMO_MEETINGS.open;
  if ((await repo.listProxies(db, open)).length) return; // seeded already
  const owners = await repo.listMeetingOwners(db, open);
  const ballots = new Set((await repo.listBallots(db, open)).map((b) => b.ownerId));
  const free = owners.filter((o) => !o.personId && o.lastName !== 'Петров' && !ballots.has(o.id));
  const paper = free.at(-1);
  const represented = free.at(-2);
  const now = Date.now();
  if (paper) {
    const questions = await repo.listQuestions(db, open);
    const scan = await files.put({
      filename: `reshenie-kv-${paper.premiseNumber}.pdf`,
      contentType: 'application/pdf',
      data: await ballotScanPdf(
        fullName(paper),
        paper.premiseNumber,
        questions.map((q) => q.title),
      ),
      createdBy: 'demo',
    });
    await repo.insertBallot(db, {
      meetingId: open,
      ownerId: paper.id,
      channel: 'paper',
      voterName: fullName(paper),
      voterPersonId: null,
      proxyId: null,
      titleDocument: paper.titleDocument,
      // The meeting is held in the state system: the decision states SNILS and the title's registration.
      snilsEnc: cipher.encrypt('11223344595'),
      titleRegisteredOn: '2019-06-14',
      votes: toText(ownerVotes(paper, paper.area)),
      answers: Object.fromEntries(questions.map((q, i) => [q.id, i === 2 ? 'against' : 'for'])),
      scanFileId: scan.id,
      enteredBy: DEMO.staff.personId,
      castAt: new Date(now - DAY),
    });
    const [ballot] = (await repo.listBallots(db, open)).filter((b) => b.ownerId === paper.id);
    // Its decisions go to the state system once the notice is placed there (one per question).
    if (ballot)
      await insertSyncItems(
        db,
        questions.map((q) => ({
          organisationId: DEMO.organisationId,
          operation: 'importOwnerDecision',
          objectType: 'meeting_ballot',
          objectId: ballot.id,
          revision: q.position,
        })),
      );
  }
  if (represented) {
    const doc = await createPdf({ title: 'Доверенность' });
    doc.font('bold').fontSize(13).text('Доверенность', { align: 'center' }).moveDown();
    doc
      .font('regular')
      .fontSize(10)
      .text(
        `Я, ${fullName(represented)}, собственник помещения № ${represented.premiseNumber}, доверяю Кузнецовой Анне ` +
          'Павловне голосовать от моего имени на общем собрании собственников помещений дома.',
      );
    const file = await files.put({
      filename: 'doverennost.pdf',
      contentType: 'application/pdf',
      data: await pdfToBuffer(doc),
      createdBy: 'demo',
    });
    await repo.insertProxy(db, {
      meetingId: open,
      ownerId: represented.id,
      personId: null,
      name: 'Кузнецова Анна Павловна',
      fileId: file.id,
    });
  }

  if (await repo.findMeeting(db, DEMO_MEETINGS.draft)) return;
  await repo.insertMeeting(db, {
    id: DEMO_MEETINGS.draft,
    organisationId: DEMO.organisationId,
    houseId: DEMO.houses.moscow,
    number: `3/${new Date(now).getUTCFullYear()}`,
    title: 'Шлагбаум во дворе и аренда места на крыше',
    form: 'mixed',
    initiatorType: 'organisation',
    initiatorOwnerId: null,
    initiatorName: 'ООО «УК Домхаб»',
    administratorName: 'ООО «УК Домхаб»',
    chairName: null,
    secretaryName: null,
    counterNames: [],
    place: 'г. Москва, ул. Профсоюзная, д. 43, корп. 1, холл первого этажа',
    materialsInfo: 'в личном кабинете domhub и в офисе УК по будням с 9 до 18',
    inPersonAt: new Date(now + 14 * DAY),
    votingStartsAt: new Date(now + 14 * DAY),
    votingEndsAt: new Date(now + 35 * DAY),
    createdBy: 'demo',
  });
  const pick = (key: AgendaKey, proposal: string) => {
    const t = agendaTemplate(key)!;
    return { title: t.title, proposal, rule: t.rule, catalogueKey: key };
  };
  await repo.insertQuestions(
    db,
    DEMO_MEETINGS.draft,
    [
      pick('chair_secretary', 'Председатель — Иванов И. И., секретарь — Смирнова О. В.'),
      pick('land_plot', 'Установить шлагбаум при въезде во двор за счёт средств на содержание, 180 000 ₽'),
      pick('common_property_use', 'Сдать оператору связи место на крыше под антенну за 15 000 ₽ в месяц'),
    ].map((q, i) => ({ ...q, position: i + 1 })),
  );
  const scheme = await createPdf({ title: 'Схема размещения шлагбаума' });
  scheme.font('bold').fontSize(13).text('Схема размещения шлагбаума', { align: 'center' }).moveDown();
  scheme
    .font('regular')
    .fontSize(10)
    .text('Шлагбаум у въезда со стороны ул. Профсоюзной; ключи — по одному на квартиру.');
  const file = await files.put({
    filename: 'shlagbaum.pdf',
    contentType: 'application/pdf',
    data: await pdfToBuffer(scheme),
    createdBy: 'demo',
  });
  await repo.insertMaterial(db, DEMO_MEETINGS.draft, file.id, 'Схема размещения шлагбаума');
}

/** A ballot as a scan would show it: the owner, the premise and a mark per question. */
async function ballotScanPdf(owner: string, premise: string, questions: string[]): Promise<Buffer> {
  const doc = await createPdf({ title: 'Решение собственника' });
  doc.font('bold').fontSize(13).text('Решение собственника помещения', { align: 'center' }).moveDown();
  doc.font('regular').fontSize(10).text(`${owner}, помещение № ${premise}`).moveDown();
  for (const [i, q] of questions.entries()) doc.text(`${i + 1}. ${q} — ${i === 2 ? 'ПРОТИВ' : 'ЗА'}`);
  doc.moveDown().text('Подпись: ____________');
  return pdfToBuffer(doc);
}

async function seedMeeting(
  db: Db,
  cipher: FieldCipher,
  s: {
    id: string;
    number: string;
    title: string;
    announcedAt: Date;
    startsAt: Date;
    endsAt: Date;
    voters: number;
    close: boolean;
  },
) {
  if (await repo.findMeeting(db, s.id)) return;
  const house = DEMO.houses.moscow;
  await repo.insertMeeting(db, {
    id: s.id,
    organisationId: DEMO.organisationId,
    houseId: house,
    number: s.number,
    title: s.title,
    form: 'electronic',
    initiatorType: 'organisation',
    initiatorOwnerId: null,
    initiatorName: 'ООО «УК Домхаб»',
    administratorName: 'ООО «УК Домхаб»',
    chairName: 'Иванов Иван Иванович',
    secretaryName: 'Смирнова Ольга Викторовна',
    counterNames: ['Петрова Мария Сергеевна'],
    place: 'г. Москва, ул. Профсоюзная, д. 43, корп. 1, офис УК',
    materialsInfo: 'в личном кабинете domhub и в офисе УК по будням с 9 до 18',
    inPersonAt: null,
    votingStartsAt: s.startsAt,
    votingEndsAt: s.endsAt,
    createdBy: 'demo',
  });
  const rules = ['participants_majority', 'all_majority', 'two_thirds_all'] as const;
  await repo.insertQuestions(db, s.id, [
    {
      position: 1,
      title: 'Избрание председателя и секретаря собрания',
      proposal: 'Председатель — Иванов И. И., секретарь — Смирнова О. В.',
      rule: rules[0],
      catalogueKey: 'chair_secretary',
    },
    {
      position: 2,
      title: 'Избрание совета многоквартирного дома',
      proposal: 'Избрать совет дома из трёх собственников',
      rule: rules[1],
      catalogueKey: 'council',
    },
    {
      position: 3,
      title: 'Капитальный ремонт лифтов за счёт фонда капитального ремонта',
      proposal: 'Заменить два лифта в 2027 году',
      rule: rules[2],
      catalogueKey: 'capital_repair',
    },
  ]);
  await repo.snapshotRegister(db, s.id, house);
  const questions = await repo.listQuestions(db, s.id);
  const m = (await repo.findMeeting(db, s.id))!;
  const notice = noticeText({ ...m, questions });
  const newsId = await publishHouseNotice(db, {
    organisationId: DEMO.organisationId,
    title: notice.title,
    body: notice.body,
    houseIds: [house],
    publishAt: s.announcedAt,
    expiresAt: s.endsAt,
    createdBy: 'demo',
  });
  const owners = await repo.listMeetingOwners(db, s.id);
  const emails = await repo.ownerEmails(db, s.id);
  await repo.insertNotices(db, s.id, [
    ...owners.map((o) => ({ ownerId: o.id, channel: 'news' as const, address: null })),
    ...emails.map((e) => ({ ownerId: e.ownerId, channel: 'email' as const, address: e.email })),
  ]);
  await repo.markAnnounced(db, s.id, s.announcedAt, newsId, 'state-system');
  // The open meeting's notice goes to the state system (the demo's exchange places it within minutes).
  if (!s.close)
    await insertSyncItems(db, [
      { organisationId: DEMO.organisationId, operation: 'importVotingMessage', objectType: 'meeting', objectId: s.id },
    ]);
  if (!s.close) {
    // a material owners read before voting (ЖК РФ ст. 45 ч. 5), downloadable in the cabinet
    const data = await estimatePdf();
    const file = await createPgFileStore(db).put({
      filename: 'smeta-lifty.pdf',
      contentType: 'application/pdf',
      data,
      createdBy: 'demo',
    });
    await repo.insertMaterial(db, s.id, file.id, 'Смета на замену лифтов');
  }
  // Generated owners vote (Иванов, Петрова and Петров are left to vote themselves in the open meeting).
  const voters = owners.filter((o) => !o.personId && o.lastName !== 'Петров').slice(0, s.voters);
  const pattern: Answer[] = ['for', 'for', 'against', 'for', 'abstain'];
  for (const [i, o] of voters.entries()) {
    await repo.insertBallot(db, {
      meetingId: s.id,
      ownerId: o.id,
      channel: 'state_system', // decisions cast in the state system, read back at the close
      voterName: fullName(o),
      voterPersonId: null,
      proxyId: null,
      titleDocument: o.titleDocument,
      snilsEnc: null,
      votes: toText(ownerVotes(o, o.area)),
      answers: Object.fromEntries(questions.map((q, k) => [q.id, pattern[(i + k) % pattern.length]!])),
      scanFileId: null,
      enteredBy: null,
      castAt: new Date(s.startsAt.getTime() + (i + 1) * 3_600_000),
    });
  }
  if (s.close) {
    // History: the notice was placed, the decisions and the state system's result were read back.
    await saveNoticeIdentifiers(db, [
      { meetingId: s.id, guid: DEMO_MEETINGS.closedNoticeGuid, number: '4523-0001-7781' },
    ]);
    const { tally: counted } = await countMeeting(db, s.id);
    await saveStateProtocol(
      db,
      s.id,
      DEMO_MEETINGS.closedNoticeGuid.replace(/811$/, '812'),
      {
        protocolNumber: '4523-0001-7781',
        quorum: counted.quorum,
        status: 'Created',
        questions: counted.questions.map((q, k) => ({
          number: k + 1,
          agree: toDecimal(q.for, 2),
          against: toDecimal(q.against, 2),
          abstain: toDecimal(q.abstain, 2),
          adopted: q.adopted,
        })),
      },
      new Date(s.endsAt.getTime() + 30_000),
    );
    await markDecisionsRead(db, s.id, new Date(s.endsAt.getTime() + 30_000));
    await closeMeeting(
      db,
      { enqueue: async () => null, files: createPgFileStore(db), cipher },
      s.id,
      new Date(s.endsAt.getTime() + 60_000),
      { notify: false, sync: false },
    ); // demo history: nothing to send or export
  }
}

async function estimatePdf(): Promise<Buffer> {
  const doc = await createPdf({ title: 'Смета на замену лифтов' });
  doc.font('bold').fontSize(13).text('Смета на замену двух пассажирских лифтов', { align: 'center' }).moveDown();
  doc.font('regular').fontSize(10);
  for (const line of [
    'Демонтаж двух лифтов грузоподъёмностью 400 кг — 410 000,00 ₽',
    'Поставка двух лифтов (9 остановок) — 5 840 000,00 ₽',
    'Монтаж, пусконаладка, техническое освидетельствование — 1 230 000,00 ₽',
    'Итого за счёт фонда капитального ремонта — 7 480 000,00 ₽',
  ])
    doc.text(line);
  return pdfToBuffer(doc);
}
