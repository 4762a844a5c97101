import { z } from 'zod';

// API schemas of charges, payment documents and debt. Money: kopecks as digit strings.

export const kopecks = z.string().regex(/^-?\d{1,15}$/, 'kopecks as a string of digits');
export const nonNegativeKopecks = z.string().regex(/^\d{1,15}$/, 'non-negative kopecks as a string of digits');
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'period as YYYY-MM');

export const chargeLineInput = z.object({
  service: z.string().min(1).max(200),
  unit: z.string().max(20).optional(),
  volume: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,3})?$/, 'decimal with up to 3 places')
    .optional()
    .describe('individual consumption (or the whole volume where there is no common-property part)'),
  volumeCommon: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,3})?$/, 'decimal with up to 3 places')
    .optional()
    .describe('volume used for the upkeep of common property (ОДН), printed apart on the payment document'),
  tariff: nonNegativeKopecks.optional().describe('kopecks per unit'),
  charged: kopecks,
  recalculation: kopecks.default('0'),
  benefit: nonNegativeKopecks.default('0'),
  penalty: nonNegativeKopecks.default('0'),
  recalculationReason: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('why the line was recalculated (printed on the document)'),
});

export const chargeImportItem = z.object({
  accountNumber: z.string().min(1).max(30),
  period: periodSchema,
  openingDebt: kopecks.default('0').describe('debt (negative: advance) at the start of the period'),
  paid: nonNegativeKopecks.default('0').describe('paid during the period, as the billing system knows it'),
  toPay: kopecks.optional().describe('if given, must equal openingDebt + Σ line totals − paid'),
  lines: z.array(chargeLineInput).min(1).max(100),
});

export const chargeImportBody = z.object({ items: z.array(chargeImportItem).min(1).max(1000) });
export type ChargeImportItem = z.infer<typeof chargeImportItem>;

export const chargeImportResult = z.object({
  index: z.number().int(),
  accountNumber: z.string(),
  period: z.string(),
  status: z.enum(['created', 'replaced', 'unchanged', 'error']),
  version: z.number().int().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const chargeImportResponse = z.object({
  results: z.array(chargeImportResult),
  created: z.number(),
  replaced: z.number(),
  unchanged: z.number(),
  failed: z.number(),
});

/** The payee's bank details printed on payment documents (checksums verified against the INN). */
export const payeeBankDetails = z.object({
  bankName: z.string().min(1).max(45),
  bik: z.string().regex(/^\d{9}$/),
  settlementAccount: z.string().regex(/^\d{20}$/),
  correspondentAccount: z.string().regex(/^\d{20}$/),
});

/** The payee as payment documents print it; bank details are null until set. */
export const payeeBankDetailsView = z.object({
  name: z.string(),
  inn: z.string(),
  kpp: z.string().nullable(),
  bankName: z.string().nullable(),
  bik: z.string().nullable(),
  settlementAccount: z.string().nullable(),
  correspondentAccount: z.string().nullable(),
});

export const chargeLine = z.object({
  service: z.string(),
  unit: z.string().nullable(),
  volume: z.string().nullable(),
  volumeCommon: z.string().nullable(),
  tariff: z.string().nullable(),
  charged: z.string(),
  recalculation: z.string(),
  benefit: z.string(),
  penalty: z.string(),
  recalculationReason: z.string().nullable(),
  total: z.string(),
});

export const chargePeriod = z.object({
  accountId: z.uuid(),
  accountNumber: z.string(),
  period: z.string(),
  version: z.number().int(),
  openingDebt: z.string(),
  charged: z.string(),
  penalty: z.string(),
  paid: z.string().describe('paid as reported by the organisation'),
  toPay: z.string(),
  allocated: z.string().describe('payments booked in the hub against this period'),
  status: z.enum(['paid', 'partial', 'unpaid']),
  dueDate: z.string().describe('YYYY-MM-DD'),
  lines: z.array(chargeLine),
});

export const accountBalance = z.object({
  accountId: z.uuid(),
  accountNumber: z.string(),
  debt: z.string().describe('owed now (negative: advance)'),
  penalties: z.string(),
  unpaidPeriods: z.array(z.string()),
});

export const debtCertificate = z.object({
  accountId: z.uuid(),
  accountNumber: z.string(),
  address: z.string(),
  organisation: z.object({ name: z.string(), inn: z.string() }),
  asOf: z.string(),
  charged: z.string().describe('opening debt + charges of periods before the date'),
  paid: z.string().describe('payments booked up to the date'),
  debt: z.string(),
  periods: z.array(z.object({ period: z.string(), charged: z.string(), paid: z.string() })),
  issuedAt: z.string(),
});

const contactText = (max: number) => z.string().trim().min(1).max(max).nullable();

/** What the payment document prints about the payee beyond its bank details (form 43/пр, section 1). */
export const payeeContacts = z
  .object({
    address: contactText(500).describe("the payee's address"),
    phone: contactText(60),
    email: z.email().max(200).nullable(),
    website: z.url().max(200).nullable(),
    workingHours: contactText(200).describe('e.g. "пн–чт 9:00–18:00, пт 9:00–16:45"'),
    dispatcherPhone: contactText(60).describe('the emergency dispatcher service'),
    dispatcherHours: contactText(200).describe('e.g. "круглосуточно"'),
  })
  .meta({ id: 'PayeeContacts' });

/** A payment document as issued (POST …/charges/:period/document). */
export const issuedPaymentDocument = z.object({
  number: z.string().describe('our 18-character document number (QuittId in the QR)'),
  period: z.string(),
  amount: z.string().describe('kopecks to pay, as issued'),
  issuedAt: z.string(),
  gisDocumentId: z
    .string()
    .nullable()
    .describe("the state system's PaymentDocumentID once it has accepted the document"),
  href: z.string().describe('where to download the PDF'),
});

export const accountParams = z.object({ accountId: z.uuid() });
export const accountPeriodParams = accountParams.extend({ period: periodSchema });

export const chargesQuery = z.object({
  accountId: z.uuid().optional(),
  from: periodSchema.optional(),
  to: periodSchema.optional(),
});
export const chargesResponse = z.object({ from: z.string(), to: z.string(), periods: z.array(chargePeriod) });

export const balanceResponse = z.object({
  accounts: z.array(accountBalance),
  totalDebt: z.string(),
  totalPenalties: z.string(),
});

export const asOfQuery = z.object({ asOf: z.iso.date().optional() });

/** A PDF answered as is. */
export const pdfFile = z.any().describe('application/pdf');
