import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileInfo } from '../../contracts/tickets.js';
import type { FileStore, StoredFile } from '../../contracts/ports.js';
import { badRequest, validationFailed } from '../errors.js';
import { filesCreatedBy } from '../files/files.repo.js';
import { IMAGE_AND_PDF, readMultipart } from '../files/uploads.js';
import type { Db } from '../db/pool.js';

/**
 * Uploads come first and forms refer to them by id, so a form returned for rework keeps its files.
 * A file belongs to whoever uploaded it (`files.created_by`) until it is attached.
 */
export async function storeUploads(
  request: FastifyRequest,
  files: FileStore,
  createdBy: string,
  allowed = IMAGE_AND_PDF,
) {
  const { files: uploads } = await readMultipart(request, allowed);
  if (!uploads.length)
    throw badRequest('file_missing', 'Send at least one file', [{ path: 'body.file', message: 'required' }]);
  const stored: StoredFile[] = [];
  for (const u of uploads)
    stored.push(await files.put({ filename: u.filename, contentType: u.contentType, data: u.data, createdBy }));
  return stored;
}

/** Refuses ids of files that the caller did not upload (or that do not exist), naming each bad path. */
export async function assertOwnFiles(db: Db, fileIds: { id: string; path: string }[], createdBy: string) {
  if (!fileIds.length) return;
  const found = await filesCreatedBy(
    db,
    fileIds.map((f) => f.id),
    createdBy,
  );
  const missing = fileIds.filter((f) => !found.has(f.id));
  if (missing.length)
    throw validationFailed(missing.map((f) => ({ path: f.path, message: 'unknown file: upload it first' })));
}

export const toFileInfo = (
  f: StoredFile | { id: string; filename: string; content_type: string; size: number },
): FileInfo => ({
  id: f.id,
  filename: f.filename,
  contentType: 'contentType' in f ? f.contentType : f.content_type,
  size: f.size,
});

// Types a browser may show in place: the upload check sniffed them from the bytes (files/uploads.ts).
const SHOWN_INLINE = new Set(IMAGE_AND_PDF);

/**
 * Sends a stored file as a download, or in place when asked and it is an image or a PDF (the
 * console's document viewer); anything else is always a download. The name survives Cyrillic (RFC 6266).
 */
export function sendFile(
  reply: FastifyReply,
  file: { filename: string; contentType: string; data: Buffer },
  options: { inline?: boolean } = {},
) {
  const disposition = options.inline && SHOWN_INLINE.has(file.contentType) ? 'inline' : 'attachment';
  return reply
    .type(file.contentType)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.data);
}
