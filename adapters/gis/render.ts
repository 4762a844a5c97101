import { GIS_OPERATIONS, NS, type GisOperationName } from '../../contracts/gis/operations.js';
import type {
  AccountItem,
  AppealAnswerItem,
  AppealsQuery,
  DebtResponseItem,
  DebtSubrequestsQuery,
  NotificationItem,
  FileAttachment,
  ExportAccountsQuery,
  ExportOwnerDecisionsQuery,
  ExportVotingProtocolsQuery,
  ExternalVotingProtocolItem,
  OwnerDecisionItem,
  VotingMessageItem,
  VotingProtocolItem,
  ExportMeteringHistoryQuery,
  HouseQuery,
  ImportItems,
  ImportOperationName,
  MeterItem,
  NsiItemQuery,
  OrgRegistryQuery,
  OutboxItems,
  OutboxOperationName,
  Payer,
  PaymentCancellationItem,
  PaymentDocumentItem,
  PaymentItem,
  ReadingItem,
} from '../../contracts/gis/items.js';
import { createHash } from 'node:crypto';
import { esc, leaf, node } from './xml.js';

// Renders request bodies of the hub's operations, element by element in the order of the published
// schemas (GIS ЖКХ 14.4.0.1). Conformance tests validate every rendered message against them.

export const SIGNED_CONTAINER_ID = 'signed-data-container';

const xmlns = Object.entries(NS)
  .filter(([p]) => p !== 'soap')
  .map(([p, uri]) => `xmlns:${p}="${uri}"`)
  .join(' ');

export interface Envelope {
  messageGuid: string;
  date: string;
  orgPpaGuid: string;
  body: string;
  /** nsi-common takes ISRequestHeader (no organisation); the other services RequestHeader. */
  header?: 'RequestHeader' | 'ISRequestHeader';
}

/** The SOAP envelope: RequestHeader (Date, MessageGUID, orgPPAGUID) or ISRequestHeader, and the unsigned body. */
export function envelope(e: Envelope) {
  const header =
    e.header === 'ISRequestHeader'
      ? `<base:ISRequestHeader>${leaf('base:Date', e.date)}${leaf('base:MessageGUID', e.messageGuid)}</base:ISRequestHeader>`
      : `<base:RequestHeader>${leaf('base:Date', e.date)}${leaf('base:MessageGUID', e.messageGuid)}${leaf('base:orgPPAGUID', e.orgPpaGuid)}</base:RequestHeader>`;
  return `<soap:Envelope xmlns:soap="${NS.soap}" ${xmlns}><soap:Header>${header}</soap:Header><soap:Body>${e.body}</soap:Body></soap:Envelope>`;
}

/** The request element of an operation with its fixed version and the Id the signature refers to. */
function requestElement(operation: GisOperationName, content: string) {
  const op = GIS_OPERATIONS[operation];
  const prefix = {
    houseManagement: 'hm',
    deviceMetering: 'dm',
    bills: 'b',
    payment: 'pm',
    nsiCommon: 'nsic',
    appeals: 'ap',
    debtRequests: 'drs',
    orgRegistryCommon: 'orgc',
  }[op.service];
  const name = `${prefix}:${op.requestElement}`;
  return `<${name} Id="${SIGNED_CONTAINER_ID}" base:version="${op.version}">${content}</${name}>`;
}

const nsiRef = (name: string, r: { code: string; guid: string; name?: string }) =>
  node(name, leaf('nsi:Code', r.code), leaf('nsi:GUID', r.guid), leaf('nsi:Name', r.name));

const yearMonth = (period: string) => {
  const [year, month] = period.split('-') as [string, string];
  return leaf('base:Year', year) + leaf('base:Month', Number(month));
};

/** Decrypts a personal-data field (SNILS, document number) from the field cipher's text, only while rendering. */
export type Decrypt = (cipherText: string) => string;

function payerInfo(p: Payer | undefined, decrypt: Decrypt) {
  if (!p) return node('hm:PayerInfo');
  if (p.kind === 'organisation')
    return node('hm:PayerInfo', node('hm:Org', leaf('orgr:orgVersionGUID', p.orgVersionGuid)));
  const id = p.snilsCipher
    ? leaf('ind:SNILS', decrypt(p.snilsCipher))
    : p.idDocument
      ? node(
          'ind:ID',
          nsiRef('ind:Type', p.idDocument.type),
          leaf('ind:Series', p.idDocument.series),
          leaf('ind:Number', decrypt(p.idDocument.numberCipher)),
          leaf('ind:IssueDate', p.idDocument.issuedOn),
        )
      : '';
  return node(
    'hm:PayerInfo',
    node(
      'hm:Ind',
      leaf('ind:Surname', p.lastName),
      leaf('ind:FirstName', p.firstName),
      leaf('ind:Patronymic', p.middleName),
      id,
    ),
  );
}

function account(a: AccountItem, decrypt: Decrypt) {
  return node(
    'hm:Account',
    leaf('hm:isUOAccount', true),
    leaf('hm:LivingPersonsNumber', a.livingPersons),
    leaf('hm:TotalSquare', a.totalArea),
    node(
      'hm:Accommodation',
      a.premisesGuid ? leaf('hm:PremisesGUID', a.premisesGuid) : leaf('hm:FIASHouseGuid', a.fiasHouseGuid),
      leaf('hm:SharePercent', a.sharePercent),
    ),
    payerInfo(a.payer, decrypt),
    leaf('base:TransportGUID', a.transportGuid),
    leaf('acc:AccountNumber', a.accountNumber),
    leaf('hm:AccountGUID', a.accountGuid),
  );
}

function meter(m: MeterItem) {
  const pl = m.placement;
  // A flat's meter is the premise's device with the premise's GUID; a house meter is the collective one (ОДПУ).
  const placement =
    pl.kind === 'collective'
      ? node('hm:CollectiveDevice', leaf('hm:FIASHouseGuid', pl.fiasHouseGuid))
      : node(
          pl.kind === 'residential' ? 'hm:ResidentialPremiseDevice' : 'hm:NonResidentialPremiseDevice',
          leaf('hm:PremiseGUID', pl.premisesGuid),
          pl.accountGuids.map((g) => leaf('hm:AccountGUID', g)).join(''),
        );
  const resource =
    m.tariffs > 1 || m.resource.code === '3'
      ? node(
          'hm:MunicipalResourceEnergy',
          leaf('mdb:MeteringValueT1', m.firstReading.t1),
          leaf('mdb:MeteringValueT2', m.firstReading.t2),
          leaf('mdb:MeteringValueT3', m.firstReading.t3),
        )
      : node(
          'hm:MunicipalResourceNotEnergy',
          nsiRef('mdb:MunicipalResource', m.resource),
          leaf('mdb:MeteringValue', m.firstReading.t1),
        );
  return node(
    'hm:MeteringDevice',
    leaf('base:TransportGUID', m.transportGuid),
    node(
      'hm:DeviceDataToCreate',
      node(
        'hm:BasicChatacteristicts',
        leaf('hm:MeteringDeviceNumber', m.serialNumber),
        leaf('hm:InstallationDate', m.installedOn),
        leaf('hm:CommissioningDate', m.installedOn),
        leaf('hm:RemoteMeteringMode', false),
        leaf('hm:FirstVerificationDate', m.verifiedOn),
        m.verificationInterval ? nsiRef('hm:VerificationInterval', m.verificationInterval) : '',
        leaf('hm:FactorySealDate', m.sealedOn),
        leaf('hm:TemperatureSensor', false),
        leaf('hm:PressureSensor', false),
        placement,
      ),
      leaf('hm:NotLinkedWithMetering', true),
      resource,
    ),
  );
}

function reading(r: ReadingItem) {
  const device = leaf('dm:MeteringDeviceVersionGUID', r.meterVersionGuid);
  const tail =
    leaf('dm:DateValue', r.takenOn) +
    leaf('base:TransportGUID', r.transportGuid) +
    node('dm:Period', yearMonth(r.period));
  const value = r.electric
    ? node(
        'dm:ElectricDeviceValue',
        node(
          'dm:CurrentValue',
          leaf('mdb:MeteringValueT1', r.t1),
          leaf('mdb:MeteringValueT2', r.t2),
          leaf('mdb:MeteringValueT3', r.t3),
          tail,
        ),
      )
    : node(
        'dm:OneRateDeviceValue',
        node('dm:CurrentValue', nsiRef('mdb:MunicipalResource', r.resource), leaf('mdb:MeteringValue', r.t1), tail),
      );
  return node('dm:MeteringDevicesValues', device, value);
}

/** Kopecks → roubles with two decimals, by string arithmetic (no floats). */
export function roubles(kopecks: string) {
  const negative = kopecks.startsWith('-');
  const digits = (negative ? kopecks.slice(1) : kopecks).padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2).replace(/^0+(?=\d)/, '')}.${digits.slice(-2)}`;
}

/** A GUID derived from another, so that a resent message carries the same one (RFC 4122 layout, v5-style). */
export function derivedGuid(from: string, purpose: string) {
  const h = createHash('sha256').update(`${from}:${purpose}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function paymentDocuments(items: PaymentDocumentItem[]) {
  // Month and Year are stated once per request: the connector batches documents per period.
  if (items.some((d) => d.period !== items[0]!.period))
    throw new RangeError('importPaymentDocumentData takes documents of one period per request');
  // One PaymentInformation block per distinct payee account, referenced by its TransportGUID.
  const payees = new Map<string, { key: string; bik: string; account: string }>();
  for (const d of items) {
    const id = `${d.payee.bik}:${d.payee.account}`;
    if (!payees.has(id)) payees.set(id, { key: derivedGuid(d.transportGuid, 'payee'), ...d.payee });
  }
  const period = items[0]!.period;
  const [year, month] = period.split('-') as [string, string];
  return (
    leaf('base:Month', Number(month)) +
    leaf('base:Year', year) +
    [...payees.values()]
      .map((p) =>
        node(
          'b:PaymentInformation',
          leaf('pb:BankBIK', p.bik),
          leaf('pb:operatingAccountNumber', p.account),
          leaf('base:TransportGUID', p.key),
        ),
      )
      .join('') +
    items
      .map((d) =>
        node(
          'b:PaymentDocument',
          leaf('acc:AccountGuid', d.accountGuid),
          leaf('bb:PaymentDocumentNumber', d.documentNumber),
          // The ledger's balance at the start of the period: a debt, or an advance (never both).
          leaf(
            'b:DebtPreviousPeriods',
            d.debtPreviousPeriods === undefined
              ? undefined
              : d.debtPreviousPeriods.startsWith('-')
                ? '0.00'
                : roubles(d.debtPreviousPeriods),
          ),
          leaf(
            'b:AdvanceBllingPeriod',
            d.debtPreviousPeriods?.startsWith('-') ? roubles(d.debtPreviousPeriods.slice(1)) : undefined,
          ),
          leaf('b:TotalPayableByPD', roubles(d.totalPayable)),
          leaf('base:TransportGUID', d.transportGuid),
          leaf('b:PaymentInformationKey', payees.get(`${d.payee.bik}:${d.payee.account}`)!.key),
        ),
      )
      .join('')
  );
}

function payment(p: PaymentItem) {
  const period = p.period ? yearMonth(p.period) : '';
  return node(
    'pm:NotificationOfOrderExecutionType',
    node(
      'pb:RecipientInfo',
      leaf('org:INN', p.recipientInn),
      node('pb:Legal', leaf('org:KPP', p.recipientKpp), leaf('pb:Name', p.recipientName)),
      node(
        'pb:PaymentInformation',
        leaf('pb:RecipientINN', p.recipientInn),
        leaf('pb:RecipientKPP', p.recipientKpp),
        leaf('pb:BankName', p.payee.bankName),
        leaf('pb:PaymentRecipient', p.recipientName),
        leaf('pb:BankBIK', p.payee.bik),
        leaf('pb:operatingAccountNumber', p.payee.account),
        leaf('pb:CorrespondentBankAccount', p.payee.correspondentAccount),
      ),
    ),
    node(
      'pb:OrderInfo',
      leaf('pb:OrderID', p.orderId),
      leaf('pb:OrderDate', p.orderDate),
      leaf('pb:Amount', p.amount),
      leaf('pb:PaymentPurpose', p.purpose),
      leaf('bb:PaymentDocumentID', p.paymentDocumentId),
      period,
      leaf('acc:UnifiedAccountNumber', p.unifiedAccountNumber),
    ),
    leaf('base:TransportGUID', p.transportGuid),
  );
}

function cancellation(c: PaymentCancellationItem) {
  return node(
    'pm:NotificationOfOrderExecutionCancellation',
    leaf('pb:OrderID', c.orderId),
    leaf('pb:CancellationDate', c.cancellationDate),
    leaf('pb:Comment', c.comment),
    leaf('base:TransportGUID', c.transportGuid),
  );
}

/** base:AttachmentType under `name`: the file store's GUID and the file's hash, set when the file was uploaded. */
function attachments(name: string, list: FileAttachment[]) {
  return list
    .map((a) => {
      if (!a.guid || !a.hash)
        throw new Error(`attachment ${a.fileId} was not uploaded to the state system's file store`);
      return node(
        name,
        leaf('base:Name', a.name),
        leaf('base:Description', a.description),
        node('base:Attachment', leaf('base:AttachmentGUID', a.guid)),
        leaf('base:AttachmentHASH', a.hash),
      );
    })
    .join('');
}

/** An answer created and sent to the applicant in one action; the answer's own TransportGUID is derived from the item's. */
function appealAnswer(a: AppealAnswerItem) {
  return node(
    'ap:AnswerAction',
    leaf('base:TransportGUID', a.transportGuid),
    leaf('ap:AppealGUID', a.appealGuid),
    node(
      'ap:Answer',
      leaf('base:TransportGUID', derivedGuid(a.transportGuid, 'answer')),
      leaf('ap:AnswerGUID', a.answerGuid),
      leaf('ap:AnswererGUID', a.answererGuid),
      node('ap:LoadAnswer', leaf('ap:AnswerText', a.text), attachments('ap:Attachment', a.attachments)),
      leaf('ap:SendAnswer', true),
    ),
  );
}

function debtResponse(r: DebtResponseItem) {
  return node(
    'drs:action',
    leaf('base:TransportGUID', r.transportGuid),
    leaf('drs:subrequestGUID', r.subrequestGuid),
    leaf('drs:actionType', 'Send'),
    node(
      'drs:responseData',
      leaf('drs:hasDebt', r.hasDebt),
      leaf('drs:description', r.description),
      leaf('drs:executorGUID', r.executorGuid),
      r.hasDebt
        ? r.debtors
            .map((d) =>
              node(
                'drs:debtInfo',
                node(
                  'drs:person',
                  leaf('drs:firstName', d.firstName),
                  leaf('drs:lastName', d.lastName),
                  leaf('drs:middleName', d.middleName || undefined),
                ),
              ),
            )
            .join('')
        : '',
    ),
  );
}

// General meetings (house management «Голосование»), in the element order of MessageType,
// OwnerDecisionType and ExternalVotingProtocolType.

const fio = (p: { lastName: string; firstName: string; middleName?: string }) =>
  leaf('ind:Surname', p.lastName) + leaf('ind:FirstName', p.firstName) + leaf('ind:Patronymic', p.middleName);

const voteInitiators = (list: VotingMessageItem['initiators'], decrypt: Decrypt) =>
  list
    .map((i) =>
      node(
        'hm:VoteInitiators',
        i.kind === 'organisation'
          ? node('hm:Org', leaf('orgr:orgRootEntityGUID', i.orgRootGuid))
          : node('hm:Ind', fio(i), leaf('ind:SNILS', i.snilsCipher ? decrypt(i.snilsCipher) : undefined)),
      ),
    )
    .join('');

function votingMessage(m: VotingMessageItem, decrypt: Decrypt) {
  const files = attachments('hm:Attachments', m.materials);
  const form = {
    electronic: () =>
      node(
        'hm:EVoting',
        leaf('hm:EVotingDateBegin', m.votingStartsAt),
        leaf('hm:EVotingDateEnd', m.votingEndsAt),
        leaf('hm:Discipline', `Решения в письменной форме принимаются: ${m.place}`.slice(0, 2000)),
        leaf('hm:InfoReview', m.materialsInfo),
        node(
          'hm:VotingSystemDetails',
          leaf('hm:VotingSystem', m.votingSystem.kind),
          m.votingSystem.kind === 'Regional'
            ? leaf('hm:VotingSystemName', m.votingSystem.name) + leaf('hm:VotingSystemUrl', m.votingSystem.url)
            : '',
        ),
        node(
          'hm:AdminOfGeneralMeeting',
          node('hm:LegalEntityAdministrator', leaf('orgr:orgRootEntityGUID', m.administrator.orgRootGuid)),
        ),
        leaf('hm:AdminAddress', m.administratorAddress),
        files,
      ),
    ballots: () =>
      node(
        'hm:AVoting',
        leaf('hm:AVotingStartDate', m.votingStartsOn),
        leaf('hm:AVotingEndDate', m.votingEndsOn),
        leaf('hm:ResolutionPlace', m.place),
        files,
      ),
    in_person: () =>
      node(
        'hm:Meeting',
        leaf('hm:MeetingDate', m.inPersonAt ?? m.votingStartsAt),
        leaf('hm:VotingPlace', m.place),
        files,
      ),
    mixed: () =>
      node(
        'hm:MeetingAVoting',
        leaf('hm:AVotingStartDate', m.votingStartsOn),
        leaf('hm:AVotingEndDate', m.votingEndsOn),
        leaf('hm:ResolutionPlace', m.place),
        leaf('hm:MeetingDate', m.inPersonAt ?? m.votingStartsAt),
        leaf('hm:VotingPlace', m.place),
        files,
      ),
  }[m.form]();
  return (
    leaf('base:TransportGUID', m.transportGuid) +
    leaf('hm:MessageGUID', m.messageGuid) +
    node(
      'hm:VotingMessage',
      leaf('hm:FIASHouseGUID', m.fiasHouseGuid),
      leaf('hm:MessageNum', m.messageNumber),
      leaf('hm:MessageDate', m.messageDate),
      m.annual ? leaf('hm:AnnualVoting', true) : leaf('hm:ExtraVoting', true),
      form,
      leaf('hm:MeetingType', 'Owners'),
      voteInitiators(m.initiators, decrypt),
      m.questions.map((q) => node('hm:DecisionList', agendaQuestion(q))).join(''),
    )
  );
}

/** A question as the notice's and the protocol's DecisionList begin: number, wording, type (НСИ 63). */
function agendaQuestion(q: VotingMessageItem['questions'][number]) {
  return leaf('hm:QuestionNumber', q.number) + leaf('hm:QuestionName', q.title) + nsiRef('hm:DecisionsType', q.type);
}

const ANSWER_ELEMENT = { for: 'hm:OwnerAgree', against: 'hm:OwnerAgainst', abstain: 'hm:OwnerAbstent' } as const;

function ownerDecision(d: OwnerDecisionItem, decrypt: Decrypt) {
  const p = d.property;
  const whole = !p.share || p.share.numerator === p.share.denominator;
  return node(
    'hm:OwnerDecision',
    leaf('base:TransportGUID', d.transportGuid),
    leaf('hm:MessageGUID', d.messageGuid),
    leaf('hm:RootOwnerDecisionGUID', d.rootDecisionGuid),
    node(
      'hm:Decision',
      node(
        'hm:Owner',
        node(
          'hm:OwnerInd',
          fio(d.owner),
          leaf('ind:SNILS', d.owner.snilsCipher ? decrypt(d.owner.snilsCipher) : undefined),
        ),
      ),
      node(
        'hm:PropertyDetails',
        leaf('hm:RegistrationNumber', p.registrationNumber),
        leaf('hm:RegistrationDate', p.registrationDate),
        leaf('hm:PremisesNum', p.premisesNumber),
        leaf('hm:TotalArea', p.totalArea),
        node('hm:PropertyType', whole ? leaf('hm:IndividualProperty', true) : leaf('hm:ShareProperty', true)),
        whole || !p.share
          ? ''
          : node('hm:ShareSize', leaf('hm:Numerator', p.share.numerator), leaf('hm:Denumerator', p.share.denominator)),
      ),
      d.representative
        ? node(
            'hm:Representative',
            node('hm:RepresentativeInd', fio(d.representative)),
            leaf('hm:Notarized', d.representative.notarized),
          )
        : '',
      node(
        'hm:QuestionOnDecision',
        leaf('hm:QuestionNumber', d.question.number),
        leaf(ANSWER_ELEMENT[d.question.answer], true),
      ),
      attachments('hm:DecisionAttachments', d.attachments),
    ),
  );
}

function notification(n: NotificationItem) {
  if (n.action === 'recall')
    return node(
      'hm:notification',
      leaf('base:TransportGUID', n.transportGuid),
      leaf('hm:NotificationGUID', n.notificationGuid),
      node('hm:RecallNotification', leaf('hm:RecallReason', n.reason)),
    );
  return node(
    'hm:notification',
    leaf('base:TransportGUID', n.transportGuid),
    node(
      'hm:Create',
      leaf('hm:Topic', n.topic),
      n.important ? leaf('hm:IsImportant', true) : '',
      leaf('hm:content', n.content),
      n.fiasHouseGuids.map((g) => leaf('hm:FIASHouseGuid', g)).join(''),
      n.endAt ? leaf('hm:StartDate', n.startAt) + leaf('hm:EndDate', n.endAt) : leaf('hm:IsNotLimit', true),
      leaf('hm:IsShipOff', true),
    ),
  );
}

/** ProtocolType's elements in order, the document under the form; Placing places it in the same request. */
function votingProtocol(p: VotingProtocolItem, decrypt: Decrypt) {
  const head = leaf('base:TransportGUID', p.transportGuid) + leaf('hm:ProtocolGUID', p.protocolGuid);
  if (p.kind === 'place') return head + leaf('hm:Placing', true);
  const files = attachments('hm:Attachments', p.attachments);
  const form = {
    ballots: () =>
      node(
        'hm:AVoting',
        leaf('hm:AVotingStartDate', p.votingStartsOn),
        leaf('hm:AVotingDate', p.votingEndsOn),
        leaf('hm:ResolutionPlace', p.place),
        files,
      ),
    in_person: () => node('hm:Meeting', leaf('hm:VotingPlace', p.place), leaf('hm:MeetingDate', p.inPersonAt), files),
    mixed: () =>
      node(
        'hm:MeetingAVoting',
        leaf('hm:MeetingDate', p.inPersonAt),
        leaf('hm:VotingPlace', p.place),
        leaf('hm:AVotingStartDate', p.votingStartsOn),
        leaf('hm:AVotingDate', p.votingEndsOn),
        leaf('hm:ResolutionPlace', p.place),
        files,
      ),
  }[p.form]();
  return (
    head +
    node(
      'hm:Protocol',
      leaf('hm:FIASHouseGuid', p.fiasHouseGuid),
      leaf('hm:ProtocolNum', p.protocolNumber),
      leaf('hm:ProtocolDate', p.protocolDate),
      form,
      leaf('hm:MeetingType', 'Owners'),
      p.annual ? leaf('hm:AnnualVoting', true) : leaf('hm:ExtraVoting', true),
      voteInitiators(p.initiators, decrypt),
      leaf('hm:MeetingEligibility', p.quorum ? 'C' : 'N'),
      p.questions
        .map((q) =>
          node(
            'hm:DecisionList',
            agendaQuestion(q),
            leaf('hm:Agree', q.agree),
            leaf('hm:Against', q.against),
            leaf('hm:Abstent', q.abstain),
            leaf('hm:votingResume', q.adopted ? 'M' : 'N'),
          ),
        )
        .join(''),
      leaf('hm:Placing', true),
    )
  );
}

function externalVotingProtocol(p: ExternalVotingProtocolItem) {
  return (
    leaf('base:TransportGUID', p.transportGuid) +
    leaf('hm:MessageGUID', p.messageGuid) +
    node(
      'hm:ExternalVotingProtocol',
      leaf('hm:ProtocolNum', p.protocolNumber),
      leaf('hm:ProtocolDate', p.protocolDate),
      leaf('hm:MeetingEligibility', p.quorum ? 'C' : 'N'),
      p.questions
        .map((q) =>
          node(
            'hm:DecisionList',
            leaf('hm:QuestionNumber', q.number),
            leaf('hm:Agree', q.agree),
            leaf('hm:Against', q.against),
            leaf('hm:Abstent', q.abstain),
            leaf('hm:VotingResume', q.adopted ? 'M' : 'N'),
          ),
        )
        .join(''),
      attachments('hm:Attachments', p.attachments),
    )
  );
}

const importRenderers: { [O in ImportOperationName]: (items: ImportItems[O][], decrypt: Decrypt) => string } = {
  importAccountData: (items, decrypt) => items.map((a) => account(a, decrypt)).join(''),
  importMeteringDeviceData: (items) => items.map(meter).join(''),
  importMeteringDeviceValues: (items) => items.map(reading).join(''),
  importPaymentDocumentData: paymentDocuments,
  importNotificationsOfOrderExecution: (items) => items.map(payment).join(''),
  importNotificationsOfOrderExecutionCancellation: (items) => items.map(cancellation).join(''),
  importAnswer: (items) => items.map(appealAnswer).join(''),
  importResponses: (items) => items.map(debtResponse).join(''),
  importNotificationData: (items) => items.map(notification).join(''),
  importVotingMessage: (items, decrypt) => votingMessage(items[0]!, decrypt),
  importOwnerDecision: (items, decrypt) => items.map((d) => ownerDecision(d, decrypt)).join(''),
  importVotingProtocol: (items, decrypt) => votingProtocol(items[0]!, decrypt),
  importExternalVotingProtocol: (items) => externalVotingProtocol(items[0]!),
};

const noDecrypt: Decrypt = () => {
  throw new Error('personal data to render but no field cipher was given to the state-system client');
};

/** The unsigned request body of an import operation. */
export function renderImport<O extends ImportOperationName>(
  operation: O,
  items: ImportItems[O][],
  decrypt: Decrypt = noDecrypt,
) {
  const limit = GIS_OPERATIONS[operation].limit;
  if (!items.length || items.length > limit)
    throw new RangeError(`${operation} takes 1..${limit} items, got ${items.length}`);
  return requestElement(operation, importRenderers[operation](items, decrypt));
}

/** exportNsiItem (nsi-common): one reference book by registry number, the common group (NSI). */
export function renderExportNsiItem(q: NsiItemQuery) {
  return requestElement(
    'exportNsiItem',
    leaf('nsic:RegistryNumber', q.registryNumber) +
      leaf('nsi:ListGroup', 'NSI') +
      leaf('nsic:ModifiedAfter', q.modifiedAfter),
  );
}

export function renderExportNsiList() {
  return requestElement('exportNsiList', leaf('nsi:ListGroup', 'NSI'));
}

/** exportHouseData: a house with its entrances and premises (their GUIDs) by FIAS HouseGUID. */
export function renderExportHouse(q: HouseQuery) {
  return requestElement('exportHouseData', leaf('hm:FIASHouseGuid', q.fiasHouseGuid));
}

/** exportOrgRegistry: an organisation of the register by OGRN and, for one of its units, KPP. */
export function renderExportOrgRegistry(q: OrgRegistryQuery) {
  return requestElement(
    'exportOrgRegistry',
    node(
      'orgc:SearchCriteria',
      q.ogrn.length === 15 ? leaf('org:OGRNIP', q.ogrn) : leaf('org:OGRN', q.ogrn) + leaf('org:KPP', q.kpp),
    ),
  );
}

/** The body of anything the outbox sends: an import's items or an export's one query. */
export function renderOutbox<O extends OutboxOperationName>(
  operation: O,
  items: OutboxItems[O][],
  decrypt?: Decrypt,
): string {
  if (operation === 'exportNsiItem') return renderExportNsiItem(items[0] as NsiItemQuery);
  if (operation === 'exportNsiList') return renderExportNsiList();
  if (operation === 'exportHouseData') return renderExportHouse(items[0] as HouseQuery);
  if (operation === 'exportOrgRegistry') return renderExportOrgRegistry(items[0] as OrgRegistryQuery);
  if (operation === 'exportMeteringDeviceHistory')
    return renderExportMeteringHistory(items[0] as ExportMeteringHistoryQuery);
  if (operation === 'exportAppeal') return renderExportAppeals(items[0] as AppealsQuery);
  if (operation === 'exportDebtSubrequests') return renderExportDebtSubrequests(items[0] as DebtSubrequestsQuery);
  if (operation === 'exportOwnerDecision')
    return requestElement(
      'exportOwnerDecision',
      leaf('hm:MessageGUID', (items[0] as ExportOwnerDecisionsQuery).messageGuid),
    );
  if (operation === 'exportVotingProtocol')
    return requestElement(
      'exportVotingProtocol',
      leaf('hm:FIASHouseGuid', (items[0] as ExportVotingProtocolsQuery).fiasHouseGuid),
    );
  return renderImport(operation as ImportOperationName, items as ImportItems[ImportOperationName][], decrypt);
}

export function renderExportAccounts(q: ExportAccountsQuery) {
  const content =
    'fiasHouseGuid' in q
      ? leaf('hm:FIASHouseGuid', q.fiasHouseGuid)
      : 'accountGuids' in q
        ? q.accountGuids.map((g) => leaf('hm:AccountGUID', g)).join('')
        : q.unifiedAccountNumbers.map((n) => leaf('acc:UnifiedAccountNumber', n)).join('');
  return requestElement('exportAccountData', content);
}

export function renderExportMeteringHistory(q: ExportMeteringHistoryQuery) {
  return requestElement(
    'exportMeteringDeviceHistory',
    leaf('dm:FIASHouseGuid', q.fiasHouseGuid) +
      q.meterRootGuids.map((g) => leaf('dm:MeteringDeviceRootGUID', g)).join('') +
      leaf('dm:inputDateFrom', q.inputDateFrom) +
      leaf('dm:inputDateTo', q.inputDateTo),
  );
}

/** exportAppeal: the appeals created in a date window, or some by GUID. */
export function renderExportAppeals(q: AppealsQuery) {
  const content =
    'appealGuids' in q
      ? q.appealGuids.map((g) => leaf('ap:AppealGUID', g)).join('')
      : leaf('ap:StartDate', q.startDate) + leaf('ap:EndDate', q.endDate);
  return requestElement('exportAppeal', content);
}

/** exportDebtSubrequests: the subrequests sent in a period, with the organisation's answers; a block after the first by its GUID. */
export function renderExportDebtSubrequests(q: DebtSubrequestsQuery) {
  return requestElement(
    'exportDebtSubrequests',
    node('drs:periodOfSendingRequest', leaf('base:startDate', q.startDate), leaf('base:endDate', q.endDate)) +
      leaf('drs:exportSubrequestGUID', q.pageGuid) +
      leaf('drs:includeResponses', true),
  );
}

export function renderGetState(messageGuid: string) {
  return `<base:getStateRequest>${leaf('base:MessageGUID', messageGuid)}</base:getStateRequest>`;
}

export { esc };
