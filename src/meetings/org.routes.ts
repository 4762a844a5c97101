import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGENDA_CATALOGUE } from '../../contracts/meeting-agenda.js';
import {
  agendaCatalogueResponse,
  announceResult,
  ballotResponse,
  cancelResult,
  closeResult,
  houseParams,
  inlineQuery,
  materialParams,
  meetingFileParams,
  meetingListQuery,
  meetingOwner,
  meetingParams,
  meetingResponse,
  meetingSettings,
  newMeeting,
  orgBallot,
  paperBallot,
  protocolResponse,
  proxyDecision,
  proxyDecisionResult,
  proxyParams,
  proxyResponse,
  reconciliationResponse,
  registerBuildResult,
  registerImport,
  registerImportResult,
  registerResponse,
  turnoutResponse,
} from '../../contracts/meetings.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { badRequest, validationFailed, zodFields } from '../errors.js';
import { readMultipart } from '../files/uploads.js';
import { requirePermission } from '../http/auth.js';
import { decodeCursor, pageInfo, pageOf, pageQuery } from '../http/pagination.js';
import { createFieldCipher } from '../identity/crypto.js';
import { listOrgMeetings } from './meetings.repo.js';
import { sendMeetingFile, sendProtocolPdf } from './protocol-reply.js';
import { buildFromAccounts, getRegister, importRegister, reconcile } from './register.js';
import * as svc from './service.js';
import { getMeetingSettings, updateMeetingSettings } from './state-system.js';

const tags = ['meetings'];
const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];

/**
 * General meetings as the organisation runs them: the owners register, the meeting from notice to
 * protocol, paper ballots and powers of attorney. Mounted at /api/v1/org.
 */
export async function meetingsOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = deps.config.meetings;
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const ports = { enqueue: deps.enqueue, files: deps.files, cipher };
  const read = (req: Parameters<typeof requirePermission>[0]) => requirePermission(req, 'console.view');
  const write = (req: Parameters<typeof requirePermission>[0]) => requirePermission(req, 'meetings.run');

  // --- owners register -------------------------------------------------------------------------
  r.get(
    '/houses/:houseId/owners-register',
    {
      schema: {
        tags,
        security,
        summary: "The owners register of a house with each owner's votes",
        params: houseParams,
        response: { 200: registerResponse, ...problems(401, 403, 404) },
      },
    },
    async (req) => getRegister(deps.db, read(req).organisationId, req.params.houseId),
  );

  r.put(
    '/houses/:houseId/owners-register',
    {
      schema: {
        tags,
        security,
        summary: 'Import owners: replaces the owners of every premise listed',
        params: houseParams,
        body: registerImport,
        response: { 200: registerImportResult, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = write(req);
      return withTransaction(deps.db, (tx) =>
        importRegister(tx, actor.organisationId, req.params.houseId, req.body.owners),
      );
    },
  );

  r.post(
    '/houses/:houseId/owners-register/from-accounts',
    {
      schema: {
        tags,
        security,
        summary: 'Build or refresh the register from the owners recorded on accounts',
        params: houseParams,
        response: { 200: registerBuildResult, ...problems(401, 403, 404) },
      },
    },
    async (req) => {
      const actor = write(req);
      return withTransaction(deps.db, (tx) => buildFromAccounts(tx, actor.organisationId, req.params.houseId));
    },
  );

  r.get(
    '/houses/:houseId/owners-register/reconciliation',
    {
      schema: {
        tags,
        security,
        summary: 'Mismatches between the register, the premises and the accounts',
        params: houseParams,
        response: { 200: reconciliationResponse, ...problems(401, 403, 404) },
      },
    },
    async (req) => reconcile(deps.db, read(req).organisationId, req.params.houseId),
  );

  // --- where meetings are voted (ЖК РФ ст. 47.1) -----------------------------------------------
  r.get(
    '/meeting-settings',
    {
      schema: {
        tags,
        security,
        summary:
          'Where the organisation’s meetings are voted: the state system or the region’s designated system (the hub)',
        response: { 200: meetingSettings, ...problems(401, 403) },
      },
    },
    async (req) => getMeetingSettings(deps.db, read(req).organisationId),
  );

  r.put(
    '/meeting-settings',
    {
      schema: {
        tags,
        security,
        summary: 'Choose where meetings are voted; a meeting keeps the choice in force when its notice was sent',
        body: meetingSettings,
        response: { 200: meetingSettings, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const actor = requirePermission(req, 'settings.manage');
      return withTransaction(deps.db, (tx) => updateMeetingSettings(tx, actor, req.body));
    },
  );

  // --- meetings --------------------------------------------------------------------------------
  r.get(
    '/meetings/agenda-catalogue',
    {
      schema: {
        tags,
        security,
        summary: 'Common agenda questions with the decision rule each needs (ЖК РФ ст. 46 ч. 1)',
        response: { 200: agendaCatalogueResponse, ...problems(401, 403) },
      },
    },
    async (req) => {
      read(req);
      return { items: AGENDA_CATALOGUE.map((t) => ({ ...t })) };
    },
  );

  r.post(
    '/meetings',
    {
      schema: {
        tags,
        security,
        summary: 'Create a meeting (draft) with its agenda, form and dates',
        body: newMeeting,
        response: { 201: meetingResponse, ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const actor = write(req);
      const id = await withTransaction(deps.db, (tx) => svc.createMeeting(tx, actor, req.body, settings));
      return reply
        .status(201)
        .send(await svc.getOrgMeeting(deps.db, actor.organisationId, id, settings.stateSystemVoteUrl));
    },
  );

  r.get(
    '/meetings',
    {
      schema: {
        tags,
        security,
        summary: 'Meetings of the organisation, newest first',
        querystring: pageQuery.extend(meetingListQuery.shape),
        response: { 200: z.object({ items: z.array(meetingResponse), page: pageInfo }), ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const actor = read(req);
      const cursor = decodeCursor(req.query.cursor);
      if (cursor && (typeof cursor[0] !== 'string' || typeof cursor[1] !== 'string'))
        throw badRequest('invalid_cursor', 'The cursor is not valid');
      const rows = await listOrgMeetings(
        deps.db,
        actor.organisationId,
        req.query.houseId,
        req.query.limit + 1,
        cursor as [string, string] | undefined,
        req.query.status,
      );
      const { items, nextCursor } = pageOf(rows, req.query.limit, (last) => [last.createdAt.toISOString(), last.id]);
      return {
        items: await Promise.all(items.map((m) => svc.meetingView(deps.db, m, settings.stateSystemVoteUrl))),
        page: { nextCursor },
      };
    },
  );

  r.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One meeting',
        params: meetingParams,
        response: { 200: meetingResponse, ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.getOrgMeeting(deps.db, read(req).organisationId, req.params.id, settings.stateSystemVoteUrl),
  );

  r.post(
    '/meetings/:id/materials',
    {
      schema: {
        tags,
        security,
        summary: 'Attach a material (multipart: file, title)',
        consumes: ['multipart/form-data'],
        params: meetingParams,
        response: { 201: meetingResponse.shape.materials.element, ...problems(400, 401, 403, 404, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const actor = write(req);
      const { files, fields } = await readMultipart(req);
      const [file] = files;
      if (!file) throw validationFailed([{ path: 'body.file', message: 'a file is required' }]);
      return reply
        .status(201)
        .send(
          await svc.addMaterial(deps.db, deps.files, actor, req.params.id, file, fields.title?.trim() || file.filename),
        );
    },
  );

  r.delete(
    '/meetings/:id/materials/:materialId',
    {
      schema: {
        tags,
        security,
        summary: 'Remove a material (only while the meeting is a draft)',
        params: materialParams,
        response: { 204: z.null(), ...problems(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const actor = write(req);
      await withTransaction(deps.db, (tx) => svc.removeMaterial(tx, actor, req.params.id, req.params.materialId));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/meetings/:id/files/:fileId',
    {
      schema: {
        tags,
        security,
        summary: 'A file of the meeting: a material, a power of attorney or the scan of a paper ballot',
        produces: ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
        params: meetingFileParams,
        querystring: inlineQuery,
        response: problems(400, 401, 403, 404),
      },
    },
    async (req, reply) => {
      const file = await svc.orgMeetingFile(
        deps.db,
        deps.files,
        read(req).organisationId,
        req.params.id,
        req.params.fileId,
      );
      return sendMeetingFile(reply, file, Boolean(req.query.inline));
    },
  );

  r.post(
    '/meetings/:id/cancel',
    {
      schema: {
        tags,
        security,
        summary: 'Cancel a draft (an announced meeting runs to its end)',
        params: meetingParams,
        response: { 200: cancelResult, ...problems(401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = write(req);
      return withTransaction(deps.db, (tx) => svc.cancelMeeting(tx, actor, req.params.id));
    },
  );

  r.post(
    '/meetings/:id/announce',
    {
      schema: {
        tags,
        security,
        summary: 'Send the notice: news item to the house, e-mail to every owner; freezes the register',
        params: meetingParams,
        response: { 200: announceResult, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const actor = write(req);
      return withTransaction(deps.db, (tx) =>
        svc.announceMeeting(tx, ports, actor, req.params.id, settings, new Date()),
      );
    },
  );

  r.get(
    '/meetings/:id/owners',
    {
      schema: {
        tags,
        security,
        summary: 'The register of the meeting as frozen at notice',
        params: meetingParams,
        response: { 200: z.array(meetingOwner), ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.listOrgOwners(deps.db, read(req).organisationId, req.params.id),
  );

  r.get(
    '/meetings/:id/turnout',
    {
      schema: {
        tags,
        security,
        summary: 'Live turnout (results only after the close, unless MEETING_LIVE_RESULTS)',
        params: meetingParams,
        response: { 200: turnoutResponse, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => svc.turnout(deps.db, read(req).organisationId, req.params.id, settings),
  );

  r.get(
    '/meetings/:id/ballots',
    {
      schema: {
        tags,
        security,
        summary: 'Ballots received (SNILS never returned)',
        params: meetingParams,
        response: { 200: z.array(orgBallot), ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.listOrgBallots(deps.db, read(req).organisationId, req.params.id),
  );

  r.post(
    '/meetings/:id/paper-ballots',
    {
      schema: {
        tags,
        security,
        consumes: ['multipart/form-data'],
        params: meetingParams,
        summary:
          'Enter a paper ballot: multipart with `ballot` (JSON: ownerId, answers, snils?, proxyId?, receivedAt?) and `scan` (PDF or image)',
        response: { 201: ballotResponse, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const actor = write(req);
      const { files, fields } = await readMultipart(req);
      const scan = files.find((f) => f.field === 'scan') ?? files[0];
      if (!scan) throw validationFailed([{ path: 'body.scan', message: 'the scan of the paper ballot is required' }]);
      let raw: unknown;
      try {
        raw = JSON.parse(fields.ballot ?? '');
      } catch {
        throw validationFailed([{ path: 'body.ballot', message: 'expected a JSON object' }]);
      }
      const parsed = paperBallot.safeParse(raw);
      if (!parsed.success) throw validationFailed(zodFields(parsed.error, 'body.ballot'));
      const input = {
        ...parsed.data,
        receivedAt: parsed.data.receivedAt ? new Date(parsed.data.receivedAt) : undefined,
      };
      const ballot = await withTransaction(deps.db, (tx) =>
        svc.enterPaperBallot(tx, ports, actor, req.params.id, input, scan, new Date()),
      );
      return reply.status(201).send(ballot);
    },
  );

  r.get(
    '/meetings/:id/powers-of-attorney',
    {
      schema: {
        tags,
        security,
        summary: 'Powers of attorney submitted by representatives',
        params: meetingParams,
        response: { 200: z.array(proxyResponse), ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.listOrgProxies(deps.db, read(req).organisationId, req.params.id),
  );

  r.post(
    '/meetings/:id/powers-of-attorney/:proxyId/decision',
    {
      schema: {
        tags,
        security,
        summary: 'Accept or reject a power of attorney',
        params: proxyParams,
        body: proxyDecision,
        response: { 200: proxyDecisionResult, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = write(req);
      return withTransaction(deps.db, (tx) =>
        svc.decideProxy(tx, actor, req.params.id, req.params.proxyId, req.body.accepted, req.body.note ?? null),
      );
    },
  );

  r.post(
    '/meetings/:id/close',
    {
      schema: {
        tags,
        security,
        summary: 'Close now (only after the deadline; the scheduled job does it on its own)',
        params: meetingParams,
        response: { 200: closeResult, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => {
      const actor = write(req);
      return withTransaction(deps.db, (tx) => svc.closeMeeting(tx, ports, req.params.id, new Date(), { actor }));
    },
  );

  r.get(
    '/meetings/:id/protocol',
    {
      schema: {
        tags,
        security,
        summary: 'The protocol as JSON with its SHA-256',
        params: meetingParams,
        response: { 200: protocolResponse, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => {
      const p = await svc.getOrgProtocol(deps.db, read(req).organisationId, req.params.id);
      return { sha256: p.sha256, pdfFileId: p.fileId, protocol: p.protocol };
    },
  );

  r.get(
    '/meetings/:id/protocol.pdf',
    {
      schema: {
        tags,
        security,
        summary: 'The protocol as PDF (`?inline=1` opens it in the browser)',
        produces: ['application/pdf'],
        params: meetingParams,
        querystring: inlineQuery,
        response: problems(400, 401, 403, 404, 422),
      },
    },
    async (req, reply) =>
      sendProtocolPdf(
        reply,
        deps.files,
        (await svc.getOrgProtocol(deps.db, read(req).organisationId, req.params.id)).fileId,
        Boolean(req.query.inline),
      ),
  );
}
