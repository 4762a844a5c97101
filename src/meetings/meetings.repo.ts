import type { Db } from '../db/pool.js';
import type { Answer, DecisionRule } from './tally.js';
import type { MeetingForm } from './schedule.js';
import type { RegisterRow } from './register.repo.js';

export type MeetingStatus = 'draft' | 'announced' | 'closed' | 'cancelled';

export interface MeetingRow {
  id: string;
  organisationId: string;
  houseId: string;
  houseAddress: string;
  timezone: string;
  number: string;
  title: string;
  form: MeetingForm;
  status: MeetingStatus;
  initiatorType: 'organisation' | 'owner';
  initiatorOwnerId: string | null;
  initiatorName: string;
  administratorName: string;
  chairName: string | null;
  secretaryName: string | null;
  counterNames: string[];
  place: string;
  materialsInfo: string;
  inPersonAt: Date | null;
  votingStartsAt: Date;
  votingEndsAt: Date;
  announcedAt: Date | null;
  noticeNewsId: string | null;
  closedAt: Date | null;
  results: unknown;
  protocolSha256: string | null;
  protocolFileId: string | null;
  /** Where the meeting is voted, fixed at notice (null: a meeting announced before the choice existed, voted in the hub). */
  votingSystem: VotingSystem | null;
  gisMessageGuid: string | null;
  /** The notice's identifier in the state system: the protocol's number. */
  gisNumber: string | null;
  gisDecisionsReadAt: Date | null;
  gisProtocolGuid: string | null;
  gisResult: StateSystemResult | null;
  gisProtocolReadAt: Date | null;
  gisComparison: unknown;
}

export type VotingSystem = 'state-system' | 'regional-system';

/** A meeting's result as the state system's protocol states it. */
export interface StateSystemResult {
  protocolNumber: string | null;
  quorum: boolean;
  status: string;
  questions: {
    number: number;
    agree: string | null;
    against: string | null;
    abstain: string | null;
    adopted: boolean | null;
  }[];
}

const MEETING_COLUMNS = `m.id, m.organisation_id AS "organisationId", m.house_id AS "houseId", h.full_address AS "houseAddress",
  h.timezone, m.number, m.title, m.form, m.status, m.initiator_type AS "initiatorType", m.initiator_owner_id AS "initiatorOwnerId",
  m.initiator_name AS "initiatorName", m.administrator_name AS "administratorName", m.chair_name AS "chairName",
  m.secretary_name AS "secretaryName", m.counter_names AS "counterNames", m.place, m.materials_info AS "materialsInfo",
  m.in_person_at AS "inPersonAt", m.voting_starts_at AS "votingStartsAt", m.voting_ends_at AS "votingEndsAt",
  m.announced_at AS "announcedAt", m.notice_news_id AS "noticeNewsId", m.closed_at AS "closedAt", m.results,
  m.protocol_sha256 AS "protocolSha256", m.protocol_file_id AS "protocolFileId", m.voting_system AS "votingSystem",
  m.gis_message_guid AS "gisMessageGuid", m.gis_number AS "gisNumber", m.gis_decisions_read_at AS "gisDecisionsReadAt",
  m.gis_protocol_guid AS "gisProtocolGuid", m.gis_result AS "gisResult", m.gis_protocol_read_at AS "gisProtocolReadAt",
  m.gis_comparison AS "gisComparison"`;

export async function findMeeting(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MeetingRow | undefined> {
  const { rows } = await db.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM meetings m JOIN registry_houses h ON h.id = m.house_id WHERE m.id = $1 ${options.forUpdate ? 'FOR UPDATE OF m' : ''}`,
    [id],
  );
  return rows[0];
}

export async function listOrgMeetings(
  db: Db,
  organisationId: string,
  houseId: string | undefined,
  limit: number,
  after?: [string, string],
  status?: MeetingStatus,
) {
  const { rows } = await db.query<MeetingRow & { createdAt: Date }>(
    `SELECT ${MEETING_COLUMNS}, m.created_at AS "createdAt" FROM meetings m JOIN registry_houses h ON h.id = m.house_id
      WHERE m.organisation_id = $1 AND ($2::uuid IS NULL OR m.house_id = $2)
        AND ($3::timestamptz IS NULL OR (m.created_at, m.id) < ($3::timestamptz, $4::uuid))
        AND ($6::text IS NULL OR m.status = $6)
      ORDER BY m.created_at DESC, m.id DESC LIMIT $5`,
    [organisationId, houseId ?? null, after?.[0] ?? null, after?.[1] ?? null, limit, status ?? null],
  );
  return rows;
}

/** Meetings a person may see: announced or closed ones of houses they hold a live link in or own in. */
export async function listPersonMeetings(db: Db, personId: string): Promise<MeetingRow[]> {
  const { rows } = await db.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS} FROM meetings m JOIN registry_houses h ON h.id = m.house_id
      WHERE m.status IN ('announced', 'closed')
        AND (m.house_id IN (SELECT a.house_id FROM accounts_links l JOIN accounts_accounts a ON a.id = l.account_id
                             WHERE l.person_id = $1 AND l.revoked_at IS NULL)
             OR EXISTS (SELECT 1 FROM meeting_owners o WHERE o.meeting_id = m.id AND o.person_id = $1))
      ORDER BY m.voting_ends_at DESC`,
    [personId],
  );
  return rows;
}

export async function nextMeetingNumber(db: Db, houseId: string, year: number): Promise<string> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int + 1 AS n FROM meetings WHERE house_id = $1 AND number LIKE $2`,
    [houseId, `%/${year}`],
  );
  return `${rows[0]!.n}/${year}`;
}

export type NewMeeting = Omit<
  MeetingRow,
  | 'id'
  | 'houseAddress'
  | 'timezone'
  | 'status'
  | 'announcedAt'
  | 'noticeNewsId'
  | 'closedAt'
  | 'results'
  | 'protocolSha256'
  | 'protocolFileId'
  | 'votingSystem'
  | 'gisMessageGuid'
  | 'gisNumber'
  | 'gisDecisionsReadAt'
  | 'gisProtocolGuid'
  | 'gisResult'
  | 'gisProtocolReadAt'
  | 'gisComparison'
> & { createdBy: string };

export async function insertMeeting(db: Db, m: NewMeeting & { id?: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO meetings (id, organisation_id, house_id, number, title, form, initiator_type, initiator_owner_id, initiator_name,
                           administrator_name, chair_name, secretary_name, counter_names, place, materials_info, in_person_at,
                           voting_starts_at, voting_ends_at, created_by)
     VALUES (coalesce($1, gen_random_uuid()), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     RETURNING id`,
    [
      m.id ?? null,
      m.organisationId,
      m.houseId,
      m.number,
      m.title,
      m.form,
      m.initiatorType,
      m.initiatorOwnerId,
      m.initiatorName,
      m.administratorName,
      m.chairName,
      m.secretaryName,
      m.counterNames,
      m.place,
      m.materialsInfo,
      m.inPersonAt,
      m.votingStartsAt,
      m.votingEndsAt,
      m.createdBy,
    ],
  );
  return rows[0]!.id;
}

export interface QuestionRow {
  id: string;
  position: number;
  title: string;
  proposal: string;
  rule: DecisionRule;
  /** The key of the catalogue's common question it was taken from (contracts/meeting-agenda.ts). */
  catalogueKey: string | null;
}

export async function insertQuestions(
  db: Db,
  meetingId: string,
  questions: (Omit<QuestionRow, 'id' | 'catalogueKey'> & { catalogueKey?: string | null })[],
) {
  await db.query(
    `INSERT INTO meeting_questions (meeting_id, position, title, proposal, rule, catalogue_key)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [
      meetingId,
      questions.map((q) => q.position),
      questions.map((q) => q.title),
      questions.map((q) => q.proposal),
      questions.map((q) => q.rule),
      questions.map((q) => q.catalogueKey ?? null),
    ],
  );
}

export async function listQuestions(db: Db, meetingId: string): Promise<QuestionRow[]> {
  const { rows } = await db.query<QuestionRow>(
    `SELECT id, position, title, proposal, rule, catalogue_key AS "catalogueKey"
       FROM meeting_questions WHERE meeting_id = $1 ORDER BY position`,
    [meetingId],
  );
  return rows;
}

export async function insertMaterial(db: Db, meetingId: string, fileId: string, title: string) {
  const { rows } = await db.query<{ id: string; createdAt: Date }>(
    `INSERT INTO meeting_materials (meeting_id, file_id, title) VALUES ($1, $2, $3) RETURNING id, created_at AS "createdAt"`,
    [meetingId, fileId, title],
  );
  return rows[0]!;
}

export interface MaterialRow {
  id: string;
  title: string;
  fileId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export async function listMaterials(db: Db, meetingId: string): Promise<MaterialRow[]> {
  const { rows } = await db.query<MaterialRow>(
    `SELECT mm.id, mm.title, mm.file_id AS "fileId", f.filename, f.content_type AS "contentType", f.size, f.sha256
       FROM meeting_materials mm JOIN files_meta f ON f.id = mm.file_id WHERE mm.meeting_id = $1 ORDER BY mm.created_at`,
    [meetingId],
  );
  return rows;
}

/** Removes a material of a draft meeting; the file stays in the store (it may be referenced by the audit). */
export async function deleteMaterial(db: Db, meetingId: string, materialId: string): Promise<boolean> {
  const { rowCount } = await db.query(`DELETE FROM meeting_materials WHERE meeting_id = $1 AND id = $2`, [
    meetingId,
    materialId,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Whether a stored file belongs to the meeting: a material, a power of attorney or a ballot's scan. */
export async function meetingHasFile(db: Db, meetingId: string, fileId: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM meeting_materials WHERE meeting_id = $1 AND file_id = $2
     UNION ALL SELECT 1 FROM meeting_proxies WHERE meeting_id = $1 AND file_id = $2
     UNION ALL SELECT 1 FROM meeting_ballots WHERE meeting_id = $1 AND scan_file_id = $2
     LIMIT 1`,
    [meetingId, fileId],
  );
  return rows.length > 0;
}

export async function markCancelled(db: Db, meetingId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE meetings SET status = 'cancelled', updated_at = now() WHERE id = $1 AND status = 'draft'`,
    [meetingId],
  );
  return (rowCount ?? 0) > 0;
}

/** Freezes the premises and the owners register of the house as the meeting's own, at notice. */
export async function snapshotRegister(db: Db, meetingId: string, houseId: string) {
  await db.query(
    `INSERT INTO meeting_premises (meeting_id, premise_id, number, area)
     SELECT $1, id, number, area FROM registry_premises WHERE house_id = $2`,
    [meetingId, houseId],
  );
  const { rowCount } = await db.query(
    `INSERT INTO meeting_owners (meeting_id, register_id, premise_id, last_name, first_name, middle_name, share_numerator,
                                 share_denominator, title_document, person_id)
     SELECT $1, id, premise_id, last_name, first_name, middle_name, share_numerator, share_denominator, title_document, person_id
       FROM owner_register WHERE house_id = $2`,
    [meetingId, houseId],
  );
  return rowCount ?? 0;
}

export interface MeetingPremise {
  id: string;
  number: string;
  area: string;
}
export async function listMeetingPremises(db: Db, meetingId: string): Promise<MeetingPremise[]> {
  const { rows } = await db.query<MeetingPremise>(
    `SELECT premise_id AS id, number, area::text AS area FROM meeting_premises WHERE meeting_id = $1 ORDER BY length(number), number`,
    [meetingId],
  );
  return rows;
}

/** An owner as frozen into a meeting when its notice is sent: a register row without its source. */
export type MeetingOwner = Omit<RegisterRow, 'source'>;
const OWNER_COLUMNS = `o.id, o.premise_id AS "premiseId", p.number AS "premiseNumber", p.area::text AS area, o.last_name AS "lastName",
  o.first_name AS "firstName", o.middle_name AS "middleName", o.share_numerator AS "shareNumerator",
  o.share_denominator AS "shareDenominator", o.title_document AS "titleDocument", o.person_id AS "personId"`;

export async function listMeetingOwners(db: Db, meetingId: string): Promise<MeetingOwner[]> {
  const { rows } = await db.query<MeetingOwner>(
    `SELECT ${OWNER_COLUMNS} FROM meeting_owners o JOIN meeting_premises p ON p.meeting_id = o.meeting_id AND p.premise_id = o.premise_id
      WHERE o.meeting_id = $1 ORDER BY length(p.number), p.number, o.last_name, o.first_name`,
    [meetingId],
  );
  return rows;
}

/** Entries the person may vote for: their own, and those they represent with an accepted power of attorney. */
export interface VotableOwner extends MeetingOwner {
  proxyId: string | null;
  representativeName: string | null;
  ballotId: string | null;
  castAt: Date | null;
}

export async function listVotableOwners(db: Db, meetingId: string, personId: string): Promise<VotableOwner[]> {
  const { rows } = await db.query<VotableOwner>(
    `SELECT ${OWNER_COLUMNS}, x.id AS "proxyId", x.representative_name AS "representativeName",
            b.id AS "ballotId", b.cast_at AS "castAt"
       FROM meeting_owners o
       JOIN meeting_premises p ON p.meeting_id = o.meeting_id AND p.premise_id = o.premise_id
       LEFT JOIN meeting_proxies x ON x.owner_id = o.id AND x.status = 'accepted' AND x.representative_person_id = $2
       LEFT JOIN meeting_ballots b ON b.owner_id = o.id
      WHERE o.meeting_id = $1 AND (o.person_id = $2 OR x.id IS NOT NULL)
      ORDER BY length(p.number), p.number`,
    [meetingId, personId],
  );
  return rows;
}

export async function findMeetingOwner(db: Db, meetingId: string, ownerId: string): Promise<MeetingOwner | undefined> {
  const { rows } = await db.query<MeetingOwner>(
    `SELECT ${OWNER_COLUMNS} FROM meeting_owners o JOIN meeting_premises p ON p.meeting_id = o.meeting_id AND p.premise_id = o.premise_id
      WHERE o.meeting_id = $1 AND o.id = $2`,
    [meetingId, ownerId],
  );
  return rows[0];
}

export async function insertNotices(
  db: Db,
  meetingId: string,
  notices: { ownerId: string; channel: 'email' | 'news'; address: string | null }[],
) {
  await db.query(
    `INSERT INTO meeting_notices (meeting_id, owner_id, channel, address)
     SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
    [meetingId, notices.map((n) => n.ownerId), notices.map((n) => n.channel), notices.map((n) => n.address)],
  );
}

export interface NoticeRow {
  ownerId: string;
  channel: 'email' | 'news';
  address: string | null;
  sentAt: Date;
}

export async function listNotices(db: Db, meetingId: string): Promise<NoticeRow[]> {
  const { rows } = await db.query<NoticeRow>(
    `SELECT owner_id AS "ownerId", channel, address, sent_at AS "sentAt" FROM meeting_notices WHERE meeting_id = $1 ORDER BY owner_id, channel`,
    [meetingId],
  );
  return rows;
}

/** E-mail addresses of the owners of a meeting who are known persons (one per person). */
export async function ownerEmails(db: Db, meetingId: string) {
  const { rows } = await db.query<{ ownerId: string; personId: string; email: string }>(
    `SELECT o.id AS "ownerId", p.id AS "personId", p.email FROM meeting_owners o JOIN identity_persons p ON p.id = o.person_id
      WHERE o.meeting_id = $1 AND p.email IS NOT NULL`,
    [meetingId],
  );
  return rows;
}

export interface NewBallot {
  meetingId: string;
  ownerId: string;
  channel: 'electronic' | 'paper' | 'state_system';
  voterName: string;
  voterPersonId: string | null;
  proxyId: string | null;
  titleDocument: string | null;
  snilsEnc: string | null;
  votes: string;
  answers: Record<string, Answer | 'invalid'>;
  scanFileId: string | null;
  enteredBy: string | null;
  castAt: Date;
  titleRegisteredOn?: string | null;
}

/** Inserts a ballot; null when the owner already has one (the unique constraint decides, race-free). */
export async function insertBallot(db: Db, b: NewBallot): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO meeting_ballots (meeting_id, owner_id, channel, voter_name, voter_person_id, proxy_id, title_document, snils_enc,
                                  votes, answers, scan_file_id, entered_by, cast_at, title_registered_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (meeting_id, owner_id) DO NOTHING RETURNING id`,
    [
      b.meetingId,
      b.ownerId,
      b.channel,
      b.voterName,
      b.voterPersonId,
      b.proxyId,
      b.titleDocument,
      b.snilsEnc,
      b.votes,
      JSON.stringify(b.answers),
      b.scanFileId,
      b.enteredBy,
      b.castAt,
      b.titleRegisteredOn ?? null,
    ],
  );
  return rows[0]?.id ?? null;
}

export interface BallotRow {
  id: string;
  ownerId: string;
  channel: 'electronic' | 'paper' | 'state_system';
  voterName: string;
  proxyId: string | null;
  titleDocument: string | null;
  snilsEnc: string | null;
  votes: string;
  answers: Record<string, Answer | 'invalid'>;
  scanFileId: string | null;
  castAt: Date;
  /** { questionNumber: RootOwnerDecisionGUID } of the decisions in the state system. */
  gisDecisions: Record<string, string> | null;
  titleRegisteredOn: string | null;
}

export async function listBallots(db: Db, meetingId: string): Promise<BallotRow[]> {
  const { rows } = await db.query<BallotRow>(
    `SELECT id, owner_id AS "ownerId", channel, voter_name AS "voterName", proxy_id AS "proxyId", title_document AS "titleDocument",
            snils_enc AS "snilsEnc", votes, answers, scan_file_id AS "scanFileId", cast_at AS "castAt",
            gis_decisions AS "gisDecisions", to_char(title_registered_on, 'YYYY-MM-DD') AS "titleRegisteredOn"
       FROM meeting_ballots WHERE meeting_id = $1 ORDER BY cast_at, id`,
    [meetingId],
  );
  return rows;
}

export async function insertProxy(
  db: Db,
  p: { meetingId: string; ownerId: string; personId: string | null; name: string; fileId: string },
) {
  const { rows } = await db.query<Pick<ProxyRow, 'id' | 'status' | 'createdAt'>>(
    `INSERT INTO meeting_proxies (meeting_id, owner_id, representative_person_id, representative_name, file_id)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id, status, created_at AS "createdAt"`,
    [p.meetingId, p.ownerId, p.personId, p.name, p.fileId],
  );
  return rows[0];
}

export interface ProxyRow {
  id: string;
  ownerId: string;
  representativePersonId: string | null;
  representativeName: string;
  fileId: string;
  status: 'pending' | 'accepted' | 'rejected';
  note: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
}
export async function listProxies(db: Db, meetingId: string): Promise<ProxyRow[]> {
  const { rows } = await db.query<ProxyRow>(
    `SELECT id, owner_id AS "ownerId", representative_person_id AS "representativePersonId", representative_name AS "representativeName",
            file_id AS "fileId", status, note, reviewed_at AS "reviewedAt", created_at AS "createdAt"
       FROM meeting_proxies WHERE meeting_id = $1 ORDER BY created_at`,
    [meetingId],
  );
  return rows;
}

export async function reviewProxy(
  db: Db,
  meetingId: string,
  proxyId: string,
  status: 'accepted' | 'rejected',
  note: string | null,
  by: string,
) {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE meeting_proxies SET status = $3, note = $4, reviewed_by = $5, reviewed_at = now()
      WHERE meeting_id = $1 AND id = $2 AND status = 'pending' RETURNING id`,
    [meetingId, proxyId, status, note, by],
  );
  return rows.length > 0;
}

export async function markAnnounced(db: Db, meetingId: string, at: Date, newsId: string, votingSystem: VotingSystem) {
  await db.query(
    `UPDATE meetings SET status = 'announced', announced_at = $2, notice_news_id = $3, voting_system = $4, updated_at = now() WHERE id = $1`,
    [meetingId, at, newsId, votingSystem],
  );
}

export async function markClosed(
  db: Db,
  meetingId: string,
  c: { at: Date; results: unknown; protocol: unknown; sha256: string; fileId: string; newsId: string },
) {
  await db.query(
    `UPDATE meetings SET status = 'closed', closed_at = $2, results = $3, protocol = $4, protocol_sha256 = $5, protocol_file_id = $6,
                         results_news_id = $7, updated_at = now() WHERE id = $1`,
    [meetingId, c.at, JSON.stringify(c.results), JSON.stringify(c.protocol), c.sha256, c.fileId, c.newsId],
  );
}

export interface ProtocolRow {
  protocol: Record<string, unknown> | null;
  sha256: string | null;
  fileId: string | null;
}

export async function findProtocol(db: Db, meetingId: string): Promise<ProtocolRow | undefined> {
  const { rows } = await db.query<ProtocolRow>(
    `SELECT protocol, protocol_sha256 AS sha256, protocol_file_id AS "fileId" FROM meetings WHERE id = $1`,
    [meetingId],
  );
  return rows[0];
}

export async function dueMeetingIds(db: Db, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM meetings WHERE status = 'announced' AND voting_ends_at <= $1 ORDER BY voting_ends_at`,
    [now],
  );
  return rows.map((r) => r.id);
}

/** Only what the count needs, without names or documents: the fast path of turnout and results. */
export async function loadCountData(db: Db, meetingId: string) {
  const premises = await db.query<{ id: string; area: string }>(
    `SELECT premise_id AS id, area::text AS area FROM meeting_premises WHERE meeting_id = $1`,
    [meetingId],
  );
  const owners = await db.query<{ id: string; premiseId: string; shareNumerator: number; shareDenominator: number }>(
    `SELECT id, premise_id AS "premiseId", share_numerator AS "shareNumerator", share_denominator AS "shareDenominator"
       FROM meeting_owners WHERE meeting_id = $1`,
    [meetingId],
  );
  const ballots = await db.query<{ ownerId: string; answers: Record<string, Answer | 'invalid'> }>(
    `SELECT owner_id AS "ownerId", answers FROM meeting_ballots WHERE meeting_id = $1`,
    [meetingId],
  );
  return { premises: premises.rows, owners: owners.rows, ballots: ballots.rows };
}

/** Whether the owner already has a ballot in the meeting. */
export async function hasBallot(db: Db, meetingId: string, ownerId: string): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM meeting_ballots WHERE meeting_id = $1 AND owner_id = $2`, [
    meetingId,
    ownerId,
  ]);
  return Boolean(rowCount);
}
