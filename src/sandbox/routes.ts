import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
import { forbidden } from '../errors.js';
import { sandboxEsiaRoutes } from './esia/routes.js';
import { listOutbox } from './outbox-mailer.js';
import { sandboxBankRoutes } from './bank/routes.js';
import { gisSimulatorRoutes } from './gis/simulator.js';

/**
 * The sandbox peers (identity provider, state-system simulator, bank simulator), mounted under
 * /sandbox only in sandbox mode and left out of the OpenAPI document.
 */
export async function sandboxRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  // The sandbox shows every one-time code (/sandbox/mail), signs anyone in (/sandbox/esia) and confirms
  // payments (/sandbox/bank): only this machine may use it, unless SANDBOX_ALLOW_REMOTE opens it.
  if (!deps.config.sandboxAllowRemote) {
    app.addHook('onRequest', async (request) => {
      if (!fromThisMachine(request.socket.remoteAddress, request.headers)) {
        throw forbidden(
          'The sandbox tools answer only on this machine (loopback); SANDBOX_ALLOW_REMOTE=true opens them to the network',
          'sandbox_loopback_only',
        );
      }
    });
  }
  app.get('/', async () => ({ peers: ['/sandbox/mail', '/sandbox/bank', '/sandbox/esia', '/sandbox/gis'] }));
  await app.register(sandboxBankRoutes, { ...deps, prefix: '/bank' });
  await app.register(gisSimulatorRoutes, { ...deps, prefix: '/gis' });
  // The mail the sandbox "sent": newest first, optionally for one address (?to=).
  app.get<{ Querystring: { to?: string } }>('/mail', async (request) => listOutbox(deps.db, request.query.to));
  await app.register(sandboxEsiaRoutes, { ...deps, prefix: '/esia' });
}

const isLoopback = (address: string) =>
  /^127\./.test(address) || address === '::1' || /^::ffff:127\./i.test(address) || address === 'localhost';

/**
 * The TCP peer is loopback and so is every address a proxy put in X-Forwarded-For / Forwarded (a
 * reverse proxy on this machine forwarding a remote client is not this machine). The socket is read,
 * not request.ip, so that TRUST_PROXY cannot be used to claim 127.0.0.1.
 */
function fromThisMachine(peer: string | undefined, headers: Record<string, string | string[] | undefined>): boolean {
  if (!peer || !isLoopback(peer)) return false;
  const forwarded = [headers['x-forwarded-for'], headers['x-real-ip'], headers.forwarded]
    .flat()
    .filter(Boolean) as string[];
  for (const value of forwarded) {
    for (const part of value.split(',')) {
      const address = part.includes('=') ? /for="?\[?([^\]";]+)/i.exec(part)?.[1] : part.trim();
      if (address && !isLoopback(address.replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1'))) return false;
    }
  }
  return true;
}
