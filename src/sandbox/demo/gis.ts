import type { SqlExecutor } from '../../../contracts/ports.js';
import { registerSimHouses } from '../gis/simulator.js';
import { DEMO } from './core.js';

// Demo of the state-system exchange: the demo organisation's sync is on and the simulator knows its
// houses. The gis.sweep schedule queues what the state system does not know yet (the demo accounts,
// the metering demo's meters and their recent readings), so they reach the simulator within about
// two minutes of `npm start` and show in GET /api/v1/org/sync.
export async function seedGisSync(db: SqlExecutor) {
  await db.query(`INSERT INTO gis_sync_settings (organisation_id, enabled) VALUES ($1, true) ON CONFLICT DO NOTHING`, [DEMO.organisationId]);
  const { rows } = await db.query(`SELECT fias_house_guid::text AS g FROM houses WHERE organisation_id = $1 AND fias_house_guid IS NOT NULL`, [DEMO.organisationId]);
  await registerSimHouses(db, rows.map((r) => r.g));
}
