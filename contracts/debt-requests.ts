import { z } from 'zod';
import { bulkRowResultSchema } from './bulk.js';
import { nonNegativeKopecks } from './billing.js';

// API schemas of debt requests (/api/v1/org/debt-requests…) and the organisation's court decisions
// (/api/v1/org/court-decisions…). Social-protection bodies ask through the state system whether a
// person has court-confirmed debt for housing and utilities (housing subsidies); the organisation answers
// within 5 working days, or the state system answers "no debt" itself and marks the answer overdue.

export const DEBT_REQUEST_STATUSES = ['new', 'queued', 'sent', 'rejected', 'auto_answered'] as const;
export type DebtRequestStatus = (typeof DEBT_REQUEST_STATUSES)[number];

const isoDate = z.iso.date();

export const debtorSchema = z.object({
  lastName: z.string().trim().min(1).max(255),
  firstName: z.string().trim().min(1).max(255),
  middleName: z.string().trim().max(255).optional(),
});

export const debtAnswer = z
  .object({
    hasDebt: z.boolean().describe('Court-confirmed debt for housing and utilities in the period'),
    debtors: z.array(debtorSchema).max(50).default([]).describe('With hasDebt: the people the court decisions name'),
    description: z.string().trim().max(1000).optional(),
  })
  .meta({ id: 'DebtAnswer' });
export type DebtAnswer = z.infer<typeof debtAnswer>;

export const debtProposal = debtAnswer
  .extend({
    basis: z
      .array(
        z.object({
          accountId: z.uuid(),
          accountNumber: z.string(),
          caseNumber: z.string(),
          decidedOn: isoDate,
          amount: nonNegativeKopecks.describe('Confirmed by the court, kopecks'),
          ledgerDebt: z.string().describe("The account's debt in the ledger now, kopecks (negative: advance)"),
        }),
      )
      .describe('The court decisions and ledger balances the proposal rests on'),
  })
  .meta({ id: 'DebtProposal' });
export type DebtProposal = z.infer<typeof debtProposal>;

export const debtRequestView = z
  .object({
    id: z.uuid(),
    requestNumber: z.string(),
    requester: z.string().describe('The social-protection body asking'),
    address: z.string(),
    houseId: z.uuid().nullable(),
    premiseId: z.uuid().nullable(),
    periodFrom: isoDate,
    periodTo: isoDate,
    sentOn: isoDate,
    dueOn: isoDate.describe('5 working days after sending, on the production calendar'),
    stateSystemDueOn: isoDate.nullable(),
    status: z
      .enum(DEBT_REQUEST_STATUSES)
      .describe(
        'new: awaiting staff; queued: confirmed, on its way; sent: the state system took it; rejected: refused, confirm again; auto_answered: the state system answered "no debt" after the deadline',
      ),
    overdue: z
      .boolean()
      .describe('Past its deadline without an answer, answered late, or answered by the state system'),
    proposal: debtProposal,
    answer: debtAnswer.nullable(),
    answeredAt: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'DebtRequest' });
export type DebtRequestView = z.infer<typeof debtRequestView>;

export const debtRequestList = z.object({
  items: z.array(debtRequestView),
  overdue: z.number().int().describe('Overdue requests of the organisation (any filter)'),
});

export const debtRequestFilter = z.object({
  status: z.enum(DEBT_REQUEST_STATUSES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const courtDecisionBody = z.object({
  accountId: z.uuid(),
  caseNumber: z.string().trim().min(1).max(100).describe('Номер дела'),
  decidedOn: isoDate.describe('Date of the decision'),
  amount: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'positive kopecks as a string of digits')
    .describe('Debt confirmed by the court, kopecks (more than zero)'),
  debtor: debtorSchema,
  repaidOn: isoDate.optional().describe('The debt was repaid (the decision no longer counts)'),
});

export const courtDecisionView = courtDecisionBody
  .extend({ id: z.uuid(), accountNumber: z.string(), repaidOn: isoDate.nullable(), createdAt: z.string() })
  .meta({ id: 'CourtDecision' });

export const courtDecisionList = z.object({ items: z.array(courtDecisionView) });
export const courtDecisionFilter = z.object({ accountId: z.uuid().optional() });

export const courtDecisionImport = z.object({
  items: z
    .array(courtDecisionBody.omit({ accountId: true }).extend({ accountNumber: z.string().min(1).max(30) }))
    .min(1)
    .max(1000),
});
export const courtDecisionImportResult = z.object({ results: z.array(bulkRowResultSchema) });

export const executorSettings = z.object({
  executorGuid: z
    .uuid()
    .nullable()
    .describe(
      "The employee the state system knows as the organisation's executor: answers to appeals and debt requests go in their name",
    ),
});
