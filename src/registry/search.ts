import type { SqlExecutor } from '../../contracts/ports.js';
import { addressTokens, isNameWord } from './normalize.js';
import { closestWords, type HouseHitRow, housesMatching, housesSimilar } from './search.repo.js';

export interface HouseHit {
  id: string;
  fiasHouseGuid: string | null;
  fullAddress: string;
  region: string;
  settlement: string | null;
  street: string | null;
  houseNumber: string;
  building: string | null;
  structure: string | null;
  letter: string | null;
  organisationId: string | null;
  organisationName: string | null;
  score: number;
}

// How many close spellings of one query word are tried; more widens recall and slows the match.
const CORRECTIONS_PER_WORD = 3;
const quote = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;

/**
 * Finds each name word's spellings in the registry's word list: the word itself when it exists,
 * otherwise its closest words by trigram similarity; the last word may also be a prefix being typed.
 */
async function correctWords(db: SqlExecutor, words: string[], lastIsPrefix: boolean): Promise<string[][]> {
  if (!words.length) return [];
  const rows = await closestWords(db, words, lastIsPrefix ? words.length : 0, CORRECTIONS_PER_WORD + 2);
  const byWord: string[][] = words.map(() => []);
  const exact = new Set<number>();
  for (const r of rows) if (r.exact) exact.add(Number(r.i) - 1);
  for (const r of rows) {
    const i = Number(r.i) - 1;
    const list = byWord[i]!;
    const isPrefix = lastIsPrefix && i === words.length - 1 && r.word.startsWith(words[i]!);
    // A word spelt as in the registry is taken as meant; only the word being typed widens to its completions.
    if (exact.has(i) && !r.exact && !isPrefix) continue;
    if (list.length < CORRECTIONS_PER_WORD) list.push(r.word);
  }
  return byWord;
}

export interface SearchOptions {
  limit?: number;
}

/**
 * Address search: the query is normalised like the registry (type words dropped, house parts as
 * tokens, ё → е), name words are corrected against the word list (typos), then houses holding every
 * word (any spelling found) and every number are found through the full-text index and ranked by
 * trigram similarity to the query. Word order does not matter.
 */
export async function searchHouses(db: SqlExecutor, q: string, options: SearchOptions = {}): Promise<HouseHit[]> {
  const limit = options.limit ?? 20;
  const tokens = addressTokens(q);
  if (!tokens.length) return [];
  const words = tokens.filter(isNameWord);
  const exact = tokens.filter((t) => !isNameWord(t) && t.length > 0);
  const lastIsPrefix = !/\s$/.test(q) && isNameWord(tokens[tokens.length - 1]!);
  const corrected = await correctWords(db, words, lastIsPrefix);

  const groups: string[] = [];
  corrected.forEach((spellings) => {
    // A word with no spelling close to anything in the registry is noise ("россия", a misprint beyond repair).
    if (spellings.length) groups.push(`(${spellings.map(quote).join(' | ')})`);
  });
  const needed = exact.map(quote);
  const normalised = tokens.join(' ');

  const attempts = [[...groups, ...needed]];
  // Nothing with every number: keep the house number, drop the parts (корпус, строение) that may be written differently.
  if (needed.length > 1) attempts.push([...groups, needed[0]!]);
  if (needed.length && groups.length) attempts.push([...groups, `${needed[0]!}:*`]);
  for (const terms of attempts) {
    if (!terms.length) break;
    const hits = (await housesMatching(db, terms.join(' & '), normalised, limit)).map(toHit);
    if (hits.length) return hits;
  }
  // Last resort for text the token match cannot place: trigram similarity over the whole search text.
  return (await housesSimilar(db, normalised, limit)).map(toHit);
}

function toHit(r: HouseHitRow): HouseHit {
  return {
    id: r.id,
    fiasHouseGuid: r.fias_house_guid,
    fullAddress: r.full_address,
    region: r.region,
    settlement: r.settlement,
    street: r.street,
    houseNumber: r.house_number,
    building: r.building,
    structure: r.structure,
    letter: r.letter,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    score: Math.round(Number(r.score) * 1000) / 1000,
  };
}
