import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appealDetail } from '../../contracts/appeals.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requireOperator } from '../http/auth.js';
import { createFieldCipher } from '../identity/crypto.js';
import { readAppeal } from './service.js';

const idParams = z.object({ id: z.uuid() });

/** Operators read any appeal. Mounted at /api/v1/operator. */
export async function appealsOperatorRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cipher = createFieldCipher(deps.config.encryptionKeys);
  const tags = ['appeals'];

  r.get(
    '/appeals/:id',
    {
      schema: {
        tags,
        summary: 'Operators: one appeal with its form (the read is audited)',
        params: idParams,
        response: { 200: appealDetail, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const op = requireOperator(request);
      return withTransaction(deps.db, (tx) =>
        readAppeal(tx, cipher, { kind: 'operator', personId: op.personId }, request.params.id, request.ip),
      );
    },
  );
}
