import type { Db } from '../db/pool.js';
import { APPEAL_COLUMNS as ROW, type AppealRow } from './appeals.repo.js';

// SQL of appeals filed in the state system (appeals.source = 'state_system'), their answers sent back
// (appeal_gis_answers) and the organisation's appeal settings.

export interface StateSystemAppealFields {
  gisAppealGuid: string;
  gisNumber: string;
  gisAnswererGuid: string | null;
  gisStatus: string;
  dueOn: string | null;
}

/** The organisation's appeals already known by their state-system GUID. */
export async function appealsByGisGuid(
  db: Db,
  organisationId: string,
  guids: string[],
): Promise<Map<string, AppealRow & { gisStatus: string | null }>> {
  const { rows } = await db.query<AppealRow & { gisStatus: string | null; gisAppealGuid: string }>(
    `SELECT ${ROW}, gis_status AS "gisStatus", gis_appeal_guid AS "gisAppealGuid" FROM appeals
      WHERE organisation_id = $1 AND gis_appeal_guid = ANY($2::uuid[]) FOR UPDATE`,
    [organisationId, guids],
  );
  return new Map(rows.map((r) => [r.gisAppealGuid, r]));
}

export async function insertStateSystemAppeal(
  db: Db,
  a: { organisationId: string; houseId: string | null; formEnc: string; submittedAt: string } & StateSystemAppealFields,
): Promise<AppealRow> {
  const { rows } = await db.query<AppealRow>(
    `INSERT INTO appeals (type, organisation_id, person_id, house_id, form_enc, consent_at, submitted_at, source,
       gis_appeal_guid, gis_number, gis_answerer_guid, gis_status, due_on)
     VALUES ('complaint', $1, NULL, $2, $3, $4::date, $4::date, 'state_system', $5, $6, $7, $8, $9) RETURNING ${ROW}`,
    [
      a.organisationId,
      a.houseId,
      a.formEnc,
      a.submittedAt,
      a.gisAppealGuid,
      a.gisNumber,
      a.gisAnswererGuid,
      a.gisStatus,
      a.dueOn,
    ],
  );
  return rows[0]!;
}

export async function setGisStatus(db: Db, id: string, gisStatus: string, answererGuid: string | null) {
  await db.query(
    `UPDATE appeals SET gis_status = $2, gis_answerer_guid = COALESCE($3, gis_answerer_guid), updated_at = now() WHERE id = $1`,
    [id, gisStatus, answererGuid],
  );
}

export async function answerWorkingDays(db: Db, organisationId: string): Promise<number> {
  const { rows } = await db.query<{ days: number }>(
    `SELECT answer_working_days AS days FROM appeal_settings WHERE organisation_id = $1`,
    [organisationId],
  );
  return rows[0]?.days ?? 10;
}

export async function setAnswerWorkingDays(db: Db, organisationId: string, days: number) {
  await db.query(
    `INSERT INTO appeal_settings (organisation_id, answer_working_days) VALUES ($1, $2)
     ON CONFLICT (organisation_id) DO UPDATE SET answer_working_days = EXCLUDED.answer_working_days, updated_at = now()`,
    [organisationId, days],
  );
}

export async function insertGisAnswer(db: Db, appealId: string, eventId: string | null, text: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO appeal_gis_answers (appeal_id, event_id, text) VALUES ($1, $2, $3) RETURNING id`,
    [appealId, eventId, text],
  );
  return rows[0]!.id;
}

export interface GisAnswerForSync {
  id: string;
  appealId: string;
  appealGuid: string;
  answererGuid: string | null;
  gisNumber: string | null;
  text: string;
  /** The files the organisation attached with the answer (appeal_files of the answer's event). */
  files: { fileId: string; filename: string }[];
}

export async function gisAnswersForSync(db: Db, organisationId: string, ids: string[]): Promise<GisAnswerForSync[]> {
  const { rows } = await db.query<GisAnswerForSync>(
    `SELECT g.id, g.appeal_id AS "appealId", a.gis_appeal_guid AS "appealGuid", a.gis_answerer_guid AS "answererGuid",
            a.gis_number AS "gisNumber", g.text,
            COALESCE((SELECT json_agg(json_build_object('fileId', f.id, 'filename', f.filename) ORDER BY af.created_at, f.id)
                        FROM appeal_files af JOIN files_meta f ON f.id = af.file_id
                       WHERE af.appeal_id = g.appeal_id AND af.event_id = g.event_id), '[]') AS files
       FROM appeal_gis_answers g JOIN appeals a ON a.id = g.appeal_id
      WHERE g.id = ANY($1::uuid[]) AND a.organisation_id = $2 AND a.gis_appeal_guid IS NOT NULL`,
    [ids, organisationId],
  );
  return rows;
}

/** Answers the state system took: their GUID there; returns the appeals they belong to. */
export async function acceptGisAnswers(db: Db, accepted: { id: string; answerGuid: string | null }[]) {
  const { rows } = await db.query<{ appeal_id: string }>(
    `UPDATE appeal_gis_answers g SET status = 'accepted', gis_answer_guid = v.guid, acknowledged_at = now(), error = NULL
       FROM unnest($1::uuid[], $2::uuid[]) v(id, guid) WHERE g.id = v.id RETURNING g.appeal_id`,
    [accepted.map((a) => a.id), accepted.map((a) => a.answerGuid)],
  );
  return rows.map((r) => r.appeal_id);
}

export interface GisAnswerRow {
  id: string;
  text: string;
  status: 'queued' | 'accepted' | 'rejected';
  gisAnswerGuid: string | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
}

export async function listGisAnswers(db: Db, appealId: string): Promise<GisAnswerRow[]> {
  const { rows } = await db.query<GisAnswerRow>(
    `SELECT id, text, status, gis_answer_guid AS "gisAnswerGuid", created_at AS "createdAt", acknowledged_at AS "acknowledgedAt"
       FROM appeal_gis_answers WHERE appeal_id = $1 ORDER BY created_at`,
    [appealId],
  );
  return rows;
}

export interface AppealSourceRow {
  id: string;
  source: 'hub' | 'state_system';
  gisNumber: string | null;
  gisStatus: string | null;
  dueOn: string | null;
}

export async function appealSources(db: Db, ids: string[]): Promise<Map<string, AppealSourceRow>> {
  const { rows } = await db.query<AppealSourceRow>(
    `SELECT id, source, gis_number AS "gisNumber", gis_status AS "gisStatus", to_char(due_on, 'YYYY-MM-DD') AS "dueOn"
       FROM appeals WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
