import type { FastifyReply } from 'fastify';
import type { FileStore } from '../../contracts/ports.js';
import { notFound } from '../errors.js';

/** Answers the protocol's PDF as a download. */
export async function sendProtocolPdf(reply: FastifyReply, files: FileStore, fileId: string) {
  const file = await files.get(fileId);
  if (!file) throw notFound('Protocol file');
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.data);
}
