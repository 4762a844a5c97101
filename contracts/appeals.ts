import { z } from 'zod';
import { fileInfo } from './tickets.js';

// API schemas of appeals (/api/v1/me/appeals…, /api/v1/org/appeals…); the typed forms themselves are
// src/appeals/forms.ts (they check Russian document numbers).

export const APPEAL_TYPES = [
  'owner_change',
  'debt_certificate',
  'overpayment_refund',
  'service_quality',
  'meter_event',
  'advance_discount',
  'payment_transfer',
  'benefits',
  'actual_readings',
  'complaint',
] as const;
export type AppealType = (typeof APPEAL_TYPES)[number];

export const APPEAL_STATUSES = ['submitted', 'in_review', 'returned', 'accepted', 'rejected', 'done'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const appealTypeInfo = z.object({
  type: z.enum(APPEAL_TYPES),
  title: z.string(),
  requiredAttachments: z.array(z.string()),
  optionalAttachments: z.array(z.string()),
});

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

export const myAppealFilter = z.object({ status: z.enum(APPEAL_STATUSES).optional() });

export const orgAppealFilter = z.object({
  status: z.enum(APPEAL_STATUSES).optional(),
  type: z.enum(APPEAL_TYPES).optional(),
  houseId: z.uuid().optional(),
});
