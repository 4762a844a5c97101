import { DOMParser } from '@xmldom/xmldom';
import { NS } from '../../contracts/gis/operations.js';
import {
  GisTransportError,
  type AppealExport,
  type DebtSubrequestExport,
  type GisAck,
  type GisError,
  type GisItemResult,
  type GisState,
  type HouseExport,
  type MeterValueExport,
  type NsiElement,
  type NsiItemExport,
  type OrgRegistryExport,
  type OwnerDecisionExport,
  type VotingProtocolExport,
} from '../../contracts/gis/ports.js';

// Reads the state system's answers: Ack, getState results per TransportGUID, SOAP faults.

const elements = (parent: Element, localName: string): Element[] => {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).localName === localName) out.push(n as Element);
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

const errorOf = (e: Element): GisError => ({
  code: text(e, 'ErrorCode') ?? 'unknown',
  description: text(e, 'Description') ?? text(e, 'ErrorMessage') ?? '',
});

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
  if (!messageGuid || !requesterMessageGuid)
    throw new GisTransportError('invalid_response', `expected AckRequest, got ${el.localName}`, true);
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
      for (let n = holder.firstChild; n; n = n.nextSibling)
        if (n.nodeType === 1) extra[(n as Element).localName] = n.textContent?.trim() ?? '';
    }
  }
  return {
    transportGuid,
    ok: true,
    guid: text(r, 'GUID'),
    uniqueNumber: text(r, 'UniqueNumber'),
    updateDate: text(r, 'UpdateDate'),
    extra,
  };
}

export function parseState(xml: string): GisState {
  const el = parseDoc(xml);
  if (el.localName !== 'getStateResult')
    throw new GisTransportError('invalid_response', `expected getStateResult, got ${el.localName}`, true);
  const state = Number(text(el, 'RequestState'));
  if (state !== 1 && state !== 2 && state !== 3)
    throw new GisTransportError('invalid_response', `bad RequestState ${state}`, true);
  const messageGuid = text(el, 'MessageGUID') ?? '';
  const error = elements(el, 'ErrorMessage')[0];
  const results: GisItemResult[] = [];
  // Debt requests name it importResult.
  for (const ir of [...elements(el, 'ImportResult'), ...elements(el, 'importResult')]) {
    // House management nests CommonResult (or one ErrorMessage) in each ImportResult; the others use CommonResultType directly.
    const inner = elements(ir, 'CommonResult');
    for (const r of inner.length ? inner : [ir]) {
      const parsed = itemResult(r);
      if (parsed) results.push(parsed);
    }
  }
  const decisions = elements(el, 'exportOwnerDecision');
  const protocols = elements(el, 'VotingProtocol');
  const nsiEl = elements(el, 'NsiItem')[0];
  const houseEl = elements(el, 'exportHouseResult')[0];
  const appealEls = elements(el, 'ExportAppealResult');
  const dsrEl = elements(el, 'exportDSRsResult')[0];
  const orgEls = elements(el, 'exportOrgRegistryResult');
  const historyEls = elements(el, 'exportMeteringDeviceHistoryResult');
  const exported: Record<string, unknown>[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (
      n.nodeType !== 1 ||
      !/^export.*Result$/.test((n as Element).localName) ||
      n === houseEl ||
      n === dsrEl ||
      historyEls.includes(n as Element)
    )
      continue;
    const record: Record<string, string> = {};
    const all = (n as Element).getElementsByTagName('*');
    for (let i = 0; i < all.length; i++)
      if (all[i]!.childNodes.length === 1 && all[i]!.firstChild!.nodeType === 3)
        record[all[i]!.localName!] = all[i]!.textContent!.trim();
    exported.push(record);
  }
  return {
    requestState: state,
    messageGuid,
    error: error ? errorOf(error) : undefined,
    results,
    exported: exported.length ? exported : undefined,
    nsiItem: nsiEl ? parseNsiItem(nsiEl) : undefined,
    house: houseEl ? parseHouse(houseEl) : undefined,
    appeals: appealEls.length ? appealEls.map(parseAppeal) : undefined,
    debtSubrequests: dsrEl ? parseDebtSubrequests(dsrEl) : undefined,
    ownerDecisions: decisions.length ? decisions.map(parseOwnerDecision) : undefined,
    votingProtocols: protocols.length ? protocols.map(parseVotingProtocol) : undefined,
    organisations: orgEls.length ? orgEls.map(parseOrgRegistry) : undefined,
    meterValues: historyEls.length ? historyEls.flatMap(parseMeterHistory) : undefined,
  };
}

/**
 * One exportMeteringDeviceHistoryResult: the device's readings (Values/CurrentValue of a one-rate or an
 * electricity device). Control and verification values and volume devices are not readings the hub bills by.
 */
export function parseMeterHistory(el: Element): MeterValueExport[] {
  const meterRootGuid = text(el, 'MeteringDeviceRootGUID') ?? '';
  const device = child(el, 'OneRateDeviceValue') ?? child(el, 'ElectricDeviceValue');
  const values = device && child(device, 'Values');
  if (!values) return [];
  return elements(values, 'CurrentValue').map((v) => {
    const period = child(v, 'Period');
    const month = period && text(period, 'Month');
    return {
      meterRootGuid,
      t1: text(v, 'MeteringValue') ?? text(v, 'MeteringValueT1') ?? '',
      t2: text(v, 'MeteringValueT2'),
      t3: text(v, 'MeteringValueT3'),
      takenOn: (text(v, 'DateValue') ?? '').slice(0, 10),
      period: period && month ? `${text(period, 'Year')}-${month.padStart(2, '0')}` : undefined,
      enteredAt: text(v, 'EnterIntoSystem') ?? '',
      readingsSource: text(v, 'ReadingsSource'),
      orgPpaGuid: text(v, 'orgPPAGUID'),
    };
  });
}

/** One exportOrgRegistryResult: the organisation's root GUID and its version (a legal entity's or a unit's data). */
export function parseOrgRegistry(el: Element): OrgRegistryExport {
  const version = child(el, 'OrgVersion');
  const data = version && (child(version, 'Legal') ?? child(version, 'Subsidiary') ?? child(version, 'Entrp'));
  return {
    orgRootGuid: text(el, 'orgRootEntityGUID') ?? '',
    orgVersionGuid: (version && text(version, 'orgVersionGUID')) ?? '',
    isActual: (version && text(version, 'IsActual')) === 'true',
    ogrn: data && (text(data, 'OGRN') ?? text(data, 'OGRNIP')),
    inn: data && text(data, 'INN'),
    kpp: data && text(data, 'KPP'),
    fullName: data && text(data, 'FullName'),
  };
}

const person = (e: Element) => ({
  lastName: text(e, 'Surname') ?? '',
  firstName: text(e, 'FirstName') ?? '',
  middleName: text(e, 'Patronymic'),
});

/** One exportOwnerDecision: an owner's decision on one question with the votes the state system counts. */
export function parseOwnerDecision(el: Element): OwnerDecisionExport {
  const ownerInd = elements(elements(el, 'Owner')[0] ?? el, 'OwnerInd')[0];
  const rep = elements(el, 'Representative')[0];
  const repInd = rep ? elements(rep, 'RepresentativeInd')[0] : undefined;
  const q = elements(el, 'QuestionOnDecision')[0]!;
  const answer = text(q, 'OwnerAgree') ? 'for' : text(q, 'OwnerAgainst') ? 'against' : 'abstain';
  return {
    rootGuid: text(el, 'RootOwnerDecisionGUID') ?? '',
    owner: ownerInd ? { ...person(ownerInd), snils: text(ownerInd, 'SNILS') } : { lastName: '', firstName: '' },
    property: elements(el, 'exportPropertyDetails').map((p) => {
      const share = elements(p, 'ShareSize')[0];
      return {
        registrationNumber: text(p, 'RegistrationNumber') ?? '',
        premisesNumber: text(p, 'PremisesNum'),
        totalArea: text(p, 'TotalArea'),
        share: share ? { n: Number(text(share, 'Numerator')), d: Number(text(share, 'Denumerator')) } : undefined,
      };
    }),
    representative: repInd ? person(repInd) : undefined,
    questionNumber: Number(text(q, 'QuestionNumber')),
    answer,
    digital: text(q, 'IsDigitalDecision') === 'true',
    annulled: text(el, 'DecisionAnnuled') === 'true',
  };
}

/** One VotingProtocol: the protocol's identifiers, status, eligibility and each question's result. */
export function parseVotingProtocol(el: Element): VotingProtocolExport {
  return {
    protocolGuid: text(el, 'VotingProtocolGUID') ?? '',
    rootGuid: text(el, 'RootProtocolGUID'),
    number: text(el, 'ProtocolNum'),
    date: text(el, 'ProtocolDate') ?? '',
    status: text(el, 'StatusProtocol') ?? '',
    versionStatus: text(el, 'StatusVersionProtocol') ?? '',
    quorum: text(el, 'MeetingEligibility') === 'C',
    questions: elements(el, 'DecisionList').map((d) => {
      const resume = text(d, 'votingResume');
      return {
        number: Number(text(d, 'QuestionNumber')),
        title: text(d, 'QuestionName') ?? '',
        agree: text(d, 'Agree'),
        against: text(d, 'Against'),
        abstain: text(d, 'Abstent'),
        adopted: resume === undefined ? undefined : resume === 'M',
      };
    }),
  };
}

const child = (parent: Element | undefined, ...path: string[]) => {
  let at: Element | undefined = parent;
  for (const name of path) at = at && elements(at, name)[0];
  return at;
};

/** One exported appeal (exportAppealResultType): the applicant, topic, text, status and the answers it holds. */
export function parseAppeal(el: Element): AppealExport {
  const applicant = child(el, 'ApplicantInfo');
  const person = child(applicant, 'Person');
  const answers: AppealExport['answers'] = [];
  for (const h of elements(el, 'AppealHistory')) {
    const a = child(h, 'Answer');
    if (a)
      answers.push({
        answerGuid: text(a, 'AnswerGUID'),
        sent: text(a, 'AnswerIsSent') === 'true',
        text: text(a, 'AnswerText') ?? '',
      });
  }
  return {
    appealGuid: text(el, 'AppealGUID') ?? '',
    number: text(el, 'AppealNumber') ?? '',
    createdOn: text(el, 'AppealCreateDate') ?? '',
    topic: (child(el, 'AppealTopic') && text(child(el, 'AppealTopic')!, 'Name')) ?? text(el, 'AnotherTopic') ?? '',
    text: text(el, 'AppealText') ?? '',
    fiasHouseGuid: text(el, 'FIASHouseGuid'),
    applicant: {
      lastName: person && text(person, 'Surname'),
      firstName: person && text(person, 'FirstName'),
      middleName: person && text(person, 'Patronymic'),
      organisation: applicant ? Boolean(child(applicant, 'Org')) : undefined,
      address: applicant && text(applicant, 'PostAddress'),
      apartment: applicant && text(applicant, 'ApartmentNumber'),
      email: applicant && text(applicant, 'Email'),
      phone: applicant && text(applicant, 'PhoneNumber'),
    },
    answererGuid: text(el, 'AnswererGUID'),
    status: text(el, 'AppealStatus') ?? 'Send',
    executionEndDate: text(el, 'ExecutionEndDate'),
    answers,
    attachments: elements(el, 'Attachment').map((a) => ({
      name: text(a, 'Name') ?? '',
      guid: (child(a, 'Attachment') && text(child(a, 'Attachment')!, 'AttachmentGUID')) ?? '',
    })),
  };
}

/** exportDSRsResult: the subrequests of one block and the GUID of the next block (none on the last). */
export function parseDebtSubrequests(el: Element): NonNullable<GisState['debtSubrequests']> {
  const items: DebtSubrequestExport[] = elements(el, 'subrequestData').map((d) => {
    const info = child(d, 'requestInfo');
    const object = child(info, 'housingFundObject');
    const period = child(info, 'period');
    const response = child(d, 'responseData');
    return {
      subrequestGuid: text(d, 'subrequestGUID') ?? '',
      requestGuid: (info && text(info, 'requestGUID')) ?? '',
      requestNumber: (info && text(info, 'requestNumber')) ?? '',
      requesterName: (child(info, 'organization') && text(child(info, 'organization')!, 'name')) ?? '',
      fiasHouseGuid: object && (text(object, 'fiasHouseGUID') ?? text(object, 'houseGUID')),
      premisesGuid: object && text(object, 'HMobjectGUID'),
      address: (object && text(object, 'address')) ?? '',
      addressDetails: object && text(object, 'addressDetails'),
      periodFrom: (period && text(period, 'startDate')) ?? '',
      periodTo: (period && text(period, 'endDate')) ?? '',
      sentOn: (info && text(info, 'sentDate')) ?? '',
      responseDue: (info && text(info, 'responseDate')) ?? '',
      responseStatus: text(d, 'responseStatus') ?? 'NotSent',
      response: response
        ? { hasDebt: text(response, 'hasDebt') === 'true', description: text(response, 'description') }
        : undefined,
    };
  });
  const paged = child(el, 'pagedOutput');
  return { items, nextPageGuid: paged && text(paged, 'nextSubrequestGUID') };
}

function parseNsiElement(e: Element): NsiElement {
  const fields: Record<string, string> = {};
  for (const f of elements(e, 'NsiElementField')) {
    const name = text(f, 'Name');
    if (!name) continue;
    // String, boolean, date, integer… fields carry Value; references carry their target's code.
    const value = text(f, 'Value') ?? f.getElementsByTagNameNS(NS.nsi, 'Code')[0]?.textContent?.trim();
    if (value !== undefined) fields[name] = value;
  }
  return {
    code: text(e, 'Code') ?? '',
    guid: text(e, 'GUID') ?? '',
    isActual: text(e, 'IsActual') === 'true',
    modified: text(e, 'Modified'),
    fields,
  };
}

/** NsiItem: the book's top-level elements and their children, flattened (children keep their own codes). */
export function parseNsiItem(el: Element): NsiItemExport {
  const out: NsiElement[] = [];
  const walk = (e: Element) => {
    out.push(parseNsiElement(e));
    for (const child of elements(e, 'ChildElement')) walk(child);
  };
  for (const e of elements(el, 'NsiElement')) walk(e);
  return { registryNumber: Number(text(el, 'NsiItemRegistryNumber')), elements: out };
}

/** exportHouseResult of an apartment house: its unique number, entrances and premises with their GUIDs. */
export function parseHouse(el: Element): HouseExport {
  const house = elements(el, 'ApartmentHouse')[0] ?? elements(el, 'LivingHouse')[0];
  const basic = house && elements(house, 'BasicCharacteristicts')[0];
  const premises: HouseExport['premises'] = [];
  for (const [tag, residential] of [
    ['ResidentialPremises', true],
    ['NonResidentialPremises', false],
  ] as const) {
    for (const p of house ? elements(house, tag) : []) {
      premises.push({
        number: text(p, 'PremisesNum') ?? '',
        guid: text(p, 'PremisesGUID') ?? '',
        uniqueNumber: text(p, 'PremisesUniqueNumber') ?? '',
        residential,
        entranceNumber: text(p, 'EntranceNum'),
      });
    }
  }
  return {
    fiasHouseGuid: (basic && text(basic, 'FIASHouseGuid')) ?? '',
    houseUniqueNumber: text(el, 'HouseUniqueNumber') ?? '',
    entrances: (house ? elements(house, 'Entrance') : []).map((e) => ({
      number: text(e, 'EntranceNum') ?? '',
      guid: text(e, 'EntranceGUID') ?? '',
    })),
    premises,
  };
}
