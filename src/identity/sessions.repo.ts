import type { SignInMethod } from '../../contracts/local-auth.js';
import { deleteExpiredLocalAuthRows } from './local-auth.repo.js';
import { randomToken, sha256hex } from './tokens.js';
import type { Db } from '../db/pool.js';
import type { StaffMembership } from '../../contracts/permissions.js';
import { staffMembershipsSql } from './staff.repo.js';

export interface SessionRow {
  sessionId: string;
  personId: string;
  csrfToken: string;
  isOperator: boolean;
  staff: StaffMembership[];
  signInMethod: SignInMethod;
  /** Gosuslugi vouched for the person, or their organisation confirmed them (persons.identity_verified). */
  identityVerified: boolean;
}

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

/** Creates a session; the returned token goes into the cookie and is never stored in clear. */
export async function insertSession(
  db: Db,
  personId: string,
  timeouts: SessionTimeouts,
  meta: { userAgent?: string; ip?: string; data?: Record<string, unknown>; signInMethod?: SignInMethod } = {},
) {
  const token = randomToken();
  const csrfToken = randomToken(18);
  const { rows } = await db.query<{ public_id: string; expires_at: Date }>(
    `INSERT INTO sessions (id_hash, person_id, csrf_token, expires_at, user_agent, ip, data, sign_in_method)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6, $7, $8)
     RETURNING public_id, expires_at`,
    [
      sha256hex(token),
      personId,
      csrfToken,
      timeouts.absoluteHours,
      meta.userAgent ?? null,
      meta.ip ?? null,
      meta.data ?? {},
      meta.signInMethod ?? 'esia',
    ],
  );
  const [row] = rows;
  return { token, csrfToken, sessionId: row!.public_id, expiresAt: row!.expires_at };
}

/** How stale `last_seen_at` may get: a session is written at most once per this many seconds, not per request. */
export const SESSION_TOUCH_SECONDS = 60;

// Every authenticated request runs this, so touchSession names it (a prepared statement): PostgreSQL parses
// and plans the CTE once per connection instead of on every request. Unprepared it cost ~750 µs of the
// server's CPU per call against ~140 µs prepared, and sending its text each time ~100 µs of the service's
// (issue 14, docs/performance.md).
const TOUCH_SESSION_SQL = `WITH live AS (
       SELECT s.id_hash, s.public_id, s.person_id, s.csrf_token, s.last_seen_at, s.sign_in_method
         FROM sessions s
        WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2)
     ), touched AS (
       UPDATE sessions s SET last_seen_at = now() FROM live
        WHERE s.id_hash = live.id_hash AND live.last_seen_at < now() - make_interval(secs => $3)
     )
     SELECT live.public_id, live.person_id, live.csrf_token, p.is_operator, live.sign_in_method,
       p.identity_verified,
       ${staffMembershipsSql('live.person_id')} AS staff
       FROM live JOIN persons p ON p.id = live.person_id`;

/**
 * Finds a live session: revoked, past its absolute expiry or idle for too long means no session. Marks
 * it used only when its `last_seen_at` is older than SESSION_TOUCH_SECONDS, so a busy resident's reads
 * stay reads (a write per request cost a WAL flush each and halved the throughput of the resident
 * reads); the idle timeout is therefore exact to within that minute.
 */
export async function touchSession(db: Db, token: string, idleMinutes: number): Promise<SessionRow | null> {
  const { rows } = await db.query<{
    public_id: string;
    person_id: string;
    csrf_token: string;
    is_operator: boolean;
    sign_in_method: SignInMethod;
    identity_verified: boolean;
    staff: SessionRow['staff'];
  }>({
    name: 'identity.touch_session',
    text: TOUCH_SESSION_SQL,
    values: [sha256hex(token), idleMinutes, SESSION_TOUCH_SECONDS],
  });
  const r = rows[0];
  if (!r) return null;
  return {
    sessionId: r.public_id,
    personId: r.person_id,
    csrfToken: r.csrf_token,
    isOperator: r.is_operator,
    staff: r.staff,
    signInMethod: r.sign_in_method,
    identityVerified: r.identity_verified,
  };
}

export async function revokeSessionByToken(db: Db, token: string) {
  const { rows } = await db.query<{ person_id: string; data: Record<string, unknown> }>(
    `UPDATE sessions SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL RETURNING person_id, data`,
    [sha256hex(token)],
  );
  return rows[0];
}

export interface SessionListRow {
  public_id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_agent: string | null;
  ip: string | null;
}

/** A person's live sessions, newest first. */
export async function listSessions(db: Db, personId: string, idleMinutes: number): Promise<SessionListRow[]> {
  const { rows } = await db.query<SessionListRow>(
    `SELECT public_id, created_at, last_seen_at, expires_at, user_agent, host(ip) AS ip FROM sessions
      WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > now()
        AND last_seen_at > now() - make_interval(mins => $2)
      ORDER BY created_at DESC, public_id`,
    [personId, idleMinutes],
  );
  return rows;
}

/** Ends every live session of the person (a password reset), or every one but `exceptSessionId`. */
export async function revokeAllSessions(db: Db, personId: string, exceptSessionId?: string) {
  const { rowCount } = await db.query(
    `UPDATE sessions SET revoked_at = now()
      WHERE person_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR public_id <> $2)`,
    [personId, exceptSessionId ?? null],
  );
  return rowCount ?? 0;
}

/** Revokes one of the person's own sessions; false when it is not theirs or already ended. */
export async function revokeSession(db: Db, personId: string, sessionId: string) {
  const { rowCount } = await db.query(
    `UPDATE sessions SET revoked_at = now() WHERE public_id = $1 AND person_id = $2 AND revoked_at IS NULL`,
    [sessionId, personId],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteExpiredSessions(db: Db, keepDays = 30) {
  const { rowCount } = await db.query(
    `DELETE FROM sessions WHERE expires_at < now() - make_interval(days => $1)
        OR revoked_at < now() - make_interval(days => $1)`,
    [keepDays],
  );
  // Sign-ins never completed and client-credentials tokens past their expiry go with them.
  await db.query(`DELETE FROM login_flows WHERE expires_at < now() - interval '1 day'`);
  await db.query(`DELETE FROM oauth_access_tokens WHERE expires_at < now() - interval '1 day'`);
  await deleteExpiredLocalAuthRows(db);
  return rowCount ?? 0;
}
