import type { SqlExecutor } from '../../contracts/ports.js';
import type { Permission } from '../../contracts/permissions.js';

// An organisation's staff: roles (sets of permissions), who holds them (perhaps for some houses only),
// invitations by e-mail link.

/**
 * A person's memberships as JSON (contracts/permissions.ts StaffMembership), one SQL expression shared by
 * the session lookup and the profile: read afresh on every request, so that a change of roles or a
 * removal takes effect at the person's next request. `personId` is an SQL expression naming the person.
 */
export const staffMembershipsSql = (personId: string) => `COALESCE((
  SELECT json_agg(json_build_object('organisationId', m.organisation_id, 'permissions', m.permissions, 'houseIds', m.house_ids))
    FROM (SELECT st.organisation_id,
                 (SELECT array_agg(DISTINCT p ORDER BY p)
                    FROM org_staff s2 JOIN staff_roles r ON r.id = s2.role_id, unnest(r.permissions) p
                   WHERE s2.person_id = st.person_id AND s2.organisation_id = st.organisation_id) AS permissions,
                 CASE WHEN bool_or(st.house_ids IS NULL) THEN NULL
                      ELSE (SELECT array_agg(DISTINCT h) FROM org_staff s3, unnest(s3.house_ids) h
                             WHERE s3.person_id = st.person_id AND s3.organisation_id = st.organisation_id) END AS house_ids
            FROM org_staff st WHERE st.person_id = ${personId}
           GROUP BY st.organisation_id, st.person_id) m), '[]')`;

export interface StaffRoleRow {
  id: string;
  code: string;
  name: string;
  permissions: Permission[];
  builtIn: boolean;
  members: number;
}

/** The built-in roles and the organisation's own, with how many of its staff hold each. */
export async function listStaffRoles(db: SqlExecutor, organisationId: string): Promise<StaffRoleRow[]> {
  const { rows } = await db.query<StaffRoleRow>(
    `SELECT r.id, r.code, r.name, r.permissions, r.organisation_id IS NULL AS "builtIn",
            (SELECT count(DISTINCT s.person_id)::int FROM org_staff s
              WHERE s.role_id = r.id AND s.organisation_id = $1) AS members
       FROM staff_roles r WHERE r.organisation_id IS NULL OR r.organisation_id = $1
      ORDER BY r.organisation_id NULLS FIRST, r.created_at, r.code`,
    [organisationId],
  );
  return rows;
}

export async function insertStaffRole(
  db: SqlExecutor,
  organisationId: string,
  input: { code: string; name: string; permissions: readonly Permission[] },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO staff_roles (organisation_id, code, name, permissions) VALUES ($1, $2, $3, $4) RETURNING id`,
    [organisationId, input.code, input.name, input.permissions],
  );
  return rows[0]!.id;
}

/** Changes one of the organisation's own roles (built-in roles are not its to change); false when none. */
export async function updateStaffRole(
  db: SqlExecutor,
  organisationId: string,
  id: string,
  input: { name: string; permissions: readonly Permission[] },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE staff_roles SET name = $3, permissions = $4 WHERE id = $2 AND organisation_id = $1`,
    [organisationId, id, input.name, input.permissions],
  );
  return rowCount === 1;
}

/** Deletes one of the organisation's own roles nobody holds; 'in_use' when someone does. */
export async function deleteStaffRole(db: SqlExecutor, organisationId: string, id: string) {
  const { rows } = await db.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM org_staff WHERE role_id = $2) AS held FROM staff_roles
      WHERE id = $2 AND organisation_id = $1 FOR UPDATE`,
    [organisationId, id],
  );
  if (!rows[0]) return 'not_found' as const;
  if (rows[0].held) return 'in_use' as const;
  await db.query(`DELETE FROM staff_roles WHERE id = $1`, [id]);
  return 'deleted' as const;
}

/** Which of `roleIds` the organisation may grant (built-in or its own), and which of `houseIds` are its houses. */
export async function unknownRolesAndHouses(
  db: SqlExecutor,
  organisationId: string,
  roleIds: readonly string[],
  houseIds: readonly string[],
): Promise<{ roles: string[]; houses: string[] }> {
  const { rows } = await db.query<{ roles: string[]; houses: string[] }>(
    `SELECT ARRAY(SELECT x FROM unnest($2::uuid[]) x WHERE NOT EXISTS (
                    SELECT 1 FROM staff_roles r WHERE r.id = x AND (r.organisation_id IS NULL OR r.organisation_id = $1))) AS roles,
            ARRAY(SELECT x FROM unnest($3::uuid[]) x WHERE NOT EXISTS (
                    SELECT 1 FROM registry_houses h WHERE h.id = x AND h.organisation_id = $1)) AS houses`,
    [organisationId, roleIds, houseIds],
  );
  return rows[0]!;
}

export interface StaffMemberRow {
  personId: string;
  name: string;
  email: string | null;
  roles: { id: string; code: string; name: string }[];
  houseIds: string[] | null;
  since: Date;
}

/** The organisation's staff by name, in keyset pages after (name, person id). */
export async function listStaffMembers(
  db: SqlExecutor,
  organisationId: string,
  opts: { limit: number; after?: [string, string] },
): Promise<StaffMemberRow[]> {
  const { rows } = await db.query<StaffMemberRow>(
    `SELECT * FROM (
       SELECT p.id AS "personId",
              trim(concat_ws(' ', p.last_name, p.first_name, p.middle_name)) AS name, p.email,
              json_agg(json_build_object('id', r.id, 'code', r.code, 'name', r.name) ORDER BY r.organisation_id NULLS FIRST, r.code) AS roles,
              CASE WHEN bool_or(s.house_ids IS NULL) THEN NULL
                   ELSE (SELECT array_agg(DISTINCT h) FROM org_staff s3, unnest(s3.house_ids) h
                          WHERE s3.person_id = p.id AND s3.organisation_id = $1) END AS "houseIds",
              min(s.created_at) AS since
         FROM org_staff s JOIN persons p ON p.id = s.person_id JOIN staff_roles r ON r.id = s.role_id
        WHERE s.organisation_id = $1
        GROUP BY p.id) m
      WHERE $3::text IS NULL OR (m.name, m."personId") > ($3::text, $4::uuid)
      ORDER BY m.name, m."personId" LIMIT $2`,
    [organisationId, opts.limit, opts.after?.[0] ?? null, opts.after?.[1] ?? null],
  );
  return rows;
}

/** Replaces a person's roles in the organisation (all with one house limit); returns the roles they held before. */
export async function setStaffRoles(
  db: SqlExecutor,
  organisationId: string,
  personId: string,
  input: { roleIds: readonly string[]; houseIds: readonly string[] | null; addedBy: string | null },
): Promise<string[]> {
  const { rows } = await db.query<{ role_id: string }>(
    `DELETE FROM org_staff WHERE organisation_id = $1 AND person_id = $2 RETURNING role_id`,
    [organisationId, personId],
  );
  await db.query(
    `INSERT INTO org_staff (organisation_id, person_id, role_id, house_ids, added_by)
     SELECT $1, $2, x, $4, $5 FROM unnest($3::uuid[]) x ON CONFLICT DO NOTHING`,
    [organisationId, personId, input.roleIds, input.houseIds, input.addedBy],
  );
  return rows.map((r) => r.role_id);
}

/** Removes a person from the organisation's staff; the roles they held (empty: they were not staff). */
export async function removeStaffMember(db: SqlExecutor, organisationId: string, personId: string) {
  const { rows } = await db.query<{ role_id: string }>(
    `DELETE FROM org_staff WHERE organisation_id = $1 AND person_id = $2 RETURNING role_id`,
    [organisationId, personId],
  );
  return rows.map((r) => r.role_id);
}

/**
 * How many of the organisation's staff may still manage staff, with every house. Called after a change
 * on the same transaction, under a lock on the organisation's row so that two admins demoting each
 * other at once cannot both pass.
 */
export async function countStaffManagers(db: SqlExecutor, organisationId: string): Promise<number> {
  await db.query(`SELECT 1 FROM registry_organisations WHERE id = $1 FOR UPDATE`, [organisationId]);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(DISTINCT s.person_id)::int AS n FROM org_staff s JOIN staff_roles r ON r.id = s.role_id
      WHERE s.organisation_id = $1 AND 'staff.manage' = ANY (r.permissions) AND s.house_ids IS NULL`,
    [organisationId],
  );
  return rows[0]!.n;
}

export interface StaffOrganisationRow {
  id: string;
  name: string;
  roles: { id: string; code: string; name: string }[];
  permissions: Permission[];
  houseIds: string[] | null;
}

/** The organisations a person is staff of, with their roles and permissions there; by name. */
export async function staffOrganisationsOf(db: SqlExecutor, personId: string): Promise<StaffOrganisationRow[]> {
  const { rows } = await db.query<StaffOrganisationRow>(
    `SELECT o.id, o.name,
            json_agg(json_build_object('id', r.id, 'code', r.code, 'name', r.name) ORDER BY r.organisation_id NULLS FIRST, r.code) AS roles,
            (SELECT array_agg(DISTINCT p ORDER BY p) FROM org_staff s2 JOIN staff_roles r2 ON r2.id = s2.role_id, unnest(r2.permissions) p
              WHERE s2.person_id = $1 AND s2.organisation_id = o.id) AS permissions,
            CASE WHEN bool_or(s.house_ids IS NULL) THEN NULL
                 ELSE (SELECT array_agg(DISTINCT h) FROM org_staff s3, unnest(s3.house_ids) h
                        WHERE s3.person_id = $1 AND s3.organisation_id = o.id) END AS "houseIds"
       FROM org_staff s JOIN registry_organisations o ON o.id = s.organisation_id JOIN staff_roles r ON r.id = s.role_id
      WHERE s.person_id = $1 GROUP BY o.id, o.name ORDER BY o.name, o.id`,
    [personId],
  );
  return rows;
}

// ---- invitations

export interface StaffInvitationRow {
  id: string;
  email: string;
  roles: { id: string; code: string; name: string }[];
  houseIds: string[] | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

const INVITATION_COLUMNS = `i.id, i.email, i.house_ids AS "houseIds", i.created_at AS "createdAt", i.expires_at AS "expiresAt",
  i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt",
  (SELECT COALESCE(json_agg(json_build_object('id', r.id, 'code', r.code, 'name', r.name) ORDER BY r.code), '[]')
     FROM staff_roles r WHERE r.id = ANY (i.role_ids)) AS roles`;

export async function insertStaffInvitation(
  db: SqlExecutor,
  input: {
    organisationId: string;
    email: string;
    roleIds: readonly string[];
    houseIds: readonly string[] | null;
    tokenHash: string;
    invitedBy: string | null;
    days: number;
  },
): Promise<StaffInvitationRow> {
  const { rows } = await db.query<StaffInvitationRow>(
    `WITH i AS (
       INSERT INTO staff_invitations (organisation_id, email, role_ids, house_ids, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING *)
     SELECT ${INVITATION_COLUMNS} FROM i`,
    [input.organisationId, input.email, input.roleIds, input.houseIds, input.tokenHash, input.invitedBy, input.days],
  );
  return rows[0]!;
}

/** Invitations not yet accepted nor revoked (expired ones included, so the admin sees them lapse), newest first. */
export async function listOpenStaffInvitations(db: SqlExecutor, organisationId: string): Promise<StaffInvitationRow[]> {
  const { rows } = await db.query<StaffInvitationRow>(
    `SELECT ${INVITATION_COLUMNS} FROM staff_invitations i
      WHERE i.organisation_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
      ORDER BY i.created_at DESC LIMIT 200`,
    [organisationId],
  );
  return rows;
}

export async function revokeStaffInvitation(db: SqlExecutor, organisationId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE staff_invitations SET revoked_at = now()
      WHERE id = $2 AND organisation_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL`,
    [organisationId, id],
  );
  return rowCount === 1;
}

/** The open, unexpired invitation of this token, locked until the caller's transaction ends. */
export async function openInvitationByToken(db: SqlExecutor, tokenHash: string) {
  const { rows } = await db.query<{
    id: string;
    organisation_id: string;
    organisation_name: string;
    role_ids: string[];
    house_ids: string[] | null;
    invited_by: string | null;
  }>(
    `SELECT i.id, i.organisation_id, o.name AS organisation_name, i.role_ids, i.house_ids, i.invited_by
       FROM staff_invitations i JOIN registry_organisations o ON o.id = i.organisation_id
      WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
      FOR UPDATE OF i`,
    [tokenHash],
  );
  return rows[0];
}

/** Makes the person staff with the invitation's roles (added to any they hold) and closes it. */
export async function acceptStaffInvitation(db: SqlExecutor, invitationId: string, personId: string) {
  await db.query(
    `INSERT INTO org_staff (organisation_id, person_id, role_id, house_ids, added_by)
     SELECT i.organisation_id, $2, x, i.house_ids, i.invited_by FROM staff_invitations i, unnest(i.role_ids) x
      WHERE i.id = $1 ON CONFLICT DO NOTHING`,
    [invitationId, personId],
  );
  await db.query(`UPDATE staff_invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1`, [
    invitationId,
    personId,
  ]);
}

export async function organisationName(db: SqlExecutor, organisationId: string): Promise<string> {
  const { rows } = await db.query<{ name: string }>(`SELECT name FROM registry_organisations WHERE id = $1`, [
    organisationId,
  ]);
  return rows[0]?.name ?? '';
}
