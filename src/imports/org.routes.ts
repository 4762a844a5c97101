import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IMPORT_FIELDS,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  importIdParams,
  importKindsResponse,
  importPreviewBody,
  importPreviewResponse,
  importRunsPage,
  importRunsQuery,
  importRunView,
  importStartBody,
  importTemplateParams,
  importUploadForm,
  importUploadView,
} from '../../contracts/imports.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { AppError, badRequest } from '../errors.js';
import { requirePermission } from '../http/auth.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { assertSafeText } from '../http/text-guard.js';
import { createFieldCipher } from '../identity/crypto.js';
import { listRuns } from './imports.repo.js';
import { importTemplate } from './templates.js';
import { presentRun, presentUpload, previewImport, resultsCsv, runOf, startImport, storeUpload } from './service.js';

const tags = ['imports'];
const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

const NOTES = {
  accounts: 'одна строка — один лицевой счёт; строки с тем же номером добавляют собственников; дом по ФИАС или id',
  meters: 'одна строка — один счётчик; по лицевому счёту, ресурсу и заводскому номеру он создаётся или обновляется',
  readings: 'одна строка — показание счётчика за период; те же проверки, что у показаний жителей',
  charges: 'одна строка — услуга; строки одного лицевого счёта и периода — одно начисление; суммы в рублях',
} as const;

/**
 * The staff console's file imports (issue 15, screen 7): upload a CSV or XLSX, map its columns (the
 * mapping is remembered per organisation and kind), preview, start the background import, follow it
 * and download every row's result as CSV. Mounted at /api/v1/org.
 */
export async function importsOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const guard = (request: FastifyRequest) => requirePermission(request, 'charges.import');
  const cipher = createFieldCipher(deps.config.encryptionKeys);

  r.get(
    '/imports/kinds',
    {
      schema: {
        tags,
        security,
        summary: 'What can be imported from files: each kind with its fields',
        response: { 200: importKindsResponse, ...problems(401, 403) },
      },
    },
    async (req) => {
      guard(req);
      return {
        kinds: IMPORT_KINDS.map((kind) => ({
          kind,
          label: IMPORT_KIND_LABELS[kind],
          note: NOTES[kind],
          fields: IMPORT_FIELDS[kind].map(({ key, label, required, hint }) => ({
            key,
            label,
            required,
            ...(hint ? { hint } : {}),
          })),
        })),
      };
    },
  );

  r.get(
    '/imports/templates/:kind/:format',
    {
      schema: {
        tags,
        security,
        summary: 'A sample file of the kind (CSV or XLSX) with the columns the import recognises',
        params: importTemplateParams,
        response: { 200: z.any().describe('text/csv or XLSX'), ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      guard(req);
      const { kind, format } = req.params;
      const file = await importTemplate(kind, format);
      return reply
        .type(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="import-${kind}.${format}"`)
        .send(file);
    },
  );

  r.post(
    '/imports/uploads',
    {
      schema: {
        tags,
        security,
        summary:
          'Upload a CSV or XLSX file to import (multipart: file); streamed into storage, never held whole. The same bytes again answer the earlier upload (200)',
        consumes: ['multipart/form-data'],
        querystring: importUploadForm,
        response: { 200: importUploadView, 201: importUploadView, ...problems(400, 401, 403, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const actor = guard(req);
      if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send multipart/form-data');
      const stored = await withTransaction(deps.db, async (tx) => {
        let result: { id: string; created: boolean } | undefined;
        try {
          for await (const part of req.parts({ limits: { fileSize: deps.config.importBodyLimit, files: 1 } })) {
            if (part.type !== 'file') continue;
            if (result) throw badRequest('validation_failed', 'Send one file');
            assertSafeText({ file: { filename: part.filename } }, 'body');
            result = await storeUpload(tx, actor, req.query.kind, part.filename || 'import', part.file);
            if (part.file.truncated) throw new AppError(413, 'upload_too_large', 'The file is too large');
          }
        } catch (err) {
          if (err instanceof AppError) throw err;
          const code = (err as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
            throw new AppError(413, 'upload_too_large', (err as Error).message);
          const detail = `The multipart body cannot be read: ${(err as Error).message}`;
          throw new AppError(400, 'malformed_multipart', detail, undefined, undefined, { cause: err });
        }
        if (!result)
          throw badRequest('validation_failed', 'Send the file', [
            { path: 'body.file', message: 'a file is required' },
          ]);
        return result;
      });
      return reply
        .status(stored.created ? 201 : 200)
        .send(await presentUpload(deps.db, actor.organisationId, stored.id));
    },
  );

  r.get(
    '/imports/uploads/:id',
    {
      schema: {
        tags,
        security,
        summary: 'An upload: its columns and the mapping offered (remembered for the organisation and kind)',
        params: importIdParams,
        response: { 200: importUploadView, ...problems(401, 403, 404) },
      },
    },
    async (req) => presentUpload(deps.db, guard(req).organisationId, req.params.id),
  );

  r.post(
    '/imports/uploads/:id/preview',
    {
      schema: {
        tags,
        security,
        summary:
          "The file's first rows read through a mapping, each with what the import would do: the same checks, nothing written",
        params: importIdParams,
        body: importPreviewBody,
        response: { 200: importPreviewResponse, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => previewImport(deps.db, deps.enqueue, cipher, guard(req), req.params.id, req.body.mapping),
  );

  r.post(
    '/imports',
    {
      schema: {
        tags,
        security,
        summary:
          'Start importing an upload with a mapping (remembered); runs in the background. The same upload and mapping again answer the same run (200)',
        body: importStartBody,
        response: { 200: importRunView, 202: importRunView, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = guard(req);
      const started = await withTransaction(deps.db, (tx) =>
        startImport(tx, deps.enqueue, actor, req.body.uploadId, req.body.mapping),
      );
      const run = await runOf(deps.db, actor.organisationId, started.runId);
      return reply.status(started.created ? 202 : 200).send(await presentRun(deps.db, run));
    },
  );

  r.get(
    '/imports',
    {
      schema: {
        tags,
        security,
        summary: "The organisation's imports, newest first",
        querystring: importRunsQuery,
        response: { 200: importRunsPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const actor = guard(req);
      const after = decodeCursor(req.query.cursor);
      if (after && (after.length !== 2 || !after.every((v) => typeof v === 'string')))
        throw new AppError(400, 'invalid_cursor', 'The cursor is not valid', [
          { path: 'query.cursor', message: 'invalid' },
        ]);
      const rows = await listRuns(deps.db, actor.organisationId, {
        kind: req.query.kind,
        after: after as [string, string] | undefined,
        limit: req.query.limit + 1,
      });
      const items = rows.slice(0, req.query.limit);
      const last = items.at(-1);
      return {
        items: await Promise.all(items.map((run) => presentRun(deps.db, run))),
        nextCursor:
          rows.length > req.query.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
      };
    },
  );

  r.get(
    '/imports/:id',
    {
      schema: {
        tags,
        security,
        summary: 'An import: status, progress (rows and bytes read), counts and the first row errors',
        params: importIdParams,
        response: { 200: importRunView, ...problems(401, 403, 404) },
      },
    },
    async (req) => presentRun(deps.db, await runOf(deps.db, guard(req).organisationId, req.params.id)),
  );

  r.get(
    '/imports/:id/results.csv',
    {
      schema: {
        tags,
        security,
        summary: "Every data row's result as CSV (row number, result, field, column, error), for a finished import",
        params: importIdParams,
        response: { 200: z.any().describe('text/csv'), ...problems(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const actor = guard(req);
      const run = await runOf(deps.db, actor.organisationId, req.params.id);
      if (run.status !== 'done') throw new AppError(409, 'import_not_finished', 'The import has not finished');
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${run.kind}-results.csv"`);
      return reply.send(Readable.from(resultsCsv(deps.db, run)) as never);
    },
  );
}
