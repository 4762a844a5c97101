import { withTransaction } from '../db/pool.js';
import type { AppDeps } from '../deps.js';
import type { PaymentPorts } from './service.js';

/** What the payments service needs, taken from the app's deps (routes and the reconciliation job). */
export function paymentPorts(deps: AppDeps): PaymentPorts {
  return {
    db: deps.db,
    transact: (fn) => withTransaction(deps.db, fn),
    enqueue: deps.enqueue,
    acquirer: deps.acquirer,
    settings: {
      publicUrl: deps.config.publicUrl,
      commissionBasisPoints: deps.config.payments.commissionBasisPoints,
      commissionMinimum: deps.config.payments.commissionMinimum,
      taxation: deps.config.payments.taxation,
    },
  };
}
