import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from 'fastify-type-provider-zod';
import { renderErrorCodes, type SocketErrorCode } from '../contracts/errors.js';
import type { AppDeps } from './deps.js';
import { authHooks } from './identity/auth.hooks.js';
import { AppError } from './errors.js';
import { sendProblem, toProblem } from './http/errors.js';
import { healthRoutes } from './http/health.js';
import { serializerCompiler } from './http/serializer.js';
import { guardText } from './http/text-guard.js';
import { meetingsMeRoutes } from './meetings/me.routes.js';
import { importsOrgRoutes } from './imports/org.routes.js';
import { meetingsOrgRoutes } from './meetings/org.routes.js';
import { metricsPlugin } from './http/metrics.js';
import { identityMeRoutes } from './identity/me.routes.js';
import { identityOperatorRoutes } from './identity/operator.routes.js';
import { identityOrgRoutes } from './identity/org.routes.js';
import { staffOrgRoutes } from './identity/staff.routes.js';
import { localAuthRoutes } from './identity/local-auth.routes.js';
import { oauthRoutes } from './identity/oauth.routes.js';
import { passkeySignInRoutes } from './identity/passkeys.routes.js';
import { signInRoutes } from './identity/signin.routes.js';
import { meAccountsRoutes } from './accounts/me.routes.js';
import { orgAccountsRoutes } from './accounts/org.routes.js';
import { operatorRegistryRoutes } from './registry/operator.routes.js';
import { orgRegistryRoutes } from './registry/org.routes.js';
import { publicRegistryRoutes } from './registry/public.routes.js';
import { meteringMeRoutes } from './metering/me.routes.js';
import { meteringImportRoutes } from './metering/import.routes.js';
import { meteringOrgRoutes } from './metering/org.routes.js';
import { billingMeRoutes } from './billing/me.routes.js';
import { billingOrgRoutes } from './billing/org.routes.js';
import { paymentsBankRoutes } from './payments/bank.routes.js';
import { paymentsMeRoutes } from './payments/me.routes.js';
import { paymentsOrgRoutes } from './payments/org.routes.js';
import { ticketsMeRoutes } from './tickets/me.routes.js';
import { ticketsOrgRoutes } from './tickets/org.routes.js';
import { appealsMeRoutes } from './appeals/me.routes.js';
import { appealsOperatorRoutes } from './appeals/operator.routes.js';
import { appealsOrgRoutes } from './appeals/org.routes.js';
import { appealsPublicRoutes } from './appeals/public.routes.js';
import { newsMeRoutes } from './news/me.routes.js';
import { newsOrgRoutes } from './news/org.routes.js';
import { webRoutes } from './http/web.js';

import { syncOrgRoutes } from './sync/gis/org.routes.js';
import { consoleOrgRoutes } from './console/org.routes.js';
import { debtRequestsOrgRoutes } from './debt-requests/org.routes.js';
import { syncServicesOrgRoutes } from './sync/gis/services.routes.js';

/** Domain route plugins and where they are mounted. Each gets the app's deps as its options. */
const modules: [FastifyPluginAsync<AppDeps>, string][] = [
  [signInRoutes, '/auth'],
  [localAuthRoutes, '/auth/local'],
  [passkeySignInRoutes, '/auth/passkey'],
  [oauthRoutes, '/oauth'],
  [identityMeRoutes, '/api/v1/me'],
  [identityOrgRoutes, '/api/v1/org'],
  [staffOrgRoutes, '/api/v1/org'],
  [identityOperatorRoutes, '/api/v1/operator'],
  [publicRegistryRoutes, '/api/v1/registry'],
  [orgRegistryRoutes, '/api/v1/org'],
  [operatorRegistryRoutes, '/api/v1/operator/registry'],
  [meAccountsRoutes, '/api/v1/me'],
  [orgAccountsRoutes, '/api/v1/org'],
  [meteringMeRoutes, '/api/v1/me'],
  [meteringImportRoutes, '/api/v1/org'],
  [meteringOrgRoutes, '/api/v1/org'],
  [billingOrgRoutes, '/api/v1/org'],
  [billingMeRoutes, '/api/v1/me'],
  [paymentsMeRoutes, '/api/v1/me'],
  [paymentsOrgRoutes, '/api/v1/org'],
  [paymentsBankRoutes, '/payments'],
  [syncOrgRoutes, '/api/v1/org'],
  [ticketsMeRoutes, '/api/v1/me'],
  [ticketsOrgRoutes, '/api/v1/org'],
  [appealsPublicRoutes, '/api/v1'],
  [appealsMeRoutes, '/api/v1/me'],
  [appealsOrgRoutes, '/api/v1/org'],
  [appealsOperatorRoutes, '/api/v1/operator'],
  [newsMeRoutes, '/api/v1/me'],
  [newsOrgRoutes, '/api/v1/org'],
  [meetingsOrgRoutes, '/api/v1/org'],
  [meetingsMeRoutes, '/api/v1/me'],
  [importsOrgRoutes, '/api/v1/org'],
  [consoleOrgRoutes, '/api/v1/org'],
  [debtRequestsOrgRoutes, '/api/v1/org'],
  [syncServicesOrgRoutes, '/api/v1/org'],
];

export const API_VERSION = '0.1.0';

/** The request ids a client may choose (x-request-id); anything else gets a generated one. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * One log line per request, when it completes, instead of Fastify's two (incoming and completed): every
 * line is redacted and serialised, and the pair cost more CPU than a resident read's own work.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest() {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = { req: request, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/** Builds the whole HTTP surface without listening; main.ts listens, tests call inject or listen. */
export async function buildApp(
  deps: AppDeps,
  extraPlugins: FastifyPluginAsync<AppDeps>[] = [],
): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    // A client's x-request-id is kept only when it is a short token: it goes into every log line and
    // header, so anything longer or with other characters (newlines, markup, personal data) is replaced.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router answers before any route (an over-long path parameter: 414, a bad %-escape: 400).
    frameworkErrors: (error, request, reply) => sendProblem(reply, toProblem(error, request)),
    // Errors of the HTTP parser itself (headers past Node's maxHeaderSize: 431), before Fastify sees a request.
    clientErrorHandler: answerClientError,
    logController: new OneLinePerRequest(),
  });
  guardText(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Callback-style hooks: an async hook per request costs a promise and a microtask turn on the hot path.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500 && !(error instanceof AppError)) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      toProblem(
        new AppError(404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
        request,
      ),
    ),
  );

  // Brotli at a middle quality: the default (11) costs more CPU than a dynamic JSON answer is worth.
  // Registered before every route: its hooks reach only routes declared after it.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'domhub API',
        version: API_VERSION,
        description:
          'Resident portal and integration hub for housing and utilities. Errors are application/problem+json with a ' +
          `stable \`code\`.\n\n## Error codes by module\n\n${renderErrorCodes()}`,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'domhub_sid' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'Organisation API key (dh_…)' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: deps.config.uploadMaxBytes, files: 10, fields: 50, parts: 60 } });
  await app.register(metricsPlugin, deps);
  await app.register(authHooks, deps);
  await app.register(healthRoutes, deps);
  for (const [plugin, prefix] of modules) await app.register(plugin, { ...deps, prefix });
  for (const plugin of extraPlugins) await app.register(plugin, deps); // tests' probe routes
  // Loaded only in sandbox mode: the peers (an OIDC provider, a SOAP server) weigh some 40 MB of memory.
  if (deps.config.sandbox)
    await app.register((await import('./sandbox/routes.js')).sandboxRoutes, { ...deps, prefix: '/sandbox' });
  await app.register(webRoutes, deps);
  return app;
}

/** A problem+json answer written on the raw socket for a request the HTTP parser refused. */
function answerClientError(error: Error & { code?: string }, socket: Socket) {
  if (!socket.writable) return void socket.destroy(error);
  const [status, code, title]: [number, SocketErrorCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'Request Header Fields Too Large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'Request Timeout']
        : [400, 'malformed_request', 'Bad Request'];
  const body = JSON.stringify({ type: `https://domhub.dev/problems/${code}`, title, status, code, detail: title });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
