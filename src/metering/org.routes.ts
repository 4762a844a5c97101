import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../contracts/problem.js';
import {
  EXPORT_PAGE,
  houseMeterInput,
  houseMetersResponse,
  houseMeterView,
  exportReadingSchema,
  periodSchema,
  readingSettingsSchema,
  readingsExportFilter,
  registrationStatusFilter,
  registrationViewSchema,
  rejectRegistrationBody,
} from '../../contracts/metering.js';
import { type Actor, coversHouse } from '../../contracts/actor.js';
import { type Db, withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePermission } from '../http/auth.js';
import { fileDisposition } from '../../contracts/tickets.js';
import { sendFile } from '../tickets/attachments.js';
import { AppError, notFound, validationFailed } from '../errors.js';
import { decodeCursor, pageInfo, pageQuery, pageOf } from '../http/pagination.js';
import { audit } from '../identity/audit.js';
import { queueForSync } from '../sync/outbox.js';
import {
  findReadingSettings,
  houseMeters,
  insertHouseMeter,
  organisationHouseZone,
  updateReadingSettings,
} from './meters.repo.js';
import { HOUSE_METER_SYNC, presentHouseMeters } from './house-meters.service.js';
import { ndjsonLines } from './ndjson.js';
import { exportReadingsPage, type ExportedRow } from './readings.repo.js';
import { findRegistration, findRegistrationDocument, listRegistrations } from './registrations.repo.js';
import { approveRegistration, registrationView, rejectRegistration } from './registration.service.js';

const tags = ['metering (organisation)'];
const NDJSON = ['application/x-ndjson', 'application/ndjson'];

function exportView(r: ExportedRow) {
  return {
    readingId: r.id,
    meterId: r.meter_id,
    accountNumber: r.account_number,
    serialNumber: r.serial_number,
    resource: r.resource,
    period: r.period,
    takenOn: r.taken_on,
    t1: r.t1,
    t2: r.t2,
    t3: r.t3,
    source: r.source,
    createdAt: r.created_at.toISOString(),
  };
}

/** Bulk import and export, the reading policy, decisions on meter registrations, and houses' common-property meters. Mounted at /api/v1/org. */
export async function meteringOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/readings/export',
    {
      schema: {
        tags,
        summary:
          "The period's live readings: JSON pages, or every row as NDJSON (format=ndjson or Accept: application/x-ndjson)",
        querystring: pageQuery.extend(readingsExportFilter.shape),
        response: {
          200: z.object({ period: periodSchema, items: z.array(exportReadingSchema), page: pageInfo }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'console.view');
      const { period } = req.query;
      const ndjson =
        req.query.format === 'ndjson' || (!req.query.format && NDJSON.some((t) => req.headers.accept?.includes(t)));
      if (ndjson) {
        async function* pages() {
          let after: string | null = null;
          for (;;) {
            const page = await exportReadingsPage(deps.db, actor.organisationId, period, after, EXPORT_PAGE);
            yield page;
            if (page.length < EXPORT_PAGE) return;
            after = page.at(-1)!.meter_id;
          }
        }
        reply.type('application/x-ndjson');
        // A stream bypasses the response serializer, so the JSON page schema does not apply to it.
        return reply.send(Readable.from(ndjsonLines(pages(), exportView)) as never);
      }
      const after = decodeCursor(req.query.cursor)?.[0];
      if (after !== undefined && (typeof after !== 'string' || !/^[0-9a-f-]{36}$/.test(after))) {
        throw new AppError(400, 'invalid_cursor', 'The cursor is not valid', [
          { path: 'query.cursor', message: 'invalid' },
        ]);
      }
      const rows = await exportReadingsPage(
        deps.db,
        actor.organisationId,
        period,
        (after as string | undefined) ?? null,
        req.query.limit + 1,
      );
      const { items, nextCursor } = pageOf(rows, req.query.limit, (last) => [last.meter_id]);
      return { period, items: items.map(exportView), page: { nextCursor } };
    },
  );

  r.get(
    '/reading-settings',
    {
      schema: {
        tags,
        summary: 'The reading window and reading policy',
        response: { 200: readingSettingsSchema, ...problems(401, 403) },
      },
    },
    async (req) => findReadingSettings(deps.db, requirePermission(req, 'console.view').organisationId),
  );

  r.put(
    '/reading-settings',
    {
      schema: {
        tags,
        summary: 'Set the reading window (days of the month in each house time zone) and reading policy',
        body: readingSettingsSchema,
        response: { 200: readingSettingsSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'settings.manage');
      return withTransaction(deps.db, async (tx) => {
        await updateReadingSettings(tx, actor.organisationId, req.body);
        await audit(tx, {
          actorType: actor.actorType,
          actorId: actor.actorId,
          action: 'metering.settings_changed',
          objectType: 'organisation',
          objectId: actor.organisationId,
          organisationId: actor.organisationId,
          details: req.body,
        });
        return findReadingSettings(tx, actor.organisationId);
      });
    },
  );

  const registrationParams = z.object({ registrationId: z.uuid() });

  r.get(
    '/meter-registrations',
    {
      schema: {
        tags,
        summary: 'Meter registration requests of the organisation, newest first',
        querystring: pageQuery.extend(registrationStatusFilter.shape),
        response: {
          200: z.object({ items: z.array(registrationViewSchema), page: pageInfo }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'console.view');
      const after = decodeCursor(req.query.cursor) as [string, string] | undefined;
      const rows = await listRegistrations(
        deps.db,
        { organisationId: actor.organisationId, status: req.query.status },
        { after: after ?? null, limit: req.query.limit + 1 },
      );
      const { items, nextCursor } = pageOf(rows, req.query.limit, (last) => [last.created_at.toISOString(), last.id]);
      return { items: items.map(registrationView), page: { nextCursor } };
    },
  );

  r.get(
    '/meter-registrations/:registrationId/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'A document of a meter registration request: a download, or shown in the browser with inline=true',
        params: registrationParams.extend({ documentId: z.uuid() }),
        querystring: fileDisposition,
        response: { 200: z.any().describe('the file'), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'console.view');
      const reg = await findRegistration(deps.db, {
        id: req.params.registrationId,
        organisationId: actor.organisationId,
      });
      const doc = reg && (await findRegistrationDocument(deps.db, reg.id, req.params.documentId));
      const file = doc && (await deps.files.get(doc.file_id));
      if (!file) throw notFound('Document');
      return sendFile(reply, file, { inline: req.query.inline });
    },
  );

  r.post(
    '/meter-registrations/:registrationId/approve',
    {
      schema: {
        tags,
        summary: 'Approve: creates the meter, or updates or replaces the re-registered one',
        params: registrationParams,
        response: { 200: registrationViewSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'accounts.approve');
      return withTransaction(deps.db, async (tx) => {
        const view = await approveRegistration(
          tx,
          deps.enqueue,
          actor.organisationId,
          actor.actorId,
          req.params.registrationId,
          new Date(),
        );
        await audit(tx, {
          actorType: actor.actorType,
          actorId: actor.actorId,
          action: 'metering.registration_approved',
          objectType: 'meter_registration',
          objectId: view.id,
          organisationId: actor.organisationId,
          details: { meterId: view.meterId },
        });
        return view;
      });
    },
  );

  r.post(
    '/meter-registrations/:registrationId/reject',
    {
      schema: {
        tags,
        summary: 'Reject with a reason the resident sees',
        params: registrationParams,
        body: rejectRegistrationBody,
        response: { 200: registrationViewSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'accounts.approve');
      return withTransaction(deps.db, async (tx) => {
        const view = await rejectRegistration(
          tx,
          actor.organisationId,
          actor.actorId,
          req.params.registrationId,
          req.body.reason,
        );
        await audit(tx, {
          actorType: actor.actorType,
          actorId: actor.actorId,
          action: 'metering.registration_rejected',
          objectType: 'meter_registration',
          objectId: view.id,
          organisationId: actor.organisationId,
          details: { reason: req.body.reason },
        });
        return view;
      });
    },
  );

  // A house's common-property meters (ОДПУ): created here, sent to the state system as collective devices.
  const houseParams = z.object({ houseId: z.uuid() });
  /** The time zone of the organisation's house that the actor may act on, or 404. */
  const ownHouse = async (db: Db, actor: Actor, houseId: string) => {
    const zone = coversHouse(actor, houseId)
      ? await organisationHouseZone(db, actor.organisationId, houseId)
      : undefined;
    if (!zone) throw notFound('House');
    return zone;
  };

  r.get(
    '/houses/:houseId/meters',
    {
      schema: {
        tags,
        summary: "The house's common-property meters (ОДПУ), with the state system's GUID once it accepted them",
        params: houseParams,
        response: { 200: houseMetersResponse, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'console.view');
      const zone = await ownHouse(deps.db, actor, req.params.houseId);
      return {
        items: await presentHouseMeters(deps.db, await houseMeters(deps.db, req.params.houseId), zone, new Date()),
      };
    },
  );

  r.post(
    '/houses/:houseId/meters',
    {
      schema: {
        tags,
        summary:
          'Add a common-property meter (ОДПУ) to the house; it goes to the state system as a collective device (importMeteringDeviceData)',
        description:
          'The last and the next verification dates are required: they give the verification interval (НСИ 16) the state system requires of a collective device. A second meter of the same resource with the same serial number in the house is refused (validation_failed on serialNumber, its message starting with house_meter_exists).',
        params: houseParams,
        body: houseMeterInput,
        response: { 201: houseMeterView, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = requirePermission(req, 'accounts.import');
      const meter = await withTransaction(deps.db, async (tx) => {
        const zone = await ownHouse(tx, actor, req.params.houseId);
        const created = await insertHouseMeter(tx, req.params.houseId, req.body);
        if (!created)
          throw validationFailed([
            {
              path: 'body.serialNumber',
              message: 'house_meter_exists: the house already has a meter of this resource with this number',
            },
          ]);
        await queueForSync(tx, deps.enqueue, {
          organisationId: actor.organisationId,
          ...HOUSE_METER_SYNC,
          objectId: created.id,
        });
        await audit(tx, {
          actorType: actor.actorType,
          actorId: actor.actorId,
          action: 'metering.house_meter_created',
          objectType: 'meter',
          objectId: created.id,
          organisationId: actor.organisationId,
          details: { houseId: req.params.houseId, resource: created.resource, serialNumber: created.serialNumber },
        });
        return (await presentHouseMeters(tx, [created], zone, new Date()))[0]!;
      });
      return reply.code(201).send(meter);
    },
  );
}
