import type { SqlExecutor } from '../../../contracts/ports.js';
import type { GarAddrObject, GarApartment, GarFileKind, GarHierarchyItem, GarHouse } from './records.js';

// Batches are written with unnest; a row equal to the stored one is not rewritten, so re-importing a
// file changes nothing. Changed rows are marked dirty for the step that builds houses from them.

export async function upsertAddrObjects(
  db: SqlExecutor,
  rows: GarAddrObject[],
): Promise<{ written: number; renamed: string[] }> {
  if (!rows.length) return { written: 0, renamed: [] };
  const { rows: out } = await db.query<{ object_id: string; inserted: boolean }>(
    `INSERT INTO gar_addr_objects AS g (object_id, object_guid, name, type_name, level, is_active)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::smallint[], $6::boolean[])
     ON CONFLICT (object_id) DO UPDATE SET object_guid = EXCLUDED.object_guid, name = EXCLUDED.name,
       type_name = EXCLUDED.type_name, level = EXCLUDED.level, is_active = EXCLUDED.is_active
     WHERE (g.object_guid, g.name, g.type_name, g.level, g.is_active)
           IS DISTINCT FROM (EXCLUDED.object_guid, EXCLUDED.name, EXCLUDED.type_name, EXCLUDED.level, EXCLUDED.is_active)
     RETURNING g.object_id, (g.xmax = 0) AS inserted`,
    [
      rows.map((r) => r.objectId),
      rows.map((r) => r.objectGuid),
      rows.map((r) => r.name),
      rows.map((r) => r.typeName),
      rows.map((r) => r.level),
      rows.map((r) => r.isActive),
    ],
  );
  return { written: out.length, renamed: out.filter((r) => !r.inserted).map((r) => r.object_id) };
}

export async function upsertGarHouses(db: SqlExecutor, rows: GarHouse[]): Promise<number> {
  if (!rows.length) return 0;
  const c = <K extends keyof GarHouse>(k: K) => rows.map((r) => r[k]);
  const { rowCount } = await db.query(
    `INSERT INTO gar_houses AS g (object_id, object_guid, house_num, add_num1, add_num2, house_type, add_type1, add_type2, is_active)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::smallint[], $8::smallint[], $9::boolean[])
     ON CONFLICT (object_id) DO UPDATE SET object_guid = EXCLUDED.object_guid, house_num = EXCLUDED.house_num,
       add_num1 = EXCLUDED.add_num1, add_num2 = EXCLUDED.add_num2, house_type = EXCLUDED.house_type,
       add_type1 = EXCLUDED.add_type1, add_type2 = EXCLUDED.add_type2, is_active = EXCLUDED.is_active, dirty = true
     WHERE (g.object_guid, g.house_num, g.add_num1, g.add_num2, g.house_type, g.add_type1, g.add_type2, g.is_active)
           IS DISTINCT FROM (EXCLUDED.object_guid, EXCLUDED.house_num, EXCLUDED.add_num1, EXCLUDED.add_num2,
                             EXCLUDED.house_type, EXCLUDED.add_type1, EXCLUDED.add_type2, EXCLUDED.is_active)`,
    [
      c('objectId'),
      c('objectGuid'),
      c('houseNum'),
      c('addNum1'),
      c('addNum2'),
      c('houseType'),
      c('addType1'),
      c('addType2'),
      c('isActive'),
    ],
  );
  return rowCount ?? 0;
}

export async function upsertGarApartments(db: SqlExecutor, rows: GarApartment[]): Promise<number> {
  if (!rows.length) return 0;
  const c = <K extends keyof GarApartment>(k: K) => rows.map((r) => r[k]);
  const { rowCount } = await db.query(
    `INSERT INTO gar_apartments AS g (object_id, object_guid, number, apart_type, is_active)
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::smallint[], $5::boolean[])
     ON CONFLICT (object_id) DO UPDATE SET object_guid = EXCLUDED.object_guid, number = EXCLUDED.number,
       apart_type = EXCLUDED.apart_type, is_active = EXCLUDED.is_active, dirty = true
     WHERE (g.object_guid, g.number, g.apart_type, g.is_active)
           IS DISTINCT FROM (EXCLUDED.object_guid, EXCLUDED.number, EXCLUDED.apart_type, EXCLUDED.is_active)`,
    [c('objectId'), c('objectGuid'), c('number'), c('apartType'), c('isActive')],
  );
  return rowCount ?? 0;
}

/** Writes hierarchy items; houses and apartments whose place changed are marked for rebuilding. */
export async function upsertHierarchy(db: SqlExecutor, kind: 'adm' | 'mun', rows: GarHierarchyItem[]): Promise<number> {
  if (!rows.length) return 0;
  const { rows: changed } = await db.query<{ object_id: string }>(
    `INSERT INTO gar_hierarchy AS g (kind, object_id, parent_object_id, path, region_code)
     SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::smallint[])
     ON CONFLICT (kind, object_id) DO UPDATE SET parent_object_id = EXCLUDED.parent_object_id, path = EXCLUDED.path,
       region_code = EXCLUDED.region_code
     WHERE (g.parent_object_id, g.path, g.region_code) IS DISTINCT FROM (EXCLUDED.parent_object_id, EXCLUDED.path, EXCLUDED.region_code)
     RETURNING g.object_id`,
    [
      kind,
      rows.map((r) => r.objectId),
      rows.map((r) => r.parentObjectId),
      rows.map((r) => r.path),
      rows.map((r) => r.regionCode),
    ],
  );
  const ids = changed.map((r) => r.object_id);
  if (ids.length) {
    await db.query(`UPDATE gar_houses SET dirty = true WHERE object_id = ANY($1::bigint[]) AND NOT dirty`, [ids]);
    await db.query(`UPDATE gar_apartments SET dirty = true WHERE object_id = ANY($1::bigint[]) AND NOT dirty`, [ids]);
  }
  return ids.length;
}

/** A renamed street or city changes the address of every house under it. */
export async function markHousesUnder(db: SqlExecutor, objectIds: string[]) {
  if (!objectIds.length) return;
  await db.query(
    `UPDATE gar_houses h SET dirty = true FROM gar_hierarchy x
      WHERE x.object_id = h.object_id AND NOT h.dirty AND string_to_array(x.path, '.')::bigint[] && $1::bigint[]`,
    [objectIds],
  );
}

export interface FileCheckpoint {
  recordsDone: number;
  status: 'running' | 'done';
}

/** Opens (or resumes) the checkpoint of a file; a file of another size starts again from its first record. */
export async function openCheckpoint(
  db: SqlExecutor,
  fileKey: string,
  kind: GarFileKind,
  size: number,
): Promise<FileCheckpoint> {
  const { rows } = await db.query<{ records_done: string; status: 'running' | 'done' }>(
    `INSERT INTO gar_import_files AS f (file_key, kind, size) VALUES ($1, $2, $3)
     ON CONFLICT (file_key) DO UPDATE SET
       records_done = CASE WHEN f.size = EXCLUDED.size THEN f.records_done ELSE 0 END,
       status = CASE WHEN f.size = EXCLUDED.size THEN f.status ELSE 'running' END,
       started_at = CASE WHEN f.size = EXCLUDED.size THEN f.started_at ELSE now() END,
       size = EXCLUDED.size, updated_at = now()
     RETURNING records_done, status`,
    [fileKey, kind, size],
  );
  const r = rows[0]!;
  return { recordsDone: Number(r.records_done), status: r.status };
}

export async function saveCheckpoint(db: SqlExecutor, fileKey: string, recordsDone: number, done = false) {
  await db.query(
    `UPDATE gar_import_files SET records_done = $2, updated_at = now(),
            status = CASE WHEN $3 THEN 'done' ELSE 'running' END, finished_at = CASE WHEN $3 THEN now() END
      WHERE file_key = $1`,
    [fileKey, recordsDone, done],
  );
}

export async function listCheckpoints(db: SqlExecutor, limit = 200) {
  const { rows } = await db.query<{
    file_key: string;
    kind: string;
    size: string;
    records_done: string;
    status: 'running' | 'done';
    started_at: Date;
    finished_at: Date | null;
  }>(
    `SELECT file_key, kind, size, records_done, status, started_at, finished_at
       FROM gar_import_files ORDER BY updated_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    file: r.file_key,
    kind: r.kind,
    size: Number(r.size),
    recordsDone: Number(r.records_done),
    status: r.status,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  }));
}

export interface DirtyHouse {
  house: GarHouse;
  regionCode: number | null;
  adm: { level: number; name: string; type: string }[] | null;
  mun: { level: number; name: string; type: string }[];
}

/** The next dirty houses after `afterId` with the address objects on their hierarchy paths. */
interface DirtyHouseRow {
  object_id: string;
  object_guid: string;
  house_num: string | null;
  add_num1: string | null;
  add_num2: string | null;
  house_type: number | null;
  add_type1: number | null;
  add_type2: number | null;
  is_active: boolean;
  region_code: number | null;
  has_adm: boolean;
  adm: { level: number; name: string; type: string }[];
  mun: { level: number; name: string; type: string }[];
}

export async function dirtyHouses(db: SqlExecutor, afterId: string, limit: number): Promise<DirtyHouse[]> {
  const { rows } = await db.query<DirtyHouseRow>(
    `SELECT h.object_id, h.object_guid, h.house_num, h.add_num1, h.add_num2, h.house_type, h.add_type1, h.add_type2,
            h.is_active, a.region_code, a.path IS NOT NULL AS has_adm,
            (SELECT coalesce(json_agg(json_build_object('level', o.level, 'name', o.name, 'type', o.type_name)), '[]')
               FROM gar_addr_objects o WHERE o.object_id = ANY(string_to_array(a.path, '.')::bigint[]) AND o.is_active) AS adm,
            (SELECT coalesce(json_agg(json_build_object('level', o.level, 'name', o.name, 'type', o.type_name)), '[]')
               FROM gar_addr_objects o WHERE o.object_id = ANY(string_to_array(m.path, '.')::bigint[]) AND o.is_active) AS mun
       FROM gar_houses h
       LEFT JOIN gar_hierarchy a ON a.kind = 'adm' AND a.object_id = h.object_id
       LEFT JOIN gar_hierarchy m ON m.kind = 'mun' AND m.object_id = h.object_id
      WHERE h.dirty AND h.object_id > $1 ORDER BY h.object_id LIMIT $2`,
    [afterId, limit],
  );
  return rows.map((r) => ({
    house: {
      objectId: r.object_id,
      objectGuid: r.object_guid,
      houseNum: r.house_num,
      addNum1: r.add_num1,
      addNum2: r.add_num2,
      houseType: r.house_type,
      addType1: r.add_type1,
      addType2: r.add_type2,
      isActive: r.is_active,
    },
    regionCode: r.region_code,
    adm: r.has_adm ? r.adm : null,
    mun: r.mun,
  }));
}

export async function clearDirtyHouses(db: SqlExecutor, objectIds: string[]) {
  if (objectIds.length)
    await db.query(`UPDATE gar_houses SET dirty = false WHERE object_id = ANY($1::bigint[])`, [objectIds]);
}

/** Gives premises the FIAS GUID of the ГАР apartment with the same number in the same house. */
export async function linkApartments(db: SqlExecutor): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE premises p SET fias_premise_guid = a.object_guid, updated_at = now()
       FROM gar_apartments a
       JOIN gar_hierarchy x ON x.kind = 'adm' AND x.object_id = a.object_id
       JOIN houses h ON h.gar_object_id = x.parent_object_id
      WHERE a.dirty AND a.is_active AND p.house_id = h.id AND lower(p.number) = lower(a.number)
        AND p.fias_premise_guid IS DISTINCT FROM a.object_guid
        AND NOT EXISTS (SELECT 1 FROM premises q WHERE q.fias_premise_guid = a.object_guid)`,
  );
  await db.query(
    `UPDATE gar_apartments a SET dirty = false
      WHERE a.dirty AND EXISTS (SELECT 1 FROM gar_hierarchy x JOIN houses h ON h.gar_object_id = x.parent_object_id
                                 WHERE x.kind = 'adm' AND x.object_id = a.object_id)`,
  );
  return rowCount ?? 0;
}
