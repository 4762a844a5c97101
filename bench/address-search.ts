// `npm run bench -- address-search`: address search over a generated registry of 1,000,000 houses.
// Builds the registry in a temporary embedded PostgreSQL (or BENCH_DATABASE_URL), then runs 1,000
// mixed queries (typos, abbreviations, word order, ё/е, glued house parts) and, in the same run, the
// exact indexed lookup of the same houses by FIAS GUID as the baseline. Target: search p95 < 30 ms.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createPool } from '../src/db/pool.js';
import { addRegistryWords } from '../src/registry/houses.repo.js';
import { searchHouses } from '../src/registry/search.js';
import { generateHouses, seededRandom, type GeneratedHouse } from '../src/sandbox/demo/addresses.js';

const HOUSES = Number(process.env.BENCH_HOUSES ?? 1_000_000);
const QUERIES = 1000;
const CHUNK = 10_000;

let dir: string | undefined;
let stop = async () => undefined as unknown;
let url = process.env.BENCH_DATABASE_URL;
if (!url) {
  dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-bench-'));
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), database: 'bench' });
  url = pg.url;
  stop = pg.stop;
}
await migrate(url);
const pool = createPool(url, 4);

try {
  const { rows: existing } = await pool.query(`SELECT count(*)::int AS n FROM houses`);
  if (existing[0].n < HOUSES) {
    const t0 = performance.now();
    // Bulk load without the search indexes, then build them once (as a first ГАР import would benefit from too).
    const { rows: indexes } = await pool.query(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'houses' AND indexname LIKE 'houses_search_%'`,
    );
    await pool.query(`DROP INDEX IF EXISTS houses_search_tsv_idx, houses_search_trgm_idx`);
    for (let from = existing[0].n; from < HOUSES; from += CHUNK) {
      const rows = generateHouses(from, Math.min(CHUNK, HOUSES - from));
      const c = <K extends keyof GeneratedHouse>(k: K) => rows.map((r) => r[k] ?? null);
      await pool.query(
        `INSERT INTO houses (fias_house_guid, region, settlement, street, house_number, building, structure, full_address, total_area, timezone, search_text)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[], $10::text[], $11::text[])
         ON CONFLICT (fias_house_guid) DO NOTHING`,
        [
          c('fiasHouseGuid'),
          c('region'),
          c('settlement'),
          c('street'),
          c('houseNumber'),
          c('building'),
          c('structure'),
          c('fullAddress'),
          c('totalArea'),
          c('timezone'),
          c('searchText'),
        ],
      );
      await addRegistryWords(
        pool,
        rows.map((r) => r.searchText),
      );
      if ((from / CHUNK) % 20 === 0) console.log(`generated ${from + rows.length} houses`);
    }
    const client = await pool.connect();
    try {
      await client.query(`SET maintenance_work_mem = '1GB'`);
      for (const { indexdef } of indexes) await client.query(indexdef);
      await client.query(`VACUUM ANALYZE houses`);
      await client.query(`ANALYZE registry_words`);
    } finally {
      client.release();
    }
    console.log(`registry built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const stats = (
    await pool.query(
      `SELECT (SELECT count(*) FROM houses)::int AS houses, (SELECT count(*) FROM registry_words)::int AS words`,
    )
  ).rows[0];
  console.log(`registry: ${stats.houses} houses, ${stats.words} distinct name words`);

  // The queries: houses picked at random, each written one of the ways people write addresses.
  const rnd = seededRandom(2026);
  const typo = (word: string) => {
    if (word.length < 5) return word;
    const i = 1 + Math.floor(rnd() * (word.length - 2));
    const kind = Math.floor(rnd() * 3);
    if (kind === 0) return word.slice(0, i) + word.slice(i + 1); // a letter dropped
    if (kind === 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // two swapped
    return word.slice(0, i) + 'аеиоуы'[Math.floor(rnd() * 6)] + word.slice(i + 1); // a vowel wrong
  };
  const city = (h: GeneratedHouse) => h.city.replace(/^г\. /, '');
  const parts = (h: GeneratedHouse, style: 'short' | 'long' | 'glued') => {
    const b = h.building
      ? style === 'glued'
        ? `к${h.building}`
        : style === 'long'
          ? ` корпус ${h.building}`
          : ` к ${h.building}`
      : '';
    const s = h.structure ? (style === 'long' ? ` строение ${h.structure}` : ` стр ${h.structure}`) : '';
    return `${h.houseNumber}${style === 'glued' ? '' : ''}${b}${s}`;
  };
  const styles: ((h: GeneratedHouse) => string)[] = [
    (h) => h.fullAddress,
    (h) => `${h.streetName} ${parts(h, 'short')} ${city(h)}`,
    (h) => `${city(h)} ${(h.street ?? '').replace('ул. ', 'улица ')} дом ${parts(h, 'long')}`,
    (h) => `${city(h)}, ${h.streetName.split(' ').map(typo).join(' ')} д.${parts(h, 'glued')}`,
    (h) => `${typo(city(h))} ${h.streetName} ${parts(h, 'short')}`.toLowerCase(),
    (h) => `${parts(h, 'short')} ${h.streetName.replace(/е/g, 'ё')} ${city(h)}`,
  ];
  const picks = Array.from({ length: QUERIES }, (_, i) => {
    const h = generateHouses(Math.floor(rnd() * stats.houses), 1)[0]!;
    return { house: h, q: styles[i % styles.length]!(h) };
  });

  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

  for (const p of picks.slice(0, 100)) await searchHouses(pool, p.q); // warm the cache
  const searchMs: number[] = [];
  const lookupMs: number[] = [];
  let found = 0;
  for (const p of picks) {
    let hits: Awaited<ReturnType<typeof searchHouses>> = [];
    searchMs.push(await time(async () => (hits = await searchHouses(pool, p.q, { limit: 10 }))));
    if (hits.some((h) => h.fiasHouseGuid === p.house.fiasHouseGuid)) found++;
    lookupMs.push(
      await time(() =>
        pool.query(`SELECT id, full_address FROM houses WHERE fias_house_guid = $1`, [p.house.fiasHouseGuid]),
      ),
    );
  }
  const f = (x: number) => x.toFixed(2);
  console.log(
    `examples: ${picks
      .slice(0, 6)
      .map((p) => JSON.stringify(p.q))
      .join(', ')}`,
  );
  console.log(`exact lookup by FIAS GUID: p50 ${f(pct(lookupMs, 50))} ms, p95 ${f(pct(lookupMs, 95))} ms`);
  console.log(
    `address search:            p50 ${f(pct(searchMs, 50))} ms, p95 ${f(pct(searchMs, 95))} ms, max ${f(Math.max(...searchMs))} ms`,
  );
  console.log(`the wanted house in the top 10: ${((found / QUERIES) * 100).toFixed(1)}% of ${QUERIES} queries`);
  console.log(
    `address search p95 ${f(pct(searchMs, 95))} ms (p50 ${f(pct(searchMs, 50))} ms) over ${stats.houses} houses vs exact lookup p95 ${f(pct(lookupMs, 95))} ms; target p95 < 30 ms: ${pct(searchMs, 95) < 30 ? 'met' : 'NOT met'}`,
  );
} finally {
  await pool.end();
  await stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
