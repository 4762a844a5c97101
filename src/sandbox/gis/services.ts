import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { GIS_ERRORS, GIS_SERVICES, NS, type GisOperationName } from '../../../contracts/gis/operations.js';
import type { SqlExecutor } from '../../../contracts/ports.js';
import { addWorkingDays, localDate } from '../../calendar.js';
import type { AppDeps } from '../../deps.js';
import { leafXml as leaf, type SimItemResult } from './results.js';
import { attachmentHashMismatch, type AttachmentHashing, hashRefusal, type SimAttachment } from './file-store.js';

// The simulator's appeals (appeals service), debt subrequests (debt-requests service) and notices
// (house management importNotificationData): their state, the answers of their exports in the element
// order of the published schemas, and the sandbox routes that make appeals and subrequests on demand.

const MOSCOW = 'Europe/Moscow';
/** exportDSRsRequest answers in blocks of 100 subrequests (the schema's documentation). */
export const SIM_DSR_PAGE = 100;
/** The state system's answer period for a debt subrequest: 5 working days from sending. */
export const DSR_ANSWER_WORKING_DAYS = 5;

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

export interface SimAppealInput {
  orgPpaGuid: string;
  fiasHouseGuid?: string;
  topic?: string;
  text?: string;
  applicant?: {
    lastName: string;
    firstName: string;
    middleName?: string;
    apartment?: string;
    email?: string;
    phone?: string;
  };
  createdOn?: string;
  answererGuid?: string;
}

/** An appeal a resident files through the state system (or Госуслуги.Дом), addressed to the organisation. */
export async function generateSimAppeal(db: SqlExecutor, a: SimAppealInput) {
  const createdOn = a.createdOn ?? localDate(new Date(), MOSCOW);
  const guid = randomUUID();
  const number = `${createdOn.slice(0, 4)}-${digits(8)}`;
  await db.query(
    `INSERT INTO gis_sim_appeals (appeal_guid, org_ppa_guid, number, created_on, topic, text, fias_house_guid, applicant,
       answerer_guid, execution_end_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      guid,
      a.orgPpaGuid.toLowerCase(),
      number,
      createdOn,
      a.topic ?? 'Качество содержания общего имущества',
      a.text ?? 'В подъезде не работает освещение на 3 и 4 этажах. Прошу устранить.',
      a.fiasHouseGuid?.toLowerCase() ?? null,
      JSON.stringify(
        a.applicant ?? {
          lastName: 'Смирнова',
          firstName: 'Ольга',
          middleName: 'Петровна',
          apartment: '7',
          phone: '+79160000007',
        },
      ),
      a.answererGuid ?? null,
      // Housing appeals to a managing organisation: 10 working days (ПП РФ № 416, п. 36), as the state system states it.
      addWorkingDays(createdOn, 10),
    ],
  );
  return { appealGuid: guid, number };
}

export interface SimDebtSubrequestInput {
  orgPpaGuid: string;
  fiasHouseGuid: string;
  premisesGuid?: string;
  address?: string;
  apartment?: string;
  sentOn?: string;
  periodFrom?: string;
  periodTo?: string;
  count?: number;
}

/** Subrequests of a social-protection body about court-confirmed debt of a premise, due in 5 working days. */
export async function generateSimDebtSubrequests(db: SqlExecutor, r: SimDebtSubrequestInput) {
  const sentOn = r.sentOn ?? localDate(new Date(), MOSCOW);
  const count = r.count ?? 1;
  const year = Number(sentOn.slice(0, 4));
  const out: { subrequestGuid: string; requestNumber: string; responseDue: string }[] = [];
  for (let i = 0; i < count; i++) {
    const subrequestGuid = randomUUID();
    const requestNumber = `${sentOn.slice(0, 4)}-СЗН-${digits(6)}`;
    const responseDue = addWorkingDays(sentOn, DSR_ANSWER_WORKING_DAYS);
    await db.query(
      `INSERT INTO gis_sim_debt_subrequests (subrequest_guid, org_ppa_guid, request_guid, request_number, requester,
         fias_house_guid, premises_guid, address, address_details, period_from, period_to, sent_on, response_due)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        subrequestGuid,
        r.orgPpaGuid.toLowerCase(),
        randomUUID(),
        requestNumber,
        'ГКУ «Центр социальных выплат»',
        r.fiasHouseGuid.toLowerCase(),
        r.premisesGuid?.toLowerCase() ?? null,
        r.address ?? 'г. Москва, ул. Лесная, д. 5',
        r.apartment ? `кв. ${r.apartment}` : null,
        r.periodFrom ?? `${year - 1}-${sentOn.slice(5, 7)}-01`,
        r.periodTo ?? sentOn,
        sentOn,
        responseDue,
      ],
    );
    out.push({ subrequestGuid, requestNumber, responseDue });
  }
  return out;
}

type Item = {
  transportGuid: string;
  fields: Record<string, string>;
  files?: SimAttachment[];
  hashedBy?: AttachmentHashing;
};

/** The refusal of an item of the services above, or null to accept it. */
export async function simServiceRefusal(
  db: SqlExecutor,
  operation: GisOperationName,
  orgPpaGuid: string,
  item: Item,
): Promise<SimItemResult | null> {
  const t = item.transportGuid.toLowerCase();
  const f = item.fields;
  const missing = (what: string): SimItemResult => ({
    transportGuid: t,
    ok: false,
    code: GIS_ERRORS.notFound,
    description: `${what} не найден(о) в реестре`,
  });
  const exists = async (sql: string, value: string) => (await db.query(sql, [value, orgPpaGuid])).rows.length > 0;
  if (operation === 'importAnswer') {
    const ok = await exists(
      `SELECT 1 FROM gis_sim_appeals WHERE appeal_guid::text = lower($1) AND org_ppa_guid = $2::uuid`,
      f.AppealGUID ?? '',
    );
    if (!ok) return missing('Обращение');
    // The answer's files must be in the organisation's file store (uploaded before the message).
    const guids = (item.files ?? []).map((a) => a.guid);
    if (!guids.length) return null;
    const { rows } = await db.query(
      `SELECT 1 FROM gis_sim_files WHERE org_ppa_guid = $1::uuid AND upload_id::text = ANY($2::text[])`,
      [orgPpaGuid, guids],
    );
    if (rows.length !== new Set(guids).size) return missing('Вложение в файловом хранилище');
    // Each AttachmentHASH must be the hash of the bytes the store holds (the hub's GOST R 34.11-2012).
    const bad = await attachmentHashMismatch(db, orgPpaGuid, item.files ?? [], item.hashedBy ?? 'gost');
    return bad ? hashRefusal(t, bad) : null;
  }
  if (operation === 'importResponses') {
    const ok = await exists(
      `SELECT 1 FROM gis_sim_debt_subrequests WHERE subrequest_guid::text = lower($1) AND org_ppa_guid = $2::uuid`,
      f.subrequestGUID ?? '',
    );
    return ok ? null : missing('Подзапрос о наличии задолженности');
  }
  if (operation === 'importNotificationData') {
    if (f._recall) {
      const ok = await exists(
        `SELECT 1 FROM gis_sim_objects WHERE operation = 'importNotificationData' AND object_guid::text = lower($1) AND org_ppa_guid = $2::uuid`,
        f.NotificationGUID ?? '',
      );
      return ok ? null : missing('Новость');
    }
    const house = await exists(
      `SELECT 1 FROM gis_sim_houses WHERE fias_house_guid::text = lower($1) AND $2::uuid IS NOT NULL`,
      f.FIASHouseGuid ?? '',
    );
    return house ? null : missing('Дом');
  }
  return null;
}

/** What an accepted item changes in the simulator's state (the appeal answered with its files, the subrequest's response). */
export async function simServiceAccepted(db: SqlExecutor, operation: GisOperationName, item: Item, objectGuid: string) {
  const f = item.fields;
  const today = localDate(new Date(), MOSCOW);
  if (operation === 'importAnswer')
    await db.query(
      `UPDATE gis_sim_appeals SET status = 'Executed', answer = $2::jsonb WHERE appeal_guid::text = lower($1)`,
      [
        f.AppealGUID,
        JSON.stringify({
          guid: objectGuid,
          text: f.AnswerText ?? '',
          sentOn: today,
          answerer: f.AnswererGUID,
          attachments: item.files ?? [],
        }),
      ],
    );
  if (operation === 'importResponses')
    await db.query(
      `UPDATE gis_sim_debt_subrequests SET response_status = 'Sent', response = $2::jsonb WHERE subrequest_guid::text = lower($1)`,
      [f.subrequestGUID, JSON.stringify({ hasDebt: f.hasDebt === 'true', description: f.description, sentOn: today })],
    );
}

function open(service: 'appeals' | 'debtRequests') {
  const s = GIS_SERVICES[service];
  return {
    start: `<${s.prefix}:getStateResult xmlns:${s.prefix}="${NS[s.prefix]}" xmlns:base="${NS.base}" xmlns:nsi="${NS.nsi}" base:version="${s.stateVersion}">`,
    end: `</${s.prefix}:getStateResult>`,
  };
}
const processed = (messageGuid: string) =>
  `<base:RequestState>3</base:RequestState>${leaf('base:MessageGUID', messageGuid)}`;

export interface SimAppeal {
  appeal_guid: string;
  number: string;
  created_on: string;
  topic: string;
  text: string;
  fias_house_guid: string | null;
  applicant: {
    lastName: string;
    firstName: string;
    middleName?: string;
    apartment?: string;
    email?: string;
    phone?: string;
  };
  answerer_guid: string | null;
  status: string;
  execution_end_date: string | null;
  answer: { guid: string; text: string; sentOn: string; answerer?: string; attachments?: SimAttachment[] } | null;
}

/** exportAppeal's answer: ExportAppealResult per appeal (exportAppealResultType), its answer in AppealHistory. */
export function appealsStateXml(messageGuid: string, appeals: SimAppeal[]) {
  const o = open('appeals');
  const body = appeals
    .map((a) => {
      const p = a.applicant;
      const history = a.answer
        ? `<ap:AppealHistory>${leaf('ap:ChangeDate', a.answer.sentOn)}<ap:Answer>${leaf('ap:AnswerGUID', a.answer.guid)}` +
          `${leaf('ap:SendAnswerDate', a.answer.sentOn)}<ap:Answerer>${leaf('ap:AnswererGUID', a.answer.answerer ?? a.answerer_guid ?? randomUUID())}</ap:Answerer>` +
          `${leaf('ap:AnswerText', a.answer.text)}${leaf('ap:AnswerIsSent', 'true')}</ap:Answer></ap:AppealHistory>`
        : '';
      return (
        `<ap:ExportAppealResult>${leaf('ap:AppealGUID', a.appeal_guid)}` +
        `<ap:ApplicantInfo><ap:Person>${leaf('ap:Surname', p.lastName)}${leaf('ap:FirstName', p.firstName)}${leaf('ap:Patronymic', p.middleName)}</ap:Person>` +
        `${leaf('ap:ApartmentNumber', p.apartment)}${leaf('ap:Email', p.email)}${leaf('ap:PhoneNumber', p.phone)}</ap:ApplicantInfo>` +
        `${leaf('ap:AppealNumber', a.number)}${leaf('ap:AppealCreateDate', a.created_on)}${leaf('ap:AnotherTopic', a.topic)}` +
        `${leaf('ap:FIASHouseGuid', a.fias_house_guid ?? undefined)}<ap:OKTMO>${leaf('base:code', '45000000')}</ap:OKTMO>` +
        `${leaf('ap:AppealText', a.text)}${leaf('ap:AnswererGUID', a.answerer_guid ?? undefined)}${history}` +
        `${leaf('ap:AppealStatus', a.status)}${leaf('ap:ExecutionEndDate', a.execution_end_date ?? undefined)}</ap:ExportAppealResult>`
      );
    })
    .join('');
  return o.start + processed(messageGuid) + body + o.end;
}

export interface SimDebtSubrequest {
  subrequest_guid: string;
  request_guid: string;
  request_number: string;
  requester: string;
  fias_house_guid: string;
  premises_guid: string | null;
  address: string;
  address_details: string | null;
  period_from: string;
  period_to: string;
  sent_on: string;
  response_due: string;
  response_status: string;
  response: { hasDebt: boolean; description?: string } | null;
}

const ORG_ROOT = '00000000-0000-4000-8000-00000000c52e';
const EXECUTOR = '00000000-0000-4000-8000-0000000e0ec0';

/** exportDSRsResult: one block of subrequests (DSRType) and the next block's first GUID, or lastPage. */
export function debtSubrequestsStateXml(messageGuid: string, items: SimDebtSubrequest[], next: string | null) {
  const o = open('debtRequests');
  const executor = `<drs:executorInfo>${leaf('drs:GUID', EXECUTOR)}${leaf('drs:fio', 'Кузнецова Анна Сергеевна')}</drs:executorInfo>`;
  const body = items
    .map(
      (s) =>
        `<drs:subrequestData>${leaf('drs:subrequestGUID', s.subrequest_guid)}<drs:requestInfo>${leaf('drs:requestGUID', s.request_guid)}` +
        `${leaf('drs:requestNumber', s.request_number)}<drs:organization>${leaf('drs:orgRootGUID', ORG_ROOT)}${leaf('drs:name', s.requester)}</drs:organization>` +
        `<drs:housingFundObject>${
          s.premises_guid
            ? leaf('drs:HMobjectGUID', s.premises_guid) + leaf('drs:adressType', 'Apartment')
            : leaf('drs:houseGUID', s.fias_house_guid) + leaf('drs:addressDetails', s.address_details ?? undefined)
        }${leaf('drs:fiasHouseGUID', s.fias_house_guid)}${leaf('drs:address', s.address)}</drs:housingFundObject>` +
        `<drs:period>${leaf('base:startDate', s.period_from)}${leaf('base:endDate', s.period_to)}</drs:period>` +
        `${leaf('drs:status', 'Sent')}${leaf('drs:sentDate', s.sent_on)}${leaf('drs:responseDate', s.response_due)}${executor}</drs:requestInfo>` +
        `${leaf('drs:responseStatus', s.response_status)}` +
        (s.response
          ? `<drs:responseData>${leaf('drs:hasDebt', String(s.response.hasDebt))}${leaf('drs:description', s.response.description)}${executor}</drs:responseData>`
          : '') +
        `</drs:subrequestData>`,
    )
    .join('');
  const paged = `<drs:pagedOutput>${next ? leaf('drs:nextSubrequestGUID', next) : leaf('drs:lastPage', 'true')}</drs:pagedOutput>`;
  return `${o.start}${processed(messageGuid)}<drs:exportDSRsResult>${body}${paged}</drs:exportDSRsResult>${o.end}`;
}

/** The answers of the exports above from the simulator's state, or null when there is nothing (INT002012). */
export async function simServiceExport(
  db: SqlExecutor,
  operation: GisOperationName,
  orgPpaGuid: string,
  q: Record<string, string>,
  messageGuid: string,
): Promise<string | null> {
  if (operation === 'exportAppeal') {
    const guids = q.AppealGUID ? q.AppealGUID.toLowerCase().split(' ') : null;
    const { rows } = await db.query<SimAppeal>(
      `SELECT appeal_guid::text, number, created_on::text, topic, text, fias_house_guid::text, applicant, answerer_guid::text,
              status, execution_end_date::text, answer
         FROM gis_sim_appeals
        WHERE org_ppa_guid = $1::uuid AND ($2::text[] IS NULL OR appeal_guid::text = ANY($2))
          AND ($3::date IS NULL OR created_on >= $3) AND ($4::date IS NULL OR created_on <= $4)
        ORDER BY created_on, number LIMIT 1000`,
      [orgPpaGuid, guids, q.StartDate ?? null, q.EndDate ?? null],
    );
    return rows.length ? appealsStateXml(messageGuid, rows) : null;
  }
  if (operation === 'exportDebtSubrequests') {
    // Past its deadline without an answer, the state system answers "no debt" itself (AutoGenerated).
    await db.query(
      `UPDATE gis_sim_debt_subrequests SET response_status = 'AutoGenerated',
              response = '{"hasDebt": false, "description": "Ответ сформирован автоматически: срок предоставления ответа истёк"}'
        WHERE org_ppa_guid = $1::uuid AND response_status = 'NotSent' AND response_due < $2::date`,
      [orgPpaGuid, localDate(new Date(), MOSCOW)],
    );
    const { rows } = await db.query<SimDebtSubrequest & { n: number }>(
      `SELECT subrequest_guid::text, request_guid::text, request_number, requester, fias_house_guid::text, premises_guid::text,
              address, address_details, period_from::text, period_to::text, sent_on::text, response_due::text, response_status, response
         FROM gis_sim_debt_subrequests
        WHERE org_ppa_guid = $1::uuid AND sent_on BETWEEN $2::date AND $3::date
          AND ($4::uuid IS NULL OR (sent_on, subrequest_guid) >= (SELECT sent_on, subrequest_guid FROM gis_sim_debt_subrequests WHERE subrequest_guid = $4::uuid))
        ORDER BY sent_on, subrequest_guid LIMIT $5`,
      [orgPpaGuid, q.startDate, q.endDate, q.exportSubrequestGUID ?? null, SIM_DSR_PAGE + 1],
    );
    if (!rows.length) return null;
    const next = rows.length > SIM_DSR_PAGE ? rows[SIM_DSR_PAGE]!.subrequest_guid : null;
    return debtSubrequestsStateXml(messageGuid, rows.slice(0, SIM_DSR_PAGE), next);
  }
  return null;
}

const appealBody = z.object({
  orgPpaGuid: z.uuid(),
  fiasHouseGuid: z.uuid().optional(),
  topic: z.string().min(1).max(250).optional(),
  text: z.string().min(1).max(10000).optional(),
  createdOn: z.iso.date().optional(),
  answererGuid: z.uuid().optional(),
  applicant: z
    .object({
      lastName: z.string().min(1),
      firstName: z.string().min(1),
      middleName: z.string().optional(),
      apartment: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
    })
    .optional(),
});
const subrequestBody = z.object({
  orgPpaGuid: z.uuid(),
  fiasHouseGuid: z.uuid(),
  premisesGuid: z.uuid().optional(),
  address: z.string().min(1).max(4000).optional(),
  apartment: z.string().optional(),
  sentOn: z.iso.date().optional(),
  periodFrom: z.iso.date().optional(),
  periodTo: z.iso.date().optional(),
  count: z.number().int().min(1).max(500).optional(),
});

/** Sandbox helpers: an appeal or debt subrequests addressed to an organisation, on demand (tests and the demo). */
export async function simServiceRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/appeals', async (request, reply) => {
    const body = appealBody.parse(request.body);
    return reply.code(201).send(await generateSimAppeal(deps.db, body));
  });
  app.post('/debt-subrequests', async (request, reply) => {
    const body = subrequestBody.parse(request.body);
    return reply.code(201).send({ subrequests: await generateSimDebtSubrequests(deps.db, body) });
  });
}
