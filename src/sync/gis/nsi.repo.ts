import type { NsiElement } from '../../../contracts/gis/ports.js';
import type { Db } from '../../db/pool.js';

export interface NsiRef {
  code: string;
  guid: string;
  name?: string;
}

/** Replaces the cached elements of a reference book with what exportNsiItem returned. */
export async function storeNsiItems(db: Db, registryNumber: number, elements: NsiElement[]) {
  await db.query(
    `INSERT INTO gis_nsi_items (registry_number, code, guid, name, is_actual, fields, modified_at, refreshed_at)
     SELECT $1, v.code, v.guid, v.name, v.actual, v.fields, v.modified, now()
       FROM unnest($2::text[], $3::uuid[], $4::text[], $5::boolean[], $6::jsonb[], $7::timestamptz[]) v(code, guid, name, actual, fields, modified)
     ON CONFLICT (registry_number, guid) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, is_actual = EXCLUDED.is_actual,
       fields = EXCLUDED.fields, modified_at = EXCLUDED.modified_at, refreshed_at = now()`,
    [
      registryNumber,
      elements.map((e) => e.code),
      elements.map((e) => e.guid),
      elements.map((e) => nsiName(e.fields) ?? null),
      elements.map((e) => e.isActual),
      elements.map((e) => JSON.stringify(e.fields)),
      elements.map((e) => e.modified ?? null),
    ],
  );
}

/** The element's title: the first field whose name reads like one (the books name it differently). */
const nsiName = (fields: Record<string, string>) =>
  Object.entries(fields).find(([k]) => /наименование|вид|значение|тип/i.test(k))?.[1] ?? Object.values(fields)[0];

/** Actual elements of a reference book by code. */
export async function nsiRefsByCode(db: Db, registryNumber: number, codes: string[]): Promise<Map<string, NsiRef>> {
  if (!codes.length) return new Map();
  const { rows } = await db.query<{ code: string; guid: string; name: string | null }>(
    `SELECT code, guid, name FROM gis_nsi_items WHERE registry_number = $1 AND code = ANY($2::text[]) AND is_actual`,
    [registryNumber, [...new Set(codes)]],
  );
  return new Map(rows.map((r) => [r.code, { code: r.code, guid: r.guid, name: r.name ?? undefined }]));
}

/** Actual elements of a reference book whose field `field` has one of the values (e.g. NSI 16 by its number of years). */
export async function nsiRefsByField(
  db: Db,
  registryNumber: number,
  field: string,
  values: string[],
): Promise<Map<string, NsiRef>> {
  if (!values.length) return new Map();
  const { rows } = await db.query<{ code: string; guid: string; name: string | null; v: string }>(
    `SELECT code, guid, name, fields->>$2 AS v FROM gis_nsi_items WHERE registry_number = $1 AND is_actual AND fields->>$2 = ANY($3::text[])`,
    [registryNumber, field, [...new Set(values)]],
  );
  return new Map(rows.map((r) => [r.v, { code: r.code, guid: r.guid, name: r.name ?? undefined }]));
}

/** Every actual element of a reference book (a book the hub chooses from by name, e.g. НСИ 63). */
export async function nsiBookElements(db: Db, registryNumber: number): Promise<NsiRef[]> {
  const { rows } = await db.query<{ code: string; guid: string; name: string | null }>(
    `SELECT code, guid, name FROM gis_nsi_items WHERE registry_number = $1 AND is_actual ORDER BY code`,
    [registryNumber],
  );
  return rows.map((r) => ({ code: r.code, guid: r.guid, name: r.name ?? undefined }));
}

/** How many actual elements each cached book has (the API's and the tests' view of the cache). */
export async function nsiCacheSummary(db: Db) {
  const { rows } = await db.query<{ registry_number: number; elements: number; refreshed_at: Date }>(
    `SELECT registry_number, count(*) FILTER (WHERE is_actual)::int AS elements, max(refreshed_at) AS refreshed_at
       FROM gis_nsi_items GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((r) => ({ registryNumber: r.registry_number, elements: r.elements, refreshedAt: r.refreshed_at }));
}
