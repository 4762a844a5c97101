import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_METERS } from '../../src/sandbox/demo/metering.js';
import { apiKeyHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { nudgeSync, syncUntil, gisClient } from '../helpers/gis.js';
import { queueUnsynced } from '../../src/sync/gis/unsynced.js';
import { queueReferenceData } from '../../src/sync/gis/reference-sources.js';

let t: TestApp;
let headers: Record<string, string>;
let readingMeters: string[]; // meters whose recent demo readings the sweep queued

const until = <T>(what: string, fn: () => Promise<T | undefined | false>) => syncUntil(t, what, fn, 140_000);
const nudge = (operation: string) => nudgeSync(t, operation);

beforeAll(async () => {
  t = await startTestApp({
    label: 'gis',
    listen: true,
    workers: true,
    env: { GIS_SIM_DELAY_MS: '100', GIS_POLL_SCHEDULE: '1', GIS_RETRY_DELAY_SECONDS: '0.2' },
    stateSystem: (config) => gisClient(config, 15_000),
  });
  headers = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view', 'sync.manage']);
  // What the gis.sweep schedule does in a running service (tests run no schedules): reference data, then rows.
  await queueReferenceData(t.deps.db, t.deps.enqueue, DEMO.organisationId);
  expect(await queueUnsynced(t.deps.db, DEMO.organisationId)).toBeGreaterThan(0);
  const { rows } = await t.deps.db.query(
    `SELECT DISTINCT r.meter_id FROM sync_items s JOIN meter_readings r ON r.id = s.object_id WHERE s.operation = 'importMeteringDeviceValues'`,
  );
  readingMeters = rows.map((r) => r.meter_id);
  expect(readingMeters.length).toBeGreaterThan(0);
});
afterAll(() => t?.close());

describe('state-system exchange with the simulator', { timeout: 150_000 }, () => {
  it('syncs the demo accounts, then meters, then readings, saving the state system identifiers', async () => {
    await nudge('importMeteringDeviceValues'); // readings wait for meters, meters for accounts
    await until('readings accepted', async () => {
      const { rows } = await t.deps.db.query(
        `SELECT count(*) FILTER (WHERE status = 'accepted')::int AS accepted, count(*)::int AS n FROM sync_items WHERE operation = 'importMeteringDeviceValues'`,
      );
      return rows[0].accepted === rows[0].n;
    });
    const meters = await t.deps.db.query(`SELECT gis_guid, gis_root_guid FROM meters WHERE id = ANY($1::uuid[])`, [
      readingMeters,
    ]);
    expect(meters.rows).toHaveLength(readingMeters.length);
    expect(meters.rows.every((m) => /^[0-9a-f-]{36}$/.test(m.gis_guid) && m.gis_root_guid)).toBe(true);
    // Flat 8's owner is an organisation given by OGRN only: its account waits for the register's answer.
    await nudge('exportOrgRegistry');
    await until('every account in the state system', async () => {
      const { rows } = await t.deps.db.query(
        `SELECT count(*) FILTER (WHERE gis_account_guid IS NULL OR gis_unique_number IS NULL)::int AS open FROM accounts WHERE organisation_id = $1`,
        [DEMO.organisationId],
      );
      return rows[0].open === 0;
    });
    const payer = await t.deps.db.query(
      `SELECT org_registry_version_guid FROM account_owners WHERE org_ogrn IS NOT NULL AND org_version_guid IS NULL`,
    );
    expect(payer.rows.length).toBeGreaterThan(0);
    expect(payer.rows.every((o) => o.org_registry_version_guid)).toBe(true);
    const messages = await t.deps.db.query(`SELECT status, ack_guid, attempts FROM gis_messages`);
    expect(messages.rows.every((m) => m.status === 'done' && m.ack_guid)).toBe(true);

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/org/sync', headers });
    expect(res.statusCode).toBe(200);
    const byOp = Object.fromEntries(
      res.json().operations.map((o: { operation: string; counts: Record<string, number> }) => [o.operation, o.counts]),
    );
    const queued = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM sync_items WHERE operation = 'importMeteringDeviceValues'`,
    );
    expect(byOp.importMeteringDeviceValues.accepted).toBe(queued.rows[0].n);
    expect(res.json().enabled).toBe(true);
  }, 150_000);

  it('stores item errors with the state system code (INT002000 for an unknown house) and retries them only when asked', async () => {
    const { rows } = await t.deps.db.query(
      `INSERT INTO houses (fias_house_guid, region, house_number, full_address, organisation_id) VALUES (gen_random_uuid(), 'г. Москва', '1', 'г. Москва, д. 1', $1) RETURNING id`,
      [DEMO.organisationId],
    );
    const acc = await t.deps.db.query(
      `INSERT INTO accounts (organisation_id, house_id, number) VALUES ($1, $2, 'X-1') RETURNING id`,
      [DEMO.organisationId, rows[0].id],
    );
    await t.deps.db.query(
      `INSERT INTO sync_items (organisation_id, operation, object_type, object_id) VALUES ($1, 'importAccountData', 'account', $2)`,
      [DEMO.organisationId, acc.rows[0].id],
    );
    await nudge('importAccountData');
    const item = await until('rejection', async () => {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/v1/org/sync/items?objectId=${acc.rows[0].id}`,
        headers,
      });
      const it = r.json().items[0];
      return it?.status === 'rejected' ? it : undefined;
    });
    expect(item.errorCode).toBe('INT002000');
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/sync/retry',
      headers,
      payload: { itemIds: [item.id] },
    });
    expect(plain.json().requeued).toBe(0); // rejected items are not retried blindly
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/sync/retry',
      headers,
      payload: { itemIds: [item.id], includeRejected: true },
    });
    expect(asked.json().requeued).toBe(1);
  });

  it('keeps items pending while the organisation switch is off', async () => {
    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/org/sync/settings',
      headers,
      payload: { enabled: false },
    });
    expect(off.json()).toEqual({ enabled: false });
    const reading = await t.deps.db.query(
      `INSERT INTO meter_readings (meter_id, period, taken_on, t1, source) VALUES ($1, to_char(now() + interval '1 year', 'YYYY-MM'), current_date + 365, 99999.5, 'resident') RETURNING id`,
      [DEMO_METERS.coldWater],
    );
    await t.deps.db.query(
      `INSERT INTO sync_items (organisation_id, operation, object_type, object_id) VALUES ($1, 'importMeteringDeviceValues', 'reading', $2)`,
      [DEMO.organisationId, reading.rows[0].id],
    );
    await nudge('importMeteringDeviceValues');
    await new Promise((r) => setTimeout(r, 1500));
    const { rows } = await t.deps.db.query(`SELECT status FROM sync_items WHERE object_id = $1`, [reading.rows[0].id]);
    expect(rows[0].status).toBe('pending');
    await t.app.inject({ method: 'PUT', url: '/api/v1/org/sync/settings', headers, payload: { enabled: true } });
    await until('accepted after switching on', async () => {
      const r = await t.deps.db.query(`SELECT status FROM sync_items WHERE object_id = $1`, [reading.rows[0].id]);
      return r.rows[0].status === 'accepted';
    });
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/org/sync/settings',
      headers,
      payload: { enabled: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
