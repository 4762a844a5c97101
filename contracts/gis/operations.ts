// The state-system operations the hub speaks (GIS ЖКХ 14.4.0.1 async services), with the element
// names, fixed base:version attributes and per-request item limits of the published schemas.

export const NS = {
  base: 'http://dom.gosuslugi.ru/schema/integration/base/',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  hm: 'http://dom.gosuslugi.ru/schema/integration/house-management/',
  dm: 'http://dom.gosuslugi.ru/schema/integration/device-metering/',
  b: 'http://dom.gosuslugi.ru/schema/integration/bills/',
  pm: 'http://dom.gosuslugi.ru/schema/integration/payment/',
  mdb: 'http://dom.gosuslugi.ru/schema/integration/metering-device-base/',
  nsi: 'http://dom.gosuslugi.ru/schema/integration/nsi-base/',
  acc: 'http://dom.gosuslugi.ru/schema/integration/account-base/',
  prem: 'http://dom.gosuslugi.ru/schema/integration/premises-base/',
  bb: 'http://dom.gosuslugi.ru/schema/integration/bills-base/',
  pb: 'http://dom.gosuslugi.ru/schema/integration/payments-base/',
  org: 'http://dom.gosuslugi.ru/schema/integration/organizations-base/',
  ind: 'http://dom.gosuslugi.ru/schema/integration/individual-registry-base/',
  nsic: 'http://dom.gosuslugi.ru/schema/integration/nsi-common/',
  orgr: 'http://dom.gosuslugi.ru/schema/integration/organizations-registry-base/',
  orgc: 'http://dom.gosuslugi.ru/schema/integration/organizations-registry-common/',
  ap: 'http://dom.gosuslugi.ru/schema/integration/appeals/',
  drs: 'http://dom.gosuslugi.ru/schema/integration/drs/',
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
} as const;

/** The state system's file store (REST) under the base URL: attachments are uploaded there first. */
export const GIS_FILE_STORE_PATH = '/ext-bus-file-store-service/rest';

export type ServiceKey =
  | 'houseManagement'
  | 'deviceMetering'
  | 'bills'
  | 'payment'
  | 'nsiCommon'
  | 'appeals'
  | 'debtRequests'
  | 'orgRegistryCommon';

export interface GisService {
  key: ServiceKey;
  /** Path under GIS_BASE_URL, as in the published soap:address. */
  path: string;
  /** The hub's WSDL for it in contracts/gis/. */
  wsdl: string;
  /** Namespace prefix (key of NS) of the service's types, where its getStateResult lives. */
  prefix: 'hm' | 'dm' | 'b' | 'pm' | 'nsic' | 'ap' | 'drs' | 'orgc';
  /** Fixed base:version of the service's getStateResult. */
  stateVersion: string;
  /** Common reference data needs no organisation: its requests carry ISRequestHeader instead of RequestHeader. */
  header: 'RequestHeader' | 'ISRequestHeader';
}

export const GIS_SERVICES: Record<ServiceKey, GisService> = {
  houseManagement: {
    key: 'houseManagement',
    path: '/ext-bus-home-management-service/services/HomeManagementAsync',
    wsdl: 'hcs-house-management-service-async.wsdl',
    prefix: 'hm',
    stateVersion: '11.0.0.1',
    header: 'RequestHeader',
  },
  deviceMetering: {
    key: 'deviceMetering',
    path: '/ext-bus-device-metering-service/services/DeviceMeteringAsync',
    wsdl: 'hcs-device-metering-service-async.wsdl',
    prefix: 'dm',
    stateVersion: '10.0.1.1',
    header: 'RequestHeader',
  },
  bills: {
    key: 'bills',
    path: '/ext-bus-bills-service/services/BillsAsync',
    wsdl: 'hcs-bills-service-async.wsdl',
    prefix: 'b',
    stateVersion: '10.0.1.1',
    header: 'RequestHeader',
  },
  payment: {
    key: 'payment',
    path: '/ext-bus-payment-service/services/PaymentAsync',
    wsdl: 'hcs-payment-service-async.wsdl',
    prefix: 'pm',
    stateVersion: '10.0.1.1',
    header: 'RequestHeader',
  },
  nsiCommon: {
    key: 'nsiCommon',
    path: '/ext-bus-nsi-common-service/services/NsiCommonAsync',
    wsdl: 'hcs-nsi-common-service-async.wsdl',
    prefix: 'nsic',
    stateVersion: '10.0.1.2',
    header: 'ISRequestHeader',
  },
  appeals: {
    key: 'appeals',
    path: '/ext-bus-appeals-service/services/AppealsAsync',
    wsdl: 'hcs-appeals-service-async.wsdl',
    prefix: 'ap',
    stateVersion: '12.2.0.5',
    header: 'RequestHeader',
  },
  // The published getStateResult leaves its version free; the service's types are 14.0.0.0.
  debtRequests: {
    key: 'debtRequests',
    path: '/ext-bus-debtreq-service/services/DebtRequestsAsync',
    wsdl: 'hcs-debt-requests-service-async.wsdl',
    prefix: 'drs',
    stateVersion: '14.0.0.0',
    header: 'RequestHeader',
  },
  // The register of organisations is common data: ISRequestHeader, as for nsi-common.
  orgRegistryCommon: {
    key: 'orgRegistryCommon',
    path: '/ext-bus-org-registry-common-service/services/OrgRegistryCommonAsync',
    wsdl: 'hcs-organizations-registry-common-service-async.wsdl',
    prefix: 'orgc',
    stateVersion: '10.0.2.1',
    header: 'ISRequestHeader',
  },
};

export interface GisOperation {
  name: GisOperationName;
  service: ServiceKey;
  /** The body element of the request (WSDL message part). */
  requestElement: string;
  /** Fixed base:version of the request element. */
  version: string;
  /** Most items one request may carry (maxOccurs of the item element). */
  limit: number;
  kind: 'import' | 'export';
  soapAction: string;
}

export const GIS_OPERATION_NAMES = [
  'importAccountData',
  'exportAccountData',
  'importMeteringDeviceData',
  'importMeteringDeviceValues',
  'exportMeteringDeviceHistory',
  'importPaymentDocumentData',
  'importNotificationsOfOrderExecution',
  'importNotificationsOfOrderExecutionCancellation',
  'exportHouseData',
  'exportNsiList',
  'exportNsiItem',
  'exportAppeal',
  'importAnswer',
  'exportDebtSubrequests',
  'importResponses',
  'importNotificationData',
  'importVotingMessage',
  'importOwnerDecision',
  'exportOwnerDecision',
  'exportVotingProtocol',
  'importVotingProtocol',
  'importExternalVotingProtocol',
  'exportOrgRegistry',
] as const;
export type GisOperationName = (typeof GIS_OPERATION_NAMES)[number];

const op = (
  name: GisOperationName,
  service: ServiceKey,
  requestElement: string,
  version: string,
  limit: number,
  kind: 'import' | 'export',
): GisOperation => ({
  name,
  service,
  requestElement,
  version,
  limit,
  kind,
  soapAction: `urn:${name}`,
});

export const GIS_OPERATIONS: Record<GisOperationName, GisOperation> = {
  importAccountData: op('importAccountData', 'houseManagement', 'importAccountRequest', '10.0.1.1', 100, 'import'),
  exportAccountData: op('exportAccountData', 'houseManagement', 'exportAccountRequest', '10.0.1.1', 1000, 'export'),
  importMeteringDeviceData: op(
    'importMeteringDeviceData',
    'houseManagement',
    'importMeteringDeviceDataRequest',
    '11.1.0.8',
    100,
    'import',
  ),
  importMeteringDeviceValues: op(
    'importMeteringDeviceValues',
    'deviceMetering',
    'importMeteringDeviceValuesRequest',
    '10.0.1.1',
    1000,
    'import',
  ),
  // The schema leaves this version free; 10.0.1.1 is the service's current one. The outbox asks one query a
  // message (one house, up to 100 devices by MeteringDeviceRootGUID).
  exportMeteringDeviceHistory: op(
    'exportMeteringDeviceHistory',
    'deviceMetering',
    'exportMeteringDeviceHistoryRequest',
    '10.0.1.1',
    1,
    'export',
  ),
  importPaymentDocumentData: op(
    'importPaymentDocumentData',
    'bills',
    'importPaymentDocumentRequest',
    '11.2.0.16',
    500,
    'import',
  ),
  importNotificationsOfOrderExecution: op(
    'importNotificationsOfOrderExecution',
    'payment',
    'importNotificationsOfOrderExecutionRequest',
    '10.0.1.1',
    500,
    'import',
  ),
  importNotificationsOfOrderExecutionCancellation: op(
    'importNotificationsOfOrderExecutionCancellation',
    'payment',
    'importNotificationsOfOrderExecutionCancellationRequest',
    '10.0.1.1',
    500,
    'import',
  ),
  // The schema leaves this version free; 12.2.0.1 is the house-management service's current one for houses.
  exportHouseData: op('exportHouseData', 'houseManagement', 'exportHouseRequest', '12.2.0.1', 1, 'export'),
  exportNsiList: op('exportNsiList', 'nsiCommon', 'exportNsiListRequest', '10.0.1.2', 1, 'export'),
  exportNsiItem: op('exportNsiItem', 'nsiCommon', 'exportNsiItemRequest', '10.0.1.2', 1, 'export'),
  // Appeals (hcs-appeals-types.xsd): the request versions are free; these are the schema's own.
  exportAppeal: op('exportAppeal', 'appeals', 'exportAppealRequest', '13.1.10.1', 1, 'export'),
  importAnswer: op('importAnswer', 'appeals', 'importAnswerRequest', '13.2.1.0', 100, 'import'),
  // Debt requests of social-protection bodies (hcs-debt-requests-types.xsd, 14.0.0.0): subrequests addressed to
  // the organisation come in blocks of 100; its answers go back at most 100 a request.
  exportDebtSubrequests: op('exportDebtSubrequests', 'debtRequests', 'exportDSRsRequest', '14.0.0.0', 1, 'export'),
  importResponses: op('importResponses', 'debtRequests', 'importDSRResponsesRequest', '14.0.0.0', 100, 'import'),
  // News and outage notices (house management importNotificationRequest; 11.6.0.2 and 13.2.2.0 are offered).
  importNotificationData: op(
    'importNotificationData',
    'houseManagement',
    'importNotificationRequest',
    '13.2.2.0',
    100,
    'import',
  ),
  // General meetings (house management, «Голосование»): one notice or protocol per request (its
  // TransportGUID is the request's own), owners' decisions up to 10,000 (one per owner and question).
  importVotingMessage: op(
    'importVotingMessage',
    'houseManagement',
    'importVotingMessageRequest',
    '13.1.8.1',
    1,
    'import',
  ),
  importOwnerDecision: op(
    'importOwnerDecision',
    'houseManagement',
    'importOwnerDecisionRequest',
    '13.0.0.2',
    1000,
    'import',
  ),
  exportOwnerDecision: op(
    'exportOwnerDecision',
    'houseManagement',
    'exportOwnerDecisionRequest',
    '13.1.8.1',
    1,
    'export',
  ),
  exportVotingProtocol: op(
    'exportVotingProtocol',
    'houseManagement',
    'exportVotingProtocolRequest',
    '13.1.8.1',
    1,
    'export',
  ),
  importVotingProtocol: op(
    'importVotingProtocol',
    'houseManagement',
    'importVotingProtocolRequest',
    '11.11.0.6',
    1,
    'import',
  ),
  importExternalVotingProtocol: op(
    'importExternalVotingProtocol',
    'houseManagement',
    'importExternalVotingProtocolRequest',
    '13.1.8.1',
    1,
    'import',
  ),
  // The register of organisations (organizations-registry-common): up to 100 search criteria a request; the
  // outbox asks for one organisation (OGRN and KPP) a message, as it applies an export's answer to its one query.
  exportOrgRegistry: op('exportOrgRegistry', 'orgRegistryCommon', 'exportOrgRegistryRequest', '10.0.2.1', 1, 'export'),
};

export const isGisOperation = (name: string): name is GisOperationName =>
  (GIS_OPERATION_NAMES as readonly string[]).includes(name);

/** Error codes of the state system the connector acts on. */
export const GIS_ERRORS = {
  notFound: 'INT002000',
  nothingToExport: 'INT002012',
  accessDenied: 'AUT011003',
  /** Transfer error: send again as a freshly built message (new MessageGUID, date, signature). */
  transfer: 'EXP001000',
} as const;
