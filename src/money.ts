// Money is integer kopecks held in bigint; JSON carries it as a string of digits.

/** "1234.56", "1234,5", "1234" (rubles) → 123456n kopecks; throws on anything else. */
export function rublesToKopecks(text: string): bigint {
  const m = /^(-)?(\d{1,15})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`not an amount in rubles: ${text}`);
  const kopecks = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -kopecks : kopecks;
}

/** 123456n → "1 234,56 ₽" (Russian grouping with a no-break space). */
export function formatRubles(kopecks: bigint | string | number): string {
  const k = BigInt(kopecks);
  const sign = k < 0n ? '-' : '';
  const abs = k < 0n ? -k : k;
  const rubles = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${rubles},${(abs % 100n).toString().padStart(2, '0')}\u00a0₽`;
}

/** Zod-friendly check for a kopecks string: optional minus and up to 18 digits. */
export const KOPECKS_PATTERN = /^-?\d{1,18}$/;
