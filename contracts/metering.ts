import { z } from 'zod';
import { SYNC_ITEM_STATUSES, syncErrorHintView } from './sync.js';

// Schemas of the metering API (resident and organisation), shared by routes, the import path and tests.

export const RESOURCES = ['cold_water', 'hot_water', 'electricity', 'heat', 'gas'] as const;
export const resourceSchema = z.enum(RESOURCES);
export type Resource = z.infer<typeof resourceSchema>;

/** Units per DOMAIN.md: water and gas in m³, electricity in kWh, heat in Gcal. */
export const RESOURCE_UNITS: Record<Resource, string> = {
  cold_water: 'm³',
  hot_water: 'm³',
  electricity: 'kWh',
  heat: 'Gcal',
  gas: 'm³',
};

export const readingValueSchema = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,3})?$/, 'expected a decimal string with up to 3 decimals, e.g. "3605.962"')
  .describe('numeric(15,3) as a decimal string');
export const periodSchema = z
  .string()
  .regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
  .describe('billing period YYYY-MM');
export const dateSchema = z.iso.date();

/** One value per tariff: T1 (day/peak), T2 (night), T3 (semi-peak). */
export const tariffValuesSchema = z.object({
  t1: readingValueSchema,
  t2: readingValueSchema.optional(),
  t3: readingValueSchema.optional(),
});
export type TariffValues = z.infer<typeof tariffValuesSchema>;

export const readingWindowSchema = z
  .object({
    open: z.boolean().describe('the window is open now in the house time zone'),
    accepting: z.boolean().describe('a reading sent now is taken (open, or attributed to the next period)'),
    period: periodSchema.describe('the period a reading sent now belongs to'),
    opensOn: dateSchema,
    closesOn: dateSchema,
    timezone: z.string(),
    outsideWindow: z.enum(['next_period', 'reject']),
  })
  .meta({ id: 'ReadingWindow' });

export const meterViewSchema = z
  .object({
    id: z.uuid(),
    resource: resourceSchema,
    unit: z.string(),
    serialNumber: z.string(),
    tariffs: z.number().int(),
    digitCapacity: z.number().int().nullable(),
    installedOn: dateSchema.nullable(),
    sealedOn: dateSchema.nullable(),
    verifiedOn: dateSchema.nullable(),
    nextVerification: dateSchema.nullable(),
    daysToVerification: z.number().int().nullable().describe('negative when overdue'),
    verificationOverdue: z.boolean(),
    previousReading: z
      .object({
        id: z.uuid(),
        period: periodSchema,
        takenOn: dateSchema,
        values: tariffValuesSchema,
        source: z.string(),
      })
      .nullable(),
    averageMonthly: tariffValuesSchema.nullable().describe('average consumption per month over the last year'),
  })
  .meta({ id: 'Meter' });

export const meterListSchema = z.object({ window: readingWindowSchema, meters: z.array(meterViewSchema) });

export const submitReadingsBodySchema = z.object({
  readings: z
    .array(z.object({ meterId: z.uuid(), ...tariffValuesSchema.shape }))
    .min(1)
    .max(50),
  confirm: z.boolean().default(false).describe('true confirms a consumption far above the average'),
});

export const acceptedReadingSchema = z
  .object({
    id: z.uuid(),
    meterId: z.uuid(),
    period: periodSchema,
    takenOn: dateSchema,
    values: tariffValuesSchema,
    consumption: tariffValuesSchema.nullable(),
    corrects: z.uuid().nullable().describe('the reading of the same period this one replaced'),
    highConsumptionConfirmed: z.boolean(),
  })
  .meta({ id: 'AcceptedReading' });

export const submitReadingsResponseSchema = z.object({
  period: periodSchema,
  windowOpen: z.boolean(),
  readings: z.array(acceptedReadingSchema),
});

export const historyQuerySchema = z.object({
  from: periodSchema.optional().describe('first period; default five months before `to`'),
  to: periodSchema.optional().describe('last period; default the current one'),
  meterId: z.uuid().optional(),
});

export const historySchema = z.object({
  from: periodSchema,
  to: periodSchema,
  meters: z.array(
    z.object({
      meterId: z.uuid(),
      resource: resourceSchema,
      unit: z.string(),
      serialNumber: z.string(),
      tariffs: z.number().int(),
      periods: z.array(
        z.object({
          period: periodSchema,
          readingId: z.uuid(),
          takenOn: dateSchema,
          source: z.string(),
          values: tariffValuesSchema,
          consumption: tariffValuesSchema.nullable(),
        }),
      ),
    }),
  ),
});

// Organisation bulk import and export.

export const importReadingRowSchema = z
  .object({
    meterId: z.uuid().optional(),
    accountNumber: z.string().min(1).max(30).optional(),
    serialNumber: z.string().min(1).max(64).optional(),
    resource: resourceSchema.optional(),
    period: periodSchema,
    takenOn: dateSchema.optional(),
    t1: readingValueSchema,
    t2: readingValueSchema.optional(),
    t3: readingValueSchema.optional(),
  })
  .refine((r) => r.meterId || (r.accountNumber && r.serialNumber), {
    message: 'name the meter by meterId, or by accountNumber and serialNumber',
    path: ['meterId'],
  })
  .meta({ id: 'ImportReadingRow' });
export type ImportReadingRow = z.infer<typeof importReadingRowSchema>;

export const importMeterRowSchema = z
  .object({
    accountNumber: z.string().min(1).max(30),
    resource: resourceSchema,
    serialNumber: z.string().min(1).max(64),
    tariffs: z.number().int().min(1).max(3).default(1),
    digitCapacity: z.number().int().min(3).max(12).nullable().optional(),
    installedOn: dateSchema.nullable().optional(),
    sealedOn: dateSchema.nullable().optional(),
    verifiedOn: dateSchema.nullable().optional(),
    nextVerification: dateSchema.nullable().optional(),
    archived: z.boolean().default(false),
  })
  .meta({ id: 'ImportMeterRow' });
export type ImportMeterRow = z.infer<typeof importMeterRowSchema>;

export const rowErrorSchema = z.object({
  index: z.number().int().describe('0-based position of the row in the body (line number − 1 for NDJSON)'),
  field: z.string().describe('the row member at fault, e.g. t2; empty for the whole row'),
  code: z.string(),
  message: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const importResultSchema = z
  .object({
    received: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    errors: z
      .array(rowErrorSchema)
      .describe(
        'one entry per refused row and field, the first 1,000; rows not listed were kept unless errorsOmitted says more',
      ),
    errorsOmitted: z.number().int().optional().describe('error entries past the first 1,000, counted but not listed'),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof importResultSchema>;

export const exportReadingSchema = z
  .object({
    readingId: z.uuid(),
    meterId: z.uuid(),
    accountNumber: z.string(),
    serialNumber: z.string(),
    resource: resourceSchema,
    period: periodSchema,
    takenOn: dateSchema,
    t1: readingValueSchema,
    t2: readingValueSchema.nullable(),
    t3: readingValueSchema.nullable(),
    source: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ExportedReading' });

/** The largest page of the organisation's export (NDJSON is sent in pages of this size too). */
export const EXPORT_PAGE = 5_000;

/** Filters of the organisation's export (with the page query). */
export const readingsExportFilter = z.object({
  period: periodSchema,
  limit: z.coerce.number().int().min(1).max(EXPORT_PAGE).default(1000),
  format: z.enum(['json', 'ndjson']).optional(),
});

export const readingSettingsSchema = z
  .object({
    windowStartDay: z.number().int().min(1).max(31),
    windowEndDay: z.number().int().min(1).max(31),
    outsideWindow: z.enum(['next_period', 'reject']),
    acceptUnverifiedMeters: z.boolean(),
    confirmFactor: z
      .string()
      .regex(/^\d{1,4}(\.\d{1,2})?$/)
      .refine((v) => Number(v) >= 1, 'at least 1')
      .describe('consumption above this many times the monthly average asks the resident to confirm'),
  })
  .meta({ id: 'ReadingSettings' });
export type ReadingSettings = z.infer<typeof readingSettingsSchema>;

// Meter registration and re-registration (after replacement or verification).

export const DOCUMENT_KINDS = [
  'sealing_act',
  'dismantling_act',
  'installation_act',
  'passport',
  'verification_certificate',
  'photo',
] as const;
export const documentKindSchema = z.enum(DOCUMENT_KINDS);

const optionalNumber = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : Number(v)),
    z.number().int().min(min).max(max).optional(),
  );
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** The text fields of the multipart form; the files' field names are the document kinds. */
export const registrationFieldsSchema = z.object({
  kind: z.enum(['register', 'reregister']),
  meterId: optionalText(z.uuid()),
  resource: resourceSchema,
  serialNumber: z.string().min(1).max(64),
  tariffs: optionalNumber(1, 3),
  digitCapacity: optionalNumber(3, 12),
  installedOn: optionalText(dateSchema),
  sealedOn: optionalText(dateSchema),
  verifiedOn: optionalText(dateSchema),
  nextVerification: optionalText(dateSchema),
  t1: optionalText(readingValueSchema),
  t2: optionalText(readingValueSchema),
  t3: optionalText(readingValueSchema),
  comment: optionalText(z.string().max(2000)),
});
export type RegistrationFields = z.infer<typeof registrationFieldsSchema>;

export const registrationViewSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountNumber: z.string(),
    address: z.string().describe("The account's house"),
    premise: z.string().nullable().describe("The account's premise (flat) number"),
    kind: z.enum(['register', 'reregister']),
    meterId: z.uuid().nullable().describe('the meter re-registered, or the one created on approval'),
    resource: resourceSchema,
    serialNumber: z.string(),
    tariffs: z.number().int(),
    digitCapacity: z.number().int().nullable(),
    installedOn: dateSchema.nullable(),
    sealedOn: dateSchema.nullable(),
    verifiedOn: dateSchema.nullable(),
    nextVerification: dateSchema.nullable(),
    initialValues: tariffValuesSchema.nullable(),
    comment: z.string().nullable(),
    status: z.enum(['submitted', 'approved', 'rejected']),
    rejectReason: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    documents: z.array(
      z.object({
        id: z.uuid(),
        kind: documentKindSchema,
        filename: z.string(),
        contentType: z.string(),
        size: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'MeterRegistration' });
export type RegistrationView = z.infer<typeof registrationViewSchema>;

export const registrationStatusFilter = z.object({ status: z.enum(['submitted', 'approved', 'rejected']).optional() });

export const rejectRegistrationBody = z.object({ reason: z.string().trim().min(3).max(2000) });

/**
 * A house's common-property meter (ОДПУ): the state system's collective device, which needs its
 * verification interval (НСИ 16, whole years from the last verification to the next).
 */
export const houseMeterInput = z
  .object({
    resource: resourceSchema,
    serialNumber: z.string().trim().min(1).max(50).describe('the factory number (MeteringDeviceNumber, up to 50)'),
    tariffs: z.number().int().min(1).max(3).default(1),
    digitCapacity: z.number().int().min(3).max(12).optional(),
    installedOn: dateSchema.optional(),
    sealedOn: dateSchema.optional(),
    verifiedOn: dateSchema.describe('the last verification (поверка)'),
    nextVerification: dateSchema.describe('the next verification: with verifiedOn, the interval in whole years'),
  })
  .superRefine((m, ctx) => {
    const months =
      (Number(m.nextVerification.slice(0, 4)) - Number(m.verifiedOn.slice(0, 4))) * 12 +
      Number(m.nextVerification.slice(5, 7)) -
      Number(m.verifiedOn.slice(5, 7));
    if (months < 6)
      ctx.addIssue({
        code: 'custom',
        path: ['nextVerification'],
        message: 'at least half a year after verifiedOn: the verification interval is in whole years',
      });
    if (m.installedOn && m.installedOn > m.nextVerification)
      ctx.addIssue({ code: 'custom', path: ['installedOn'], message: 'after the next verification' });
  });
export type HouseMeterInput = z.infer<typeof houseMeterInput>;

const houseMeterSync = z
  .object({
    status: z
      .enum(SYNC_ITEM_STATUSES)
      .describe(
        'pending, sending or sent: waiting; accepted: gisGuid is set; rejected: refused; dead: the exchange gave up',
      ),
    errorCode: z.string().nullable().describe("the state system's code (INT002000…) or the hub's refusal"),
    errorText: z.string().nullable(),
    hint: syncErrorHintView.nullable().describe('what to change before sending again, for a known error code'),
    updatedAt: z.string(),
  })
  .meta({ id: 'HouseMeterSync' });

export const houseMeterView = z
  .object({
    id: z.uuid(),
    houseId: z.uuid(),
    resource: resourceSchema,
    serialNumber: z.string(),
    tariffs: z.number().int(),
    digitCapacity: z.number().int().nullable(),
    installedOn: z.string().nullable(),
    sealedOn: z.string().nullable(),
    verifiedOn: z.string().nullable(),
    nextVerification: z.string().nullable(),
    archived: z.boolean(),
    gisGuid: z
      .string()
      .nullable()
      .describe("the state system's MeteringDeviceVersionGUID once it accepted the meter as a collective device"),
    createdAt: z.string(),
    daysToVerification: z
      .number()
      .int()
      .nullable()
      .describe("days from today (the house's time zone) to the next verification; negative when overdue"),
    verificationOverdue: z.boolean(),
    stateSystem: houseMeterSync
      .nullable()
      .describe(
        'the latest sending of the meter to the state system (importMeteringDeviceData); null before it is queued',
      ),
  })
  .meta({ id: 'HouseMeter' });
/** A house meter as its repository returns it, before the verification countdown and the exchange's state. */
export type HouseMeterRecord = Omit<
  z.infer<typeof houseMeterView>,
  'daysToVerification' | 'verificationOverdue' | 'stateSystem'
>;
export type HouseMeterView = z.infer<typeof houseMeterView>;

export const houseMetersResponse = z.object({ items: z.array(houseMeterView) });
