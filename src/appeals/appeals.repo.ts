import type { AppealStatus, AppealType } from '../../contracts/appeals.js';
import type { Db } from '../db/pool.js';
import { DEFAULT_APPEAL_DAYS, OWED_STATUSES } from './deadlines.js';

export interface AppealRow {
  id: string;
  number: string;
  type: AppealType;
  organisationId: string;
  /** Null for an appeal filed in the state system. */
  personId: string | null;
  accountId: string | null;
  houseId: string | null;
  status: AppealStatus;
  formEnc: string;
  revision: number;
  consentAt: Date;
  submittedAt: Date;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  source: 'hub' | 'state_system';
  gisNumber: string | null;
  /** The answer is due by (YYYY-MM-DD); set for state-system appeals. */
  dueOn: string | null;
  /** When the organisation's answer is due; null once it is no longer owed (returned, decided, done). */
  dueAt: Date | null;
  /** The hub author's name as the person record holds it (not the encrypted form); null for the state system's. */
  applicantName: string | null;
  accountNumber: string | null;
  /** The flat (premise) of the appeal's account. */
  premiseNumber: string | null;
}

// The answer's due time while it is owed: a state-system appeal's own date (the end of that day, UTC), else
// the (re)submission plus the organisation's days for the type (appeal_deadlines), or the default.
const DEFAULT_DAYS_JSON = JSON.stringify(DEFAULT_APPEAL_DAYS).replaceAll("'", "''");
const DUE = `CASE WHEN appeals.status IN (${OWED_STATUSES.map((s) => `'${s}'`).join(', ')}) THEN COALESCE(
    (appeals.due_on + 1)::timestamp AT TIME ZONE 'UTC',
    appeals.submitted_at + make_interval(days => COALESCE(
      (SELECT d.days FROM appeal_deadlines d WHERE d.organisation_id = appeals.organisation_id AND d.type = appeals.type),
      ('${DEFAULT_DAYS_JSON}'::jsonb ->> appeals.type)::int))) END`;

export const APPEAL_COLUMNS = `id, number, type, organisation_id AS "organisationId", person_id AS "personId", account_id AS "accountId",
  house_id AS "houseId", status, form_enc AS "formEnc", revision, consent_at AS "consentAt", submitted_at AS "submittedAt",
  closed_at AS "closedAt", created_at AS "createdAt", updated_at AS "updatedAt", source, gis_number AS "gisNumber",
  to_char(due_on, 'YYYY-MM-DD') AS "dueOn", ${DUE} AS "dueAt",
  (SELECT nullif(concat_ws(' ', p.last_name, p.first_name, p.middle_name), '') FROM identity_persons p WHERE p.id = appeals.person_id) AS "applicantName",
  (SELECT ac.number FROM accounts_accounts ac WHERE ac.id = appeals.account_id) AS "accountNumber",
  (SELECT pr.number FROM accounts_accounts ac JOIN registry_premises pr ON pr.id = ac.premise_id WHERE ac.id = appeals.account_id) AS "premiseNumber"`;
const COLUMNS = APPEAL_COLUMNS;

export async function insertAppeal(
  db: Db,
  a: Pick<AppealRow, 'type' | 'organisationId' | 'accountId' | 'houseId' | 'formEnc'> & { personId: string },
): Promise<AppealRow> {
  const { rows } = await db.query<AppealRow>(
    `INSERT INTO appeals (type, organisation_id, person_id, account_id, house_id, form_enc, consent_at)
     VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING ${COLUMNS}`,
    [a.type, a.organisationId, a.personId, a.accountId, a.houseId, a.formEnc],
  );
  return rows[0]!;
}

export async function findAppeal(db: Db, id: string, lock = false): Promise<AppealRow | null> {
  const { rows } = await db.query<AppealRow>(
    `SELECT ${COLUMNS} FROM appeals WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function setAppealStatus(db: Db, id: string, status: AppealStatus): Promise<AppealRow> {
  const { rows } = await db.query<AppealRow>(
    `UPDATE appeals SET status = $2, updated_at = now(),
            closed_at = CASE WHEN $2 = 'done' THEN now() ELSE closed_at END
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, status],
  );
  return rows[0]!;
}

/** The resident's corrected form after rework: a new revision, consent given again, back to submitted. */
export async function replaceAppealForm(
  db: Db,
  id: string,
  formEnc: string,
  accountId: string | null,
  houseId: string | null,
  organisationId: string,
): Promise<AppealRow> {
  const { rows } = await db.query<AppealRow>(
    `UPDATE appeals SET form_enc = $2, account_id = $3, house_id = $4, organisation_id = $5, revision = revision + 1,
            status = 'submitted', consent_at = now(), submitted_at = now(), updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, formEnc, accountId, houseId, organisationId],
  );
  return rows[0]!;
}

export interface AppealListQuery {
  limit: number;
  after?: { createdAt: string; id: string };
  status?: AppealStatus;
  types?: AppealType[];
  houseId?: string;
  source?: 'hub' | 'state_system';
  /** Only appeals whose answer is overdue now. */
  overdue?: boolean;
}

export async function listAppeals(
  db: Db,
  owner: { personId?: string; organisationId?: string; houseIds?: string[] | null },
  q: AppealListQuery,
): Promise<AppealRow[]> {
  const { rows } = await db.query<AppealRow>(
    `SELECT ${COLUMNS} FROM appeals
      WHERE ($1::uuid IS NULL OR person_id = $1) AND ($2::uuid IS NULL OR organisation_id = $2)
        AND ($3::text IS NULL OR status = $3) AND ($4::text[] IS NULL OR type = ANY($4))
        AND ($5::uuid IS NULL OR house_id = $5)
        AND ($6::timestamptz IS NULL OR (created_at, id) < ($6::timestamptz, $7::uuid))
        AND ($9::text IS NULL OR source = $9)
        AND ($10::boolean IS NOT TRUE OR ${DUE} < now())
        AND ($11::uuid[] IS NULL OR house_id = ANY ($11))
      ORDER BY created_at DESC, id DESC LIMIT $8`,
    [
      owner.personId ?? null,
      owner.organisationId ?? null,
      q.status ?? null,
      q.types ?? null,
      q.houseId ?? null,
      q.after?.createdAt ?? null,
      q.after?.id ?? null,
      q.limit,
      q.source ?? null,
      q.overdue ?? null,
      owner.houseIds ?? null,
    ],
  );
  return rows;
}

export interface AppealDeadlineRow {
  type: AppealType;
  days: number;
}

export async function listAppealDeadlines(db: Db, organisationId: string): Promise<AppealDeadlineRow[]> {
  const { rows } = await db.query<AppealDeadlineRow>(
    `SELECT type, days FROM appeal_deadlines WHERE organisation_id = $1 ORDER BY type`,
    [organisationId],
  );
  return rows;
}

/** Sets the organisation's days for the given types (null: back to the default). */
export async function setAppealDeadlines(
  db: Db,
  organisationId: string,
  deadlines: { type: AppealType; days: number | null }[],
) {
  const set = deadlines.filter((d) => d.days !== null);
  const reset = deadlines.filter((d) => d.days === null).map((d) => d.type);
  if (reset.length)
    await db.query(`DELETE FROM appeal_deadlines WHERE organisation_id = $1 AND type = ANY($2::text[])`, [
      organisationId,
      reset,
    ]);
  if (set.length)
    await db.query(
      `INSERT INTO appeal_deadlines (organisation_id, type, days)
       SELECT $1, t, d FROM unnest($2::text[], $3::int[]) AS x(t, d)
       ON CONFLICT (organisation_id, type) DO UPDATE SET days = EXCLUDED.days, updated_at = now()`,
      [organisationId, set.map((d) => d.type), set.map((d) => d.days)],
    );
}

export type Side = 'resident' | 'organisation' | 'system';

export async function insertAppealEvent(
  db: Db,
  e: {
    appealId: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    message?: string | null;
    authorSide: Side;
    actorId?: string | null;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO appeal_events (appeal_id, from_status, to_status, message, author_side, actor_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [e.appealId, e.fromStatus ?? null, e.toStatus ?? null, e.message ?? null, e.authorSide, e.actorId ?? null],
  );
  return rows[0]!.id;
}

export interface AppealEventRow {
  id: string;
  fromStatus: AppealStatus | null;
  toStatus: AppealStatus | null;
  message: string | null;
  authorSide: Side;
  createdAt: Date;
}

export async function listAppealEvents(db: Db, appealId: string): Promise<AppealEventRow[]> {
  const { rows } = await db.query<AppealEventRow>(
    `SELECT id, from_status AS "fromStatus", to_status AS "toStatus", message, author_side AS "authorSide", created_at AS "createdAt"
       FROM appeal_events WHERE appeal_id = $1 ORDER BY id`,
    [appealId],
  );
  return rows;
}

export async function attachAppealFiles(
  db: Db,
  appealId: string,
  files: { fileId: string; kind: string }[],
  side: Side,
  eventId?: string,
) {
  if (!files.length) return;
  await db.query(
    `INSERT INTO appeal_files (appeal_id, file_id, kind, author_side, event_id)
     SELECT $1, f, k, $4, $5 FROM unnest($2::uuid[], $3::text[]) AS x(f, k)
     ON CONFLICT (appeal_id, file_id) DO UPDATE SET kind = EXCLUDED.kind`,
    [appealId, files.map((f) => f.fileId), files.map((f) => f.kind), side, eventId ?? null],
  );
}

/** Drops the resident's attachments before a resubmitted form attaches its own list. */
export async function detachResidentFiles(db: Db, appealId: string) {
  await db.query(`DELETE FROM appeal_files WHERE appeal_id = $1 AND author_side = 'resident'`, [appealId]);
}

export interface AppealFileRow {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  kind: string;
  authorSide: Side;
}

export async function listAppealFiles(db: Db, appealId: string): Promise<AppealFileRow[]> {
  const { rows } = await db.query<AppealFileRow>(
    `SELECT f.id, f.filename, f.content_type, f.size, af.kind, af.author_side AS "authorSide"
       FROM appeal_files af JOIN files_meta f ON f.id = af.file_id WHERE af.appeal_id = $1 ORDER BY af.created_at, f.id`,
    [appealId],
  );
  return rows;
}

/** The organisation's appeals waiting for it: submitted or in review (appeals_org_idx). */
export async function countWaitingAppeals(
  db: Db,
  organisationId: string,
  houseIds: string[] | null = null,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM appeals
      WHERE organisation_id = $1 AND status IN ('submitted', 'in_review') AND ($2::uuid[] IS NULL OR house_id = ANY ($2))`,
    [organisationId, houseIds],
  );
  return rows[0]!.n;
}
