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

export const APPEAL_SOURCES = ['hub', 'state_system'] as const;

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
    source: z
      .enum(APPEAL_SOURCES)
      .describe('hub: filed in the cabinet; state_system: filed in ГИС ЖКХ or Госуслуги.Дом, answered back there'),
    stateSystemNumber: z.string().nullable().describe("The appeal's number in the state system"),
    dueOn: z.string().nullable().describe("The answer is due by this date (the organisation's term in working days)"),
    dueAt: z
      .string()
      .nullable()
      .describe(
        "When the organisation's answer is due (its days for the type, GET /api/v1/org/appeals/deadlines; a state-system appeal's dueOn); null once not owed",
      ),
    applicantName: z
      .string()
      .nullable()
      .describe("The author's name (surname first) for the queue; null for an appeal from the state system"),
    accountNumber: z.string().nullable().describe("The account's number (null for a complaint about a house)"),
    premiseNumber: z.string().nullable().describe("The flat of the appeal's account"),
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
    stateSystemAnswers: z
      .array(
        z.object({
          text: z.string(),
          status: z
            .enum(['queued', 'accepted', 'rejected'])
            .describe('queued: on its way; accepted: the state system took it'),
          createdAt: z.string(),
          acknowledgedAt: z.string().nullable(),
        }),
      )
      .describe('Answers sent back to the state system (state-system appeals only)'),
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
  source: z.enum(APPEAL_SOURCES).optional(),
  status: z.enum(APPEAL_STATUSES).optional(),
  type: z.enum(APPEAL_TYPES).optional(),
  houseId: z.uuid().optional(),
  overdue: z.stringbool().optional().describe('true: only appeals whose answer is overdue'),
});

/** Days to answer each appeal type: the organisation's own or the default. */
export const appealDeadlines = z
  .object({
    deadlines: z.array(
      z.object({
        type: z.enum(APPEAL_TYPES),
        title: z.string(),
        days: z.number().int(),
        defaultDays: z.number().int(),
        custom: z.boolean().describe('Set by the organisation (false: the default applies)'),
      }),
    ),
  })
  .meta({ id: 'AppealDeadlines' });

export const appealDeadlinesBody = z.object({
  deadlines: z
    .array(
      z.object({
        type: z.enum(APPEAL_TYPES),
        days: z.number().int().min(1).max(90).nullable().describe('Calendar days from submission; null: the default'),
      }),
    )
    .min(1)
    .max(APPEAL_TYPES.length)
    .refine((list) => new Set(list.map((d) => d.type)).size === list.length, { message: 'types repeat' }),
});

export const appealSettings = z.object({
  answerWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(60)
    .describe(
      'Working days (production calendar) to answer an appeal from the state system; its own term wins if sooner',
    ),
});
