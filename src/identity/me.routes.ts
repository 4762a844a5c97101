import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meSchema, sessionList, staffOrganisations } from '../../contracts/identity.js';
import {
  addPasskeyBody,
  changePasswordBody,
  passkeyInfo,
  passkeyList,
  webauthnOptions,
} from '../../contracts/local-auth.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { AppError, notFound, unauthorized } from '../errors.js';
import { requirePerson, SESSION_COOKIE } from '../http/auth.js';
import { enforce } from '../http/rate-limit.js';
import { createFieldCipher } from './crypto.js';
import { findCredentialByPerson } from './local-auth.repo.js';
import { assertStrongPassword, changePassword } from './local-auth.service.js';
import { deletePasskey, listPasskeys } from './passkeys.repo.js';
import { passkeyRegistrationOptions, registerPasskey, relyingParty } from './passkeys.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { fullName } from './names.js';
import { findPersonWithRoles } from './persons.repo.js';
import { staffOrganisationsOf } from './staff.repo.js';
import { acceptInvitation } from './staff.service.js';
import { acceptedInvitation, acceptInvitationInput } from '../../contracts/staff.js';
import { listSessions, revokeSession } from './sessions.repo.js';
import { maskPhone, maskSnils } from './snils.js';

/** The signed-in person: profile, sessions, password and passkeys. Mounted at /api/v1/me. */
export async function identityMeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const rp = relyingParty(deps.config.publicUrl);
  const toInfo = (p: Awaited<ReturnType<typeof listPasskeys>>[number]) => ({
    id: p.id,
    name: p.name,
    createdAt: p.created_at.toISOString(),
    lastUsedAt: p.last_used_at?.toISOString() ?? null,
  });

  r.get(
    '',
    {
      schema: {
        tags: ['me'],
        summary: 'My profile and roles (SNILS and phone masked) and the CSRF token of this session',
        response: { 200: meSchema, ...problems(401) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      const p = await findPersonWithRoles(deps.db, me.personId);
      if (!p) throw unauthorized();
      return {
        id: p.id,
        lastName: p.last_name,
        firstName: p.first_name,
        middleName: p.middle_name,
        birthDate: p.birth_date,
        snils: p.snils_enc ? maskSnils(cipher.decrypt(p.snils_enc)) : null,
        email: p.email,
        emailVerified: p.email_verified,
        mobile: p.mobile_enc ? maskPhone(cipher.decrypt(p.mobile_enc)) : null,
        mobileVerified: p.mobile_verified,
        isOperator: p.is_operator,
        staff: p.staff,
        identityVerified: p.identity_verified,
        identityVerifiedBy: p.identity_verified_by,
        signInMethod: me.signInMethod,
        csrfToken: me.csrfToken,
      };
    },
  );

  r.get(
    '/organisations',
    {
      schema: {
        tags: ['me'],
        summary: 'The organisations I work for, with my roles there (the staff console picks one; empty for residents)',
        response: { 200: staffOrganisations, ...problems(401) },
      },
    },
    async (request) => ({ items: await staffOrganisationsOf(deps.db, requirePerson(request).personId) }),
  );

  r.post(
    '/staff-invitations/accept',
    {
      schema: {
        tags: ['me', 'staff'],
        summary: 'Take up an invitation to an organisation’s staff (the token of the e-mailed link)',
        body: acceptInvitationInput,
        response: { 200: acceptedInvitation, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      return withTransaction(deps.db, (tx) => acceptInvitation(tx, me.personId, request.body.token, request.ip));
    },
  );

  r.get(
    '/sessions',
    {
      schema: {
        tags: ['me'],
        summary: 'My live sessions',
        response: { 200: sessionList, ...problems(401) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      const rows = await listSessions(deps.db, me.personId, deps.config.session.idleMinutes);
      return {
        items: rows.map((s) => ({
          id: s.public_id,
          createdAt: s.created_at.toISOString(),
          lastSeenAt: s.last_seen_at.toISOString(),
          expiresAt: s.expires_at.toISOString(),
          userAgent: s.user_agent,
          ip: s.ip,
          current: s.public_id === me.sessionId,
        })),
      };
    },
  );

  r.delete(
    '/sessions/:id',
    {
      schema: {
        tags: ['me'],
        summary: 'End one of my sessions (takes effect at once)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      if (!(await revokeSession(deps.db, me.personId, request.params.id))) throw notFound('Session');
      if (request.params.id === me.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/password',
    {
      schema: {
        tags: ['me'],
        summary: 'Change my password (e-mail sign-in): the current one is checked; my other sessions end',
        body: changePasswordBody,
        response: { 204: z.null(), ...problems(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      await enforce(
        deps.db,
        `auth.local.change:${me.personId}`,
        { limit: 10, windowSeconds: 3600 },
        'Too many attempts; try again later',
      );
      const cred = await findCredentialByPerson(deps.db, me.personId);
      if (!cred)
        throw new AppError(409, 'no_password', 'You sign in through Gosuslugi; there is no password to change');
      if (!(await verifyPassword(cred.password_hash, request.body.currentPassword))) {
        throw new AppError(400, 'credentials_invalid', 'The current password is wrong', [
          { path: 'body.currentPassword', message: 'wrong password' },
        ]);
      }
      assertStrongPassword(request.body.newPassword, 'body.newPassword', [cred.email]);
      const passwordHash = await hashPassword(request.body.newPassword);
      await withTransaction(deps.db, (tx) => changePassword(tx, me.personId, me.sessionId, passwordHash, request.ip));
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/passkeys',
    {
      schema: {
        tags: ['me'],
        summary: 'My passkeys',
        response: { 200: passkeyList, ...problems(401) },
      },
    },
    async (request) => ({ items: (await listPasskeys(deps.db, requirePerson(request).personId)).map(toInfo) }),
  );

  r.post(
    '/passkeys/options',
    {
      schema: {
        tags: ['me'],
        summary: 'Begin adding a passkey: options for navigator.credentials.create() (5 minutes)',
        response: { 200: webauthnOptions, ...problems(401, 403) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      const p = await findPersonWithRoles(deps.db, me.personId);
      if (!p) throw unauthorized();
      const displayName = fullName({ lastName: p.last_name, firstName: p.first_name }) || p.email || 'Житель';
      return withTransaction(deps.db, (tx) =>
        passkeyRegistrationOptions(tx, rp, { id: p.id, email: p.email, displayName }),
      );
    },
  );

  r.post(
    '/passkeys',
    {
      schema: {
        tags: ['me'],
        summary: "Add a passkey: the authenticator's answer to the options' challenge (user verification required)",
        body: addPasskeyBody,
        response: { 201: passkeyInfo, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      const row = await withTransaction(deps.db, (tx) =>
        registerPasskey(
          tx,
          rp,
          me.personId,
          {
            ...request.body,
            response: request.body.response as unknown as RegistrationResponseJSON,
          },
          request.ip,
        ),
      );
      return reply.code(201).send(toInfo(row));
    },
  );

  r.delete(
    '/passkeys/:id',
    {
      schema: {
        tags: ['me'],
        summary: 'Remove one of my passkeys',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!(await deletePasskey(deps.db, requirePerson(request).personId, request.params.id)))
        throw notFound('Passkey');
      return reply.code(204).send(null);
    },
  );
}
