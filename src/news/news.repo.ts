import type { Db } from '../db/pool.js';

export interface NewsRow {
  id: string;
  organisationId: string;
  kind: 'common' | 'emergency';
  title: string;
  body: string;
  houseIds: string[];
  publishAt: Date;
  expiresAt: Date | null;
  createdAt: Date;
  withdrawnAt: Date | null;
  notify: boolean;
  read?: boolean;
}

const COLUMNS = `n.id, n.organisation_id AS "organisationId", n.kind, n.title, n.body, n.house_ids AS "houseIds",
  n.publish_at AS "publishAt", n.expires_at AS "expiresAt", n.created_at AS "createdAt",
  n.withdrawn_at AS "withdrawnAt", n.notify`;

export async function insertNews(
  db: Db,
  n: Pick<NewsRow, 'organisationId' | 'kind' | 'title' | 'body' | 'houseIds' | 'publishAt' | 'expiresAt'> & {
    createdBy: string;
    notify?: boolean;
  },
): Promise<NewsRow> {
  const { rows } = await db.query<NewsRow>(
    `INSERT INTO news AS n (organisation_id, kind, title, body, house_ids, publish_at, expires_at, created_by, notify)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [n.organisationId, n.kind, n.title, n.body, n.houseIds, n.publishAt, n.expiresAt, n.createdBy, n.notify ?? false],
  );
  return rows[0]!;
}

export async function findNews(db: Db, id: string): Promise<NewsRow | null> {
  const { rows } = await db.query<NewsRow>(`SELECT ${COLUMNS} FROM news n WHERE n.id = $1`, [id]);
  return rows[0] ?? null;
}

const LIVE = `n.publish_at <= now() AND (n.expires_at IS NULL OR n.expires_at > now())`;

/** Published, unexpired notices of the given houses with the person's read flag; emergencies first, then newest. */
export async function listNewsForPerson(
  db: Db,
  q: {
    personId: string;
    houseIds: string[];
    unread?: boolean;
    kind?: 'common' | 'emergency';
    limit: number;
    offset: number;
  },
): Promise<NewsRow[]> {
  const { rows } = await db.query<NewsRow>(
    `SELECT ${COLUMNS}, (r.news_id IS NOT NULL) AS read
       FROM news n LEFT JOIN news_reads r ON r.news_id = n.id AND r.person_id = $1
      WHERE n.house_ids && $2::uuid[] AND ${LIVE}
        AND ($3::boolean IS NOT TRUE OR r.news_id IS NULL)
        AND ($4::text IS NULL OR n.kind = $4)
      ORDER BY (n.kind = 'emergency') DESC, n.publish_at DESC, n.id DESC
      LIMIT $5 OFFSET $6`,
    [q.personId, q.houseIds, q.unread ?? null, q.kind ?? null, q.limit, q.offset],
  );
  return rows;
}

/** One live notice of the given houses, or null. */
export async function findNewsForPerson(
  db: Db,
  personId: string,
  houseIds: string[],
  id: string,
): Promise<NewsRow | null> {
  const { rows } = await db.query<NewsRow>(
    `SELECT ${COLUMNS}, EXISTS (SELECT 1 FROM news_reads r WHERE r.news_id = n.id AND r.person_id = $1) AS read
       FROM news n WHERE n.id = $3 AND n.house_ids && $2::uuid[] AND ${LIVE}`,
    [personId, houseIds, id],
  );
  return rows[0] ?? null;
}

export async function markNewsRead(db: Db, newsId: string, personId: string) {
  await db.query(`INSERT INTO news_reads (news_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    newsId,
    personId,
  ]);
}

export type NewsState = 'scheduled' | 'live' | 'ended' | 'withdrawn';

// A notice's state for its organisation; residents see only `live` ones (LIVE above).
const STATE = `CASE WHEN n.withdrawn_at IS NOT NULL THEN 'withdrawn'
  WHEN n.expires_at IS NOT NULL AND n.expires_at <= now() THEN 'ended'
  WHEN n.publish_at > now() THEN 'scheduled' ELSE 'live' END`;

export type OrgNewsRow = NewsRow & { readCount: number; state: NewsState };

/** The organisation's notices newest first, paged by (publish_at, id) at JavaScript's milliseconds, with read counts and states. */
export async function listNewsForOrg(
  db: Db,
  q: {
    organisationId: string;
    houseId?: string;
    kind?: 'common' | 'emergency';
    state?: NewsState;
    active?: boolean;
    after?: { publishAt: string; id: string };
    limit: number;
  },
): Promise<OrgNewsRow[]> {
  const { rows } = await db.query<OrgNewsRow>(
    `SELECT ${COLUMNS}, ${STATE} AS state,
            (SELECT count(*)::int FROM news_reads r WHERE r.news_id = n.id) AS "readCount"
       FROM news n
      WHERE n.organisation_id = $1 AND ($2::uuid IS NULL OR $2 = ANY(n.house_ids))
        AND ($3::text IS NULL OR n.kind = $3)
        AND ($4::text IS NULL OR ${STATE} = $4)
        AND ($5::timestamptz IS NULL OR (date_trunc('milliseconds', n.publish_at), n.id) < ($5::timestamptz, $6::uuid))
        AND ($8::boolean IS NULL OR (${STATE} IN ('scheduled', 'live')) = $8)
      ORDER BY date_trunc('milliseconds', n.publish_at) DESC, n.id DESC
      LIMIT $7`,
    [
      q.organisationId,
      q.houseId ?? null,
      q.kind ?? null,
      q.state ?? null,
      q.after?.publishAt ?? null,
      q.after?.id ?? null,
      q.limit,
      q.active ?? null,
    ],
  );
  return rows;
}

/** Withdraws a notice: residents stop seeing it now and a pending e-mail is not sent. */
export async function expireNews(db: Db, organisationId: string, id: string): Promise<OrgNewsRow | null> {
  const { rows } = await db.query<OrgNewsRow>(
    `UPDATE news n SET withdrawn_at = COALESCE(n.withdrawn_at, now()),
            expires_at = LEAST(COALESCE(n.expires_at, now()), now())
      WHERE n.id = $1 AND n.organisation_id = $2
      RETURNING ${COLUMNS}, 'withdrawn' AS state, (SELECT count(*)::int FROM news_reads r WHERE r.news_id = n.id) AS "readCount"`,
    [id, organisationId],
  );
  return rows[0] ?? null;
}

/** Notices as the state-system exchange places them: their houses, times and identifier there. */
export async function newsForSync(
  db: Db,
  organisationId: string,
  ids: string[],
): Promise<(NewsRow & { gisNotificationGuid: string | null })[]> {
  const { rows } = await db.query<NewsRow & { gisNotificationGuid: string | null }>(
    `SELECT ${COLUMNS}, n.gis_notification_guid AS "gisNotificationGuid" FROM news n
      WHERE n.id = ANY($1::uuid[]) AND n.organisation_id = $2`,
    [ids, organisationId],
  );
  return rows;
}

/** A notice's first accepted item placed it (its GUID is kept); an accepted item after that recalled it. */
export async function applyNoticeResults(db: Db, accepted: { id: string; guid: string }[]) {
  await db.query(
    `UPDATE news n SET gis_notification_guid = COALESCE(n.gis_notification_guid, v.guid),
            gis_recalled_at = CASE WHEN n.gis_notification_guid IS NOT NULL THEN now() ELSE n.gis_recalled_at END
       FROM unnest($1::uuid[], $2::uuid[]) v(id, guid) WHERE n.id = v.id`,
    [accepted.map((a) => a.id), accepted.map((a) => a.guid)],
  );
}

/** Where a notice stands in the state system. */
export async function noticeGisState(db: Db, id: string) {
  const { rows } = await db.query<{ guid: string | null; recalledAt: Date | null }>(
    `SELECT gis_notification_guid AS guid, gis_recalled_at AS "recalledAt" FROM news WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}
