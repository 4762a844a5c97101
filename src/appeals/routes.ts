import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requireOperator, requireOrg, requirePerson, requireVerifiedPerson } from '../http/auth.js';
import { idempotent, readIdempotencyKey } from '../http/idempotency.js';
import { decodeCursor, pageInfo, pageQuery, pageOf } from '../http/pagination.js';
import { createFieldCipher } from '../identity/crypto.js';
import { fileInfo, sendFile, storeUploads, toFileInfo } from '../tickets/attachments.js';
import { listAppeals, type AppealRow } from './appeals.repo.js';
import {
  APPEAL_ATTACHMENTS,
  APPEAL_TITLES,
  APPEAL_TYPES,
  IDENTITY_REQUIRED_TYPES,
  appealForm,
  type AppealType,
} from './forms.js';
import { appealAnswerBody, appealDetail, appealSummary, appealTransitionBody } from './schemas.js';
import {
  answerAppeal,
  appealFile,
  readAppeal,
  resubmitAppeal,
  submitAppeal,
  toSummary,
  transitionAppeal,
  type AppealReader,
} from './service.js';
import { APPEAL_STATUSES, rolesForType } from './status.js';

const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const listResponse = z.object({ items: z.array(appealSummary), page: pageInfo });
const orgSecurity: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

function page(rows: AppealRow[], limit: number) {
  const { items, nextCursor } = pageOf(rows, limit, (last) => [last.createdAt.toISOString(), last.id]);
  return { items: items.map(toSummary), page: { nextCursor } };
}
function after(cursor: string | undefined) {
  const c = decodeCursor(cursor);
  return c ? { createdAt: String(c[0]), id: String(c[1]) } : undefined;
}

/** The addressee organisation: an API key with the scope, or staff whose roles handle the appeal's type (checked per appeal). */
function orgReader(
  request: FastifyRequest,
  scope: 'appeals:read' | 'appeals:write',
): Extract<AppealReader, { kind: 'organisation' }> {
  const actor = requireOrg(request, scope, ['admin', 'accountant', 'dispatcher']);
  const p = request.principal!;
  const roles =
    p.kind === 'person' ? p.staff.filter((s) => s.organisationId === actor.organisationId).map((s) => s.role) : null;
  return { kind: 'organisation', actor, roles };
}

/** The resident filing an appeal; types carrying personal data need a verified identity (403 identity_verification_required). */
function appellant(request: FastifyRequest, type: AppealType) {
  return IDENTITY_REQUIRED_TYPES.includes(type)
    ? requireVerifiedPerson(request, 'This appeal')
    : requirePerson(request);
}

/** Appeals (обращения): typed forms from residents, handled by the addressee organisation. */
export async function appealRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const ports = { cipher, notifier: deps.notifier, files: deps.files, debtCertificates: deps.debtCertificates };
  const tags = ['appeals'];

  r.get(
    '/api/v1/appeals/types',
    {
      schema: {
        tags,
        summary: 'The appeal types with their titles and attachment kinds',
        response: {
          200: z.array(
            z.object({
              type: z.enum(APPEAL_TYPES),
              title: z.string(),
              requiredAttachments: z.array(z.string()),
              optionalAttachments: z.array(z.string()),
            }),
          ),
        },
      },
    },
    async () =>
      APPEAL_TYPES.map((type) => ({
        type,
        title: APPEAL_TITLES[type],
        requiredAttachments: APPEAL_ATTACHMENTS[type].required,
        optionalAttachments: APPEAL_ATTACHMENTS[type].optional,
      })),
  );

  r.post(
    '/api/v1/me/appeals/files',
    {
      schema: {
        tags,
        summary: 'Upload files (PDF, JPEG, PNG, HEIC, WebP) for an appeal; refer to them by id in the form',
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ files: z.array(fileInfo) }), ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      return reply.status(201).send({ files: (await storeUploads(request, deps.files, me.personId)).map(toFileInfo) });
    },
  );

  r.post(
    '/api/v1/me/appeals',
    {
      schema: {
        tags,
        summary:
          'Submit an appeal (the form is chosen by `type`; an optional Idempotency-Key makes a retry return the first answer)',
        body: appealForm,
        response: { 201: appealDetail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const me = appellant(request, request.body.type);
      const key = readIdempotencyKey(request.headers, false);
      const submit = (tx: Parameters<typeof submitAppeal>[0]) =>
        submitAppeal(tx, ports, me.personId, request.body, request.ip);
      if (!key) return reply.status(201).send(await withTransaction(deps.db, submit));
      const result = await idempotent(
        deps.db,
        { scope: `person:${me.personId}`, key, request: { route: 'appeals.submit', body: request.body } },
        async (tx) => ({
          status: 201,
          body: await submit(tx),
        }),
      );
      return reply.status(201).send(result.body);
    },
  );

  r.get(
    '/api/v1/me/appeals',
    {
      schema: {
        tags,
        summary: 'My appeals, newest first',
        querystring: pageQuery.extend({ status: z.enum(APPEAL_STATUSES).optional() }),
        response: { 200: listResponse, ...problems(400, 401) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      const { limit, cursor, status } = request.query;
      return page(
        await listAppeals(deps.db, { personId: me.personId }, { limit: limit + 1, after: after(cursor), status }),
        limit,
      );
    },
  );

  r.get(
    '/api/v1/me/appeals/:id',
    {
      schema: {
        tags,
        summary: 'One of my appeals with its form, answers and files (the read is audited)',
        params: idParams,
        response: { 200: appealDetail, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const me = requirePerson(request);
      return withTransaction(deps.db, (tx) =>
        readAppeal(tx, cipher, { kind: 'resident', personId: me.personId }, request.params.id, request.ip),
      );
    },
  );

  r.put(
    '/api/v1/me/appeals/:id',
    {
      schema: {
        tags,
        summary: 'Correct an appeal returned for rework and submit it again',
        params: idParams,
        body: appealForm,
        response: { 200: appealDetail, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const me = appellant(request, request.body.type);
      return withTransaction(deps.db, (tx) =>
        resubmitAppeal(tx, ports, me.personId, request.params.id, request.body, request.ip),
      );
    },
  );

  r.get(
    '/api/v1/me/appeals/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a file of my appeal (audited)',
        params: fileParams,
        response: problems(400, 401, 404),
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      return sendFile(
        reply,
        await appealFile(
          deps.db,
          deps.files,
          { kind: 'resident', personId: me.personId },
          request.params.id,
          request.params.fileId,
          request.ip,
        ),
      );
    },
  );

  // The addressee organisation: API keys with appeals:read / appeals:write, or staff by role (status.ts rolesForType).
  r.post(
    '/api/v1/org/appeals/files',
    {
      schema: {
        tags,
        summary: 'Upload answer files for appeals',
        consumes: ['multipart/form-data'],
        security: orgSecurity,
        response: { 201: z.object({ files: z.array(fileInfo) }), ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const { actor } = orgReader(request, 'appeals:write');
      return reply
        .status(201)
        .send({ files: (await storeUploads(request, deps.files, actor.actorId)).map(toFileInfo) });
    },
  );

  r.get(
    '/api/v1/org/appeals',
    {
      schema: {
        tags,
        summary: 'Appeals addressed to the organisation (staff see the types their role handles)',
        security: orgSecurity,
        querystring: pageQuery.extend({
          status: z.enum(APPEAL_STATUSES).optional(),
          type: z.enum(APPEAL_TYPES).optional(),
          houseId: z.uuid().optional(),
        }),
        response: { 200: listResponse, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const reader = orgReader(request, 'appeals:read');
      const { limit, cursor, status, type, houseId } = request.query;
      const handled = APPEAL_TYPES.filter(
        (t) => !reader.roles || rolesForType(t).some((role) => reader.roles!.includes(role)),
      );
      const types = type ? handled.filter((t) => t === type) : handled;
      return page(
        await listAppeals(
          deps.db,
          { organisationId: reader.actor.organisationId },
          { limit: limit + 1, after: after(cursor), status, types, houseId },
        ),
        limit,
      );
    },
  );

  r.get(
    '/api/v1/org/appeals/:id',
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
      const reader = orgReader(request, 'appeals:read');
      return withTransaction(deps.db, (tx) => readAppeal(tx, cipher, reader, request.params.id, request.ip));
    },
  );

  r.post(
    '/api/v1/org/appeals/:id/status',
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
      const reader = orgReader(request, 'appeals:write');
      return withTransaction(deps.db, (tx) =>
        transitionAppeal(tx, ports, reader, request.params.id, request.body, request.ip),
      );
    },
  );

  r.post(
    '/api/v1/org/appeals/:id/answers',
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
      const reader = orgReader(request, 'appeals:write');
      return withTransaction(deps.db, (tx) => answerAppeal(tx, ports, reader, request.params.id, request.body));
    },
  );

  r.get(
    '/api/v1/org/appeals/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download a file of an appeal (audited)',
        params: fileParams,
        security: orgSecurity,
        response: problems(400, 401, 403, 404),
      },
    },
    async (request, reply) => {
      const reader = orgReader(request, 'appeals:read');
      return sendFile(
        reply,
        await appealFile(deps.db, deps.files, reader, request.params.id, request.params.fileId, request.ip),
      );
    },
  );

  r.get(
    '/api/v1/operator/appeals/:id',
    {
      schema: {
        tags,
        summary: 'Operators: one appeal with its form (the read is audited)',
        params: idParams,
        response: { 200: appealDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const op = requireOperator(request);
      return withTransaction(deps.db, (tx) =>
        readAppeal(tx, cipher, { kind: 'operator', personId: op.personId }, request.params.id, request.ip),
      );
    },
  );
}
