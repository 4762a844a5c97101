import type { DebtCertificates } from '../../contracts/debt-certificates.js';
import type { SqlExecutor } from '../../contracts/ports.js';
import { notFound } from '../errors.js';
import { debtCertificatePdf } from './service.js';

/** Billing's answer to a debt-certificate appeal: the same PDF a resident downloads. */
export function createDebtCertificates(db: SqlExecutor): DebtCertificates {
  return {
    async issue({ organisationId, accountId, asOf }) {
      const { rowCount } = await db.query(`SELECT 1 FROM accounts WHERE id = $1 AND organisation_id = $2`, [
        accountId,
        organisationId,
      ]);
      if (!rowCount) throw notFound('Account');
      const data = await debtCertificatePdf(db, accountId, asOf);
      return { filename: `spravka-o-zadolzhennosti-${asOf}.pdf`, contentType: 'application/pdf', data };
    },
  };
}
