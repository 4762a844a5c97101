import { z } from 'zod';
import { fileInfo } from '../tickets/attachments.js';
import { APPEAL_TYPES } from './forms.js';
import { APPEAL_STATUSES } from './status.js';

export const appealSummary = z
  .object({
    id: z.uuid(),
    number: z.string(),
    type: z.enum(APPEAL_TYPES),
    typeTitle: z.string(),
    status: z.enum(APPEAL_STATUSES),
    organisationId: z.uuid().describe('The addressee'),
    accountId: z.uuid().nullable(),
    houseId: z.uuid().nullable(),
    revision: z.number().int().describe('Grows each time the resident resubmits after rework'),
    submittedAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'AppealSummary' });

export const appealDetail = appealSummary
  .extend({
    form: z
      .record(z.string(), z.unknown())
      .describe('The submitted form (AppealForm); personal data, every read is audited'),
    files: z.array(fileInfo.extend({ kind: z.string(), authorSide: z.enum(['resident', 'organisation', 'system']) })),
    events: z.array(
      z.object({
        fromStatus: z.enum(APPEAL_STATUSES).nullable(),
        toStatus: z.enum(APPEAL_STATUSES).nullable(),
        message: z.string().nullable(),
        authorSide: z.enum(['resident', 'organisation', 'system']),
        createdAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'AppealDetail' });

export type AppealSummary = z.infer<typeof appealSummary>;
export type AppealDetail = z.infer<typeof appealDetail>;

export const appealTransitionBody = z.object({
  status: z.enum(APPEAL_STATUSES),
  message: z.string().trim().min(1).max(8000).optional().describe('Required when returning for rework or rejecting'),
  fileIds: z
    .array(z.uuid())
    .max(20)
    .default([])
    .describe('Answer files uploaded through POST /api/v1/org/appeals/files'),
});
export type AppealTransition = z.infer<typeof appealTransitionBody>;

export const appealAnswerBody = z.object({
  message: z.string().trim().min(1).max(8000),
  fileIds: z.array(z.uuid()).max(20).default([]),
});
