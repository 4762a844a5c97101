import { TICKET_STATUSES, type TicketStatus } from '../../contracts/tickets.js';
import type { Db } from '../db/pool.js';

export interface TicketRow {
  id: string;
  number: string;
  organisationId: string;
  houseId: string;
  accountId: string | null;
  authorPersonId: string | null;
  visibility: 'own' | 'house';
  category: string;
  emergency: boolean;
  text: string;
  contactPhoneEnc: string | null;
  status: TicketStatus;
  assignee: string | null;
  deadline: Date | null;
  resolution: string | null;
  closedAt: Date | null;
  reopenedCount: number;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, number, organisation_id AS "organisationId", house_id AS "houseId", account_id AS "accountId",
  author_person_id AS "authorPersonId", visibility, category, emergency, text, contact_phone_enc AS "contactPhoneEnc",
  status, assignee, deadline, resolution, closed_at AS "closedAt", reopened_count AS "reopenedCount",
  rating, rating_comment AS "ratingComment", rated_at AS "ratedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertTicket(
  db: Db,
  t: Pick<
    TicketRow,
    | 'organisationId'
    | 'houseId'
    | 'accountId'
    | 'authorPersonId'
    | 'visibility'
    | 'category'
    | 'emergency'
    | 'text'
    | 'contactPhoneEnc'
    | 'deadline'
  >,
): Promise<TicketRow> {
  const { rows } = await db.query<TicketRow>(
    `INSERT INTO tickets (organisation_id, house_id, account_id, author_person_id, visibility, category, emergency, text, contact_phone_enc, deadline)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
    [
      t.organisationId,
      t.houseId,
      t.accountId,
      t.authorPersonId,
      t.visibility,
      t.category,
      t.emergency,
      t.text,
      t.contactPhoneEnc,
      t.deadline,
    ],
  );
  return rows[0]!;
}

/** The ticket, locked for update when `lock` (status changes read and write under one lock). */
export async function findTicket(db: Db, id: string, lock = false): Promise<TicketRow | null> {
  const { rows } = await db.query<TicketRow>(
    `SELECT ${COLUMNS} FROM tickets WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export interface TicketPage {
  limit: number;
  after?: { createdAt: string; id: string };
}

const pageClause = (first: number) =>
  `($${first}::timestamptz IS NULL OR (created_at, id) < ($${first}::timestamptz, $${first + 1}::uuid))`;

/** The person's own requests and, with `houseIds`, the house-wide ones of those houses; newest first. */
export async function listTicketsForPerson(
  db: Db,
  q: { personId: string; houseIds: string[]; scope: 'own' | 'house' | 'all'; status?: TicketStatus } & TicketPage,
): Promise<TicketRow[]> {
  const { rows } = await db.query<TicketRow>(
    `SELECT ${COLUMNS} FROM tickets
      WHERE ((($3 IN ('own', 'all')) AND author_person_id = $1)
          OR (($3 IN ('house', 'all')) AND visibility = 'house' AND house_id = ANY($2::uuid[])))
        AND ($4::text IS NULL OR status = $4)
        AND ${pageClause(5)}
      ORDER BY created_at DESC, id DESC LIMIT $7`,
    [q.personId, q.houseIds, q.scope, q.status ?? null, q.after?.createdAt ?? null, q.after?.id ?? null, q.limit],
  );
  return rows;
}

export interface OrgTicketFilter {
  organisationId: string;
  houseId?: string;
  /** Staff limited to some houses see those only; null: every house. */
  houseIds?: string[] | null;
  status?: TicketStatus;
  open?: boolean;
  category?: string;
  emergency?: boolean;
  assignee?: string;
  overdue?: boolean;
}

/** The organisation's queue, scoped to it, with the dispatcher's filters; newest first. */
export async function listTicketsForOrg(db: Db, f: OrgTicketFilter & TicketPage): Promise<TicketRow[]> {
  const { rows } = await db.query<TicketRow>(
    `SELECT ${COLUMNS} FROM tickets
      WHERE organisation_id = $1
        AND ($2::uuid IS NULL OR house_id = $2)
        AND ($3::text IS NULL OR status = $3)
        AND ($4::boolean IS NULL OR (status IN ('new', 'in_progress')) = $4)
        AND ($5::text IS NULL OR category = $5)
        AND ($6::boolean IS NULL OR emergency = $6)
        AND ($7::text IS NULL OR assignee = $7)
        AND ($8::boolean IS NULL OR (deadline < now() AND status IN ('new', 'in_progress')) = $8)
        AND ${pageClause(9)}
        AND ($12::uuid[] IS NULL OR house_id = ANY ($12))
      ORDER BY created_at DESC, id DESC LIMIT $11`,
    [
      f.organisationId,
      f.houseId ?? null,
      f.status ?? null,
      f.open ?? null,
      f.category ?? null,
      f.emergency ?? null,
      f.assignee ?? null,
      f.overdue ?? null,
      f.after?.createdAt ?? null,
      f.after?.id ?? null,
      f.limit,
      f.houseIds ?? null,
    ],
  );
  return rows;
}

export async function updateTicket(
  db: Db,
  id: string,
  patch: Partial<Pick<TicketRow, 'status' | 'assignee' | 'deadline' | 'resolution' | 'closedAt'>> & {
    reopened?: boolean;
  },
): Promise<TicketRow> {
  const { rows } = await db.query<TicketRow>(
    `UPDATE tickets SET
        status = COALESCE($2, status),
        assignee = CASE WHEN $3 THEN $4 ELSE assignee END,
        deadline = CASE WHEN $5 THEN $6::timestamptz ELSE deadline END,
        resolution = CASE WHEN $7 THEN $8 ELSE resolution END,
        closed_at = CASE WHEN $9 THEN $10::timestamptz ELSE closed_at END,
        reopened_count = reopened_count + CASE WHEN $11 THEN 1 ELSE 0 END,
        -- a reopened request is rated again after its next closing
        rating = CASE WHEN $11 THEN NULL ELSE rating END,
        rating_comment = CASE WHEN $11 THEN NULL ELSE rating_comment END,
        rated_at = CASE WHEN $11 THEN NULL ELSE rated_at END,
        updated_at = now()
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      patch.status ?? null,
      'assignee' in patch,
      patch.assignee ?? null,
      'deadline' in patch,
      patch.deadline ?? null,
      'resolution' in patch,
      patch.resolution ?? null,
      'closedAt' in patch,
      patch.closedAt ?? null,
      patch.reopened ?? false,
    ],
  );
  return rows[0]!;
}

export interface TicketEventRow {
  id: string;
  kind: 'status' | 'comment';
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  body: string | null;
  authorSide: 'resident' | 'organisation';
  createdAt: Date;
}

export async function insertTicketEvent(
  db: Db,
  e: {
    ticketId: string;
    kind: 'status' | 'comment';
    fromStatus?: string | null;
    toStatus?: string | null;
    body?: string | null;
    authorSide: 'resident' | 'organisation';
    actorId: string;
  },
) {
  await db.query(
    `INSERT INTO ticket_events (ticket_id, kind, from_status, to_status, body, author_side, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.ticketId, e.kind, e.fromStatus ?? null, e.toStatus ?? null, e.body ?? null, e.authorSide, e.actorId],
  );
}

export async function listTicketEvents(db: Db, ticketId: string): Promise<TicketEventRow[]> {
  const { rows } = await db.query<TicketEventRow>(
    `SELECT id, kind, from_status AS "fromStatus", to_status AS "toStatus", body, author_side AS "authorSide", created_at AS "createdAt"
       FROM ticket_events WHERE ticket_id = $1 ORDER BY id`,
    [ticketId],
  );
  return rows;
}

export async function attachTicketFiles(db: Db, ticketId: string, fileIds: string[]) {
  if (!fileIds.length) return;
  await db.query(`INSERT INTO ticket_files (ticket_id, file_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
    ticketId,
    fileIds,
  ]);
}

export interface TicketFileRow {
  id: string;
  filename: string;
  content_type: string;
  size: number;
}

export async function listTicketFiles(db: Db, ticketId: string): Promise<TicketFileRow[]> {
  const { rows } = await db.query<TicketFileRow>(
    `SELECT f.id, f.filename, f.content_type, f.size FROM ticket_files tf JOIN files_meta f ON f.id = tf.file_id
      WHERE tf.ticket_id = $1 ORDER BY f.created_at, f.id`,
    [ticketId],
  );
  return rows;
}

/** Records the author's rating once per closing; null when the request is already rated. */
export async function rateTicket(
  db: Db,
  id: string,
  rating: number,
  comment: string | null,
): Promise<TicketRow | null> {
  const { rows } = await db.query<TicketRow>(
    `UPDATE tickets SET rating = $2, rating_comment = $3, rated_at = now(), updated_at = now()
      WHERE id = $1 AND rating IS NULL RETURNING ${COLUMNS}`,
    [id, rating, comment],
  );
  return rows[0] ?? null;
}

export interface RatingRow {
  category: string;
  count: number;
  average: string;
}

/** Average rating per category of the organisation's requests rated in [from, to), best-rated last. */
export async function averageRatings(
  db: Db,
  q: { organisationId: string; houseId?: string; from?: string; to?: string },
): Promise<RatingRow[]> {
  const { rows } = await db.query<RatingRow>(
    `SELECT category, count(*)::int AS count, round(avg(rating), 2)::text AS average
       FROM tickets
      WHERE organisation_id = $1 AND rating IS NOT NULL
        AND ($2::uuid IS NULL OR house_id = $2)
        AND ($3::timestamptz IS NULL OR rated_at >= $3)
        AND ($4::timestamptz IS NULL OR rated_at < $4)
      GROUP BY category ORDER BY avg(rating), category`,
    [q.organisationId, q.houseId ?? null, q.from ?? null, q.to ?? null],
  );
  return rows;
}

/** The organisation's requests not yet taken (status new); tickets_queue_idx. */
export async function countNewTickets(
  db: Db,
  organisationId: string,
  houseIds: string[] | null = null,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tickets
      WHERE organisation_id = $1 AND status = 'new' AND ($2::uuid[] IS NULL OR house_id = ANY ($2))`,
    [organisationId, houseIds],
  );
  return rows[0]!.n;
}

/** The organisation's open requests past their deadline; tickets_open_deadline_idx. */
export async function countOverdueTickets(
  db: Db,
  organisationId: string,
  houseIds: string[] | null = null,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tickets
      WHERE organisation_id = $1 AND status IN ('new', 'in_progress') AND deadline < now()
        AND ($2::uuid[] IS NULL OR house_id = ANY ($2))`,
    [organisationId, houseIds],
  );
  return rows[0]!.n;
}

export interface DeadlineRow {
  category: string;
  emergencyHours: number;
  regularDays: number;
}

export async function listDeadlines(db: Db, organisationId: string): Promise<DeadlineRow[]> {
  const { rows } = await db.query<DeadlineRow>(
    `SELECT category, emergency_hours AS "emergencyHours", regular_days AS "regularDays"
       FROM ticket_deadlines WHERE organisation_id = $1`,
    [organisationId],
  );
  return rows;
}

export async function findDeadline(db: Db, organisationId: string, category: string): Promise<DeadlineRow | null> {
  const { rows } = await db.query<DeadlineRow>(
    `SELECT category, emergency_hours AS "emergencyHours", regular_days AS "regularDays"
       FROM ticket_deadlines WHERE organisation_id = $1 AND category = $2`,
    [organisationId, category],
  );
  return rows[0] ?? null;
}

export async function upsertDeadlines(db: Db, organisationId: string, items: DeadlineRow[]) {
  await db.query(
    `INSERT INTO ticket_deadlines (organisation_id, category, emergency_hours, regular_days)
     SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[])
     ON CONFLICT (organisation_id, category) DO UPDATE
       SET emergency_hours = EXCLUDED.emergency_hours, regular_days = EXCLUDED.regular_days, updated_at = now()`,
    [organisationId, items.map((i) => i.category), items.map((i) => i.emergencyHours), items.map((i) => i.regularDays)],
  );
}

/**
 * The queue's counts per status under the dispatcher's filters (a status filter is ignored), each counted
 * on the (organisation, status, created_at) index up to `cap`: an organisation with years of closed
 * requests gets «cap+» for them at the price of `cap` index entries, not all of them.
 */
export async function countTicketsByStatus(
  db: Db,
  f: Omit<OrgTicketFilter, 'status' | 'open'>,
  cap: number,
): Promise<{ status: TicketStatus; count: number; capped: boolean }[]> {
  const { rows } = await db.query<{ status: TicketStatus; count: number }>(
    `SELECT s.status, (SELECT count(*)::int FROM (
              SELECT 1 FROM tickets
               WHERE organisation_id = $1 AND status = s.status
                 AND ($2::uuid IS NULL OR house_id = $2)
                 AND ($3::text IS NULL OR category = $3)
                 AND ($4::boolean IS NULL OR emergency = $4)
                 AND ($5::text IS NULL OR assignee = $5)
                 AND ($6::boolean IS NULL OR (deadline < now() AND status IN ('new', 'in_progress')) = $6)
                 AND ($7::uuid[] IS NULL OR house_id = ANY ($7))
               LIMIT $9) x) AS count
       FROM unnest($8::text[]) AS s (status)`,
    [
      f.organisationId,
      f.houseId ?? null,
      f.category ?? null,
      f.emergency ?? null,
      f.assignee ?? null,
      f.overdue ?? null,
      f.houseIds ?? null,
      TICKET_STATUSES,
      cap,
    ],
  );
  return rows.filter((r) => r.count > 0).map((r) => ({ ...r, capped: r.count >= cap }));
}

/** Who open requests are assigned to, with how many each (the assignee filter's choices). */
export async function listAssignees(db: Db, organisationId: string): Promise<{ assignee: string; open: number }[]> {
  const { rows } = await db.query<{ assignee: string; open: number }>(
    `SELECT assignee, count(*)::int AS open FROM tickets
      WHERE organisation_id = $1 AND status IN ('new', 'in_progress') AND assignee IS NOT NULL
      GROUP BY assignee ORDER BY assignee LIMIT 200`,
    [organisationId],
  );
  return rows;
}
