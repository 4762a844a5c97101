import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, badRequest } from '../errors.js';
import { assertSafeText } from '../http/text-guard.js';

export interface Upload {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export const IMAGE_AND_PDF = ['image/jpeg', 'image/png', 'image/heic', 'image/webp', 'application/pdf'];

/**
 * Reads a multipart request: its files (type sniffed from the bytes, not trusted from the client;
 * only `allowed` types pass) and its text fields. Size and count limits come from the multipart
 * plugin's configuration in app.ts and give 413.
 */
export async function readMultipart(request: FastifyRequest, allowed: string[] = IMAGE_AND_PDF) {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send multipart/form-data');
  const files: Upload[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const data = await part.toBuffer();
      const sniffed = await fileTypeFromBuffer(data);
      if (!sniffed || !allowed.includes(sniffed.mime)) {
        throw badRequest('file_type_not_allowed', `File "${part.filename}" is not one of: ${allowed.join(', ')}`, [
          { path: `body.${part.fieldname}`, message: `detected ${sniffed?.mime ?? 'unknown type'}` },
        ]);
      }
      files.push({
        field: part.fieldname,
        filename: part.filename || `file.${sniffed.ext}`,
        contentType: sniffed.mime,
        data,
      });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new AppError(413, 'upload_too_large', (err as Error).message);
    }
    // Everything else here comes from reading the client's bytes: no boundary, a cut-off body, a bad part header.
    const detail = `The multipart body cannot be read: ${(err as Error).message}`;
    throw new AppError(400, 'malformed_multipart', detail, undefined, undefined, { cause: err });
  }
  assertSafeText(fields, 'body');
  for (const f of files) assertSafeText({ [f.field]: { filename: f.filename } }, 'body');
  return { files, fields };
}
