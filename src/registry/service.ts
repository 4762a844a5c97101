import { z } from 'zod';
import type { SqlExecutor } from '../../contracts/ports.js';
import { isTimeZone } from '../calendar.js';
import type { BulkRowResult } from '../../contracts/bulk.js';
import type { Db } from '../db/pool.js';
import { type FieldError, zodFields } from '../errors.js';
import { audit } from '../identity/audit.js';
import {
  findHouse,
  findHousesByGuid,
  housesWithoutSearchText,
  premisesOfHouse,
  setSearchTexts,
  upsertHouses,
  upsertPremises,
  type HouseRow,
  type PremiseRow,
} from './houses.repo.js';
import { formatAddress, houseSearchText } from './normalize.js';
import type { Actor } from '../../contracts/actor.js';

const area = z
  .string()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, 'a decimal with up to 2 places, e.g. "45.50"')
  .refine((v) => Number(v) > 0, 'must be greater than 0');
const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

const timezone = z.string().refine(isTimeZone, 'not an IANA time zone');

export const premiseInput = z
  .object({
    number: z.string().trim().min(1).max(20),
    isResidential: z.boolean().default(true),
    area,
    cadastralNumber: z
      .string()
      .regex(/^\d{2}:\d{2}:\d{6,7}:\d{1,10}$/, 'a cadastral number such as 77:06:0004001:1234')
      .optional(),
    fiasPremiseGuid: z.uuid().optional(),
  })
  .meta({ id: 'PremiseInput' });

export const houseInput = z
  .object({
    fiasHouseGuid: z.uuid(),
    gisUniqueNumber: z
      .string()
      .regex(/^[0-9]{25}-[0-9]{5}$/, 'the state-system number: 25 digits, "-", 5 digits')
      .optional(),
    address: z.object({
      region: z.string().trim().min(2).max(120),
      municipality: optionalText(200),
      settlement: optionalText(200),
      street: optionalText(200),
      houseNumber: z.string().trim().min(1).max(20),
      building: optionalText(20),
      structure: optionalText(20),
      letter: optionalText(20),
      postalCode: z
        .string()
        .regex(/^\d{6}$/)
        .optional(),
    }),
    totalArea: area.optional(),
    timezone: timezone.default('Europe/Moscow'),
    premises: z.array(z.unknown()).max(5000).default([]),
  })
  .meta({ id: 'HouseInput' });

export type HouseInput = z.infer<typeof houseInput>;

export const housesUpsertBody = z.object({
  houses: z
    .array(houseInput.extend({ premises: z.array(premiseInput).optional() }).or(z.unknown()))
    .min(1)
    .max(1000)
    .describe('HouseInput rows; each row is validated on its own'),
});

export interface HouseRowResult extends BulkRowResult {
  premises?: { created: number; updated: number; unchanged: number; rejected: number };
}

/**
 * An organisation's bulk upsert of houses with their premises. Every row is checked on its own: a
 * bad row is reported with its field paths and the good rows are written. Sending the same rows
 * again reports them unchanged and writes nothing.
 */
export async function upsertOrganisationHouses(tx: Db, actor: Actor, rows: unknown[]): Promise<HouseRowResult[]> {
  const results: HouseRowResult[] = [];
  const valid: {
    index: number;
    input: HouseInput;
    premises: { index: number; input: z.infer<typeof premiseInput> }[];
  }[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const at = `body.houses.${index}`;
    const parsed = houseInput.safeParse(raw);
    const key =
      typeof (raw as { fiasHouseGuid?: unknown })?.fiasHouseGuid === 'string'
        ? (raw as { fiasHouseGuid: string }).fiasHouseGuid
        : null;
    if (!parsed.success) {
      results[index] = { index, key, status: 'rejected', errors: zodFields(parsed.error, at) };
      return;
    }
    const guid = parsed.data.fiasHouseGuid.toLowerCase();
    if (seen.has(guid)) {
      results[index] = {
        index,
        key,
        status: 'rejected',
        errors: [{ path: `${at}.fiasHouseGuid`, message: 'repeats an earlier row' }],
      };
      return;
    }
    seen.add(guid);
    valid.push({ index, input: { ...parsed.data, fiasHouseGuid: guid }, premises: [] });
  });

  const existing = await findHousesByGuid(
    tx,
    valid.map((v) => v.input.fiasHouseGuid),
  );
  const writable = valid.filter((v) => {
    const other = existing.get(v.input.fiasHouseGuid);
    if (other?.organisationId && other.organisationId !== actor.organisationId) {
      results[v.index] = {
        index: v.index,
        key: v.input.fiasHouseGuid,
        status: 'rejected',
        errors: [
          { path: `body.houses.${v.index}.fiasHouseGuid`, message: 'the house is managed by another organisation' },
        ],
      };
      return false;
    }
    return true;
  });
  const houseRows: HouseRow[] = writable.map(({ input }) => {
    const a = input.address;
    return {
      fiasHouseGuid: input.fiasHouseGuid,
      gisUniqueNumber: input.gisUniqueNumber,
      ...a,
      fullAddress: formatAddress(a),
      totalArea: input.totalArea,
      timezone: input.timezone,
      searchText: houseSearchText(a),
    };
  });
  const written = new Map(
    (await upsertHouses(tx, houseRows, { kind: 'organisation', organisationId: actor.organisationId })).map((h) => [
      h.fiasHouseGuid,
      h,
    ]),
  );

  const premiseRows: PremiseRow[] = [];
  const premiseOwners: number[] = [];
  for (const v of writable) {
    const house = written.get(v.input.fiasHouseGuid)!;
    const counts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    const errors: FieldError[] = [];
    const result: HouseRowResult = {
      index: v.index,
      key: v.input.fiasHouseGuid,
      status: house.outcome,
      id: house.id,
      premises: counts,
    };
    results[v.index] = result;
    const numbers = new Set<string>();
    for (const [pi, raw] of v.input.premises.entries()) {
      const at = `body.houses.${v.index}.premises.${pi}`;
      const p = premiseInput.safeParse(raw);
      if (!p.success || numbers.has(p.data.number.toLowerCase())) {
        counts.rejected++;
        errors.push(
          ...(p.success
            ? [{ path: `${at}.number`, message: 'repeats an earlier premise of this house' }]
            : zodFields(p.error, at)),
        );
        continue;
      }
      numbers.add(p.data.number.toLowerCase());
      premiseRows.push({ houseId: house.id, ...p.data });
      premiseOwners.push(v.index);
    }
    if (errors.length) result.errors = errors;
  }
  const premiseOutcomes = await upsertPremises(tx, premiseRows);
  premiseOutcomes.forEach((o, i) => {
    const r = results[premiseOwners[i]!]!;
    r.premises![o.outcome]++;
    if (o.outcome !== 'unchanged' && r.status === 'unchanged') r.status = 'updated';
  });
  const changed = results.filter((r) => r && r.status !== 'rejected' && r.status !== 'unchanged').length;
  if (changed) {
    await audit(tx, {
      actorType: actor.actorType,
      actorId: actor.actorId,
      organisationId: actor.organisationId,
      action: 'registry.houses_upserted',
      details: { rows: rows.length, changed },
    });
  }
  return results;
}

/** Fills the search text of houses created without one (the core demo seed, older rows). */
export async function reindexMissingSearchText(db: SqlExecutor) {
  for (;;) {
    const rows = await housesWithoutSearchText(db, 1000);
    if (!rows.length) return;
    const texts = rows.map((r) =>
      houseSearchText({
        region: r.region,
        municipality: r.municipality,
        settlement: r.settlement,
        street: r.street,
        houseNumber: r.house_number,
        building: r.building,
        structure: r.structure,
        letter: r.letter,
      }),
    );
    await setSearchTexts(
      db,
      rows.map((r) => r.id),
      texts.map((t) => t || '-'),
    );
  }
}

export async function getHouse(db: Db, houseId: string) {
  const h = await findHouse(db, houseId);
  if (!h) return null;
  const premises = await premisesOfHouse(db, houseId);
  return {
    id: h.id,
    fiasHouseGuid: h.fias_house_guid,
    gisUniqueNumber: h.gis_unique_number,
    fullAddress: h.full_address,
    region: h.region,
    municipality: h.municipality,
    settlement: h.settlement,
    street: h.street,
    houseNumber: h.house_number,
    building: h.building,
    structure: h.structure,
    letter: h.letter,
    postalCode: h.postal_code,
    totalArea: h.total_area,
    timezone: h.timezone,
    organisationId: h.organisation_id,
    organisationName: h.organisation_name,
    premises: premises.map((p) => ({ id: p.id, number: p.number, isResidential: p.is_residential, area: p.area })),
  };
}
