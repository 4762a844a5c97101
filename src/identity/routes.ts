import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiClientSchema,
  auditEntrySchema,
  createApiClientSchema,
  issuedApiClientSchema,
  profileSchema,
  sessionInfoSchema,
  tokenRequestSchema,
  tokenResponseSchema,
} from '../../contracts/identity.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { requireOperator, requireOrg, requirePerson, SESSION_COOKIE } from '../http/auth.js';
import { forbidden, notFound, unauthorized, validationFailed } from '../errors.js';
import { decodeCursor, pageInfo, pageQuery, pageOf } from '../http/pagination.js';
import { enforce } from '../http/rate-limit.js';
import { ALL_ORG_SCOPES } from '../../contracts/scopes.js';
import { findOauthClient, listApiClients } from './api-clients.repo.js';
import {
  clientCredentials,
  grantClientCredentials,
  issueApiClient,
  oauthError,
  revokeClient,
  splitOauthKey,
} from './api-clients.service.js';
import { listAudit } from './audit.repo.js';
import { createFieldCipher } from './crypto.js';
import { completeLogin, logout, providerUnavailable, startLogin } from './login.service.js';
import { findPersonWithRoles } from './persons.repo.js';
import { safeReturnTo } from './return-to.js';
import { listSessions, revokeSession } from './sessions.repo.js';
import { maskPhone, maskSnils } from './snils.js';
import type { Actor } from '../../contracts/actor.js';

const LOGIN_COOKIE = 'domhub_login';

/** Resident sign-in (/auth), the resident's profile and sessions, organisation API clients, audit reads, /oauth/token. */
export async function identityRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const secure = deps.config.publicUrl.startsWith('https:');
  const perMinute = { limit: deps.config.auth.rateLimitPerMinute, windowSeconds: 60 };

  // ---- resident sign-in

  r.get(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Begin signing in through the identity provider (redirects there)',
        description:
          'Answers 302 to the provider. `return_to` must be a path of this site. In sandbox mode `login_hint=<SNILS digits>` of a demo citizen signs them in without pages.',
        querystring: z.object({
          login_hint: z.string().max(64).optional(),
          return_to: z.string().max(2000).optional(),
        }),
        response: problems(400, 429, 502, 503),
      },
    },
    async (request, reply) => {
      await enforce(deps.db, `auth.login:${request.ip}`, perMinute, 'Too many sign-in attempts; try again later');
      if (!deps.identity) throw providerUnavailable();
      const returnTo = safeReturnTo(request.query.return_to, deps.config.publicUrl);
      if (!returnTo) throw validationFailed([{ path: 'query.return_to', message: 'must be a path on this site' }]);
      const flow = await startLogin(deps.db, deps.identity, { loginHint: request.query.login_hint, returnTo });
      reply.setCookie(LOGIN_COOKIE, flow.browserToken, {
        path: '/auth',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: flow.ttlSeconds,
      });
      return reply.redirect(flow.url, 302);
    },
  );

  r.get(
    '/auth/callback',
    {
      schema: {
        tags: ['auth'],
        summary: 'The identity provider returns here; on success a session cookie is set and the browser sent on',
        querystring: z
          .object({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() })
          .loose(),
        response: problems(400, 401, 429, 502, 503),
      },
    },
    async (request, reply) => {
      await enforce(deps.db, `auth.callback:${request.ip}`, perMinute, 'Too many sign-in attempts; try again later');
      if (!deps.identity) throw providerUnavailable();
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      reply.clearCookie(LOGIN_COOKIE, { path: '/auth' });
      const { session, returnTo } = await completeLogin(deps.db, deps.identity, cipher, deps.config.session, {
        query: request.query as Record<string, string | undefined>,
        callbackUrl: `${deps.config.esia.redirectUri}${search}`,
        browserToken: request.cookies[LOGIN_COOKIE],
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        expires: session.expiresAt,
      });
      return reply.redirect(returnTo, 303);
    },
  );

  r.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End my session; the answer names where to send the browser to end the provider session too',
        response: {
          200: z.object({ signedOut: z.literal(true), endSessionUrl: z.string().nullable() }),
          ...problems(403),
        },
      },
    },
    async (request, reply) => {
      const result = await logout(deps.db, deps.identity, request.cookies[SESSION_COOKIE], request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { signedOut: true as const, endSessionUrl: result.endSessionUrl };
    },
  );

  r.get(
    '/auth/logged-out',
    {
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser after its logout',
        response: { 200: z.object({ signedOut: z.literal(true) }) },
      },
    },
    async () => ({ signedOut: true as const }),
  );

  // ---- the resident

  r.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['me'],
        summary: 'My profile and roles (SNILS and phone masked) and the CSRF token of this session',
        response: { 200: profileSchema.extend({ csrfToken: z.string() }), ...problems(401) },
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
    '/api/v1/me/sessions',
    {
      schema: {
        tags: ['me'],
        summary: 'My live sessions',
        response: { 200: z.object({ items: z.array(sessionInfoSchema) }), ...problems(401) },
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
    '/api/v1/me/sessions/:id',
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

  // ---- organisation API clients (managed by the organisation's admins, signed in)

  const requireOrgAdmin = (request: FastifyRequest): Actor => {
    if (request.principal?.kind === 'api_client')
      throw forbidden("API clients are managed by the organisation's admins only", 'staff_only');
    return requireOrg(request, 'api_clients:manage', ['admin']);
  };
  const toApiClient = (c: Awaited<ReturnType<typeof listApiClients>>[number]) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    keyPrefix: c.kind === 'oauth_client' ? `dh_${c.key_prefix}` : c.key_prefix,
    scopes: c.scopes,
    createdAt: c.created_at.toISOString(),
    lastUsedAt: c.last_used_at?.toISOString() ?? null,
    revokedAt: c.revoked_at?.toISOString() ?? null,
  });

  r.post(
    '/api/v1/org/api-keys',
    {
      schema: {
        tags: ['org'],
        summary: 'Issue an API key or an OAuth client-credentials client; the secret is shown in this answer only',
        body: createApiClientSchema,
        response: { 201: issuedApiClientSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireOrgAdmin(request);
      const issued = await issueApiClient(deps.db, actor, request.body, ALL_ORG_SCOPES, request.ip);
      const row = (await listApiClients(deps.db, actor.organisationId)).find((c) => c.id === issued.id)!;
      const secret = request.body.kind === 'oauth_client' ? splitOauthKey(issued.key) : undefined;
      return reply.code(201).send({
        ...toApiClient(row),
        ...(secret ? { clientId: secret.clientId, clientSecret: secret.clientSecret } : { key: issued.key }),
      });
    },
  );

  r.get(
    '/api/v1/org/api-keys',
    {
      schema: {
        tags: ['org'],
        summary: "The organisation's API keys and OAuth clients (no secrets)",
        response: { 200: z.object({ items: z.array(apiClientSchema) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrgAdmin(request);
      return { items: (await listApiClients(deps.db, actor.organisationId)).map(toApiClient) };
    },
  );

  r.delete(
    '/api/v1/org/api-keys/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Revoke an API key or OAuth client (refused from the next request on, with its access tokens)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = requireOrgAdmin(request);
      if (!(await revokeClient(deps.db, actor, request.params.id, request.ip))) throw notFound('API client');
      return reply.code(204).send(null);
    },
  );

  // ---- audit log reads

  const auditPage = z.object({ items: z.array(auditEntrySchema), page: pageInfo });
  const readAudit = async (filter: { organisationId?: string; action?: string; limit: number; cursor?: string }) => {
    const cursor = decodeCursor(filter.cursor);
    const beforeId = cursor && /^\d+$/.test(String(cursor[0])) ? String(cursor[0]) : undefined;
    if (cursor && !beforeId) throw validationFailed([{ path: 'query.cursor', message: 'invalid' }]);
    const rows = await listAudit(deps.db, {
      organisationId: filter.organisationId,
      action: filter.action,
      beforeId,
      limit: filter.limit,
    });
    const { items, nextCursor } = pageOf(rows, filter.limit, (last) => [last.id]);
    return {
      items: items.map((a) => ({
        id: a.id,
        at: a.at.toISOString(),
        actorType: a.actor_type,
        actorId: a.actor_id,
        action: a.action,
        objectType: a.object_type,
        objectId: a.object_id,
        organisationId: a.organisation_id,
        ip: a.ip,
        details: a.details,
      })),
      page: { nextCursor },
    };
  };

  r.get(
    '/api/v1/org/audit',
    {
      schema: {
        tags: ['org'],
        summary: "The audit log of the organisation's own data, newest first",
        querystring: pageQuery.extend({ action: z.string().max(100).optional() }),
        response: { 200: auditPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'audit:read', ['admin']);
      return readAudit({ ...request.query, organisationId: actor.organisationId });
    },
  );

  r.get(
    '/api/v1/operator/audit',
    {
      schema: {
        tags: ['operator'],
        summary: 'The whole audit log (operators), newest first',
        querystring: pageQuery.extend({ action: z.string().max(100).optional(), organisationId: z.uuid().optional() }),
        response: { 200: auditPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      requireOperator(request);
      return readAudit(request.query);
    },
  );

  // ---- OAuth 2.0 client-credentials token endpoint (form-encoded, RFC 6749 §4.4)

  await app.register(async (scope) => {
    await scope.register(formbody);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/oauth/token',
      {
        schema: {
          tags: ['org'],
          summary: "Exchange an OAuth client's credentials for a short-lived bearer token (client_credentials grant)",
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          body: tokenRequestSchema,
          response: { 200: tokenResponseSchema, ...problems(400, 401, 429) },
        },
      },
      async (request: FastifyRequest<{ Body: z.infer<typeof tokenRequestSchema> }>, reply: FastifyReply) => {
        await enforce(
          deps.db,
          `oauth.token:${request.ip}`,
          { ...perMinute, limit: perMinute.limit * 2 },
          'Too many token requests; try again later',
        );
        reply.header('cache-control', 'no-store');
        const creds = clientCredentials(request.headers.authorization, request.body);
        if (request.body.grant_type !== 'client_credentials')
          throw oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported');
        const client = await findOauthClient(deps.db, creds.clientId, creds.clientSecret);
        if (!client) throw oauthError(401, 'invalid_client', 'Unknown client, wrong secret or revoked');
        return grantClientCredentials(deps.db, client, request.body.scope, deps.config.auth.oauthTokenTtlSeconds);
      },
    );
  });
}
