// Payment lifecycle (DOMAIN.md): created → pending → succeeded | failed | canceled; succeeded → refunded.
// Bank notifications repeat and arrive out of order, so a transition only ever moves forward: a late
// AUTHORIZED after CONFIRMED, or a repeated CONFIRMED, changes nothing.

export type PaymentStatus = 'created' | 'pending' | 'succeeded' | 'failed' | 'canceled' | 'refunded';

/** What a T-Bank-style status means for the payment; null for statuses the hub does not act on. */
export function statusFromBank(bankStatus: string): PaymentStatus | null {
  switch (bankStatus) {
    case 'CONFIRMED':
      return 'succeeded';
    case 'REJECTED':
    case 'AUTH_FAIL':
    case 'DEADLINE_EXPIRED':
      return 'failed';
    case 'CANCELED':
    case 'REVERSED':
      return 'canceled';
    case 'REFUNDED':
      return 'refunded';
    case 'NEW':
    case 'FORM_SHOWED':
    case 'AUTHORIZING':
    case '3DS_CHECKING':
    case '3DS_CHECKED':
    case 'AUTHORIZED':
    case 'CONFIRMING':
    case 'REVERSING':
    case 'REFUNDING':
      return 'pending';
    default:
      return null; // e.g. PARTIAL_REFUNDED: not supported by the hub, left for an operator
  }
}

const ALLOWED: Record<PaymentStatus, PaymentStatus[]> = {
  created: ['pending', 'succeeded', 'failed', 'canceled', 'refunded'],
  pending: ['succeeded', 'failed', 'canceled', 'refunded'],
  succeeded: ['refunded', 'canceled'],
  failed: [],
  canceled: [],
  refunded: [],
};

/** The next status, or null when the event changes nothing (a repeat, a stale or an impossible event). */
export function nextStatus(current: PaymentStatus, target: PaymentStatus | null): PaymentStatus | null {
  if (!target || target === current) return null;
  return ALLOWED[current].includes(target) ? target : null;
}

/** The ledger effect of a transition: a booking on success, a reversal when a booked payment is undone. */
export function ledgerEffect(from: PaymentStatus, to: PaymentStatus): 'book' | 'reverse' | null {
  if (to === 'succeeded') return 'book';
  if (from === 'succeeded' && (to === 'refunded' || to === 'canceled')) return 'reverse';
  return null;
}
