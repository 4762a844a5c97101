import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appealDetail, myAppealFilter } from '../../contracts/appeals.js';
import { problems } from '../../contracts/problem.js';
import { uploadedFiles } from '../../contracts/tickets.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePerson, requireVerifiedPerson } from '../http/auth.js';
import { idempotent, readIdempotencyKey } from '../http/idempotency.js';
import { pageQuery } from '../http/pagination.js';
import { createFieldCipher } from '../identity/crypto.js';
import { sendFile, storeUploads, toFileInfo } from '../tickets/attachments.js';
import { listAppeals } from './appeals.repo.js';
import { appealForm, IDENTITY_REQUIRED_TYPES, type AppealForm } from './forms.js';
import { after, listResponse, page } from './pages.js';
import { appealFile, readAppeal, resubmitAppeal, submitAppeal } from './service.js';

const idParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

/** The resident filing an appeal; types carrying personal data need a verified identity (403 identity_verification_required). */
function appellant(request: FastifyRequest, type: AppealForm['type']) {
  return IDENTITY_REQUIRED_TYPES.includes(type)
    ? requireVerifiedPerson(request, 'This appeal')
    : requirePerson(request);
}

/** Residents' appeals (обращения): typed forms to their organisation. Mounted at /api/v1/me. */
export async function appealsMeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const ports = { cipher, notifier: deps.notifier, files: deps.files, debtCertificates: deps.debtCertificates };
  const tags = ['appeals'];

  r.post(
    '/appeals/files',
    {
      schema: {
        tags,
        summary: 'Upload files (PDF, JPEG, PNG, HEIC, WebP) for an appeal; refer to them by id in the form',
        consumes: ['multipart/form-data'],
        response: { 201: uploadedFiles, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (request, reply) => {
      const me = requirePerson(request);
      return reply.status(201).send({ files: (await storeUploads(request, deps.files, me.personId)).map(toFileInfo) });
    },
  );

  r.post(
    '/appeals',
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
    '/appeals',
    {
      schema: {
        tags,
        summary: 'My appeals, newest first',
        querystring: pageQuery.extend(myAppealFilter.shape),
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
    '/appeals/:id',
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
    '/appeals/:id',
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
    '/appeals/:id/files/:fileId',
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
}
