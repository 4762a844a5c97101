import { z } from 'zod';
import { paymentPorts } from '../src/payments/ports.js';
import { reconcilePayments } from '../src/payments/service.js';
import { defineJob } from './define.js';

/** Settles payments left pending (a lost or late notification) by asking the bank with GetState. */
export const paymentsReconcile = defineJob({
  name: 'payments.reconcile',
  payload: z.object({ olderThanSeconds: z.number().int().min(0).optional() }).loose(),
  policy: { retryLimit: 2, retryDelay: 60 },
  schedule: { cron: '*/5 * * * *', tz: 'Europe/Moscow' },
  async handle(data, deps) {
    return reconcilePayments(paymentPorts(deps), data.olderThanSeconds ?? deps.config.payments.reconcileAfterSeconds);
  },
});
