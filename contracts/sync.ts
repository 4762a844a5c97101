import { z } from 'zod';
import { GIS_OPERATION_NAMES } from './gis/operations.js';

// Shapes of the organisation API of the state-system exchange (/api/v1/org/sync…).

export const SYNC_ITEM_STATUSES = ['pending', 'sending', 'sent', 'accepted', 'rejected', 'dead'] as const;
const status = z.enum(SYNC_ITEM_STATUSES);
const operation = z.enum(GIS_OPERATION_NAMES);

export const syncSummaryResponse = z.object({
  enabled: z.boolean(),
  operations: z.array(z.object({ operation: z.string(), counts: z.record(status, z.number().int()) })),
});

export const syncErrorHintView = z.object({
  title: z.string(),
  fix: z.string(),
  retry: z
    .enum(['now', 'after_fix', 'never'])
    .describe('now: the data is fine; after_fix: change it first; never: retrying cannot help'),
  fixAt: z.string().nullable().describe("The staff console's screen where the change is made"),
});

export const syncItem = z.object({
  id: z.uuid(),
  operation: z.string(),
  objectType: z.string(),
  objectId: z.uuid(),
  objectLabel: z
    .string()
    .nullable()
    .describe('What the object is in the organisation’s words: an account’s number, a meter’s serial number…'),
  objectPeriod: z.string().nullable().describe('The period of a reading or a payment document (YYYY-MM)'),
  revision: z.number().int(),
  transportGuid: z.uuid(),
  status,
  attempts: z.number().int(),
  resultGuid: z.string().nullable(),
  resultNumber: z.string().nullable(),
  errorCode: z.string().nullable().describe('State-system code such as INT002000, or exchange_failed for dead items'),
  errorText: z.string().nullable(),
  messageGuid: z.uuid().nullable().describe("The state system's MessageGUID of the message that carried it"),
  hint: syncErrorHintView
    .nullable()
    .describe('What to change before sending again, for a known error code (src/sync/gis/error-hints.ts)'),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const syncItemsQuery = z.object({
  operation: operation.optional(),
  status: status.optional(),
  problems: z.stringbool().optional().describe('true: rejected and dead items only (what needs the organisation)'),
  objectId: z.uuid().optional(),
  after: z.uuid().optional().describe('Cursor: the last item id of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const syncItemsResponse = z.object({ items: z.array(syncItem), next: z.uuid().nullable() });

export const syncRetryBody = z.object({
  itemIds: z.array(z.uuid()).min(1).max(1000).optional(),
  operation: operation.optional(),
  includeRejected: z
    .boolean()
    .default(false)
    .describe("Rejected items failed the state system's checks: fix the data first"),
});
export const syncRetryResponse = z.object({ requeued: z.number().int() });

export const syncSettings = z.object({ enabled: z.boolean() });
