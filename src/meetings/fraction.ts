// Exact non-negative rationals on BigInt, for votes (ЖК РФ ст. 48 ч. 3: share × area ÷ total area).
// Floats would drift when thousands of shares are summed and could tip a threshold at its edge.

export interface Fraction {
  n: bigint;
  d: bigint;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
}

export const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

export function fraction(n: bigint, d: bigint = 1n): Fraction {
  if (d === 0n) throw new RangeError('zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** `"45.50"` → 4550/100, exactly; refuses anything that is not a plain decimal. */
export function parseDecimal(text: string): Fraction {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const frac = m[2] ?? '';
  return fraction(BigInt(m[1]! + frac), 10n ** BigInt(frac.length));
}

export const add = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);
/** -1, 0 or 1 as a <, =, > b. */
export const compare = (a: Fraction, b: Fraction) => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};

/** Decimal text with `digits` places, rounded half up (display only; rules compare exact values). */
export function toDecimal(f: Fraction, digits = 4): string {
  const scale = 10n ** BigInt(digits);
  const scaled = (f.n * scale * 2n + f.d) / (2n * f.d);
  const neg = scaled < 0n;
  const abs = (neg ? -scaled : scaled).toString().padStart(digits + 1, '0');
  const int = abs.slice(0, abs.length - digits);
  return `${neg ? '-' : ''}${int}${digits ? `.${abs.slice(abs.length - digits)}` : ''}`;
}

export const toText = (f: Fraction) => (f.d === 1n ? f.n.toString() : `${f.n}/${f.d}`);

/** Percent of `part` in `whole`, as decimal text (0 when the whole is empty). */
export const percent = (part: Fraction, whole: Fraction, digits = 2) =>
  whole.n === 0n ? toDecimal(fraction(0n), digits) : toDecimal(mul(div(part, whole), fraction(100n)), digits);
