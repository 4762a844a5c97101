// The ГАР (GAR, ФИАС) XML exports: one file kind per entity, one element per record version with
// the values in attributes. Only the actual version (ISACTUAL="1") of an object is kept; ISACTIVE
// tells whether the object itself still exists. Hierarchy items carry only ISACTIVE.

export type GarFileKind = 'addr_obj' | 'houses' | 'apartments' | 'adm_hierarchy' | 'mun_hierarchy';

/** File name patterns (AS_<KIND>_<yyyymmdd>_<guid>.XML) in import order: objects before the links between them. */
export const GAR_FILES: { kind: GarFileKind; pattern: RegExp; element: string }[] = [
  { kind: 'addr_obj', pattern: /^AS_ADDR_OBJ_\d{8}_/i, element: 'OBJECT' },
  { kind: 'houses', pattern: /^AS_HOUSES_\d{8}_/i, element: 'HOUSE' },
  { kind: 'apartments', pattern: /^AS_APARTMENTS_\d{8}_/i, element: 'APARTMENT' },
  { kind: 'adm_hierarchy', pattern: /^AS_ADM_HIERARCHY_\d{8}_/i, element: 'ITEM' },
  { kind: 'mun_hierarchy', pattern: /^AS_MUN_HIERARCHY_\d{8}_/i, element: 'ITEM' },
];

export function garFileKind(fileName: string): GarFileKind | null {
  return GAR_FILES.find((f) => f.pattern.test(fileName))?.kind ?? null;
}

type Attrs = Record<string, string | undefined>;

export interface GarAddrObject {
  objectId: string;
  objectGuid: string;
  name: string;
  typeName: string;
  level: number;
  isActive: boolean;
}
export interface GarHouse {
  objectId: string;
  objectGuid: string;
  houseNum: string | null;
  addNum1: string | null;
  addNum2: string | null;
  houseType: number | null;
  addType1: number | null;
  addType2: number | null;
  isActive: boolean;
}
export interface GarApartment {
  objectId: string;
  objectGuid: string;
  number: string;
  apartType: number | null;
  isActive: boolean;
}
export interface GarHierarchyItem {
  objectId: string;
  parentObjectId: string | null;
  path: string;
  regionCode: number | null;
}

const ID = /^\d{1,19}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);
const int = (v: string | undefined) => (v && /^\d{1,4}$/.test(v) ? Number(v) : null);

/** A record of an object file, or null when it is not the actual version or is malformed. */
export function addrObjectRecord(a: Attrs): GarAddrObject | null {
  if (a.ISACTUAL !== '1' || !ID.test(a.OBJECTID ?? '') || !GUID.test(a.OBJECTGUID ?? '')) return null;
  const name = text(a.NAME);
  const level = int(a.LEVEL);
  if (!name || level === null) return null;
  return {
    objectId: a.OBJECTID!,
    objectGuid: a.OBJECTGUID!.toLowerCase(),
    name,
    typeName: text(a.TYPENAME) ?? '',
    level,
    isActive: a.ISACTIVE === '1',
  };
}

export function houseRecord(a: Attrs): GarHouse | null {
  if (a.ISACTUAL !== '1' || !ID.test(a.OBJECTID ?? '') || !GUID.test(a.OBJECTGUID ?? '')) return null;
  return {
    objectId: a.OBJECTID!,
    objectGuid: a.OBJECTGUID!.toLowerCase(),
    houseNum: text(a.HOUSENUM),
    addNum1: text(a.ADDNUM1),
    addNum2: text(a.ADDNUM2),
    houseType: int(a.HOUSETYPE),
    addType1: int(a.ADDTYPE1),
    addType2: int(a.ADDTYPE2),
    isActive: a.ISACTIVE === '1',
  };
}

export function apartmentRecord(a: Attrs): GarApartment | null {
  if (a.ISACTUAL !== '1' || !ID.test(a.OBJECTID ?? '') || !GUID.test(a.OBJECTGUID ?? '')) return null;
  const number = text(a.NUMBER);
  if (!number) return null;
  return {
    objectId: a.OBJECTID!,
    objectGuid: a.OBJECTGUID!.toLowerCase(),
    number,
    apartType: int(a.APARTTYPE),
    isActive: a.ISACTIVE === '1',
  };
}

export function hierarchyRecord(a: Attrs): GarHierarchyItem | null {
  if (a.ISACTIVE !== '1' || !ID.test(a.OBJECTID ?? '')) return null;
  const path = text(a.PATH);
  if (!path || !/^\d+(\.\d+)*$/.test(path)) return null;
  const parent = a.PARENTOBJID && ID.test(a.PARENTOBJID) && a.PARENTOBJID !== '0' ? a.PARENTOBJID : null;
  return { objectId: a.OBJECTID!, parentObjectId: parent, path, regionCode: int(a.REGIONCODE) };
}

// AS_HOUSE_TYPES: the kind of the main number (1 владение, 2 дом, 3 домовладение, 4 гараж, 5 здание,
// 6 шахта, 7 строение, 8 сооружение, 9 литера, 10 корпус, 11 подвал, 12 котельная, 13 погреб, 14 ОНС).
const HOUSE_LABELS: Record<number, string> = {
  1: 'влд.',
  2: 'д.',
  3: 'двлд.',
  4: 'г-ж',
  5: 'зд.',
  6: 'шахта',
  7: 'стр.',
  8: 'соор.',
  9: 'литера',
  10: 'корп.',
  11: 'подв.',
  12: 'кот.',
  13: 'п-б',
  14: 'ОНС',
};

/** The label written before the main house number ("д." unless the type says otherwise). */
export const houseLabel = (houseType: number | null) => (houseType && HOUSE_LABELS[houseType]) || 'д.';

/** AS_ADDHOUSE_TYPES of ADDNUM1/ADDNUM2: 1 корпус, 2 строение, 3 сооружение, 4 литера. */
export function houseParts(h: GarHouse) {
  const parts: { building: string | null; structure: string | null; letter: string | null } = {
    building: null,
    structure: null,
    letter: null,
  };
  for (const [num, type] of [
    [h.addNum1, h.addType1],
    [h.addNum2, h.addType2],
  ] as const) {
    if (!num) continue;
    if (type === 1) parts.building = num;
    else if (type === 2 || type === 3) parts.structure = num;
    else if (type === 4) parts.letter = num;
  }
  return parts;
}

// Types written after the name ("Приморский край", "Московская обл."); the rest come first ("ул. Ленина").
const POSTPOSITIVE = new Set([
  'край',
  'обл',
  'обл.',
  'р-н',
  'АО',
  'Аобл',
  'округ',
  'г.о.',
  'м.р-н',
  'м.о.',
  'с/п',
  'г.п.',
  'вн.тер.г.',
]);
const NEEDS_DOT = new Set([
  'г',
  'ул',
  'пер',
  'пр',
  'наб',
  'ш',
  'пл',
  'мкр',
  'туп',
  'обл',
  'Респ',
  'п',
  'с',
  'д',
  'пос',
  'тер',
  'ст',
  'х',
]);

/** An address object as written: its type abbreviation and name in the usual order. */
export function formatObject(name: string, typeName: string): string {
  if (!typeName) return name;
  const type = NEEDS_DOT.has(typeName) ? `${typeName}.` : typeName;
  return POSTPOSITIVE.has(typeName) ? `${name} ${type}` : `${type} ${name}`;
}

export interface AddressLevels {
  region: string | null;
  municipality: string | null;
  settlement: string | null;
  street: string | null;
  regionIsCity: boolean;
}

/**
 * Picks the address elements from the objects on a house's hierarchy paths by ГАР level
 * (AS_OBJECT_LEVELS: 1 субъект, 2 административный район, 3 муниципальный район, 4 поселение,
 * 5 город, 6 населённый пункт, 7 элемент планировочной структуры, 8 улица).
 */
export function addressLevels(
  adm: { level: number; name: string; type: string }[],
  mun: { level: number; name: string; type: string }[],
): AddressLevels {
  const at = (list: typeof adm, level: number) => list.find((o) => o.level === level);
  const region = at(adm, 1);
  const city = at(adm, 5);
  const place = at(adm, 6);
  const planning = at(adm, 7);
  const street = at(adm, 8);
  const municipality = at(mun, 3) ?? at(adm, 2);
  const settlement =
    [city, place]
      .filter(Boolean)
      .map((o) => formatObject(o!.name, o!.type))
      .join(', ') || null;
  const streetText =
    [planning, street]
      .filter(Boolean)
      .map((o) => formatObject(o!.name, o!.type))
      .join(', ') || null;
  return {
    region: region ? formatObject(region.name, region.type) : null,
    municipality: municipality ? formatObject(municipality.name, municipality.type) : null,
    settlement,
    street: streetText,
    regionIsCity: region?.type === 'г',
  };
}
