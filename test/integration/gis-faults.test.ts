import { gisClient, primeReferenceData } from '../helpers/gis.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_DISPATCH_QUEUE } from '../../contracts/jobs.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

// Scaled-down version of bench/gis-export run 2: 2,000 readings through a simulator that fails 30% of
// calls, plus a message that reached the state system but whose Ack was lost (a crash between send and
// Ack). Every reading must be accepted exactly once, counted on the simulator's side.
const N = 2000;
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    label: 'gisfaults',
    listen: true,
    workers: true,
    env: {
      GIS_SIM_DELAY_MS: '50',
      GIS_SIM_FAULT_RATE: '0.3',
      GIS_SIM_HANG_MS: '10500',
      GIS_SIM_VALIDATE: 'false',
      GIS_POLL_SCHEDULE: '1',
      GIS_RETRY_DELAY_SECONDS: '0.2',
      GIS_SEND_ATTEMPTS: '40',
    },
    stateSystem: (config) => gisClient(config, 10_000),
  });
  await primeReferenceData(t); // readings name their resource by the NSI 2 element the cache holds
  const db = t.deps.db;
  await db.query(
    `INSERT INTO meters (account_id, resource, serial_number, gis_guid, gis_root_guid)
     SELECT $1, 'cold_water', 'F-' || n, gen_random_uuid(), gen_random_uuid() FROM generate_series(1, 20) n`,
    [DEMO.accounts.citizenFlat12],
  );
  await db.query(
    `INSERT INTO gis_sim_objects (transport_guid, operation, org_ppa_guid, object_guid, root_guid, unique_number)
     SELECT gen_random_uuid(), 'importMeteringDeviceData', o.gis_ppa_guid, m.gis_guid::uuid, m.gis_root_guid, ''
       FROM meters m JOIN organisations o ON o.id = $1 WHERE m.serial_number LIKE 'F-%'`,
    [DEMO.organisationId],
  );
  await db.query(
    `WITH m AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM meters WHERE serial_number LIKE 'F-%'),
          r AS (INSERT INTO meter_readings (meter_id, period, taken_on, t1, source)
                SELECT m.id, to_char(d, 'YYYY-MM'), d::date, n, 'resident'
                  FROM generate_series(0, $1 - 1) n JOIN m ON m.k = n % 20
                  CROSS JOIN LATERAL (SELECT DATE '2000-01-20' + make_interval(months => n / 20) AS d) p -- one reading per meter and month
                RETURNING id)
     INSERT INTO sync_items (organisation_id, operation, object_type, object_id) SELECT $2, 'importMeteringDeviceValues', 'reading', id FROM r`,
    [N, DEMO.organisationId],
  );
});
afterAll(() => t?.close());

describe('exchange under faults', () => {
  it('accepts every reading exactly once despite 30% faults and a lost Ack', async () => {
    const db = t.deps.db;
    // A message sent straight through the client, as if the worker died before storing the Ack.
    const { rows: first } = await db.query(
      `SELECT transport_guid FROM sync_items WHERE operation = 'importMeteringDeviceValues' ORDER BY created_at, id LIMIT 1000`,
    );
    expect(first).toHaveLength(1000);
    await t.deps.enqueue(
      db,
      SYNC_DISPATCH_QUEUE,
      { organisationId: DEMO.organisationId, operation: 'importMeteringDeviceValues' },
      { singletonKey: `${DEMO.organisationId}:importMeteringDeviceValues` },
    );
    const { rows: msg } = await (async () => {
      for (let i = 0; i < 100; i++) {
        const r = await db.query(
          `SELECT id, items FROM gis_messages WHERE operation = 'importMeteringDeviceValues' ORDER BY created_at LIMIT 1`,
        );
        if (r.rows.length) return r;
        await new Promise((res) => setTimeout(res, 100));
      }
      throw new Error('no message prepared');
    })();
    const orphan = gisClient(t.deps.config, 5000);
    const org = { orgPpaGuid: '5b3a0c5e-8d0e-4b8a-9a61-3f7c2b1d0e11' };
    // The state system processes a message whether or not anyone asks; the simulator does at the first getState.
    let processed = false;
    for (let round = 0; round < 10 && !processed; round++) {
      let ack: string | undefined;
      for (let i = 0; i < 20 && !ack; i++)
        ack = await orphan.send('importMeteringDeviceValues', org, msg[0].items).then(
          (s) => s.ack.messageGuid,
          () => undefined,
        );
      for (let i = 0; i < 60; i++) {
        const state = await orphan.getState('importMeteringDeviceValues', org, ack!).catch(() => undefined);
        if (state?.requestState === 3) {
          processed = !state.error; // EXP001000: nothing taken, send again
          break;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    expect(processed).toBe(true);

    const end = Date.now() + 150_000;
    for (;;) {
      const { rows } = await db.query(
        `SELECT count(*) FILTER (WHERE status IN ('accepted', 'rejected', 'dead'))::int AS n FROM sync_items WHERE operation = 'importMeteringDeviceValues'`,
      );
      if (rows[0].n >= N) break;
      if (Date.now() > end) {
        const m = await db.query(`SELECT operation, status, attempts, polls, item_count, last_error FROM gis_messages`);
        const s = await db.query(`SELECT operation, status, count(*)::int FROM sync_items GROUP BY 1, 2`);
        throw new Error(`only ${rows[0].n} finished: ${JSON.stringify(m.rows)} ${JSON.stringify(s.rows)}`);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    const { rows: ours } = await db.query(
      `SELECT status, count(*)::int AS n FROM sync_items WHERE operation = 'importMeteringDeviceValues' AND object_id IN (SELECT id FROM meter_readings WHERE meter_id IN (SELECT id FROM meters WHERE serial_number LIKE 'F-%')) GROUP BY 1`,
    );
    expect(ours).toEqual([{ status: 'accepted', n: N }]);
    const { rows: sim } = await db.query(
      `SELECT count(*)::int AS objects, count(*) FILTER (WHERE times_received > 1)::int AS resent FROM gis_sim_objects o
        WHERE operation = 'importMeteringDeviceValues' AND transport_guid IN (SELECT transport_guid FROM sync_items)`,
    );
    expect(sim[0].objects).toBe(N);
    expect(sim[0].resent).toBeGreaterThanOrEqual(1000); // the orphaned message's items came again and were not accepted twice
  }, 180_000);
});
