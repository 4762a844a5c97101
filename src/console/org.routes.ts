import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { orgSummary } from '../../contracts/console.js';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { forbidden } from '../errors.js';
import { requirePermission } from '../http/auth.js';
import { organisationSummary } from './summary.js';

/** The staff console's own reads. Mounted at /api/v1/org. */
export async function consoleOrgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/summary',
    {
      schema: {
        tags: ['console'],
        summary:
          "What needs the organisation's action, counted: new and overdue requests, appeals, link requests, meter registrations, resident changes, state-system refusals, pending payments (staff only; the counts of what their permissions let them act on)",
        security: [{ session: [] }],
        response: { 200: orgSummary, ...problems(401, 403) },
      },
    },
    async (request) => {
      const p = request.principal;
      if (p?.kind === 'api_client') throw forbidden("The console's summary is for staff sessions", 'staff_only');
      const actor = requirePermission(request, 'console.view');
      const membership =
        p?.kind === 'person' ? p.staff.find((s) => s.organisationId === actor.organisationId) : undefined;
      return {
        items: await organisationSummary(
          deps.db,
          actor.organisationId,
          membership?.permissions ?? [],
          actor.houseIds ?? null,
        ),
      };
    },
  );
}
