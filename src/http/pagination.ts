import { z } from 'zod';
import { badRequest } from './errors.js';

/** Query members of every listing: keyset pagination with an opaque cursor. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export const pageInfo = z.object({ nextCursor: z.string().nullable() });

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v)) return v;
  } catch {
    /* fall through */
  }
  throw badRequest('invalid_cursor', 'The cursor is not valid', [{ path: 'query.cursor', message: 'invalid' }]);
}
