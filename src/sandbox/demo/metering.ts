import type { SqlExecutor } from '../../../contracts/ports.js';
import { DEMO } from './core.js';

export const DEMO_METERS = {
  coldWater: '00000000-0000-4000-8000-000000000501',
  hotWater: '00000000-0000-4000-8000-000000000502',
  electricity: '00000000-0000-4000-8000-000000000503',
  heat: '00000000-0000-4000-8000-000000000504',
  gas: '00000000-0000-4000-8000-000000000505',
  vladivostokColdWater: '00000000-0000-4000-8000-000000000511',
  vladivostokElectricity: '00000000-0000-4000-8000-000000000512',
} as const;

/**
 * Meters on the demo accounts (cold and hot water, a three-tariff electricity meter, heat, gas)
 * with five months of readings before the current one; the hot-water meter's verification is due
 * in three weeks. Dates are relative to the first seeding; later starts leave the rows alone.
 */
export async function seedMetering(db: SqlExecutor) {
  const flat12 = DEMO.accounts.citizenFlat12;
  const vl5 = DEMO.accounts.vladivostokFlat5;
  await db.query(
    `INSERT INTO meters (id, account_id, resource, serial_number, tariffs, digit_capacity, installed_on, sealed_on, verified_on, next_verification)
     SELECT v.id::uuid, v.account::uuid, v.resource, v.serial, v.tariffs, v.digits, v.installed::date, v.installed::date,
            v.installed::date, v.next::date
       FROM (VALUES
         ($1, $8, 'cold_water',  'ХВ-2019-118934', 1, 5, '2019-03-14', '2031-03-14'),
         ($2, $8, 'hot_water',   'ГВ-2020-004512', 1, 5, '2020-02-03', (current_date + 21)::text),
         ($3, $8, 'electricity', '011552087640310', 3, 6, '2021-06-10', '2037-06-10'),
         ($4, $8, 'heat',        'ТС-45110982', 1, 4, '2022-09-01', '2028-09-01'),
         ($5, $8, 'gas',         'BK-G4-7712043', 1, 5, '2018-11-20', '2028-11-20'),
         ($6, $9, 'cold_water',  'ХВ-2021-550017', 1, 5, '2021-04-22', '2027-04-22'),
         ($7, $9, 'electricity', '011552087655120', 1, 6, '2020-08-15', '2036-08-15')
       ) v(id, account, resource, serial, tariffs, digits, installed, next)
     ON CONFLICT DO NOTHING`,
    [
      DEMO_METERS.coldWater,
      DEMO_METERS.hotWater,
      DEMO_METERS.electricity,
      DEMO_METERS.heat,
      DEMO_METERS.gas,
      DEMO_METERS.vladivostokColdWater,
      DEMO_METERS.vladivostokElectricity,
      flat12,
      vl5,
    ],
  );
  // Monthly readings for the five periods before the current one: start value + n × monthly use.
  await db.query(
    `INSERT INTO meter_readings (meter_id, period, taken_on, t1, t2, t3, source, submitted_by)
     SELECT v.meter::uuid, to_char(d, 'YYYY-MM'), (d + interval '19 days')::date,
            v.t1 + n * v.u1, v.t2 + n * v.u2, v.t3 + n * v.u3, 'resident', $8
       FROM (VALUES
         ($1, 412.318::numeric, 5.842::numeric, NULL::numeric, NULL::numeric, NULL::numeric, NULL::numeric),
         ($2, 188.004, 3.117, NULL, NULL, NULL, NULL),
         ($3, 3605.962, 142.500, 1402.118, 61.250, 2210.305, 95.125),
         ($4, 31.407, 0.815, NULL, NULL, NULL, NULL),
         ($5, 2890.115, 21.340, NULL, NULL, NULL, NULL),
         ($6, 97.230, 4.905, NULL, NULL, NULL, NULL),
         ($7, 15220.400, 180.000, NULL, NULL, NULL, NULL)
       ) v(meter, t1, u1, t2, u2, t3, u3)
       CROSS JOIN generate_series(0, 4) n
       CROSS JOIN LATERAL (SELECT date_trunc('month', now() AT TIME ZONE 'Europe/Moscow')::date - make_interval(months => 5 - n) AS d) p
      WHERE NOT EXISTS (SELECT 1 FROM meter_readings r WHERE r.meter_id = v.meter::uuid)`,
    [
      DEMO_METERS.coldWater,
      DEMO_METERS.hotWater,
      DEMO_METERS.electricity,
      DEMO_METERS.heat,
      DEMO_METERS.gas,
      DEMO_METERS.vladivostokColdWater,
      DEMO_METERS.vladivostokElectricity,
      DEMO.citizen.personId,
    ],
  );
}
