import type { Db } from '../db/pool.js';
import { findHouse } from '../registry/houses.repo.js';
import { notFound, validationFailed, type FieldError } from '../errors.js';
import { add, compare, fraction, percent, toDecimal, toText, type Fraction } from './fraction.js';
import {
  listAccountOwners,
  listHousePremises,
  listRegister,
  replaceRegisterOwners,
  upsertRegisterFromAccounts,
  type AccountOwnerRow,
  type PremiseRow,
  type RegisterRow,
} from './register.repo.js';
import { ownerVotes } from './tally.js';
import { parseDecimal } from './fraction.js';
import { fullName } from '../identity/names.js';

// The owners register of a house (ЖК РФ ст. 45 ч. 3.1): who owns which premise, by which title
// document and in which share, and so how many votes each owner holds.

const ONE = fraction(1n);
const nameKey = (
  premiseId: string | null,
  o: { lastName: string; firstName: string | null; middleName: string | null },
) => `${premiseId}|${fullName(o).toLowerCase().replace(/ё/g, 'е')}`;

export function totalArea(premises: Pick<PremiseRow, 'area'>[]): Fraction {
  return premises.reduce((sum, p) => add(sum, parseDecimal(p.area)), fraction(0n));
}

/** Register rows with the votes each carries, as exact fractions and as a percentage of the house. */
export function registerWithVotes(premises: PremiseRow[], rows: RegisterRow[]) {
  const total = totalArea(premises);
  return {
    totalVotes: toDecimal(total, 4),
    owners: rows.map((r) => {
      const votes = ownerVotes(r, r.area);
      return { ...r, votes: toDecimal(votes, 4), votesExact: toText(votes), percentOfAll: percent(votes, total, 4) };
    }),
  };
}

export type Mismatch =
  | { kind: 'premise_without_owners'; premiseNumber: string }
  | { kind: 'shares_incomplete'; premiseNumber: string; shares: string }
  | { kind: 'shares_exceed_premise'; premiseNumber: string; shares: string }
  | { kind: 'owner_not_on_account'; premiseNumber: string; owner: string }
  | { kind: 'account_owner_not_in_register'; premiseNumber: string | null; accountNumber: string; owner: string }
  | { kind: 'share_differs_from_account'; premiseNumber: string; owner: string; register: string; account: string };

/**
 * Compares the register with the premises and with the owners recorded on accounts. Premises
 * without owners or with shares short of 1 leave votes that nobody can cast (they still count in the total).
 */
export function reconcileRegister(
  premises: PremiseRow[],
  register: RegisterRow[],
  accountOwners: AccountOwnerRow[],
): Mismatch[] {
  const out: Mismatch[] = [];
  const shares = new Map<string, Fraction>();
  for (const r of register)
    shares.set(
      r.premiseId,
      add(shares.get(r.premiseId) ?? fraction(0n), fraction(BigInt(r.shareNumerator), BigInt(r.shareDenominator))),
    );
  for (const p of premises) {
    const s = shares.get(p.id);
    if (!s) out.push({ kind: 'premise_without_owners', premiseNumber: p.number });
    else if (compare(s, ONE) < 0) out.push({ kind: 'shares_incomplete', premiseNumber: p.number, shares: toText(s) });
    else if (compare(s, ONE) > 0)
      out.push({ kind: 'shares_exceed_premise', premiseNumber: p.number, shares: toText(s) });
  }
  const onAccounts = new Map<string, AccountOwnerRow>();
  for (const a of accountOwners) if (a.lastName) onAccounts.set(nameKey(a.premiseId, a), a);
  const inRegister = new Set<string>();
  for (const r of register) {
    const key = nameKey(r.premiseId, r);
    inRegister.add(key);
    const a = onAccounts.get(key);
    if (!a) out.push({ kind: 'owner_not_on_account', premiseNumber: r.premiseNumber, owner: fullName(r) });
    else if (a.shareNumerator * r.shareDenominator !== r.shareNumerator * a.shareDenominator) {
      out.push({
        kind: 'share_differs_from_account',
        premiseNumber: r.premiseNumber,
        owner: fullName(r),
        register: `${r.shareNumerator}/${r.shareDenominator}`,
        account: `${a.shareNumerator}/${a.shareDenominator}`,
      });
    }
  }
  for (const [key, a] of onAccounts) {
    if (!inRegister.has(key))
      out.push({
        kind: 'account_owner_not_in_register',
        premiseNumber: a.premiseNumber,
        accountNumber: a.accountNumber,
        owner: fullName(a),
      });
  }
  return out;
}

/** The registry's house when the organisation manages it. */
export async function findOrgHouse(db: Db, organisationId: string, houseId: string) {
  const house = await findHouse(db, houseId);
  return house?.organisation_id === organisationId ? house : undefined;
}

async function requireHouse(db: Db, organisationId: string, houseId: string) {
  const house = await findOrgHouse(db, organisationId, houseId);
  if (!house) throw notFound('House');
  return house;
}

export async function getRegister(db: Db, organisationId: string, houseId: string) {
  await requireHouse(db, organisationId, houseId);
  const [premises, rows] = await Promise.all([listHousePremises(db, houseId), listRegister(db, houseId)]);
  return { houseId, premises: premises.length, ...registerWithVotes(premises, rows) };
}

export async function reconcile(db: Db, organisationId: string, houseId: string) {
  await requireHouse(db, organisationId, houseId);
  const [premises, rows, accountOwners] = await Promise.all([
    listHousePremises(db, houseId),
    listRegister(db, houseId),
    listAccountOwners(db, houseId),
  ]);
  const mismatches = reconcileRegister(premises, rows, accountOwners);
  return { houseId, owners: rows.length, premises: premises.length, mismatches };
}

export async function buildFromAccounts(tx: Db, organisationId: string, houseId: string) {
  await requireHouse(tx, organisationId, houseId);
  const touched = await upsertRegisterFromAccounts(tx, houseId);
  return { touched };
}

export interface RegisterImportRow {
  premiseNumber: string;
  lastName: string;
  firstName?: string | null;
  middleName?: string | null;
  shareNumerator: number;
  shareDenominator: number;
  titleDocument?: string | null;
  personId?: string | null;
}

/** Replaces the owners of every premise the import lists; refuses unknown premises and shares above 1. */
export async function importRegister(tx: Db, organisationId: string, houseId: string, owners: RegisterImportRow[]) {
  await requireHouse(tx, organisationId, houseId);
  const premises = await listHousePremises(tx, houseId);
  const byNumber = new Map(premises.map((p) => [p.number, p]));
  const fields: FieldError[] = [];
  const sums = new Map<string, { sum: Fraction; index: number }>();
  owners.forEach((o, i) => {
    const p = byNumber.get(o.premiseNumber);
    if (!p) {
      fields.push({ path: `body.owners.${i}.premiseNumber`, message: `no premise ${o.premiseNumber} in the house` });
      return;
    }
    if (o.shareNumerator > o.shareDenominator) {
      fields.push({ path: `body.owners.${i}.shareNumerator`, message: 'a share cannot exceed 1' });
      return;
    }
    const s = add(sums.get(p.id)?.sum ?? fraction(0n), fraction(BigInt(o.shareNumerator), BigInt(o.shareDenominator)));
    sums.set(p.id, { sum: s, index: i });
    if (compare(s, ONE) > 0)
      fields.push({
        path: `body.owners.${i}.shareNumerator`,
        message: `shares of premise ${o.premiseNumber} add up to more than 1`,
      });
  });
  const keys = new Set<string>();
  owners.forEach((o, i) => {
    const key = nameKey(o.premiseNumber, {
      lastName: o.lastName,
      firstName: o.firstName ?? null,
      middleName: o.middleName ?? null,
    });
    if (keys.has(key))
      fields.push({
        path: `body.owners.${i}.lastName`,
        message: 'the same owner of the same premise is listed twice',
      });
    keys.add(key);
  });
  if (fields.length) throw validationFailed(fields, 'The register import is not valid');
  const imported = await replaceRegisterOwners(
    tx,
    houseId,
    owners.map((o) => ({
      premiseId: byNumber.get(o.premiseNumber)!.id,
      lastName: o.lastName.trim(),
      firstName: o.firstName?.trim() || null,
      middleName: o.middleName?.trim() || null,
      shareNumerator: o.shareNumerator,
      shareDenominator: o.shareDenominator,
      titleDocument: o.titleDocument ?? null,
      personId: o.personId ?? null,
    })),
  );
  return { imported };
}
