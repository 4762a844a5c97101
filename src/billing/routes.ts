import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountBalance,
  issuedPaymentDocument as issuedDocument,
  payeeContacts,
  chargeImportBody,
  chargeImportResult,
  chargePeriod,
  debtCertificate as debtCertificateSchema,
  periodSchema,
} from '../../contracts/billing.js';
import { problems } from '../../contracts/problem.js';
import { requireAccountAccess, requireConfirmedAccess } from '../accounts/access.js';
import type { AppDeps } from '../deps.js';
import { requireOrg, requirePerson } from '../http/auth.js';
import { validationFailed } from '../errors.js';
import { audit } from '../identity/audit.js';
import { bankDetailsProblems } from '../validation/ru-checksums.js';
import { linkedAccountIds } from './charges.repo.js';
import { localDate } from '../calendar.js';
import { updatePayeeBankDetails, updatePayeeContacts } from './documents.repo.js';
import {
  balances,
  debtCertificate,
  debtCertificatePdf,
  importCharges,
  issueDocument,
  listCharges,
  paymentDocument,
} from './service.js';

const accountParams = z.object({ accountId: z.uuid() });
const dateSchema = z.iso.date();

export async function billingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/org/charges',
    {
      schema: {
        tags: ['charges'],
        summary: 'Import charges per account and period (idempotent; a changed period becomes a new version)',
        security: [{ apiKey: [] }],
        body: chargeImportBody,
        response: {
          200: z.object({
            results: z.array(chargeImportResult),
            created: z.number(),
            replaced: z.number(),
            unchanged: z.number(),
            failed: z.number(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = requireOrg(request, 'charges:write', ['admin', 'accountant']);
      const results = await importCharges(deps.db, actor.organisationId, actor.actorId, request.body.items);
      const count = (s: string) => results.filter((x) => x.status === s).length;
      return {
        results,
        created: count('created'),
        replaced: count('replaced'),
        unchanged: count('unchanged'),
        failed: count('error'),
      };
    },
  );

  r.put(
    '/api/v1/org/bank-details',
    {
      schema: {
        tags: ['charges'],
        summary: 'Set the payee bank details printed on payment documents (checksums verified)',
        security: [{ apiKey: [] }],
        body: z.object({
          bankName: z.string().min(1).max(45),
          bik: z.string().regex(/^\d{9}$/),
          settlementAccount: z.string().regex(/^\d{20}$/),
          correspondentAccount: z.string().regex(/^\d{20}$/),
        }),
        response: { 204: z.null(), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireOrg(request, 'charges:write', ['admin', 'accountant']);
      const { rows } = await deps.db.query(`SELECT inn FROM organisations WHERE id = $1`, [actor.organisationId]);
      const bad = bankDetailsProblems({ inn: rows[0].inn, ...request.body }).filter((p) => p.field !== 'inn');
      if (bad.length) throw validationFailed(bad.map((p) => ({ path: `body.${p.field}`, message: p.message })));
      await updatePayeeBankDetails(deps.db, actor.organisationId, request.body);
      await audit(deps.db, {
        actorType: actor.actorType,
        actorId: actor.actorId,
        action: 'organisation.bank_details_changed',
        objectType: 'organisation',
        objectId: actor.organisationId,
        organisationId: actor.organisationId,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.put(
    '/api/v1/org/contacts',
    {
      schema: {
        tags: ['charges'],
        summary:
          'Set the contacts printed on payment documents: address, phone, e-mail, site, working hours, dispatcher',
        security: [{ apiKey: [] }],
        body: payeeContacts,
        response: { 204: z.null(), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = requireOrg(request, 'charges:write', ['admin', 'accountant']);
      await updatePayeeContacts(deps.db, actor.organisationId, request.body);
      await audit(deps.db, {
        actorType: actor.actorType,
        actorId: actor.actorId,
        action: 'organisation.contacts_changed',
        objectType: 'organisation',
        objectId: actor.organisationId,
        organisationId: actor.organisationId,
        ip: request.ip,
      });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me/charges',
    {
      schema: {
        tags: ['charges'],
        summary: 'Charges of my accounts for a range of periods (default: the last 12 months)',
        security: [{ session: [] }],
        querystring: z.object({
          accountId: z.uuid().optional(),
          from: periodSchema.optional(),
          to: periodSchema.optional(),
        }),
        response: {
          200: z.object({ from: z.string(), to: z.string(), periods: z.array(chargePeriod) }),
          ...problems(400, 401, 404, 422),
        },
      },
    },
    async (request) => {
      const person = requirePerson(request);
      let accountIds: string[];
      let timezone = 'Europe/Moscow';
      if (request.query.accountId) {
        const access = await requireAccountAccess(deps.db, person.personId, request.query.accountId);
        accountIds = [access.accountId];
        timezone = access.timezone;
      } else accountIds = await linkedAccountIds(deps.db, person.personId);
      return listCharges(deps.db, accountIds, request.query, timezone);
    },
  );

  r.get(
    '/api/v1/me/balance',
    {
      schema: {
        tags: ['charges'],
        summary: 'Balance and debt per account and across my accounts',
        security: [{ session: [] }],
        response: {
          200: z.object({ accounts: z.array(accountBalance), totalDebt: z.string(), totalPenalties: z.string() }),
          ...problems(401),
        },
      },
    },
    async (request) => balances(deps.db, await linkedAccountIds(deps.db, requirePerson(request).personId)),
  );

  r.post(
    '/api/v1/me/accounts/:accountId/charges/:period/document',
    {
      schema: {
        tags: ['charges'],
        security: [{ session: [] }],
        summary: 'Issue the payment document of a period (once per charge version; queued for the state system)',
        description:
          'Idempotent: 201 when this call issued it, 200 when it was issued before (demo data issues the last two ' +
          'months). Download it with GET `…/document.pdf`.',
        params: accountParams.extend({ period: periodSchema }),
        response: { 200: issuedDocument, 201: issuedDocument, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const person = requirePerson(request);
      const access = await requireAccountAccess(deps.db, person.personId, request.params.accountId);
      const doc = await issueDocument(deps.db, deps.enqueue, access.accountId, request.params.period);
      return reply.status(doc.created ? 201 : 200).send({
        number: doc.number,
        period: doc.period,
        amount: doc.amount,
        issuedAt: doc.issuedAt.toISOString(),
        gisDocumentId: doc.gisDocumentId,
        href: `/api/v1/me/accounts/${access.accountId}/charges/${doc.period}/document.pdf`,
      });
    },
  );

  r.get(
    '/api/v1/me/accounts/:accountId/charges/:period/document.pdf',
    {
      schema: {
        tags: ['charges'],
        security: [{ session: [] }],
        summary: 'The issued payment document (PDF with the ГОСТ Р 56042-2014 payment QR) of a period; reads only',
        description: '404 `payment_document_not_issued` until it is issued (POST `…/document`).',
        params: accountParams.extend({ period: periodSchema }),
        response: { 200: z.any().describe('application/pdf'), ...problems(400, 401, 404, 422) },
      },
    },
    async (request, reply) => {
      const person = requirePerson(request);
      const access = await requireAccountAccess(deps.db, person.personId, request.params.accountId);
      const doc = await paymentDocument(deps.db, access.accountId, request.params.period);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="epd-${doc.number}.pdf"`)
        .send(doc.pdf);
    },
  );

  r.get(
    '/api/v1/me/accounts/:accountId/debt-certificate',
    {
      schema: {
        tags: ['charges'],
        summary: 'Debt certificate as of a date (JSON)',
        security: [{ session: [] }],
        params: accountParams,
        querystring: z.object({ asOf: dateSchema.optional() }),
        response: { 200: debtCertificateSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const access = await requireConfirmedAccess(
        deps.db,
        requirePerson(request).personId,
        request.params.accountId,
        'A debt certificate',
      );
      return (
        await debtCertificate(deps.db, access.accountId, request.query.asOf ?? localDate(new Date(), access.timezone))
      ).json;
    },
  );

  r.get(
    '/api/v1/me/accounts/:accountId/debt-certificate.pdf',
    {
      schema: {
        tags: ['charges'],
        summary: 'Debt certificate as of a date (PDF)',
        security: [{ session: [] }],
        params: accountParams,
        querystring: z.object({ asOf: dateSchema.optional() }),
        response: { 200: z.any().describe('application/pdf'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const access = await requireConfirmedAccess(
        deps.db,
        requirePerson(request).personId,
        request.params.accountId,
        'A debt certificate',
      );
      const asOf = request.query.asOf ?? localDate(new Date(), access.timezone);
      const pdf = await debtCertificatePdf(deps.db, access.accountId, asOf);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="debt-${access.number}-${asOf}.pdf"`)
        .send(pdf);
    },
  );
}
