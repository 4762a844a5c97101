import type { SqlExecutor } from '../../contracts/ports.js';
import type { AddressParts } from './normalize.js';

export interface HouseRow extends Omit<AddressParts, 'houseLabel'> {
  fiasHouseGuid: string;
  garObjectId?: string | null;
  gisUniqueNumber?: string | null;
  postalCode?: string | null;
  fullAddress: string;
  totalArea?: string | null;
  timezone: string;
  searchText: string;
}

export interface UpsertedHouse {
  fiasHouseGuid: string;
  id: string;
  outcome: 'created' | 'updated' | 'unchanged';
}

/**
 * Inserts or updates houses by FIAS HouseGUID in one statement. Rows equal to the stored ones are
 * not written (re-importing the same data changes nothing). `source: 'gar'` keeps what only an
 * organisation knows (managing organisation, area, state-system number, time zone once set);
 * `source: 'organisation'` claims unmanaged houses and never takes one managed by another organisation.
 */
export async function upsertHouses(
  db: SqlExecutor,
  rows: HouseRow[],
  source: { kind: 'gar' } | { kind: 'organisation'; organisationId: string },
): Promise<UpsertedHouse[]> {
  if (!rows.length) return [];
  const col = <K extends keyof HouseRow>(k: K) => rows.map((r) => r[k] ?? null);
  const orgId = source.kind === 'organisation' ? source.organisationId : null;
  const { rows: written } = await db.query<{ fias_house_guid: string; id: string; inserted: boolean }>(
    `INSERT INTO houses AS h (fias_house_guid, gar_object_id, gis_unique_number, region, municipality, settlement, street,
                              house_number, building, structure, letter, postal_code, full_address, total_area, timezone,
                              search_text, organisation_id)
     SELECT v.*, $17::uuid FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::numeric[],
                                $15::text[], $16::text[]) v
     ON CONFLICT (fias_house_guid) DO UPDATE SET
       gar_object_id = COALESCE(EXCLUDED.gar_object_id, h.gar_object_id),
       gis_unique_number = COALESCE(EXCLUDED.gis_unique_number, h.gis_unique_number),
       region = EXCLUDED.region, municipality = EXCLUDED.municipality, settlement = EXCLUDED.settlement,
       street = EXCLUDED.street, house_number = EXCLUDED.house_number, building = EXCLUDED.building,
       structure = EXCLUDED.structure, letter = EXCLUDED.letter,
       postal_code = COALESCE(EXCLUDED.postal_code, h.postal_code),
       full_address = EXCLUDED.full_address,
       total_area = COALESCE(EXCLUDED.total_area, h.total_area),
       timezone = CASE WHEN $17::uuid IS NULL THEN h.timezone ELSE EXCLUDED.timezone END,
       search_text = EXCLUDED.search_text,
       organisation_id = COALESCE(EXCLUDED.organisation_id, h.organisation_id),
       updated_at = now()
     WHERE (h.organisation_id IS NULL OR EXCLUDED.organisation_id IS NULL OR h.organisation_id = EXCLUDED.organisation_id)
       AND (h.gar_object_id, h.gis_unique_number, h.region, h.municipality, h.settlement, h.street, h.house_number,
            h.building, h.structure, h.letter, h.postal_code, h.full_address, h.total_area, h.timezone, h.search_text,
            h.organisation_id)
           IS DISTINCT FROM
           (COALESCE(EXCLUDED.gar_object_id, h.gar_object_id), COALESCE(EXCLUDED.gis_unique_number, h.gis_unique_number),
            EXCLUDED.region, EXCLUDED.municipality, EXCLUDED.settlement, EXCLUDED.street, EXCLUDED.house_number,
            EXCLUDED.building, EXCLUDED.structure, EXCLUDED.letter, COALESCE(EXCLUDED.postal_code, h.postal_code),
            EXCLUDED.full_address, COALESCE(EXCLUDED.total_area, h.total_area),
            CASE WHEN $17::uuid IS NULL THEN h.timezone ELSE EXCLUDED.timezone END, EXCLUDED.search_text,
            COALESCE(EXCLUDED.organisation_id, h.organisation_id))
     RETURNING h.fias_house_guid, h.id, (h.xmax = 0) AS inserted`,
    [
      col('fiasHouseGuid'),
      col('garObjectId'),
      col('gisUniqueNumber'),
      col('region'),
      col('municipality'),
      col('settlement'),
      col('street'),
      col('houseNumber'),
      col('building'),
      col('structure'),
      col('letter'),
      col('postalCode'),
      col('fullAddress'),
      col('totalArea'),
      col('timezone'),
      col('searchText'),
      orgId,
    ],
  );
  const byGuid = new Map<string, UpsertedHouse>();
  for (const r of written) {
    byGuid.set(r.fias_house_guid, {
      fiasHouseGuid: r.fias_house_guid,
      id: r.id,
      outcome: r.inserted ? 'created' : 'updated',
    });
  }
  const rest = rows.map((r) => r.fiasHouseGuid).filter((g) => !byGuid.has(g));
  if (rest.length) {
    const { rows: same } = await db.query<{ fias_house_guid: string; id: string }>(
      `SELECT fias_house_guid, id FROM houses WHERE fias_house_guid = ANY($1::uuid[])`,
      [rest],
    );
    for (const r of same)
      byGuid.set(r.fias_house_guid, { fiasHouseGuid: r.fias_house_guid, id: r.id, outcome: 'unchanged' });
  }
  await addRegistryWords(
    db,
    rows.map((r) => r.searchText),
  );
  return rows.map((r) => byGuid.get(r.fiasHouseGuid)!).filter(Boolean);
}

/** Adds the name words of search texts to the word list that corrects typos in queries. */
export async function addRegistryWords(db: SqlExecutor, searchTexts: string[]) {
  if (!searchTexts.length) return;
  await db.query(
    `INSERT INTO registry_words (word)
     SELECT DISTINCT w FROM unnest($1::text[]) t, unnest(string_to_array(t, ' ')) w
      WHERE w ~ '^[а-яa-z]{2,}$'
     ON CONFLICT DO NOTHING`,
    [searchTexts],
  );
}

export interface HouseOwnership {
  id: string;
  fiasHouseGuid: string;
  organisationId: string | null;
}

export async function findHousesByGuid(db: SqlExecutor, guids: string[]): Promise<Map<string, HouseOwnership>> {
  const { rows } = await db.query<{ id: string; fias_house_guid: string; organisation_id: string | null }>(
    `SELECT id, fias_house_guid, organisation_id FROM houses WHERE fias_house_guid = ANY($1::uuid[])`,
    [guids],
  );
  return new Map(
    rows.map((r) => [
      r.fias_house_guid,
      { id: r.id, fiasHouseGuid: r.fias_house_guid, organisationId: r.organisation_id },
    ]),
  );
}

export interface PremiseRow {
  houseId: string;
  number: string;
  isResidential: boolean;
  area: string;
  cadastralNumber?: string | null;
  fiasPremiseGuid?: string | null;
}

/** Inserts or updates premises by (house, number); unchanged rows are not written. Returns the outcome per row. */
export async function upsertPremises(db: SqlExecutor, rows: PremiseRow[]) {
  if (!rows.length) return [];
  const col = <K extends keyof PremiseRow>(k: K) => rows.map((r) => r[k] ?? null);
  const { rows: written } = await db.query<{ house_id: string; number: string; id: string; inserted: boolean }>(
    `INSERT INTO premises AS p (house_id, number, is_residential, area, cadastral_number, fias_premise_guid)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::numeric[], $5::text[], $6::uuid[])
     ON CONFLICT (house_id, number) DO UPDATE SET
       is_residential = EXCLUDED.is_residential, area = EXCLUDED.area,
       cadastral_number = COALESCE(EXCLUDED.cadastral_number, p.cadastral_number),
       fias_premise_guid = COALESCE(EXCLUDED.fias_premise_guid, p.fias_premise_guid),
       updated_at = now()
     WHERE (p.is_residential, p.area, p.cadastral_number, p.fias_premise_guid) IS DISTINCT FROM
           (EXCLUDED.is_residential, EXCLUDED.area, COALESCE(EXCLUDED.cadastral_number, p.cadastral_number),
            COALESCE(EXCLUDED.fias_premise_guid, p.fias_premise_guid))
     RETURNING p.house_id, p.number, p.id, (p.xmax = 0) AS inserted`,
    [col('houseId'), col('number'), col('isResidential'), col('area'), col('cadastralNumber'), col('fiasPremiseGuid')],
  );
  const key = (h: string, n: string) => `${h}\u0000${n}`;
  const out = new Map<string, { id: string; outcome: 'created' | 'updated' | 'unchanged' }>();
  for (const r of written)
    out.set(key(r.house_id, r.number), { id: r.id, outcome: r.inserted ? 'created' : 'updated' });
  const rest = rows.filter((r) => !out.has(key(r.houseId, r.number)));
  if (rest.length) {
    const { rows: same } = await db.query<{ id: string; house_id: string; number: string }>(
      `SELECT p.id, p.house_id, p.number FROM premises p
         JOIN unnest($1::uuid[], $2::text[]) k(house_id, number) ON k.house_id = p.house_id AND k.number = p.number`,
      [rest.map((r) => r.houseId), rest.map((r) => r.number)],
    );
    for (const r of same) out.set(key(r.house_id, r.number), { id: r.id, outcome: 'unchanged' });
  }
  return rows.map((r) => out.get(key(r.houseId, r.number))!);
}

/** Houses whose search text is missing (created by other paths, e.g. the core demo seed). */
export interface HouseAddressRow {
  id: string;
  region: string;
  municipality: string | null;
  settlement: string | null;
  street: string | null;
  house_number: string;
  building: string | null;
  structure: string | null;
  letter: string | null;
}

export async function housesWithoutSearchText(db: SqlExecutor, limit = 1000): Promise<HouseAddressRow[]> {
  const { rows } = await db.query<HouseAddressRow>(
    `SELECT id, region, municipality, settlement, street, house_number, building, structure, letter
       FROM houses WHERE search_text = '' ORDER BY id LIMIT $1`,
    [limit],
  );
  return rows;
}

export async function setSearchTexts(db: SqlExecutor, ids: string[], texts: string[]) {
  await db.query(
    `UPDATE houses h SET search_text = v.t FROM unnest($1::uuid[], $2::text[]) v(id, t) WHERE h.id = v.id AND h.search_text IS DISTINCT FROM v.t`,
    [ids, texts],
  );
  await addRegistryWords(db, texts);
}

/** The house's areas printed on payment documents; false when the house is not the organisation's. */
export async function updateHouseReference(
  db: SqlExecutor,
  organisationId: string,
  houseId: string,
  r: {
    totalArea: string | null;
    residentialArea: string | null;
    nonResidentialArea: string | null;
    commonArea: string | null;
  },
) {
  const { rowCount } = await db.query(
    `UPDATE houses SET total_area = $3, residential_area = $4, non_residential_area = $5, common_area = $6, updated_at = now()
      WHERE id = $1 AND organisation_id = $2`,
    [houseId, organisationId, r.totalArea, r.residentialArea, r.nonResidentialArea, r.commonArea],
  );
  return (rowCount ?? 0) > 0;
}

export interface HouseForExport {
  id: string;
  fiasHouseGuid: string;
}

export async function housesByIds(db: SqlExecutor, organisationId: string, ids: string[]): Promise<HouseForExport[]> {
  const { rows } = await db.query<{ id: string; fias_house_guid: string }>(
    `SELECT id, fias_house_guid FROM houses WHERE id = ANY($1::uuid[]) AND organisation_id = $2 AND fias_house_guid IS NOT NULL`,
    [ids, organisationId],
  );
  return rows.map((r) => ({ id: r.id, fiasHouseGuid: r.fias_house_guid }));
}

/** The organisation's houses with a FIAS GUID (what exportHouseData can ask about). */
export async function organisationHouseIds(db: SqlExecutor, organisationId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM houses WHERE organisation_id = $1 AND fias_house_guid IS NOT NULL`,
    [organisationId],
  );
  return rows.map((r) => r.id);
}

/**
 * Stores what exportHouseData said about a house: its unique number, its entrances' GUIDs and its
 * premises' GUIDs, unique numbers and entrances (matched by number). Returns the premises matched.
 */
export async function applyHouseExport(
  db: SqlExecutor,
  h: {
    fiasHouseGuid: string;
    houseUniqueNumber: string;
    entrances: { number: string; guid: string }[];
    premises: { number: string; guid: string; uniqueNumber: string; entranceNumber?: string }[];
  },
): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE houses SET gis_exported_at = now(), updated_at = now(),
            gis_unique_number = CASE WHEN $2 ~ '^[0-9]{25}-[0-9]{5}$' THEN $2 ELSE gis_unique_number END
      WHERE fias_house_guid = $1 RETURNING id`,
    [h.fiasHouseGuid, h.houseUniqueNumber],
  );
  const houseId = rows[0]?.id;
  if (!houseId) return 0;
  await db.query(
    `INSERT INTO house_entrances (house_id, number, gis_entrance_guid)
     SELECT $1, * FROM unnest($2::text[], $3::uuid[])
     ON CONFLICT (house_id, number) DO UPDATE SET gis_entrance_guid = EXCLUDED.gis_entrance_guid`,
    [houseId, h.entrances.map((e) => e.number), h.entrances.map((e) => e.guid)],
  );
  const { rowCount } = await db.query(
    `UPDATE premises p SET gis_premises_guid = v.guid, gis_unique_number = v.num, entrance_number = v.entrance, updated_at = now()
       FROM unnest($2::text[], $3::uuid[], $4::text[], $5::text[]) v(number, guid, num, entrance)
      WHERE p.house_id = $1 AND p.number = v.number`,
    [
      houseId,
      h.premises.map((p) => p.number),
      h.premises.map((p) => p.guid),
      h.premises.map((p) => p.uniqueNumber),
      h.premises.map((p) => p.entranceNumber ?? null),
    ],
  );
  return rowCount ?? 0;
}

/** The organisation `organisationId` when given and known, else the house's managing organisation. */
export async function organisationOrManagerOf(
  db: SqlExecutor,
  organisationId: string | null,
  houseId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT o.id FROM organisations o WHERE o.id = COALESCE($1::uuid, (SELECT organisation_id FROM houses WHERE id = $2))`,
    [organisationId, houseId],
  );
  return rows[0]?.id;
}

export async function houseExists(db: SqlExecutor, houseId: string): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM houses WHERE id = $1`, [houseId]);
  return Boolean(rowCount);
}

export interface PlaceWanted {
  /** The caller's key, handed back with the place. */
  index: number;
  houseFiasGuid: string | null;
  houseId: string | null;
  premiseNumber: string | null;
}

/**
 * Where each wanted row goes: the organisation's house (by FIAS GUID or id) and, when named, its
 * premise. Null ids where there is no such house of the organisation, or no such premise in it.
 */
export async function placesInOrganisation(db: SqlExecutor, organisationId: string, wanted: PlaceWanted[]) {
  const { rows } = await db.query<{ i: number; house_id: string | null; premise_id: string | null }>(
    `SELECT v.i, h.id AS house_id, p.id AS premise_id
       FROM unnest($2::int[], $3::uuid[], $4::uuid[], $5::text[]) v(i, guid, hid, premise)
       LEFT JOIN houses h ON (h.fias_house_guid = v.guid OR h.id = v.hid) AND h.organisation_id = $1
       LEFT JOIN premises p ON p.house_id = h.id AND p.number = v.premise`,
    [
      organisationId,
      wanted.map((w) => w.index),
      wanted.map((w) => w.houseFiasGuid),
      wanted.map((w) => w.houseId),
      wanted.map((w) => w.premiseNumber),
    ],
  );
  return new Map(rows.map((r) => [r.i, { houseId: r.house_id, premiseId: r.premise_id }]));
}

export interface HouseDetailsRow {
  id: string;
  fias_house_guid: string | null;
  gis_unique_number: string | null;
  full_address: string;
  region: string;
  municipality: string | null;
  settlement: string | null;
  street: string | null;
  house_number: string;
  building: string | null;
  structure: string | null;
  letter: string | null;
  postal_code: string | null;
  total_area: string | null;
  timezone: string;
  organisation_id: string | null;
  organisation_name: string | null;
}

/** A house with its managing organisation's name. */
export async function findHouse(db: SqlExecutor, houseId: string): Promise<HouseDetailsRow | undefined> {
  const { rows } = await db.query<HouseDetailsRow>(
    `SELECT h.id, h.fias_house_guid, h.gis_unique_number, h.full_address, h.region, h.municipality, h.settlement, h.street,
            h.house_number, h.building, h.structure, h.letter, h.postal_code, h.total_area, h.timezone, h.organisation_id,
            o.name AS organisation_name
       FROM houses h LEFT JOIN organisations o ON o.id = h.organisation_id WHERE h.id = $1`,
    [houseId],
  );
  return rows[0];
}

/** The house's premises in number order (flat 2 before flat 10). */
export async function premisesOfHouse(db: SqlExecutor, houseId: string) {
  const { rows } = await db.query<{ id: string; number: string; is_residential: boolean; area: string }>(
    `SELECT id, number, is_residential, area FROM premises WHERE house_id = $1
      ORDER BY (substring(number from '^[0-9]+'))::int NULLS LAST, number`,
    [houseId],
  );
  return rows;
}

export interface OrgHouseRow {
  id: string;
  fullAddress: string;
  timezone: string;
  totalArea: string | null;
  residentialArea: string | null;
  nonResidentialArea: string | null;
  commonArea: string | null;
}

/** The houses an organisation manages, by address, with the areas payment documents print. */
export async function listOrganisationHouses(db: SqlExecutor, organisationId: string): Promise<OrgHouseRow[]> {
  const { rows } = await db.query<OrgHouseRow>(
    `SELECT id, full_address AS "fullAddress", timezone, total_area::text AS "totalArea",
            residential_area::text AS "residentialArea", non_residential_area::text AS "nonResidentialArea",
            common_area::text AS "commonArea"
       FROM houses WHERE organisation_id = $1 ORDER BY full_address, id`,
    [organisationId],
  );
  return rows;
}

/** The organisation's houses by address, for lists of other modules (the exchange's refused items). */
export async function houseLabels(db: SqlExecutor, organisationId: string, ids: string[]) {
  const { rows } = await db.query<{ id: string; label: string }>(
    `SELECT id, full_address AS label FROM houses WHERE id = ANY($1::uuid[]) AND organisation_id = $2`,
    [ids, organisationId],
  );
  return rows;
}

/** Of the given houses, those the organisation manages. */
export async function housesOfOrganisation(
  db: SqlExecutor,
  organisationId: string,
  houseIds: string[],
): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM houses WHERE id = ANY($1::uuid[]) AND organisation_id = $2`,
    [houseIds, organisationId],
  );
  return new Set(rows.map((r) => r.id));
}
