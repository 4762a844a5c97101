// Display forms of SNILS and phone numbers; the checksum lives in src/validation/ru-checksums.ts.
export { isValidSnils, snilsControl } from '../validation/ru-checksums.js';

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
