import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import {
  importMeterRowSchema,
  importReadingRowSchema,
  importResultSchema,
  type ImportResult,
} from '../../contracts/metering.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { requirePermission } from '../http/auth.js';
import type { Permission } from '../../contracts/permissions.js';
import { AppError } from '../errors.js';
import { idempotentStream, readIdempotencyKey } from '../http/idempotency.js';
import { drainBody, readRowBatches, type ReadOptions } from './import-body.js';
import { IMPORT_BATCH, importMeters, importReadings } from './import.service.js';

const tags = ['metering (organisation)'];
const NDJSON = ['application/x-ndjson', 'application/ndjson'];

const importBody = (row: z.ZodType) =>
  z
    .array(z.unknown())
    .describe(
      'JSON array (application/json) or one object per line (application/x-ndjson) of ' +
        `${(row.meta() as { id?: string } | undefined)?.id}; ` +
        'rows are checked one by one: good rows are kept, bad rows are listed in `errors` by index and field. ' +
        `The body is read and written ${IMPORT_BATCH} rows at a time as it arrives; ` +
        'rows of one meter are put in period order within a batch',
    );

// The body schema documents the rows; the body itself is a stream that the handler reads batch by batch.
function streamedBody<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  if (route.httpPart === 'body') return (data: unknown) => ({ value: data });
  return validatorCompiler(route as FastifyRouteSchemaDef<z.ZodType>);
}

/**
 * Bulk imports: the body (JSON array or NDJSON) is handed to the handler as the request stream and read
 * in batches, so memory is bounded by the batch whatever the body's size (issue 14: 50 MB took 4.7 GB).
 * An encapsulated plugin, so that its stream parsers replace the JSON parser for these routes only. Mounted at
 * /api/v1/org.
 */
export async function meteringImportRoutes(app: FastifyInstance, deps: AppDeps) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', ...NDJSON], (_request, payload, done) => done(null, payload));
  const r = app.withTypeProvider<ZodTypeProvider>();

  type Run = (
    tx: pg.PoolClient,
    orgId: string,
    actorId: string,
    batches: AsyncIterable<unknown[]>,
  ) => Promise<ImportResult>;
  const importRoute = (path: string, permission: Permission, row: z.ZodType, run: Run) =>
    r.post(
      path,
      {
        validatorCompiler: streamedBody,
        schema: {
          tags,
          summary: `Bulk import (needs Idempotency-Key; JSON array or NDJSON)`,
          headers: z.object({ 'idempotency-key': z.string().optional() }).loose(),
          body: importBody(row),
          response: { 200: importResultSchema, ...problems(400, 401, 403, 409, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        const actor = requirePermission(req, permission);
        const key = readIdempotencyKey(req.headers)!;
        const stream = req.body as unknown as Readable | undefined;
        // Another parser (multipart) leaves no stream: only the two row formats are read here.
        if (typeof stream?.pipe !== 'function') {
          const detail = 'Send a JSON array (application/json) or NDJSON (application/x-ndjson)';
          throw new AppError(415, 'unsupported_media_type', detail);
        }
        // The idempotency hash covers the route and the raw bytes, taken as they stream by.
        const hash = createHash('sha256').update(`${req.routeOptions.url}\n`);
        let digest: string | undefined;
        const options: ReadOptions = {
          format: NDJSON.some((t) => req.headers['content-type']?.includes(t)) ? 'ndjson' : 'json',
          limitBytes: deps.config.importBodyLimit,
          batchSize: IMPORT_BATCH,
          onChunk: (chunk) => hash.update(chunk),
        };
        const body = { drain: () => drainBody(stream, options), digest: () => (digest ??= hash.digest('hex')) };
        const result = await idempotentStream(deps.db, { scope: actor.actorId, key }, body, async (tx) => ({
          status: 200 as const,
          body: await run(tx, actor.organisationId, actor.actorId, readRowBatches(stream, options)),
        }));
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(200).send(result.body);
      },
    );

  importRoute('/readings/import', 'charges.import', importReadingRowSchema, (tx, orgId, actorId, batches) =>
    importReadings(tx, deps.enqueue, orgId, actorId, batches, new Date()),
  );
  importRoute('/meters/import', 'accounts.import', importMeterRowSchema, (tx, orgId, _actorId, batches) =>
    importMeters(tx, orgId, batches),
  );
}
