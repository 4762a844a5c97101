// Readings are numeric(15,3): carried as decimal strings, computed as BigInt thousandths, never floats.

/** Up to 12 integer digits (numeric(15,3)) and up to 3 decimals, dot-separated. */
export const READING_PATTERN = /^\d{1,12}(\.\d{1,3})?$/;

/** "3605.962" → 3605962n */
export function toThousandths(text: string): bigint {
  const m = /^(\d{1,12})(?:\.(\d{1,3}))?$/.exec(text);
  if (!m) throw new Error(`not a reading: ${text}`);
  return BigInt(m[1]!) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0'));
}

/** 3605962n → "3605.962" (always three decimals, as PostgreSQL prints numeric(15,3)). */
export function fromThousandths(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, '0')}`;
}

/** The value at which a dial of `digits` integer digits rolls over to zero, in thousandths. */
export function dialRange(digits: number): bigint {
  return DIAL_RANGES[digits] ?? 10n ** BigInt(digits) * 1000n;
}
const DIAL_RANGES = Array.from({ length: 16 }, (_, d) => 10n ** BigInt(d) * 1000n);

/** "3" or "2.5" (a factor with up to 2 decimals) → hundredths. */
export function toHundredths(text: string): bigint {
  const m = /^(\d{1,4})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not a factor: ${text}`);
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}
