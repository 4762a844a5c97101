import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ballotResponse,
  castBallot,
  materialParams,
  meetingParams,
  myMeeting,
  myMeetingSummary,
  proxyResponse,
  turnoutResponse,
} from '../../contracts/meetings.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { validationFailed } from '../errors.js';
import { readMultipart } from '../files/uploads.js';
import { requirePerson, requireVerifiedPerson } from '../http/auth.js';
import { sendFile } from '../tickets/attachments.js';
import { sendProtocolPdf } from './protocol-reply.js';
import * as svc from './service.js';

const tags = ['meetings'];
const security: Record<string, string[]>[] = [{ session: [] }];

/** General meetings as an owner sees them: agenda, materials, turnout, the vote, the protocol. Mounted at /api/v1/me. */
export async function meetingsMeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = deps.config.meetings;

  r.get(
    '/meetings',
    {
      schema: {
        tags,
        security,
        summary: 'Meetings of my houses',
        response: { 200: z.array(myMeetingSummary), ...problems(401) },
      },
    },
    async (req) => svc.listMyMeetings(deps.db, requirePerson(req).personId, new Date()),
  );

  r.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        security,
        summary: 'A meeting: agenda, materials, my votes, results when closed',
        params: meetingParams,
        response: { 200: myMeeting, ...problems(401, 404) },
      },
    },
    async (req) =>
      svc.getMyMeeting(deps.db, requirePerson(req).personId, req.params.id, new Date(), settings.stateSystemVoteUrl),
  );

  r.get(
    '/meetings/:id/turnout',
    {
      schema: {
        tags,
        security,
        summary: 'Turnout of a meeting of my house while it runs; results after the close',
        params: meetingParams,
        response: { 200: turnoutResponse, ...problems(401, 404, 422) },
      },
    },
    async (req) => svc.myTurnout(deps.db, requirePerson(req).personId, req.params.id, settings),
  );

  r.get(
    '/meetings/:id/materials/:materialId',
    {
      schema: {
        tags,
        security,
        summary: 'Download a material of a meeting of my house',
        params: materialParams,
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
    '/meetings/:id/ballot',
    {
      schema: {
        tags,
        security,
        summary: 'Vote за / против / воздержался on every question, at once and once',
        params: meetingParams,
        body: castBallot,
        response: { 201: ballotResponse, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const person = requireVerifiedPerson(req, 'Voting in a general meeting');
      const ballot = await withTransaction(deps.db, (tx) =>
        svc.castElectronicBallot(tx, person.personId, req.params.id, req.body, new Date(), req.ip),
      );
      return reply.status(201).send(ballot);
    },
  );

  r.post(
    '/meetings/:id/powers-of-attorney',
    {
      schema: {
        tags,
        security,
        consumes: ['multipart/form-data'],
        params: meetingParams,
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
      const proxy = await withTransaction(deps.db, (tx) =>
        svc.submitProxy(
          tx,
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
      return reply.status(201).send(proxy);
    },
  );

  r.get(
    '/meetings/:id/protocol.pdf',
    {
      schema: {
        tags,
        security,
        summary: 'The protocol of a closed meeting of my house',
        produces: ['application/pdf'],
        params: meetingParams,
        response: problems(401, 404, 422),
      },
    },
    async (req, reply) =>
      sendProtocolPdf(
        reply,
        deps.files,
        (await svc.getMyProtocol(deps.db, requirePerson(req).personId, req.params.id)).fileId,
      ),
  );
}
