import { createHash, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { HttpClient } from 'soap';
import {
  GIS_FILE_STORE_PATH,
  GIS_OPERATIONS,
  GIS_SERVICES,
  isGisOperation,
  type GisOperation,
} from '../../contracts/gis/operations.js';
import {
  GisTransportError,
  type GisOrg,
  type SentMessage,
  type Signer,
  type StateSystem,
} from '../../contracts/gis/ports.js';
import {
  envelope,
  renderExportAccounts,
  renderExportMeteringHistory,
  renderGetState,
  renderOutbox,
  SIGNED_CONTAINER_ID,
  type Decrypt,
} from './render.js';
import { faultError, parseAck, parseState } from './parse.js';
import { signXades } from './xades.js';

/** What soap's HttpClient hands its callback on failure: an axios error. */
interface SoapHttpError {
  response?: { status?: number; data?: unknown };
  code?: string;
  message?: string;
}

export interface GisClientOptions {
  /** Where the services live, e.g. https://api.dom.gosuslugi.ru or the sandbox's /sandbox/gis. */
  baseUrl: string;
  signer: Signer;
  timeoutMs: number;
  /** Mutual TLS: the organisation's client certificate (PEM), its key and the server CA. */
  tls?: { cert: string; key: string; ca?: string; passphrase?: string };
  /** Decrypts personal data (payers' SNILS, document numbers) while a message is rendered; stored messages keep it encrypted. */
  decrypt?: Decrypt;
}

/**
 * The state-system client over the `soap` package's HTTP transport. Each call builds a fresh message
 * (new MessageGUID, Date and signature); the items keep their TransportGUIDs.
 */
export function createGisClient(options: GisClientOptions): StateSystem {
  const http = new HttpClient({});
  const httpsAgent = options.tls
    ? new Agent({
        cert: options.tls.cert,
        key: options.tls.key,
        ca: options.tls.ca,
        passphrase: options.tls.passphrase,
        keepAlive: true,
      })
    : undefined;
  const base = options.baseUrl.replace(/\/$/, '');

  function post(
    op: GisOperation | { service: GisOperation['service']; soapAction: string },
    xml: string,
  ): Promise<string> {
    const url = base + GIS_SERVICES[op.service].path;
    return new Promise((resolve, reject) => {
      http.request(
        url,
        xml,
        (err: SoapHttpError | null, res?: { data?: unknown }, body?: unknown) => {
          if (err) {
            const status: number | undefined = err.response?.status;
            const data = typeof err.response?.data === 'string' ? err.response.data : undefined;
            const fault = data ? faultError(data) : null;
            if (fault) return reject(fault);
            if (status)
              return reject(
                new GisTransportError('http', `HTTP ${status} from ${url}`, status >= 500 || status === 429),
              );
            const timeout =
              err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT' || /timeout/i.test(String(err.message));
            return reject(
              new GisTransportError(timeout ? 'timeout' : 'network', `${err.code ?? ''} ${err.message}`.trim(), true),
            );
          }
          const text = typeof body === 'string' ? body : String(res?.data ?? '');
          const fault = faultError(text);
          if (fault) return reject(fault);
          resolve(text);
        },
        { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${op.soapAction}"` },
        { timeout: options.timeoutMs, ...(httpsAgent ? { httpsAgent } : {}) },
      );
    });
  }

  async function signedSend(operation: GisOperation, org: GisOrg, body: string): Promise<SentMessage> {
    const messageGuid = randomUUID();
    const xml = envelope({
      messageGuid,
      date: new Date().toISOString(),
      orgPpaGuid: org.orgPpaGuid,
      body,
      header: GIS_SERVICES[operation.service].header,
    });
    const started = performance.now();
    const signed = await signXades(xml, SIGNED_CONTAINER_ID, options.signer);
    const signingMs = performance.now() - started;
    const ack = parseAck(await post(operation, signed));
    if (ack.requesterMessageGuid.toLowerCase() !== messageGuid)
      throw new GisTransportError('invalid_response', 'the Ack names another RequesterMessageGUID', true);
    return { ack, messageGuid, signingMs };
  }

  /**
   * The file store (ext-bus-file-store-service, REST): a file of up to 5 MB in one PUT, named by the
   * X-Upload-UploadID the store answers; its hash goes with the attachment (AttachmentHASH, binhex of the
   * signer's digest: GOST R 34.11 with a GOST key).
   */
  async function upload(org: GisOrg, file: { filename: string; data: Buffer }) {
    const url = new URL(`${base}${GIS_FILE_STORE_PATH}/homemanagement`);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const uploadId = await new Promise<string>((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'PUT',
          ...(httpsAgent ? { agent: httpsAgent } : {}),
          timeout: options.timeoutMs,
          headers: {
            'Content-Type': 'application/octet-stream',
            'Content-Length': file.data.length,
            'Content-MD5': createHash('md5').update(file.data).digest('base64'),
            'X-Upload-Filename': encodeURIComponent(file.filename),
            'X-Upload-OrgPPAGUID': org.orgPpaGuid,
          },
        },
        (res) => {
          res.resume();
          const id = res.headers['x-upload-uploadid'];
          if (res.statusCode === 200 && typeof id === 'string') return resolve(id);
          const status = res.statusCode ?? 0;
          reject(new GisTransportError('http', `HTTP ${status} from the file store`, status >= 500 || status === 429));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) =>
        reject(
          new GisTransportError(
            /timeout/i.test(err.message) ? 'timeout' : 'network',
            `file store: ${err.message}`,
            true,
          ),
        ),
      );
      req.end(file.data);
    });
    return { guid: uploadId, hash: (await options.signer.digest(file.data)).toString('hex') };
  }

  return {
    upload,
    send: (operation, org, items) =>
      signedSend(GIS_OPERATIONS[operation], org, renderOutbox(operation, items, options.decrypt)),
    exportAccounts: (org, query) => signedSend(GIS_OPERATIONS.exportAccountData, org, renderExportAccounts(query)),
    exportMeteringHistory: (org, query) =>
      signedSend(GIS_OPERATIONS.exportMeteringDeviceHistory, org, renderExportMeteringHistory(query)),
    async getState(operation, org, messageGuid) {
      if (!isGisOperation(operation)) throw new RangeError(`unknown operation ${operation}`);
      const op = GIS_OPERATIONS[operation];
      // getState is not signed (the published rules sign only the business data of imports and exports).
      const header = GIS_SERVICES[op.service].header;
      const xml = envelope({
        messageGuid: randomUUID(),
        date: new Date().toISOString(),
        orgPpaGuid: org.orgPpaGuid,
        body: renderGetState(messageGuid),
        header,
      });
      return parseState(await post({ service: op.service, soapAction: 'urn:getState' }, xml));
    },
  };
}
