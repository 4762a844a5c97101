import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPEAL_TYPES, appealTypeInfo } from '../../contracts/appeals.js';
import type { AppDeps } from '../deps.js';
import { APPEAL_ATTACHMENTS, APPEAL_TITLES } from './forms.js';

/** What anyone may read about appeals: the types and their attachments. Mounted at /api/v1. */
export async function appealsPublicRoutes(app: FastifyInstance, _deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['appeals'];

  r.get(
    '/appeals/types',
    {
      schema: {
        tags,
        summary: 'The appeal types with their titles and attachment kinds',
        response: { 200: z.array(appealTypeInfo) },
      },
    },
    async () =>
      APPEAL_TYPES.map((type) => ({
        type,
        title: APPEAL_TITLES[type],
        requiredAttachments: APPEAL_ATTACHMENTS[type].required,
        optionalAttachments: APPEAL_ATTACHMENTS[type].optional,
      })),
  );
}
