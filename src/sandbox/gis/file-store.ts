import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { GIS_FILE_STORE_PATH } from '../../../contracts/gis/operations.js';
import type { AppDeps } from '../../deps.js';

/** The largest file the store takes in one PUT (larger ones go in parts in the real store). */
const SIMPLE_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * The state system's file store (ext-bus-file-store-service): a file in one PUT with its name, the
 * organisation and its MD5, answered with X-Upload-UploadID, the GUID attachments name. Faults as the SOAP
 * services have them (502/503 at the configured rate).
 */
export async function simFileStoreRoutes(app: FastifyInstance, deps: AppDeps) {
  const sim = deps.config.gis.simulator;
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: SIMPLE_UPLOAD_BYTES },
    (_r, b, done) => done(null, b),
  );
  app.put<{ Params: { context: string } }>(`${GIS_FILE_STORE_PATH}/:context`, async (request, reply) => {
    const fault = Math.random() < sim.faultRate ? sim.faults[randomInt(sim.faults.length)] : undefined;
    if (fault === '502' || fault === '503') return reply.code(Number(fault)).type('text/html').send(`${fault}`);
    const data = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const org = String(request.headers['x-upload-orgppaguid'] ?? '');
    const md5 = String(request.headers['content-md5'] ?? '');
    const name = decodeURIComponent(String(request.headers['x-upload-filename'] ?? ''));
    if (!/^[0-9a-f-]{36}$/i.test(org) || !name || !data.length)
      return reply.code(400).send({ error: 'X-Upload-OrgPPAGUID, X-Upload-Filename and a body are required' });
    if (md5 !== createHash('md5').update(data).digest('base64'))
      return reply.code(400).send({ error: 'Content-MD5 does not match the body' });
    const id = randomUUID();
    await deps.db.query(
      `INSERT INTO gis_sim_files (upload_id, org_ppa_guid, filename, size, md5) VALUES ($1, $2, $3, $4, $5)`,
      [id, org, name, data.length, md5],
    );
    return reply.header('X-Upload-UploadID', id).code(200).send();
  });
}
