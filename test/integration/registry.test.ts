import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGarDirectory } from '../../src/registry/gar/import.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { GAR_SAMPLE, writeGarSample } from '../helpers/gar-sample.js';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await startTestApp({ label: 'registry' });
  dir = await writeGarSample();
});
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const snapshot = async () =>
  (await t.deps.db.query(`SELECT id, xmin::text, updated_at, full_address, search_text FROM houses ORDER BY id`)).rows;
const search = async (q: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/registry/houses?q=${encodeURIComponent(q)}` });
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; fullAddress: string; fiasHouseGuid: string }[];
};

describe('ГАР import', () => {
  it('builds houses from the objects, houses and hierarchy files, keeping only actual and active records', async () => {
    const report = await importGarDirectory(t.deps.db, dir, { batchSize: 2 });
    expect(report.files.map((f) => f.kind).sort()).toEqual([
      'addr_obj',
      'addr_obj',
      'adm_hierarchy',
      'adm_hierarchy',
      'apartments',
      'apartments',
      'houses',
      'houses',
    ]);
    expect(report.houses).toMatchObject({ created: 3, updated: 1, waiting: 0 });
    const { rows } = await t.deps.db.query(
      `SELECT fias_house_guid, full_address, region, settlement, street, house_number, building, structure, letter, timezone
         FROM houses WHERE gar_object_id IS NOT NULL ORDER BY gar_object_id`,
    );
    expect(rows.map((r) => r.full_address)).toEqual([
      'г. Москва, ул. Профсоюзная, д. 43, корп. 1',
      'г. Москва, ул. Профсоюзная, д. 45',
      'г. Москва, ул. Тверская, д. 7, стр. 2',
      'Приморский край, г. Владивосток, ул. Светланская, д. 10А',
    ]);
    expect(rows[2]).toMatchObject({ house_number: '7', structure: '2', building: null });
    expect(rows[3]).toMatchObject({ settlement: 'г. Владивосток', timezone: 'Asia/Vladivostok' });
    const demo = await t.deps.db.query(`SELECT organisation_id, gar_object_id FROM houses WHERE id = $1`, [
      DEMO.houses.moscow,
    ]);
    expect(demo.rows[0]).toEqual({ organisation_id: DEMO.organisationId, gar_object_id: '2001' });
    const linked = await t.deps.db.query(
      `SELECT number FROM premises WHERE house_id = $1 AND fias_premise_guid IS NOT NULL ORDER BY number`,
      [DEMO.houses.moscow],
    );
    expect(linked.rows.map((r) => r.number)).toEqual(['1', '2']);
  });

  it('changes nothing when the same files are imported again, even past the checkpoints', async () => {
    const before = await snapshot();
    const again = await importGarDirectory(t.deps.db, dir);
    expect(again.files.every((f) => f.skipped)).toBe(true);
    await t.deps.db.query(`DELETE FROM gar_import_files`);
    const forced = await importGarDirectory(t.deps.db, dir);
    expect(forced.files.every((f) => !f.skipped && f.written === 0)).toBe(true);
    expect(forced.houses).toMatchObject({ created: 0, updated: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('resumes an interrupted file after its last committed batch', async () => {
    const renamed = await writeGarSample({ profsoyuznayaName: 'Профсоюзная Новая' });
    try {
      let batches = 0;
      await expect(
        importGarDirectory(t.deps.db, renamed, {
          batchSize: 1,
          onBatch: () => {
            if (++batches === 2) throw new Error('power cut');
          },
        }),
      ).rejects.toThrow('power cut');
      const { rows } = await t.deps.db.query(
        `SELECT records_done, status FROM gar_import_files WHERE status = 'running'`,
      );
      expect(rows).toHaveLength(1);
      expect(Number(rows[0].records_done)).toBeGreaterThan(0);
      const resumed = await importGarDirectory(t.deps.db, renamed, { batchSize: 1 });
      expect(resumed.files.find((f) => f.resumedFrom > 0)).toBeDefined();
      expect(resumed.houses.updated).toBe(2);
      expect((await search('Профсоюзная Новая 45'))[0]!.fullAddress).toBe('г. Москва, ул. Профсоюзная Новая, д. 45');
    } finally {
      await rm(renamed, { recursive: true, force: true });
      await importGarDirectory(t.deps.db, dir);
    }
  });
});

describe('address search', () => {
  it('finds houses with misspelt, abbreviated and reordered queries', async () => {
    const moscow43 = GAR_SAMPLE.houseGuids.profsoyuznaya43k1;
    for (const q of [
      'профсоюзная 43 корпус 1',
      'Москва, ул. Профсаюзная, д.43 к.1',
      '43к1 профсоюзная',
      'г москва профсоюзная д 43 корп 1',
    ]) {
      expect((await search(q))[0]?.fiasHouseGuid, q).toBe(moscow43);
    }
    expect((await search('тверская 7 стр 2'))[0]?.fiasHouseGuid).toBe(GAR_SAMPLE.houseGuids.tverskaya7s2);
    expect((await search('Владивасток Светланская 10а'))[0]?.fiasHouseGuid).toBe(GAR_SAMPLE.houseGuids.svetlanskaya10a);
    expect((await search('Светланская 10 а'))[0]?.fiasHouseGuid).toBe(GAR_SAMPLE.houseGuids.svetlanskaya10a);
    expect((await search('Светланская 87'))[0]?.id).toBe(DEMO.houses.vladivostok);
    expect((await search('профсоюзн'))[0]?.fullAddress).toContain('Профсоюзная');
  });

  it('ranks the exact house first and answers nonsense with nothing', async () => {
    const hits = await search('профсоюзная 45');
    expect(hits[0]!.fiasHouseGuid).toBe(GAR_SAMPLE.houseGuids.profsoyuznaya45);
    expect(await search('zzzz qqqq')).toEqual([]);
  });
});

describe('organisation bulk upsert of houses', () => {
  it('keeps good rows, explains bad ones, and is idempotent', async () => {
    const headers = await apiKeyHeaders(t.deps, DEMO.organisationId, ['houses.manage']);
    const houses = [
      {
        fiasHouseGuid: '11111111-2222-4333-8444-555555555555',
        address: {
          region: 'г. Москва',
          settlement: 'г. Москва',
          street: 'ул. Лесная',
          houseNumber: '5',
          building: '2',
        },
        totalArea: '3120.40',
        premises: [
          { number: '1', area: '54.20' },
          { number: '2', area: '-1' },
          { number: '3', area: '61.00', isResidential: false },
        ],
      },
      { fiasHouseGuid: 'not-a-guid', address: { region: 'г. Москва', houseNumber: '1' } },
      {
        fiasHouseGuid: GAR_SAMPLE.houseGuids.profsoyuznaya45,
        address: { region: 'г. Москва', settlement: 'г. Москва', street: 'ул. Профсоюзная', houseNumber: '45' },
        timezone: 'Mars/Olympus',
      },
    ];
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/org/houses', headers, payload: { houses } });
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.summary).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(body.results[0]).toMatchObject({ status: 'created', premises: { created: 2, rejected: 1 } });
    expect(body.results[0].errors[0].path).toBe('body.houses.0.premises.1.area');
    expect(body.results[1].errors[0].path).toBe('body.houses.1.fiasHouseGuid');
    expect(body.results[2].errors[0].path).toBe('body.houses.2.timezone');

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/houses',
      headers,
      payload: { houses: [houses[0]] },
    });
    expect(again.json().results[0]).toMatchObject({
      status: 'unchanged',
      premises: { created: 0, updated: 0, unchanged: 2, rejected: 1 },
    });
    expect((await search('лесная 5 корп 2'))[0]?.id).toBe(body.results[0].id);
  });

  it('refuses a house managed by another organisation, and needs the scope', async () => {
    await t.deps.db.query(
      `INSERT INTO organisations (id, name, inn) VALUES ('00000000-0000-4000-8000-0000000000ff', 'ТСЖ «Другое»', '7702000002')`,
    );
    const other = await apiKeyHeaders(t.deps, '00000000-0000-4000-8000-0000000000ff', ['houses.manage']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/houses',
      headers: other,
      payload: {
        houses: [
          { fiasHouseGuid: '11111111-2222-4333-8444-555555555555', address: { region: 'г. Москва', houseNumber: '5' } },
        ],
      },
    });
    expect(res.json().results[0]).toMatchObject({
      status: 'rejected',
      errors: [{ message: 'the house is managed by another organisation' }],
    });
    const noScope = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view']);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/org/houses', headers: noScope, payload: { houses: [{}] } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('operator ГАР imports', () => {
  it('are for operators only and stay inside GAR_IMPORT_DIR', async () => {
    const citizen = await sessionHeaders(t.deps, DEMO.citizen.personId);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/operator/registry/gar-imports',
      headers: citizen,
      payload: { directory: '77' },
    });
    expect(refused.statusCode).toBe(403);
    await t.deps.db.query(`UPDATE persons SET is_operator = true WHERE id = $1`, [DEMO.staff.personId]);
    const operator = await sessionHeaders(t.deps, DEMO.staff.personId);
    const traversal = await t.app.inject({
      method: 'POST',
      url: '/api/v1/operator/registry/gar-imports',
      headers: operator,
      payload: { directory: '../../etc' },
    });
    expect(traversal.statusCode).toBe(400);
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/operator/registry/gar-imports',
      headers: operator,
      payload: { directory: '2026-11/77' },
    });
    expect(started.statusCode).toBe(202);
    const progress = await t.app.inject({
      method: 'GET',
      url: '/api/v1/operator/registry/gar-imports',
      headers: operator,
    });
    expect(progress.json().files.length).toBeGreaterThan(0);
  });
});
