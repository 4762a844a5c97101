import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../errors.js';

// PostgreSQL cannot store U+0000 in text or jsonb (22021 / 22P05), and the driver turns an unpaired
// UTF-16 surrogate into U+FFFD on the way in, so a row would be written with a different value than
// the one sent. Both are refused at the edge, with the field path, before any handler runs.
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what this pattern is for
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than this, a JSON body is refused: no request of this API nests more than a few levels. */
export const MAX_JSON_DEPTH = 64;
const MAX_REPORTED = 20;

export const isSafeText = (s: string) => !UNSAFE.test(s);

/** Replaces NUL and unpaired surrogates with U+FFFD: for recording what a refused request carried (audit). */
export const storableText = (s: string) => s.replace(new RegExp(UNSAFE.source, 'g'), '\uFFFD');

/**
 * The paths of strings (and object keys) holding NUL or an unpaired surrogate, and whether the value
 * nests deeper than MAX_JSON_DEPTH. Iterative, so a hostile depth cannot overflow the stack.
 */
export function unsafeTextPaths(value: unknown, prefix: string): { fields: FieldError[]; tooDeep: boolean } {
  const fields: FieldError[] = [];
  const stack: [unknown, string, number][] = [[value, prefix, 0]];
  while (stack.length && fields.length < MAX_REPORTED) {
    const [v, path, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSAFE.test(v)) fields.push({ path, message: 'contains NUL or an unpaired surrogate' });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { fields, tooDeep: true };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}.${i}`, depth + 1]);
      continue;
    }
    if (Buffer.isBuffer(v) || typeof (v as { pipe?: unknown }).pipe === 'function') continue; // raw bodies, streams
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i]!;
      if (UNSAFE.test(k)) {
        fields.push({ path: `${path}.${storableText(k)}`, message: 'the name contains NUL or an unpaired surrogate' });
      }
      stack.push([child, `${path}.${k}`, depth + 1]);
    }
  }
  return { fields, tooDeep: false };
}

/** Throws a 400 problem when the value holds text PostgreSQL cannot store as sent, or nests too deep. */
export function assertSafeText(value: unknown, prefix: string) {
  const { fields, tooDeep } = unsafeTextPaths(value, prefix);
  if (tooDeep) {
    const where = [{ path: prefix, message: 'too deep' }];
    throw new AppError(400, 'too_deep', `The ${prefix} nests deeper than ${MAX_JSON_DEPTH} levels`, where);
  }
  if (fields.length) {
    throw new AppError(400, 'invalid_text', 'Text must not contain NUL characters or unpaired surrogates', fields);
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler checks text itself (the bank notification route audits a forged notification first). */
    rawText?: boolean;
  }
}

/** One check for every route: query, path parameters and parsed bodies. */
export function guardText(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config?.rawText) return;
    assertSafeText(request.params, 'params');
    assertSafeText(request.query, 'query');
    assertSafeText(request.body, 'body');
  });
}
