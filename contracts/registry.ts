import { z } from 'zod';
import { bulkRowResultSchema } from './bulk.js';

// Schemas of the registry API: houses and premises, address search, ГАР imports.

const areaText = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'm² with up to 2 decimals')
  .nullable();
export const houseReference = z
  .object({
    totalArea: areaText,
    residentialArea: areaText,
    nonResidentialArea: areaText,
    commonArea: areaText,
  })
  .meta({ id: 'HouseReference' });

export const houseHit = z
  .object({
    id: z.uuid(),
    fiasHouseGuid: z.string().nullable(),
    fullAddress: z.string(),
    region: z.string(),
    settlement: z.string().nullable(),
    street: z.string().nullable(),
    houseNumber: z.string(),
    building: z.string().nullable(),
    structure: z.string().nullable(),
    letter: z.string().nullable(),
    organisationId: z
      .string()
      .nullable()
      .describe('the managing organisation; null when no organisation serves the house here'),
    organisationName: z.string().nullable(),
    score: z.number().describe('similarity of the address to the query, 0–1'),
  })
  .meta({ id: 'HouseHit' });

export const houseSearchQuery = z.object({
  q: z.string().trim().min(2).max(200).describe('e.g. "профсоюзная 43 к1", "Москва, ул. Профсаюзная д.43"'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const houseHits = z.object({ items: z.array(houseHit) });

export const houseParams = z.object({ houseId: z.uuid() });

export const houseDetails = houseHit.omit({ score: true }).extend({
  municipality: z.string().nullable(),
  gisUniqueNumber: z.string().nullable(),
  postalCode: z.string().nullable(),
  totalArea: z.string().nullable(),
  timezone: z.string(),
  premises: z.array(z.object({ id: z.uuid(), number: z.string(), isResidential: z.boolean(), area: z.string() })),
});

export const houseRowResult = bulkRowResultSchema.extend({
  key: z.string().nullable().describe("the row's fiasHouseGuid as sent"),
  premises: z
    .object({ created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number() })
    .optional(),
});
export const housesUpserted = z.object({
  summary: z.object({
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
  }),
  results: z.array(houseRowResult),
});

export const garImportBody = z.object({
  directory: z.string().min(1).max(500).describe('e.g. "2026.11.20/77" inside GAR_IMPORT_DIR'),
});
export const garImportStarted = z.object({ jobId: z.string().nullable(), directory: z.string() });

const garFile = z.object({
  file: z.string(),
  kind: z.string(),
  size: z.number(),
  recordsDone: z.number(),
  status: z.enum(['running', 'done']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const garFiles = z.object({ files: z.array(garFile) });

/** The organisation's houses, for its staff's pickers and filters (GET /api/v1/org/houses). */
export const orgHouseList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      fullAddress: z.string(),
      timezone: z.string(),
      totalArea: z.string().nullable().describe('m²; null where not set'),
      residentialArea: z.string().nullable(),
      nonResidentialArea: z.string().nullable(),
      commonArea: z.string().nullable(),
    }),
  ),
});
