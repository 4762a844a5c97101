import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { GIS_ERRORS, NS, type GisOperationName } from '../../../contracts/gis/operations.js';
import type { SqlExecutor } from '../../../contracts/ports.js';
import type { AppDeps } from '../../deps.js';
import { knownNsiRef } from './nsi.js';
import { attachmentHashMismatch, type AttachmentHashing, hashRefusal, type SimAttachment } from './file-store.js';
import { leafXml as leaf, type SimItemResult } from './results.js';

// General meetings in the simulator: it holds each notice it was given (its identifier numbers the
// protocol), takes owners' paper decisions, lets owners "vote in the state system" on demand (a sandbox
// route, for tests and the demo), draws up the protocol from the decisions once voting has ended (or on
// demand), places it, and takes another system's protocol for a meeting voted in a regional system.

const VOTING_IMPORTS = [
  'importVotingMessage',
  'importOwnerDecision',
  'importVotingProtocol',
  'importExternalVotingProtocol',
];
export const isVotingImport = (op: GisOperationName) => VOTING_IMPORTS.includes(op);

/** An item of a request as the simulator parsed it (simulator.ts): its leaves, lists and attachments. */
interface Item {
  transportGuid: string;
  fields: Record<string, string>;
  nsiRefs?: { ref: string; code: string; guid: string }[];
  decisionList?: Record<string, string>[];
  attachments?: string[];
  files?: SimAttachment[];
  hashedBy?: AttachmentHashing;
}

// biome-ignore lint/suspicious/noExplicitAny: the simulator's rows, read loosely
type Row = Record<string, any>;
const text = (el: Element | undefined) => el?.textContent?.trim() ?? '';

/** The parts of an item the flat fields lose: a meeting's DecisionList entries and every attachment (GUID, name, hash). */
export function votingParts(item: Element): Pick<Item, 'decisionList' | 'attachments' | 'files'> {
  const lists = item.getElementsByTagNameNS(NS.hm, 'DecisionList');
  const decisionList: Record<string, string>[] = [];
  for (let i = 0; i < lists.length; i++) {
    const leaves: Record<string, string> = {};
    const all = lists[i]!.getElementsByTagName('*');
    for (let j = 0; j < all.length; j++)
      if (all[j]!.childNodes.length === 1 && all[j]!.firstChild!.nodeType === 3)
        leaves[all[j]!.localName!] ??= text(all[j]);
    decisionList.push(leaves);
  }
  const guids = item.getElementsByTagNameNS(NS.base, 'AttachmentGUID');
  const attachments = Array.from({ length: guids.length }, (_, i) => text(guids[i]).toLowerCase());
  // Each base:AttachmentType as sent (its name, description and hash), recorded with what it is attached to.
  const files = Array.from({ length: guids.length }, (_, i): SimAttachment => {
    const type = guids[i]!.parentNode?.parentNode as Element | null;
    const child = (name: string) => {
      for (let n = type?.firstChild; n; n = n.nextSibling)
        if (n.nodeType === 1 && (n as Element).localName === name) return text(n as Element);
      return '';
    };
    return {
      guid: attachments[i]!,
      name: child('Name'),
      description: child('Description'),
      hash: child('AttachmentHASH'),
    };
  });
  return {
    ...(decisionList.length ? { decisionList } : {}),
    ...(attachments.length ? { attachments, files } : {}),
  };
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const refused = (t: string, what: string): SimItemResult => ({
  transportGuid: t,
  ok: false,
  code: GIS_ERRORS.notFound,
  description: `${what} не найден(о)`,
});
const ok = (t: string, guid: string, uniqueNumber?: string): SimItemResult => ({
  transportGuid: t,
  ok: true,
  guid,
  uniqueNumber,
  updateDate: new Date().toISOString(),
});

/** Each item once per TransportGUID (a resend gets the first answer), decided by its operation. */
export async function processVoting(db: SqlExecutor, op: GisOperationName, org: string, items: Item[]) {
  const results: SimItemResult[] = [];
  for (const item of items) {
    const t = item.transportGuid.toLowerCase();
    const { rows: prior } = await db.query(
      `UPDATE gis_sim_objects SET times_received = times_received + 1 WHERE transport_guid = $1 RETURNING *`,
      [t],
    );
    if (prior[0]) {
      results.push(ok(t, prior[0].object_guid, prior[0].unique_number || undefined));
      continue;
    }
    const known = item.attachments?.length
      ? (
          await db.query(
            `SELECT upload_id::text AS g FROM gis_sim_files WHERE org_ppa_guid = $1 AND upload_id = ANY($2::uuid[])`,
            [org, item.attachments],
          )
        ).rows.length
      : 0;
    const badHash =
      known < (item.attachments?.length ?? 0)
        ? undefined
        : await attachmentHashMismatch(db, org, item.files ?? [], item.hashedBy ?? 'gost');
    // A meeting of owners names each question's type (НСИ 63), an element of the book.
    const unknownRef = item.nsiRefs?.find((n) => !knownNsiRef(n.ref, n.code, n.guid));
    const untyped =
      (op === 'importVotingMessage' || (op === 'importVotingProtocol' && item.fields.ProtocolDate)) &&
      item.decisionList?.some((d) => !d.GUID);
    const r =
      known < (item.attachments?.length ?? 0)
        ? refused(t, 'Вложение в файловом хранилище')
        : badHash
          ? hashRefusal(t, badHash)
          : unknownRef
            ? refused(t, `Элемент справочника (${unknownRef.ref}) с кодом ${unknownRef.code}`)
            : untyped
              ? refused(t, 'Тип вопроса (НСИ 63) вопроса повестки')
              : await processOne(db, op, org, t, item);
    if (r.ok)
      await db.query(
        `INSERT INTO gis_sim_objects (transport_guid, operation, org_ppa_guid, object_guid, unique_number) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (transport_guid) DO NOTHING`,
        [t, op, org, r.guid, r.uniqueNumber ?? ''],
      );
    results.push(r);
  }
  return results;
}

async function voting(db: SqlExecutor, org: string, messageGuid: string | undefined): Promise<Row | undefined> {
  if (!messageGuid) return undefined;
  const { rows } = await db.query(
    `SELECT * FROM gis_sim_votings WHERE message_guid::text = lower($1) AND org_ppa_guid = $2`,
    [messageGuid, org],
  );
  return rows[0];
}

async function processOne(
  db: SqlExecutor,
  op: GisOperationName,
  org: string,
  t: string,
  item: Item,
): Promise<SimItemResult> {
  const f = item.fields;
  if (op === 'importVotingMessage') {
    const fias = (f.FIASHouseGUID ?? '').toLowerCase();
    const { rows: houses } = await db.query(`SELECT 1 FROM gis_sim_houses WHERE fias_house_guid::text = $1`, [fias]);
    if (!houses.length) return refused(t, 'Дом');
    const form = f.EVotingDateBegin
      ? 'electronic'
      : f.MeetingDate && f.AVotingStartDate
        ? 'mixed'
        : f.AVotingStartDate
          ? 'ballots'
          : 'in_person';
    const data = {
      form,
      begin: f.EVotingDateBegin ?? f.AVotingStartDate ?? f.MeetingDate,
      end: f.EVotingDateEnd ?? f.AVotingEndDate ?? f.MeetingDate,
      meetingDate: f.MeetingDate,
      place: f.ResolutionPlace ?? f.VotingPlace ?? f.AdminAddress ?? '—',
      infoReview: f.InfoReview,
      votingSystem: f.VotingSystem ?? 'HCS',
      votingSystemName: f.VotingSystemName,
      questions: (item.decisionList ?? []).map((d, i) => ({
        number: Number(d.QuestionNumber ?? i + 1),
        name: d.QuestionName ?? '',
      })),
    };
    if (f.MessageGUID) {
      const v = await voting(db, org, f.MessageGUID);
      if (!v) return refused(t, 'Сообщение о проведении ОСС');
      await db.query(`UPDATE gis_sim_votings SET data = $2 WHERE message_guid = $1`, [
        v.message_guid,
        JSON.stringify(data),
      ]);
      return ok(t, v.message_guid, v.unique_number);
    }
    const guid = randomUUID();
    const number = `${digits(4)}-${digits(4)}-${digits(4)}`;
    await db.query(
      `INSERT INTO gis_sim_votings (message_guid, org_ppa_guid, fias_house_guid, unique_number, data) VALUES ($1, $2, $3, $4, $5)`,
      [guid, org, fias, number, JSON.stringify(data)],
    );
    return ok(t, guid, number);
  }
  if (op === 'importOwnerDecision') {
    const v = await voting(db, org, f.MessageGUID);
    if (!v) return refused(t, 'Сообщение о проведении ОСС');
    const number = Number(f.QuestionNumber);
    if (!v.data.questions.some((q: { number: number }) => q.number === number)) return refused(t, 'Вопрос повестки');
    const answer = f.OwnerAgree ? 'for' : f.OwnerAgainst ? 'against' : 'abstain';
    const owner = { lastName: f.Surname, firstName: f.FirstName, middleName: f.Patronymic, snils: f.SNILS };
    const property = {
      registrationNumber: f.RegistrationNumber,
      registrationDate: f.RegistrationDate,
      premisesNumber: f.PremisesNum,
      totalArea: f.TotalArea,
      share: f.Numerator ? { n: Number(f.Numerator), d: Number(f.Denumerator) } : null,
    };
    const root = f.RootOwnerDecisionGUID?.toLowerCase();
    if (root) {
      const { rowCount } = await db.query(
        `UPDATE gis_sim_decisions SET question_number = $2, owner = $3, property = $4, answer = $5,
                votes = round($6::numeric * $7 / $8, 2) WHERE root_guid::text = $1 AND message_guid = $9`,
        [
          root,
          number,
          owner,
          property,
          answer,
          f.TotalArea,
          property.share?.n ?? 1,
          property.share?.d ?? 1,
          v.message_guid,
        ],
      );
      return rowCount ? ok(t, root) : refused(t, 'Решение собственника');
    }
    const guid = randomUUID();
    // The state system counts a decision's votes as the premise's area × the share, in hundredths of m².
    await db.query(
      `INSERT INTO gis_sim_decisions (root_guid, message_guid, question_number, owner, property, answer, votes)
       VALUES ($1, $2, $3, $4, $5, $6, round($7::numeric * $8 / $9, 2))`,
      [
        guid,
        v.message_guid,
        number,
        owner,
        property,
        answer,
        f.TotalArea,
        property.share?.n ?? 1,
        property.share?.d ?? 1,
      ],
    );
    return ok(t, guid);
  }
  if (op === 'importVotingProtocol' && f.ProtocolDate) return placeProtocol(db, org, t, item);
  if (op === 'importVotingProtocol') {
    const { rows } = await db.query(
      `UPDATE gis_sim_votings SET protocol_status = 'Posted', status = 'Finished' WHERE protocol_guid::text = lower($1) AND org_ppa_guid = $2 RETURNING *`,
      [f.ProtocolGUID ?? '', org],
    );
    return rows[0] ? ok(t, rows[0].protocol_guid, rows[0].unique_number) : refused(t, 'Протокол ОСС');
  }
  // importExternalVotingProtocol: only for a meeting whose notice named another system.
  const v = await voting(db, org, f.MessageGUID);
  if (!v || v.data.votingSystem === 'HCS') return refused(t, 'Сообщение о проведении ОСС в иной системе');
  const protocol = {
    number: f.ProtocolNum,
    date: f.ProtocolDate,
    quorum: f.MeetingEligibility === 'C',
    questions: (item.decisionList ?? []).map((d) => ({
      number: Number(d.QuestionNumber),
      name: v.data.questions.find((q: { number: number }) => q.number === Number(d.QuestionNumber))?.name ?? '',
      agree: d.Agree,
      against: d.Against,
      abstain: d.Abstent,
      adopted: d.VotingResume === 'M',
    })),
  };
  const guid = randomUUID();
  await db.query(
    `UPDATE gis_sim_votings SET protocol_guid = $2, protocol_root = $3, protocol_status = 'Posted', status = 'Finished', protocol = $4 WHERE message_guid = $1`,
    [v.message_guid, guid, randomUUID(), JSON.stringify(protocol)],
  );
  return ok(t, guid, v.unique_number);
}

/**
 * The organisation's protocol of a meeting held in the state system (Protocol with Placing): its notice is
 * found by the version it replaces or by its number (the notice's identifier), the agenda must be the notice's,
 * and the signed document must be attached (uploaded to the file store first); it is placed at once.
 */
async function placeProtocol(db: SqlExecutor, org: string, t: string, item: Item): Promise<SimItemResult> {
  const f = item.fields;
  const { rows } = f.ProtocolGUID
    ? await db.query(`SELECT * FROM gis_sim_votings WHERE protocol_guid::text = lower($1) AND org_ppa_guid = $2`, [
        f.ProtocolGUID,
        org,
      ])
    : await db.query(
        `SELECT * FROM gis_sim_votings WHERE unique_number = $1 AND fias_house_guid::text = lower($2) AND org_ppa_guid = $3`,
        [f.ProtocolNum ?? '', f.FIASHouseGuid ?? '', org],
      );
  const v = rows[0];
  if (!v) return refused(t, f.ProtocolGUID ? 'Протокол ОСС' : 'Сообщение о проведении ОСС');
  // A meeting voted in the state system has the protocol the system drew up: it is placed, not imported.
  if (v.data.form === 'electronic' || v.data.votingSystem !== 'HCS')
    return refused(t, 'Сообщение о проведении ОСС в форме очного, заочного или очно-заочного голосования');
  const document = item.files?.[0];
  if (!document) return refused(t, 'Вложение (документ протокола ОСС)');
  if (v.protocol_status === 'Posted' && !f.Modification) return refused(t, 'Протокол ОСС в статусе «Создан»');
  const list = item.decisionList ?? [];
  const agenda = v.data.questions as { number: number; name: string }[];
  if (
    list.length !== agenda.length ||
    list.some((d) => !agenda.some((q) => q.number === Number(d.QuestionNumber) && q.name === d.QuestionName))
  )
    return refused(t, 'Вопрос повестки');
  const protocol = {
    number: f.ProtocolNum,
    date: f.ProtocolDate,
    quorum: f.MeetingEligibility === 'C',
    questions: list.map((d) => ({
      number: Number(d.QuestionNumber),
      name: d.QuestionName,
      agree: d.Agree,
      against: d.Against,
      abstain: d.Abstent,
      adopted: d.votingResume === 'M',
    })),
    file: document.guid,
    document,
  };
  const guid = v.protocol_guid ?? randomUUID();
  await db.query(
    `UPDATE gis_sim_votings SET protocol_guid = $2, protocol_root = coalesce(protocol_root, $3), protocol_status = 'Posted',
            status = 'Finished', protocol = $4 WHERE message_guid = $1`,
    [v.message_guid, guid, randomUUID(), JSON.stringify(protocol)],
  );
  return ok(t, guid, v.unique_number);
}

interface SimDecision {
  owner: { lastName: string; firstName: string; middleName?: string; snils?: string };
  property: {
    registrationNumber?: string;
    registrationDate?: string;
    premisesNumber: string;
    totalArea: string;
    share: { n: number; d: number } | null;
  };
  answers: Record<string, 'for' | 'against' | 'abstain'>;
}

/** Owners vote in the state system: their decisions, cast there (IsDigitalDecision), one per question. */
export async function castSimDecisions(db: SqlExecutor, messageGuid: string, decisions: SimDecision[]) {
  const { rows } = await db.query(`SELECT * FROM gis_sim_votings WHERE message_guid::text = lower($1)`, [messageGuid]);
  const v = rows[0];
  if (!v) return null;
  let n = 0;
  for (const d of decisions)
    for (const [question, answer] of Object.entries(d.answers)) {
      await db.query(
        `INSERT INTO gis_sim_decisions (root_guid, message_guid, question_number, owner, property, answer, votes, digital)
         VALUES ($1, $2, $3, $4, $5, $6, round($7::numeric * $8 / $9, 2), true)`,
        [
          randomUUID(),
          v.message_guid,
          Number(question),
          d.owner,
          d.property,
          answer,
          d.property.totalArea,
          d.property.share?.n ?? 1,
          d.property.share?.d ?? 1,
        ],
      );
      n++;
    }
  return n;
}

/** Draws up the protocol of a meeting voted in the state system from its decisions (status Created). */
async function drawUp(db: SqlExecutor, v: Row) {
  if (v.protocol_guid) return;
  const { rows: decisions } = await db.query(
    `SELECT question_number, answer, votes::text, owner, property FROM gis_sim_decisions WHERE message_guid = $1 AND NOT annulled`,
    [v.message_guid],
  );
  const { rows: area } = await db.query(
    `SELECT coalesce(sum((p->>'area')::numeric), 0)::text AS total FROM gis_sim_houses h, jsonb_array_elements(h.premises) p
      WHERE h.fias_house_guid = $1`,
    [v.fias_house_guid],
  );
  const total = Number(area[0]?.total ?? 0);
  // Each owner takes part once, with the largest votes any of their decisions carries.
  const owners = new Map<string, number>();
  for (const d of decisions) {
    const key =
      `${d.property.premisesNumber}|${d.owner.lastName}|${d.owner.firstName}|${d.owner.middleName ?? ''}`.toLowerCase();
    owners.set(key, Math.max(owners.get(key) ?? 0, Number(d.votes)));
  }
  const participating = [...owners.values()].reduce((a, b) => a + b, 0);
  const quorum = participating * 2 > total;
  const sum = (q: number, a: string) =>
    decisions
      .filter((d) => d.question_number === q && d.answer === a)
      .reduce((s, d) => s + Math.round(Number(d.votes) * 100), 0);
  const fmt = (hundredths: number) => (hundredths / 100).toFixed(2);
  const protocol = {
    number: v.unique_number,
    date: new Date().toISOString().slice(0, 10),
    quorum,
    // The simulator knows no question's threshold: a majority of the participants' votes decides.
    questions: v.data.questions.map((q: { number: number; name: string }) => {
      const agree = sum(q.number, 'for');
      return {
        number: q.number,
        name: q.name,
        agree: fmt(agree),
        against: fmt(sum(q.number, 'against')),
        abstain: fmt(sum(q.number, 'abstain')),
        adopted: quorum && agree * 2 > Math.round(participating * 100),
      };
    }),
  };
  const file = randomUUID();
  await db.query(
    `INSERT INTO gis_sim_files (upload_id, org_ppa_guid, filename, size, md5) VALUES ($1, $2, 'protocol.pdf', 0, '')`,
    [file, v.org_ppa_guid],
  );
  await db.query(
    `UPDATE gis_sim_votings SET protocol_guid = $2, protocol_root = $3, protocol_status = 'Created', status = 'Finished', protocol = $4
      WHERE message_guid = $1 AND protocol_guid IS NULL`,
    [v.message_guid, randomUUID(), randomUUID(), JSON.stringify({ ...protocol, file })],
  );
}

const open = (messageGuid: string) =>
  `<hm:getStateResult xmlns:hm="${NS.hm}" xmlns:base="${NS.base}" xmlns:ind="${NS.ind}" base:version="11.0.0.1">` +
  `<base:RequestState>3</base:RequestState>${leaf('base:MessageGUID', messageGuid)}`;
const close = '</hm:getStateResult>';
const ANSWER = { for: 'hm:OwnerAgree', against: 'hm:OwnerAgainst', abstain: 'hm:OwnerAbstent' } as const;

/** exportOwnerDecision and exportVotingProtocol answered from the simulator's state; null: nothing to export. */
export async function votingExport(
  db: SqlExecutor,
  messageGuid: string,
  op: 'exportOwnerDecision' | 'exportVotingProtocol',
  org: string,
  q: Record<string, string>,
): Promise<string | null> {
  if (op === 'exportOwnerDecision') {
    const v = await voting(db, org, q.MessageGUID);
    if (!v) return null;
    const { rows } = await db.query(
      `SELECT root_guid::text, question_number, owner, property, answer, digital, annulled FROM gis_sim_decisions
        WHERE message_guid = $1 ORDER BY created_at, root_guid`,
      [v.message_guid],
    );
    if (!rows.length) return null;
    return (
      open(messageGuid) +
      rows
        .map((d: Row) => {
          const p = d.property;
          const whole = !p.share || p.share.n === p.share.d;
          return (
            `<hm:exportOwnerDecision>${leaf('hm:RootOwnerDecisionGUID', d.root_guid)}` +
            `<hm:Owner><hm:OwnerInd>${leaf('ind:Surname', d.owner.lastName)}${leaf('ind:FirstName', d.owner.firstName)}${leaf('ind:Patronymic', d.owner.middleName)}${leaf('ind:SNILS', d.owner.snils)}</hm:OwnerInd></hm:Owner>` +
            `<hm:exportPropertyDetails>${leaf('hm:RegistrationNumber', (p.registrationNumber ?? '—').slice(0, 45))}${leaf('hm:RegistrationDate', p.registrationDate ?? '2000-01-01')}` +
            `${leaf('hm:PremisesNum', p.premisesNumber)}${leaf('hm:TotalArea', p.totalArea)}` +
            `<hm:PropertyType>${whole ? '<hm:IndividualProperty>true</hm:IndividualProperty>' : '<hm:ShareProperty>true</hm:ShareProperty>'}</hm:PropertyType>` +
            `${whole ? '' : `<hm:ShareSize>${leaf('hm:Numerator', String(p.share.n))}${leaf('hm:Denumerator', String(p.share.d))}</hm:ShareSize>`}</hm:exportPropertyDetails>` +
            `<hm:QuestionOnDecision>${leaf('hm:QuestionNumber', String(d.question_number))}` +
            `${leaf(ANSWER[d.answer as keyof typeof ANSWER], 'true')}${d.digital ? '<hm:IsDigitalDecision>true</hm:IsDigitalDecision>' : ''}</hm:QuestionOnDecision>` +
            `${d.annulled ? '<hm:DecisionAnnuled>true</hm:DecisionAnnuled>' : ''}</hm:exportOwnerDecision>`
          );
        })
        .join('') +
      close
    );
  }
  const { rows: votings } = await db.query(
    `SELECT * FROM gis_sim_votings WHERE fias_house_guid::text = lower($1) AND org_ppa_guid = $2 ORDER BY created_at`,
    [q.FIASHouseGuid ?? '', org],
  );
  // Voting has ended: the state system draws up the protocol of a meeting held in it.
  for (const v of votings)
    if (!v.protocol_guid && v.data.votingSystem === 'HCS' && v.data.end && new Date(v.data.end) <= new Date())
      await drawUp(db, v);
  const { rows } = await db.query(
    `SELECT * FROM gis_sim_votings WHERE fias_house_guid::text = lower($1) AND org_ppa_guid = $2 AND protocol IS NOT NULL ORDER BY created_at`,
    [q.FIASHouseGuid ?? '', org],
  );
  if (!rows.length) return null;
  return open(messageGuid) + rows.map(protocolXml).join('') + close;
}

function protocolXml(v: Row) {
  const p = v.protocol;
  const d = v.data;
  const date = (x: string | undefined) => (x ?? p.date).slice(0, 10);
  const files = p.file
    ? `<hm:Attachments>${leaf('base:Name', p.document?.name || 'protocol.pdf')}${leaf('base:Description', p.document?.description || 'Протокол ОСС')}<base:Attachment>${leaf('base:AttachmentGUID', p.file)}</base:Attachment>${leaf('base:AttachmentHASH', p.document?.hash || undefined)}</hm:Attachments>`
    : '';
  const form =
    d.form === 'electronic'
      ? `<hm:EVoting>${leaf('hm:EVotingDateBegin', d.begin)}${leaf('hm:EVotingDateEnd', d.end)}${leaf('hm:InfoReview', d.infoReview ?? '—')}` +
        `<hm:VotingSystemDetails>${leaf('hm:VotingSystem', d.votingSystem)}${d.votingSystemName ? leaf('hm:VotingSystemName', d.votingSystemName) : ''}</hm:VotingSystemDetails></hm:EVoting>`
      : d.form === 'in_person'
        ? `<hm:Meeting>${leaf('hm:VotingPlace', d.place)}${leaf('hm:MeetingDate', d.meetingDate ?? d.begin)}${files}</hm:Meeting>`
        : d.form === 'mixed'
          ? `<hm:MeetingAVoting>${leaf('hm:MeetingDate', d.meetingDate ?? d.begin)}${leaf('hm:VotingPlace', d.place)}${leaf('hm:AVotingStartDate', date(d.begin))}${leaf('hm:AVotingDate', date(d.end))}${leaf('hm:ResolutionPlace', d.place)}${files}</hm:MeetingAVoting>`
          : `<hm:AVoting>${leaf('hm:AVotingStartDate', date(d.begin))}${leaf('hm:AVotingDate', date(d.end))}${leaf('hm:ResolutionPlace', d.place)}${files}</hm:AVoting>`;
  return (
    `<hm:VotingProtocol>${leaf('hm:FIASHouseGuid', v.fias_house_guid)}${leaf('hm:ProtocolNum', p.number?.slice(0, 30))}${leaf('hm:ProtocolDate', p.date)}` +
    `${form}<hm:MeetingType>Owners</hm:MeetingType><hm:ExtraVoting>true</hm:ExtraVoting>${leaf('hm:MeetingEligibility', p.quorum ? 'C' : 'N')}` +
    p.questions
      .map(
        (x: Row) =>
          `<hm:DecisionList>${leaf('hm:QuestionNumber', String(x.number))}${leaf('hm:QuestionName', x.name || '—')}${leaf('hm:Agree', x.agree)}${leaf('hm:Against', x.against)}${leaf('hm:Abstent', x.abstain)}${leaf('hm:votingResume', x.adopted ? 'M' : 'N')}</hm:DecisionList>`,
      )
      .join('') +
    `${leaf('hm:StatusProtocol', v.protocol_status)}${leaf('hm:VotingProtocolGUID', v.protocol_guid)}${leaf('hm:RootProtocolGUID', v.protocol_root)}` +
    `${leaf('hm:StatusVersionProtocol', v.protocol_status)}${leaf('hm:VersionNumber', '1')}</hm:VotingProtocol>`
  );
}

/**
 * Sandbox routes of meetings held "in the state system": owners' decisions cast there on demand, the
 * protocol drawn up now (voting ended early, for tests and the demo), the meetings the simulator holds.
 */
export async function simVotingRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/votings', async () => {
    const { rows } = await deps.db.query(
      `SELECT v.message_guid, v.unique_number, v.fias_house_guid, v.status, v.protocol_status, v.data->>'form' AS form,
              v.data->>'votingSystem' AS voting_system, (SELECT count(*)::int FROM gis_sim_decisions d WHERE d.message_guid = v.message_guid) AS decisions
         FROM gis_sim_votings v ORDER BY v.created_at DESC LIMIT 100`,
    );
    return { votings: rows };
  });
  app.post<{ Params: { messageGuid: string }; Body: { decisions: SimDecision[] } }>(
    '/votings/:messageGuid/decisions',
    async (request, reply) => {
      const decisions = request.body?.decisions;
      if (!Array.isArray(decisions)) return reply.code(400).send({ error: 'decisions: an array is required' });
      const n = await castSimDecisions(deps.db, request.params.messageGuid, decisions);
      if (n === null) return reply.code(404).send({ error: 'no such notice' });
      return { decisions: n };
    },
  );
  app.post<{ Params: { messageGuid: string } }>('/votings/:messageGuid/finish', async (request, reply) => {
    const { rows } = await deps.db.query(`SELECT * FROM gis_sim_votings WHERE message_guid::text = lower($1)`, [
      request.params.messageGuid,
    ]);
    if (!rows[0]) return reply.code(404).send({ error: 'no such notice' });
    await drawUp(deps.db, rows[0]);
    const { rows: after } = await deps.db.query(
      `SELECT protocol_guid::text, protocol FROM gis_sim_votings WHERE message_guid = $1`,
      [rows[0].message_guid],
    );
    return after[0];
  });
}
