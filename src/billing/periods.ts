import { addMonths, type Period } from '../calendar.js';

/** Payment is due on `dueDay` of the month after the period (ЖК РФ ст. 155 ч. 1: the 10th unless the contract says otherwise). */
export function dueDate(period: Period, dueDay: number): string {
  return `${addMonths(period, 1)}-${String(dueDay).padStart(2, '0')}`;
}
