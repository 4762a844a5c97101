import { z } from 'zod';

// What the connector hands the adapter for each item: plain values taken from our rows, with the
// TransportGUID fixed in sync_items. The adapter renders them into the operation's XML.

const guid = z.uuid();
const decimal = z.string().regex(/^\d{1,15}(\.\d{1,7})?$/);
const date = z.iso.date();

/** NSI 2 (municipal resource) entry: code and GUID of the state system's reference book. */
export const nsiRef = z.object({ code: z.string(), guid, name: z.string().optional() });

export const accountItem = z.object({
  transportGuid: guid,
  accountNumber: z.string().min(1).max(30),
  /** Set when the account is already known to the state system (an update). */
  accountGuid: guid.optional(),
  fiasHouseGuid: guid,
  premisesGuid: guid.optional(),
  totalArea: z.string().regex(/^\d+(\.\d{1,4})?$/).optional(),
  payerLastName: z.string().max(100).optional(),
  payerFirstName: z.string().max(100).optional(),
});

export const meterItem = z.object({
  transportGuid: guid,
  fiasHouseGuid: guid,
  accountGuid: guid,
  premisesGuid: guid.optional(),
  serialNumber: z.string().min(1).max(50),
  resource: nsiRef,
  tariffs: z.number().int().min(1).max(3),
  installedOn: date.optional(),
  verifiedOn: date.optional(),
  sealedOn: date.optional(),
  firstReading: z.object({ t1: decimal, t2: decimal.optional(), t3: decimal.optional() }),
});

export const readingItem = z.object({
  transportGuid: guid,
  meterVersionGuid: guid,
  electric: z.boolean(),
  resource: nsiRef,
  t1: decimal,
  t2: decimal.optional(),
  t3: decimal.optional(),
  takenOn: date,
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

export const paymentDocumentItem = z.object({
  transportGuid: guid,
  accountGuid: guid,
  /** Billing period YYYY-MM. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  documentNumber: z.string().min(1).max(30),
  /** Kopecks, as digit strings. */
  totalPayable: z.string().regex(/^-?\d+$/),
  debtPreviousPeriods: z.string().regex(/^-?\d+$/).optional(),
  /** Payee bank details (one PaymentInformation block per document). */
  payee: z.object({ bik: z.string().regex(/^\d{9}$/), account: z.string().regex(/^\d{20}$/) }),
});

export const paymentItem = z.object({
  transportGuid: guid,
  /** 32-character order id (УИН-like) the bank gave the payment. */
  orderId: z.string().length(32),
  orderDate: date,
  /** Kopecks. */
  amount: z.string().regex(/^\d+$/),
  purpose: z.string().max(1000).optional(),
  recipientInn: z.string().regex(/^\d{10}$|^\d{12}$/),
  recipientKpp: z.string().regex(/^[0-9A-Z]{9}$/),
  recipientName: z.string().min(1).max(4000),
  payee: z.object({ bik: z.string().regex(/^\d{9}$/), account: z.string().regex(/^\d{20}$/), bankName: z.string().min(1).max(160), correspondentAccount: z.string().regex(/^\d{20}$/) }),
  unifiedAccountNumber: z.string().length(10).optional(),
  paymentDocumentId: z.string().length(18).optional(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
});

/** Annulment of an accepted notification of order execution (a refund or cancellation of the payment). */
export const paymentCancellationItem = z.object({
  transportGuid: guid,
  orderId: z.string().min(1).max(32),
  cancellationDate: date,
  comment: z.string().min(1).max(210).optional(),
});

export const exportAccountsQuery = z.union([
  z.object({ fiasHouseGuid: guid }),
  z.object({ accountGuids: z.array(guid).min(1).max(1000) }),
  z.object({ unifiedAccountNumbers: z.array(z.string().length(10)).min(1).max(1000) }),
]);

export const exportMeteringHistoryQuery = z.object({
  fiasHouseGuid: guid.optional(),
  meterRootGuids: z.array(guid).min(1).max(100),
  inputDateFrom: date.optional(),
  inputDateTo: date.optional(),
});

export type AccountItem = z.infer<typeof accountItem>;
export type MeterItem = z.infer<typeof meterItem>;
export type ReadingItem = z.infer<typeof readingItem>;
export type PaymentDocumentItem = z.infer<typeof paymentDocumentItem>;
export type PaymentItem = z.infer<typeof paymentItem>;
export type PaymentCancellationItem = z.infer<typeof paymentCancellationItem>;
export type ExportAccountsQuery = z.infer<typeof exportAccountsQuery>;
export type ExportMeteringHistoryQuery = z.infer<typeof exportMeteringHistoryQuery>;

/** The items of each import operation. */
export interface ImportItems {
  importAccountData: AccountItem;
  importMeteringDeviceData: MeterItem;
  importMeteringDeviceValues: ReadingItem;
  importPaymentDocumentData: PaymentDocumentItem;
  importNotificationsOfOrderExecution: PaymentItem;
  importNotificationsOfOrderExecutionCancellation: PaymentCancellationItem;
}
export type ImportOperationName = keyof ImportItems;

/** NSI 2 municipal resources. Codes are the reference book's; GUIDs are the sandbox's copy of it
 * (production reads the current GUIDs with exportNsiItem and overrides them). */
export const MUNICIPAL_RESOURCES = {
  cold_water: { code: '1', guid: '00000000-0000-4002-8000-000000000001', name: 'Холодная вода' },
  hot_water: { code: '2', guid: '00000000-0000-4002-8000-000000000002', name: 'Горячая вода' },
  electricity: { code: '3', guid: '00000000-0000-4002-8000-000000000003', name: 'Электрическая энергия' },
  gas: { code: '4', guid: '00000000-0000-4002-8000-000000000004', name: 'Газ' },
  heat: { code: '5', guid: '00000000-0000-4002-8000-000000000005', name: 'Тепловая энергия' },
} as const;
