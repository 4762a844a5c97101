import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiClientList, auditFilter, createApiClientSchema, issuedApiClientSchema } from '../../contracts/identity.js';
import { confirmIdentityBody, identityConfirmed, unverifiedResidentList } from '../../contracts/local-auth.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import type { Actor } from '../../contracts/actor.js';
import { requirePermission } from '../http/auth.js';
import { pageQuery } from '../http/pagination.js';
import { listApiClients } from './api-clients.repo.js';
import { issueApiClient, revokeClient, splitOauthKey } from './api-clients.service.js';
import { auditPage, readAudit } from './audit-read.js';
import { confirmIdentityByOrganisation, listUnverifiedResidents } from './local-auth.service.js';

/** The organisation's API clients and audit log, and its confirmation of residents' identity. Mounted at /api/v1/org. */
export async function identityOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const orgSecurity: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

  // ---- organisation API clients (managed by the organisation's admins, signed in)

  const keyManager = (request: FastifyRequest): Actor => {
    if (request.principal?.kind === 'api_client')
      throw forbidden("API clients are managed by the organisation's admins only", 'staff_only');
    return requirePermission(request, 'api-keys.manage');
  };
  const toApiClient = (c: Awaited<ReturnType<typeof listApiClients>>[number]) => ({
    id: c.id,
    kind: c.kind,
    name: c.name,
    keyPrefix: c.kind === 'oauth_client' ? `dh_${c.key_prefix}` : c.key_prefix,
    permissions: c.permissions,
    createdAt: c.created_at.toISOString(),
    lastUsedAt: c.last_used_at?.toISOString() ?? null,
    revokedAt: c.revoked_at?.toISOString() ?? null,
  });

  r.post(
    '/api-keys',
    {
      schema: {
        tags: ['org'],
        summary: 'Issue an API key or an OAuth client-credentials client; the secret is shown in this answer only',
        body: createApiClientSchema,
        response: { 201: issuedApiClientSchema, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = keyManager(request);
      const issued = await withTransaction(deps.db, (tx) => issueApiClient(tx, actor, request.body, request.ip));
      const row = (await listApiClients(deps.db, actor.organisationId)).find((c) => c.id === issued.id)!;
      const secret = request.body.kind === 'oauth_client' ? splitOauthKey(issued.key) : undefined;
      return reply.code(201).send({
        ...toApiClient(row),
        ...(secret ? { clientId: secret.clientId, clientSecret: secret.clientSecret } : { key: issued.key }),
      });
    },
  );

  r.get(
    '/api-keys',
    {
      schema: {
        tags: ['org'],
        summary: "The organisation's API keys and OAuth clients (no secrets)",
        response: { 200: apiClientList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = keyManager(request);
      return { items: (await listApiClients(deps.db, actor.organisationId)).map(toApiClient) };
    },
  );

  r.delete(
    '/api-keys/:id',
    {
      schema: {
        tags: ['org'],
        summary: 'Revoke an API key or OAuth client (refused from the next request on, with its access tokens)',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = keyManager(request);
      const revoked = await withTransaction(deps.db, (tx) => revokeClient(tx, actor, request.params.id, request.ip));
      if (!revoked) throw notFound('API client');
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/audit',
    {
      schema: {
        tags: ['org'],
        summary: "The audit log of the organisation's own data, newest first",
        querystring: pageQuery.extend(auditFilter.shape),
        response: { 200: auditPage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'audit.view');
      return readAudit(deps.db, { ...request.query, organisationId: actor.organisationId });
    },
  );

  // ---- the organisation confirms who someone registered by e-mail is

  r.get(
    '/residents/unverified',
    {
      schema: {
        tags: ['org'],
        security: orgSecurity,
        summary: "People linked to the organisation's accounts whose identity is not verified (registered by e-mail)",
        response: { 200: unverifiedResidentList, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      return { items: await listUnverifiedResidents(deps.db, actor.organisationId) };
    },
  );

  r.post(
    '/residents/:personId/identity-confirmation',
    {
      schema: {
        tags: ['org'],
        security: orgSecurity,
        summary:
          "Confirm the identity of a resident linked to one of the organisation's accounts (documents seen): voting and personal-data appeals open to them",
        params: z.object({ personId: z.uuid() }),
        body: confirmIdentityBody,
        response: { 200: identityConfirmed, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'accounts.approve');
      const by = await withTransaction(deps.db, (tx) =>
        confirmIdentityByOrganisation(tx, actor, request.params.personId, request.body.checked, request.ip),
      );
      return { personId: request.params.personId, identityVerified: true as const, identityVerifiedBy: by };
    },
  );
}
