import { z } from 'zod';

// API schemas of maintenance requests (/api/v1/me/tickets…, /api/v1/org/tickets…) and of attached files.

export const TICKET_STATUSES = ['new', 'in_progress', 'done', 'rejected'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** How an attached file is shown in API answers (its bytes come from the owner's download route). */
/** How a stored file is sent: a download (default), or shown in the browser (`inline=true`, images and PDF only). */
export const fileDisposition = z.object({
  inline: z.stringbool().optional().describe('true: shown in the browser when it is an image or a PDF'),
});

export const fileInfo = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type FileInfo = z.infer<typeof fileInfo>;

export const uploadedFiles = z.object({ files: z.array(fileInfo) });

export const TICKET_CATEGORIES = [
  'plumbing',
  'sewerage',
  'heating',
  'electricity',
  'gas',
  'elevator',
  'intercom',
  'roof',
  'facade',
  'cleaning',
  'waste',
  'yard',
  'pests',
  'other',
] as const;

/** A Russian phone number in any common spelling → +7XXXXXXXXXX. */
export const russianPhone = z
  .string()
  .max(30)
  .transform((s) => s.replace(/[\s()-]/g, ''))
  .refine((s) => /^(\+7|8|7)\d{10}$/.test(s), { message: 'expected a Russian phone number, e.g. +7 900 123-45-67' })
  .transform((s) => `+7${s.slice(-10)}`);

export const ticketCreateBody = z.object({
  accountId: z.uuid().describe('The account whose premise or house the request is about'),
  visibility: z
    .enum(['own', 'house'])
    .default('own')
    .describe('`house`: common property, seen by every resident of the house'),
  category: z.enum(TICKET_CATEGORIES),
  emergency: z.boolean().default(false),
  text: z.string().trim().min(3).max(4000),
  contactPhone: russianPhone,
  photoIds: z.array(z.uuid()).max(10).default([]).describe('Ids from POST /api/v1/me/tickets/files'),
});
export type TicketCreateInput = z.infer<typeof ticketCreateBody>;

export const ticketEvent = z.object({
  kind: z.enum(['status', 'comment']),
  fromStatus: z.enum(TICKET_STATUSES).nullable(),
  toStatus: z.enum(TICKET_STATUSES).nullable(),
  body: z.string().nullable(),
  authorSide: z.enum(['resident', 'organisation']),
  createdAt: z.string(),
});

export const ticketView = z
  .object({
    id: z.uuid(),
    number: z.string(),
    houseId: z.uuid(),
    accountId: z.uuid().nullable(),
    visibility: z.enum(['own', 'house']),
    category: z.enum(TICKET_CATEGORIES).or(z.string()),
    emergency: z.boolean(),
    text: z.string(),
    status: z.enum(TICKET_STATUSES),
    mine: z.boolean().describe('Whether the caller wrote it (residents only)'),
    contactPhone: z.string().nullable().describe('Shown to the author and to the organisation only'),
    assignee: z.string().nullable(),
    deadline: z.string().nullable(),
    resolution: z.string().nullable(),
    closedAt: z.string().nullable(),
    reopenedCount: z.number().int(),
    rating: z
      .object({ score: z.number().int().min(1).max(5), comment: z.string().nullable(), ratedAt: z.string() })
      .nullable()
      .describe("The author's rating of the work after the last closing (reopening clears it)"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Ticket' });

export const ticketDetail = ticketView
  .extend({ files: z.array(fileInfo), events: z.array(ticketEvent) })
  .meta({ id: 'TicketDetail' });

export type TicketView = z.infer<typeof ticketView>;
export type TicketDetail = z.infer<typeof ticketDetail>;

export const ticketStaffPatch = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    assignee: z.string().trim().min(1).max(200).nullable().optional(),
    deadline: z.iso.datetime({ offset: true }).nullable().optional(),
    resolution: z.string().trim().min(1).max(4000).nullable().optional(),
    comment: z.string().trim().min(1).max(4000).optional().describe('Added to the history with the change'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type TicketStaffPatch = z.infer<typeof ticketStaffPatch>;

export const commentBody = z.object({ body: z.string().trim().min(1).max(4000) });

export const reopenBody = z.object({ reason: z.string().trim().min(3).max(4000) });

/** The resident's list filters (with the page query). */
export const myTicketFilter = z.object({
  scope: z.enum(['own', 'house', 'all']).default('all'),
  status: z.enum(TICKET_STATUSES).optional(),
});

/** The organisation's queue filters (with the page query). */
export const orgTicketFilter = z.object({
  houseId: z.uuid().optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  open: z.stringbool().optional().describe('true: new and in progress only'),
  category: z.enum(TICKET_CATEGORIES).optional(),
  emergency: z.stringbool().optional(),
  assignee: z.string().max(200).optional(),
  overdue: z.stringbool().optional().describe('true: past the deadline and not closed'),
});

export const ratingsQuery = z.object({
  houseId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('rated at or after'),
  to: z.iso.datetime({ offset: true }).optional().describe('rated before'),
});

export const ratingBody = z.object({
  score: z.number().int().min(1).max(5).describe('1 (bad) … 5 (excellent)'),
  comment: z.string().trim().max(2000).optional(),
});

export const ratingAverages = z.object({
  items: z.array(
    z.object({ category: z.string(), count: z.number().int(), average: z.string().describe('e.g. "4.50"') }),
  ),
});

/** The hub's default deadlines of a category where the organisation set none. */
export const DEFAULT_TICKET_DEADLINE = { emergencyHours: 24, regularDays: 5 } as const;

const deadlineSetting = z.object({
  category: z.enum(TICKET_CATEGORIES),
  emergencyHours: z.number().int().min(1).max(720).describe('An emergency request of the category: hours to do it'),
  regularDays: z.number().int().min(1).max(365).describe('Any other request of the category: calendar days'),
});

export const ticketDeadlines = z
  .object({
    items: z.array(deadlineSetting.extend({ custom: z.boolean().describe("false: the hub's default") })),
  })
  .meta({ id: 'TicketDeadlines' });

export const ticketDeadlinesBody = z.object({
  items: z
    .array(deadlineSetting)
    .max(TICKET_CATEGORIES.length)
    .refine((items) => new Set(items.map((i) => i.category)).size === items.length, {
      message: 'each category once',
    })
    .describe('The categories to set; the others keep theirs'),
});

/** Counts per status of the queue under the same filters (the board's columns). */
/** A board column counts up to this many requests; past it the console shows «10000+». */
export const TICKET_COUNT_CAP = 10_000;

export const ticketStatusCounts = z.object({
  items: z.array(
    z.object({
      status: z.enum(TICKET_STATUSES),
      count: z.number().int(),
      capped: z
        .boolean()
        .describe(`The column holds at least \`count\` (${TICKET_COUNT_CAP}) requests: counting stopped there`),
    }),
  ),
});

export const ticketAssignees = z.object({
  items: z.array(z.object({ assignee: z.string(), open: z.number().int().describe('Open requests assigned') })),
});
