import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSION_LABELS, PERMISSIONS } from '../../contracts/permissions.js';
import { problems } from '../../contracts/problem.js';
import {
  staffInvitationInput,
  staffInvitationList,
  staffInvitationSchema,
  staffMemberPage,
  staffRoleInput,
  staffRoleList,
  staffRolesInput,
} from '../../contracts/staff.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { forbidden } from '../errors.js';
import { requirePermission } from '../http/auth.js';
import { decodeCursor, pageOf, pageQuery } from '../http/pagination.js';
import {
  listOpenStaffInvitations,
  listStaffMembers,
  listStaffRoles,
  organisationName,
  type StaffInvitationRow,
} from './staff.repo.js';
import {
  changeRole,
  changeStaffRoles,
  createRole,
  deleteRole,
  inviteStaff,
  removeStaff,
  revokeInvitation,
} from './staff.service.js';

const tags = ['staff'];
const security = [{ session: [] }];
const idParams = z.object({ id: z.uuid() });
const personParams = z.object({ personId: z.uuid() });

/** Staff are managed by people: an API key cannot add or remove them. */
function staffManager(request: FastifyRequest) {
  if (request.principal?.kind === 'api_client')
    throw forbidden('Staff are managed by signed-in staff only', 'staff_only');
  return requirePermission(request, 'staff.manage');
}

const toInvitation = (i: StaffInvitationRow) => ({
  ...i,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
  acceptedAt: i.acceptedAt?.toISOString() ?? null,
  revokedAt: i.revokedAt?.toISOString() ?? null,
});

/** An organisation's staff, roles and invitations. Mounted at /api/v1/org. */
export async function staffOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ports = { enqueue: deps.enqueue, publicUrl: deps.config.publicUrl };

  r.get(
    '/staff-roles',
    {
      schema: {
        tags,
        security,
        summary: 'The roles staff can hold here: the built-in ones and the organisation’s own, with their permissions',
        response: { 200: staffRoleList, ...problems(401, 403) },
      },
    },
    async (request) => ({
      items: await listStaffRoles(deps.db, staffManager(request).organisationId),
      permissions: PERMISSIONS.map((key) => ({ key, label: PERMISSION_LABELS[key] })),
    }),
  );

  r.post(
    '/staff-roles',
    {
      schema: {
        tags,
        security,
        summary: 'Make a role of the organisation’s own from permissions',
        body: staffRoleInput,
        response: { 201: z.object({ id: z.uuid() }), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = staffManager(request);
      const id = await withTransaction(deps.db, (tx) => createRole(tx, actor, request.body, request.ip));
      return reply.code(201).send({ id });
    },
  );

  r.put(
    '/staff-roles/:id',
    {
      schema: {
        tags,
        security,
        summary:
          'Rename a role of the organisation’s own or change its permissions (effective at its holders’ next request)',
        params: idParams,
        body: staffRoleInput,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = staffManager(request);
      await withTransaction(deps.db, (tx) => changeRole(tx, actor, request.params.id, request.body, request.ip));
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/staff-roles/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete a role of the organisation’s own that nobody holds',
        params: idParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = staffManager(request);
      await withTransaction(deps.db, (tx) => deleteRole(tx, actor, request.params.id, request.ip));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/staff',
    {
      schema: {
        tags,
        security,
        summary: 'The organisation’s staff by name, with their roles and house limits',
        querystring: pageQuery,
        response: { 200: staffMemberPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = staffManager(request);
      const { limit, cursor } = request.query;
      const rows = await listStaffMembers(deps.db, actor.organisationId, {
        limit: limit + 1,
        after: decodeCursor(cursor) as [string, string] | undefined,
      });
      const page = pageOf(rows, limit, (m) => [m.name, m.personId]);
      return { ...page, items: page.items.map((m) => ({ ...m, since: m.since.toISOString() })) };
    },
  );

  r.put(
    '/staff/:personId',
    {
      schema: {
        tags,
        security,
        summary:
          'Set a staff member’s roles and house limit (effective at their next request; the last person who can manage staff keeps that)',
        params: personParams,
        body: staffRolesInput,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = staffManager(request);
      await withTransaction(deps.db, (tx) =>
        changeStaffRoles(tx, actor, request.params.personId, request.body, request.ip),
      );
      return reply.code(204).send(null);
    },
  );

  r.delete(
    '/staff/:personId',
    {
      schema: {
        tags,
        security,
        summary: 'Remove someone from the organisation’s staff (effective at their next request)',
        params: personParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = staffManager(request);
      await withTransaction(deps.db, (tx) => removeStaff(tx, actor, request.params.personId, request.ip));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/staff/invitations',
    {
      schema: {
        tags,
        security,
        summary: 'Invitations not yet accepted nor revoked, newest first',
        response: { 200: staffInvitationList, ...problems(401, 403) },
      },
    },
    async (request) => ({
      items: (await listOpenStaffInvitations(deps.db, staffManager(request).organisationId)).map(toInvitation),
    }),
  );

  r.post(
    '/staff/invitations',
    {
      schema: {
        tags,
        security,
        summary:
          'Invite someone by e-mail: the link (valid 7 days) makes whoever signs in and opens it staff with these roles',
        body: staffInvitationInput,
        response: { 201: staffInvitationSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = staffManager(request);
      const name = await organisationName(deps.db, actor.organisationId);
      const invitation = await withTransaction(deps.db, (tx) =>
        inviteStaff(tx, ports, actor, request.body, name, request.ip),
      );
      return reply.code(201).send(toInvitation(invitation));
    },
  );

  r.delete(
    '/staff/invitations/:id',
    {
      schema: {
        tags,
        security,
        summary: 'Revoke an invitation: its link stops working',
        params: idParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = staffManager(request);
      await withTransaction(deps.db, (tx) => revokeInvitation(tx, actor, request.params.id, request.ip));
      return reply.code(204).send(null);
    },
  );
}
