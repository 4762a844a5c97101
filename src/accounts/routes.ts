import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems } from '../../contracts/problem.js';
import type { AppDeps } from '../deps.js';
import { requireOrg, requirePerson } from '../http/auth.js';
import { requireAccountAccess } from './access.js';
import {
  confirmLinkCode,
  decideLinkRequest,
  linkBySurname,
  listOrganisationLinkRequests,
  listPersonLinkRequests,
  requestLinkCode,
  requestOrganisationApproval,
  type LinkAttempt,
} from './linking.js';
import { accountInput, upsertOrganisationAccounts } from './org-import.js';
import { decideResidentChange, listResidentChanges, requestResidentCount, residentHistory } from './residents.js';
import { shortName } from './rules.js';
import {
  acceptInvitation,
  createInvitation,
  listAccess,
  listMyAccounts,
  revokeAccess,
  revokeInvitation,
  setCurrentAccount,
  unlinkAccount,
} from './sharing.js';

const role = z.enum(['owner', 'co_owner', 'tenant', 'delegate', 'limited']);
const accountParams = z.object({ accountId: z.uuid() });
const security = (...labels: string[]): { [label: string]: string[] }[] => labels.map((l) => ({ [l]: [] }));
const me = { tags: ['accounts'], security: security('session') };
const org = { tags: ['accounts'], security: security('apiKey', 'session') };

const myAccount = z
  .object({
    accountId: z.uuid(),
    number: z.string(),
    unifiedNumber: z.string().nullable(),
    serviceId: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    role,
    linkedAt: z.string(),
    house: z.object({ id: z.uuid(), fullAddress: z.string() }),
    premise: z.object({ id: z.uuid(), number: z.string() }).nullable(),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
  })
  .meta({ id: 'MyAccount' });

const linkBody = z
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

const linkResult = z.object({
  status: z.enum(['linked', 'code_sent', 'pending']),
  accountId: z.uuid().optional(),
  linkId: z.uuid().optional(),
  role: role
    .optional()
    .describe(
      '`limited` after a surname proof: charges and readings only, until a code or the organisation confirms it',
    ),
  requestId: z.uuid().optional(),
  expiresAt: z.string().optional(),
  message: z.string(),
});

const rowResult = z.object({
  index: z.number().int(),
  key: z.string().nullable(),
  status: z.enum(['created', 'updated', 'unchanged', 'rejected']),
  id: z.uuid().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const residentChange = z.object({
  changeId: z.uuid(),
  count: z.number().int(),
  reason: z.string(),
  source: z.enum(['resident', 'organisation']),
  status: z.enum(['pending', 'confirmed', 'rejected']),
  effectivePeriod: z.string().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export async function accountsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const policy = deps.config.accountLinking;

  r.post(
    '/api/v1/org/accounts',
    {
      schema: {
        ...org,
        summary:
          'Upsert personal accounts in bulk (by number): ЕЛС, ИЖКУ, house, premise, owners and shares, status; a result per row',
        body: z.object({
          accounts: z
            .array(accountInput.or(z.unknown()))
            .min(1)
            .max(1000)
            .describe('AccountInput rows; each is validated on its own'),
        }),
        response: {
          200: z.object({
            summary: z.object({
              created: z.number(),
              updated: z.number(),
              unchanged: z.number(),
              rejected: z.number(),
            }),
            results: z.array(rowResult),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'accounts:write', ['admin', 'accountant']);
      const results = await upsertOrganisationAccounts(deps.db, actor, request.body.accounts as unknown[]);
      const summary = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
      for (const row of results) summary[row.status]++;
      return { summary, results };
    },
  );

  r.get(
    '/api/v1/me/accounts',
    {
      schema: {
        ...me,
        summary: 'My linked accounts and the current one',
        response: {
          200: z.object({ currentAccountId: z.uuid().nullable(), items: z.array(myAccount) }),
          ...problems(401),
        },
      },
    },
    async (request) => listMyAccounts(deps.db, requirePerson(request).personId),
  );

  r.post(
    '/api/v1/me/accounts',
    {
      schema: {
        ...me,
        summary:
          "Link an account: house + number (or ЕЛС / ИЖКУ) + proof (owner's surname, one-time code, or the organisation's approval)",
        description:
          'An unknown account and a wrong surname get the same 404 `account_not_found`. The surname proof gives a `limited` ' +
          "link (charges and readings; no access list, invitations, debt certificate or owner's rights) until the code to the " +
          "contact on file (`proof.method: code`) or the organisation's approval confirms it. The account's other holders are " +
          'e-mailed about every new link. Failed proofs lock the person, and the person on that account (429 `link_locked`); ' +
          'never the account for everyone.',
        body: linkBody,
        response: { 201: linkResult, 202: linkResult, ...problems(400, 401, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const person = requirePerson(request);
      const b = request.body;
      const identifier: LinkAttempt['identifier'] = b.accountNumber
        ? { kind: 'number', value: b.accountNumber }
        : b.unifiedNumber
          ? { kind: 'unified_number', value: b.unifiedNumber }
          : { kind: 'service_id', value: b.serviceId! };
      const attempt: LinkAttempt = { personId: person.personId, houseId: b.houseId, identifier, ip: request.ip };
      if (b.proof.method === 'surname') {
        const linked = await linkBySurname(deps.db, deps.enqueue, attempt, b.proof.surname, policy);
        return reply.status(201).send({
          status: 'linked',
          ...linked,
          message:
            'The account is linked with limited access (charges, readings); confirm it with the code sent to the contact ' +
            "on file or the organisation's approval to act as its owner",
        });
      }
      if (b.proof.method === 'code') {
        const sent = await requestLinkCode(deps.db, deps.enqueue, attempt, policy);
        return reply.status(202).send({
          status: 'code_sent',
          ...sent,
          message:
            'If the account has a contact on file, a one-time code was sent to it; confirm it to link the account',
        });
      }
      const pending = await requestOrganisationApproval(deps.db, attempt, b.proof.comment, policy);
      return reply
        .status(202)
        .send({ status: 'pending', ...pending, message: 'The request was sent to the managing organisation' });
    },
  );

  r.post(
    '/api/v1/me/account-link-requests/:requestId/confirm',
    {
      schema: {
        ...me,
        summary: 'Confirm a link with the one-time code',
        params: z.object({ requestId: z.uuid() }),
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, 'six digits'),
        }),
        response: { 201: linkResult, ...problems(400, 401, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const person = requirePerson(request);
      const linked = await confirmLinkCode(
        deps.db,
        deps.enqueue,
        person.personId,
        request.params.requestId,
        request.body.code,
        policy,
        request.ip,
      );
      return reply.status(201).send({ status: 'linked', ...linked, message: 'The account is linked' });
    },
  );

  r.get(
    '/api/v1/me/account-link-requests',
    {
      schema: {
        ...me,
        summary: 'My requests to link accounts (codes sent, waiting for the organisation, decided)',
        response: {
          200: z.object({
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
          }),
          ...problems(401),
        },
      },
    },
    async (request) => ({ items: await listPersonLinkRequests(deps.db, requirePerson(request).personId) }),
  );

  r.put(
    '/api/v1/me/accounts/current',
    {
      schema: {
        ...me,
        summary: 'Switch the current account',
        body: z.object({ accountId: z.uuid() }),
        response: { 200: z.object({ currentAccountId: z.uuid() }), ...problems(400, 401, 404) },
      },
    },
    async (request) => setCurrentAccount(deps.db, requirePerson(request).personId, request.body.accountId),
  );

  r.get(
    '/api/v1/me/accounts/:accountId',
    {
      schema: {
        ...me,
        summary: 'One of my accounts: address, premise, my role, owners',
        params: accountParams,
        response: {
          200: myAccount.extend({ owners: z.array(z.object({ name: z.string(), share: z.string() })) }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => {
      const person = requirePerson(request);
      await requireAccountAccess(deps.db, person.personId, request.params.accountId);
      const mine = (await listMyAccounts(deps.db, person.personId)).items.find(
        (a) => a.accountId === request.params.accountId,
      )!;
      const { rows } = await deps.db.query(
        `SELECT last_name, first_name, middle_name, share_numerator, share_denominator FROM account_owners WHERE account_id = $1 ORDER BY last_name`,
        [request.params.accountId],
      );
      return {
        ...mine,
        owners: rows.map((o) => ({
          name: shortName(o.last_name, o.first_name, o.middle_name),
          share: `${o.share_numerator}/${o.share_denominator}`,
        })),
      };
    },
  );

  r.delete(
    '/api/v1/me/accounts/:accountId',
    {
      schema: {
        ...me,
        summary: 'Unlink an account from me',
        params: accountParams,
        response: { 204: z.null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await unlinkAccount(deps.db, requirePerson(request).personId, request.params.accountId, request.ip);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/me/accounts/:accountId/invitations',
    {
      schema: {
        ...me,
        summary:
          'Invite a co-owner, tenant or delegate by code or link (owners; co-owners invite tenants and delegates)',
        params: accountParams,
        body: z.object({
          role: z.enum(['co_owner', 'tenant', 'delegate']),
          email: z.email().optional(),
          note: z.string().max(500).optional(),
        }),
        response: {
          201: z.object({
            invitationId: z.uuid(),
            code: z.string(),
            link: z.string(),
            role: z.string(),
            expiresAt: z.string(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const person = requirePerson(request);
      const created = await createInvitation(deps.db, deps.enqueue, {
        personId: person.personId,
        accountId: request.params.accountId,
        ...request.body,
        days: policy.invitationDays,
        publicUrl: deps.config.publicUrl,
      });
      return reply.status(201).send(created);
    },
  );

  r.delete(
    '/api/v1/me/accounts/:accountId/invitations/:invitationId',
    {
      schema: {
        ...me,
        summary: 'Withdraw an invitation not yet accepted',
        params: accountParams.extend({ invitationId: z.uuid() }),
        response: { 204: z.null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await revokeInvitation(
        deps.db,
        requirePerson(request).personId,
        request.params.accountId,
        request.params.invitationId,
      );
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/v1/me/invitations/accept',
    {
      schema: {
        ...me,
        summary: 'Accept an invitation by its code (single use)',
        body: z.object({ code: z.string().trim().min(8).max(40) }),
        response: {
          201: z.object({ accountId: z.uuid(), linkId: z.uuid(), role }),
          ...problems(400, 401, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(deps.db, requirePerson(request).personId, request.body.code, request.ip);
      return reply.status(201).send(accepted);
    },
  );

  r.get(
    '/api/v1/me/accounts/:accountId/access',
    {
      schema: {
        ...me,
        summary: 'Who has access to the account, and the invitations sent (owners and co-owners)',
        params: accountParams,
        response: {
          200: z.object({
            links: z.array(
              z.object({
                linkId: z.uuid(),
                personId: z.uuid(),
                name: z.string(),
                role,
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
          }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => listAccess(deps.db, requirePerson(request).personId, request.params.accountId),
  );

  r.delete(
    '/api/v1/me/accounts/:accountId/access/:linkId',
    {
      schema: {
        ...me,
        summary: "Revoke someone's access to the account, effective at once",
        params: accountParams.extend({ linkId: z.uuid() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await revokeAccess(
        deps.db,
        requirePerson(request).personId,
        request.params.accountId,
        request.params.linkId,
        request.ip,
      );
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me/accounts/:accountId/residents',
    {
      schema: {
        ...me,
        summary: 'Registered residents: the count of the current period and the history of changes',
        params: accountParams,
        response: {
          200: z.object({ period: z.string(), current: z.number().nullable(), history: z.array(residentChange) }),
          ...problems(400, 401, 404),
        },
      },
    },
    async (request) => residentHistory(deps.db, requirePerson(request).personId, request.params.accountId),
  );

  r.post(
    '/api/v1/me/accounts/:accountId/residents',
    {
      schema: {
        ...me,
        summary:
          'Ask the organisation to change the number of registered residents (from the next billing period once confirmed)',
        params: accountParams,
        body: z.object({ count: z.number().int().min(0).max(100), reason: z.string().trim().min(3).max(1000) }),
        response: { 201: residentChange, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const change = await requestResidentCount(
        deps.db,
        requirePerson(request).personId,
        request.params.accountId,
        request.body.count,
        request.body.reason,
      );
      return reply.status(201).send(change);
    },
  );

  r.get(
    '/api/v1/org/account-link-requests',
    {
      schema: {
        ...org,
        summary: "Requests to link accounts that wait for the organisation's approval",
        querystring: z.object({ status: z.enum(['pending', 'approved', 'rejected']).default('pending') }),
        response: {
          200: z.object({
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
                person: z.object({
                  lastName: z.string().nullable(),
                  firstName: z.string().nullable(),
                  middleName: z.string().nullable(),
                  email: z.string().nullable(),
                }),
                comment: z.string().nullable(),
                createdAt: z.string(),
                expiresAt: z.string(),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'accounts:read', ['admin', 'accountant', 'dispatcher']);
      return { items: await listOrganisationLinkRequests(deps.db, actor.organisationId, request.query.status) };
    },
  );

  const decided = z.object({
    requestId: z.uuid(),
    status: z.enum(['approved', 'rejected']),
    accountId: z.uuid().nullable(),
  });
  r.post(
    '/api/v1/org/account-link-requests/:requestId/approve',
    {
      schema: {
        ...org,
        summary: 'Approve a link request (naming the account when the entered details matched none)',
        params: z.object({ requestId: z.uuid() }),
        body: z.object({ accountId: z.uuid().optional(), role: z.enum(['owner', 'co_owner', 'tenant']).optional() }),
        response: { 200: decided, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'accounts:write', ['admin', 'accountant']);
      return decideLinkRequest(deps.db, deps.enqueue, actor, request.params.requestId, {
        approve: true,
        ...request.body,
      }) as Promise<z.infer<typeof decided>>;
    },
  );

  r.post(
    '/api/v1/org/account-link-requests/:requestId/reject',
    {
      schema: {
        ...org,
        summary: 'Reject a link request with a reason',
        params: z.object({ requestId: z.uuid() }),
        body: z.object({ reason: z.string().trim().min(3).max(1000) }),
        response: { 200: decided, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'accounts:write', ['admin', 'accountant']);
      return decideLinkRequest(deps.db, deps.enqueue, actor, request.params.requestId, {
        approve: false,
        reason: request.body.reason,
      }) as Promise<z.infer<typeof decided>>;
    },
  );

  r.get(
    '/api/v1/org/resident-changes',
    {
      schema: {
        ...org,
        summary: 'Changes of registered residents asked by residents',
        querystring: z.object({ status: z.enum(['pending', 'confirmed', 'rejected']).default('pending') }),
        response: {
          200: z.object({
            items: z.array(
              residentChange.extend({ accountId: z.uuid(), accountNumber: z.string(), address: z.string() }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'accounts:read', ['admin', 'accountant', 'dispatcher']);
      return { items: await listResidentChanges(deps.db, actor.organisationId, request.query.status) };
    },
  );

  r.post(
    '/api/v1/org/resident-changes/:changeId/confirm',
    {
      schema: {
        ...org,
        summary: 'Confirm a change of registered residents; it counts from the next billing period',
        params: z.object({ changeId: z.uuid() }),
        response: { 200: residentChange, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'accounts:write', ['admin', 'accountant']);
      return decideResidentChange(deps.db, actor, request.params.changeId, { confirm: true });
    },
  );

  r.post(
    '/api/v1/org/resident-changes/:changeId/reject',
    {
      schema: {
        ...org,
        summary: 'Reject a change of registered residents with a reason',
        params: z.object({ changeId: z.uuid() }),
        body: z.object({ reason: z.string().trim().min(3).max(1000) }),
        response: { 200: residentChange, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'accounts:write', ['admin', 'accountant']);
      return decideResidentChange(deps.db, actor, request.params.changeId, {
        confirm: false,
        reason: request.body.reason,
      });
    },
  );
}
