import { personDataSchema, type PersonData } from '../../contracts/identity.js';

// Shapes of ESIA's REST answers (/rs/prns/{oid}, /rs/prns/{oid}/ctts?embed=(elements)).
export interface EsiaPerson {
  firstName?: string;
  lastName?: string;
  middleName?: string;
  birthDate?: string; // dd.MM.yyyy
  snils?: string; // 112-233-445 95
  trusted?: boolean; // the account is confirmed (подтверждённая учётная запись)
}
export interface EsiaContacts {
  elements?: { type?: string; vrfStu?: string; value?: string }[];
}

/** Maps ESIA's person and contacts to the hub's PersonData; throws when required fields are missing. */
export function mapEsiaPerson(person: EsiaPerson, contacts: EsiaContacts | null): PersonData {
  const birth = person.birthDate ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(person.birthDate) : null;
  const digits = person.snils?.replace(/\D/g, '') ?? '';
  const contact = (type: string) => contacts?.elements?.find((c) => c.type === type && c.value);
  const email = contact('EML');
  const mobile = contact('MBT');
  return personDataSchema.parse({
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName || null,
    birthDate: birth ? `${birth[3]}-${birth[2]}-${birth[1]}` : null,
    snils: digits.length === 11 ? digits : null,
    email: email?.value ?? null,
    emailVerified: email?.vrfStu === 'VERIFIED',
    mobile: mobile?.value ?? null,
    mobileVerified: mobile?.vrfStu === 'VERIFIED',
    trusted: person.trusted,
  });
}
