// The one API client of the cabinet: typed by the generated schema (openapi/openapi.json), sending the
// session's CSRF token on writes, turning every failure into an ApiError with a Russian message.
import createClient, { type Middleware } from 'openapi-fetch';
import { problemMessage, type Problem } from '../lib/problems';
import { setOffline } from '../lib/offline';
import type { paths } from './schema';

export type { paths, components } from './schema';

let csrfToken: string | undefined;

/** Set from GET /api/v1/me (session.tsx); sent as x-csrf-token on every write. */
export function setCsrfToken(token: string | undefined) {
  csrfToken = token;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problemMessage(problem.code, status));
    this.name = 'ApiError';
  }
  get code() {
    return this.problem.code;
  }
}

/** The CSRF token on writes and the offline flag on answers; the staff console's client uses it too. */
export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!['GET', 'HEAD'].includes(request.method) && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ response }) {
    // The service worker answers from the last-seen cache when the network fails, and says so.
    setOffline(response.headers.get('x-domhub-offline') === '1');
    return response;
  },
};

let transport: (request: Request) => Promise<Response> = (request) => globalThis.fetch(request);

/** Prerendering on the server (entry-server.tsx) answers the cabinet's reads inside the service. */
export function setTransport(send: (request: Request) => Promise<Response>) {
  transport = send;
}

// On the server a Request needs an absolute URL; the transport takes only its path and query.
export const api = createClient<paths>({
  baseUrl: import.meta.env.SSR ? 'http://prerender.invalid' : '',
  fetch: (request) => transport(request),
});
api.use(sessionMiddleware);

interface Result<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * The data of a call or an ApiError (for TanStack Query): `const me = await ok(api.GET('/api/v1/me'))`.
 * A network failure (offline, server down) becomes the `network_error` problem.
 */
export async function ok<D>(call: Promise<Result<D>>): Promise<D> {
  let result: Result<D>;
  try {
    result = await call;
  } catch {
    if (typeof navigator !== 'undefined') setOffline(!navigator.onLine);
    throw new ApiError(0, { status: 0, code: 'network_error' });
  }
  if (result.response.ok) return result.data as D;
  const body = result.error;
  const problem: Problem =
    body && typeof body === 'object' && 'code' in body
      ? (body as Problem)
      : { status: result.response.status, code: result.response.status === 404 ? 'not_found' : 'http_error' };
  throw new ApiError(result.response.status, problem);
}

/** The Russian message of any error thrown by a query or mutation. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return problemMessage(undefined, 500);
}

/** A multipart write (uploads) with the CSRF token; the answer as JSON or an ApiError. */
export async function postForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      body: form,
      headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
    });
  } catch {
    throw new ApiError(0, { status: 0, code: 'network_error' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  const problem = body && typeof body === 'object' && 'code' in body ? (body as Problem) : undefined;
  throw new ApiError(response.status, problem ?? { status: response.status, code: 'http_error' });
}

/** Starts a browser download of a same-origin file (the session cookie goes with it). */
export function download(href: string, filename?: string) {
  const a = document.createElement('a');
  a.href = href;
  if (filename) a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}
