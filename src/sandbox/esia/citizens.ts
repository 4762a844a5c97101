// The sandbox identity provider's own registry of citizens (as ESIA would hold them). The first three
// share their subject ids with the demo persons of src/sandbox/demo/core.ts; the fourth is not yet
// known to the hub, so signing in creates them; the fifth, also new, has an unconfirmed (simplified)
// account: ESIA answers `trusted: false`, so the hub signs them in unverified. The last four are the demo
// organisation's staff in the other built-in roles (Смирнова is its administrator). Every SNILS has a
// valid control number.

export interface SandboxCitizen {
  oid: string;
  lastName: string;
  firstName: string;
  middleName: string;
  birthDate: string; // dd.MM.yyyy, as ESIA writes it
  gender: 'M' | 'F';
  snils: string; // 11 digits
  email: string;
  emailVerified: boolean;
  mobile: string;
  mobileVerified: boolean;
  /** ESIA's `trusted`: a confirmed account. */
  trusted: boolean;
  /** What the person is in the demo (shown on the sign-in page so a visitor knows whom to pick). */
  demo?: string;
}

export const SANDBOX_CITIZENS: readonly SandboxCitizen[] = [
  {
    oid: '1000000001',
    lastName: 'Иванов',
    firstName: 'Иван',
    middleName: 'Иванович',
    birthDate: '12.04.1980',
    gender: 'M',
    snils: '11223344595',
    email: 'ivanov@example.ru',
    emailVerified: true,
    mobile: '+7(916)1234567',
    mobileVerified: true,
    trusted: true,
    demo: 'Житель, кв. 12',
  },
  {
    oid: '1000000002',
    lastName: 'Петрова',
    firstName: 'Мария',
    middleName: 'Сергеевна',
    birthDate: '30.09.1975',
    gender: 'F',
    snils: '12345678964',
    email: 'petrova@example.ru',
    emailVerified: true,
    mobile: '+7(903)5551234',
    mobileVerified: false,
    trusted: true,
    demo: 'Жительница, кв. 13',
  },
  {
    oid: '1000000003',
    lastName: 'Смирнова',
    firstName: 'Ольга',
    middleName: 'Викторовна',
    birthDate: '21.01.1988',
    gender: 'F',
    snils: '08765432102',
    email: 'smirnova@uk-domhub.example.ru',
    emailVerified: true,
    mobile: '+7(925)7654321',
    mobileVerified: true,
    trusted: true,
    demo: 'Администратор УК',
  },
  {
    oid: '1000000004',
    lastName: 'Кузнецов',
    firstName: 'Алексей',
    middleName: 'Петрович',
    birthDate: '03.07.1992',
    gender: 'M',
    snils: '15692345896',
    email: 'kuznetsov@example.ru',
    emailVerified: false,
    mobile: '+7(999)1112233',
    mobileVerified: true,
    trusted: true,
  },
  {
    oid: '1000000005',
    lastName: 'Соколова',
    firstName: 'Анна',
    middleName: 'Дмитриевна',
    birthDate: '14.11.1995',
    gender: 'F',
    snils: '13579246894',
    email: 'sokolova@example.ru',
    emailVerified: true,
    mobile: '+7(926)4445566',
    mobileVerified: true,
    trusted: false,
  },
  {
    oid: '1000000006',
    lastName: 'Орлов',
    firstName: 'Денис',
    middleName: 'Андреевич',
    birthDate: '05.02.1990',
    gender: 'M',
    snils: '14523698776',
    email: 'orlov@uk-domhub.example.ru',
    emailVerified: true,
    mobile: '+7(915)2223344',
    mobileVerified: true,
    trusted: true,
    demo: 'Диспетчер УК',
  },
  {
    oid: '1000000007',
    lastName: 'Васильева',
    firstName: 'Елена',
    middleName: 'Игоревна',
    birthDate: '17.06.1984',
    gender: 'F',
    snils: '15623478979',
    email: 'vasilyeva@uk-domhub.example.ru',
    emailVerified: true,
    mobile: '+7(916)3334455',
    mobileVerified: true,
    trusted: true,
    demo: 'Бухгалтер УК',
  },
  {
    oid: '1000000008',
    lastName: 'Морозов',
    firstName: 'Павел',
    middleName: 'Сергеевич',
    birthDate: '22.10.1979',
    gender: 'M',
    snils: '16782345905',
    email: 'morozov@uk-domhub.example.ru',
    emailVerified: true,
    mobile: '+7(917)4445566',
    mobileVerified: true,
    trusted: true,
    demo: 'Администратор собраний УК',
  },
  {
    oid: '1000000009',
    lastName: 'Лебедева',
    firstName: 'Ирина',
    middleName: 'Олеговна',
    birthDate: '09.03.1993',
    gender: 'F',
    snils: '17823456999',
    email: 'lebedeva@uk-domhub.example.ru',
    emailVerified: true,
    mobile: '+7(918)5556677',
    mobileVerified: true,
    trusted: true,
    demo: 'Сотрудник УК, только просмотр',
  },
];

export const citizenByOid = (oid: string) => SANDBOX_CITIZENS.find((c) => c.oid === oid);
export const citizenBySnils = (snils: string) => {
  const digits = snils.replace(/\D/g, '');
  return SANDBOX_CITIZENS.find((c) => c.snils === digits);
};
