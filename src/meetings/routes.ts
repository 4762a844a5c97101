import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ballotResponse,
  castBallot,
  meetingResponse,
  myMeeting,
  myMeetingSummary,
  newMeeting,
  paperBallot,
  protocolResponse,
  proxyResponse,
  reconciliationResponse,
  registerImport,
  registerResponse,
  turnoutResponse,
} from '../../contracts/meetings.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { requireOrg, requirePerson, requireVerifiedPerson } from '../http/auth.js';
import { badRequest, notFound, validationFailed, zodFields } from '../errors.js';
import { decodeCursor, pageInfo, pageQuery, pageOf } from '../http/pagination.js';
import { createFieldCipher } from '../identity/crypto.js';
import { readMultipart } from '../files/uploads.js';
import { sendFile } from '../tickets/attachments.js';
import { listOrgMeetings } from './meetings.repo.js';
import { buildFromAccounts, getRegister, importRegister, reconcile } from './register.js';
import * as svc from './service.js';

const idParams = z.object({ id: z.uuid() });
const houseParams = z.object({ houseId: z.uuid() });
const tags = ['meetings'];
const orgSecurity: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];
const meSecurity: Record<string, string[]>[] = [{ session: [] }];

/** General meetings of owners: the register, the meeting's life from notice to protocol, and owners' votes. */
export async function meetingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = deps.config.meetings;
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const ports = { enqueue: deps.enqueue, files: deps.files, cipher };
  const read = (req: Parameters<typeof requireOrg>[0]) => requireOrg(req, 'meetings:read', ['admin', 'dispatcher']);
  const write = (req: Parameters<typeof requireOrg>[0]) => requireOrg(req, 'meetings:write', ['admin']);

  // --- owners register -------------------------------------------------------------------------
  r.get(
    '/api/v1/org/houses/:houseId/owners-register',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: "The owners register of a house with each owner's votes",
        params: houseParams,
        response: { 200: registerResponse, ...problems(401, 403, 404) },
      },
    },
    async (req) => getRegister(deps.db, read(req).organisationId, req.params.houseId),
  );

  r.put(
    '/api/v1/org/houses/:houseId/owners-register',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Import owners: replaces the owners of every premise listed',
        params: houseParams,
        body: registerImport,
        response: { 200: z.object({ imported: z.number().int() }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => importRegister(deps.db, write(req).organisationId, req.params.houseId, req.body.owners),
  );

  r.post(
    '/api/v1/org/houses/:houseId/owners-register/from-accounts',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Build or refresh the register from the owners recorded on accounts',
        params: houseParams,
        response: { 200: z.object({ touched: z.number().int() }), ...problems(401, 403, 404) },
      },
    },
    async (req) => buildFromAccounts(deps.db, write(req).organisationId, req.params.houseId),
  );

  r.get(
    '/api/v1/org/houses/:houseId/owners-register/reconciliation',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Mismatches between the register, the premises and the accounts',
        params: houseParams,
        response: { 200: reconciliationResponse, ...problems(401, 403, 404) },
      },
    },
    async (req) => reconcile(deps.db, read(req).organisationId, req.params.houseId),
  );

  // --- meetings (organisation) ----------------------------------------------------------------
  r.post(
    '/api/v1/org/meetings',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Create a meeting (draft) with its agenda, form and dates',
        body: newMeeting,
        response: { 201: meetingResponse, ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const actor = write(req);
      const id = await svc.createMeeting(deps.db, actor, req.body, settings, async (db) => {
        const { rows } = await db.query(`SELECT name FROM organisations WHERE id = $1`, [actor.organisationId]);
        return rows[0].name as string;
      });
      return reply.status(201).send(await svc.getOrgMeeting(deps.db, actor.organisationId, id));
    },
  );

  r.get(
    '/api/v1/org/meetings',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Meetings of the organisation, newest first',
        querystring: pageQuery.extend({ houseId: z.uuid().optional() }),
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
      );
      const { items, nextCursor } = pageOf(rows, req.query.limit, (last) => [last.createdAt.toISOString(), last.id]);
      return { items: await Promise.all(items.map((m) => svc.meetingView(deps.db, m))), page: { nextCursor } };
    },
  );

  r.get(
    '/api/v1/org/meetings/:id',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'One meeting',
        params: idParams,
        response: { 200: meetingResponse, ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.getOrgMeeting(deps.db, read(req).organisationId, req.params.id),
  );

  r.post(
    '/api/v1/org/meetings/:id/materials',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Attach a material (multipart: file, title)',
        consumes: ['multipart/form-data'],
        params: idParams,
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

  r.post(
    '/api/v1/org/meetings/:id/announce',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Send the notice: news item to the house, e-mail to every owner; freezes the register',
        params: idParams,
        response: {
          200: z.object({ newsId: z.uuid(), owners: z.number().int(), emailed: z.number().int() }),
          ...problems(401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => svc.announceMeeting(deps.db, ports, write(req), req.params.id, settings, new Date()),
  );

  r.get(
    '/api/v1/org/meetings/:id/owners',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'The register of the meeting as frozen at notice',
        params: idParams,
        response: {
          200: z.array(
            z.object({
              id: z.uuid(),
              premiseNumber: z.string(),
              lastName: z.string(),
              firstName: z.string().nullable(),
              middleName: z.string().nullable(),
              shareNumerator: z.number(),
              shareDenominator: z.number(),
              titleDocument: z.string().nullable(),
              votes: z.string(),
            }),
          ),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req) => svc.listOrgOwners(deps.db, read(req).organisationId, req.params.id),
  );

  r.get(
    '/api/v1/org/meetings/:id/turnout',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Live turnout (results only after the close, unless MEETING_LIVE_RESULTS)',
        params: idParams,
        response: { 200: turnoutResponse, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => svc.turnout(deps.db, read(req).organisationId, req.params.id, settings),
  );

  r.get(
    '/api/v1/org/meetings/:id/ballots',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Ballots received (SNILS never returned)',
        params: idParams,
        response: {
          200: z.array(
            z.object({
              id: z.uuid(),
              ownerId: z.uuid(),
              channel: z.string(),
              voterName: z.string(),
              titleDocument: z.string().nullable(),
              proxyId: z.uuid().nullable(),
              votes: z.string(),
              castAt: z.string(),
              scanFileId: z.uuid().nullable(),
              hasSnils: z.boolean(),
              answers: z.record(z.string(), z.string()),
            }),
          ),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req) => svc.listOrgBallots(deps.db, read(req).organisationId, req.params.id),
  );

  r.post(
    '/api/v1/org/meetings/:id/paper-ballots',
    {
      schema: {
        tags,
        security: orgSecurity,
        consumes: ['multipart/form-data'],
        params: idParams,
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
      return reply
        .status(201)
        .send(await svc.enterPaperBallot(deps.db, ports, actor, req.params.id, input, scan, new Date()));
    },
  );

  r.get(
    '/api/v1/org/meetings/:id/powers-of-attorney',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Powers of attorney submitted by representatives',
        params: idParams,
        response: { 200: z.array(proxyResponse), ...problems(401, 403, 404) },
      },
    },
    async (req) => svc.listOrgProxies(deps.db, read(req).organisationId, req.params.id),
  );

  r.post(
    '/api/v1/org/meetings/:id/powers-of-attorney/:proxyId/decision',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Accept or reject a power of attorney',
        params: z.object({ id: z.uuid(), proxyId: z.uuid() }),
        body: z.object({ accepted: z.boolean(), note: z.string().max(1000).nullish() }),
        response: { 200: z.object({ id: z.uuid(), status: z.string() }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      svc.decideProxy(deps.db, write(req), req.params.id, req.params.proxyId, req.body.accepted, req.body.note ?? null),
  );

  r.post(
    '/api/v1/org/meetings/:id/close',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'Close now (only after the deadline; the scheduled job does it on its own)',
        params: idParams,
        response: {
          200: z.object({ closed: z.boolean(), sha256: z.string().nullable() }),
          ...problems(401, 403, 404, 422),
        },
      },
    },
    async (req) => svc.closeMeeting(deps.db, ports, req.params.id, new Date(), { actor: write(req) }),
  );

  r.get(
    '/api/v1/org/meetings/:id/protocol',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'The protocol as JSON with its SHA-256',
        params: idParams,
        response: { 200: protocolResponse, ...problems(401, 403, 404, 422) },
      },
    },
    async (req) => {
      const p = await svc.getOrgProtocol(deps.db, read(req).organisationId, req.params.id);
      return { sha256: p.sha256, pdfFileId: p.fileId, protocol: p.protocol as Record<string, unknown> };
    },
  );

  r.get(
    '/api/v1/org/meetings/:id/protocol.pdf',
    {
      schema: {
        tags,
        security: orgSecurity,
        summary: 'The protocol as PDF',
        produces: ['application/pdf'],
        params: idParams,
        response: problems(401, 403, 404, 422),
      },
    },
    async (req, reply) =>
      sendPdf(reply, (await svc.getOrgProtocol(deps.db, read(req).organisationId, req.params.id)).fileId),
  );

  // --- the resident ----------------------------------------------------------------------------
  r.get(
    '/api/v1/me/meetings',
    {
      schema: {
        tags,
        security: meSecurity,
        summary: 'Meetings of my houses',
        response: { 200: z.array(myMeetingSummary), ...problems(401) },
      },
    },
    async (req) => svc.listMyMeetings(deps.db, requirePerson(req).personId, new Date()),
  );

  r.get(
    '/api/v1/me/meetings/:id',
    {
      schema: {
        tags,
        security: meSecurity,
        summary: 'A meeting: agenda, materials, my votes, results when closed',
        params: idParams,
        response: { 200: myMeeting, ...problems(401, 404) },
      },
    },
    async (req) => svc.getMyMeeting(deps.db, requirePerson(req).personId, req.params.id, new Date()),
  );

  r.get(
    '/api/v1/me/meetings/:id/turnout',
    {
      schema: {
        tags,
        security: meSecurity,
        summary: 'Turnout of a meeting of my house while it runs; results after the close',
        params: idParams,
        response: { 200: turnoutResponse, ...problems(401, 404, 422) },
      },
    },
    async (req) => svc.myTurnout(deps.db, requirePerson(req).personId, req.params.id, settings),
  );

  r.get(
    '/api/v1/me/meetings/:id/materials/:materialId',
    {
      schema: {
        tags,
        security: meSecurity,
        summary: 'Download a material of a meeting of my house',
        params: z.object({ id: z.uuid(), materialId: z.uuid() }),
        response: problems(401, 404),
      },
    },
    async (req, reply) => {
      return sendFile(
        reply,
        await svc.myMaterial(deps.db, deps.files, requirePerson(req).personId, req.params.id, req.params.materialId),
      );
    },
  );

  r.post(
    '/api/v1/me/meetings/:id/ballot',
    {
      schema: {
        tags,
        security: meSecurity,
        summary: 'Vote за / против / воздержался on every question, at once and once',
        params: idParams,
        body: castBallot,
        response: { 201: ballotResponse, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const person = requireVerifiedPerson(req, 'Voting in a general meeting');
      return reply
        .status(201)
        .send(await svc.castElectronicBallot(deps.db, person.personId, req.params.id, req.body, new Date(), req.ip));
    },
  );

  r.post(
    '/api/v1/me/meetings/:id/powers-of-attorney',
    {
      schema: {
        tags,
        security: meSecurity,
        consumes: ['multipart/form-data'],
        params: idParams,
        summary:
          'Upload a power of attorney to vote for an owner (fields premiseNumber, ownerLastName, ownerFirstName?; file)',
        response: { 201: proxyResponse, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (req, reply) => {
      const person = requireVerifiedPerson(req, 'Voting for an owner by power of attorney');
      // Before the body is read: a person with no link to the house learns nothing (finding 7 of issue 14).
      await svc.findMemberMeeting(deps.db, person.personId, req.params.id);
      const { files, fields } = await readMultipart(req);
      const [file] = files;
      const missing = [
        !file && 'file',
        !fields.premiseNumber && 'premiseNumber',
        !fields.ownerLastName && 'ownerLastName',
      ].filter(Boolean) as string[];
      if (missing.length) throw validationFailed(missing.map((m) => ({ path: `body.${m}`, message: 'required' })));
      return reply.status(201).send(
        await svc.submitProxy(
          deps.db,
          deps.files,
          person.personId,
          req.params.id,
          {
            premiseNumber: fields.premiseNumber!,
            ownerLastName: fields.ownerLastName!,
            ownerFirstName: fields.ownerFirstName,
          },
          file!,
        ),
      );
    },
  );

  r.get(
    '/api/v1/me/meetings/:id/protocol.pdf',
    {
      schema: {
        tags,
        security: meSecurity,
        summary: 'The protocol of a closed meeting of my house',
        produces: ['application/pdf'],
        params: idParams,
        response: problems(401, 404, 422),
      },
    },
    async (req, reply) =>
      sendPdf(reply, (await svc.getMyProtocol(deps.db, requirePerson(req).personId, req.params.id)).fileId),
  );

  async function sendPdf(reply: FastifyReply, fileId: string) {
    const file = await deps.files.get(fileId);
    if (!file) throw notFound('Protocol file');
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.data);
  }
}
