// Control-digit checks of Russian identifiers (rules in ../shared/DOMAIN.md, «Identifiers and checksums»).
// Pure and shared: payment documents, appeals (refund to a bank account) and imports use the same ones.

const digitsOf = (s: string) => [...s].map(Number);

function weightedMod11(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  return (sum % 11) % 10;
}

/** ИНН: 10 digits (organisation) or 12 (person), each control digit = weighted sum mod 11 mod 10. */
export function isValidInn(inn: string): boolean {
  if (/^\d{10}$/.test(inn)) {
    const d = digitsOf(inn);
    return weightedMod11(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  }
  if (/^\d{12}$/.test(inn)) {
    const d = digitsOf(inn);
    return (
      weightedMod11(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] &&
      weightedMod11(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11]
    );
  }
  return false;
}

/** БИК: 9 digits (it has no control digit of its own; accounts are checked against it). */
export function isValidBik(bik: string): boolean {
  return /^\d{9}$/.test(bik);
}

// Bank of Russia account control key: the 3 digits before the account, then the 20 account digits,
// weights 7,1,3 repeated; the sum of the last digits of the products is ≡ 0 (mod 10).
function accountKeyOk(prefix3: string, account: string): boolean {
  const d = digitsOf(prefix3 + account);
  const sum = d.reduce((acc, x, i) => acc + ((x * [7, 1, 3][i % 3]!) % 10), 0);
  return sum % 10 === 0;
}

/** Расчётный счёт: 20 digits, keyed with the last 3 digits of the bank's BIK. */
export function isValidSettlementAccount(account: string, bik: string): boolean {
  return /^\d{20}$/.test(account) && isValidBik(bik) && accountKeyOk(bik.slice(6, 9), account);
}

/** Корреспондентский счёт: 20 digits starting 301, keyed with "0" + BIK digits 5–6. */
export function isValidCorrespondentAccount(account: string, bik: string): boolean {
  return /^301\d{17}$/.test(account) && isValidBik(bik) && accountKeyOk(`0${bik.slice(4, 6)}`, account);
}

export interface BankDetailsInput {
  inn: string;
  bik: string;
  settlementAccount: string;
  correspondentAccount: string;
}

/** Every failed check of a payee's bank details, as field names with reasons (empty when all pass). */
export function bankDetailsProblems(d: BankDetailsInput): { field: keyof BankDetailsInput; message: string }[] {
  const out: { field: keyof BankDetailsInput; message: string }[] = [];
  if (!isValidInn(d.inn)) out.push({ field: 'inn', message: 'INN fails its checksum' });
  if (!isValidBik(d.bik)) out.push({ field: 'bik', message: 'BIK must be 9 digits' });
  if (!isValidSettlementAccount(d.settlementAccount, d.bik)) out.push({ field: 'settlementAccount', message: 'settlement account fails its control key with the BIK' });
  if (!isValidCorrespondentAccount(d.correspondentAccount, d.bik)) out.push({ field: 'correspondentAccount', message: 'correspondent account fails its control key with the BIK' });
  return out;
}
