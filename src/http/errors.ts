import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, type HttpFallbackCode, isHttpFallbackCode } from '../../contracts/errors.js';
import { AppError, type FieldError } from '../errors.js';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  431: 'Request Header Fields Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

// Driver errors that mean "your input", not "our bug" (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const PG_INPUT_ERRORS: Record<string, [number, ErrorCode, string]> = {
  '23505': [409, 'conflict', 'A record with the same identity already exists'],
  '23503': [409, 'reference_conflict', 'The record refers to, or is referred to by, another record'],
  '22P02': [400, 'invalid_value', 'A value has the wrong format'],
  '22007': [400, 'invalid_value', 'A date or time has the wrong format'],
  '22008': [400, 'invalid_value', 'A date or time is out of range'],
  '22003': [400, 'invalid_value', 'A number is out of range'],
  '22001': [400, 'invalid_value', 'A value is too long'],
  '23514': [400, 'invalid_value', 'A value breaks a rule of the record'],
  // The text guard (text-guard.ts) refuses NUL and unpaired surrogates first; these are the backstop.
  '22021': [400, 'invalid_text', 'A text contains a character that cannot be stored (NUL or an invalid byte sequence)'],
  '22P05': [400, 'invalid_text', 'A text contains a character that cannot be stored (NUL)'],
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/** Maps any thrown error to problem+json; 5xx texts are never shown to the client. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const base = (status: number, code: ErrorCode | HttpFallbackCode, detail?: string): Problem => ({
    type: `https://domhub.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: request.url,
    requestId: request.id,
  });

  if (error instanceof AppError) {
    return {
      ...base(error.status, error.code, error.message),
      ...(error.fields ? { errors: error.fields } : {}),
      ...error.extra,
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = locationName((error as FastifyError).validationContext);
    const errors = error.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    return { ...base(400, 'validation_failed', 'The request is not valid'), errors };
  }
  if (isResponseSerializationError(error)) return base(500, 'internal', 'Internal error');

  const pgCode = (error as { code?: unknown })?.code;
  if (typeof pgCode === 'string' && PG_INPUT_ERRORS[pgCode] && (error as { severity?: unknown }).severity) {
    const [status, code, detail] = PG_INPUT_ERRORS[pgCode];
    return base(status, code, detail);
  }

  const fe = error as Partial<FastifyError>;
  const status = typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 600 ? fe.statusCode : 500;
  if (status >= 500) return base(status, status === 503 ? 'unavailable' : 'internal', 'Internal error');
  return base(status, fastifyCode(fe.code, status), fe.message);
}

function locationName(context: string | undefined): string {
  return context === 'querystring' ? 'query' : (context ?? 'body');
}

function fastifyCode(code: string | undefined, status: number): ErrorCode | HttpFallbackCode {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body_too_large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported_media_type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'malformed_body';
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return 'uri_too_long';
    case 'FST_ERR_BAD_URL':
      return 'malformed_url';
    default:
      if (status === 400) return 'bad_request';
      if (status === 404) return 'not_found';
      if (status === 429) return 'rate_limited';
      {
        const fallback = `http_${status}`;
        return isHttpFallbackCode(fallback) ? fallback : 'bad_request';
      }
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  if (problem.status === 429 && typeof problem.retryAfter === 'number')
    reply.header('retry-after', String(problem.retryAfter));
  return reply.status(problem.status).type('application/problem+json').serializer(JSON.stringify).send(problem);
}
