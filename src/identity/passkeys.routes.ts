import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addPasskeyBody,
  passkeyInfo,
  passkeySignInBody,
  signedIn,
  webauthnOptions,
} from '../../contracts/local-auth.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePerson, SESSION_COOKIE } from '../http/auth.js';
import { forbidden, notFound, unauthorized } from '../errors.js';
import { enforce } from '../http/rate-limit.js';
import { consumeWebauthnChallenge, deletePasskey, listPasskeys } from './passkeys.repo.js';
import {
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  relyingParty,
  signInWithPasskey,
} from './passkeys.service.js';
import { findPersonWithRoles } from './persons.repo.js';
import { sha256hex } from './tokens.js';
import { fullName } from './names.js';

const PASSKEY_COOKIE = 'domhub_passkey';

/** Passkeys: a signed-in person adds and removes them; anyone signs in with one (no e-mail, no code). */
export async function passkeyRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rp = relyingParty(deps.config.publicUrl);
  const secure = deps.config.publicUrl.startsWith('https:');
  const perMinute = { limit: deps.config.auth.rateLimitPerMinute, windowSeconds: 60 };
  const toInfo = (p: Awaited<ReturnType<typeof listPasskeys>>[number]) => ({
    id: p.id,
    name: p.name,
    createdAt: p.created_at.toISOString(),
    lastUsedAt: p.last_used_at?.toISOString() ?? null,
  });
  // As the e-mail sign-in: before a session there is no CSRF token, so cross-site requests are refused.
  const guard = async (request: FastifyRequest) => {
    if (request.headers['sec-fetch-site'] === 'cross-site')
      throw forbidden('Cross-site sign-in requests are refused', 'csrf_failed');
    await enforce(deps.db, `auth.local:${request.ip}`, perMinute, 'Too many sign-in attempts; try again later');
  };

  r.get(
    '/api/v1/me/passkeys',
    {
      schema: {
        tags: ['me'],
        summary: 'My passkeys',
        response: { 200: z.object({ items: z.array(passkeyInfo) }), ...problems(401) },
      },
    },
    async (request) => ({ items: (await listPasskeys(deps.db, requirePerson(request).personId)).map(toInfo) }),
  );

  r.post(
    '/api/v1/me/passkeys/options',
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
    '/api/v1/me/passkeys',
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
    '/api/v1/me/passkeys/:id',
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

  r.post(
    '/auth/passkey/options',
    {
      config: { auth: false },
      schema: {
        tags: ['auth'],
        summary: 'Begin signing in with a passkey: options for navigator.credentials.get(), bound to this browser',
        response: { 200: webauthnOptions, ...problems(403, 429) },
      },
    },
    async (request, reply) => {
      await guard(request);
      const begun = await withTransaction(deps.db, (tx) => passkeySignInOptions(tx, rp));
      reply.setCookie(PASSKEY_COOKIE, begun.browserToken, {
        path: '/auth',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: 300,
      });
      return { challengeId: begun.challengeId, options: begun.options };
    },
  );

  r.post(
    '/auth/passkey/sign-in',
    {
      config: { auth: false },
      schema: {
        tags: ['auth'],
        summary: "Sign in with a passkey's answer (session cookie); no mailed code is needed",
        body: passkeySignInBody,
        response: { 200: signedIn, ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await guard(request);
      const browser = request.cookies[PASSKEY_COOKIE];
      // Taken once before the check, so a wrong answer spends the challenge too.
      const challenge = browser
        ? await consumeWebauthnChallenge(deps.db, request.body.challengeId, 'authenticate', {
            browserHash: sha256hex(browser),
          })
        : undefined;
      const done = await withTransaction(deps.db, (tx) =>
        signInWithPasskey(
          tx,
          rp,
          deps.config.session,
          challenge,
          request.body.response as unknown as AuthenticationResponseJSON,
          {
            ip: request.ip,
            userAgent: request.headers['user-agent'],
          },
        ),
      );
      reply.clearCookie(PASSKEY_COOKIE, { path: '/auth' });
      reply.setCookie(SESSION_COOKIE, done.session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: done.session.expiresAt,
      });
      return { status: 'signed_in' as const, personId: done.personId, csrfToken: done.session.csrfToken };
    },
  );
}
