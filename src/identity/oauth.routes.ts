import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { tokenRequestSchema, tokenResponseSchema } from '../../contracts/identity.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { enforce } from '../http/rate-limit.js';
import { findOauthClient } from './api-clients.repo.js';
import { clientCredentials, grantClientCredentials, oauthError } from './api-clients.service.js';

/** The organisations' machine sign-in. Mounted at /oauth; its own plugin, so the form parser stays here. */
export async function oauthRoutes(app: FastifyInstance, deps: AppDeps) {
  const perMinute = { limit: deps.config.auth.rateLimitPerMinute, windowSeconds: 60 };

  // ---- OAuth 2.0 client-credentials token endpoint (form-encoded, RFC 6749 §4.4)

  await app.register(formbody);
  app.withTypeProvider<ZodTypeProvider>().post(
    '/token',
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
      return withTransaction(deps.db, (tx) =>
        grantClientCredentials(tx, client, request.body.scope, deps.config.auth.oauthTokenTtlSeconds),
      );
    },
  );
}
