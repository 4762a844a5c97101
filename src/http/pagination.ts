import { z } from 'zod';
import { badRequest } from '../errors.js';

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

/**
 * One page of `rows` fetched with `limit + 1`: the first `limit` rows and the cursor of the next page,
 * built from the last row's keyset values (null on the last page).
 */
export function pageOf<T>(rows: T[], limit: number, keyset: (last: T) => unknown[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyset(last)) : null };
}
