import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { GIS_SERVICES, NS } from '../../../contracts/gis/operations.js';
import type { SqlExecutor } from '../../../contracts/ports.js';
import { addMonths, localDate } from '../../calendar.js';
import type { AppDeps } from '../../deps.js';
import { simNsiBook } from './nsi.js';
import { leafXml as leaf } from './results.js';

// The simulator's readings history (device-metering exportMeteringDeviceHistory): the readings the hub
// sent (importMeteringDeviceValues, recorded as accepted) and readings residents enter "in the state
// system" (Госуслуги.Дом), made on demand for tests and the demo. The answer follows the element order
// of the published schema (hcs-device-metering-types.xsd, exportMeteringDeviceHistoryResultType).

const MOSCOW = 'Europe/Moscow';
/** The NSI 2 code of electricity: such devices answer ElectricDeviceValue (T1..T3), the others OneRateDeviceValue. */
const ELECTRICITY = '3';

interface AcceptedValue {
  transportGuid: string;
  fields: Record<string, string>;
}

/** Records the readings of an accepted importMeteringDeviceValues message, each TransportGUID once. */
export async function recordSimMeterValues(db: SqlExecutor, orgPpaGuid: string, items: AcceptedValue[]) {
  if (!items.length) return;
  const f = (k: string) => items.map((i) => i.fields[k] ?? null);
  const period = items.map((i) =>
    i.fields.Year && i.fields.Month ? `${i.fields.Year}-${i.fields.Month.padStart(2, '0')}` : null,
  );
  await db.query(
    `INSERT INTO gis_sim_meter_values (org_ppa_guid, root_guid, transport_guid, t1, t2, t3, date_value, period, entered_by_org)
     SELECT $1, d.root_guid, v.t, v.a, v.b, v.c, v.d, v.p, $1
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[]) v(t, g, a, b, c, d, p)
       JOIN LATERAL (SELECT root_guid FROM gis_sim_objects WHERE operation = 'importMeteringDeviceData'
                      AND (object_guid::text = lower(v.g) OR root_guid::text = lower(v.g)) LIMIT 1) d ON true
     ON CONFLICT (transport_guid) DO NOTHING`,
    [
      orgPpaGuid,
      items.map((i) => i.transportGuid),
      items.map((i) => i.fields.MeteringDeviceVersionGUID ?? i.fields.MeteringDeviceRootGUID ?? ''),
      items.map((i) => i.fields.MeteringValue ?? i.fields.MeteringValueT1 ?? '0'),
      f('MeteringValueT2'),
      f('MeteringValueT3'),
      f('DateValue'),
      period,
    ],
  );
}

export interface SimMeterValueInput {
  orgPpaGuid: string;
  /** The device by its root GUID, or by its number (the demo names a meter before the hub has sent it). */
  meterRootGuid?: string;
  deviceNumber?: string;
  t1: string;
  t2?: string;
  t3?: string;
  /** Default today (Moscow). */
  takenOn?: string;
  period?: string;
  enteredAt?: string;
}

/** A reading a resident enters in the state system (Госуслуги.Дом) for one of the organisation's devices. */
export async function generateSimMeterValue(db: SqlExecutor, v: SimMeterValueInput) {
  const takenOn = v.takenOn ?? localDate(new Date(), MOSCOW);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO gis_sim_meter_values (org_ppa_guid, root_guid, device_number, t1, t2, t3, date_value, period, entered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::timestamptz, now())) RETURNING id`,
    [
      v.orgPpaGuid.toLowerCase(),
      v.meterRootGuid?.toLowerCase() ?? null,
      v.deviceNumber ?? null,
      v.t1,
      v.t2 ?? null,
      v.t3 ?? null,
      takenOn,
      v.period ?? takenOn.slice(0, 7),
      v.enteredAt ?? null,
    ],
  );
  return { id: rows[0]!.id, takenOn };
}

interface HistoryRow {
  root: string;
  resource: string | null;
  t1: string;
  t2: string | null;
  t3: string | null;
  date_value: string;
  period: string | null;
  entered_by_org: string | null;
  entered_at: Date;
}

/**
 * exportMeteringDeviceHistory from the simulator's state: the organisation's devices asked for by root GUID,
 * their readings taken in [inputDateFrom, inputDateTo] (defaults: the 1st of the previous month, today). Null
 * when there is none (INT002012).
 */
export async function meterHistoryExport(
  db: SqlExecutor,
  orgPpaGuid: string,
  q: Record<string, string>,
  messageGuid: string,
): Promise<string | null> {
  const today = localDate(new Date(), MOSCOW);
  const roots = q.MeteringDeviceRootGUID ? q.MeteringDeviceRootGUID.toLowerCase().split(' ') : null;
  const { rows } = await db.query<HistoryRow>(
    `WITH devices AS (
       SELECT DISTINCT ON (root_guid) root_guid, data FROM gis_sim_objects
        WHERE operation = 'importMeteringDeviceData' AND org_ppa_guid = $1 AND root_guid IS NOT NULL
          AND ($2::uuid[] IS NULL OR root_guid = ANY($2::uuid[]))
        ORDER BY root_guid, accepted_at DESC)
     SELECT d.root_guid::text AS root, d.data->>'resource' AS resource, v.t1, v.t2, v.t3, v.date_value::text AS date_value,
            v.period, v.entered_by_org::text AS entered_by_org, v.entered_at
       FROM devices d JOIN gis_sim_meter_values v
         ON v.root_guid = d.root_guid OR (v.root_guid IS NULL AND v.org_ppa_guid = $1 AND v.device_number = d.data->>'number')
      WHERE v.date_value BETWEEN $3::date AND $4::date
      ORDER BY d.root_guid, v.date_value, v.entered_at`,
    [orgPpaGuid, roots, q.inputDateFrom ?? `${addMonths(today.slice(0, 7), -1)}-01`, q.inputDateTo ?? today],
  );
  if (!rows.length) return null;
  const byDevice = new Map<string, HistoryRow[]>();
  for (const r of rows) byDevice.set(r.root, [...(byDevice.get(r.root) ?? []), r]);
  return meterHistoryStateXml(messageGuid, [...byDevice.values()], q.FIASHouseGuid?.split(' ').length !== 1);
}

function meterHistoryStateXml(messageGuid: string, devices: HistoryRow[][], paged: boolean) {
  const s = GIS_SERVICES.deviceMetering;
  const resources = simNsiBook(2)!.elements;
  const period = (p: string | null) =>
    p
      ? `<dm:Period>${leaf('base:Year', p.slice(0, 4))}${leaf('base:Month', String(Number(p.slice(5, 7))))}</dm:Period>`
      : '';
  const value = (r: HistoryRow, electric: boolean) => {
    const resource = resources.find((e) => e.code === (r.resource ?? '1'))!;
    const dials = electric
      ? leaf('mdb:MeteringValueT1', r.t1) +
        (r.t2 ? leaf('mdb:MeteringValueT2', r.t2) : '') +
        (r.t3 ? leaf('mdb:MeteringValueT3', r.t3) : '')
      : `<mdb:MunicipalResource>${leaf('nsi:Code', resource.code)}${leaf('nsi:GUID', resource.guid)}</mdb:MunicipalResource>` +
        leaf('mdb:MeteringValue', r.t1);
    // Who entered it: a citizen (no orgPPAGUID, as the schema says) or an organisation.
    const source = r.entered_by_org
      ? leaf('mdb:ReadingsSource', 'Организация') + leaf('mdb:orgPPAGUID', r.entered_by_org)
      : leaf('mdb:ReadingsSource', 'Гражданин');
    return (
      `<dm:CurrentValue>${dials}${source}${leaf('mdb:EnterIntoSystem', r.entered_at.toISOString())}` +
      `${leaf('dm:DateValue', `${r.date_value}T00:00:00+03:00`)}${period(r.period)}</dm:CurrentValue>`
    );
  };
  const results = devices
    .map((values) => {
      const electric = values[0]!.resource === null || values[0]!.resource === ELECTRICITY;
      const kind = electric ? 'ElectricDeviceValue' : 'OneRateDeviceValue';
      return (
        `<dm:exportMeteringDeviceHistoryResult>${leaf('dm:MeteringDeviceRootGUID', values[0]!.root)}` +
        `<dm:${kind}><dm:Values>${values.map((v) => value(v, electric)).join('')}</dm:Values></dm:${kind}>` +
        '</dm:exportMeteringDeviceHistoryResult>'
      );
    })
    .join('');
  return (
    `<dm:getStateResult xmlns:dm="${NS.dm}" xmlns:base="${NS.base}" xmlns:mdb="${NS.mdb}" xmlns:nsi="${NS.nsi}" base:version="${s.stateVersion}">` +
    `<base:RequestState>3</base:RequestState>${leaf('base:MessageGUID', messageGuid)}${results}` +
    // A request naming other than exactly one house is answered in blocks; the simulator's is always the last.
    (paged ? '<dm:PagedOutput><dm:LastPage>true</dm:LastPage></dm:PagedOutput>' : '') +
    '</dm:getStateResult>'
  );
}

const meterValueBody = z
  .object({
    orgPpaGuid: z.uuid(),
    meterRootGuid: z.uuid().optional(),
    deviceNumber: z.string().min(1).max(50).optional(),
    t1: z.string().regex(/^\d{1,15}(\.\d{1,7})?$/),
    t2: z
      .string()
      .regex(/^\d{1,15}(\.\d{1,7})?$/)
      .optional(),
    t3: z
      .string()
      .regex(/^\d{1,15}(\.\d{1,7})?$/)
      .optional(),
    takenOn: z.iso.date().optional(),
    period: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
  })
  .refine((b) => b.meterRootGuid || b.deviceNumber, { message: 'name the device by meterRootGuid or deviceNumber' });

/** Sandbox helper: a reading a resident entered in the state system, on demand (tests and the demo). */
export async function simMeteringRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/meter-values', async (request, reply) => {
    const body = meterValueBody.parse(request.body);
    return reply.code(201).send(await generateSimMeterValue(deps.db, body));
  });
}
