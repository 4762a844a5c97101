import { existsSync } from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyBaseLogger, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { createPrerender } from './prerender.js';

/** Paths the cabinet never answers: their unknown routes stay 404 problems. */
const NOT_THE_CABINET = /^\/(api|auth|sandbox|oauth|docs)(\/|$)/;
/** A path that names a file (`/assets/x.js`, `/favicon.ico`): a missing one is a 404, not the app. */
const FILE_LIKE = /\/[^/]+\.[a-z0-9]+$/i;
const HTML = 'text/html; charset=utf-8';
/** Fastify's maxParamLength: a longer segment fails every parametric route and falls through to `/*`. */
const MAX_PARAM_LENGTH = 100;

/**
 * The resident cabinet (web/dist, built by Vite) at `/`: hashed assets cached for a year, everything
 * else (index.html, sw.js, manifest) revalidated on each use, a strict CSP with no inline script, and
 * index.html for client-side routes asked for by a browser (Accept: text/html), with the first screens
 * prerendered for a signed-in person (prerender.ts). Encapsulated, so its
 * CSP does not reach /docs or the sandbox pages.
 */
export const webRoutes: FastifyPluginAsync<{ config: Config; log: FastifyBaseLogger }> = async (app, deps) => {
  const root = deps.config.webDir;
  if (!existsSync(path.join(root, 'index.html'))) {
    deps.log.warn({ root }, 'the resident cabinet is not built (npm run build:web); / answers 404');
    return;
  }
  const https = deps.config.publicUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // The bank's card form is another origin reached by navigation; nothing here is embedded cross-origin.
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: https,
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders(res, filePath) {
      const immutable = filePath.startsWith(path.join(root, 'assets') + path.sep);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const prerender = createPrerender(app, root, deps.log);
  const index = async (request: FastifyRequest, reply: FastifyReply) => {
    const page = await prerender?.(request);
    // A prerendered page carries the person's data: this browser's only, and never stored.
    if (page) return reply.header('cache-control', 'private, no-store').header('vary', 'cookie').type(HTML).send(page);
    return reply.header('cache-control', 'no-cache').type(HTML).sendFile('index.html');
  };
  app.get('/', { schema: { hide: true } }, index);
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0]!;
    // Browsers navigating ask for text/html; API clients and probes of unknown paths keep the 404 problem.
    const wantsPage = String(request.headers.accept ?? '').includes('text/html');
    // Without this wildcard the router answers such a path 414 itself; keep that answer for the API.
    if (NOT_THE_CABINET.test(url) && url.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) {
      throw new AppError(414, 'uri_too_long', 'A path parameter is longer than any this API accepts');
    }
    if (!wantsPage || NOT_THE_CABINET.test(url) || FILE_LIKE.test(url)) return reply.callNotFound();
    return index(request, reply);
  });
};
