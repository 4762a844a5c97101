import type { DebtCertificates } from '../../contracts/debt-certificates.js';
import type { Db } from '../db/pool.js';
import { notFound } from '../errors.js';
import { findAccountCard } from './documents.repo.js';
import { debtCertificatePdf } from './service.js';

/** Billing's answer to a debt-certificate appeal: the same PDF a resident downloads. */
export function createDebtCertificates(db: Db): DebtCertificates {
  return {
    async issue({ organisationId, accountId, asOf }) {
      const card = await findAccountCard(db, accountId);
      if (card?.payee.id !== organisationId) throw notFound('Account');
      const data = await debtCertificatePdf(db, accountId, asOf);
      return { filename: `spravka-o-zadolzhennosti-${asOf}.pdf`, contentType: 'application/pdf', data };
    },
  };
}
