import type { SqlExecutor } from '../../../contracts/ports.js';
import type { FieldCipher } from '../../identity/crypto.js';
import { BUILT_IN_ROLES, type BuiltInRole } from '../../../contracts/permissions.js';

// Fixed ids, so that seeding is idempotent and docs and scripts can name the demo objects.
export const DEMO = {
  organisationId: '00000000-0000-4000-8000-000000000001',
  houses: {
    moscow: '00000000-0000-4000-8000-000000000101',
    vladivostok: '00000000-0000-4000-8000-000000000102',
  },
  citizen: {
    personId: '00000000-0000-4000-8000-000000000201',
    subject: '1000000001',
    snils: '11223344595',
  },
  neighbour: {
    personId: '00000000-0000-4000-8000-000000000202',
    subject: '1000000002',
    snils: '12345678964',
  },
  staff: {
    personId: '00000000-0000-4000-8000-000000000203',
    subject: '1000000003',
    snils: '08765432102',
  },
  /** The organisation's staff in the other built-in roles (the sandbox provider lists them by role). */
  team: {
    dispatcher: { personId: '00000000-0000-4000-8000-000000000206', subject: '1000000006', snils: '14523698776' },
    accountant: { personId: '00000000-0000-4000-8000-000000000207', subject: '1000000007', snils: '15623478979' },
    meeting_admin: { personId: '00000000-0000-4000-8000-000000000208', subject: '1000000008', snils: '16782345905' },
    read_only: { personId: '00000000-0000-4000-8000-000000000209', subject: '1000000009', snils: '17823456999' },
  },
  accounts: {
    citizenFlat12: '00000000-0000-4000-8000-000000000301',
    neighbourFlat13: '00000000-0000-4000-8000-000000000302',
    vladivostokFlat5: '00000000-0000-4000-8000-000000000303',
  },
} as const;

const teamMember = (role: keyof typeof DEMO.team) => ({
  id: DEMO.team[role].personId,
  subject: DEMO.team[role].subject,
  snils: DEMO.team[role].snils,
});

interface DemoPerson {
  id: string;
  subject: string;
  last: string;
  first: string;
  middle: string;
  birth: string;
  snils: string;
  email: string;
}

/** The organisation, two houses with premises, two residents, the organisation's staff and the accounts. */
export async function seedCore(db: SqlExecutor, cipher: FieldCipher) {
  await db.query(
    `INSERT INTO organisations (id, name, inn, kpp, ogrn, gis_ppa_guid)
     VALUES ($1, 'ООО «УК Домхаб»', '7701234560', '770101001', '1027700000001', '5b3a0c5e-8d0e-4b8a-9a61-3f7c2b1d0e11')
     ON CONFLICT (id) DO NOTHING`,
    [DEMO.organisationId],
  );
  await db.query(
    `INSERT INTO houses (id, fias_house_guid, gis_unique_number, region, municipality, settlement, street, house_number,
                         building, postal_code, full_address, total_area, timezone, organisation_id)
     VALUES ($1, 'b6f0a7d2-3c41-4e8f-9a2d-6c1e5f4a3b21', '0000000000000000000000001-00001', 'г. Москва', NULL, 'г. Москва',
             'ул. Профсоюзная', '43', '1', '117420', 'г. Москва, ул. Профсоюзная, д. 43, корп. 1', 4230.50, 'Europe/Moscow', $3),
            ($2, 'c7e1b8e3-4d52-4f90-8b3e-7d2f6a5b4c32', '0000000000000000000000002-00001', 'Приморский край', 'Владивостокский городской округ',
             'г. Владивосток', 'ул. Светланская', '87', NULL, '690001', 'Приморский край, г. Владивосток, ул. Светланская, д. 87', 1820.00,
             'Asia/Vladivostok', $3)
     ON CONFLICT (id) DO NOTHING`,
    [DEMO.houses.moscow, DEMO.houses.vladivostok, DEMO.organisationId],
  );
  // Moscow: 60 flats of 45.50–78.30 m²; Vladivostok: 30 flats.
  await db.query(
    `INSERT INTO premises (house_id, number, is_residential, area)
     SELECT $1::uuid, n::text, true, (45.50 + (n % 7) * 5.47)::numeric(10,2) FROM generate_series(1, 60) n
     UNION ALL
     SELECT $2::uuid, n::text, true, (38.20 + (n % 5) * 6.10)::numeric(10,2) FROM generate_series(1, 30) n
     ON CONFLICT (house_id, number) DO NOTHING`,
    [DEMO.houses.moscow, DEMO.houses.vladivostok],
  );

  const people: DemoPerson[] = [
    {
      id: DEMO.citizen.personId,
      subject: DEMO.citizen.subject,
      last: 'Иванов',
      first: 'Иван',
      middle: 'Иванович',
      birth: '1980-04-12',
      snils: DEMO.citizen.snils,
      email: 'ivanov@example.ru',
    },
    {
      id: DEMO.neighbour.personId,
      subject: DEMO.neighbour.subject,
      last: 'Петрова',
      first: 'Мария',
      middle: 'Сергеевна',
      birth: '1975-09-30',
      snils: DEMO.neighbour.snils,
      email: 'petrova@example.ru',
    },
    {
      id: DEMO.staff.personId,
      subject: DEMO.staff.subject,
      last: 'Смирнова',
      first: 'Ольга',
      middle: 'Викторовна',
      birth: '1988-01-21',
      snils: DEMO.staff.snils,
      email: 'smirnova@uk-domhub.example.ru',
    },
    {
      ...teamMember('dispatcher'),
      last: 'Орлов',
      first: 'Денис',
      middle: 'Андреевич',
      birth: '1990-02-05',
      email: 'orlov@uk-domhub.example.ru',
    },
    {
      ...teamMember('accountant'),
      last: 'Васильева',
      first: 'Елена',
      middle: 'Игоревна',
      birth: '1984-06-17',
      email: 'vasilyeva@uk-domhub.example.ru',
    },
    {
      ...teamMember('meeting_admin'),
      last: 'Морозов',
      first: 'Павел',
      middle: 'Сергеевич',
      birth: '1979-10-22',
      email: 'morozov@uk-domhub.example.ru',
    },
    {
      ...teamMember('read_only'),
      last: 'Лебедева',
      first: 'Ирина',
      middle: 'Олеговна',
      birth: '1993-03-09',
      email: 'lebedeva@uk-domhub.example.ru',
    },
  ];
  for (const p of people) {
    await db.query(
      `INSERT INTO persons (id, provider, subject, last_name, first_name, middle_name, birth_date, snils_enc, snils_hash, email, email_verified)
       VALUES ($1, 'esia', $2, $3, $4, $5, $6, $7, $8, $9, true)
       ON CONFLICT (id) DO NOTHING`,
      [
        p.id,
        p.subject,
        p.last,
        p.first,
        p.middle,
        p.birth,
        cipher.encrypt(p.snils),
        cipher.blindIndex(p.snils),
        p.email,
      ],
    );
  }
  // Смирнова administers; each of the team holds one other built-in role.
  const staff: [string, BuiltInRole][] = [
    [DEMO.staff.personId, 'admin'],
    ...Object.entries(DEMO.team).map(([role, m]): [string, BuiltInRole] => [m.personId, role as BuiltInRole]),
  ];
  await db.query(
    `INSERT INTO org_staff (organisation_id, person_id, role_id)
     SELECT $1, x.person_id, x.role_id FROM unnest($2::uuid[], $3::uuid[]) AS x (person_id, role_id)
     ON CONFLICT DO NOTHING`,
    [DEMO.organisationId, staff.map(([p]) => p), staff.map(([, role]) => BUILT_IN_ROLES[role].id)],
  );

  await db.query(
    `INSERT INTO accounts (id, organisation_id, house_id, premise_id, number, unified_number, service_id)
     SELECT a.id::uuid, $1, a.house::uuid, p.id, a.number, a.els, a.els || '-01'
       FROM (VALUES ($2, $5, '12', '100012', '75DA533315'),
                    ($3, $5, '13', '100013', '75DA533316'),
                    ($4, $6, '5',  '200005', '25VL000005')) a(id, house, flat, number, els)
       JOIN premises p ON p.house_id = a.house::uuid AND p.number = a.flat
     ON CONFLICT (id) DO NOTHING`,
    [
      DEMO.organisationId,
      DEMO.accounts.citizenFlat12,
      DEMO.accounts.neighbourFlat13,
      DEMO.accounts.vladivostokFlat5,
      DEMO.houses.moscow,
      DEMO.houses.vladivostok,
    ],
  );
  await db.query(
    `INSERT INTO account_owners (account_id, last_name, first_name, middle_name, share_numerator, share_denominator, title_document, person_id)
     SELECT v.a, v.last, v.first, v.middle, v.num, v.den, v.doc, v.p
       FROM (VALUES ($1::uuid, 'Иванов', 'Иван', 'Иванович', 1, 1, '77:06:0004001:1234-77/011/2015-1', $2::uuid),
                    ($3::uuid, 'Петрова', 'Мария', 'Сергеевна', 1, 2, '77:06:0004001:1235-77/011/2018-1', $4::uuid),
                    ($3::uuid, 'Петров', 'Сергей', 'Иванович', 1, 2, '77:06:0004001:1235-77/011/2018-2', NULL::uuid),
                    ($5::uuid, 'Иванов', 'Иван', 'Иванович', 1, 1, '25:28:0000000:555-25/001/2020-1', $2::uuid))
            v(a, last, first, middle, num, den, doc, p)
      WHERE NOT EXISTS (SELECT 1 FROM account_owners o WHERE o.account_id = v.a AND o.last_name = v.last)`,
    [
      DEMO.accounts.citizenFlat12,
      DEMO.citizen.personId,
      DEMO.accounts.neighbourFlat13,
      DEMO.neighbour.personId,
      DEMO.accounts.vladivostokFlat5,
    ],
  );
  await db.query(
    `INSERT INTO account_links (account_id, person_id, role)
     SELECT a, p, 'owner' FROM (VALUES ($1::uuid, $2::uuid), ($3::uuid, $4::uuid), ($5::uuid, $2::uuid)) v(a, p)
     WHERE NOT EXISTS (SELECT 1 FROM account_links l WHERE l.account_id = v.a AND l.person_id = v.p AND l.revoked_at IS NULL)`,
    [
      DEMO.accounts.citizenFlat12,
      DEMO.citizen.personId,
      DEMO.accounts.neighbourFlat13,
      DEMO.neighbour.personId,
      DEMO.accounts.vladivostokFlat5,
    ],
  );
}
