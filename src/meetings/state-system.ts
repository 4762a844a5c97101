import type { OwnerDecisionExport, VotingProtocolExport } from '../../contracts/gis/ports.js';
import { MEETING_CLOSE_QUEUE } from '../../contracts/jobs.js';
import type { Enqueue } from '../../contracts/ports.js';
import type { Actor } from '../../contracts/actor.js';
import type { Db } from '../db/pool.js';
import { validationFailed } from '../errors.js';
import { audit } from '../identity/audit.js';
import { fullName } from '../identity/names.js';
import { latestItemStatuses } from '../sync/gis/sync.repo.js';
import { toText } from './fraction.js';
import * as repo from './meetings.repo.js';
import * as gis from './state-system.repo.js';
import { ownerVotes, type Answer } from './tally.js';

// Meetings and the state system (ЖК РФ ст. 47.1 after 463-ФЗ). Per organisation, meetings are voted either
// in the state system — the hub places the notice, the paper decisions and the protocol there and reads the
// decisions and the result back — or in the hub as the region's designated system, whose protocol goes to
// the state system as another system's. Either way the notice is placed there and numbers the protocol.

export type MeetingSettingsView = gis.MeetingSettingsRow;

export const getMeetingSettings = (db: Db, organisationId: string) => gis.findMeetingSettings(db, organisationId);

export async function updateMeetingSettings(tx: Db, actor: Actor, input: MeetingSettingsView) {
  if (input.votingSystem === 'regional-system' && (!input.regionalSystemName || !input.regionalSystemUrl))
    throw validationFailed(
      [{ path: 'body.regionalSystemUrl', message: 'the regional system’s name and address are required' }],
      'A regional system is named and has an address (VotingSystemDetails)',
    );
  await gis.saveMeetingSettings(tx, actor.organisationId, input);
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'meeting.settings_changed',
    objectType: 'organisation',
    objectId: actor.organisationId,
    organisationId: actor.organisationId,
    details: { votingSystem: input.votingSystem },
  });
  return gis.findMeetingSettings(tx, actor.organisationId);
}

/** Where a meeting stands in the state system: the notice, decisions read back, the protocol and the comparison. */
export async function stateSystemView(db: Db, m: repo.MeetingRow, voteUrl: string) {
  const notice = await latestItemStatuses(db, 'importVotingMessage', 'meeting', [m.id]);
  const protocolOperation =
    m.votingSystem === 'regional-system' ? 'importExternalVotingProtocol' : 'importVotingProtocol';
  const protocol = await latestItemStatuses(db, protocolOperation, 'meeting', [m.id]);
  return {
    votingSystem: m.votingSystem,
    voteUrl: m.votingSystem === 'state-system' ? voteUrl : null,
    noticeStatus: notice.get(m.id) ?? null,
    noticeGuid: m.gisMessageGuid,
    protocolNumber: m.gisNumber,
    decisionsReadAt: m.gisDecisionsReadAt?.toISOString() ?? null,
    protocolGuid: m.gisProtocolGuid,
    protocolStatus: protocol.get(m.id) ?? null,
    result: m.gisResult,
    comparison: (m.gisComparison as Record<string, unknown> | null) ?? null,
  };
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase().replace(/ё/g, 'е');

/**
 * Owners' decisions read back from the state system: those cast there become the meeting's ballots
 * (channel state_system; a paper ballot the hub placed is matched by its decision GUID and kept as it
 * is). An owner is found by premise and name in the register frozen at notice.
 */
export async function storeStateDecisions(
  db: Db,
  enqueue: Enqueue,
  organisationId: string,
  messageGuid: string,
  decisions: OwnerDecisionExport[],
  now: Date,
) {
  const [meeting] = await gis.meetingsByNotice(db, organisationId, [messageGuid]);
  if (!meeting) return;
  const m = (await repo.findMeeting(db, meeting.id))!;
  if (m.status !== 'announced') return;
  const owners = await repo.listMeetingOwners(db, m.id);
  const questions = await repo.listQuestions(db, m.id);
  const placed = new Set(
    (await repo.listBallots(db, m.id)).flatMap((b) =>
      b.channel === 'state_system' ? [] : Object.values(b.gisDecisions ?? {}),
    ),
  );
  const byOwner = new Map<
    string,
    { owner: repo.MeetingOwner; answers: Record<string, Answer>; decisions: Record<string, string> }
  >();
  const unmatched: string[] = [];
  for (const d of decisions) {
    if (d.annulled || placed.has(d.rootGuid)) continue;
    const premises = new Set(d.property.map((p) => p.premisesNumber));
    const owner = owners.find(
      (o) =>
        premises.has(o.premiseNumber) &&
        norm(o.lastName) === norm(d.owner.lastName) &&
        norm(o.firstName) === norm(d.owner.firstName) &&
        (!o.middleName || !d.owner.middleName || norm(o.middleName) === norm(d.owner.middleName)),
    );
    const question = questions.find((q) => q.position === d.questionNumber);
    if (!owner || !question) {
      unmatched.push(d.rootGuid);
      continue;
    }
    const entry = byOwner.get(owner.id) ?? { owner, answers: {}, decisions: {} };
    entry.answers[question.id] = d.answer;
    entry.decisions[String(d.questionNumber)] = d.rootGuid;
    byOwner.set(owner.id, entry);
  }
  await gis.replaceStateSystemBallots(
    db,
    m.id,
    [...byOwner.values()].map((e) => ({
      ownerId: e.owner.id,
      voterName: fullName(e.owner),
      votes: toText(ownerVotes(e.owner, e.owner.area)),
      answers: e.answers,
      decisions: e.decisions,
      castAt: now,
    })),
  );
  await gis.markDecisionsRead(db, m.id, now);
  await gis.saveComparison(db, m.id, { unmatchedDecisions: unmatched });
  if (m.gisProtocolReadAt) await nudgeClose(db, enqueue, m.id);
}

/** The state system's protocols of a house: each meeting's is found by its number (the notice's identifier). */
export async function storeStateProtocols(
  db: Db,
  enqueue: Enqueue,
  organisationId: string,
  fiasHouseGuid: string,
  protocols: VotingProtocolExport[],
  now: Date,
) {
  for (const m of await gis.meetingsOfHouseByNumber(db, organisationId, fiasHouseGuid)) {
    if (m.status !== 'announced') continue;
    const p = protocols.filter((x) => x.number === m.gisNumber && x.versionStatus !== 'Annuled').at(-1);
    if (!p) {
      // A meeting in person or by paper ballots: the state system need not draw up a version of its own (the
      // hub's protocol then goes without ProtocolGUID). Once voting has ended, an answer without one is final,
      // so the close does not wait for it forever.
      if (m.form !== 'electronic' && now >= m.votingEndsAt && !m.gisProtocolReadAt) {
        await gis.markNoStateProtocol(db, m.id, now);
        const row = await repo.findMeeting(db, m.id);
        if (row?.gisDecisionsReadAt) await nudgeClose(db, enqueue, m.id);
      }
      continue;
    }
    await gis.saveStateProtocol(
      db,
      m.id,
      p.protocolGuid,
      {
        protocolNumber: p.number ?? null,
        quorum: p.quorum,
        status: p.status,
        questions: p.questions.map((q) => ({
          number: q.number,
          agree: q.agree ?? null,
          against: q.against ?? null,
          abstain: q.abstain ?? null,
          adopted: q.adopted ?? null,
        })),
      },
      now,
    );
    const row = await repo.findMeeting(db, m.id);
    if (row?.gisDecisionsReadAt) await nudgeClose(db, enqueue, m.id);
  }
}

/** The meeting can be counted now: its close runs again (a key of its own, the deadline's job may be done). */
const nudgeClose = (db: Db, enqueue: Enqueue, meetingId: string) =>
  enqueue(db, MEETING_CLOSE_QUEUE, { meetingId }, { singletonKey: `meeting-close:${meetingId}:state-system` });
