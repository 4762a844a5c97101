import { GIS_SERVICES, NS, type ServiceKey } from '../../../contracts/gis/operations.js';

// The simulator's answers, written in the element order of the published schemas (checked by the
// conformance tests).

const esc = (v: string) => v.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const leaf = (name: string, v: string | undefined) => (v === undefined ? '' : `<${name}>${esc(v)}</${name}>`);

export type SimItemResult =
  | {
      transportGuid: string;
      ok: true;
      guid: string;
      uniqueNumber?: string;
      updateDate: string;
      extra?: { name: 'importMeteringDevice' | 'ImportAccount'; xml: string };
    }
  | { transportGuid: string; ok: false; code: string; description: string };

export const ackXml = (messageGuid: string, requesterGuid: string) =>
  `<base:AckRequest xmlns:base="${NS.base}"><base:Ack>${leaf('base:MessageGUID', messageGuid)}${leaf('base:RequesterMessageGUID', requesterGuid)}</base:Ack></base:AckRequest>`;

export const resultHeaderXml = (messageGuid: string) =>
  `<base:ResultHeader xmlns:base="${NS.base}">${leaf('base:Date', new Date().toISOString())}${leaf('base:MessageGUID', messageGuid)}</base:ResultHeader>`;

function open(service: ServiceKey) {
  const s = GIS_SERVICES[service];
  return {
    p: s.prefix,
    start: `<${s.prefix}:getStateResult xmlns:${s.prefix}="${NS[s.prefix]}" xmlns:base="${NS.base}" base:version="${s.stateVersion}">`,
    end: `</${s.prefix}:getStateResult>`,
  };
}

const header = (state: number, messageGuid: string) =>
  `<base:RequestState>${state}</base:RequestState>${leaf('base:MessageGUID', messageGuid)}`;

const errorXml = (name: string, code: string, description: string) =>
  `<${name}>${leaf('base:ErrorCode', code)}${leaf('base:Description', description)}</${name}>`;

export function stateXml(
  service: ServiceKey,
  messageGuid: string,
  state: 1 | 2 | 3,
  body?: { error?: { code: string; description: string }; results?: SimItemResult[] },
) {
  const o = open(service);
  let inner = '';
  if (body?.error) inner = errorXml('base:ErrorMessage', body.error.code, body.error.description);
  else if (body?.results?.length) {
    const common = (r: SimItemResult, extension: boolean) =>
      (r.ok ? leaf('base:GUID', r.guid) : '') +
      leaf('base:TransportGUID', r.transportGuid) +
      (r.ok
        ? leaf('base:UniqueNumber', r.uniqueNumber) + leaf('base:UpdateDate', r.updateDate)
        : errorXml('base:Error', r.code, r.description)) +
      (extension && r.ok && r.extra ? `<${o.p}:${r.extra.name}>${r.extra.xml}</${o.p}:${r.extra.name}>` : '');
    inner =
      service === 'houseManagement'
        ? `<hm:ImportResult base:version="10.0.1.1">${body.results.map((r) => `<hm:CommonResult>${common(r, true)}</hm:CommonResult>`).join('')}</hm:ImportResult>`
        : body.results
            .map((r) => {
              // The debt-requests service names it importResult.
              const name = `${o.p}:${service === 'debtRequests' ? 'importResult' : 'ImportResult'}`;
              return `<${name}>${common(r, false)}</${name}>`;
            })
            .join('');
  }
  return o.start + header(state, messageGuid) + inner + o.end;
}

export const leafXml = leaf;

const nsiNs = NS.nsi;
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** exportNsiItem's answer: the book's elements with their string fields (nsi-base NsiItemType). */
export function nsiItemStateXml(
  messageGuid: string,
  book: { registryNumber: number; elements: { code: string; guid: string; fields: Record<string, string> }[] },
  modified: string,
) {
  const o = open('nsiCommon');
  const elements = book.elements
    .map(
      (e) =>
        `<nsi:NsiElement>${leaf('nsi:Code', e.code)}${leaf('nsi:GUID', e.guid)}${leaf('nsi:Modified', modified)}${leaf('nsi:IsActual', 'true')}` +
        Object.entries(e.fields)
          .map(
            ([k, v]) =>
              `<nsi:NsiElementField xsi:type="nsi:NsiElementStringFieldType">${leaf('nsi:Name', k)}${leaf('nsi:Value', v)}</nsi:NsiElementField>`,
          )
          .join('') +
        `</nsi:NsiElement>`,
    )
    .join('');
  return (
    o.start.replace('>', ` xmlns:nsi="${nsiNs}" xmlns:xsi="${XSI}">`) +
    header(3, messageGuid) +
    `<${o.p}:NsiItem>${leaf('nsi:NsiItemRegistryNumber', String(book.registryNumber))}${leaf('nsi:Created', new Date().toISOString())}${elements}</${o.p}:NsiItem>` +
    o.end
  );
}

/** exportNsiList's answer: the books with their last change. */
export function nsiListStateXml(
  messageGuid: string,
  books: { registryNumber: number; name: string }[],
  modified: string,
) {
  const o = open('nsiCommon');
  const items = books
    .map(
      (b) =>
        `<nsi:NsiItemInfo>${leaf('nsi:RegistryNumber', String(b.registryNumber))}${leaf('nsi:Name', b.name)}${leaf('nsi:Modified', modified)}</nsi:NsiItemInfo>`,
    )
    .join('');
  return (
    o.start.replace('>', ` xmlns:nsi="${nsiNs}">`) +
    header(3, messageGuid) +
    `<${o.p}:NsiList>${leaf('nsi:Created', new Date().toISOString())}${items}${leaf('nsi:ListGroup', 'NSI')}</${o.p}:NsiList>` +
    o.end
  );
}

export interface SimHouse {
  fiasHouseGuid: string;
  uniqueNumber: string;
  totalArea?: string;
  entrances: { number: string; guid: string }[];
  premises: {
    number: string;
    guid: string;
    uniqueNumber: string;
    residential: boolean;
    area?: string;
    entrance?: string;
  }[];
}

/** exportHouseData's answer for an apartment house: entrances and premises with their GUIDs. */
export function houseStateXml(messageGuid: string, h: SimHouse, modified: string) {
  const o = open('houseManagement');
  const entrances = h.entrances
    .map(
      (e) =>
        `<hm:Entrance>${leaf('hm:EntranceNum', e.number)}${leaf('hm:ModificationDate', modified)}${leaf('hm:EntranceGUID', e.guid)}</hm:Entrance>`,
    )
    .join('');
  const residential = h.premises
    .filter((p) => p.residential)
    .map(
      (p) =>
        `<hm:ResidentialPremises>${leaf('hm:PremisesNum', p.number)}${p.entrance ? leaf('hm:EntranceNum', p.entrance) : ''}${leaf('hm:TotalArea', p.area)}` +
        `${leaf('hm:PremisesUniqueNumber', p.uniqueNumber)}${leaf('hm:ModificationDate', modified)}${leaf('hm:PremisesGUID', p.guid)}</hm:ResidentialPremises>`,
    )
    .join('');
  const other = h.premises
    .filter((p) => !p.residential)
    .map(
      (p) =>
        `<hm:NonResidentialPremises>${leaf('hm:PremisesNum', p.number)}${leaf('hm:TotalArea', p.area)}` +
        `${leaf('hm:PremisesUniqueNumber', p.uniqueNumber)}${leaf('hm:ModificationDate', modified)}${leaf('hm:PremisesGUID', p.guid)}</hm:NonResidentialPremises>`,
    )
    .join('');
  return (
    o.start +
    header(3, messageGuid) +
    `<hm:exportHouseResult>${leaf('hm:HouseUniqueNumber', h.uniqueNumber)}${leaf('hm:ModificationDate', modified)}` +
    `<hm:ApartmentHouse><hm:BasicCharacteristicts>${leaf('hm:FIASHouseGuid', h.fiasHouseGuid)}${leaf('hm:TotalSquare', h.totalArea)}</hm:BasicCharacteristicts>` +
    `${entrances}${residential}${other}</hm:ApartmentHouse></hm:exportHouseResult>` +
    o.end
  );
}

export interface SimAccount {
  accountGuid: string;
  accountNumber: string;
  uniqueNumber: string;
  els: string;
  fiasHouseGuid?: string;
  premisesGuid?: string;
  sharePercent?: string;
  totalArea?: string;
  payer?: { lastName: string; firstName: string; middleName?: string; snils?: string } | { orgVersionGuid: string };
}

/** exportAccountData's answer: the accounts the simulator accepted, as it holds them. */
export function accountsStateXml(messageGuid: string, accounts: SimAccount[]) {
  const o = open('houseManagement');
  const acc = `xmlns:acc="${NS.acc}" xmlns:ind="${NS.ind}" xmlns:orgr="${NS.orgr}"`;
  const items = accounts
    .map(
      (a) =>
        `<hm:exportAccountResult ${acc}>${leaf('hm:isUOAccount', 'true')}${leaf('hm:TotalSquare', a.totalArea)}` +
        `<hm:Accommodation>${a.premisesGuid ? leaf('hm:PremisesGUID', a.premisesGuid) : leaf('hm:FIASHouseGuid', a.fiasHouseGuid)}${leaf('hm:SharePercent', a.sharePercent)}</hm:Accommodation>` +
        (a.payer && 'orgVersionGuid' in a.payer
          ? `<hm:PayerInfo><hm:Org>${leaf('orgr:orgVersionGUID', a.payer.orgVersionGuid)}</hm:Org></hm:PayerInfo>`
          : a.payer
            ? `<hm:PayerInfo><hm:Ind>${leaf('ind:Surname', a.payer.lastName)}${leaf('ind:FirstName', a.payer.firstName)}${leaf('ind:Patronymic', a.payer.middleName)}${leaf('ind:SNILS', a.payer.snils)}</hm:Ind></hm:PayerInfo>`
            : '<hm:PayerInfo/>') +
        `${leaf('hm:AccountNumber', a.accountNumber)}${leaf('hm:AccountGUID', a.accountGuid)}${leaf('acc:UnifiedAccountNumber', a.els)}` +
        `${leaf('acc:ServiceID', `${a.els}-01`)}</hm:exportAccountResult>`,
    )
    .join('');
  return o.start + header(3, messageGuid) + items + o.end;
}

/** An organisation of the simulator's register of organisations (a legal entity). */
export interface SimOrganisation {
  orgRootGuid: string;
  orgVersionGuid: string;
  fullName: string;
  shortName?: string;
  ogrn: string;
  inn: string;
  kpp: string;
  lastEditingDate: string;
}

/** exportOrgRegistry's answer: each organisation found with its current version (exportOrgRegistryResultType). */
export function orgRegistryStateXml(messageGuid: string, organisations: SimOrganisation[]) {
  const o = open('orgRegistryCommon');
  const items = organisations
    .map(
      (org) =>
        `<${o.p}:exportOrgRegistryResult>${leaf('orgr:orgRootEntityGUID', org.orgRootGuid)}<${o.p}:OrgVersion>` +
        `${leaf('orgr:orgVersionGUID', org.orgVersionGuid)}${leaf(`${o.p}:lastEditingDate`, org.lastEditingDate)}${leaf(`${o.p}:IsActual`, 'true')}` +
        `<${o.p}:Legal>${leaf('orgr:ShortName', org.shortName)}${leaf('orgr:FullName', org.fullName)}${leaf('org:OGRN', org.ogrn)}` +
        `${leaf('org:INN', org.inn)}${leaf('org:KPP', org.kpp)}</${o.p}:Legal></${o.p}:OrgVersion></${o.p}:exportOrgRegistryResult>`,
    )
    .join('');
  return (
    o.start.replace('>', ` xmlns:orgr="${NS.orgr}" xmlns:org="${NS.org}">`) + header(3, messageGuid) + items + o.end
  );
}
