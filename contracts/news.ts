import { z } from 'zod';

// API schemas of news and outage notices (/api/v1/me/news…, /api/v1/org/news…).

export const newsKind = z.enum(['common', 'emergency']);

/** Notices are few per house; a plain offset page is enough here. */
export const newsListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const myNewsQuery = newsListQuery.extend({
  unread: z.stringbool().optional(),
  kind: newsKind.optional(),
});

/** Where a notice is in its life, as its organisation sees it. */
export const NEWS_STATES = ['scheduled', 'live', 'ended', 'withdrawn'] as const;
export const newsState = z.enum(NEWS_STATES);

/** The organisation's notices page by (publishAt, id), newest first. */
export const orgNewsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  houseId: z.uuid().optional(),
  kind: newsKind.optional(),
  state: newsState.optional().describe('scheduled: not yet published; live; ended: expired; withdrawn'),
  active: z.stringbool().optional().describe('true: not yet ended or withdrawn (scheduled or live)'),
});

export const newsView = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    kind: newsKind.describe('emergency: outages and accidents'),
    title: z.string(),
    body: z.string(),
    publishAt: z.string(),
    expiresAt: z.string().nullable(),
    read: z.boolean().optional().describe('Residents: whether I have read it'),
    houseIds: z.array(z.uuid()).optional().describe('Organisations: the houses it is for'),
    readCount: z.number().int().optional().describe('Organisations: how many residents have read it'),
    state: newsState.optional().describe('Organisations: scheduled, live, ended or withdrawn'),
    notify: z.boolean().optional().describe("Organisations: e-mailed to the houses' residents at the publish time"),
    withdrawnAt: z.string().nullable().optional().describe('Organisations: when it was withdrawn'),
  })
  .meta({ id: 'News' });
export type NewsView = z.infer<typeof newsView>;

export const newsList = z.object({ items: z.array(newsView) });
export const orgNewsList = z.object({
  items: z.array(newsView),
  page: z.object({ nextCursor: z.string().nullable() }),
});

export const publishNewsBody = z
  .object({
    kind: newsKind.default('common'),
    title: z.string().trim().min(3).max(200),
    body: z.string().trim().min(1).max(10_000),
    houseIds: z.array(z.uuid()).min(1).max(1000),
    publishAt: z.iso.datetime({ offset: true }).optional().describe('Default: now'),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    notify: z.boolean().optional().describe('Email the residents; default true for emergency notices'),
  })
  .refine((b) => !b.expiresAt || new Date(b.expiresAt) > new Date(b.publishAt ?? Date.now()), {
    path: ['expiresAt'],
    message: 'must be after the publish time',
  });
