// Control digits of Russian identifiers (rules in docs/domain.md, "Identifiers and checksums").
// Pure functions on digit strings: no separators are accepted, callers strip them first.

const digits = (s: string) => Array.from(s, Number);
const weighted = (ds: number[], weights: number[]) => weights.reduce((sum, w, i) => sum + w * (ds[i] ?? 0), 0);

/** INN: 10 digits (organisation, one control digit) or 12 (person, two); each is sum mod 11 mod 10. */
export function isValidInn(s: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(s)) return false;
  const d = digits(s);
  const control = (weights: number[]) => (weighted(d, weights) % 11) % 10;
  if (s.length === 10) return control([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  return control([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && control([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
}

/**
 * OGRN: 13 digits (organisation; the first 12 as a number mod 11, mod 10, is the 13th) or 15 (ОГРНИП of an
 * individual entrepreneur; the first 14 mod 13, mod 10, is the 15th).
 */
export function isValidOgrn(s: string): boolean {
  if (!/^(\d{13}|\d{15})$/.test(s)) return false;
  const body = BigInt(s.slice(0, -1));
  const control = (body % (s.length === 13 ? 11n : 13n)) % 10n;
  return String(control) === s.at(-1);
}

/** KPP: 9 characters, the tax office (4 digits), the reason (2 digits or capital Latin letters), a number (3 digits). */
export function isValidKpp(s: string): boolean {
  return /^\d{4}[0-9A-Z]{2}\d{3}$/.test(s);
}

/**
 * BIK: 9 digits. It has no control digit of its own; Russian BIKs begin with the country code 04
 * (Bank of Russia directive 5286-У), which catches most typos of the leading digits.
 */
export function isValidBik(s: string): boolean {
  return /^04\d{7}$/.test(s);
}

// A 20-digit account is checked together with 3 digits taken from the BIK: weights 7,1,3 repeated
// over the 23 digits, the sum must end in 0.
function accountKeyMatches(prefix3: string, account: string): boolean {
  const d = digits(prefix3 + account);
  const sum = d.reduce((acc, x, i) => acc + ((x * [7, 1, 3][i % 3]!) % 10), 0);
  return sum % 10 === 0;
}

/** Settlement account (расчётный счёт): 20 digits, keyed with the BIK's last three digits. */
export function isValidSettlementAccount(account: string, bik: string): boolean {
  return /^\d{20}$/.test(account) && isValidBik(bik) && accountKeyMatches(bik.slice(-3), account);
}

/** Correspondent account: 20 digits starting 301, keyed with "0" + the BIK's 5th and 6th digits. */
export function isValidCorrespondentAccount(account: string, bik: string): boolean {
  return /^301\d{17}$/.test(account) && isValidBik(bik) && accountKeyMatches(`0${bik.slice(4, 6)}`, account);
}

/**
 * SNILS control number (ПФР resolution of 11.12.1996 № 232): the first nine digits weighted 9..1;
 * a sum below 100 is itself, 100 and 101 give 00, above that the sum mod 101 (100 again giving 00).
 */
export function snilsControl(nineDigits: string): string {
  const sum = weighted(digits(nineDigits), [9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const control = sum < 100 ? sum : (sum % 101) % 100;
  return String(control).padStart(2, '0');
}

/** SNILS: 11 digits, the last two the control number. */
export function isValidSnils(value: string): boolean {
  return /^\d{11}$/.test(value) && snilsControl(value.slice(0, 9)) === value.slice(9);
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
  if (!isValidBik(d.bik)) out.push({ field: 'bik', message: 'BIK must be 9 digits starting 04' });
  if (!isValidSettlementAccount(d.settlementAccount, d.bik))
    out.push({ field: 'settlementAccount', message: 'settlement account fails its control key with the BIK' });
  if (!isValidCorrespondentAccount(d.correspondentAccount, d.bik))
    out.push({ field: 'correspondentAccount', message: 'correspondent account fails its control key with the BIK' });
  return out;
}
