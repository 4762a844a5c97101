import type { Enqueue, FileStore } from '../../contracts/ports.js';
import type { Db } from '../db/pool.js';
import { conflict, notFound, ruleViolated, validationFailed, type FieldError } from '../errors.js';
import { audit } from '../identity/audit.js';
import type { FieldCipher } from '../identity/crypto.js';
import { publishHouseNotice } from '../news/service.js';
import { queueMail } from '../notify/mail.js';
import { queueForSync } from '../sync/outbox.js';
import { MEETING_CLOSE_QUEUE } from '../../contracts/jobs.js';
import { toText } from './fraction.js';
import * as repo from './meetings.repo.js';
import { listHousePremises, listRegister } from './register.repo.js';
import { findOrgHouse, reconcileRegister } from './register.js';
import { buildProtocol, canonicalJson, renderProtocolPdf, sha256Hex } from './protocol.js';
import { houseTimeToInstant } from '../calendar.js';
import { checkDates, checkNotice, type MeetingForm, type ScheduleSettings } from './schedule.js';
import { describeTally, ownerVotes, tally, type Answer, type DecisionRule } from './tally.js';
import { noticeText, resultsText } from './texts.js';
import { compareWithStateSystem } from './state-compare.js';
import { findMeetingSettings, saveComparison } from './state-system.repo.js';
import { stateSystemView } from './state-system.js';
import type { Actor } from '../../contracts/actor.js';
import { fullName } from '../identity/names.js';
import { personSnapshot } from '../identity/persons.repo.js';
import { agendaTemplate, RULE_STRENGTH } from '../../contracts/meeting-agenda.js';

export interface MeetingSettings extends ScheduleSettings {
  /** Show running results to the administrator before the end (off: turnout only). */
  liveResults: boolean;
  /** Where owners vote in a meeting held in the state system (the cabinet's link). */
  stateSystemVoteUrl: string;
}

export interface MeetingPorts {
  enqueue: Enqueue;
  files: FileStore;
  cipher: FieldCipher;
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

async function orgMeeting(db: Db, organisationId: string, id: string, forUpdate = false) {
  const m = isUuid(id) ? await repo.findMeeting(db, id, { forUpdate }) : undefined;
  if (!m || m.organisationId !== organisationId) throw notFound('Meeting');
  return m;
}

export interface NewMeetingInput {
  houseId: string;
  title: string;
  form: MeetingForm;
  initiator: { type: 'organisation' } | { type: 'owner'; ownerId: string };
  administratorName?: string;
  chairName?: string | null;
  secretaryName?: string | null;
  counterNames?: string[];
  place: string;
  materialsInfo: string;
  /** Wall-clock times of the house (`2026-12-01T09:00`), read in its time zone. */
  inPersonAt?: string | null;
  votingStartsAt: string;
  votingEndsAt: string;
  questions: { title: string; proposal?: string; rule?: DecisionRule; catalogueKey?: string }[];
}

/**
 * The rule of each question: a catalogue question takes the catalogue's rule unless a stricter one is
 * asked for, and is refused under a weaker one (ЖК РФ ст. 46 ч. 1); a free-form question defaults to
 * the majority of the participants' votes.
 */
export function questionRules(questions: NewMeetingInput['questions']): DecisionRule[] {
  const fields: FieldError[] = [];
  const rules = questions.map((q, i) => {
    if (!q.catalogueKey) return q.rule ?? 'participants_majority';
    const template = agendaTemplate(q.catalogueKey);
    if (!template) {
      fields.push({ path: `body.questions.${i}.catalogueKey`, message: 'not a question of the catalogue' });
      return 'participants_majority';
    }
    if (q.rule && RULE_STRENGTH[q.rule] < RULE_STRENGTH[template.rule])
      fields.push({
        path: `body.questions.${i}.rule`,
        message: `this question needs at least ${template.rule} (${template.basis})`,
      });
    return q.rule ?? template.rule;
  });
  if (fields.length) throw validationFailed(fields);
  return rules;
}

export async function createMeeting(tx: Db, actor: Actor, input: NewMeetingInput, settings: MeetingSettings) {
  const house = isUuid(input.houseId) ? await findOrgHouse(tx, actor.organisationId, input.houseId) : undefined;
  if (!house) throw validationFailed([{ path: 'body.houseId', message: 'no such house of the organisation' }]);
  const rules = questionRules(input.questions);
  const fields: FieldError[] = [];
  const at = (key: 'inPersonAt' | 'votingStartsAt' | 'votingEndsAt') => {
    const v = input[key];
    if (!v) return null;
    const d = houseTimeToInstant(v, house.timezone);
    if (!d) fields.push({ path: `body.${key}`, message: 'not a valid local date-time' });
    return d;
  };
  const dates = {
    form: input.form,
    inPersonAt: at('inPersonAt'),
    votingStartsAt: at('votingStartsAt')!,
    votingEndsAt: at('votingEndsAt')!,
  };
  if (fields.length) throw validationFailed(fields);
  const problems = checkDates(dates, house.timezone, settings);
  if (problems.length) {
    const [first] = problems;
    throw ruleViolated(
      first!.code,
      first!.message,
      undefined,
      problems.map((p) => ({ path: p.path, message: p.message })),
    );
  }
  let initiatorName: string;
  let initiatorOwnerId: string | null = null;
  if (input.initiator.type === 'owner') {
    const ownerId = input.initiator.ownerId;
    const owner = (await listRegister(tx, house.id)).find((o) => o.id === ownerId);
    if (!owner)
      throw validationFailed([
        { path: 'body.initiator.ownerId', message: 'not an owner in the register of this house' },
      ]);
    initiatorOwnerId = owner.id;
    initiatorName = `${fullName(owner)}, собственник помещения ${owner.premiseNumber}`;
  } else {
    // A managed house has its organisation, so the registry's join found the name.
    initiatorName = house.organisation_name!;
  }
  const year = new Date(dates.votingStartsAt).getUTCFullYear();
  const id = await repo.insertMeeting(tx, {
    organisationId: actor.organisationId,
    houseId: house.id,
    number: await repo.nextMeetingNumber(tx, house.id, year),
    title: input.title,
    initiatorType: input.initiator.type,
    initiatorOwnerId,
    initiatorName,
    administratorName: input.administratorName ?? initiatorName,
    chairName: input.chairName ?? null,
    secretaryName: input.secretaryName ?? null,
    counterNames: input.counterNames ?? [],
    place: input.place,
    materialsInfo: input.materialsInfo,
    ...dates,
    createdBy: actor.actorId,
  });
  await repo.insertQuestions(
    tx,
    id,
    input.questions.map((q, i) => ({
      position: i + 1,
      title: q.title,
      proposal: q.proposal ?? '',
      rule: rules[i]!,
      catalogueKey: q.catalogueKey ?? null,
    })),
  );
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'meeting.created',
    objectType: 'meeting',
    objectId: id,
    organisationId: actor.organisationId,
  });
  return id;
}

export async function meetingView(db: Db, m: repo.MeetingRow, voteUrl: string) {
  const questions = await repo.listQuestions(db, m.id);
  const materials = await repo.listMaterials(db, m.id);
  const stateSystem = await stateSystemView(db, m, voteUrl);
  return {
    id: m.id,
    houseId: m.houseId,
    houseAddress: m.houseAddress,
    timezone: m.timezone,
    number: m.number,
    title: m.title,
    form: m.form,
    status: m.status,
    initiator: { type: m.initiatorType, ownerId: m.initiatorOwnerId, name: m.initiatorName },
    administratorName: m.administratorName,
    chairName: m.chairName,
    secretaryName: m.secretaryName,
    counterNames: m.counterNames,
    place: m.place,
    materialsInfo: m.materialsInfo,
    inPersonAt: m.inPersonAt?.toISOString() ?? null,
    votingStartsAt: m.votingStartsAt.toISOString(),
    votingEndsAt: m.votingEndsAt.toISOString(),
    announcedAt: m.announcedAt?.toISOString() ?? null,
    closedAt: m.closedAt?.toISOString() ?? null,
    protocolSha256: m.protocolSha256,
    stateSystem,
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      title: q.title,
      proposal: q.proposal,
      rule: q.rule,
      catalogueKey: q.catalogueKey,
      basis: q.catalogueKey ? (agendaTemplate(q.catalogueKey)?.basis ?? null) : null,
    })),
    materials: materials.map((x) => ({
      id: x.id,
      title: x.title,
      fileId: x.fileId,
      filename: x.filename,
      contentType: x.contentType,
      size: x.size,
    })),
  };
}

export async function getOrgMeeting(db: Db, organisationId: string, id: string, voteUrl: string) {
  return meetingView(db, await orgMeeting(db, organisationId, id), voteUrl);
}

export async function addMaterial(
  db: Db,
  files: FileStore,
  actor: Actor,
  meetingId: string,
  upload: { filename: string; contentType: string; data: Buffer },
  title: string,
) {
  const m = await orgMeeting(db, actor.organisationId, meetingId);
  if (m.status !== 'draft')
    throw ruleViolated('meeting_not_draft', 'Materials are fixed once the notice has been sent');
  const stored = await files.put({ ...upload, createdBy: actor.actorId });
  const row = await repo.insertMaterial(db, m.id, stored.id, title);
  return {
    id: row.id,
    title,
    fileId: stored.id,
    filename: stored.filename,
    contentType: stored.contentType,
    size: stored.size,
  };
}

/** Removes a material while the meeting is a draft (the notice fixes them). */
export async function removeMaterial(tx: Db, actor: Actor, meetingId: string, materialId: string) {
  const m = await orgMeeting(tx, actor.organisationId, meetingId, true);
  if (m.status !== 'draft')
    throw ruleViolated('meeting_not_draft', 'Materials are fixed once the notice has been sent');
  if (!isUuid(materialId) || !(await repo.deleteMaterial(tx, m.id, materialId))) throw notFound('Material');
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'meeting.material_removed',
    objectType: 'meeting',
    objectId: m.id,
    organisationId: m.organisationId,
    details: { materialId },
  });
}

/** A file of the meeting (material, power of attorney, ballot scan) for the organisation, or 404. */
export async function orgMeetingFile(
  db: Db,
  files: FileStore,
  organisationId: string,
  meetingId: string,
  fileId: string,
) {
  const m = await orgMeeting(db, organisationId, meetingId);
  const file = isUuid(fileId) && (await repo.meetingHasFile(db, m.id, fileId)) ? await files.get(fileId) : null;
  if (!file) throw notFound('File');
  return file;
}

/** Cancels a draft (an announced meeting runs to its end: owners have been told of it). */
export async function cancelMeeting(tx: Db, actor: Actor, meetingId: string) {
  const m = await orgMeeting(tx, actor.organisationId, meetingId, true);
  if (m.status !== 'draft' || !(await repo.markCancelled(tx, m.id)))
    throw conflict('meeting_already_announced', 'Only a draft can be cancelled; the notice has been sent');
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'meeting.cancelled',
    objectType: 'meeting',
    objectId: m.id,
    organisationId: m.organisationId,
  });
  return { id: m.id, status: 'cancelled' as const };
}

/**
 * Sends the notice: freezes the register, publishes a news item to the house, e-mails every owner
 * with a known address, records each delivery, and schedules the close at the deadline.
 */
export async function announceMeeting(
  tx: Db,
  ports: Pick<MeetingPorts, 'enqueue'>,
  actor: Actor,
  meetingId: string,
  settings: MeetingSettings,
  now: Date,
) {
  const m = await orgMeeting(tx, actor.organisationId, meetingId, true);
  if (m.status !== 'draft')
    throw conflict('meeting_already_announced', 'The notice of this meeting has already been sent');
  const late = checkNotice(m, now, m.timezone, settings);
  if (late) throw ruleViolated(late.code, late.message, { noticeDays: settings.noticeDays });
  const premises = await listHousePremises(tx, m.houseId);
  const register = await listRegister(tx, m.houseId);
  const broken = reconcileRegister(premises, register, []).filter((x) => x.kind === 'shares_exceed_premise');
  if (broken.length)
    throw ruleViolated(
      'register_inconsistent',
      'Shares of some premises add up to more than 1; fix the owners register first',
      { mismatches: broken },
    );
  if (!register.length) throw ruleViolated('register_empty', 'The owners register of the house is empty');
  await repo.snapshotRegister(tx, m.id, m.houseId);
  const questions = await repo.listQuestions(tx, m.id);
  const notice = noticeText({ ...m, questions });
  const newsId = await publishHouseNotice(tx, {
    organisationId: m.organisationId,
    title: notice.title,
    body: notice.body,
    houseIds: [m.houseId],
    publishAt: now,
    expiresAt: m.votingEndsAt,
    createdBy: actor.actorId,
  });
  const owners = await repo.listMeetingOwners(tx, m.id);
  const emails = await repo.ownerEmails(tx, m.id);
  const sentTo = new Set<string>();
  for (const e of emails) {
    if (sentTo.has(e.email)) continue;
    sentTo.add(e.email);
    await queueMail(tx, ports.enqueue, { to: e.email, subject: notice.title, text: notice.body });
  }
  await repo.insertNotices(tx, m.id, [
    ...owners.map((o) => ({ ownerId: o.id, channel: 'news' as const, address: null })),
    ...emails.map((e) => ({ ownerId: e.ownerId, channel: 'email' as const, address: e.email })),
  ]);
  const { votingSystem } = await findMeetingSettings(tx, m.organisationId);
  await repo.markAnnounced(tx, m.id, now, newsId, votingSystem);
  await ports.enqueue(
    tx,
    MEETING_CLOSE_QUEUE,
    { meetingId: m.id },
    {
      startAfter: m.votingEndsAt,
      singletonKey: `meeting-close:${m.id}`,
      retryLimit: 10,
      retryDelay: 60,
      retryBackoff: true,
    },
  );
  await queueForSync(tx, ports.enqueue, {
    organisationId: m.organisationId,
    operation: 'importVotingMessage',
    objectType: 'meeting',
    objectId: m.id,
  });
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'meeting.announced',
    objectType: 'meeting',
    objectId: m.id,
    organisationId: m.organisationId,
    details: { owners: owners.length, emails: sentTo.size, newsId },
  });
  return { newsId, owners: owners.length, emailed: sentTo.size };
}

function isVotingOpen(m: repo.MeetingRow, now: Date) {
  return m.status === 'announced' && now >= m.votingStartsAt && now < m.votingEndsAt;
}

function checkAnswers(
  questions: repo.QuestionRow[],
  answers: { questionId: string; answer: Answer | 'invalid' }[],
  allowInvalid: boolean,
) {
  const fields: FieldError[] = [];
  const byId = new Map<string, Answer | 'invalid'>();
  answers.forEach((a, i) => {
    if (!questions.some((q) => q.id === a.questionId))
      fields.push({ path: `body.answers.${i}.questionId`, message: 'not a question of this meeting' });
    else if (byId.has(a.questionId)) fields.push({ path: `body.answers.${i}.questionId`, message: 'answered twice' });
    else if (a.answer === 'invalid' && !allowInvalid)
      fields.push({ path: `body.answers.${i}.answer`, message: 'expected for, against or abstain' });
    byId.set(a.questionId, a.answer);
  });
  questions.forEach((q) => {
    if (!byId.has(q.id))
      fields.push({
        path: 'body.answers',
        message: `question ${q.position} is not answered (every question is voted at once)`,
      });
  });
  if (fields.length) throw validationFailed(fields, 'The ballot must answer every question of the agenda once');
  return Object.fromEntries(byId) as Record<string, Answer | 'invalid'>;
}

const alreadyVoted = () =>
  conflict(
    'ballot_already_cast',
    'This owner has already voted in this meeting; a ballot cannot be cast twice or changed',
  );

export interface CastInput {
  ownerId?: string;
  answers: { questionId: string; answer: Answer }[];
}

/** An owner (or their accepted representative) votes every question at once, once. */
export async function castElectronicBallot(
  tx: Db,
  personId: string,
  meetingId: string,
  input: CastInput,
  now: Date,
  ip?: string,
) {
  const m = isUuid(meetingId) ? await repo.findMeeting(tx, meetingId) : undefined;
  const votable = m ? await repo.listVotableOwners(tx, m.id, personId) : [];
  if (!m || m.status === 'draft' || m.status === 'cancelled') throw notFound('Meeting');
  if (!votable.length)
    throw ruleViolated(
      'not_an_owner',
      'You are not in the owners register of this meeting and hold no accepted power of attorney',
    );
  // 463-ФЗ: votes gathered outside the state system or the region's system do not count.
  if (m.votingSystem === 'state-system')
    throw ruleViolated(
      'voting_in_state_system',
      'This meeting is voted in the state system (ГИС ЖКХ, Госуслуги): vote there, or hand a paper ballot to the administrator',
    );
  if (m.form !== 'electronic')
    throw ruleViolated(
      'electronic_voting_not_offered',
      'This meeting takes paper ballots; hand yours to the administrator',
    );
  if (!isVotingOpen(m, now))
    throw ruleViolated('voting_not_open', now < m.votingStartsAt ? 'Voting has not started yet' : 'Voting has ended', {
      votingStartsAt: m.votingStartsAt.toISOString(),
      votingEndsAt: m.votingEndsAt.toISOString(),
    });
  let owner = input.ownerId ? votable.find((o) => o.id === input.ownerId) : undefined;
  if (input.ownerId && !owner)
    throw validationFailed([{ path: 'body.ownerId', message: 'you cannot vote for this owner' }]);
  if (!owner) {
    const open = votable.filter((o) => !o.ballotId);
    if (!open.length) throw alreadyVoted();
    if (open.length > 1)
      throw ruleViolated('owner_ambiguous', 'You vote for several owners here; name one in ownerId', {
        ownerIds: open.map((o) => o.id),
      });
    owner = open[0]!;
  }
  if (owner.ballotId) throw alreadyVoted();
  const questions = await repo.listQuestions(tx, m.id);
  const answers = checkAnswers(questions, input.answers, false);
  const me = await personSnapshot(tx, personId);
  const own = owner.personId === personId;
  const voterName = own ? fullName(owner) : `${owner.representativeName} по доверенности за ${fullName(owner)}`;
  const votes = toText(ownerVotes(owner, owner.area));
  const ballotId = await repo.insertBallot(tx, {
    meetingId: m.id,
    ownerId: owner.id,
    channel: 'electronic',
    voterName,
    voterPersonId: personId,
    proxyId: own ? null : owner.proxyId,
    titleDocument: owner.titleDocument,
    snilsEnc: own ? (me?.snilsEnc ?? null) : null,
    votes,
    answers,
    scanFileId: null,
    enteredBy: null,
    castAt: now,
  });
  if (!ballotId) throw alreadyVoted();
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'meeting.ballot_cast',
    objectType: 'meeting',
    objectId: m.id,
    organisationId: m.organisationId,
    ip,
    details: { ballotId, ownerId: owner.id, votes },
  });
  return {
    id: ballotId,
    meetingId: m.id,
    ownerId: owner.id,
    votes,
    castAt: now.toISOString(),
    channel: 'electronic' as const,
  };
}

export interface PaperBallotInput {
  ownerId: string;
  voterName?: string;
  proxyId?: string;
  snils?: string;
  receivedAt?: Date;
  /** Date of the title's state registration, as the ballot states it (required when it goes to the state system). */
  titleRegisteredOn?: string;
  answers: { questionId: string; answer: Answer | 'invalid' }[];
}

/** The administrator enters a paper ballot with its scan; a mark that cannot be read is 'invalid' (ст. 48 ч. 6). */
export async function enterPaperBallot(
  tx: Db,
  ports: Pick<MeetingPorts, 'files' | 'cipher' | 'enqueue'>,
  actor: Actor,
  meetingId: string,
  input: PaperBallotInput,
  scan: { filename: string; contentType: string; data: Buffer },
  now: Date,
) {
  const receivedAt = input.receivedAt ?? now;
  const m = await orgMeeting(tx, actor.organisationId, meetingId);
  if (m.status !== 'announced')
    throw ruleViolated(
      'meeting_not_open',
      'Ballots are entered only while the meeting is announced and not yet closed',
    );
  if (receivedAt < m.votingStartsAt || receivedAt >= m.votingEndsAt || receivedAt > now) {
    throw ruleViolated('ballot_outside_voting', 'The ballot was not received within the voting period', undefined, [
      { path: 'body.receivedAt', message: 'outside the voting period' },
    ]);
  }
  const owner = isUuid(input.ownerId) ? await repo.findMeetingOwner(tx, m.id, input.ownerId) : undefined;
  if (!owner)
    throw validationFailed([{ path: 'body.ownerId', message: 'not an owner in the register of this meeting' }]);
  let proxyId: string | null = null;
  if (input.proxyId) {
    const proxy = (await repo.listProxies(tx, m.id)).find((x) => x.id === input.proxyId && x.ownerId === owner.id);
    if (proxy?.status !== 'accepted')
      throw ruleViolated('proxy_not_accepted', 'The power of attorney is unknown, for another owner, or not accepted');
    proxyId = proxy.id;
  }
  let snilsEnc: string | null = null;
  if (input.snils) {
    const digits = input.snils.replace(/\D/g, '');
    if (digits.length !== 11) throw validationFailed([{ path: 'body.snils', message: 'SNILS has 11 digits' }]);
    snilsEnc = ports.cipher.encrypt(digits);
  }
  const questions = await repo.listQuestions(tx, m.id);
  const answers = checkAnswers(questions, input.answers, true);
  // A decision placed in the state system states the owner's SNILS (Приказ № 266/пр) and the title's registration.
  if (m.votingSystem === 'state-system') {
    if (!snilsEnc)
      throw ruleViolated(
        'snils_required',
        'A decision placed in the state system states the owner’s SNILS',
        undefined,
        [{ path: 'body.snils', message: 'required in a meeting held in the state system' }],
      );
    if (!input.titleRegisteredOn)
      throw ruleViolated(
        'title_registration_date_required',
        'A decision placed in the state system states the date of the title’s state registration',
        undefined,
        [{ path: 'body.titleRegisteredOn', message: 'required in a meeting held in the state system' }],
      );
  }
  if (await repo.hasBallot(tx, m.id, owner.id)) throw alreadyVoted();
  const stored = await ports.files.put({ ...scan, createdBy: actor.actorId });
  const votes = toText(ownerVotes(owner, owner.area));
  const ballotId = await repo.insertBallot(tx, {
    meetingId: m.id,
    ownerId: owner.id,
    channel: 'paper',
    voterName: input.voterName ?? fullName(owner),
    voterPersonId: null,
    proxyId,
    titleDocument: owner.titleDocument,
    snilsEnc,
    votes,
    answers,
    scanFileId: stored.id,
    enteredBy: actor.actorId,
    castAt: receivedAt,
    titleRegisteredOn: input.titleRegisteredOn ?? null,
  });
  if (!ballotId) throw alreadyVoted();
  if (m.votingSystem === 'state-system') {
    // The state system takes a decision per question: one item per question (its number as the revision).
    await queueForSync(
      tx,
      ports.enqueue,
      questions
        .filter((q) => answers[q.id] !== 'invalid')
        .map((q) => ({
          organisationId: m.organisationId,
          operation: 'importOwnerDecision',
          objectType: 'meeting_ballot',
          objectId: ballotId,
          revision: q.position,
        })),
    );
  }
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'meeting.paper_ballot_entered',
    objectType: 'meeting',
    objectId: m.id,
    organisationId: m.organisationId,
    details: { ballotId, ownerId: owner.id, scanFileId: stored.id },
  });
  return {
    id: ballotId,
    meetingId: m.id,
    ownerId: owner.id,
    votes,
    castAt: receivedAt.toISOString(),
    channel: 'paper' as const,
    scanFileId: stored.id,
  };
}

const countable = (answers: Record<string, Answer | 'invalid'>) => {
  const out: Record<string, Answer> = {};
  for (const [q, a] of Object.entries(answers)) if (a !== 'invalid') out[q] = a;
  return out;
};

/** The count of a meeting from its frozen register and its ballots. */
export async function countMeeting(db: Db, meetingId: string) {
  const data = await repo.loadCountData(db, meetingId);
  const questions = await repo.listQuestions(db, meetingId);
  const t = tally({
    ...data,
    questions,
    ballots: data.ballots.map((b) => ({ ownerId: b.ownerId, answers: countable(b.answers) })),
  });
  return { owners: data.owners.length, tally: t };
}

/** Everything the protocol lists, and the count made from it. */
async function loadProtocolData(db: Db, meetingId: string) {
  // one query at a time: db may be a transaction's single client
  const premises = await repo.listMeetingPremises(db, meetingId);
  const owners = await repo.listMeetingOwners(db, meetingId);
  const questions = await repo.listQuestions(db, meetingId);
  const ballots = await repo.listBallots(db, meetingId);
  const t = tally({
    premises,
    owners,
    questions,
    ballots: ballots.map((b) => ({ ownerId: b.ownerId, answers: countable(b.answers) })),
  });
  return { premises, owners, questions, ballots, tally: t };
}

/** Live turnout for the administrator; running results only when the settings allow it. */
export async function turnout(db: Db, organisationId: string, meetingId: string, settings: MeetingSettings) {
  return turnoutOf(db, await orgMeeting(db, organisationId, meetingId), settings);
}

async function turnoutOf(db: Db, m: repo.MeetingRow, settings: MeetingSettings) {
  if (m.status === 'draft')
    throw ruleViolated('meeting_not_announced', 'The meeting has no register until its notice is sent');
  const { owners, tally: t } = await countMeeting(db, m.id);
  const d = describeTally(t);
  return {
    meetingId: m.id,
    status: m.status,
    owners,
    ballots: d.ballots,
    totalVotes: d.totalVotes,
    participatingVotes: d.participatingVotes,
    participatingPercent: d.participatingPercent,
    quorumReached: d.quorum,
    votingEndsAt: m.votingEndsAt.toISOString(),
    results: m.status === 'closed' || settings.liveResults ? d.questions : null,
  };
}

/** A meeting of one of the person's houses (announced or closed), or 404. */
async function myVisibleMeeting(db: Db, personId: string, meetingId: string) {
  const visible = (await repo.listPersonMeetings(db, personId)).find((m) => m.id === meetingId);
  if (!visible) throw notFound('Meeting');
  return visible;
}

/** The turnout an owner sees while voting runs (results only after the close, as for the organisation). */
export async function myTurnout(db: Db, personId: string, meetingId: string, settings: MeetingSettings) {
  return turnoutOf(db, await myVisibleMeeting(db, personId, meetingId), settings);
}

/** A material of a meeting of the person's house (ЖК РФ ст. 45 ч. 5: owners see the materials). */
export async function myMaterial(db: Db, files: FileStore, personId: string, meetingId: string, materialId: string) {
  const m = await myVisibleMeeting(db, personId, meetingId);
  const material = (await repo.listMaterials(db, m.id)).find((x) => x.id === materialId);
  const file = material ? await files.get(material.fileId) : null;
  if (!file) throw notFound('Material');
  return file;
}

/**
 * Closes the meeting once its deadline has passed: counts it, publishes the results to the owners,
 * draws up the protocol (JSON, its SHA-256 in the audit log, the PDF) and records it for the state system.
 * A second call finds it closed and does nothing.
 */
export async function closeMeeting(
  tx: Db,
  ports: MeetingPorts,
  meetingId: string,
  now: Date,
  options: { notify?: boolean; sync?: boolean; actor?: Actor } = {},
) {
  const m = await repo.findMeeting(tx, meetingId, { forUpdate: true });
  if (!m) throw notFound('Meeting');
  if (options.actor && m.organisationId !== options.actor.organisationId) throw notFound('Meeting');
  if (m.status === 'closed') return { closed: false, sha256: m.protocolSha256 } as CloseResult;
  if (m.status !== 'announced') throw ruleViolated('meeting_not_announced', 'Only an announced meeting can be closed');
  if (now < m.votingEndsAt)
    throw ruleViolated('voting_not_ended', 'Voting is still open', { votingEndsAt: m.votingEndsAt.toISOString() });
  // Приказ № 266/пр: the protocol's number is the identifier the state system gave the notice.
  if (m.votingSystem && !m.gisNumber)
    throw ruleViolated(
      'notice_not_in_state_system',
      'The notice has not been placed in the state system yet; the protocol takes the number it gives the notice',
    );
  if (m.votingSystem === 'state-system' && (!m.gisDecisionsReadAt || !m.gisProtocolReadAt)) {
    // Owners voted in the state system: read their decisions and its result back first (each try once a minute).
    const revision = Math.floor(now.getTime() / 60_000);
    const read = (operation: string) => ({
      organisationId: m.organisationId,
      operation,
      objectType: 'meeting',
      objectId: m.id,
      revision,
    });
    await queueForSync(tx, ports.enqueue, [
      ...(m.gisDecisionsReadAt ? [] : [read('exportOwnerDecision')]),
      ...(m.gisProtocolReadAt ? [] : [read('exportVotingProtocol')]),
    ]);
    return { closed: false, sha256: null, waitingFor: 'state_system' as const };
  }
  const data = await loadProtocolData(tx, m.id);
  const notices = await repo.listNotices(tx, m.id);
  const proxies = await repo.listProxies(tx, m.id);
  const materials = await repo.listMaterials(tx, m.id);
  const results = describeTally(data.tally);
  const protocol = buildProtocol({
    meeting: { ...m, number: m.gisNumber ?? m.number },
    ...data,
    notices,
    proxies,
    materials,
    drawnUpAt: now,
    ballots: data.ballots.map((b) => ({ ...b, snilsMasked: maskSnils(b.snilsEnc, ports.cipher) })),
  });
  const sha256 = sha256Hex(canonicalJson(protocol));
  const pdf = await renderProtocolPdf(protocol, sha256);
  const file = await ports.files.put({
    filename: `protocol-${m.number.replace('/', '-')}.pdf`,
    contentType: 'application/pdf',
    data: pdf,
    createdBy: 'system',
  });
  const text = resultsText({
    number: m.number,
    houseAddress: m.houseAddress,
    quorum: results.quorum,
    participatingPercent: results.participatingPercent,
    questions: data.questions.map((q, i) => ({
      position: q.position,
      title: q.title,
      adopted: results.questions[i]!.adopted,
    })),
  });
  const newsId = await publishHouseNotice(tx, {
    organisationId: m.organisationId,
    title: text.title,
    body: text.body,
    houseIds: [m.houseId],
    publishAt: now,
    expiresAt: null,
    createdBy: 'system',
  });
  await repo.markClosed(tx, m.id, { at: now, results, protocol, sha256, fileId: file.id, newsId });
  if (options.notify !== false) {
    const sent = new Set<string>();
    for (const e of await repo.ownerEmails(tx, m.id)) {
      if (sent.has(e.email)) continue;
      sent.add(e.email);
      await queueMail(tx, ports.enqueue, { to: e.email, subject: text.title, text: text.body });
    }
  }
  if (m.votingSystem === 'state-system' && m.gisResult) {
    // Any difference between the hub's exact count and the state system's result is kept and shown.
    const comparison = compareWithStateSystem(
      data.tally,
      data.questions.map((q) => q.position),
      m.gisResult,
    );
    await saveComparison(tx, m.id, { ...((m.gisComparison as object | null) ?? {}), ...comparison });
  }
  if (options.sync !== false && m.votingSystem) {
    // The state system's own protocol is placed; a region's system sends its protocol as another system's.
    await queueForSync(tx, ports.enqueue, {
      organisationId: m.organisationId,
      operation: m.votingSystem === 'state-system' ? 'importVotingProtocol' : 'importExternalVotingProtocol',
      objectType: 'meeting',
      objectId: m.id,
    });
  }
  await audit(tx, {
    actorType: options.actor?.actorType ?? 'system',
    actorId: options.actor?.actorId ?? null,
    action: 'meeting.closed',
    objectType: 'meeting',
    objectId: m.id,
    organisationId: m.organisationId,
    details: { protocolSha256: sha256, protocolFileId: file.id, quorum: results.quorum, ballots: results.ballots },
  });
  return { closed: true, sha256 } as CloseResult;
}

export interface CloseResult {
  closed: boolean;
  sha256: string | null;
  /** The count waits for the decisions and the result the state system holds. */
  waitingFor?: 'state_system';
}

function maskSnils(enc: string | null, cipher: FieldCipher) {
  if (!enc) return null;
  const d = cipher.decrypt(enc);
  return `***-***-${d.slice(6, 9)} ${d.slice(9)}`;
}

/** Announced meetings whose voting has ended, oldest deadline first: each is closed on its own transaction. */
export async function meetingsDueToClose(db: Db, now: Date) {
  return repo.dueMeetingIds(db, now);
}

export async function getProtocol(db: Db, meetingId: string) {
  const p = await repo.findProtocol(db, meetingId);
  if (!p?.protocol || !p.sha256 || !p.fileId)
    throw ruleViolated('protocol_not_ready', 'The protocol is drawn up when the meeting closes');
  return { protocol: p.protocol, sha256: p.sha256, fileId: p.fileId };
}

export async function getOrgProtocol(db: Db, organisationId: string, meetingId: string) {
  const m = await orgMeeting(db, organisationId, meetingId);
  return getProtocol(db, m.id);
}

export async function listOrgBallots(db: Db, organisationId: string, meetingId: string) {
  const m = await orgMeeting(db, organisationId, meetingId);
  const ballots = await repo.listBallots(db, m.id);
  return ballots.map((b) => ({
    id: b.id,
    ownerId: b.ownerId,
    channel: b.channel,
    voterName: b.voterName,
    titleDocument: b.titleDocument,
    proxyId: b.proxyId,
    votes: b.votes,
    castAt: b.castAt.toISOString(),
    scanFileId: b.scanFileId,
    hasSnils: Boolean(b.snilsEnc),
    answers: b.answers,
  }));
}

export async function listOrgOwners(db: Db, organisationId: string, meetingId: string) {
  const m = await orgMeeting(db, organisationId, meetingId);
  const owners = await repo.listMeetingOwners(db, m.id);
  return owners.map((o) => ({ ...o, votes: toText(ownerVotes(o, o.area)) }));
}

export async function listOrgProxies(db: Db, organisationId: string, meetingId: string) {
  const m = await orgMeeting(db, organisationId, meetingId);
  return (await repo.listProxies(db, m.id)).map((x) => ({
    ...x,
    reviewedAt: x.reviewedAt?.toISOString() ?? null,
    createdAt: x.createdAt.toISOString(),
  }));
}

export async function decideProxy(
  tx: Db,
  actor: Actor,
  meetingId: string,
  proxyId: string,
  accepted: boolean,
  note: string | null,
) {
  const m = await orgMeeting(tx, actor.organisationId, meetingId);
  if (!isUuid(proxyId)) throw notFound('Power of attorney');
  const done = await repo.reviewProxy(tx, m.id, proxyId, accepted ? 'accepted' : 'rejected', note, actor.actorId);
  if (!done) {
    const exists = (await repo.listProxies(tx, m.id)).some((x) => x.id === proxyId);
    if (!exists) throw notFound('Power of attorney');
    throw conflict('proxy_already_reviewed', 'This power of attorney has already been checked');
  }
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: accepted ? 'meeting.proxy_accepted' : 'meeting.proxy_rejected',
    objectType: 'meeting_proxy',
    objectId: proxyId,
    organisationId: m.organisationId,
    details: { meetingId: m.id, note },
  });
  return { id: proxyId, status: accepted ? 'accepted' : 'rejected' };
}

/** A representative uploads the power of attorney for an owner of the meeting's register, named by premise and surname. */
/**
 * A meeting of a house the person has a live link to (or is an owner in). Anyone else gets the same 404
 * as for a meeting that does not exist: nothing about the register is checked for them, nothing stored.
 */
export async function findMemberMeeting(db: Db, personId: string, meetingId: string) {
  const m = isUuid(meetingId)
    ? (await repo.listPersonMeetings(db, personId)).find((x) => x.id === meetingId)
    : undefined;
  if (!m) throw notFound('Meeting');
  return m;
}

export async function submitProxy(
  tx: Db,
  files: FileStore,
  personId: string,
  meetingId: string,
  input: { premiseNumber: string; ownerLastName: string; ownerFirstName?: string },
  upload: { filename: string; contentType: string; data: Buffer },
) {
  const m = await findMemberMeeting(tx, personId, meetingId);
  if (m.status !== 'announced') throw ruleViolated('meeting_not_open', 'The meeting is closed');
  const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase().replace(/ё/g, 'е');
  const matches = (await repo.listMeetingOwners(tx, m.id)).filter(
    (o) =>
      o.premiseNumber === input.premiseNumber &&
      norm(o.lastName) === norm(input.ownerLastName) &&
      (!input.ownerFirstName || norm(o.firstName) === norm(input.ownerFirstName)),
  );
  if (matches.length !== 1) {
    throw ruleViolated(
      matches.length ? 'owner_ambiguous' : 'owner_not_found',
      matches.length
        ? 'Several owners match; add the first name'
        : 'No owner of that premise with that name in the register',
      undefined,
      [{ path: 'body.ownerLastName', message: 'does not identify one owner' }],
    );
  }
  const owner = matches[0]!;
  if (owner.personId === personId) throw ruleViolated('proxy_for_self', 'You are this owner; vote yourself');
  const me = await personSnapshot(tx, personId);
  // In the transaction: a refusal below (proxy_exists) rolls the file back with the record.
  const stored = await files.put({ ...upload, createdBy: personId }, tx);
  const row = await repo.insertProxy(tx, {
    meetingId: m.id,
    ownerId: owner.id,
    personId,
    name: (me && fullName(me)) || 'представитель',
    fileId: stored.id,
  });
  if (!row) throw conflict('proxy_exists', 'A power of attorney for this owner is already pending or accepted');
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'meeting.proxy_submitted',
    objectType: 'meeting_proxy',
    objectId: row.id,
    organisationId: m.organisationId,
    details: { meetingId: m.id, ownerId: owner.id },
  });
  return {
    id: row.id,
    ownerId: owner.id,
    status: row.status,
    fileId: stored.id,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Meetings of the person's houses, with the entries they vote for and whether each has voted. */
export async function listMyMeetings(db: Db, personId: string, now: Date) {
  const meetings = await repo.listPersonMeetings(db, personId);
  return Promise.all(
    meetings.map(async (m) => ({
      id: m.id,
      number: m.number,
      title: m.title,
      houseId: m.houseId,
      houseAddress: m.houseAddress,
      form: m.form,
      status: m.status,
      votingSystem: m.votingSystem,
      votingOpen: m.votingSystem !== 'state-system' && isVotingOpen(m, now),
      votingStartsAt: m.votingStartsAt.toISOString(),
      votingEndsAt: m.votingEndsAt.toISOString(),
      myOwners: (await repo.listVotableOwners(db, m.id, personId)).map(myOwner(personId)),
    })),
  );
}

const myOwner = (personId: string) => (o: Awaited<ReturnType<typeof repo.listVotableOwners>>[number]) => ({
  ownerId: o.id,
  premiseNumber: o.premiseNumber,
  share: `${o.shareNumerator}/${o.shareDenominator}`,
  votes: toText(ownerVotes(o, o.area)),
  asRepresentative: o.personId !== personId,
  voted: o.ballotId !== null,
  castAt: o.castAt?.toISOString() ?? null,
});

export async function getMyMeeting(db: Db, personId: string, meetingId: string, now: Date, voteUrl: string) {
  const visible = (await repo.listPersonMeetings(db, personId)).find((m) => m.id === meetingId);
  if (!visible) throw notFound('Meeting');
  const view = await meetingView(db, visible, voteUrl);
  const myOwners = (await repo.listVotableOwners(db, visible.id, personId)).map(myOwner(personId));
  return {
    ...view,
    // In a meeting held in the state system owners vote there, not here.
    votingOpen: visible.votingSystem !== 'state-system' && isVotingOpen(visible, now),
    myOwners,
    results: visible.status === 'closed' ? visible.results : null,
  };
}

export async function getMyProtocol(db: Db, personId: string, meetingId: string) {
  const visible = (await repo.listPersonMeetings(db, personId)).find((m) => m.id === meetingId);
  if (!visible) throw notFound('Meeting');
  return getProtocol(db, visible.id);
}
