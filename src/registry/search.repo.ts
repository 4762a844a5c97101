import type { SqlExecutor } from '../../contracts/ports.js';

// SQL of address search: the word list that corrects typos, and houses matched through the full-text
// index or, as a last resort, by trigram similarity. Organisation names are joined in for display.

// Rows matched before ranking: a broad query ("москва") ranks a sample, a precise one ranks all.
const RANK_POOL = 500;

export interface SpellingRow {
  /** 1-based position of the query word. */
  i: string;
  word: string;
  exact: boolean;
}

/**
 * Each query word's closest words in the registry's word list (itself first when it is there); the
 * word at `prefixAt` (1-based, 0 for none) may also be a prefix being typed.
 */
export async function closestWords(db: SqlExecutor, words: string[], prefixAt: number, perWord: number) {
  const { rows } = await db.query<SpellingRow>(
    `SELECT q.i, c.word, c.word = q.w AS exact, c.sim
       FROM unnest($1::text[]) WITH ORDINALITY q(w, i)
       CROSS JOIN LATERAL (
         SELECT word, similarity(word, q.w) AS sim FROM registry_words
          WHERE word % q.w OR (q.i = $2 AND length(q.w) >= 3 AND word LIKE q.w || '%')
          ORDER BY word = q.w DESC, word LIKE q.w || '%' DESC, similarity(word, q.w) DESC
          LIMIT $3) c`,
    [words, prefixAt, perWord],
  );
  return rows;
}

export interface HouseHitRow {
  id: string;
  fias_house_guid: string | null;
  full_address: string;
  region: string;
  settlement: string | null;
  street: string | null;
  house_number: string;
  building: string | null;
  structure: string | null;
  letter: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  score: number;
}

const HIT_COLUMNS = `h.id, h.fias_house_guid, h.full_address, h.region, h.settlement, h.street, h.house_number, h.building,
  h.structure, h.letter, h.organisation_id, o.name AS organisation_name`;

/** Houses matching the tsquery, ranked by trigram similarity of their search text to `normalised`. */
export async function housesMatching(
  db: SqlExecutor,
  tsquery: string,
  normalised: string,
  limit: number,
): Promise<HouseHitRow[]> {
  const { rows } = await db.query<HouseHitRow>(
    `WITH m AS (SELECT id, search_text FROM houses WHERE search_tsv @@ $1::tsquery LIMIT ${RANK_POOL}),
          r AS (SELECT id, similarity(search_text, $2) AS score FROM m ORDER BY score DESC, length(search_text) LIMIT $3)
     SELECT ${HIT_COLUMNS}, r.score FROM r JOIN houses h ON h.id = r.id LEFT JOIN organisations o ON o.id = h.organisation_id
      ORDER BY r.score DESC, h.full_address`,
    [tsquery, normalised, limit],
  );
  return rows;
}

/** Houses whose whole search text is similar to `normalised` (trigrams), best first. */
export async function housesSimilar(db: SqlExecutor, normalised: string, limit: number): Promise<HouseHitRow[]> {
  const { rows } = await db.query<HouseHitRow>(
    `SELECT ${HIT_COLUMNS}, similarity(h.search_text, $1) AS score
       FROM houses h LEFT JOIN organisations o ON o.id = h.organisation_id
      WHERE h.search_text % $1
      ORDER BY score DESC, h.full_address LIMIT $2`,
    [normalised, limit],
  );
  return rows;
}
