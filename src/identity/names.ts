/** A person's name parts as stored: the surname, and given name and patronymic where known. */
export interface PersonName {
  lastName?: string | null;
  firstName?: string | null;
  middleName?: string | null;
}

/** "Иванов Иван Иванович": the parts present, surname first, as documents and registers print a person. */
export const fullName = (p: PersonName) => [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');
