import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  activateBody,
  codeRequired,
  registerAccepted,
  registerBody,
  resetAccepted,
  resetCompleteBody,
  resetDone,
  resetRequestBody,
  signedIn,
  signInBody,
  signInCodeBody,
} from '../../contracts/local-auth.js';
import { problems } from '../../contracts/problem.js';
import { linkBySurname } from '../accounts/linking.service.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { SESSION_COOKIE } from '../http/auth.js';
import { AppError, forbidden } from '../errors.js';
import { enforce } from '../http/rate-limit.js';
import { findCredentialByEmail, findPasswordReset } from './local-auth.repo.js';
import {
  activate,
  assertNotLocked,
  assertStrongPassword,
  clearSignInFailures,
  completePasswordReset,
  completePasswordSignIn,
  recordSignInFailure,
  register,
  requestPasswordReset,
  tokenInvalid,
  verifySignInCode,
  type ClientInfo,
  type LocalAuthPorts,
} from './local-auth.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { sha256hex } from './tokens.js';

export const DEVICE_COOKIE = 'domhub_device';
const CHALLENGE_COOKIE = 'domhub_challenge';
// Mails about one address (activation, reset) per hour, so nobody floods a mailbox through us.
const MAILS_PER_ADDRESS = { limit: 5, windowSeconds: 3600 };

const tags = ['auth'];

/**
 * Sign-in without Gosuslugi: registration with an activation letter, e-mail + password sign-in with a
 * one-time code from a new device, password reset and change. The sessions are the same `domhub_sid`
 * sessions as the Gosuslugi sign-in's; the person is marked not verified (GET /api/v1/me). Mounted at
 * /auth/local; changing the password is in me.routes.ts, the organisation's confirmation in org.routes.ts.
 */
export async function localAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = deps.config.publicUrl.startsWith('https:');
  const perMinute = { limit: deps.config.auth.rateLimitPerMinute, windowSeconds: 60 };
  const ports: LocalAuthPorts = {
    enqueue: deps.enqueue,
    publicUrl: deps.config.publicUrl,
    timeouts: deps.config.session,
    policy: deps.config.localAuth,
  };
  const client = (request: FastifyRequest): ClientInfo => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'],
  });
  // These routes work before any session exists, so they ignore the session cookie (no CSRF token
  // to check yet). Login CSRF is refused instead: bodies are JSON only (a cross-site form cannot
  // send it without a preflight) and a browser's cross-site request is turned away outright.
  const preSession = { auth: false };
  const guard = async (request: FastifyRequest) => {
    if (request.headers['sec-fetch-site'] === 'cross-site')
      throw forbidden('Cross-site sign-in requests are refused', 'csrf_failed');
    await enforce(deps.db, `auth.local:${request.ip}`, perMinute, 'Too many sign-in attempts; try again later');
  };
  const limitMails = (email: string) =>
    enforce(
      deps.db,
      `auth.local.mail:${email}`,
      MAILS_PER_ADDRESS,
      'Too many letters to this address; try again later',
    );

  const setSession = (reply: FastifyReply, session: { token: string; expiresAt: Date }) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      expires: session.expiresAt,
    });
  const setDevice = (reply: FastifyReply, token: string) =>
    reply.setCookie(DEVICE_COOKIE, token, {
      path: '/auth',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: deps.config.localAuth.trustedDeviceDays * 86_400,
    });

  r.post(
    '/register',
    {
      config: preSession,
      schema: {
        tags,
        summary:
          "Register with e-mail and password (optionally with an account: house, number, owner's surname); an activation link is mailed",
        description:
          'Answers 202 alike whether or not the address is registered (an existing one is told so by letter). A weak password: 400 `password_too_weak` at `body.password`. The account, if given, is linked by the surname proof when the address is activated.',
        body: registerBody,
        response: { 202: registerAccepted, ...problems(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await guard(request);
      const b = request.body;
      assertStrongPassword(b.password, 'body.password', [
        b.email,
        b.lastName,
        b.firstName,
        b.middleName,
        b.account?.surname,
      ]);
      await limitMails(b.email);
      const passwordHash = await hashPassword(b.password);
      await withTransaction(deps.db, (tx) => register(tx, ports, b, passwordHash, client(request)));
      return reply.code(202).send({
        status: 'activation_sent' as const,
        message: 'If the address can be registered, a letter with an activation link was sent to it',
      });
    },
  );

  r.post(
    '/activate',
    {
      config: preSession,
      schema: {
        tags,
        summary:
          'Activate a registration with the token of its link: signs in (session cookie) and remembers this device',
        description:
          "A registration by account then tries the surname proof (the linking service's rules and lockouts); its outcome is `accountLink`.",
        body: activateBody,
        response: { 200: signedIn, ...problems(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await guard(request);
      const done = await withTransaction(deps.db, (tx) => activate(tx, ports, request.body.token, client(request)));
      setSession(reply, done.session);
      setDevice(reply, done.deviceToken);
      let accountLink: { status: 'linked'; accountId: string } | { status: 'not_linked'; code: string } | undefined;
      if (done.accountLink) {
        const { houseId, identifier, surname } = done.accountLink;
        try {
          const outcome = await withTransaction(deps.db, (tx) =>
            linkBySurname(
              tx,
              deps.enqueue,
              { personId: done.personId, houseId, identifier, ip: request.ip },
              surname,
              deps.config.accountLinking,
            ),
          );
          accountLink = outcome.ok
            ? { status: 'linked' as const, accountId: outcome.linked.accountId }
            : { status: 'not_linked' as const, code: outcome.error.code };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          accountLink = { status: 'not_linked' as const, code: err.code };
        }
      }
      return { status: 'signed_in' as const, personId: done.personId, csrfToken: done.session.csrfToken, accountLink };
    },
  );

  r.post(
    '/sign-in',
    {
      config: preSession,
      schema: {
        tags,
        summary:
          'Sign in with e-mail and password: 200 with a session on a remembered device, else 202 and a code mailed to the address',
        description:
          'An unknown address and a wrong password get the same 401 `credentials_invalid`. After repeated failures the address is locked: 429 `sign_in_locked`.',
        body: signInBody,
        response: { 200: signedIn, 202: codeRequired, ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await guard(request);
      const { email, password } = request.body;
      await assertNotLocked(deps.db, ports.policy, email);
      const cred = await findCredentialByEmail(deps.db, email);
      if (!(await verifyPassword(cred?.password_hash, password)) || !cred) {
        throw await recordSignInFailure(deps.db, ports.policy, email, client(request));
      }
      await clearSignInFailures(deps.db, email);
      const outcome = await withTransaction(deps.db, (tx) =>
        completePasswordSignIn(tx, ports, cred.person_id, email, request.cookies[DEVICE_COOKIE], client(request)),
      );
      if (outcome.status === 'signed_in') {
        setSession(reply, outcome.session);
        return reply
          .code(200)
          .send({ status: 'signed_in' as const, personId: outcome.personId, csrfToken: outcome.session.csrfToken });
      }
      reply.setCookie(CHALLENGE_COOKIE, outcome.browserToken, {
        path: '/auth',
        httpOnly: true,
        sameSite: 'lax',
        secure,
        maxAge: 15 * 60,
      });
      return reply.code(202).send({
        status: 'code_required' as const,
        challengeId: outcome.challengeId,
        expiresAt: outcome.expiresAt.toISOString(),
        message: 'This device is new: a one-time code was sent to the address; enter it to sign in',
      });
    },
  );

  r.post(
    '/sign-in/code',
    {
      config: preSession,
      schema: {
        tags,
        summary:
          'Finish a sign-in from a new device with the mailed code (once; five tries); remembers the device unless told not to',
        body: signInCodeBody,
        response: { 200: signedIn, ...problems(400, 403, 422, 429) },
      },
    },
    async (request, reply) => {
      await guard(request);
      const result = await withTransaction(deps.db, (tx) =>
        verifySignInCode(
          tx,
          ports,
          { ...request.body, browserToken: request.cookies[CHALLENGE_COOKIE] },
          client(request),
        ),
      );
      if (!result.ok) throw result.error; // after the commit, so the failed try counts
      reply.clearCookie(CHALLENGE_COOKIE, { path: '/auth' });
      setSession(reply, result.session);
      if (result.deviceToken) setDevice(reply, result.deviceToken);
      return { status: 'signed_in' as const, personId: result.personId, csrfToken: result.session.csrfToken };
    },
  );

  r.post(
    '/password-reset',
    {
      config: preSession,
      schema: {
        tags,
        summary: 'Ask for a password reset link by e-mail (answered alike for unknown addresses)',
        body: resetRequestBody,
        response: { 202: resetAccepted, ...problems(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await guard(request);
      await limitMails(request.body.email);
      await withTransaction(deps.db, (tx) => requestPasswordReset(tx, ports, request.body.email, client(request)));
      return reply.code(202).send({
        status: 'reset_sent' as const,
        message: 'If the address is registered, a letter with a reset link was sent to it',
      });
    },
  );

  r.post(
    '/password-reset/complete',
    {
      config: preSession,
      schema: {
        tags,
        summary: "Set a new password with the reset link's token: every session ends; this device is remembered",
        body: resetCompleteBody,
        response: { 200: resetDone, ...problems(400, 403, 429) },
      },
    },
    async (request, reply) => {
      await guard(request);
      const { token, password } = request.body;
      const pending = await findPasswordReset(deps.db, sha256hex(token));
      if (!pending) throw tokenInvalid();
      assertStrongPassword(password, 'body.password', [pending.email]);
      const passwordHash = await hashPassword(password);
      const done = await withTransaction(deps.db, (tx) =>
        completePasswordReset(tx, ports, token, passwordHash, client(request)),
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      setDevice(reply, done.deviceToken);
      return {
        status: 'password_changed' as const,
        message: 'The password is changed and every session ended; sign in with the new password',
      };
    },
  );
}
