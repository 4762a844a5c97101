import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';
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
  app.get('/', async () => ({ peers: ['/sandbox/mail', '/sandbox/bank', '/sandbox/esia', '/sandbox/gis'] }));
  await app.register(sandboxBankRoutes, { ...deps, prefix: '/bank' });
  await app.register(gisSimulatorRoutes, { ...deps, prefix: '/gis' });
  // The mail the sandbox "sent": newest first, optionally for one address (?to=).
  app.get<{ Querystring: { to?: string } }>('/mail', async (request) => listOutbox(deps.db, request.query.to));
  await app.register(sandboxEsiaRoutes, { ...deps, prefix: '/esia' });
}
