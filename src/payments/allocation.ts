// Splits an account's payment over its periods: the periods the payer chose, in order, or else the
// oldest unpaid period first. What is left over is an advance (period null).

export interface PeriodDue {
  period: string; // YYYY-MM
  unpaid: bigint; // still owed for the period (≤ 0 when settled)
}

export interface Allocation {
  period: string | null;
  amount: bigint;
}

export function allocate(amount: bigint, dues: PeriodDue[], chosen?: string[] | null): Allocation[] {
  if (amount <= 0n) return [];
  const ordered = chosen?.length
    ? chosen.map((p) => dues.find((d) => d.period === p) ?? { period: p, unpaid: 0n })
    : [...dues].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const out: Allocation[] = [];
  let left = amount;
  for (const due of ordered) {
    if (left === 0n) break;
    if (due.unpaid <= 0n) continue;
    // biome-ignore lint/complexity/useMathMinMax: bigints; Math.min takes numbers only
    const part = due.unpaid < left ? due.unpaid : left;
    out.push({ period: due.period, amount: part });
    left -= part;
  }
  if (left > 0n) {
    // Chosen periods that are paid up still take the rest (the payer named them); otherwise an advance.
    const last = chosen?.length ? chosen[chosen.length - 1]! : null;
    const existing = out.find((a) => a.period === last);
    if (existing) existing.amount += left;
    else out.push({ period: last, amount: left });
  }
  return out;
}

/** Commission in kopecks for basis points of the amount (100 bp = 1 %), rounded half up, with a floor. */
export function commissionFor(amount: bigint, basisPoints: number, minimum = 0n): bigint {
  if (basisPoints <= 0) return 0n;
  const c = (amount * BigInt(basisPoints) + 5000n) / 10000n;
  return c < minimum ? minimum : c;
}
