// An organisation's staff and their roles: invite by e-mail link, accept, change roles, remove; roles of
// its own. Every change is audited on its transaction and takes effect at the person's next request
// (sessions read memberships afresh). The organisation always keeps someone who can manage staff.
import type { Actor } from '../../contracts/actor.js';
import type { Enqueue } from '../../contracts/ports.js';
import type { Permission } from '../../contracts/permissions.js';
import type { Db } from '../db/pool.js';
import { AppError, notFound, validationFailed } from '../errors.js';
import { queueMail } from '../notify/mail.js';
import { audit } from './audit.js';
import {
  acceptStaffInvitation,
  countStaffManagers,
  deleteStaffRole,
  insertStaffInvitation,
  insertStaffRole,
  openInvitationByToken,
  removeStaffMember,
  revokeStaffInvitation,
  setStaffRoles,
  unknownRolesAndHouses,
  updateStaffRole,
} from './staff.repo.js';
import { randomToken, sha256hex } from './tokens.js';

/** How long an invitation link lasts. */
export const INVITATION_DAYS = 7;

export interface StaffPorts {
  enqueue: Enqueue;
  publicUrl: string;
}

interface RolesInput {
  roleIds: string[];
  houseIds: string[] | null;
}

const entry = (actor: Actor, ip: string | undefined) => ({
  actorType: actor.actorType,
  actorId: actor.actorId,
  organisationId: actor.organisationId,
  ip,
});

/** Refuses roles the organisation cannot grant and houses not its own, naming each by its place in the body. */
async function checkRolesInput(tx: Db, organisationId: string, input: RolesInput) {
  const unknown = await unknownRolesAndHouses(tx, organisationId, input.roleIds, input.houseIds ?? []);
  const errors = [
    ...input.roleIds.flatMap((id, i) =>
      unknown.roles.includes(id) ? [{ path: `body.roleIds.${i}`, message: 'no such role in this organisation' }] : [],
    ),
    ...(input.houseIds ?? []).flatMap((id, i) =>
      unknown.houses.includes(id) ? [{ path: `body.houseIds.${i}`, message: 'not a house of this organisation' }] : [],
    ),
  ];
  if (errors.length) throw validationFailed(errors, 'Unknown roles or houses');
}

/** After a change on `tx`: someone must still manage staff for every house, or the change is refused. */
async function keepStaffManager(tx: Db, organisationId: string) {
  if ((await countStaffManagers(tx, organisationId)) === 0) {
    throw new AppError(
      409,
      'last_staff_manager',
      'Nobody else could manage staff after this change: give someone else a role with staff.manage first',
    );
  }
}

/** Invites someone by e-mail: the link makes whoever signs in and opens it staff with these roles. */
export async function inviteStaff(
  tx: Db,
  ports: StaffPorts,
  actor: Actor,
  input: RolesInput & { email: string },
  organisationName: string,
  ip?: string,
) {
  await checkRolesInput(tx, actor.organisationId, input);
  const token = randomToken(32);
  const invitation = await insertStaffInvitation(tx, {
    organisationId: actor.organisationId,
    email: input.email.toLowerCase(),
    roleIds: [...new Set(input.roleIds)],
    houseIds: input.houseIds,
    tokenHash: sha256hex(token),
    invitedBy: actor.actorType === 'person' ? actor.actorId : null,
    days: INVITATION_DAYS,
  });
  const roles = invitation.roles.map((r) => r.name).join(', ');
  await queueMail(tx, ports.enqueue, {
    to: invitation.email,
    subject: `Приглашение в консоль ${organisationName}`,
    text: [
      `${organisationName} приглашает вас работать в консоли domhub (роли: ${roles}).`,
      `Чтобы принять приглашение, войдите и откройте ссылку: ${ports.publicUrl}/staff/invite?token=${token}`,
      `Ссылка действует ${INVITATION_DAYS} дней. Если вы не ждали этого письма, просто удалите его.`,
    ].join('\n\n'),
  });
  await audit(tx, {
    ...entry(actor, ip),
    action: 'staff.invited',
    objectType: 'staff_invitation',
    objectId: invitation.id,
    details: { email: invitation.email, roleIds: input.roleIds, houseIds: input.houseIds },
  });
  return invitation;
}

export async function revokeInvitation(tx: Db, actor: Actor, id: string, ip?: string) {
  if (!(await revokeStaffInvitation(tx, actor.organisationId, id))) throw notFound('Invitation');
  await audit(tx, {
    ...entry(actor, ip),
    action: 'staff.invitation_revoked',
    objectType: 'staff_invitation',
    objectId: id,
  });
}

/** The signed-in person takes up an invitation; any roles they already hold there stay. */
export async function acceptInvitation(tx: Db, personId: string, token: string, ip?: string) {
  const invitation = await openInvitationByToken(tx, sha256hex(token));
  if (!invitation) {
    throw new AppError(404, 'invitation_invalid', 'The invitation link is wrong, used, revoked or expired');
  }
  await acceptStaffInvitation(tx, invitation.id, personId);
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    organisationId: invitation.organisation_id,
    ip,
    action: 'staff.joined',
    objectType: 'person',
    objectId: personId,
    details: { invitationId: invitation.id, roleIds: invitation.role_ids, houseIds: invitation.house_ids },
  });
  return { organisationId: invitation.organisation_id, organisationName: invitation.organisation_name };
}

/** Sets a staff member's roles and house limit (not someone who is not staff yet: they are invited). */
export async function changeStaffRoles(tx: Db, actor: Actor, personId: string, input: RolesInput, ip?: string) {
  await checkRolesInput(tx, actor.organisationId, input);
  const before = await setStaffRoles(tx, actor.organisationId, personId, {
    roleIds: [...new Set(input.roleIds)],
    houseIds: input.houseIds,
    addedBy: actor.actorType === 'person' ? actor.actorId : null,
  });
  if (!before.length) throw notFound('Staff member');
  await keepStaffManager(tx, actor.organisationId);
  await audit(tx, {
    ...entry(actor, ip),
    action: 'staff.roles_changed',
    objectType: 'person',
    objectId: personId,
    details: { before, roleIds: input.roleIds, houseIds: input.houseIds },
  });
}

export async function removeStaff(tx: Db, actor: Actor, personId: string, ip?: string) {
  const before = await removeStaffMember(tx, actor.organisationId, personId);
  if (!before.length) throw notFound('Staff member');
  await keepStaffManager(tx, actor.organisationId);
  await audit(tx, {
    ...entry(actor, ip),
    action: 'staff.removed',
    objectType: 'person',
    objectId: personId,
    details: { before },
  });
}

export async function createRole(
  tx: Db,
  actor: Actor,
  input: { name: string; permissions: Permission[] },
  ip?: string,
) {
  const permissions = [...new Set(input.permissions)];
  const id = await insertStaffRole(tx, actor.organisationId, {
    code: `custom-${randomToken(6)}`,
    name: input.name,
    permissions,
  });
  await audit(tx, {
    ...entry(actor, ip),
    action: 'staff_role.created',
    objectType: 'staff_role',
    objectId: id,
    details: { name: input.name, permissions },
  });
  return id;
}

/** Changes one of the organisation's roles; built-in roles answer 409 `built_in_role`. */
export async function changeRole(
  tx: Db,
  actor: Actor,
  id: string,
  input: { name: string; permissions: Permission[] },
  ip?: string,
) {
  const permissions = [...new Set(input.permissions)];
  if (!(await updateStaffRole(tx, actor.organisationId, id, { name: input.name, permissions }))) {
    if (await isBuiltIn(tx, actor.organisationId, id)) {
      throw new AppError(409, 'built_in_role', 'Built-in roles cannot be changed; make a role of your own');
    }
    throw notFound('Role');
  }
  await keepStaffManager(tx, actor.organisationId);
  await audit(tx, {
    ...entry(actor, ip),
    action: 'staff_role.changed',
    objectType: 'staff_role',
    objectId: id,
    details: { name: input.name, permissions },
  });
}

export async function deleteRole(tx: Db, actor: Actor, id: string, ip?: string) {
  const outcome = await deleteStaffRole(tx, actor.organisationId, id);
  if (outcome === 'not_found') {
    if (await isBuiltIn(tx, actor.organisationId, id)) {
      throw new AppError(409, 'built_in_role', 'Built-in roles cannot be deleted');
    }
    throw notFound('Role');
  }
  if (outcome === 'in_use') throw new AppError(409, 'role_in_use', 'Staff hold this role: give them another first');
  await audit(tx, { ...entry(actor, ip), action: 'staff_role.deleted', objectType: 'staff_role', objectId: id });
}

async function isBuiltIn(tx: Db, organisationId: string, id: string) {
  const unknown = await unknownRolesAndHouses(tx, organisationId, [id], []);
  return unknown.roles.length === 0;
}
