import type { SqlExecutor } from '../../../contracts/ports.js';
import { registerSimHouses } from '../gis/simulator.js';
import { DEMO } from './core.js';

// Demo of the state-system exchange: the demo organisation's sync is on, the simulator knows its
// houses, and each demo account has a meter with a reading. The gis.sweep schedule queues what the
// state system does not know yet, so accounts, then meters, then readings reach the simulator within a
// minute of `npm start` and show in GET /api/v1/org/sync.

export const DEMO_GIS = {
  meters: ['00000000-0000-4000-8000-000000000701', '00000000-0000-4000-8000-000000000702', '00000000-0000-4000-8000-000000000703'],
  readings: ['00000000-0000-4000-8000-000000000711', '00000000-0000-4000-8000-000000000712', '00000000-0000-4000-8000-000000000713'],
} as const;

export async function seedGisSync(db: SqlExecutor) {
  await db.query(`INSERT INTO gis_sync_settings (organisation_id, enabled) VALUES ($1, true) ON CONFLICT DO NOTHING`, [DEMO.organisationId]);
  const { rows } = await db.query(`SELECT fias_house_guid::text AS g FROM houses WHERE organisation_id = $1 AND fias_house_guid IS NOT NULL`, [DEMO.organisationId]);
  await registerSimHouses(db, rows.map((r) => r.g));
  const accounts = [DEMO.accounts.citizenFlat12, DEMO.accounts.neighbourFlat13, DEMO.accounts.vladivostokFlat5];
  await db.query(
    `INSERT INTO meters (id, account_id, resource, serial_number, installed_on, verified_on, next_verification)
     SELECT m, a, 'cold_water', 'GIS-DEMO-' || right(m::text, 3), DATE '2024-03-01', DATE '2024-03-01', DATE '2030-03-01'
       FROM unnest($1::uuid[], $2::uuid[]) v(m, a)
     ON CONFLICT DO NOTHING`,
    [DEMO_GIS.meters, accounts],
  );
  await db.query(
    `INSERT INTO meter_readings (id, meter_id, period, taken_on, t1, source)
     SELECT r, m, to_char(now(), 'YYYY-MM'), current_date, 12.345 + n, 'organisation'
       FROM unnest($1::uuid[], $2::uuid[], $3::int[]) v(r, m, n)
     ON CONFLICT DO NOTHING`,
    [DEMO_GIS.readings, DEMO_GIS.meters, [1, 2, 3]],
  );
}
