import type { FastifyReply } from 'fastify';
import type { FileStore } from '../../contracts/ports.js';
import { notFound } from '../errors.js';

/** Types a browser shows itself; anything else is always a download. */
const VIEWABLE = new Set(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);

/**
 * Answers a meeting's file: `inline` opens a PDF or an image in the browser's own viewer (the console's
 * "open"), else a download under its stored name.
 */
export function sendMeetingFile(
  reply: FastifyReply,
  file: { filename: string; contentType: string; data: Buffer },
  inline = false,
) {
  const disposition = inline && VIEWABLE.has(file.contentType) ? 'inline' : 'attachment';
  return reply
    .type(file.contentType)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.data);
}

/** Answers the protocol's PDF (a download unless `inline`). */
export async function sendProtocolPdf(reply: FastifyReply, files: FileStore, fileId: string, inline = false) {
  const file = await files.get(fileId);
  if (!file) throw notFound('Protocol file');
  return sendMeetingFile(reply, file, inline);
}
