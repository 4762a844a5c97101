import { PAYMENTS_RECONCILE_QUEUE, paymentsReconcilePayload } from '../contracts/jobs.js';
import { paymentPorts } from '../src/payments/ports.js';
import { reconcilePayments } from '../src/payments/service.js';
import { defineJob } from './define.js';

/** Settles payments left pending (a lost or late notification) by asking the bank with GetState. */
export const paymentsReconcile = defineJob({
  name: PAYMENTS_RECONCILE_QUEUE,
  payload: paymentsReconcilePayload,
  policy: { retryLimit: 2, retryDelay: 60 },
  schedule: { cron: '*/5 * * * *', tz: 'Europe/Moscow' },
  async handle(data, deps) {
    return reconcilePayments(paymentPorts(deps), data.olderThanSeconds ?? deps.config.payments.reconcileAfterSeconds);
  },
});
