import { GIS_OPERATIONS, NS, type GisOperationName } from '../../contracts/gis/operations.js';
import type {
  AccountItem,
  ExportAccountsQuery,
  ExportMeteringHistoryQuery,
  ImportItems,
  ImportOperationName,
  MeterItem,
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
}

/** The SOAP envelope: RequestHeader (Date, MessageGUID, orgPPAGUID) and the unsigned body. */
export function envelope(e: Envelope) {
  return (
    `<soap:Envelope xmlns:soap="${NS.soap}" ${xmlns}>` +
    `<soap:Header><base:RequestHeader>${leaf('base:Date', e.date)}${leaf('base:MessageGUID', e.messageGuid)}${leaf('base:orgPPAGUID', e.orgPpaGuid)}</base:RequestHeader></soap:Header>` +
    `<soap:Body>${e.body}</soap:Body></soap:Envelope>`
  );
}

/** The request element of an operation with its fixed version and the Id the signature refers to. */
function requestElement(operation: GisOperationName, content: string) {
  const op = GIS_OPERATIONS[operation];
  const prefix = { houseManagement: 'hm', deviceMetering: 'dm', bills: 'b', payment: 'pm' }[op.service];
  const name = `${prefix}:${op.requestElement}`;
  return `<${name} Id="${SIGNED_CONTAINER_ID}" base:version="${op.version}">${content}</${name}>`;
}

const nsiRef = (name: string, r: { code: string; guid: string; name?: string }) =>
  node(name, leaf('nsi:Code', r.code), leaf('nsi:GUID', r.guid), leaf('nsi:Name', r.name));

const yearMonth = (period: string) => {
  const [year, month] = period.split('-') as [string, string];
  return leaf('base:Year', year) + leaf('base:Month', Number(month));
};

function account(a: AccountItem) {
  return node(
    'hm:Account',
    leaf('hm:isUOAccount', true),
    leaf('hm:TotalSquare', a.totalArea),
    node('hm:Accommodation', a.premisesGuid ? leaf('hm:PremisesGUID', a.premisesGuid) : leaf('hm:FIASHouseGuid', a.fiasHouseGuid)),
    node('hm:PayerInfo'),
    leaf('base:TransportGUID', a.transportGuid),
    leaf('acc:AccountNumber', a.accountNumber),
    leaf('hm:AccountGUID', a.accountGuid),
  );
}

function meter(m: MeterItem) {
  const placement = m.premisesGuid
    ? node('hm:ResidentialPremiseDevice', leaf('hm:PremiseGUID', m.premisesGuid), leaf('hm:AccountGUID', m.accountGuid))
    : node('hm:ApartmentHouseDevice', leaf('hm:FIASHouseGuid', m.fiasHouseGuid), leaf('hm:AccountGUID', m.accountGuid));
  const resource =
    m.tariffs > 1 || m.resource.code === '3'
      ? node(
          'hm:MunicipalResourceEnergy',
          leaf('mdb:MeteringValueT1', m.firstReading.t1),
          leaf('mdb:MeteringValueT2', m.firstReading.t2),
          leaf('mdb:MeteringValueT3', m.firstReading.t3),
        )
      : node('hm:MunicipalResourceNotEnergy', nsiRef('mdb:MunicipalResource', m.resource), leaf('mdb:MeteringValue', m.firstReading.t1));
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
  const tail = leaf('dm:DateValue', r.takenOn) + leaf('base:TransportGUID', r.transportGuid) + node('dm:Period', yearMonth(r.period));
  const value = r.electric
    ? node(
        'dm:ElectricDeviceValue',
        node('dm:CurrentValue', leaf('mdb:MeteringValueT1', r.t1), leaf('mdb:MeteringValueT2', r.t2), leaf('mdb:MeteringValueT3', r.t3), tail),
      )
    : node('dm:OneRateDeviceValue', node('dm:CurrentValue', nsiRef('mdb:MunicipalResource', r.resource), leaf('mdb:MeteringValue', r.t1), tail));
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
  if (items.some((d) => d.period !== items[0]!.period)) throw new RangeError('importPaymentDocumentData takes documents of one period per request');
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
    [...payees.values()].map((p) => node('b:PaymentInformation', leaf('pb:BankBIK', p.bik), leaf('pb:operatingAccountNumber', p.account), leaf('base:TransportGUID', p.key))).join('') +
    items
      .map((d) =>
        node(
          'b:PaymentDocument',
          leaf('acc:AccountGuid', d.accountGuid),
          leaf('bb:PaymentDocumentNumber', d.documentNumber),
          leaf('b:DebtPreviousPeriods', d.debtPreviousPeriods === undefined ? undefined : roubles(d.debtPreviousPeriods)),
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

const importRenderers: { [O in ImportOperationName]: (items: ImportItems[O][]) => string } = {
  importAccountData: (items) => items.map(account).join(''),
  importMeteringDeviceData: (items) => items.map(meter).join(''),
  importMeteringDeviceValues: (items) => items.map(reading).join(''),
  importPaymentDocumentData: paymentDocuments,
  importNotificationsOfOrderExecution: (items) => items.map(payment).join(''),
  importNotificationsOfOrderExecutionCancellation: (items) => items.map(cancellation).join(''),
};

/** The unsigned request body of an import operation. */
export function renderImport<O extends ImportOperationName>(operation: O, items: ImportItems[O][]) {
  const limit = GIS_OPERATIONS[operation].limit;
  if (!items.length || items.length > limit) throw new RangeError(`${operation} takes 1..${limit} items, got ${items.length}`);
  return requestElement(operation, importRenderers[operation](items));
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

export function renderGetState(messageGuid: string) {
  return `<base:getStateRequest>${leaf('base:MessageGUID', messageGuid)}</base:getStateRequest>`;
}

export { esc };
