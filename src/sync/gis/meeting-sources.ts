import type {
  FileAttachment as Attachment,
  ExportOwnerDecisionsQuery,
  ExportVotingProtocolsQuery,
  ExternalVotingProtocolItem,
  OwnerDecisionItem,
  VotingMessageItem,
  VotingProtocolItem,
} from '../../../contracts/gis/items.js';
import { NSI } from '../../../contracts/gis/items.js';
import { agendaTemplate } from '../../../contracts/meeting-agenda.js';
import { localDate } from '../../calendar.js';
import { gcd } from '../../meetings/fraction.js';
import { findMeeting, listMaterials, listQuestions, type MeetingRow } from '../../meetings/meetings.repo.js';
import {
  decisionSources,
  findMeetingSettings,
  type NoticeContext,
  noticeContexts,
  protocolSources,
  saveDecisionGuids,
  saveNoticeIdentifiers,
} from '../../meetings/state-system.repo.js';
import { storeStateDecisions, storeStateProtocols } from '../../meetings/state-system.js';
import { queueNsiRefresh } from './reference-sources.js';
import { nsiBookElements, type NsiRef } from './nsi.repo.js';
import { byId, type Loaded, refuse, type SyncSource } from './source.js';

// Sources of general meetings (ЖК РФ ст. 45 ч. 4, ст. 47.1; Приказ Минстроя № 266/пр): the notice of every
// meeting, owners' paper decisions and the protocol placed in the state system, and the decisions and result
// of a meeting voted there read back. They read and write meetings only through that module.

async function orgMeetings(db: Parameters<SyncSource['load']>[0], organisationId: string, ids: string[]) {
  const out = new Map<string, MeetingRow>();
  for (const id of new Set(ids)) {
    const m = await findMeeting(db, id);
    if (m?.organisationId === organisationId) out.set(id, m);
  }
  return out;
}

const missing = () => refuse('object_missing', 'The meeting no longer exists');

const bare = (s: string | undefined) =>
  (s ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^a-zа-я0-9]+/g, ' ')
    .trim();

/**
 * Each question's type (НСИ 63, DecisionsType: required for a meeting of owners): the book's element named as the
 * question or the catalogue question it was taken from, else the book's element for other questions. Until the
 * book is cached the item waits (it is asked for); a question the book has no element for is named.
 */
async function questionTypes(
  db: Parameters<SyncSource['load']>[0],
  enqueue: Parameters<SyncSource['load']>[1],
  organisationId: string,
  questions: { position: number; title: string; catalogueKey: string | null }[],
): Promise<{ types: NsiRef[] } | { wait: true } | { untyped: number }> {
  const book = await nsiBookElements(db, NSI.meetingQuestionType);
  if (!book.length) {
    await queueNsiRefresh(db, enqueue, organisationId, [NSI.meetingQuestionType]);
    return { wait: true };
  }
  const other = book.find((e) => /^(иной|иные|другой|другие|прочие)( |$)/.test(bare(e.name)));
  const types: NsiRef[] = [];
  for (const q of questions) {
    const names = [q.title, q.catalogueKey ? agendaTemplate(q.catalogueKey)?.title : undefined]
      .map(bare)
      .filter(Boolean);
    const type = book.find((e) => e !== other && names.includes(bare(e.name))) ?? other;
    if (!type) return { untyped: q.position };
    types.push(type);
  }
  return { types };
}

/** Loaded when the question types cannot be given. */
const untypedAnswer = (r: { wait: true } | { untyped: number }): Loaded<never> =>
  'wait' in r
    ? { wait: 'nsi' }
    : refuse(
        'question_type_unknown',
        `НСИ 63 has no element for question ${r.untyped} and no element for other questions`,
      );

/** The meeting's initiator as the notice and the protocol name it (VoteInitiators). */
const initiatorsOf = (m: MeetingRow, c: NoticeContext, orgRootGuid: string): VotingMessageItem['initiators'] => [
  m.initiatorType === 'owner'
    ? {
        kind: 'person',
        lastName: c.initiatorLastName!,
        firstName: c.initiatorFirstName!,
        middleName: c.initiatorMiddleName ?? undefined,
        snilsCipher: c.initiatorSnilsEnc ?? undefined,
      }
    : { kind: 'organisation', orgRootGuid },
];

export const votingMessageSource: SyncSource<'importVotingMessage'> = {
  objectType: 'meeting',
  async load(db, enqueue, organisationId, items) {
    const meetings = await orgMeetings(
      db,
      organisationId,
      items.map((i) => i.objectId),
    );
    const contexts = new Map(
      (await noticeContexts(db, organisationId, [...meetings.keys()])).map((c) => [c.meetingId, c]),
    );
    const settings = await findMeetingSettings(db, organisationId);
    const out = new Map<string, Loaded<VotingMessageItem>>();
    for (const i of items) {
      const m = meetings.get(i.objectId);
      const c = contexts.get(i.objectId);
      if (!m || !c) {
        out.set(i.id, missing());
        continue;
      }
      if (!c.fiasHouseGuid) {
        out.set(i.id, refuse('house_without_fias', 'The house has no FIAS HouseGUID'));
        continue;
      }
      if (!settings.orgRootGuid) {
        out.set(
          i.id,
          refuse(
            'organisation_not_in_registry',
            'The organisation’s orgRootEntityGUID (register of organisations) is not set in the meeting settings',
          ),
        );
        continue;
      }
      const system = m.votingSystem ?? settings.votingSystem;
      if (system === 'regional-system' && (!settings.regionalSystemName || !settings.regionalSystemUrl)) {
        out.set(i.id, refuse('regional_system_unnamed', 'The regional system’s name and address are not set'));
        continue;
      }
      if (m.initiatorType === 'owner' && !c.initiatorFirstName) {
        out.set(i.id, refuse('initiator_name_incomplete', 'The initiating owner’s first name is not in the register'));
        continue;
      }
      const questions = await listQuestions(db, m.id);
      const typed = await questionTypes(db, enqueue, organisationId, questions);
      if (!('types' in typed)) {
        out.set(i.id, untypedAnswer(typed));
        continue;
      }
      const materials = await listMaterials(db, m.id);
      const item: VotingMessageItem = {
        transportGuid: i.transportGuid,
        messageGuid: m.gisMessageGuid ?? undefined,
        fiasHouseGuid: c.fiasHouseGuid,
        messageNumber: m.number,
        messageDate: localDate(m.announcedAt ?? new Date(), m.timezone),
        annual: false,
        form: m.form,
        inPersonAt: m.inPersonAt?.toISOString(),
        votingStartsAt: m.votingStartsAt.toISOString(),
        votingEndsAt: m.votingEndsAt.toISOString(),
        votingStartsOn: localDate(m.votingStartsAt, m.timezone),
        // The end instant is exclusive: the last day decisions are taken is the day before it at midnight.
        votingEndsOn: localDate(new Date(m.votingEndsAt.getTime() - 1), m.timezone),
        place: m.place,
        materialsInfo: m.materialsInfo,
        votingSystem:
          system === 'regional-system'
            ? { kind: 'Regional', name: settings.regionalSystemName!, url: settings.regionalSystemUrl! }
            : { kind: 'HCS' },
        administrator: { kind: 'organisation', orgRootGuid: settings.orgRootGuid },
        administratorAddress: c.organisationAddress ?? m.place,
        initiators: initiatorsOf(m, c, settings.orgRootGuid),
        questions: questions.map((q, k) => ({ number: q.position, title: q.title, type: typed.types[k]! })),
        materials: materials.map(
          (x): Attachment => ({ fileId: x.fileId, name: x.filename, description: x.title.slice(0, 500) }),
        ),
      };
      out.set(i.id, { item });
    }
    return out;
  },
  async apply(db, accepted) {
    await saveNoticeIdentifiers(
      db,
      accepted.map((a) => ({
        meetingId: a.objectId,
        guid: a.result.guid ?? null,
        number: a.result.uniqueNumber ?? a.result.guid ?? null,
      })),
    );
  },
};

/** A share as the state system takes it (numerator and denominator up to 100), reduced; null if it cannot be. */
function share(n: number, d: number) {
  const g = gcd(BigInt(n), BigInt(d));
  const sn = Number(BigInt(n) / g);
  const sd = Number(BigInt(d) / g);
  return sd <= 100 ? { numerator: sn, denominator: sd } : null;
}

export const ownerDecisionSource: SyncSource<'importOwnerDecision'> = {
  objectType: 'meeting_ballot',
  async load(db, _enqueue, organisationId, items) {
    const ballots = new Map(
      (
        await decisionSources(
          db,
          organisationId,
          items.map((i) => i.objectId),
        )
      ).map((b) => [b.ballotId, b]),
    );
    const out = new Map<string, Loaded<OwnerDecisionItem>>();
    for (const i of items) {
      const b = ballots.get(i.objectId);
      if (!b) {
        out.set(i.id, refuse('object_missing', 'The ballot no longer exists'));
        continue;
      }
      // The decision names the notice: until the state system has placed it, wait.
      if (!b.gisMessageGuid) {
        out.set(i.id, { wait: 'notice' });
        continue;
      }
      const q = b.questions.find((x) => x.position === i.revision);
      const answer = q ? b.answers[q.id] : undefined;
      if (!answer || answer === 'invalid') {
        out.set(i.id, refuse('decision_unreadable', `Question ${i.revision} is not marked readably on the ballot`));
        continue;
      }
      if (!b.firstName) {
        out.set(i.id, refuse('owner_name_incomplete', 'The owner’s first name is not in the register'));
        continue;
      }
      if (!b.titleDocument || b.titleDocument.length > 45 || !b.titleRegisteredOn) {
        out.set(
          i.id,
          refuse(
            'title_document_incomplete',
            'The ballot needs the title’s registration number (up to 45 characters) and its date',
          ),
        );
        continue;
      }
      const s = b.shareNumerator === b.shareDenominator ? null : share(b.shareNumerator, b.shareDenominator);
      if (b.shareNumerator !== b.shareDenominator && !s) {
        out.set(i.id, refuse('share_not_representable', 'The state system takes shares with denominators up to 100'));
        continue;
      }
      const [repLast, repFirst, repMiddle] = (b.representativeName ?? '').split(/\s+/);
      out.set(i.id, {
        item: {
          transportGuid: i.transportGuid,
          messageGuid: b.gisMessageGuid,
          rootDecisionGuid: b.decisions?.[String(i.revision)],
          owner: {
            lastName: b.lastName,
            firstName: b.firstName,
            middleName: b.middleName ?? undefined,
            snilsCipher: b.snilsEnc ?? undefined,
          },
          property: {
            registrationNumber: b.titleDocument,
            registrationDate: b.titleRegisteredOn,
            premisesNumber: b.premiseNumber,
            totalArea: b.area,
            share: s,
          },
          representative:
            repLast && repFirst
              ? { lastName: repLast, firstName: repFirst, middleName: repMiddle, notarized: false }
              : undefined,
          question: { number: i.revision, answer },
          attachments: b.scanFileId
            ? [
                {
                  fileId: b.scanFileId,
                  name: b.scanFilename ?? 'ballot',
                  description: `Решение собственника помещения ${b.premiseNumber}`,
                },
              ]
            : [],
        },
      });
    }
    return out;
  },
  async apply(db, accepted) {
    await saveDecisionGuids(
      db,
      accepted.flatMap((a) =>
        a.result.guid ? [{ ballotId: a.objectId, question: a.revision ?? 0, guid: a.result.guid }] : [],
      ),
    );
  },
};

export const ownerDecisionExportSource: SyncSource<'exportOwnerDecision'> = {
  objectType: 'meeting',
  async load(db, _enqueue, organisationId, items) {
    const meetings = await orgMeetings(
      db,
      organisationId,
      items.map((i) => i.objectId),
    );
    return new Map(
      items.map((i): [string, Loaded<ExportOwnerDecisionsQuery>] => {
        const m = meetings.get(i.objectId);
        if (!m) return [i.id, missing()];
        return [i.id, m.gisMessageGuid ? { item: { messageGuid: m.gisMessageGuid } } : { wait: 'notice' }];
      }),
    );
  },
  async apply() {},
  async applyExport(db, organisationId, item, state, { enqueue }) {
    // "Nothing to export": no owner decided anything in the state system.
    await storeStateDecisions(db, enqueue, organisationId, item.messageGuid, state?.ownerDecisions ?? [], new Date());
  },
};

export const votingProtocolExportSource: SyncSource<'exportVotingProtocol'> = {
  objectType: 'meeting',
  async load(db, _enqueue, organisationId, items) {
    const meetings = await orgMeetings(
      db,
      organisationId,
      items.map((i) => i.objectId),
    );
    const contexts = byId(
      (await noticeContexts(db, organisationId, [...meetings.keys()])).map((c) => ({ ...c, id: c.meetingId })),
    );
    return new Map(
      items.map((i): [string, Loaded<ExportVotingProtocolsQuery>] => {
        const fias = contexts.get(i.objectId)?.fiasHouseGuid;
        if (!meetings.has(i.objectId)) return [i.id, missing()];
        return [
          i.id,
          fias ? { item: { fiasHouseGuid: fias } } : refuse('house_without_fias', 'The house has no FIAS HouseGUID'),
        ];
      }),
    );
  },
  async apply() {},
  async applyExport(db, organisationId, item, state, { enqueue }) {
    await storeStateProtocols(
      db,
      enqueue,
      organisationId,
      item.fiasHouseGuid,
      state?.votingProtocols ?? [],
      new Date(),
    );
  },
};

export const votingProtocolSource: SyncSource<'importVotingProtocol'> = {
  objectType: 'meeting',
  async load(db, enqueue, organisationId, items) {
    const ids = items.map((i) => i.objectId);
    const rows = byId(await protocolSources(db, organisationId, ids));
    const meetings = await orgMeetings(db, organisationId, ids);
    const contexts = new Map((await noticeContexts(db, organisationId, ids)).map((c) => [c.meetingId, c]));
    const settings = await findMeetingSettings(db, organisationId);
    const out = new Map<string, Loaded<VotingProtocolItem>>();
    for (const i of items) {
      const p = rows.get(i.objectId);
      const m = meetings.get(i.objectId);
      const c = contexts.get(i.objectId);
      if (!p || !m || !c) {
        out.set(i.id, missing());
        continue;
      }
      // Voted in the state system: it drew the protocol up; the hub places that version.
      if (m.form === 'electronic') {
        out.set(
          i.id,
          p.gisProtocolGuid
            ? { item: { kind: 'place', transportGuid: i.transportGuid, protocolGuid: p.gisProtocolGuid } }
            : refuse('protocol_not_in_state_system', 'The state system has drawn up no protocol of this meeting'),
        );
        continue;
      }
      const results = p.results as { quorum: boolean; questions: TallyQuestion[] } | null;
      if (!results || !p.closedAt || !p.protocolFileId || !p.gisNumber) {
        out.set(i.id, refuse('protocol_not_ready', 'The meeting is not closed'));
        continue;
      }
      if (!c.fiasHouseGuid || !settings.orgRootGuid) {
        out.set(
          i.id,
          refuse(
            c.fiasHouseGuid ? 'organisation_not_in_registry' : 'house_without_fias',
            c.fiasHouseGuid
              ? 'The organisation’s orgRootEntityGUID (register of organisations) is not set in the meeting settings'
              : 'The house has no FIAS HouseGUID',
          ),
        );
        continue;
      }
      const questions = await listQuestions(db, m.id);
      const typed = await questionTypes(db, enqueue, organisationId, questions);
      if (!('types' in typed)) {
        out.set(i.id, untypedAnswer(typed));
        continue;
      }
      out.set(i.id, {
        item: {
          kind: 'protocol',
          transportGuid: i.transportGuid,
          protocolGuid: p.gisProtocolGuid ?? undefined,
          fiasHouseGuid: c.fiasHouseGuid,
          protocolNumber: p.gisNumber.slice(0, 30),
          protocolDate: localDate(p.closedAt, p.timezone),
          annual: false,
          form: m.form,
          inPersonAt: (m.inPersonAt ?? m.votingStartsAt).toISOString(),
          votingStartsOn: localDate(m.votingStartsAt, m.timezone),
          votingEndsOn: localDate(new Date(m.votingEndsAt.getTime() - 1), m.timezone),
          place: m.place,
          initiators: initiatorsOf(m, c, settings.orgRootGuid),
          quorum: results.quorum,
          questions: results.questions.map((q, k) => ({
            number: questions[k]?.position ?? k + 1,
            title: questions[k]?.title ?? '—',
            type: typed.types[k]!,
            agree: q.for.votes,
            against: q.against.votes,
            abstain: q.abstain.votes,
            adopted: q.adopted,
          })),
          attachments: [protocolDocument(p.gisNumber, p.protocolFileId)],
        },
      });
    }
    return out;
  },
  // The placed protocol keeps its GUID; the sync item records that it was placed.
  async apply() {},
};

/** The protocol PDF the hub drew up, as the state system files it. */
const protocolDocument = (number: string, fileId: string): Attachment => ({
  fileId,
  name: `protocol-${number.replace(/\//g, '-')}.pdf`,
  description: 'Протокол общего собрания собственников с решениями собственников',
});

interface TallyQuestion {
  for: { votes: string };
  against: { votes: string };
  abstain: { votes: string };
  adopted: boolean;
}

export const externalVotingProtocolSource: SyncSource<'importExternalVotingProtocol'> = {
  objectType: 'meeting',
  async load(db, _enqueue, organisationId, items) {
    const rows = byId(
      await protocolSources(
        db,
        organisationId,
        items.map((i) => i.objectId),
      ),
    );
    return new Map(
      items.map((i): [string, Loaded<ExternalVotingProtocolItem>] => {
        const p = rows.get(i.objectId);
        if (!p) return [i.id, missing()];
        const results = p.results as { quorum: boolean; questions: TallyQuestion[] } | null;
        if (!results || !p.closedAt || !p.protocolFileId)
          return [i.id, refuse('protocol_not_ready', 'The meeting is not closed')];
        if (!p.gisMessageGuid) return [i.id, { wait: 'notice' }];
        return [
          i.id,
          {
            item: {
              transportGuid: i.transportGuid,
              messageGuid: p.gisMessageGuid,
              protocolNumber: (p.gisNumber ?? p.number).slice(0, 30),
              protocolDate: localDate(p.closedAt, p.timezone),
              quorum: results.quorum,
              questions: results.questions.map((q, k) => ({
                number: p.questions[k]?.position ?? k + 1,
                agree: q.for.votes,
                against: q.against.votes,
                abstain: q.abstain.votes,
                adopted: q.adopted,
              })),
              attachments: [protocolDocument(p.gisNumber ?? p.number, p.protocolFileId)],
            },
          },
        ];
      }),
    );
  },
  async apply() {},
};
