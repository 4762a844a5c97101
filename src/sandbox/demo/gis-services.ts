import type { SqlExecutor } from '../../../contracts/ports.js';
import { addWorkingDays, localDate } from '../../calendar.js';
import { generateSimMeterValue } from '../gis/metering.js';
import { generateSimAppeal, generateSimDebtSubrequests } from '../gis/services.js';
import { DEMO } from './core.js';
import { DEMO_METERS } from './metering.js';

/** The demo organisation's executor as the state system knows it (answers go in her name). */
export const DEMO_EXECUTOR_GUID = '0f6c9b1e-2a3d-4c5b-8e7f-9a0b1c2d3e4f';
const ORG_PPA = '5b3a0c5e-8d0e-4b8a-9a61-3f7c2b1d0e11';
const MOSCOW_FIAS = 'b6f0a7d2-3c41-4e8f-9a2d-6c1e5f4a3b21';
const VLADIVOSTOK_FIAS = 'c7e1b8e3-4d52-4f90-8b3e-7d2f6a5b4c32';

// Demo of the state-system services: the state-system simulator holds an appeal a resident of the Moscow
// house filed in Госуслуги.Дом, a debt request of a social-protection body about flat 13 (whose owner
// Петров has a court decision on record, so the hub proposes "debt") and one about Vladivostok flat 5 left
// past its deadline. The gis.pull schedule (every 5 minutes) brings them into the hub: the appeal in the
// console's appeal queue, the requests in «Запросы о задолженности» (whose «Судебные решения» hold Петров's decision
// and a repaid one). The resident of flat 12 also entered this month's hot-water reading in Госуслуги.Дом: once
// the sweep has placed the meter, the pull's exportMeteringDeviceHistory brings it into his meter history
// («Госуслуги.Дом» as its source).
export async function seedGisServices(db: SqlExecutor, now = new Date()) {
  await seedStateSystemReading(db, now);
  await db.query(
    `UPDATE gis_sync_settings SET executor_guid = $2 WHERE organisation_id = $1 AND executor_guid IS NULL`,
    [DEMO.organisationId, DEMO_EXECUTOR_GUID],
  );
  await db.query(
    `INSERT INTO court_decisions (organisation_id, account_id, case_number, decided_on, amount, debtor_last_name,
       debtor_first_name, debtor_middle_name, created_by)
     VALUES ($1, $2, '2-1187/2026', '2026-04-14', 3846000, 'Петров', 'Сергей', 'Николаевич', 'demo')
     ON CONFLICT (organisation_id, account_id, case_number) DO NOTHING`,
    [DEMO.organisationId, DEMO.accounts.neighbourFlat13],
  );
  // One repaid since (it no longer counts): «Судебные решения» shows both states.
  await db.query(
    `INSERT INTO court_decisions (organisation_id, account_id, case_number, decided_on, amount, debtor_last_name,
       debtor_first_name, debtor_middle_name, repaid_on, created_by)
     VALUES ($1, $2, '2-904/2025', '2025-09-02', 1275000, 'Иванов', 'Иван', 'Иванович', '2026-02-10', 'demo')
     ON CONFLICT (organisation_id, account_id, case_number) DO NOTHING`,
    [DEMO.organisationId, DEMO.accounts.vladivostokFlat5],
  );
  const { rows } = await db.query(`SELECT 1 FROM gis_sim_appeals WHERE org_ppa_guid = $1 LIMIT 1`, [ORG_PPA]);
  if (rows.length) return;
  const today = localDate(now, 'Europe/Moscow');
  await generateSimAppeal(db, {
    orgPpaGuid: ORG_PPA,
    fiasHouseGuid: MOSCOW_FIAS,
    topic: 'Содержание общего имущества',
    text: 'Во втором подъезде третью неделю не закрывается входная дверь: доводчик сломан, в подъезде холодно. Прошу отремонтировать.',
    applicant: {
      lastName: 'Смирнова',
      firstName: 'Ольга',
      middleName: 'Петровна',
      apartment: '27',
      phone: '+79160000027',
    },
    createdOn: addWorkingDays(today, -2),
  });
  await generateSimDebtSubrequests(db, {
    orgPpaGuid: ORG_PPA,
    fiasHouseGuid: MOSCOW_FIAS,
    address: 'г. Москва, ул. Профсоюзная, д. 43, корп. 1',
    apartment: '13',
    sentOn: addWorkingDays(today, -1),
  });
  await generateSimDebtSubrequests(db, {
    orgPpaGuid: ORG_PPA,
    fiasHouseGuid: VLADIVOSTOK_FIAS,
    address: 'Приморский край, г. Владивосток, ул. Светланская, д. 87',
    apartment: '5',
    sentOn: addWorkingDays(today, -8),
  });
}

/** The hot-water meter's serial number, by which the simulator finds the device the hub places later. */
export const DEMO_STATE_SYSTEM_READING_METER = 'ГВ-2020-004512';

async function seedStateSystemReading(db: SqlExecutor, now: Date) {
  const { rows: seeded } = await db.query(`SELECT 1 FROM gis_sim_meter_values WHERE device_number = $1 LIMIT 1`, [
    DEMO_STATE_SYSTEM_READING_METER,
  ]);
  if (seeded.length) return;
  // This month's reading, 3.204 m³ above the meter's last one in the hub.
  const { rows } = await db.query<{ t1: string }>(
    `SELECT (t1 + 3.204)::text AS t1 FROM meter_readings WHERE meter_id = $1 AND superseded_at IS NULL ORDER BY period DESC LIMIT 1`,
    [DEMO_METERS.hotWater],
  );
  if (!rows[0]) return;
  await generateSimMeterValue(db, {
    orgPpaGuid: ORG_PPA,
    deviceNumber: DEMO_STATE_SYSTEM_READING_METER,
    t1: rows[0].t1,
    takenOn: localDate(now, 'Europe/Moscow'),
  });
}
