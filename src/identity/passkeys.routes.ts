import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { passkeySignInBody, signedIn, webauthnOptions } from '../../contracts/local-auth.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { SESSION_COOKIE } from '../http/auth.js';
import { forbidden } from '../errors.js';
import { enforce } from '../http/rate-limit.js';
import { consumeWebauthnChallenge } from './passkeys.repo.js';
import { passkeySignInOptions, relyingParty, signInWithPasskey } from './passkeys.service.js';
import { sha256hex } from './tokens.js';

const PASSKEY_COOKIE = 'domhub_passkey';

/** Signing in with a passkey (no e-mail, no code); adding one is in me.routes.ts. Mounted at /auth/passkey. */
export async function passkeySignInRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rp = relyingParty(deps.config.publicUrl);
  const secure = deps.config.publicUrl.startsWith('https:');
  const perMinute = { limit: deps.config.auth.rateLimitPerMinute, windowSeconds: 60 };
  // As the e-mail sign-in: before a session there is no CSRF token, so cross-site requests are refused.
  const guard = async (request: FastifyRequest) => {
    if (request.headers['sec-fetch-site'] === 'cross-site')
      throw forbidden('Cross-site sign-in requests are refused', 'csrf_failed');
    await enforce(deps.db, `auth.local:${request.ip}`, perMinute, 'Too many sign-in attempts; try again later');
  };

  r.post(
    '/options',
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
    '/sign-in',
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
