import { GIS_SERVICES, NS, type ServiceKey } from '../../../contracts/gis/operations.js';

// The simulator's answers, written in the element order of the published schemas (checked by the
// conformance tests).

const esc = (v: string) => v.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const leaf = (name: string, v: string | undefined) => (v === undefined ? '' : `<${name}>${esc(v)}</${name}>`);

export type SimItemResult =
  | { transportGuid: string; ok: true; guid: string; uniqueNumber?: string; updateDate: string; extra?: { name: 'importMeteringDevice' | 'ImportAccount'; xml: string } }
  | { transportGuid: string; ok: false; code: string; description: string };

export const ackXml = (messageGuid: string, requesterGuid: string) =>
  `<base:AckRequest xmlns:base="${NS.base}"><base:Ack>${leaf('base:MessageGUID', messageGuid)}${leaf('base:RequesterMessageGUID', requesterGuid)}</base:Ack></base:AckRequest>`;

export const resultHeaderXml = (messageGuid: string) =>
  `<base:ResultHeader xmlns:base="${NS.base}">${leaf('base:Date', new Date().toISOString())}${leaf('base:MessageGUID', messageGuid)}</base:ResultHeader>`;

function open(service: ServiceKey) {
  const s = GIS_SERVICES[service];
  return { p: s.prefix, start: `<${s.prefix}:getStateResult xmlns:${s.prefix}="${NS[s.prefix]}" xmlns:base="${NS.base}" base:version="${s.stateVersion}">`, end: `</${s.prefix}:getStateResult>` };
}

const header = (state: number, messageGuid: string) => `<base:RequestState>${state}</base:RequestState>${leaf('base:MessageGUID', messageGuid)}`;

const errorXml = (name: string, code: string, description: string) => `<${name}>${leaf('base:ErrorCode', code)}${leaf('base:Description', description)}</${name}>`;

export function stateXml(service: ServiceKey, messageGuid: string, state: 1 | 2 | 3, body?: { error?: { code: string; description: string }; results?: SimItemResult[] }) {
  const o = open(service);
  let inner = '';
  if (body?.error) inner = errorXml('base:ErrorMessage', body.error.code, body.error.description);
  else if (body?.results?.length) {
    const common = (r: SimItemResult, extension: boolean) =>
      (r.ok ? leaf('base:GUID', r.guid) : '') +
      leaf('base:TransportGUID', r.transportGuid) +
      (r.ok ? leaf('base:UniqueNumber', r.uniqueNumber) + leaf('base:UpdateDate', r.updateDate) : errorXml('base:Error', r.code, r.description)) +
      (extension && r.ok && r.extra ? `<${o.p}:${r.extra.name}>${r.extra.xml}</${o.p}:${r.extra.name}>` : '');
    inner =
      service === 'houseManagement'
        ? `<hm:ImportResult base:version="10.0.1.1">${body.results.map((r) => `<hm:CommonResult>${common(r, true)}</hm:CommonResult>`).join('')}</hm:ImportResult>`
        : body.results.map((r) => `<${o.p}:ImportResult>${common(r, false)}</${o.p}:ImportResult>`).join('');
  }
  return o.start + header(state, messageGuid) + inner + o.end;
}

export const leafXml = leaf;
