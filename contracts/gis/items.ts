import { z } from 'zod';

// What the connector hands the adapter for each item: plain values taken from our rows, with the
// TransportGUID fixed in sync_items. The adapter renders them into the operation's XML.

const guid = z.uuid();
const decimal = z.string().regex(/^\d{1,15}(\.\d{1,7})?$/);
const date = z.iso.date();

/** NSI 2 (municipal resource) entry: code and GUID of the state system's reference book. */
export const nsiRef = z.object({ code: z.string(), guid, name: z.string().optional() });

/**
 * The payer (PayerInfo). Personal data stays encrypted in the stored message (`…Cipher` fields, the field
 * cipher's text); the adapter decrypts them only while rendering the XML.
 */
export const payer = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    lastName: z.string().min(1).max(100),
    firstName: z.string().min(1).max(100),
    middleName: z.string().max(100).optional(),
    /** SNILS (11 digits) as the field cipher's text. */
    snilsCipher: z.string().optional(),
    /** Identity document when there is no SNILS: type from NSI 95. */
    idDocument: z
      .object({ type: nsiRef, series: z.string().max(45).optional(), numberCipher: z.string(), issuedOn: date })
      .optional(),
  }),
  /** An organisation: its version in the state system's register of organisations. */
  z.object({ kind: z.literal('organisation'), orgVersionGuid: guid }),
]);

export const accountItem = z.object({
  transportGuid: guid,
  accountNumber: z.string().min(1).max(30),
  /** Set when the account is already known to the state system (an update). */
  accountGuid: guid.optional(),
  fiasHouseGuid: guid,
  /** The state system's PremisesGUID (from exportHouseData); without it the account is placed on the house. */
  premisesGuid: guid.optional(),
  /** Share of the premise's payment on this account, % (accounts of one premise divided between owners). */
  sharePercent: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,2})?$/)
    .optional(),
  totalArea: z
    .string()
    .regex(/^\d+(\.\d{1,4})?$/)
    .optional(),
  livingPersons: z.number().int().min(0).max(100).optional(),
  payer: payer.optional(),
});

/** Where a meter is: a premise's device (with the premise's GUID and its accounts) or the house's collective one (ОДПУ). */
export const meterPlacement = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['residential', 'nonResidential']), premisesGuid: guid, accountGuids: z.array(guid).min(1) }),
  z.object({ kind: z.literal('collective'), fiasHouseGuid: guid }),
]);

export const meterItem = z.object({
  transportGuid: guid,
  placement: meterPlacement,
  serialNumber: z.string().min(1).max(50),
  resource: nsiRef,
  tariffs: z.number().int().min(1).max(3),
  installedOn: date.optional(),
  verifiedOn: date.optional(),
  sealedOn: date.optional(),
  /** NSI 16 (межповерочный интервал); required for collective devices. */
  verificationInterval: nsiRef.optional(),
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
  /** Kopecks from the ledger: debt at the start of the period; negative is an advance (AdvanceBllingPeriod). */
  debtPreviousPeriods: z
    .string()
    .regex(/^-?\d+$/)
    .optional(),
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
  payee: z.object({
    bik: z.string().regex(/^\d{9}$/),
    account: z.string().regex(/^\d{20}$/),
    bankName: z.string().min(1).max(160),
    correspondentAccount: z.string().regex(/^\d{20}$/),
  }),
  unifiedAccountNumber: z.string().length(10).optional(),
  paymentDocumentId: z.string().length(18).optional(),
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
});

/** Annulment of an accepted notification of order execution (a refund or cancellation of the payment). */
export const paymentCancellationItem = z.object({
  transportGuid: guid,
  orderId: z.string().min(1).max(32),
  cancellationDate: date,
  comment: z.string().min(1).max(210).optional(),
});

/**
 * A file the state system must hold (its file store, e.g. a paper ballot's scan): the hub's file, uploaded
 * before the message is sent; `guid` and `hash` are filled in then and kept for resends.
 */
export const fileAttachment = z.object({
  fileId: guid,
  name: z.string().min(1).max(1024),
  description: z.string().min(1).max(500),
  guid: guid.optional(),
  hash: z.string().optional(),
});

/** An answer to an appeal from the state system (importAnswer: created and sent in one action). */
export const appealAnswerItem = z.object({
  transportGuid: guid,
  appealGuid: guid,
  /** Set when the answer was created in the state system before (an edit). */
  answerGuid: guid.optional(),
  /** The employee answering, as the state system knows them (Идентификатор исполнителя). */
  answererGuid: guid,
  text: z.string().min(1).max(10000),
  /** The answer's files (base:AttachmentType under LoadAnswer), uploaded to the file store before the message. */
  attachments: z.array(fileAttachment).max(20),
});

/** A debtor named in an answer to a debt subrequest (DebtInfoType person). */
export const debtor = z.object({
  lastName: z.string().min(1).max(255),
  firstName: z.string().min(1).max(255),
  middleName: z.string().max(255).optional(),
});

/** An answer to a debt subrequest (importDSRResponsesRequest action Send). */
export const debtResponseItem = z.object({
  transportGuid: guid,
  subrequestGuid: guid,
  hasDebt: z.boolean(),
  description: z.string().max(1000).optional(),
  executorGuid: guid,
  /** With hasDebt: the people with court-confirmed debt. */
  debtors: z.array(debtor).max(50),
});

/** A notice to houses (importNotificationRequest): placed, or recalled once it ended early. */
export const notificationItem = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('create'),
    transportGuid: guid,
    topic: z.string().min(1).max(200),
    important: z.boolean(),
    content: z.string().min(1).max(5000),
    fiasHouseGuids: z.array(guid).min(1),
    /** ISO instants; no end: not limited. */
    startAt: z.iso.datetime({ offset: true }).optional(),
    endAt: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({
    action: z.literal('recall'),
    transportGuid: guid,
    notificationGuid: guid,
    reason: z.string().min(1).max(1000).optional(),
  }),
]);

/** exportAppeal by creation date (the service has no page marker: the hub pages by date windows) or by GUIDs. */
export const appealsQuery = z.union([
  z.object({ startDate: date, endDate: date }),
  z.object({ appealGuids: z.array(guid).min(1).max(1000) }),
]);

/** exportDebtSubrequests: subrequests sent in a period, in blocks of 100 (pageGuid: the block after the first). */
export const debtSubrequestsQuery = z.object({
  startDate: date,
  endDate: date,
  pageGuid: guid.optional(),
});

// General meetings of owners (house management «Голосование»). Texts go as written; SNILS as the field
// cipher's text, decrypted only while rendering, as for payers.

const dateTime = z.iso.datetime({ offset: true });
const decimalVotes = z.string().regex(/^\d{1,20}(\.\d{1,4})?$/);

const fio = {
  lastName: z.string().min(1).max(100),
  firstName: z.string().min(1).max(100),
  middleName: z.string().max(100).optional(),
};
/** An organisation in the state system's register of organisations (orgRootEntityGUID). */
const orgParty = z.object({ kind: z.literal('organisation'), orgRootGuid: guid });
const personParty = z.object({ kind: z.literal('person'), ...fio, snilsCipher: z.string().optional() });

/** A question of the agenda as the notice and the protocol name it. */
const agendaQuestion = z.object({
  number: z.number().int().min(1).max(9999),
  title: z.string().min(1).max(3000),
  /** НСИ 63, required for a meeting of owners (MeetingType Owners). */
  type: nsiRef,
});

export const votingMessageItem = z.object({
  transportGuid: guid,
  /** The notice's GUID when it is changed after placing. */
  messageGuid: guid.optional(),
  fiasHouseGuid: guid,
  /** The hub's own number of the meeting (the protocol's number is the state system's). */
  messageNumber: z.string().max(100).optional(),
  messageDate: date,
  annual: z.boolean(),
  form: z.enum(['in_person', 'ballots', 'mixed', 'electronic']),
  inPersonAt: dateTime.optional(),
  votingStartsAt: dateTime,
  votingEndsAt: dateTime,
  /** The house's dates of the voting period (AVotingStartDate/EndDate are dates). */
  votingStartsOn: date,
  votingEndsOn: date,
  /** Where the sitting is held and where written decisions are handed in. */
  place: z.string().min(1).max(2000),
  /** How owners see the materials (ст. 45 ч. 5 ЖК РФ). */
  materialsInfo: z.string().min(1).max(2000),
  /** Where the hub's voting runs: the state system itself, or the region's designated system. */
  votingSystem: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('HCS') }),
    z.object({ kind: z.literal('Regional'), name: z.string().min(1).max(2000), url: z.string().min(1).max(2000) }),
  ]),
  /** The administrator of the meeting (АОСС): the organisation, at its address. */
  administrator: orgParty,
  administratorAddress: z.string().min(1).max(2000),
  initiators: z.array(z.discriminatedUnion('kind', [orgParty, personParty])).min(1),
  questions: z.array(agendaQuestion).min(1),
  materials: z.array(fileAttachment),
});

/** One owner's decision on one question (the state system takes a decision per question). */
export const ownerDecisionItem = z.object({
  transportGuid: guid,
  /** The notice's GUID in the state system. */
  messageGuid: guid,
  /** Set when the decision was placed before (a correction). */
  rootDecisionGuid: guid.optional(),
  owner: z.object({ ...fio, snilsCipher: z.string().optional() }),
  property: z.object({
    registrationNumber: z.string().min(1).max(45),
    registrationDate: date,
    premisesNumber: z.string().min(1).max(255),
    totalArea: z.string().regex(/^\d{1,20}(\.\d{1,4})?$/),
    /** null: the whole premise; else the owner's share (numerator and denominator 1..100). */
    share: z
      .object({ numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(1).max(100) })
      .nullable(),
  }),
  representative: z.object({ ...fio, notarized: z.boolean() }).optional(),
  question: z.object({ number: z.number().int().min(1).max(9999), answer: z.enum(['for', 'against', 'abstain']) }),
  /** The scan of the paper ballot. */
  attachments: z.array(fileAttachment).min(1),
});

/**
 * The protocol of a meeting held in the state system (importVotingProtocol). Voted there electronically, the
 * state system drew the protocol up and the hub places that version (ProtocolType's EVoting is "not used for
 * importing protocols"); a meeting in person, by paper ballots or both goes as the hub's protocol, with the
 * signed document, placed at once (Protocol with Placing), over the version the state system holds if any.
 */
export const votingProtocolItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('place'), transportGuid: guid, protocolGuid: guid }),
  z.object({
    kind: z.literal('protocol'),
    transportGuid: guid,
    protocolGuid: guid.optional(),
    fiasHouseGuid: guid,
    /** The notice's identifier in the state system (Приказ № 266/пр). */
    protocolNumber: z.string().min(1).max(30),
    protocolDate: date,
    annual: z.boolean(),
    form: z.enum(['in_person', 'ballots', 'mixed']),
    inPersonAt: dateTime.optional(),
    votingStartsOn: date,
    votingEndsOn: date,
    place: z.string().min(1).max(2000),
    initiators: z.array(z.discriminatedUnion('kind', [orgParty, personParty])).min(1),
    quorum: z.boolean(),
    questions: z
      .array(
        agendaQuestion.extend({
          agree: decimalVotes,
          against: decimalVotes,
          abstain: decimalVotes,
          adopted: z.boolean(),
        }),
      )
      .min(1),
    /** The protocol document (the PDF the hub drew up, its SHA-256 in the audit log). */
    attachments: z.array(fileAttachment).min(1),
  }),
]);

/** A protocol of a meeting voted in the region's designated system (the hub), with its results. */
export const externalVotingProtocolItem = z.object({
  transportGuid: guid,
  /** The notice's GUID in the state system. */
  messageGuid: guid,
  protocolNumber: z.string().max(30).optional(),
  protocolDate: date,
  quorum: z.boolean(),
  questions: z
    .array(
      z.object({
        number: z.number().int().min(1).max(9999),
        agree: decimalVotes,
        against: decimalVotes,
        abstain: decimalVotes,
        adopted: z.boolean(),
      }),
    )
    .min(1),
  attachments: z.array(fileAttachment),
});

export const exportOwnerDecisionsQuery = z.object({ messageGuid: guid });
export const exportVotingProtocolsQuery = z.object({ fiasHouseGuid: guid });

export const exportAccountsQuery = z.union([
  z.object({ fiasHouseGuid: guid }),
  z.object({ accountGuids: z.array(guid).min(1).max(1000) }),
  z.object({ unifiedAccountNumbers: z.array(z.string().length(10)).min(1).max(1000) }),
]);

/**
 * exportMeteringDeviceHistory: readings of up to 100 devices by root GUID, entered in a window of at most two
 * consecutive calendar months. With exactly one house named the answer comes whole (no PagedOutput).
 */
export const exportMeteringHistoryQuery = z.object({
  fiasHouseGuid: guid.optional(),
  meterRootGuids: z.array(guid).min(1).max(100),
  inputDateFrom: date.optional(),
  inputDateTo: date.optional(),
});

export const nsiItemQuery = z.object({
  registryNumber: z.number().int().positive(),
  modifiedAfter: z.iso.datetime().optional(),
});
export const nsiListQuery = z.object({});
/** exportOrgRegistry: an organisation by its OGRN (and the KPP of the unit meant, when it has several). */
export const orgRegistryQuery = z.object({
  /** 13 digits: a legal entity's OGRN; 15: an individual entrepreneur's OGRNIP (searched without KPP). */
  ogrn: z.string().regex(/^\d{13}$|^\d{15}$/),
  kpp: z
    .string()
    .regex(/^\d{4}[0-9A-Z]{2}\d{3}$/)
    .optional(),
});
export const houseQuery = z.object({ fiasHouseGuid: guid });

export type AccountItem = z.infer<typeof accountItem>;
export type Payer = z.infer<typeof payer>;
export type MeterPlacement = z.infer<typeof meterPlacement>;
export type NsiItemQuery = z.infer<typeof nsiItemQuery>;
export type HouseQuery = z.infer<typeof houseQuery>;
export type OrgRegistryQuery = z.infer<typeof orgRegistryQuery>;
export type MeterItem = z.infer<typeof meterItem>;
export type ReadingItem = z.infer<typeof readingItem>;
export type PaymentDocumentItem = z.infer<typeof paymentDocumentItem>;
export type PaymentItem = z.infer<typeof paymentItem>;
export type PaymentCancellationItem = z.infer<typeof paymentCancellationItem>;
export type ExportAccountsQuery = z.infer<typeof exportAccountsQuery>;
export type ExportMeteringHistoryQuery = z.infer<typeof exportMeteringHistoryQuery>;
export type AppealAnswerItem = z.infer<typeof appealAnswerItem>;
export type DebtResponseItem = z.infer<typeof debtResponseItem>;
export type NotificationItem = z.infer<typeof notificationItem>;
export type AppealsQuery = z.infer<typeof appealsQuery>;
export type DebtSubrequestsQuery = z.infer<typeof debtSubrequestsQuery>;
export type FileAttachment = z.infer<typeof fileAttachment>;
export type VotingMessageItem = z.infer<typeof votingMessageItem>;
export type OwnerDecisionItem = z.infer<typeof ownerDecisionItem>;
export type VotingProtocolItem = z.infer<typeof votingProtocolItem>;
export type ExternalVotingProtocolItem = z.infer<typeof externalVotingProtocolItem>;
export type ExportOwnerDecisionsQuery = z.infer<typeof exportOwnerDecisionsQuery>;
export type ExportVotingProtocolsQuery = z.infer<typeof exportVotingProtocolsQuery>;

/** The items of each import operation. */
export interface ImportItems {
  importAccountData: AccountItem;
  importMeteringDeviceData: MeterItem;
  importMeteringDeviceValues: ReadingItem;
  importPaymentDocumentData: PaymentDocumentItem;
  importNotificationsOfOrderExecution: PaymentItem;
  importNotificationsOfOrderExecutionCancellation: PaymentCancellationItem;
  importAnswer: AppealAnswerItem;
  importResponses: DebtResponseItem;
  importNotificationData: NotificationItem;
  importVotingMessage: VotingMessageItem;
  importOwnerDecision: OwnerDecisionItem;
  importVotingProtocol: VotingProtocolItem;
  importExternalVotingProtocol: ExternalVotingProtocolItem;
}
export type ImportOperationName = keyof ImportItems;

/** What goes through the outbox: the import items, and the one query of each export the hub keeps current. */
export interface OutboxItems extends ImportItems {
  exportHouseData: HouseQuery;
  exportNsiItem: NsiItemQuery;
  exportNsiList: z.infer<typeof nsiListQuery>;
  exportAppeal: AppealsQuery;
  exportDebtSubrequests: DebtSubrequestsQuery;
  exportOwnerDecision: ExportOwnerDecisionsQuery;
  exportVotingProtocol: ExportVotingProtocolsQuery;
  exportOrgRegistry: OrgRegistryQuery;
  exportMeteringDeviceHistory: ExportMeteringHistoryQuery;
}
export type OutboxOperationName = keyof OutboxItems;

/**
 * The NSI reference books the hub uses, by registry number (nsi-common exportNsiItem). Their element
 * GUIDs come from the cache (gis_nsi_items), refreshed on a schedule; the codes below are the books'.
 */
export const NSI = {
  /** Вид коммунального ресурса. */
  municipalResource: 2,
  /** Межповерочный интервал. */
  verificationInterval: 16,
  /** Документ, удостоверяющий личность. */
  identityDocument: 95,
  /** Тип вопроса повестки общего собрания собственников (DecisionsType of a meeting's DecisionList). */
  meetingQuestionType: 63,
} as const;

/** NSI 2 codes of the hub's resources. */
export const MUNICIPAL_RESOURCE_CODES = {
  cold_water: '1',
  hot_water: '2',
  electricity: '3',
  gas: '4',
  heat: '5',
} as const;
