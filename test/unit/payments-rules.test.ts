import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { acquiringToken } from '../../contracts/acquiring.js';
import { allocate, commissionFor } from '../../src/payments/allocation.js';
import { ledgerEffect, nextStatus, statusFromBank, type PaymentStatus } from '../../src/payments/state-machine.js';

describe('acquiring Token', () => {
  it('hashes root scalars plus Password sorted by key, leaving out nested objects and arrays', () => {
    const body = {
      TerminalKey: 'T',
      Amount: 19200,
      OrderId: '21090',
      Description: 'Подарочная карта',
      Receipt: { Items: [] },
      DATA: { a: '1' },
      Recurrent: true,
    };
    // Sorted keys: Amount, Description, OrderId, Password, Recurrent, TerminalKey.
    const expected = createHash('sha256').update('19200Подарочная карта21090secrettrueT', 'utf8').digest('hex');
    expect(acquiringToken(body, 'secret')).toBe(expected);
    expect(acquiringToken({ ...body, Token: 'ignored' }, 'secret')).toBe(expected);
    expect(acquiringToken({ ...body, Receipt: { Email: 'x' } }, 'secret')).toBe(expected);
    expect(acquiringToken({ ...body, Amount: 19201 }, 'secret')).not.toBe(expected);
  });
});

describe('payment state machine', () => {
  it('maps bank statuses and only moves forward', () => {
    expect(statusFromBank('CONFIRMED')).toBe('succeeded');
    expect(statusFromBank('AUTHORIZED')).toBe('pending');
    expect(statusFromBank('REJECTED')).toBe('failed');
    expect(statusFromBank('PARTIAL_REFUNDED')).toBeNull();
    expect(nextStatus('pending', 'succeeded')).toBe('succeeded');
    expect(nextStatus('succeeded', 'pending')).toBeNull(); // a late AUTHORIZED
    expect(nextStatus('succeeded', 'succeeded')).toBeNull(); // a repeat
    expect(nextStatus('failed', 'succeeded')).toBeNull();
    expect(nextStatus('succeeded', 'refunded')).toBe('refunded');
    expect(nextStatus('refunded', 'succeeded')).toBeNull();
  });

  it('books once in any order of events', () => {
    const events: PaymentStatus[] = ['pending', 'succeeded', 'pending', 'succeeded', 'succeeded'];
    const orders = [events, [...events].reverse(), ['succeeded', 'pending', 'succeeded'] as PaymentStatus[]];
    for (const order of orders) {
      let status: PaymentStatus = 'created';
      let bookings = 0;
      for (const e of order) {
        const next = nextStatus(status, e);
        if (!next) continue;
        if (ledgerEffect(status, next) === 'book') bookings++;
        status = next;
      }
      expect(status).toBe('succeeded');
      expect(bookings).toBe(1);
    }
    expect(ledgerEffect('succeeded', 'refunded')).toBe('reverse');
    expect(ledgerEffect('pending', 'canceled')).toBeNull();
  });
});

describe('allocation', () => {
  const dues = [
    { period: '2026-03', unpaid: 3000n },
    { period: '2026-01', unpaid: 1000n },
    { period: '2026-02', unpaid: 0n },
  ];
  it('pays the oldest unpaid period first and keeps the rest as an advance', () => {
    expect(allocate(2500n, dues)).toEqual([
      { period: '2026-01', amount: 1000n },
      { period: '2026-03', amount: 1500n },
    ]);
    expect(allocate(5000n, dues)).toEqual([
      { period: '2026-01', amount: 1000n },
      { period: '2026-03', amount: 3000n },
      { period: null, amount: 1000n },
    ]);
  });
  it('follows the chosen periods in their order', () => {
    expect(allocate(3500n, dues, ['2026-03', '2026-01'])).toEqual([
      { period: '2026-03', amount: 3000n },
      { period: '2026-01', amount: 500n },
    ]);
    expect(allocate(4500n, dues, ['2026-03'])).toEqual([{ period: '2026-03', amount: 4500n }]);
  });
  it('computes the commission in basis points rounded half up, with a floor', () => {
    expect(commissionFor(100000n, 100)).toBe(1000n);
    expect(commissionFor(12345n, 100)).toBe(123n);
    expect(commissionFor(12350n, 100)).toBe(124n);
    expect(commissionFor(1000n, 100, 3000n)).toBe(3000n);
    expect(commissionFor(1000n, 0, 3000n)).toBe(0n);
  });
});
