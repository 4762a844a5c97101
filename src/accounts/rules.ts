import { randomInt } from 'node:crypto';

/** A surname as compared for proof: case, ё/е, spaces and hyphens do not matter. */
export const normaliseSurname = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\-‐–—]+/g, '')
    .trim();

/**
 * Whether the entered surname is one of the recorded owners'. Every recorded name is compared (no
 * early exit), so the time taken does not depend on which owner matched or whether any did.
 */
export function surnameMatches(entered: string, recorded: string[]): boolean {
  const want = normaliseSurname(entered);
  let match = false;
  for (const name of recorded.length ? recorded : ['\u0000']) {
    const have = normaliseSurname(name);
    let diff = want.length ^ have.length;
    for (let i = 0; i < Math.max(want.length, have.length); i++)
      diff |= (want.charCodeAt(i) || 0) ^ (have.charCodeAt(i) || 0);
    match = match || (diff === 0 && want.length > 0);
  }
  return match;
}

export interface Share {
  numerator: number;
  denominator: number;
}

export function parseShare(text: string): Share | null {
  const m = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/.exec(text);
  if (!m) return null;
  const numerator = Number(m[1]);
  const denominator = Number(m[2]);
  if (numerator < 1 || denominator < numerator) return null;
  return { numerator, denominator };
}

/** Whether owners' shares add up to at most the whole (exact fractions, no floating point). */
export function sharesFit(shares: Share[]): boolean {
  let num = 0n;
  let den = 1n;
  for (const s of shares) {
    num = num * BigInt(s.denominator) + BigInt(s.numerator) * den;
    den *= BigInt(s.denominator);
  }
  return num <= den;
}

/** A six-digit one-time code. */
export const oneTimeCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

// Invitation codes avoid letters and digits that read alike (0/O, 1/I/L).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An invitation code people can type: 12 characters in groups of four (about 59 bits). */
export function invitationCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(0, CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export const normaliseInvitationCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** "Иванов И. И." — how a person is shown to others who share the account. */
export function shortName(last: string | null, first: string | null, middle: string | null): string {
  const initials = [first, middle]
    .filter(Boolean)
    .map((n) => `${n![0]}.`)
    .join(' ');
  return [last ?? '—', initials].filter(Boolean).join(' ');
}
