import type { ExportAccountsQuery, ExportMeteringHistoryQuery, OutboxItems, OutboxOperationName } from './items.js';

/**
 * Makes the raw signature for XML-DSig. The sandbox uses RSA/SHA-256 (adapters/gis/rsa-signer.ts);
 * production plugs in a GOST R 34.10-2012 signer from a certified provider (adapters/gis/external-signer.ts).
 */
export interface Signer {
  /** XML-DSig URIs of the signature and digest algorithms. */
  signatureAlgorithm: string;
  digestAlgorithm: string;
  digest(data: Buffer): Promise<Buffer>;
  sign(data: Buffer): Promise<Buffer>;
  /** The signing certificate (DER) and its issuer and serial, for XAdES SigningCertificate. */
  certificate: { der: Buffer; issuerName: string; serialNumber: string };
}

export interface GisError {
  code: string;
  description: string;
}

export interface GisAck {
  /** The state system's MessageGUID (used for getState). */
  messageGuid: string;
  /** Ours, echoed back. */
  requesterMessageGuid: string;
}

export type GisItemResult =
  | {
      transportGuid: string;
      ok: true;
      guid?: string;
      uniqueNumber?: string;
      updateDate?: string;
      extra?: Record<string, string>;
    }
  | { transportGuid: string; ok: false; errors: GisError[] };

export interface GisState {
  /** 1 received, 2 processing, 3 processed. */
  requestState: 1 | 2 | 3;
  messageGuid: string;
  /** A message-level error: nothing in the message was processed. */
  error?: GisError;
  results: GisItemResult[];
  /** Export answers, as plain objects per exported record. */
  exported?: Record<string, unknown>[];
  /** exportNsiItem: the reference book's elements. */
  nsiItem?: NsiItemExport;
  /** exportHouseData: the house with its entrances and premises and their GUIDs. */
  house?: HouseExport;
}

export interface NsiElement {
  code: string;
  guid: string;
  isActual: boolean;
  modified?: string;
  /** Field name → value (string fields; others as their text). */
  fields: Record<string, string>;
}

export interface NsiItemExport {
  registryNumber: number;
  elements: NsiElement[];
}

export interface HouseExport {
  fiasHouseGuid: string;
  houseUniqueNumber: string;
  entrances: { number: string; guid: string }[];
  premises: { number: string; guid: string; uniqueNumber: string; residential: boolean; entranceNumber?: string }[];
}

export interface SentMessage {
  ack: GisAck;
  /** Our MessageGUID of this attempt. */
  messageGuid: string;
  /** Milliseconds spent digesting and signing. */
  signingMs: number;
}

export interface GisOrg {
  orgPpaGuid: string;
}

/** The state-system exchange: send a signed message, get its Ack, ask for its state. */
export interface StateSystem {
  /** An import's items, or an export's one query (exportHouseData, exportNsiItem, exportNsiList). */
  send<O extends OutboxOperationName>(operation: O, org: GisOrg, items: OutboxItems[O][]): Promise<SentMessage>;
  exportAccounts(org: GisOrg, query: ExportAccountsQuery): Promise<SentMessage>;
  exportMeteringHistory(org: GisOrg, query: ExportMeteringHistoryQuery): Promise<SentMessage>;
  getState(operation: string, org: GisOrg, messageGuid: string): Promise<GisState>;
}

/**
 * A failure of the exchange itself (nothing of the message was taken): SOAP fault, HTTP 5xx,
 * timeout, network. `retryable` says whether sending a fresh message may succeed.
 */
export class GisTransportError extends Error {
  constructor(
    readonly kind: 'fault' | 'http' | 'timeout' | 'network' | 'invalid_response',
    message: string,
    readonly retryable: boolean,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'GisTransportError';
  }
}
