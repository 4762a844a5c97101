// СНИЛС: 9 digits and a 2-digit control number (Постановление Правления ПФР от 11.12.1996 № 232):
// the digits weighted 9..1 and summed; below 100 the sum itself, 100 or 101 give 00, above 101 the
// remainder of division by 101 (with 100 again giving 00).

export function snilsControl(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (9 - i);
  let control = sum < 100 ? sum : sum <= 101 ? 0 : sum % 101;
  if (control === 100) control = 0;
  return String(control).padStart(2, '0');
}

/** Whether `value` (digits, with or without the usual separators) is a SNILS with a valid control number. */
export function isValidSnils(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{11}$/.test(digits) && snilsControl(digits.slice(0, 9)) === digits.slice(9);
}

/** `112-233-445 95` */
export function formatSnils(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)} ${digits.slice(9, 11)}`;
}

/** Shows only the last three digits and the control number: `***-***-445 95`. */
export function maskSnils(digits: string): string {
  return `***-***-${digits.slice(6, 9)} ${digits.slice(9, 11)}`;
}

/** Keeps the last four digits of a phone number: `+7 *** ***-45-67`. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length < 4 ? '***' : `+${d.slice(0, d.length - 10) || '7'} *** ***-${d.slice(-4, -2)}-${d.slice(-2)}`;
}
