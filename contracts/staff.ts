// API shapes of an organisation's staff: roles (sets of permissions), members and invitations by
// e-mail link. Mounted at /api/v1/org (src/identity/staff.routes.ts); guarded by staff.manage.
import { z } from 'zod';
import { PERMISSIONS, permissionSchema } from './permissions.js';

export const staffRoleSchema = z
  .object({
    id: z.uuid(),
    code: z.string().describe('admin, dispatcher, accountant, meeting_admin, read_only, or custom-…'),
    name: z.string(),
    permissions: z.array(permissionSchema),
    builtIn: z.boolean().describe('Built-in roles serve every organisation and cannot be changed'),
    members: z.number().int().describe('Staff of this organisation holding the role'),
  })
  .meta({ id: 'StaffRole' });
export const staffRoleList = z.object({
  items: z.array(staffRoleSchema),
  permissions: z.array(z.object({ key: permissionSchema, label: z.string() })).describe('Every permission, labelled'),
});

export const staffRoleInput = z.object({
  name: z.string().trim().min(1).max(80),
  permissions: z.array(permissionSchema).min(1).max(PERMISSIONS.length),
});

/** Roles and an optional house limit: what an invitation grants and what a member's roles are set to. */
export const staffRolesInput = z.object({
  roleIds: z.array(z.uuid()).min(1).max(20),
  houseIds: z
    .array(z.uuid())
    .min(1)
    .max(1000)
    .nullable()
    .default(null)
    .describe('Limit the roles to these houses of the organisation; null: every house'),
});

const roleRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const staffMemberSchema = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    roles: z.array(roleRef),
    houseIds: z.array(z.uuid()).nullable(),
    since: z.string(),
  })
  .meta({ id: 'StaffMember' });
export const staffMemberPage = z.object({ items: z.array(staffMemberSchema), nextCursor: z.string().nullable() });

export const staffInvitationInput = staffRolesInput.extend({ email: z.email().max(254) });

export const staffInvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    roles: z.array(roleRef),
    houseIds: z.array(z.uuid()).nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'StaffInvitation' });
export const staffInvitationList = z.object({ items: z.array(staffInvitationSchema) });

export const acceptInvitationInput = z.object({ token: z.string().min(20).max(200) });
export const acceptedInvitation = z.object({ organisationId: z.uuid(), organisationName: z.string() });
