import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.js';

/**
 * The sandbox peers (identity provider, state-system simulator, bank simulator), mounted under
 * /sandbox only in sandbox mode and left out of the OpenAPI document.
 */
export async function sandboxRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.get('/', async () => ({ peers: [] as string[] }));
}
