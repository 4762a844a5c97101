import { upsertOrganisationAccounts } from '../../accounts/org-import.service.js';
import type { Db } from '../../db/pool.js';
import { insertHouseMeter } from '../../metering/meters.repo.js';
import type { FieldCipher } from '../../identity/crypto.js';
import { registerSimHouses, registerSimOrganisations } from '../gis/simulator.js';
import { DEMO } from './core.js';

/** The serial number of the house meter the demo adds through the house meters' route's repository. */
export const DEMO_HOUSE_ELECTRICITY_METER = 'ОДПУ-ЭЭ-3310';

/**
 * Accounts loaded through the organisation's accounts import with their payers' identification: flat 6 of
 * the Vladivostok house is owned by a person known by SNILS only (no profile in the hub), flat 7 by an
 * organisation with its registration data and its version in the state system's register of organisations,
 * flat 8 by an organisation given by OGRN, INN and KPP only: the hub looks its version up in the register
 * (exportOrgRegistry) before the account goes.
 */
export const DEMO_PAYER_ACCOUNTS = {
  personBySnils: { number: '200006', snils: '13579246894' },
  organisation: {
    number: '200007',
    name: 'ООО «Приморская торговая компания»',
    ogrn: '1252500123457',
    inn: '2536123456',
    kpp: '253601001',
    orgVersionGuid: '00000000-0000-4000-8000-000000000751',
  },
  organisationByOgrn: {
    number: '200008',
    name: 'ООО «Дальневосточная сервисная компания»',
    ogrn: '1252500654328',
    inn: '2536987657',
    kpp: '253601001',
  },
};

/** The house meters (ОДПУ) of the demo houses: collective devices in the state system. */
export const DEMO_HOUSE_METERS = {
  moscowHeat: '00000000-0000-4000-8000-000000000701',
  vladivostokColdWater: '00000000-0000-4000-8000-000000000702',
};

// Demo of the state-system exchange: the demo organisation's sync is on and the simulator knows its
// houses with their entrances and premises. The gis.sweep schedule queues what the state system does
// not know yet (the demo accounts, the metering demo's meters and their recent readings, the house
// meters); each waits for the NSI books and the premises' GUIDs it needs (fetched by exportNsiItem and
// exportHouseData first), so they reach the simulator within a few minutes of `npm start`.
export async function seedGisSync(db: Db, cipher: FieldCipher) {
  await db.query(`INSERT INTO gis_sync_settings (organisation_id, enabled) VALUES ($1, true) ON CONFLICT DO NOTHING`, [
    DEMO.organisationId,
  ]);
  const { rows: houses } = await db.query(
    `SELECT h.fias_house_guid::text AS g,
            (SELECT json_agg(json_build_object('number', p.number, 'residential', p.is_residential, 'area', p.area::text) ORDER BY p.number)
               FROM premises p WHERE p.house_id = h.id) AS premises
       FROM houses h WHERE h.organisation_id = $1 AND h.fias_house_guid IS NOT NULL`,
    [DEMO.organisationId],
  );
  // Four entrances of 15 flats each (Moscow), two (Vladivostok): the simulator states each flat's entrance.
  await registerSimHouses(
    db,
    houses.map((h: { g: string; premises: { number: string; residential: boolean; area: string }[] | null }) => {
      const premises = (h.premises ?? []).map((p) => ({
        ...p,
        entrance: /^\d+$/.test(p.number) ? String(Math.ceil(Number(p.number) / 15)) : undefined,
      }));
      return { fiasHouseGuid: h.g, entrances: Math.max(1, ...premises.map((p) => Number(p.entrance ?? 1))), premises };
    }),
  );
  // House meters: heat in Moscow, cold water in Vladivostok (verified every 4 and 6 years).
  await db.query(
    `INSERT INTO meters (id, house_id, resource, serial_number, tariffs, installed_on, sealed_on, verified_on, next_verification)
     VALUES ($1, $3, 'heat', 'ОДПУ-ТС-0451', 1, '2021-09-01', '2021-09-01', '2023-09-01', '2027-09-01'),
            ($2, $4, 'cold_water', 'ОДПУ-ХВ-0087', 1, '2020-03-15', '2020-03-15', '2024-03-15', '2030-03-15')
     ON CONFLICT (id) DO NOTHING`,
    [DEMO_HOUSE_METERS.moscowHeat, DEMO_HOUSE_METERS.vladivostokColdWater, DEMO.houses.moscow, DEMO.houses.vladivostok],
  );
  // A third as the console or the organisation's API adds one (POST /api/v1/org/houses/{houseId}/meters):
  // the Moscow house's two-tariff electricity meter, verified every 16 years.
  await insertHouseMeter(db, DEMO.houses.moscow, {
    resource: 'electricity',
    serialNumber: DEMO_HOUSE_ELECTRICITY_METER,
    tariffs: 2,
    installedOn: '2022-06-01',
    sealedOn: '2022-06-01',
    verifiedOn: '2022-06-01',
    nextVerification: '2038-06-01',
  });
  // Payers: Иванов and Петрова are identified by their SNILS (their ESIA profiles); Петров, who has no
  // profile, by his passport (НСИ 95 code 1), encrypted like every document number.
  await db.query(
    `UPDATE account_owners SET id_doc_type = '1', id_doc_series = '4510', id_doc_number_enc = $2, id_doc_issued_on = '2010-05-20'
      WHERE account_id = $1 AND last_name = 'Петров' AND id_doc_number_enc IS NULL`,
    [DEMO.accounts.neighbourFlat13, cipher.encrypt('123456')],
  );
  // Two accounts as an organisation's import sends them: the payer's SNILS, an organisation's OGRN, INN and
  // KPP (the same rows again change nothing, so each start leaves them as they are).
  const { personBySnils: p, organisation: o, organisationByOgrn: r } = DEMO_PAYER_ACCOUNTS;
  // The state system's register of organisations holds both organisations (the second's version is the simulator's).
  await registerSimOrganisations(db, [
    { ogrn: o.ogrn, inn: o.inn, kpp: o.kpp, fullName: o.name, orgVersionGuid: o.orgVersionGuid },
    { ogrn: r.ogrn, inn: r.inn, kpp: r.kpp, fullName: r.name },
  ]);
  const results = await upsertOrganisationAccounts(
    db,
    { cipher, enqueue: async () => null },
    { organisationId: DEMO.organisationId, actorType: 'person', actorId: DEMO.staff.personId },
    [
      {
        number: p.number,
        houseId: DEMO.houses.vladivostok,
        premiseNumber: '6',
        owners: [{ lastName: 'Ковалёва', firstName: 'Анна', middleName: 'Игоревна', snils: p.snils, share: '1/1' }],
      },
      {
        number: o.number,
        houseId: DEMO.houses.vladivostok,
        premiseNumber: '7',
        owners: [
          {
            share: '1/1',
            organisation: { name: o.name, ogrn: o.ogrn, inn: o.inn, kpp: o.kpp, orgVersionGuid: o.orgVersionGuid },
          },
        ],
      },
      {
        number: r.number,
        houseId: DEMO.houses.vladivostok,
        premiseNumber: '8',
        owners: [{ share: '1/1', organisation: { name: r.name, ogrn: r.ogrn, inn: r.inn, kpp: r.kpp } }],
      },
    ],
  );
  const refused = results.filter((r) => r.status === 'rejected');
  if (refused.length) throw new Error(`demo payer accounts refused: ${JSON.stringify(refused)}`);
}
