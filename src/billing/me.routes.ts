import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  accountParams,
  accountPeriodParams,
  asOfQuery,
  balanceResponse,
  chargesQuery,
  chargesResponse,
  debtCertificate as debtCertificateSchema,
  issuedPaymentDocument,
  pdfFile,
} from '../../contracts/billing.js';
import { problems } from '../../contracts/problem.js';
import { requireAccountAccess, requireConfirmedAccess } from '../accounts/access.js';
import { localDate } from '../calendar.js';
import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import { requirePerson } from '../http/auth.js';
import { linkedAccountIds } from '../accounts/links.repo.js';
import {
  balances,
  debtCertificate,
  debtCertificatePdf,
  issueDocument,
  listCharges,
  paymentDocument,
} from './service.js';

const tags = ['charges'];
const security: Record<string, string[]>[] = [{ session: [] }];

/** A resident's charges, balance, payment documents and debt certificates. Mounted at /api/v1/me. */
export async function billingMeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/charges',
    {
      schema: {
        tags,
        summary: 'Charges of my accounts for a range of periods (default: the last 12 months)',
        security,
        querystring: chargesQuery,
        response: { 200: chargesResponse, ...problems(400, 401, 404, 422) },
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
    '/balance',
    {
      schema: {
        tags,
        summary: 'Balance and debt per account and across my accounts',
        security,
        response: { 200: balanceResponse, ...problems(401) },
      },
    },
    async (request) => balances(deps.db, await linkedAccountIds(deps.db, requirePerson(request).personId)),
  );

  r.post(
    '/accounts/:accountId/charges/:period/document',
    {
      schema: {
        tags,
        security,
        summary: 'Issue the payment document of a period (once per charge version; queued for the state system)',
        description:
          'Idempotent: 201 when this call issued it, 200 when it was issued before (demo data issues the last two ' +
          'months). Download it with GET `…/document.pdf`.',
        params: accountPeriodParams,
        response: { 200: issuedPaymentDocument, 201: issuedPaymentDocument, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const person = requirePerson(request);
      const access = await requireAccountAccess(deps.db, person.personId, request.params.accountId);
      const doc = await withTransaction(deps.db, (tx) =>
        issueDocument(tx, deps.enqueue, access.accountId, request.params.period),
      );
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
    '/accounts/:accountId/charges/:period/document.pdf',
    {
      schema: {
        tags,
        security,
        summary: 'The issued payment document (PDF with the ГОСТ Р 56042-2014 payment QR) of a period; reads only',
        description: '404 `payment_document_not_issued` until it is issued (POST `…/document`).',
        params: accountPeriodParams,
        response: { 200: pdfFile, ...problems(400, 401, 404, 422) },
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
    '/accounts/:accountId/debt-certificate',
    {
      schema: {
        tags,
        summary: 'Debt certificate as of a date (JSON)',
        security,
        params: accountParams,
        querystring: asOfQuery,
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
    '/accounts/:accountId/debt-certificate.pdf',
    {
      schema: {
        tags,
        summary: 'Debt certificate as of a date (PDF)',
        security,
        params: accountParams,
        querystring: asOfQuery,
        response: { 200: pdfFile, ...problems(400, 401, 403, 404) },
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
