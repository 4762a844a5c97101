import type { SqlExecutor } from '../../contracts/ports.js';
import { addressTokens, isNameWord } from './normalize.js';

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
// Rows matched before ranking: a broad query ("москва") ranks a sample, a precise one ranks all.
const RANK_POOL = 500;

const quote = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;

/**
 * Finds each name word's spellings in the registry's word list: the word itself when it exists,
 * otherwise its closest words by trigram similarity; the last word may also be a prefix being typed.
 */
async function correctWords(db: SqlExecutor, words: string[], lastIsPrefix: boolean): Promise<string[][]> {
  if (!words.length) return [];
  const { rows } = await db.query(
    `SELECT q.i, c.word, c.word = q.w AS exact, c.sim
       FROM unnest($1::text[]) WITH ORDINALITY q(w, i)
       CROSS JOIN LATERAL (
         SELECT word, similarity(word, q.w) AS sim FROM registry_words
          WHERE word % q.w OR (q.i = $2 AND length(q.w) >= 3 AND word LIKE q.w || '%')
          ORDER BY word = q.w DESC, word LIKE q.w || '%' DESC, similarity(word, q.w) DESC
          LIMIT $3) c`,
    [words, lastIsPrefix ? words.length : 0, CORRECTIONS_PER_WORD + 2],
  );
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
    const hits = await matchAndRank(db, terms.join(' & '), normalised, limit);
    if (hits.length) return hits;
  }
  return fuzzyFallback(db, normalised, limit);
}

async function matchAndRank(db: SqlExecutor, tsquery: string, normalised: string, limit: number): Promise<HouseHit[]> {
  const { rows } = await db.query(
    `WITH m AS (SELECT id, search_text FROM houses WHERE search_tsv @@ $1::tsquery LIMIT ${RANK_POOL}),
          r AS (SELECT id, similarity(search_text, $2) AS score FROM m ORDER BY score DESC, length(search_text) LIMIT $3)
     SELECT ${HIT_COLUMNS}, r.score FROM r JOIN houses h ON h.id = r.id LEFT JOIN organisations o ON o.id = h.organisation_id
      ORDER BY r.score DESC, h.full_address`,
    [tsquery, normalised, limit],
  );
  return rows.map(toHit);
}

/** Last resort for text the token match cannot place: trigram similarity over the whole search text. */
async function fuzzyFallback(db: SqlExecutor, normalised: string, limit: number): Promise<HouseHit[]> {
  const { rows } = await db.query(
    `SELECT ${HIT_COLUMNS}, similarity(h.search_text, $1) AS score
       FROM houses h LEFT JOIN organisations o ON o.id = h.organisation_id
      WHERE h.search_text % $1
      ORDER BY score DESC, h.full_address LIMIT $2`,
    [normalised, limit],
  );
  return rows.map(toHit);
}

const HIT_COLUMNS = `h.id, h.fias_house_guid, h.full_address, h.region, h.settlement, h.street, h.house_number, h.building,
  h.structure, h.letter, h.organisation_id, o.name AS organisation_name`;

function toHit(r: any): HouseHit {
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
