import { DOMParser } from '@xmldom/xmldom';
import { NS } from '../../contracts/gis/operations.js';
import { GisTransportError, type GisAck, type GisError, type GisItemResult, type GisState } from '../../contracts/gis/ports.js';

// Reads the state system's answers: Ack, getState results per TransportGUID, SOAP faults.

const elements = (parent: Element, localName: string): Element[] => {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === localName) out.push(n as Element);
  return out;
};
const text = (parent: Element, localName: string) => elements(parent, localName)[0]?.textContent?.trim() || undefined;

function parseDoc(xml: string): Element {
  const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
  const body = doc?.getElementsByTagNameNS(NS.soap, 'Body')[0];
  if (!body) throw new GisTransportError('invalid_response', 'the answer is not a SOAP envelope', true);
  for (let n = body.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) return n as Element;
  throw new GisTransportError('invalid_response', 'empty SOAP body', true);
}

const errorOf = (e: Element): GisError => ({ code: text(e, 'ErrorCode') ?? 'unknown', description: text(e, 'Description') ?? text(e, 'ErrorMessage') ?? '' });

/** A SOAP Fault as a transport error (access denied is final; the rest may pass on a fresh message). */
export function faultError(xml: string): GisTransportError | null {
  let el: Element;
  try {
    el = parseDoc(xml);
  } catch {
    return null;
  }
  if (el.localName !== 'Fault') return null;
  const detail = el.getElementsByTagNameNS(NS.base, 'Fault')[0];
  const code = detail ? text(detail, 'ErrorCode') : undefined;
  const message = (detail && text(detail, 'ErrorMessage')) ?? text(el, 'faultstring') ?? 'SOAP fault';
  return new GisTransportError('fault', `${code ?? 'fault'}: ${message}`, code !== 'AUT011003', code);
}

export function parseAck(xml: string): GisAck {
  const el = parseDoc(xml);
  const ack = el.localName === 'AckRequest' ? elements(el, 'Ack')[0] : undefined;
  const messageGuid = ack && text(ack, 'MessageGUID');
  const requesterMessageGuid = ack && text(ack, 'RequesterMessageGUID');
  if (!messageGuid || !requesterMessageGuid) throw new GisTransportError('invalid_response', `expected AckRequest, got ${el.localName}`, true);
  return { messageGuid, requesterMessageGuid };
}

function itemResult(r: Element): GisItemResult | null {
  const transportGuid = text(r, 'TransportGUID');
  if (!transportGuid) return null;
  const errors = [...elements(r, 'Error'), ...elements(r, 'CreateOrUpdateError')].map(errorOf);
  if (errors.length) return { transportGuid, ok: false, errors };
  const extra: Record<string, string> = {};
  for (const key of ['importMeteringDevice', 'ImportAccount']) {
    for (const holder of elements(r, key)) {
      for (let n = holder.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) extra[(n as Element).localName] = n.textContent?.trim() ?? '';
    }
  }
  return { transportGuid, ok: true, guid: text(r, 'GUID'), uniqueNumber: text(r, 'UniqueNumber'), updateDate: text(r, 'UpdateDate'), extra };
}

export function parseState(xml: string): GisState {
  const el = parseDoc(xml);
  if (el.localName !== 'getStateResult') throw new GisTransportError('invalid_response', `expected getStateResult, got ${el.localName}`, true);
  const state = Number(text(el, 'RequestState'));
  if (state !== 1 && state !== 2 && state !== 3) throw new GisTransportError('invalid_response', `bad RequestState ${state}`, true);
  const messageGuid = text(el, 'MessageGUID') ?? '';
  const error = elements(el, 'ErrorMessage')[0];
  const results: GisItemResult[] = [];
  for (const ir of elements(el, 'ImportResult')) {
    // House management nests CommonResult (or one ErrorMessage) in each ImportResult; the others use CommonResultType directly.
    const inner = elements(ir, 'CommonResult');
    for (const r of inner.length ? inner : [ir]) {
      const parsed = itemResult(r);
      if (parsed) results.push(parsed);
    }
  }
  const exported: Record<string, unknown>[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1 || !/^export.*Result$/.test((n as Element).localName)) continue;
    const record: Record<string, string> = {};
    const all = (n as Element).getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) if (all[i]!.childNodes.length === 1 && all[i]!.firstChild!.nodeType === 3) record[all[i]!.localName!] = all[i]!.textContent!.trim();
    exported.push(record);
  }
  return { requestState: state, messageGuid, error: error ? errorOf(error) : undefined, results, exported: exported.length ? exported : undefined };
}
