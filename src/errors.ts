import type { ZodError } from 'zod';
import type { ErrorCode } from '../contracts/errors.js';

export interface FieldError {
  /** Where the bad value is: `body.readings.0.value`, `query.q`, `params.id`. */
  path: string;
  message: string;
}

/**
 * The one error class of the service. `code` is stable and declared in contracts/errors.ts; `status` picks the HTTP
 * status; `fields` lists validation failures by path; `extra` adds problem members (e.g. meterId).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly extra?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, message: string, fields?: FieldError[], extra?: Record<string, unknown>) =>
  new AppError(400, code, message, fields, extra);
export const validationFailed = (fields: FieldError[], message = 'The request is not valid') =>
  new AppError(400, 'validation_failed', message, fields);
export const unauthorized = (message = 'Sign-in required', code: ErrorCode = 'unauthorized') =>
  new AppError(401, code, message);
export const forbidden = (message = 'Not allowed', code: ErrorCode = 'forbidden') => new AppError(403, code, message);
export const notFound = (what: string, code: ErrorCode = 'not_found') => new AppError(404, code, `${what} not found`);
export const conflict = (code: ErrorCode, message: string, extra?: Record<string, unknown>) =>
  new AppError(409, code, message, undefined, extra);
/** A well-formed request that breaks a domain rule (a reading below the previous one, a closed window). */
export const ruleViolated = (
  code: ErrorCode,
  message: string,
  extra?: Record<string, unknown>,
  fields?: FieldError[],
) => new AppError(422, code, message, fields, extra);
export const tooManyRequests = (message: string, retryAfterSeconds?: number) =>
  new AppError(
    429,
    'rate_limited',
    message,
    undefined,
    retryAfterSeconds ? { retryAfter: retryAfterSeconds } : undefined,
  );
export const unavailable = (code: ErrorCode, message: string) => new AppError(503, code, message);

/** Turns a zod error (from a service-level parse) into field errors under a location prefix. */
export function zodFields(error: ZodError, prefix = 'body'): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
