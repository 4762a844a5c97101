import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  courtDecisionBody,
  courtDecisionFilter,
  courtDecisionImport,
  courtDecisionImportResult,
  courtDecisionList,
  courtDecisionView,
  debtAnswer,
  debtRequestFilter,
  debtRequestList,
  debtRequestView,
} from '../../contracts/debt-requests.js';
import type { BulkRowResult } from '../../contracts/bulk.js';
import { problems } from '../../contracts/problem.js';
import { accountIdsByNumber } from '../accounts/accounts.repo.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../errors.js';
import { requirePermission } from '../http/auth.js';
import { queuePulls } from '../sync/gis/service-sources.js';
import {
  type CourtDecisionRow,
  deleteCourtDecision,
  findCourtDecision,
  listCourtDecisions,
} from './debt-requests.repo.js';
import { answerDebtRequest, getDebtRequest, listDebtRequests, saveCourtDecisions } from './service.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['debt requests'];
const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

const presentDecision = (d: CourtDecisionRow) => ({
  id: d.id,
  accountId: d.accountId,
  accountNumber: d.accountNumber,
  caseNumber: d.caseNumber,
  decidedOn: d.decidedOn,
  amount: d.amount,
  debtor: { lastName: d.debtorLastName, firstName: d.debtorFirstName, middleName: d.debtorMiddleName ?? undefined },
  repaidOn: d.repaidOn,
  createdAt: d.createdAt.toISOString(),
});

/** Debt requests from the state system and the organisation's court decisions. Mounted at /api/v1/org. */
export async function debtRequestsOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const reader = (request: Parameters<typeof requirePermission>[0]) => requirePermission(request, 'console.view');
  const writer = (request: Parameters<typeof requirePermission>[0]) => requirePermission(request, 'debts.answer');

  r.get(
    '/debt-requests',
    {
      schema: {
        tags,
        summary: 'Debt requests of social-protection bodies: unanswered first, by deadline; with the overdue count',
        security,
        querystring: debtRequestFilter,
        response: { 200: debtRequestList, ...problems(400, 401, 403) },
      },
    },
    async (request) => listDebtRequests(deps.db, reader(request).organisationId, request.query),
  );

  r.post(
    '/debt-requests/fetch',
    {
      schema: {
        tags,
        summary: 'Ask the state system now for new appeals and debt requests (otherwise every 5 minutes)',
        security,
        response: { 202: z.object({ queued: z.number().int() }), ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const actor = writer(request);
      const queued = await withTransaction(deps.db, (tx) => queuePulls(tx, deps.enqueue, actor.organisationId));
      return reply.status(202).send({ queued });
    },
  );

  r.get(
    '/debt-requests/:id',
    {
      schema: {
        tags,
        summary: 'One debt request with the proposed answer and its basis',
        params: idParams,
        security,
        response: { 200: debtRequestView, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => getDebtRequest(deps.db, reader(request).organisationId, request.params.id),
  );

  r.post(
    '/debt-requests/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Send the proposed answer as it is',
        params: idParams,
        security,
        response: { 200: debtRequestView, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const actor = writer(request);
      return withTransaction(deps.db, (tx) =>
        answerDebtRequest(tx, deps.enqueue, actor, request.params.id, null, request.ip),
      );
    },
  );

  r.post(
    '/debt-requests/:id/answer',
    {
      schema: {
        tags,
        summary: 'Send an answer staff changed (debt or none, the debtors, a comment)',
        params: idParams,
        body: debtAnswer,
        security,
        response: { 200: debtRequestView, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const actor = writer(request);
      return withTransaction(deps.db, (tx) =>
        answerDebtRequest(tx, deps.enqueue, actor, request.params.id, request.body, request.ip),
      );
    },
  );

  r.get(
    '/court-decisions',
    {
      schema: {
        tags,
        summary: "The organisation's record of court decisions on debt (per account)",
        security,
        querystring: courtDecisionFilter,
        response: { 200: courtDecisionList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = reader(request);
      const rows = await listCourtDecisions(
        deps.db,
        actor.organisationId,
        request.query.accountId ? [request.query.accountId] : undefined,
      );
      return { items: rows.map(presentDecision) };
    },
  );

  r.post(
    '/court-decisions',
    {
      schema: {
        tags,
        summary: 'Record a court decision (account, case number, date, amount, debtor); the same case again updates it',
        body: courtDecisionBody,
        security,
        response: { 201: courtDecisionView, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = writer(request);
      const [row] = await withTransaction(deps.db, (tx) => saveCourtDecisions(tx, actor, [request.body], request.ip));
      const d = await findCourtDecision(deps.db, actor.organisationId, row!.id);
      return reply.status(201).send(presentDecision(d!));
    },
  );

  r.post(
    '/court-decisions/import',
    {
      schema: {
        tags,
        summary: 'Import court decisions by account number (up to 1,000); answered per row',
        body: courtDecisionImport,
        security,
        response: { 200: courtDecisionImportResult, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = writer(request);
      const items = request.body.items;
      const ids = await accountIdsByNumber(
        deps.db,
        actor.organisationId,
        items.map((i) => i.accountNumber),
      );
      const results: BulkRowResult[] = [];
      const good: { index: number; row: (typeof items)[number]; accountId: string }[] = [];
      items.forEach((row, index) => {
        const accountId = ids.get(row.accountNumber);
        if (!accountId)
          results.push({
            index,
            key: row.caseNumber,
            status: 'rejected',
            errors: [{ path: `items.${index}.accountNumber`, message: 'no such account of the organisation' }],
          });
        else good.push({ index, row, accountId });
      });
      if (good.length) {
        const saved = await withTransaction(deps.db, (tx) =>
          saveCourtDecisions(
            tx,
            actor,
            good.map(({ row, accountId }) => ({ ...row, accountId })),
            request.ip,
          ),
        );
        for (const [k, s] of saved.entries())
          results.push({
            index: good[k]!.index,
            key: good[k]!.row.caseNumber,
            status: s.inserted ? 'created' : 'updated',
            id: s.id,
          });
      }
      return { results: results.sort((a, b) => a.index - b.index) };
    },
  );

  r.delete(
    '/court-decisions/:id',
    {
      schema: {
        tags,
        summary: 'Remove a court decision entered by mistake',
        params: idParams,
        security,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = writer(request);
      if (!(await deleteCourtDecision(deps.db, actor.organisationId, request.params.id)))
        throw notFound('Court decision');
      return reply.status(204).send(null);
    },
  );
}
