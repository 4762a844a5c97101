import type pg from 'pg';
import { z } from 'zod';
import type { SqlExecutor } from '../../contracts/ports.js';
import { withTransaction } from '../db/pool.js';
import { isTimeZone } from '../calendar.js';
import type { BulkRowResult } from '../../contracts/bulk.js';
import { zodFields } from '../errors.js';
import { audit } from '../identity/audit.js';
import {
  findHousesByGuid,
  housesWithoutSearchText,
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

export interface HouseRowResult extends BulkRowResult {
  premises?: { created: number; updated: number; unchanged: number; rejected: number };
}

/**
 * An organisation's bulk upsert of houses with their premises. Every row is checked on its own: a
 * bad row is reported with its field paths and the good rows are written. Sending the same rows
 * again reports them unchanged and writes nothing.
 */
export async function upsertOrganisationHouses(
  pool: pg.Pool,
  actor: Actor,
  rows: unknown[],
): Promise<HouseRowResult[]> {
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

  return withTransaction(pool, async (tx) => {
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
      const result: HouseRowResult = {
        index: v.index,
        key: v.input.fiasHouseGuid,
        status: house.outcome,
        id: house.id,
        premises: { created: 0, updated: 0, unchanged: 0, rejected: 0 },
      };
      results[v.index] = result;
      const numbers = new Set<string>();
      v.input.premises.forEach((raw, pi) => {
        const at = `body.houses.${v.index}.premises.${pi}`;
        const p = premiseInput.safeParse(raw);
        const problem = !p.success
          ? zodFields(p.error, at)
          : numbers.has(p.data.number.toLowerCase())
            ? [{ path: `${at}.number`, message: 'repeats an earlier premise of this house' }]
            : null;
        if (problem || !p.success) {
          result.premises!.rejected++;
          (result.errors ??= []).push(...problem!);
          return;
        }
        numbers.add(p.data.number.toLowerCase());
        premiseRows.push({ houseId: house.id, ...p.data });
        premiseOwners.push(v.index);
      });
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
  });
}

/** Fills the search text of houses created without one (the core demo seed, older rows). */
export async function reindexMissingSearchText(db: SqlExecutor) {
  for (;;) {
    const rows = await housesWithoutSearchText(db, 1000);
    if (!rows.length) return;
    const texts = rows.map((r: any) =>
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
      rows.map((r: any) => r.id),
      texts.map((t) => t || '-'),
    );
  }
}

export async function getHouse(db: SqlExecutor, houseId: string) {
  const { rows } = await db.query(
    `SELECT h.id, h.fias_house_guid, h.gis_unique_number, h.full_address, h.region, h.municipality, h.settlement, h.street,
            h.house_number, h.building, h.structure, h.letter, h.postal_code, h.total_area, h.timezone, h.organisation_id,
            o.name AS organisation_name
       FROM houses h LEFT JOIN organisations o ON o.id = h.organisation_id WHERE h.id = $1`,
    [houseId],
  );
  if (!rows[0]) return null;
  const { rows: premises } = await db.query(
    `SELECT id, number, is_residential, area FROM premises WHERE house_id = $1
      ORDER BY (substring(number from '^[0-9]+'))::int NULLS LAST, number`,
    [houseId],
  );
  const h = rows[0];
  return {
    id: h.id as string,
    fiasHouseGuid: h.fias_house_guid as string | null,
    gisUniqueNumber: h.gis_unique_number as string | null,
    fullAddress: h.full_address as string,
    region: h.region as string,
    municipality: h.municipality as string | null,
    settlement: h.settlement as string | null,
    street: h.street as string | null,
    houseNumber: h.house_number as string,
    building: h.building as string | null,
    structure: h.structure as string | null,
    letter: h.letter as string | null,
    postalCode: h.postal_code as string | null,
    totalArea: h.total_area as string | null,
    timezone: h.timezone as string,
    organisationId: h.organisation_id as string | null,
    organisationName: h.organisation_name as string | null,
    premises: premises.map((p) => ({
      id: p.id as string,
      number: p.number as string,
      isResidential: p.is_residential as boolean,
      area: p.area as string,
    })),
  };
}
