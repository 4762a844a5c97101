import type { Db } from '../db/pool.js';
import type { Answer } from './tally.js';
import type { StateSystemResult, VotingSystem } from './meetings.repo.js';

// SQL of the meetings' side of the state-system exchange: the organisation's choice of voting system
// (meeting_settings), the notice's and protocol's identifiers, owners' decisions placed and read back.

export interface MeetingSettingsRow {
  votingSystem: VotingSystem;
  regionalSystemName: string | null;
  regionalSystemUrl: string | null;
  orgRootGuid: string | null;
}

/** The organisation's settings; without a row, meetings are voted in the state system (ЖК РФ ст. 47.1). */
export async function findMeetingSettings(db: Db, organisationId: string): Promise<MeetingSettingsRow> {
  const { rows } = await db.query<MeetingSettingsRow>(
    `SELECT voting_system AS "votingSystem", regional_system_name AS "regionalSystemName",
            regional_system_url AS "regionalSystemUrl", org_root_guid AS "orgRootGuid"
       FROM meeting_settings WHERE organisation_id = $1`,
    [organisationId],
  );
  return (
    rows[0] ?? { votingSystem: 'state-system', regionalSystemName: null, regionalSystemUrl: null, orgRootGuid: null }
  );
}

/** Saves the settings; `keep` leaves an organisation's existing choice alone (demo data seeded again). */
export async function saveMeetingSettings(db: Db, organisationId: string, s: MeetingSettingsRow, keep = false) {
  await db.query(
    `INSERT INTO meeting_settings (organisation_id, voting_system, regional_system_name, regional_system_url, org_root_guid)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organisation_id) DO ${
       keep
         ? 'NOTHING'
         : `UPDATE SET voting_system = EXCLUDED.voting_system,
       regional_system_name = EXCLUDED.regional_system_name, regional_system_url = EXCLUDED.regional_system_url,
       org_root_guid = EXCLUDED.org_root_guid, updated_at = now()`
     }`,
    [organisationId, s.votingSystem, s.regionalSystemName, s.regionalSystemUrl, s.orgRootGuid],
  );
}

/** What a notice carries besides the meeting's own row: the house's FIAS GUID, the organisation's address, the initiator. */
export interface NoticeContext {
  meetingId: string;
  fiasHouseGuid: string | null;
  organisationName: string;
  organisationAddress: string | null;
  initiatorLastName: string | null;
  initiatorFirstName: string | null;
  initiatorMiddleName: string | null;
  initiatorSnilsEnc: string | null;
}

export async function noticeContexts(db: Db, organisationId: string, meetingIds: string[]): Promise<NoticeContext[]> {
  const { rows } = await db.query<NoticeContext>(
    `SELECT m.id AS "meetingId", h.fias_house_guid AS "fiasHouseGuid", o.name AS "organisationName",
            bo.address AS "organisationAddress", r.last_name AS "initiatorLastName", r.first_name AS "initiatorFirstName",
            r.middle_name AS "initiatorMiddleName", p.snils_enc AS "initiatorSnilsEnc"
       FROM meetings m JOIN registry_houses h ON h.id = m.house_id
       JOIN registry_organisations o ON o.id = m.organisation_id JOIN billing_organisations bo ON bo.id = o.id
       LEFT JOIN owner_register r ON r.id = m.initiator_owner_id LEFT JOIN identity_persons p ON p.id = r.person_id
      WHERE m.organisation_id = $1 AND m.id = ANY($2::uuid[])`,
    [organisationId, meetingIds],
  );
  return rows;
}

/** The notice was placed: its GUID, and its identifier, which numbers the protocol. */
export async function saveNoticeIdentifiers(
  db: Db,
  list: { meetingId: string; guid: string | null; number: string | null }[],
) {
  await db.query(
    `UPDATE meetings m SET gis_message_guid = coalesce(v.g, m.gis_message_guid), gis_number = coalesce(v.n, m.gis_number), updated_at = now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) v(id, g, n) WHERE m.id = v.id`,
    [list.map((l) => l.meetingId), list.map((l) => l.guid), list.map((l) => l.number)],
  );
}

/** A paper ballot with what its decisions in the state system state: the owner, the premise, the notice. */
export interface DecisionSource {
  ballotId: string;
  meetingId: string;
  gisMessageGuid: string | null;
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  snilsEnc: string | null;
  titleDocument: string | null;
  titleRegisteredOn: string | null;
  premiseNumber: string;
  area: string;
  shareNumerator: number;
  shareDenominator: number;
  representativeName: string | null;
  answers: Record<string, Answer | 'invalid'>;
  questions: { id: string; position: number }[];
  scanFileId: string | null;
  scanFilename: string | null;
  decisions: Record<string, string> | null;
}

export async function decisionSources(db: Db, organisationId: string, ballotIds: string[]): Promise<DecisionSource[]> {
  const { rows } = await db.query<DecisionSource>(
    `SELECT b.id AS "ballotId", m.id AS "meetingId", m.gis_message_guid AS "gisMessageGuid", o.last_name AS "lastName",
            o.first_name AS "firstName", o.middle_name AS "middleName", b.snils_enc AS "snilsEnc",
            coalesce(b.title_document, o.title_document) AS "titleDocument", to_char(b.title_registered_on, 'YYYY-MM-DD') AS "titleRegisteredOn",
            p.number AS "premiseNumber", p.area::text AS area, o.share_numerator AS "shareNumerator",
            o.share_denominator AS "shareDenominator", x.representative_name AS "representativeName", b.answers,
            (SELECT json_agg(json_build_object('id', q.id, 'position', q.position) ORDER BY q.position)
               FROM meeting_questions q WHERE q.meeting_id = m.id) AS questions,
            b.scan_file_id AS "scanFileId", f.filename AS "scanFilename", b.gis_decisions AS decisions
       FROM meeting_ballots b JOIN meetings m ON m.id = b.meeting_id
       JOIN meeting_owners o ON o.id = b.owner_id
       JOIN meeting_premises p ON p.meeting_id = o.meeting_id AND p.premise_id = o.premise_id
       LEFT JOIN meeting_proxies x ON x.id = b.proxy_id
       LEFT JOIN files_meta f ON f.id = b.scan_file_id
      WHERE m.organisation_id = $1 AND b.id = ANY($2::uuid[])`,
    [organisationId, ballotIds],
  );
  return rows;
}

/** The state system's RootOwnerDecisionGUID of each question of a ballot. */
export async function saveDecisionGuids(db: Db, list: { ballotId: string; question: number; guid: string }[]) {
  for (const l of list)
    await db.query(
      `UPDATE meeting_ballots SET gis_decisions = coalesce(gis_decisions, '{}'::jsonb) || jsonb_build_object($2::text, $3::text) WHERE id = $1`,
      [l.ballotId, String(l.question), l.guid],
    );
}

export async function meetingsByNotice(db: Db, organisationId: string, messageGuids: string[]) {
  const { rows } = await db.query<{ id: string; gisMessageGuid: string }>(
    `SELECT id, gis_message_guid AS "gisMessageGuid" FROM meetings WHERE organisation_id = $1 AND gis_message_guid = ANY($2::uuid[])`,
    [organisationId, messageGuids],
  );
  return rows;
}

/** Decisions cast in the state system itself become the meeting's ballots (channel state_system), replacing any read before. */
export async function replaceStateSystemBallots(
  db: Db,
  meetingId: string,
  ballots: {
    ownerId: string;
    voterName: string;
    votes: string;
    answers: Record<string, Answer>;
    decisions: Record<string, string>;
    castAt: Date;
  }[],
) {
  await db.query(`DELETE FROM meeting_ballots WHERE meeting_id = $1 AND channel = 'state_system'`, [meetingId]);
  if (!ballots.length) return;
  await db.query(
    `INSERT INTO meeting_ballots (meeting_id, owner_id, channel, voter_name, votes, answers, gis_decisions, cast_at)
     SELECT $1, v.o, 'state_system', v.n, v.v, v.a, v.d, v.t FROM unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::timestamptz[]) v(o, n, v, a, d, t)
     ON CONFLICT (meeting_id, owner_id) DO NOTHING`,
    [
      meetingId,
      ballots.map((b) => b.ownerId),
      ballots.map((b) => b.voterName),
      ballots.map((b) => b.votes),
      ballots.map((b) => JSON.stringify(b.answers)),
      ballots.map((b) => JSON.stringify(b.decisions)),
      ballots.map((b) => b.castAt),
    ],
  );
}

export async function markDecisionsRead(db: Db, meetingId: string, at: Date) {
  await db.query(`UPDATE meetings SET gis_decisions_read_at = $2, updated_at = now() WHERE id = $1`, [meetingId, at]);
}

export async function meetingsOfHouseByNumber(db: Db, organisationId: string, fiasHouseGuid: string) {
  const { rows } = await db.query<{
    id: string;
    gisNumber: string | null;
    status: string;
    form: string;
    votingEndsAt: Date;
    gisProtocolReadAt: Date | null;
  }>(
    `SELECT m.id, m.gis_number AS "gisNumber", m.status, m.form, m.voting_ends_at AS "votingEndsAt",
            m.gis_protocol_read_at AS "gisProtocolReadAt"
       FROM meetings m JOIN registry_houses h ON h.id = m.house_id
      WHERE m.organisation_id = $1 AND h.fias_house_guid = $2 AND m.gis_number IS NOT NULL`,
    [organisationId, fiasHouseGuid],
  );
  return rows;
}

export async function saveStateProtocol(
  db: Db,
  meetingId: string,
  protocolGuid: string,
  result: StateSystemResult,
  at: Date,
) {
  await db.query(
    `UPDATE meetings SET gis_protocol_guid = $2, gis_result = $3, gis_protocol_read_at = $4, updated_at = now() WHERE id = $1`,
    [meetingId, protocolGuid, JSON.stringify(result), at],
  );
}

/** The state system answered with no protocol of its own for the meeting (one in person or by paper ballots). */
export async function markNoStateProtocol(db: Db, meetingId: string, at: Date) {
  await db.query(
    `UPDATE meetings SET gis_protocol_read_at = $2, updated_at = now() WHERE id = $1 AND gis_protocol_read_at IS NULL`,
    [meetingId, at],
  );
}

export async function saveComparison(db: Db, meetingId: string, comparison: unknown) {
  await db.query(`UPDATE meetings SET gis_comparison = $2, updated_at = now() WHERE id = $1`, [
    meetingId,
    JSON.stringify(comparison),
  ]);
}

/** A closed meeting's protocol for another system's protocol: its number, date, results and PDF. */
export async function protocolSources(db: Db, organisationId: string, meetingIds: string[]) {
  const { rows } = await db.query<{
    id: string;
    gisMessageGuid: string | null;
    gisNumber: string | null;
    gisProtocolGuid: string | null;
    closedAt: Date | null;
    timezone: string;
    results: unknown;
    questions: { id: string; position: number }[];
    protocolFileId: string | null;
    number: string;
  }>(
    `SELECT m.id, m.gis_message_guid AS "gisMessageGuid", m.gis_number AS "gisNumber", m.gis_protocol_guid AS "gisProtocolGuid",
            m.closed_at AS "closedAt", h.timezone, m.results, m.protocol_file_id AS "protocolFileId", m.number,
            (SELECT json_agg(json_build_object('id', q.id, 'position', q.position) ORDER BY q.position)
               FROM meeting_questions q WHERE q.meeting_id = m.id) AS questions
       FROM meetings m JOIN registry_houses h ON h.id = m.house_id WHERE m.organisation_id = $1 AND m.id = ANY($2::uuid[])`,
    [organisationId, meetingIds],
  );
  return rows;
}
