import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  accountsUpserted,
  changeParams,
  linkRequestApproveBody,
  linkRequestDecided,
  organisationLinkRequests,
  organisationLinkRequestsQuery,
  organisationResidentChanges,
  reasonBody,
  requestParams,
  residentChange,
  residentChangesQuery,
} from '../../contracts/accounts.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePermission } from '../http/auth.js';
import { createFieldCipher } from '../identity/crypto.js';
import { decodeCursor, pageOf } from '../http/pagination.js';
import { decideLinkRequest, listOrganisationLinkRequests } from './linking.service.js';
import { accountsUpsertBody, upsertOrganisationAccounts } from './org-import.service.js';
import { decideResidentChange, listResidentChanges } from './residents.service.js';

const security: { [label: string]: string[] }[] = [{ apiKey: [] }, { session: [] }];
const org = { tags: ['accounts'], security };

/** A queue's keyset cursor: the last item's (createdAt, id). */
function afterCursor(cursor: string | undefined) {
  const c = decodeCursor(cursor);
  return c ? { createdAt: String(c[0]), id: String(c[1]) } : undefined;
}

/** The organisation's side of accounts: bulk upsert, link requests to decide, changes of residents. Mounted at /api/v1/org. */
export async function orgAccountsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);

  r.post(
    '/accounts',
    {
      schema: {
        ...org,
        summary:
          "Upsert personal accounts in bulk (by number): ЕЛС, ИЖКУ, house, premise, owners and shares (a person's SNILS or identity document, an organisation's OGRN, INN and KPP: the state system's payer), status; a result per row",
        body: accountsUpsertBody,
        response: { 200: accountsUpserted, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'accounts.import');
      const results = await withTransaction(deps.db, (tx) =>
        upsertOrganisationAccounts(tx, { cipher, enqueue: deps.enqueue }, actor, request.body.accounts),
      );
      const summary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      for (const row of results) summary[row.status]++;
      return { summary, results };
    },
  );

  r.get(
    '/account-link-requests',
    {
      schema: {
        ...org,
        summary: "Requests to link accounts that wait for the organisation's approval",
        querystring: organisationLinkRequestsQuery,
        response: { 200: organisationLinkRequests, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      const { limit, cursor, ...filter } = request.query;
      const rows = await listOrganisationLinkRequests(deps.db, actor.organisationId, {
        ...filter,
        houseIds: actor.houseIds,
        after: afterCursor(cursor),
        limit: limit + 1,
      });
      const { items, nextCursor } = pageOf(rows, limit, (last) => [last.createdAt, last.requestId]);
      return { items, page: { nextCursor } };
    },
  );

  r.post(
    '/account-link-requests/:requestId/approve',
    {
      schema: {
        ...org,
        summary: 'Approve a link request (naming the account when the entered details matched none)',
        params: requestParams,
        body: linkRequestApproveBody,
        response: { 200: linkRequestDecided, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'accounts.approve');
      return withTransaction(deps.db, (tx) =>
        decideLinkRequest(tx, deps.enqueue, actor, request.params.requestId, { approve: true, ...request.body }),
      );
    },
  );

  r.post(
    '/account-link-requests/:requestId/reject',
    {
      schema: {
        ...org,
        summary: 'Reject a link request with a reason',
        params: requestParams,
        body: reasonBody,
        response: { 200: linkRequestDecided, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'accounts.approve');
      return withTransaction(deps.db, (tx) =>
        decideLinkRequest(tx, deps.enqueue, actor, request.params.requestId, {
          approve: false,
          reason: request.body.reason,
        }),
      );
    },
  );

  r.get(
    '/resident-changes',
    {
      schema: {
        ...org,
        summary: 'Changes of registered residents asked by residents',
        querystring: residentChangesQuery,
        response: { 200: organisationResidentChanges, ...problems(401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'console.view');
      const { limit, cursor, ...filter } = request.query;
      const rows = await listResidentChanges(deps.db, actor.organisationId, {
        ...filter,
        houseIds: actor.houseIds,
        after: afterCursor(cursor),
        limit: limit + 1,
      });
      const { items, nextCursor } = pageOf(rows, limit, (last) => [last.createdAt, last.changeId]);
      return { items, page: { nextCursor } };
    },
  );

  r.post(
    '/resident-changes/:changeId/confirm',
    {
      schema: {
        ...org,
        summary: 'Confirm a change of registered residents; it counts from the next billing period',
        params: changeParams,
        response: { 200: residentChange, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'accounts.approve');
      return withTransaction(deps.db, (tx) =>
        decideResidentChange(tx, actor, request.params.changeId, { confirm: true }),
      );
    },
  );

  r.post(
    '/resident-changes/:changeId/reject',
    {
      schema: {
        ...org,
        summary: 'Reject a change of registered residents with a reason',
        params: changeParams,
        body: reasonBody,
        response: { 200: residentChange, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'accounts.approve');
      return withTransaction(deps.db, (tx) =>
        decideResidentChange(tx, actor, request.params.changeId, { confirm: false, reason: request.body.reason }),
      );
    },
  );
}
