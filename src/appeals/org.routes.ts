import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  APPEAL_TYPES,
  appealAnswerBody,
  appealDeadlines,
  appealDeadlinesBody,
  appealDetail,
  appealSettings,
  appealSummary,
  appealTransitionBody,
  orgAppealFilter,
} from '../../contracts/appeals.js';
import { problems } from '../../contracts/problem.js';
import { fileDisposition, uploadedFiles } from '../../contracts/tickets.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePermission } from '../http/auth.js';
import { pageQuery } from '../http/pagination.js';
import { createFieldCipher } from '../identity/crypto.js';
import { sendFile, storeUploads, toFileInfo } from '../tickets/attachments.js';
import { listAppeals } from './appeals.repo.js';
import { answerWorkingDays, setAnswerWorkingDays } from './state-system.repo.js';
import { after, listResponse, page } from './pages.js';
import { answerAppeal, appealFile, readAppeal, transitionAppeal, type AppealReader } from './service.js';
import { appealSettingsOf, updateAppealSettings } from './settings.service.js';
import { permissionForType } from './status.js';

const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const orgSecurity: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

/** The addressee organisation: an API key with the permission, or staff with it (and, per appeal, the type's: status.ts permissionForType). */
function orgReader(
  request: FastifyRequest,
  permission: 'console.view' | 'appeals.answer',
): Extract<AppealReader, { kind: 'organisation' }> {
  const actor = requirePermission(request, permission);
  const p = request.principal!;
  const permissions =
    p.kind === 'person' ? (p.staff.find((s) => s.organisationId === actor.organisationId)?.permissions ?? []) : null;
  return { kind: 'organisation', actor, permissions };
}

/** Appeals addressed to the organisation. Mounted at /api/v1/org. */
export async function appealsOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const ports = {
    cipher,
    enqueue: deps.enqueue,
    notifier: deps.notifier,
    files: deps.files,
    debtCertificates: deps.debtCertificates,
  };
  const tags = ['appeals'];

  // The addressee organisation: API keys and staff by permission (status.ts permissionForType per appeal type).
  r.post(
    '/appeals/files',
    {
      schema: {
        tags,
        summary: 'Upload answer files for appeals',
        consumes: ['multipart/form-data'],
        security: orgSecurity,
        response: { 201: uploadedFiles, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const { actor } = orgReader(request, 'appeals.answer');
      return reply
        .status(201)
        .send({ files: (await storeUploads(request, deps.files, actor.actorId)).map(toFileInfo) });
    },
  );

  r.get(
    '/appeals',
    {
      schema: {
        tags,
        summary:
          'Appeals addressed to the organisation, from the cabinet and from the state system (source); staff see the types their permissions cover',
        security: orgSecurity,
        querystring: pageQuery.extend(orgAppealFilter.shape),
        response: { 200: listResponse, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const reader = orgReader(request, 'console.view');
      const { limit, cursor, status, type, houseId, source, overdue } = request.query;
      const handled = APPEAL_TYPES.filter(
        (t) => !reader.permissions || reader.permissions.includes(permissionForType(t)),
      );
      const types = type ? handled.filter((t) => t === type) : handled;
      return page(
        await listAppeals(
          deps.db,
          { organisationId: reader.actor.organisationId, houseIds: reader.actor.houseIds },
          { limit: limit + 1, after: after(cursor), status, types, houseId, source, overdue },
        ),
        limit,
      );
    },
  );

  r.get(
    '/appeals/deadlines',
    {
      schema: {
        tags,
        summary: 'Days the organisation has to answer each appeal type (its own or the default)',
        security: orgSecurity,
        response: { 200: appealDeadlines, ...problems(401, 403) },
      },
    },
    async (request) => appealSettingsOf(deps.db, orgReader(request, 'console.view').actor.organisationId),
  );

  r.put(
    '/appeals/deadlines',
    {
      schema: {
        tags,
        summary: 'Set the days to answer some appeal types (null: back to the default); shown as time left',
        body: appealDeadlinesBody,
        security: orgSecurity,
        response: { 200: appealDeadlines, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'settings.manage');
      return withTransaction(deps.db, (tx) => updateAppealSettings(tx, actor, request.body.deadlines, request.ip));
    },
  );

  r.get(
    '/appeals/:id',
    {
      schema: {
        tags,
        summary: 'One appeal with its form (the read is audited)',
        params: idParams,
        security: orgSecurity,
        response: { 200: appealDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const reader = orgReader(request, 'console.view');
      return withTransaction(deps.db, (tx) => readAppeal(tx, cipher, reader, request.params.id, request.ip));
    },
  );

  r.post(
    '/appeals/:id/status',
    {
      schema: {
        tags,
        summary:
          'Move an appeal: in_review, returned (for rework), accepted, rejected, done — with a message and answer files',
        params: idParams,
        body: appealTransitionBody,
        security: orgSecurity,
        response: { 200: appealSummary, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const reader = orgReader(request, 'appeals.answer');
      return withTransaction(deps.db, (tx) =>
        transitionAppeal(tx, ports, reader, request.params.id, request.body, request.ip),
      );
    },
  );

  r.post(
    '/appeals/:id/answers',
    {
      schema: {
        tags,
        summary: 'Answer an appeal without changing its status',
        params: idParams,
        body: appealAnswerBody,
        security: orgSecurity,
        response: { 200: appealSummary, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const reader = orgReader(request, 'appeals.answer');
      return withTransaction(deps.db, (tx) => answerAppeal(tx, ports, reader, request.params.id, request.body));
    },
  );

  r.get(
    '/appeals/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'A file of an appeal (audited): a download, or shown in the browser with inline=true',
        params: fileParams,
        querystring: fileDisposition,
        security: orgSecurity,
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const reader = orgReader(request, 'console.view');
      return sendFile(
        reply,
        await appealFile(deps.db, deps.files, reader, request.params.id, request.params.fileId, request.ip),
        { inline: request.query.inline },
      );
    },
  );

  r.get(
    '/appeals/settings',
    {
      schema: {
        tags,
        summary: "The organisation's term to answer appeals from the state system",
        security: orgSecurity,
        response: { 200: appealSettings, ...problems(401, 403) },
      },
    },
    async (request) => {
      const { actor } = orgReader(request, 'console.view');
      return { answerWorkingDays: await answerWorkingDays(deps.db, actor.organisationId) };
    },
  );

  r.put(
    '/appeals/settings',
    {
      schema: {
        tags,
        summary:
          'Set the term (working days) to answer appeals from the state system; applies to appeals fetched after',
        body: appealSettings,
        security: orgSecurity,
        response: { 200: appealSettings, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = requirePermission(request, 'settings.manage');
      await setAnswerWorkingDays(deps.db, actor.organisationId, request.body.answerWorkingDays);
      return request.body;
    },
  );
}
