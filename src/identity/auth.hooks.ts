import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppDeps } from '../deps.js';
import { forbidden, unauthorized } from '../errors.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/auth.js';
import { findApiClientByKey, findClientByAccessToken } from './api-clients.repo.js';
import { touchSession } from './sessions.repo.js';

/** Prefix of the short-lived access tokens of the client-credentials grant (POST /oauth/token). */
const ACCESS_TOKEN_PREFIX = 'dhat_';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling on every request: a session cookie (browser), a bearer API key or a
 * client-credentials access token (organisation systems). Cookie-authenticated writes must echo the session's CSRF token.
 */
export const authHooks = fp(
  async (app: FastifyInstance, deps: Pick<AppDeps, 'db' | 'config'>) => {
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.config?.auth === false) return;
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const apiKey = bearer ?? (request.headers['x-api-key'] as string | undefined);
      if (bearer?.startsWith(ACCESS_TOKEN_PREFIX)) {
        const client = await findClientByAccessToken(deps.db, bearer);
        if (!client) throw unauthorized('The access token is unknown, expired or revoked', 'invalid_token');
        request.principal = { kind: 'api_client', ...client };
        return;
      }
      if (apiKey) {
        const client = await findApiClientByKey(deps.db, apiKey);
        if (!client) throw unauthorized('The API key is unknown or revoked', 'invalid_api_key');
        request.principal = { kind: 'api_client', ...client };
        return;
      }
      const token = request.cookies?.[SESSION_COOKIE];
      if (!token) return;
      const session = await touchSession(deps.db, token, deps.config.session.idleMinutes);
      if (!session) return; // an expired cookie is the same as none; guards answer 401
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
        throw forbidden('Missing or wrong CSRF token', 'csrf_failed');
      }
      request.principal = {
        kind: 'person',
        sessionId: session.sessionId,
        personId: session.personId,
        csrfToken: session.csrfToken,
        isOperator: session.isOperator,
        staff: session.staff,
        signInMethod: session.signInMethod,
        identityVerified: session.identityVerified,
      };
    });
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);
