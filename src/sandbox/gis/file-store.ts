import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { GIS_ERRORS, GIS_FILE_STORE_PATH } from '../../../contracts/gis/operations.js';
import type { SqlExecutor } from '../../../contracts/ports.js';
import type { AppDeps } from '../../deps.js';
import { gostDigest } from '../gost-verifier.js';
import type { SimItemResult } from './results.js';

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
      `INSERT INTO gis_sim_files (upload_id, org_ppa_guid, filename, size, md5, data) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, org, name, data.length, md5, data],
    );
    return reply.header('X-Upload-UploadID', id).code(200).send();
  });
}

/** An attachment (base:AttachmentType) as a request named it: the file store's GUID, its name, description and hash. */
export interface SimAttachment {
  guid: string;
  name: string;
  description: string;
  hash: string;
}

/** An attachment whose AttachmentHASH is not its file's: refused with the code of the simulator's other attachment refusals. */
export const hashRefusal = (transportGuid: string, a: SimAttachment): SimItemResult => ({
  transportGuid,
  ok: false,
  code: GIS_ERRORS.notFound,
  description: `Вложение «${a.name}» (${a.guid}) с указанным хэш-тегом не найдено в файловом хранилище: хэш-тег не соответствует содержимому файла`,
});

/** How the hash of a message's attachments is computed: by the family of the message's signature. */
export type AttachmentHashing = 'gost' | 'sha256';

/**
 * The first attachment whose AttachmentHASH is not the hash of the bytes the store holds under its GUID,
 * or undefined. The state system's hash is GOST R 34.11-2012 in binhex (256 bits, or 512: told by the
 * length); a message signed with RSA (the sandbox without the GOST engine, whose hub hashes by SHA-256)
 * is checked by SHA-256. Files the store holds without content (uploaded before it kept any) and files it
 * does not hold at all (refused elsewhere as not found) are not judged here.
 */
export async function attachmentHashMismatch(
  db: SqlExecutor,
  orgPpaGuid: string,
  files: SimAttachment[],
  hashing: AttachmentHashing,
): Promise<SimAttachment | undefined> {
  if (!files.length) return undefined;
  const { rows } = await db.query<{ g: string; data: Buffer | null }>(
    `SELECT upload_id::text AS g, data FROM gis_sim_files WHERE org_ppa_guid = $1::uuid AND upload_id::text = ANY($2::text[])`,
    [orgPpaGuid, files.map((f) => f.guid.toLowerCase())],
  );
  const content = new Map(rows.map((r) => [r.g, r.data]));
  for (const f of files) {
    const data = content.get(f.guid.toLowerCase());
    if (!data) continue;
    const hash = f.hash.toLowerCase();
    const expected =
      hashing === 'sha256'
        ? createHash('sha256').update(data).digest('hex')
        : (await gostDigest(hash.length === 128 ? 512 : 256, data)).toString('hex');
    if (hash !== expected) return f;
  }
  return undefined;
}
