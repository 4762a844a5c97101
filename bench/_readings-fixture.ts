// The readings both import benchmarks load: 5,000 accounts in the demo's Moscow house with four
// single-tariff meters each, and five monthly readings per meter with three decimals (100,000 rows).
import type pg from 'pg';
import { DEMO } from '../src/sandbox/demo/index.js';

export const ROWS = 100_000;
const PERIODS = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const METERS = ROWS / PERIODS.length;
const RESOURCES = ['cold_water', 'hot_water', 'electricity', 'gas'] as const;

export interface ReadingRow {
  meterId: string;
  accountNumber: string;
  serialNumber: string;
  period: string;
  takenOn: string;
  t1: string;
}

/** Inserts the accounts and meters (the demo data must be seeded) and returns the rows to import. */
export async function readingsFixture(db: pg.Pool): Promise<ReadingRow[]> {
  await db.query(
    `INSERT INTO accounts (organisation_id, house_id, number)
     SELECT $1, $2, 'B' || lpad(n::text, 6, '0') FROM generate_series(1, $3::int) n`,
    [DEMO.organisationId, DEMO.houses.moscow, METERS / RESOURCES.length],
  );
  await db.query(
    `INSERT INTO meters (account_id, resource, serial_number, digit_capacity, next_verification)
     SELECT a.id, r, a.number || '-' || r, 6, '2035-01-01' FROM accounts a CROSS JOIN unnest($1::text[]) r
     WHERE a.number LIKE 'B%'`,
    [RESOURCES],
  );
  const { rows: meters } = await db.query<{ id: string; number: string; serial_number: string }>(
    `SELECT m.id, a.number, m.serial_number FROM meters m JOIN accounts a ON a.id = m.account_id
     WHERE a.number LIKE 'B%' ORDER BY a.number, m.resource`,
  );
  return meters.flatMap((m, i) =>
    PERIODS.map((period, p) => ({
      meterId: m.id,
      accountNumber: m.number,
      serialNumber: m.serial_number,
      period,
      takenOn: `${period}-20`,
      t1: `${1000 + (i % 700) + p * 7}.${String((i * 37 + p * 101) % 1000).padStart(3, '0')}`,
    })),
  );
}

/** The rows as the NDJSON of POST /api/v1/org/readings/import, in chunks of 5,000 lines. */
export async function* readingsNdjson(rows: ReadingRow[]): AsyncGenerator<string> {
  for (let i = 0; i < rows.length; i += 5000) {
    yield rows
      .slice(i, i + 5000)
      .map(
        (r) =>
          `{"accountNumber":"${r.accountNumber}","serialNumber":"${r.serialNumber}","period":"${r.period}","takenOn":"${r.takenOn}","t1":"${r.t1}"}\n`,
      )
      .join('');
  }
}
