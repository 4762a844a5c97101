import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accessList,
  accessParams,
  accountParams,
  accountResidents,
  currentAccount,
  currentAccountBody,
  invitationAcceptBody,
  invitationAccepted,
  invitationBody,
  invitationCreated,
  invitationParams,
  linkBody,
  linkCodeBody,
  linkResult,
  myAccountDetails,
  myAccounts,
  myLinkRequests,
  requestParams,
  residentChange,
  residentRequestBody,
} from '../../contracts/accounts.js';
import { problems } from '../../contracts/problem.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePerson } from '../http/auth.js';
import {
  confirmLinkCode,
  type LinkAttempt,
  linkBySurname,
  listPersonLinkRequests,
  requestLinkCode,
  requestOrganisationApproval,
} from './linking.service.js';
import { requestResidentCount, residentHistory } from './residents.service.js';
import {
  acceptInvitation,
  createInvitation,
  listAccess,
  listMyAccounts,
  myAccount,
  revokeAccess,
  revokeInvitation,
  setCurrentAccount,
  unlinkAccount,
} from './sharing.service.js';

const security: { [label: string]: string[] }[] = [{ session: [] }];
const me = { tags: ['accounts'], security };

/** A resident's accounts: linking, the current account, shared access, registered residents. Mounted at /api/v1/me. */
export async function meAccountsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const policy = deps.config.accountLinking;

  r.get(
    '/accounts',
    {
      schema: {
        ...me,
        summary: 'My linked accounts and the current one',
        response: { 200: myAccounts, ...problems(401) },
      },
    },
    async (request) => listMyAccounts(deps.db, requirePerson(request).personId),
  );

  r.post(
    '/accounts',
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
      const proof = b.proof;
      if (proof.method === 'surname') {
        const outcome = await withTransaction(deps.db, (tx) =>
          linkBySurname(tx, deps.enqueue, attempt, proof.surname, policy),
        );
        if (!outcome.ok) throw outcome.error; // after the commit, so the failed proof counts
        return reply.status(201).send({
          status: 'linked',
          ...outcome.linked,
          message:
            'The account is linked with limited access (charges, readings); confirm it with the code sent to the contact ' +
            "on file or the organisation's approval to act as its owner",
        });
      }
      if (proof.method === 'code') {
        const sent = await withTransaction(deps.db, (tx) => requestLinkCode(tx, deps.enqueue, attempt, policy));
        return reply.status(202).send({
          status: 'code_sent',
          ...sent,
          message:
            'If the account has a contact on file, a one-time code was sent to it; confirm it to link the account',
        });
      }
      const pending = await withTransaction(deps.db, (tx) =>
        requestOrganisationApproval(tx, attempt, proof.comment, policy),
      );
      return reply
        .status(202)
        .send({ status: 'pending', ...pending, message: 'The request was sent to the managing organisation' });
    },
  );

  r.post(
    '/account-link-requests/:requestId/confirm',
    {
      schema: {
        ...me,
        summary: 'Confirm a link with the one-time code',
        params: requestParams,
        body: linkCodeBody,
        response: { 201: linkResult, ...problems(400, 401, 404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const person = requirePerson(request);
      const outcome = await withTransaction(deps.db, (tx) =>
        confirmLinkCode(
          tx,
          deps.enqueue,
          person.personId,
          request.params.requestId,
          request.body.code,
          policy,
          request.ip,
        ),
      );
      if (!outcome.ok) throw outcome.error; // after the commit, so the failed try counts
      return reply.status(201).send({ status: 'linked', ...outcome.linked, message: 'The account is linked' });
    },
  );

  r.get(
    '/account-link-requests',
    {
      schema: {
        ...me,
        summary: 'My requests to link accounts (codes sent, waiting for the organisation, decided)',
        response: { 200: myLinkRequests, ...problems(401) },
      },
    },
    async (request) => ({ items: await listPersonLinkRequests(deps.db, requirePerson(request).personId) }),
  );

  r.put(
    '/accounts/current',
    {
      schema: {
        ...me,
        summary: 'Switch the current account',
        body: currentAccountBody,
        response: { 200: currentAccount, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const personId = requirePerson(request).personId;
      return withTransaction(deps.db, (tx) => setCurrentAccount(tx, personId, request.body.accountId));
    },
  );

  r.get(
    '/accounts/:accountId',
    {
      schema: {
        ...me,
        summary: 'One of my accounts: address, premise, my role, owners',
        params: accountParams,
        response: { 200: myAccountDetails, ...problems(400, 401, 404) },
      },
    },
    async (request) => myAccount(deps.db, requirePerson(request).personId, request.params.accountId),
  );

  r.delete(
    '/accounts/:accountId',
    {
      schema: {
        ...me,
        summary: 'Unlink an account from me',
        params: accountParams,
        response: { 204: z.null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const personId = requirePerson(request).personId;
      await withTransaction(deps.db, (tx) => unlinkAccount(tx, personId, request.params.accountId, request.ip));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/accounts/:accountId/invitations',
    {
      schema: {
        ...me,
        summary:
          'Invite a co-owner, tenant or delegate by code or link (owners; co-owners invite tenants and delegates)',
        params: accountParams,
        body: invitationBody,
        response: { 201: invitationCreated, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const person = requirePerson(request);
      const created = await withTransaction(deps.db, (tx) =>
        createInvitation(tx, deps.enqueue, {
          personId: person.personId,
          accountId: request.params.accountId,
          ...request.body,
          days: policy.invitationDays,
          publicUrl: deps.config.publicUrl,
        }),
      );
      return reply.status(201).send(created);
    },
  );

  r.delete(
    '/accounts/:accountId/invitations/:invitationId',
    {
      schema: {
        ...me,
        summary: 'Withdraw an invitation not yet accepted',
        params: invitationParams,
        response: { 204: z.null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const personId = requirePerson(request).personId;
      const { accountId, invitationId } = request.params;
      await withTransaction(deps.db, (tx) => revokeInvitation(tx, personId, accountId, invitationId));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/invitations/accept',
    {
      schema: {
        ...me,
        summary: 'Accept an invitation by its code (single use)',
        body: invitationAcceptBody,
        response: { 201: invitationAccepted, ...problems(400, 401, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const personId = requirePerson(request).personId;
      const outcome = await withTransaction(deps.db, (tx) =>
        acceptInvitation(tx, personId, request.body.code, request.ip),
      );
      if (!outcome.ok) throw outcome.error; // after the commit, so the try counts
      return reply.status(201).send(outcome.accepted);
    },
  );

  r.get(
    '/accounts/:accountId/access',
    {
      schema: {
        ...me,
        summary: 'Who has access to the account, and the invitations sent (owners and co-owners)',
        params: accountParams,
        response: { 200: accessList, ...problems(400, 401, 404) },
      },
    },
    async (request) => listAccess(deps.db, requirePerson(request).personId, request.params.accountId),
  );

  r.delete(
    '/accounts/:accountId/access/:linkId',
    {
      schema: {
        ...me,
        summary: "Revoke someone's access to the account, effective at once",
        params: accessParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const personId = requirePerson(request).personId;
      const { accountId, linkId } = request.params;
      await withTransaction(deps.db, (tx) => revokeAccess(tx, personId, accountId, linkId, request.ip));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/accounts/:accountId/residents',
    {
      schema: {
        ...me,
        summary: 'Registered residents: the count of the current period and the history of changes',
        params: accountParams,
        response: { 200: accountResidents, ...problems(400, 401, 404) },
      },
    },
    async (request) => residentHistory(deps.db, requirePerson(request).personId, request.params.accountId),
  );

  r.post(
    '/accounts/:accountId/residents',
    {
      schema: {
        ...me,
        summary:
          'Ask the organisation to change the number of registered residents (from the next billing period once confirmed)',
        params: accountParams,
        body: residentRequestBody,
        response: { 201: residentChange, ...problems(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const personId = requirePerson(request).personId;
      const { count, reason } = request.body;
      const change = await withTransaction(deps.db, (tx) =>
        requestResidentCount(tx, personId, request.params.accountId, count, reason),
      );
      return reply.status(201).send(change);
    },
  );
}
