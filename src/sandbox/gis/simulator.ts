import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { FastifyInstance } from 'fastify';
import { createServerless, type Server } from 'soap';
import { z } from 'zod';
import {
  GIS_ERRORS,
  GIS_OPERATIONS,
  GIS_SERVICES,
  NS,
  type GisOperationName,
  type ServiceKey,
} from '../../../contracts/gis/operations.js';
import { CONTRACT_SCHEMA_DIR, envelopeParts, loadSchemaSet, validateElement } from '../../../contracts/gis/schemas.js';
import type { AppDeps } from '../../deps.js';
import type { SqlExecutor } from '../../../contracts/ports.js';
import { withTransaction } from '../../db/pool.js';
import { validationFailed } from '../../errors.js';
import {
  accountsStateXml,
  ackXml,
  houseStateXml,
  leafXml,
  nsiItemStateXml,
  nsiListStateXml,
  orgRegistryStateXml,
  resultHeaderXml,
  stateXml,
  type SimAccount,
  type SimHouse,
  type SimItemResult,
} from './results.js';
import { knownNsiRef, SIM_NSI, simNsiBook } from './nsi.js';
import { screenXml, SIM_LIMITS } from './screen.js';
import { verifyEnvelopeSignature } from './verify.js';
import { simServiceAccepted, simServiceExport, simServiceRefusal, simServiceRoutes } from './services.js';
import { type AttachmentHashing, type SimAttachment, simFileStoreRoutes } from './file-store.js';
import { isVotingImport, processVoting, simVotingRoutes, votingExport, votingParts } from './voting.js';
import { meterHistoryExport, recordSimMeterValues, simMeteringRoutes } from './metering.js';

// A state-system simulator for sandbox mode: the `soap` package's server built from the hub's WSDL,
// with schema validation, signature checks, state in PostgreSQL, delayed processing, identifiers,
// real error codes, idempotency per TransportGUID and injected faults.

type SimConfig = AppDeps['config']['gis']['simulator'];

const simFaultsBody = z.object({
  rate: z.number().min(0).max(1),
  kinds: z
    .array(z.enum(['503', '502', 'timeout', 'fault', 'EXP001000']))
    .min(1)
    .optional(),
});

export interface ParsedRequest {
  operation: GisOperationName | 'getState';
  requesterGuid: string;
  orgPpaGuid: string;
  stateOf?: string;
  items: {
    transportGuid: string;
    fields: Record<string, string>;
    nsiRefs?: { ref: string; code: string; guid: string }[];
    /** Meetings: the agenda's or results' DecisionList entries, and every attachment's GUID. */
    decisionList?: Record<string, string>[];
    attachments?: string[];
    /** Every attachment with its name, description and hash (an appeal's answer records them). */
    files?: SimAttachment[];
    /** How the attachments' hashes are checked: the family of the message's signature. */
    hashedBy?: AttachmentHashing;
  }[];
}

/** The organisation of nsi-common requests (ISRequestHeader names none). */
const NO_ORG = '00000000-0000-0000-0000-000000000000';

const text = (el: Element | undefined | null) => el?.textContent?.trim() ?? '';

function parseRequest(doc: Document): ParsedRequest | null {
  const header =
    doc.getElementsByTagNameNS(NS.base, 'RequestHeader')[0] ??
    doc.getElementsByTagNameNS(NS.base, 'ISRequestHeader')[0];
  const body = doc.getElementsByTagNameNS(NS.soap, 'Body')[0];
  if (!header || !body) return null;
  let root: Element | null = null;
  for (let n = body.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1) {
      root = n as Element;
      break;
    }
  if (!root) return null;
  const base = {
    requesterGuid: text(header.getElementsByTagNameNS(NS.base, 'MessageGUID')[0]),
    orgPpaGuid: text(header.getElementsByTagNameNS(NS.base, 'orgPPAGUID')[0]) || NO_ORG,
  };
  if (root.localName === 'getStateRequest')
    return {
      ...base,
      operation: 'getState',
      stateOf: text(root.getElementsByTagNameNS(NS.base, 'MessageGUID')[0]),
      items: [],
    };
  const op = Object.values(GIS_OPERATIONS).find((o) => o.requestElement === root!.localName);
  if (!op) return null;
  const items: ParsedRequest['items'] = [];
  if (op.kind === 'export') {
    // An export's query: its leaves (repeated ones, e.g. AccountGUID, joined by spaces).
    const fields: Record<string, string> = {};
    const all = root.getElementsByTagName('*');
    for (let j = 0; j < all.length; j++) {
      const e = all[j]!;
      if (e.namespaceURI === NS.ds || e.childNodes.length !== 1 || e.firstChild!.nodeType !== 3) continue;
      fields[e.localName!] = fields[e.localName!] ? `${fields[e.localName!]} ${text(e)}` : text(e);
    }
    return { ...base, operation: op.name, items: [{ transportGuid: '', fields }] };
  }
  const tgs = root.getElementsByTagNameNS(NS.base, 'TransportGUID');
  for (let i = 0; i < tgs.length; i++) {
    let item = tgs[i]!.parentNode as Element;
    // Not items of their own: a payment document's payee block, an appeal answer's nested answer.
    if (item.localName === 'PaymentInformation' || item.localName === 'Answer') continue;
    if (op.name === 'importMeteringDeviceValues')
      while (item.parentNode && item.localName !== 'MeteringDevicesValues') item = item.parentNode as Element;
    const fields: Record<string, string> = {};
    const all = item.getElementsByTagName('*');
    for (let j = 0; j < all.length; j++) {
      const e = all[j]!;
      if (e.childNodes.length === 1 && e.firstChild!.nodeType === 3 && !(e.localName! in fields))
        fields[e.localName!] = text(e);
    }
    // Every reference to a reference book (an element holding nsi-base Code and GUID), for the NSI check.
    const nsiRefs: { ref: string; code: string; guid: string }[] = [];
    const guids = item.getElementsByTagNameNS(NS.nsi, 'GUID');
    for (let j = 0; j < guids.length; j++) {
      const ref = guids[j]!.parentNode as Element;
      nsiRefs.push({
        ref: ref.localName!,
        code: text(ref.getElementsByTagNameNS(NS.nsi, 'Code')[0]),
        guid: text(guids[j]),
      });
    }
    if (item.getElementsByTagNameNS(NS.hm, 'RecallNotification').length) fields._recall = 'true';
    items.push({ transportGuid: text(tgs[i]!), fields, nsiRefs, ...votingParts(item) });
  }
  return { ...base, operation: op.name, items };
}

const soapFault = (code: string, message: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${NS.soap}"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>${leafXml('x', message).slice(3, -4)}</faultstring>` +
  `<detail><base:Fault xmlns:base="${NS.base}">${leafXml('base:ErrorCode', code)}${leafXml('base:ErrorMessage', message)}</base:Fault></detail></soap:Fault></soap:Body></soap:Envelope>`;

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const notFound = (t: string, what: string): SimItemResult => ({
  transportGuid: t,
  ok: false,
  code: GIS_ERRORS.notFound,
  description: `${what} не найден(а) в реестре`,
});

/** Decides each item of a processed message; items already accepted under the same TransportGUID get their first answer. */
async function processItems(
  db: SqlExecutor,
  operation: GisOperationName,
  orgPpaGuid: string,
  items: ParsedRequest['items'],
): Promise<SimItemResult[]> {
  const now = new Date().toISOString();
  const guids = items.map((i) => i.transportGuid.toLowerCase());
  const { rows: seen } = await db.query(
    `UPDATE gis_sim_objects SET times_received = times_received + 1 WHERE transport_guid = ANY($1::uuid[]) RETURNING *`,
    [guids],
  );
  const prior = new Map(seen.map((r) => [r.transport_guid, r]));
  const known = async (sql: string, values: string[]) => new Set((await db.query(sql, [values])).rows.map((r) => r.g));
  const all = (k: string) => items.map((i) => i.fields[k]).filter(Boolean) as string[];
  const houses = await known(
    `SELECT fias_house_guid::text AS g FROM gis_sim_houses WHERE fias_house_guid = ANY($1::uuid[])`,
    all('FIASHouseGuid'),
  );
  const premises = await known(
    `SELECT p->>'guid' AS g FROM gis_sim_houses h, jsonb_array_elements(h.premises) p WHERE p->>'guid' = ANY($1::text[])`,
    [...all('PremisesGUID'), ...all('PremiseGUID')].map((g) => g.toLowerCase()),
  );
  const accounts = await known(
    `SELECT object_guid::text AS g FROM gis_sim_objects WHERE operation = 'importAccountData' AND object_guid = ANY($1::uuid[])`,
    [...all('AccountGUID'), ...all('AccountGuid')],
  );
  // An account's revision keeps its GUID, unique number and ЕЛС: the latest held for each account named.
  const accountHeld = new Map(
    operation === 'importAccountData'
      ? (
          await db.query(
            `SELECT DISTINCT ON (object_guid) object_guid::text AS g, unique_number, data->>'els' AS els FROM gis_sim_objects
              WHERE operation = 'importAccountData' AND object_guid = ANY($1::uuid[]) ORDER BY object_guid, accepted_at DESC`,
            [all('AccountGUID')],
          )
        ).rows.map((r): [string, { els: string; num: string }] => [r.g, { els: r.els, num: r.unique_number }])
      : [],
  );
  const devices = await known(
    `SELECT object_guid::text AS g FROM gis_sim_objects WHERE operation = 'importMeteringDeviceData' AND object_guid = ANY($1::uuid[])
     UNION SELECT root_guid::text FROM gis_sim_objects WHERE operation = 'importMeteringDeviceData' AND root_guid = ANY($1::uuid[])`,
    [...all('MeteringDeviceVersionGUID'), ...all('MeteringDeviceRootGUID')],
  );
  const paymentDocuments = await known(
    `SELECT unique_number AS g FROM gis_sim_objects WHERE operation = 'importPaymentDocumentData' AND unique_number = ANY($1::text[])`,
    all('PaymentDocumentID'),
  );
  const notifiedOrders = await known(
    `SELECT data->>'orderId' AS g FROM gis_sim_objects WHERE operation = 'importNotificationsOfOrderExecution' AND data->>'orderId' = ANY($1::text[])`,
    operation === 'importNotificationsOfOrderExecutionCancellation' ? all('OrderID') : [],
  );
  const results: SimItemResult[] = [];
  const serviceItems = new Map<string, ParsedRequest['items'][number]>();
  const accept: { t: string; guid: string; root: string | null; num: string; data: object }[] = [];
  for (const item of items) {
    const t = item.transportGuid.toLowerCase();
    const f = item.fields;
    const before = prior.get(t);
    if (before) {
      results.push({
        transportGuid: t,
        ok: true,
        guid: before.object_guid,
        uniqueNumber: before.unique_number || undefined,
        updateDate: new Date(before.accepted_at).toISOString(),
        extra: extraOf(operation, before),
      });
      continue;
    }
    let refusal: SimItemResult | null = null;
    const unknownRef = item.nsiRefs?.find((r) => !knownNsiRef(r.ref, r.code, r.guid));
    const premise = f.PremisesGUID ?? f.PremiseGUID;
    if (unknownRef)
      refusal = {
        transportGuid: t,
        ok: false,
        code: GIS_ERRORS.notFound,
        description: `Элемент справочника (${unknownRef.ref}) с кодом ${unknownRef.code} и GUID ${unknownRef.guid} не найден`,
      };
    else if (
      (operation === 'importAccountData' || operation === 'importMeteringDeviceData') &&
      f.FIASHouseGuid &&
      !houses.has(f.FIASHouseGuid.toLowerCase())
    )
      refusal = notFound(t, 'Дом');
    else if (
      (operation === 'importAccountData' || operation === 'importMeteringDeviceData') &&
      premise &&
      !premises.has(premise.toLowerCase())
    )
      refusal = notFound(t, 'Помещение');
    else if (operation === 'importAccountData' && f.AccountGUID && !accounts.has(f.AccountGUID.toLowerCase()))
      refusal = notFound(t, 'Лицевой счёт');
    else if (
      operation === 'importMeteringDeviceData' &&
      f.AccountGUID !== undefined &&
      !accounts.has(f.AccountGUID.toLowerCase())
    )
      refusal = notFound(t, 'Лицевой счёт');
    else if (operation === 'importMeteringDeviceData' && f.AccountGUID === undefined && !f.FIASHouseGuid)
      refusal = notFound(t, 'Лицевой счёт');
    else if (operation === 'importPaymentDocumentData' && !accounts.has((f.AccountGuid ?? '').toLowerCase()))
      refusal = notFound(t, 'Лицевой счёт');
    else if (
      operation === 'importNotificationsOfOrderExecution' &&
      f.PaymentDocumentID &&
      !paymentDocuments.has(f.PaymentDocumentID)
    )
      refusal = notFound(t, 'Платёжный документ');
    else if (operation === 'importNotificationsOfOrderExecutionCancellation' && !notifiedOrders.has(f.OrderID ?? ''))
      refusal = notFound(t, 'Извещение о принятии к исполнению распоряжения');
    else if (
      operation === 'importMeteringDeviceValues' &&
      !devices.has((f.MeteringDeviceVersionGUID ?? f.MeteringDeviceRootGUID ?? '').toLowerCase())
    )
      refusal = notFound(t, 'Прибор учёта');
    refusal ??= await simServiceRefusal(db, operation, orgPpaGuid, item);
    if (refusal) {
      results.push(refusal);
      continue;
    }
    // An update of an account names it by AccountGUID: the state system keeps the GUID across revisions.
    const revised = operation === 'importAccountData' && f.AccountGUID ? f.AccountGUID.toLowerCase() : undefined;
    const held = revised ? accountHeld.get(revised) : undefined;
    const row = {
      t,
      guid: revised ?? randomUUID(),
      root: operation === 'importMeteringDeviceData' ? randomUUID() : null,
      num: held
        ? held.num
        : operation === 'importMeteringDeviceValues'
          ? ''
          : operation === 'importPaymentDocumentData'
            ? `${digits(2)}${randomBytes(8).toString('hex').toUpperCase()}`
            : `${digits(10)}`,
      data:
        operation === 'importAccountData'
          ? {
              // What exportAccountData answers later: the account as the simulator holds it.
              els: held?.els || `${digits(2)}${randomBytes(4).toString('hex').toUpperCase()}`,
              accountNumber: f.AccountNumber,
              premisesGuid: f.PremisesGUID,
              fiasHouseGuid: f.FIASHouseGuid,
              sharePercent: f.SharePercent,
              totalArea: f.TotalSquare,
              payer: f.Surname
                ? { lastName: f.Surname, firstName: f.FirstName, middleName: f.Patronymic, snils: f.SNILS }
                : f.orgVersionGUID
                  ? { orgVersionGuid: f.orgVersionGUID }
                  : undefined,
            }
          : operation === 'importNotificationsOfOrderExecution'
            ? { orderId: f.OrderID } // what an annulment names
            : operation === 'importMeteringDeviceData'
              ? {
                  // What the readings history answers by: the device's number and resource (none: electricity).
                  number: f.MeteringDeviceNumber,
                  resource: item.nsiRefs?.find((r) => r.ref === 'MunicipalResource')?.code,
                }
              : {},
    };
    accept.push(row);
    serviceItems.set(t, item);
  }
  if (accept.length) {
    // ON CONFLICT: a concurrent copy of the same item (a resend racing the first) is still accepted once.
    const { rows } = await db.query(
      `INSERT INTO gis_sim_objects (transport_guid, operation, org_ppa_guid, object_guid, root_guid, unique_number, data)
       SELECT v.t, $2, $3, v.g, v.r, v.n, v.d FROM unnest($1::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::jsonb[]) v(t, g, r, n, d)
       ON CONFLICT (transport_guid) DO UPDATE SET times_received = gis_sim_objects.times_received + 1
       RETURNING *`,
      [
        accept.map((a) => a.t),
        operation,
        orgPpaGuid,
        accept.map((a) => a.guid),
        accept.map((a) => a.root),
        accept.map((a) => a.num),
        accept.map((a) => JSON.stringify(a.data)),
      ],
    );
    for (const r of rows) {
      const item = serviceItems.get(r.transport_guid);
      if (item && r.times_received === 1) await simServiceAccepted(db, operation, item, r.object_guid);
    }
    // The readings the hub sent join the devices' history (exportMeteringDeviceHistory).
    if (operation === 'importMeteringDeviceValues')
      await recordSimMeterValues(
        db,
        orgPpaGuid,
        rows.filter((r) => r.times_received === 1).map((r) => serviceItems.get(r.transport_guid)!),
      );
    for (const r of rows)
      results.push({
        transportGuid: r.transport_guid,
        ok: true,
        guid: r.object_guid,
        uniqueNumber: r.unique_number || undefined,
        updateDate: now,
        extra: extraOf(operation, r),
      });
  }
  return results;
}

function extraOf(
  operation: GisOperationName,
  row: { root_guid: string | null; data: { els?: string } },
): Extract<SimItemResult, { ok: true }>['extra'] {
  if (operation === 'importMeteringDeviceData' && row.root_guid)
    return { name: 'importMeteringDevice', xml: `<hm:MeteringDeviceGUID>${row.root_guid}</hm:MeteringDeviceGUID>` };
  if (operation === 'importAccountData' && row.data.els)
    return {
      name: 'ImportAccount',
      xml: `<acc:UnifiedAccountNumber xmlns:acc="${NS.acc}">${row.data.els}</acc:UnifiedAccountNumber><acc:ServiceID xmlns:acc="${NS.acc}">${row.data.els}-01</acc:ServiceID>`,
    };
  return undefined;
}

export async function gisSimulatorRoutes(app: FastifyInstance, deps: AppDeps) {
  const sim: SimConfig = deps.config.gis.simulator;
  const schemaDir = deps.config.gis.schemaDir ?? CONTRACT_SCHEMA_DIR;
  const contexts = new Map<string, { parsed: ParsedRequest; service: ServiceKey; fault?: string }>();

  // Past the limit Fastify stops reading and answers 413 (problem+json) before anything is parsed.
  app.addContentTypeParser(
    ['text/xml', 'application/soap+xml', 'application/xml'],
    { parseAs: 'string', bodyLimit: SIM_LIMITS.bodyBytes },
    (_req, body, done) => done(null, body),
  );

  const answer = async (ctxId: string): Promise<{ _xml: string }> => {
    const ctx = contexts.get(ctxId)!;
    const { parsed, service } = ctx;
    if (parsed.operation !== 'getState') {
      const messageGuid = randomUUID();
      await deps.db.query(
        `INSERT INTO gis_sim_messages (message_guid, requester_guid, org_ppa_guid, operation, items, ready_at, fail_code)
         VALUES ($1, $2, $3, $4, $5::jsonb, now() + make_interval(secs => $6::float8 / 1000), $7)`,
        [
          messageGuid,
          parsed.requesterGuid,
          parsed.orgPpaGuid,
          parsed.operation,
          JSON.stringify(parsed.items),
          sim.delayMs,
          ctx.fault === 'EXP001000' ? GIS_ERRORS.transfer : null,
        ],
      );
      return { _xml: ackXml(messageGuid, parsed.requesterGuid) };
    }
    const xml = await withTransaction(deps.db, async (tx) => {
      const { rows } = await tx.query(
        `SELECT *, ready_at <= now() AS ready FROM gis_sim_messages WHERE message_guid = $1 FOR UPDATE`,
        [parsed.stateOf],
      );
      const m = rows[0];
      if (!m || m.org_ppa_guid !== parsed.orgPpaGuid.toLowerCase())
        return stateXml(service, parsed.stateOf!, 3, {
          error: { code: GIS_ERRORS.notFound, description: 'Сообщение не найдено' },
        });
      if (m.result_xml) return m.result_xml as string;
      if (!m.ready) return stateXml(service, m.message_guid, 2);
      const op = m.operation as GisOperationName;
      const result = m.fail_code
        ? stateXml(service, m.message_guid, 3, {
            error: { code: m.fail_code, description: 'Ошибка при передаче данных. Повторите отправку запроса' },
          })
        : GIS_OPERATIONS[op].kind === 'export'
          ? await exportAnswer(tx, service, m.message_guid, op, m.org_ppa_guid, m.items[0]?.fields ?? {})
          : stateXml(service, m.message_guid, 3, {
              results: isVotingImport(op)
                ? await processVoting(tx, op, m.org_ppa_guid, m.items)
                : await processItems(tx, op, m.org_ppa_guid, m.items),
            });
      await tx.query(`UPDATE gis_sim_messages SET result_xml = $2 WHERE message_guid = $1`, [m.message_guid, result]);
      return result;
    });
    return { _xml: xml };
  };

  const servers = new Map<ServiceKey, Server>();
  for (const service of Object.values(GIS_SERVICES)) {
    const wsdlPath = join(CONTRACT_SCHEMA_DIR, service.wsdl);
    const portType: Record<
      string,
      (args: unknown, cb: unknown, headers: unknown, req: { headers: Record<string, string> }) => Promise<unknown>
    > = {};
    const ops = [
      ...Object.values(GIS_OPERATIONS)
        .filter((o) => o.service === service.key)
        .map((o) => o.name),
      'getState',
    ];
    for (const name of ops) portType[name] = (_args, _cb, _headers, req) => answer(req.headers['x-sim-context']!);
    const title = {
      houseManagement: 'HomeManagement',
      deviceMetering: 'DeviceMetering',
      bills: 'Bills',
      payment: 'Payment',
      nsiCommon: 'Nsi',
      appeals: 'Appeals',
      debtRequests: 'DebtRequests',
      orgRegistryCommon: 'OrgRegistryCommon',
    }[service.key];
    const server = await createServerless({
      path: service.path,
      services: { [`${title}ServiceAsync`]: { [`${title}PortAsync`]: portType } },
      xml: await readFile(wsdlPath, 'utf8'),
      uri: wsdlPath,
    } as never);
    server.addSoapHeader(() => resultHeaderXml(randomUUID()));
    servers.set(service.key, server);

    app.post(service.path, async (request, reply) => {
      const xml = typeof request.body === 'string' ? request.body : '';
      screenXml(xml); // counters only; a hostile body is refused here, before the one DOM below
      const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
      reply.header('content-type', 'text/xml; charset=utf-8');
      const parsed = parseRequest(doc);
      if (!parsed)
        return reply
          .code(500)
          .send(soapFault('FMT001300', 'Запрос не соответствует схеме: неизвестная операция или нет RequestHeader'));
      // Injected gateway trouble: 502/503, a SOAP fault, a hang past the client's timeout, or EXP001000 at processing.
      const fault = Math.random() < sim.faultRate ? sim.faults[randomInt(sim.faults.length)] : undefined;
      if (fault === '503' || fault === '502')
        return reply
          .code(Number(fault))
          .type('text/html')
          .send(`<html><body>${fault} Service Unavailable</body></html>`);
      if (fault === 'fault') return reply.code(500).send(soapFault(GIS_ERRORS.transfer, 'Ошибка при передаче данных'));
      if (sim.validate) {
        const set = await loadSchemaSet(schemaDir);
        const parts = envelopeParts(doc);
        for (const part of [...parts.header, ...parts.body]) {
          const v = await validateElement(part, set);
          if (!v.valid)
            return reply.code(500).send(soapFault('FMT001300', `Запрос не соответствует схеме: ${v.errors[0] ?? ''}`));
        }
      }
      if (parsed.operation !== 'getState') {
        const sig = await verifyEnvelopeSignature(xml, undefined, doc);
        if (!sig.valid)
          return reply.code(500).send(soapFault('INT002011', `Подпись не прошла проверку: ${sig.reason}`));
        for (const item of parsed.items) if (item.files?.length) item.hashedBy = sig.hashedBy;
      }
      const ctxId = randomUUID();
      contexts.set(ctxId, { parsed, service: service.key, fault: parsed.operation === 'getState' ? undefined : fault });
      try {
        const res = await server.processRequest(xml, {
          headers: { 'x-sim-context': ctxId, soapaction: String(request.headers.soapaction ?? '') },
          url: service.path,
        });
        // A hang: the message is taken (and will be processed) but the answer comes after the client gave up.
        if (fault === 'timeout') await new Promise((r) => setTimeout(r, sim.hangMs));
        return reply.code(res.statusCode).send(res.body);
      } finally {
        contexts.delete(ctxId);
      }
    });
  }

  // The injected faults of this process, changed while it runs (a demo of an outage, the console's e2e):
  // GIS_SIM_FAULT_RATE and GIS_SIM_FAULTS until the next start.
  app.put('/faults', async (request) => {
    const body = simFaultsBody.safeParse(request.body);
    if (!body.success) throw validationFailed([{ path: 'body', message: body.error.issues[0]?.message ?? 'invalid' }]);
    sim.faultRate = body.data.rate;
    if (body.data.kinds) sim.faults = body.data.kinds;
    return { rate: sim.faultRate, kinds: sim.faults };
  });

  await app.register(simServiceRoutes, deps);
  // The file store (attachments) and general meetings held "in the state system" (decisions on demand).
  await simFileStoreRoutes(app, deps);
  await simVotingRoutes(app, deps);
  await simMeteringRoutes(app, deps);

  // Sandbox helpers: houses in the registry, and how many items were accepted (each TransportGUID once).
  app.get('/stats', async () => {
    const { rows } = await deps.db.query(
      `SELECT operation, count(*)::int AS accepted, count(*) FILTER (WHERE times_received > 1)::int AS resent FROM gis_sim_objects GROUP BY 1 ORDER BY 1`,
    );
    return { accepted: rows };
  });
}

const nothing = (service: ServiceKey, messageGuid: string) =>
  stateXml(service, messageGuid, 3, {
    error: { code: GIS_ERRORS.nothingToExport, description: 'Нет объектов для экспорта' },
  });

/** The books' last change as the simulator states it (its copy is fixed). */
const NSI_MODIFIED = '2024-01-15T00:00:00+03:00';

/** Answers an export from the simulator's state: NSI books, houses it registered, accounts it accepted. */
async function exportAnswer(
  db: SqlExecutor,
  service: ServiceKey,
  messageGuid: string,
  op: GisOperationName,
  orgPpaGuid: string,
  q: Record<string, string>,
) {
  if (op === 'exportNsiItem') {
    const book = simNsiBook(Number(q.RegistryNumber));
    return book ? nsiItemStateXml(messageGuid, book, NSI_MODIFIED) : nothing(service, messageGuid);
  }
  if (op === 'exportNsiList') return nsiListStateXml(messageGuid, SIM_NSI, NSI_MODIFIED);
  if (op === 'exportOwnerDecision' || op === 'exportVotingProtocol')
    return (await votingExport(db, messageGuid, op, orgPpaGuid, q)) ?? nothing(service, messageGuid);
  if (op === 'exportOrgRegistry') {
    // The register answers for the organisations it holds; an OGRN (and KPP) it does not know is nothing to export.
    const { rows } = await db.query(
      `SELECT org_root_guid::text, org_version_guid::text, full_name, short_name, ogrn, inn, kpp, updated_at::date::text AS edited
         FROM gis_sim_organisations WHERE ogrn = $1 AND ($2::text IS NULL OR kpp = $2) ORDER BY kpp`,
      [q.OGRN ?? '', q.KPP ?? null],
    );
    if (!rows.length) return nothing(service, messageGuid);
    return orgRegistryStateXml(
      messageGuid,
      rows.map((r) => ({
        orgRootGuid: r.org_root_guid,
        orgVersionGuid: r.org_version_guid,
        fullName: r.full_name,
        shortName: r.short_name ?? undefined,
        ogrn: r.ogrn,
        inn: r.inn,
        kpp: r.kpp,
        lastEditingDate: r.edited,
      })),
    );
  }
  if (op === 'exportMeteringDeviceHistory')
    return (await meterHistoryExport(db, orgPpaGuid, q, messageGuid)) ?? nothing(service, messageGuid);
  if (op === 'exportHouseData') {
    const house = await simHouse(db, q.FIASHouseGuid ?? '');
    return house ? houseStateXml(messageGuid, house, new Date().toISOString()) : nothing(service, messageGuid);
  }
  if (op === 'exportAccountData') {
    const list = (v?: string) => (v ? v.toLowerCase().split(' ') : null);
    const { rows } = await db.query(
      `SELECT * FROM (SELECT DISTINCT ON (object_guid) object_guid::text, unique_number, data, accepted_at FROM gis_sim_objects
        WHERE operation = 'importAccountData' AND org_ppa_guid = $1
          AND ($2::text IS NULL OR data->>'fiasHouseGuid' = $2 OR data->>'premisesGuid' IN (
                SELECT p->>'guid' FROM gis_sim_houses h, jsonb_array_elements(h.premises) p WHERE h.fias_house_guid::text = $2))
          AND ($3::text[] IS NULL OR object_guid::text = ANY($3::text[]))
          AND ($4::text[] IS NULL OR lower(data->>'els') = ANY($4::text[]))
        ORDER BY object_guid, accepted_at DESC) latest ORDER BY accepted_at LIMIT 1000`,
      [orgPpaGuid, q.FIASHouseGuid?.toLowerCase() ?? null, list(q.AccountGUID), list(q.UnifiedAccountNumber)],
    );
    if (!rows.length) return nothing(service, messageGuid);
    const accounts: SimAccount[] = rows.map(
      // biome-ignore lint/suspicious/noExplicitAny: the simulator's rows, read loosely
      (r: { object_guid: string; unique_number: string; data: Record<string, any> }) => ({
        accountGuid: r.object_guid,
        uniqueNumber: r.unique_number,
        accountNumber: r.data.accountNumber ?? '',
        els: r.data.els,
        fiasHouseGuid: r.data.fiasHouseGuid,
        premisesGuid: r.data.premisesGuid,
        sharePercent: r.data.sharePercent,
        totalArea: r.data.totalArea,
        payer: r.data.payer,
      }),
    );
    return accountsStateXml(messageGuid, accounts);
  }
  return (await simServiceExport(db, op, orgPpaGuid, q, messageGuid)) ?? nothing(service, messageGuid);
}

const simDigits = (seed: string, n: number) => {
  const h = createHash('sha256').update(seed).digest();
  return Array.from({ length: n }, (_, i) => String(h[i % h.length]! % 10)).join('');
};
const simGuid = (seed: string) => {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

async function simHouse(db: SqlExecutor, fiasHouseGuid: string): Promise<SimHouse | null> {
  const { rows } = await db.query(
    `SELECT fias_house_guid::text AS g, premises, entrances FROM gis_sim_houses WHERE fias_house_guid::text = lower($1)`,
    [fiasHouseGuid],
  );
  const h = rows[0];
  if (!h) return null;
  const number = `${simDigits(h.g, 25)}-${simDigits(`${h.g}:n`, 5)}`;
  return {
    fiasHouseGuid: h.g,
    uniqueNumber: number,
    entrances: Array.from({ length: h.entrances }, (_, i) => ({
      number: String(i + 1),
      guid: simGuid(`${h.g}:entrance:${i + 1}`),
    })),
    premises: (
      h.premises as { number: string; guid: string; residential: boolean; area?: string; entrance?: string }[]
    ).map((p) => ({
      ...p,
      uniqueNumber: `${number}-${p.number}`,
    })),
  };
}

export interface SimOrganisationInput {
  ogrn: string;
  inn: string;
  kpp: string;
  fullName: string;
  shortName?: string;
  /** The version the register states; by default the simulator's own, stable for the OGRN and KPP. */
  orgVersionGuid?: string;
}

/** Adds organisations to the simulator's register of organisations (demo data and tests). */
export async function registerSimOrganisations(db: SqlExecutor, organisations: SimOrganisationInput[]) {
  await db.query(
    `INSERT INTO gis_sim_organisations (ogrn, kpp, inn, full_name, short_name, org_root_guid, org_version_guid)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[])
     ON CONFLICT (ogrn, kpp) DO UPDATE SET inn = EXCLUDED.inn, full_name = EXCLUDED.full_name, short_name = EXCLUDED.short_name,
       org_version_guid = EXCLUDED.org_version_guid, updated_at = now()`,
    [
      organisations.map((o) => o.ogrn),
      organisations.map((o) => o.kpp),
      organisations.map((o) => o.inn),
      organisations.map((o) => o.fullName),
      organisations.map((o) => o.shortName ?? null),
      organisations.map((o) => simGuid(`org:${o.ogrn}`)),
      organisations.map((o) => o.orgVersionGuid ?? simGuid(`org:${o.ogrn}:${o.kpp}:version`)),
    ],
  );
}

export interface SimHouseInput {
  fiasHouseGuid: string;
  entrances?: number;
  premises?: { number: string; residential?: boolean; area?: string; entrance?: string }[];
}

/**
 * Adds houses (and their entrances and premises) to the simulator's registry (demo data and tests). A
 * premise's GUID is the simulator's own, stable for the house and number.
 */
export async function registerSimHouses(db: SqlExecutor, houses: (string | SimHouseInput)[]) {
  const list = houses.map((h) => (typeof h === 'string' ? { fiasHouseGuid: h } : h));
  await db.query(
    `INSERT INTO gis_sim_houses (fias_house_guid, premises, entrances) SELECT * FROM unnest($1::uuid[], $2::jsonb[], $3::int[])
     ON CONFLICT (fias_house_guid) DO UPDATE SET premises = CASE WHEN EXCLUDED.premises = '[]' THEN gis_sim_houses.premises ELSE EXCLUDED.premises END,
       entrances = GREATEST(gis_sim_houses.entrances, EXCLUDED.entrances)`,
    [
      list.map((h) => h.fiasHouseGuid),
      list.map((h) =>
        JSON.stringify(
          (h.premises ?? []).map((p) => ({
            number: p.number,
            residential: p.residential ?? true,
            area: p.area,
            entrance: p.entrance,
            guid: simGuid(`${h.fiasHouseGuid.toLowerCase()}:premise:${p.number}`),
          })),
        ),
      ),
      list.map((h) => h.entrances ?? 0),
    ],
  );
}
