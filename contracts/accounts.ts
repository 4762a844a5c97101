import { z } from 'zod';
import { bulkRowResultSchema } from './bulk.js';

// Schemas of the accounts API: personal accounts, linking them to people, shared access, registered residents.

export const linkRole = z.enum(['owner', 'co_owner', 'tenant', 'delegate', 'limited']);
/** 'limited' is a surname proof not yet confirmed by a second factor. */
export type LinkRole = z.infer<typeof linkRole>;
/** The roles an invitation can give. */
export const invitedRole = z.enum(['co_owner', 'tenant', 'delegate']);
export type InvitedRole = z.infer<typeof invitedRole>;
/** The roles the organisation can give when it approves a link request. */
export const linkRequestRole = z.enum(['owner', 'co_owner', 'tenant']);
export type LinkRequestRole = z.infer<typeof linkRequestRole>;
export type IdentifierKind = 'number' | 'unified_number' | 'service_id';

export const accountParams = z.object({ accountId: z.uuid() });
export const requestParams = z.object({ requestId: z.uuid() });
export const changeParams = z.object({ changeId: z.uuid() });

export const myAccount = z
  .object({
    accountId: z.uuid(),
    number: z.string(),
    unifiedNumber: z.string().nullable(),
    serviceId: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    role: linkRole,
    linkedAt: z.string(),
    house: z.object({ id: z.uuid(), fullAddress: z.string() }),
    premise: z.object({ id: z.uuid(), number: z.string() }).nullable(),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
  })
  .meta({ id: 'MyAccount' });

export const myAccounts = z.object({ currentAccountId: z.uuid().nullable(), items: z.array(myAccount) });
export const myAccountDetails = myAccount.extend({
  owners: z.array(z.object({ name: z.string(), share: z.string() })),
});

export const linkBody = z
  .object({
    houseId: z.uuid().describe('the house picked from GET /api/v1/registry/houses'),
    accountNumber: z.string().trim().min(1).max(30).optional(),
    unifiedNumber: z.string().trim().length(10).optional().describe('ЕЛС'),
    serviceId: z.string().trim().length(13).optional().describe('ИЖКУ'),
    proof: z.discriminatedUnion('method', [
      z.object({
        method: z.literal('surname'),
        surname: z.string().trim().min(1).max(100).describe("an owner's surname as recorded on the account"),
      }),
      z.object({
        method: z
          .literal('code')
          .describe(
            'a one-time code is mailed to the contact on file; confirm it at /api/v1/me/account-link-requests/{id}/confirm',
          ),
      }),
      z.object({ method: z.literal('organisation'), comment: z.string().trim().max(1000).optional() }),
    ]),
  })
  .refine((b) => [b.accountNumber, b.unifiedNumber, b.serviceId].filter(Boolean).length === 1, {
    message: 'give exactly one of accountNumber, unifiedNumber, serviceId',
    path: ['accountNumber'],
  });

export const linkResult = z.object({
  status: z.enum(['linked', 'code_sent', 'pending']),
  accountId: z.uuid().optional(),
  linkId: z.uuid().optional(),
  role: linkRole
    .optional()
    .describe(
      '`limited` after a surname proof: charges and readings only, until a code or the organisation confirms it',
    ),
  requestId: z.uuid().optional(),
  expiresAt: z.string().optional(),
  message: z.string(),
});

export const linkCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits'),
});

export const myLinkRequests = z.object({
  items: z.array(
    z.object({
      requestId: z.uuid(),
      method: z.enum(['code', 'organisation']),
      status: z.string(),
      identifierKind: z.string(),
      identifier: z.string(),
      address: z.string(),
      createdAt: z.string(),
      expiresAt: z.string(),
      decisionReason: z.string().nullable(),
    }),
  ),
});

export const currentAccountBody = z.object({ accountId: z.uuid() });
export const currentAccount = z.object({ currentAccountId: z.uuid() });

export const invitationParams = accountParams.extend({ invitationId: z.uuid() });
export const invitationBody = z.object({
  role: invitedRole,
  email: z.email().optional(),
  note: z.string().max(500).optional(),
});
export const invitationCreated = z.object({
  invitationId: z.uuid(),
  code: z.string(),
  link: z.string(),
  role: z.string(),
  expiresAt: z.string(),
});
export const invitationAcceptBody = z.object({ code: z.string().trim().min(8).max(40) });
export const invitationAccepted = z.object({ accountId: z.uuid(), linkId: z.uuid(), role: linkRole });

export const accessList = z.object({
  links: z.array(
    z.object({
      linkId: z.uuid(),
      personId: z.uuid(),
      name: z.string(),
      role: linkRole,
      grantedBy: z.uuid().nullable(),
      since: z.string(),
      isYou: z.boolean(),
    }),
  ),
  invitations: z.array(
    z.object({
      invitationId: z.uuid(),
      role: z.string(),
      email: z.string().nullable(),
      createdAt: z.string(),
      expiresAt: z.string(),
      status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
    }),
  ),
});
export const accessParams = accountParams.extend({ linkId: z.uuid() });

export const residentChangeStatus = z.enum(['pending', 'confirmed', 'rejected']);
export type ResidentChangeStatus = z.infer<typeof residentChangeStatus>;
export type ResidentChangeSource = 'resident' | 'organisation';

export const residentChange = z.object({
  changeId: z.uuid(),
  count: z.number().int(),
  reason: z.string(),
  source: z.enum(['resident', 'organisation']),
  status: residentChangeStatus,
  effectivePeriod: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const accountResidents = z.object({
  period: z.string(),
  current: z.number().nullable(),
  history: z.array(residentChange),
});
export const residentRequestBody = z.object({
  count: z.number().int().min(0).max(100),
  reason: z.string().trim().min(3).max(1000),
});

/** A refusal by the organisation, with its reason. */
export const reasonBody = z.object({ reason: z.string().trim().min(3).max(1000) });

export const accountsUpserted = z.object({
  summary: z.object({
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
  }),
  results: z.array(bulkRowResultSchema),
});

/** The console's queues page by an opaque cursor, oldest first. */
const queuePage = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
  houseId: z.uuid().optional(),
};
const nextPage = z.object({ nextCursor: z.string().nullable() });

export const organisationLinkRequestsQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  ...queuePage,
});
export const organisationLinkRequests = z.object({
  items: z.array(
    z.object({
      requestId: z.uuid(),
      status: z.string(),
      houseId: z.uuid(),
      address: z.string(),
      identifierKind: z.string(),
      identifier: z.string(),
      matchedAccountId: z.uuid().nullable(),
      matchedAccountNumber: z.string().nullable(),
      premise: z.string().nullable().describe("The matched account's premise (flat) number"),
      person: z.object({
        lastName: z.string().nullable(),
        firstName: z.string().nullable(),
        middleName: z.string().nullable(),
        email: z.string().nullable(),
      }),
      role: linkRequestRole.describe('The role the person asked for'),
      comment: z.string().nullable(),
      createdAt: z.string(),
      expiresAt: z.string(),
    }),
  ),
  page: nextPage,
});
export const linkRequestApproveBody = z.object({
  accountId: z.uuid().optional(),
  role: linkRequestRole.optional(),
});
export const linkRequestDecided = z.object({
  requestId: z.uuid(),
  status: z.enum(['approved', 'rejected']),
  accountId: z.uuid().nullable(),
});

export const residentChangesQuery = z.object({ status: residentChangeStatus.default('pending'), ...queuePage });
export const organisationResidentChanges = z.object({
  items: z.array(
    residentChange.extend({
      accountId: z.uuid(),
      accountNumber: z.string(),
      address: z.string(),
      premise: z.string().nullable().describe("The account's premise (flat) number"),
    }),
  ),
  page: nextPage,
});
