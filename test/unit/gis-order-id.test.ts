import { describe, expect, it } from 'vitest';
import { gisOrderId } from '../../src/sync/gis/payment-sources.js';
import { roubles } from '../../adapters/gis/render.js';

describe('state-system payment fields', () => {
  it('sends our UUID order ids as the 32-character OrderID and refuses what does not fit', () => {
    expect(gisOrderId('00000000-0000-4000-8000-000000000601')).toBe('00000000000040008000000000000601');
    expect(gisOrderId('A'.repeat(32))).toBe('A'.repeat(32));
    expect(gisOrderId('order-17')).toBeNull();
    expect(gisOrderId('0'.repeat(33))).toBeNull();
  });

  it('writes kopecks as roubles without floats', () => {
    expect([roubles('0'), roubles('7'), roubles('-1250'), roubles('9999999999999')]).toEqual([
      '0.00',
      '0.07',
      '-12.50',
      '99999999999.99',
    ]);
  });
});
