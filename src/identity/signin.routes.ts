import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { callbackQuery, loggedOut, loginQuery, signedOut } from '../../contracts/identity.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { validationFailed } from '../errors.js';
import { SESSION_COOKIE } from '../http/auth.js';
import { enforce } from '../http/rate-limit.js';
import { createFieldCipher } from './crypto.js';
import { completeLogin, logout, providerUnavailable, startLogin } from './login.service.js';
import { safeReturnTo } from './return-to.js';

const LOGIN_COOKIE = 'domhub_login';

/** Resident sign-in through the identity provider (Gosuslugi), and sign-out. Mounted at /auth. */
export async function signInRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const secure = deps.config.publicUrl.startsWith('https:');
  const perMinute = { limit: deps.config.auth.rateLimitPerMinute, windowSeconds: 60 };

  r.get(
    '/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Begin signing in through the identity provider (redirects there)',
        description:
          'Answers 302 to the provider. `return_to` must be a path of this site. In sandbox mode `login_hint=<SNILS digits>` of a demo citizen signs them in without pages.',
        querystring: loginQuery,
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
    '/callback',
    {
      schema: {
        tags: ['auth'],
        summary: 'The identity provider returns here; on success a session cookie is set and the browser sent on',
        querystring: callbackQuery,
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
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'End my session; the answer names where to send the browser to end the provider session too',
        response: { 200: signedOut, ...problems(403) },
      },
    },
    async (request, reply) => {
      const result = await logout(deps.db, deps.identity, request.cookies[SESSION_COOKIE], request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { signedOut: true as const, endSessionUrl: result.endSessionUrl };
    },
  );

  r.get(
    '/logged-out',
    {
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser after its logout',
        response: { 200: loggedOut },
      },
    },
    async () => ({ signedOut: true as const }),
  );
}
