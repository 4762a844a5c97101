// A file of court decisions (CSV, as a spreadsheet saves it) read in the browser into the rows of
// POST /api/v1/org/court-decisions/import: one decision per line, columns in the order of COLUMNS, a header
// line optional. Rows that cannot be read are reported with their line and not sent.
import { parseDate, parseMoney } from '../../../lib/format.js';

export const COLUMNS = [
  'Лицевой счёт',
  'Номер дела',
  'Дата решения',
  'Сумма, ₽',
  'Фамилия',
  'Имя',
  'Отчество',
  'Погашено (дата)',
] as const;

export interface CourtRow {
  accountNumber: string;
  caseNumber: string;
  decidedOn: string;
  amount: string;
  debtor: { lastName: string; firstName: string; middleName?: string };
  repaidOn?: string;
}

export interface RowError {
  line: number;
  key: string | null;
  message: string;
}

/** The cells of a CSV text: `;`, `,` or tab as the first line uses, quotes as spreadsheets write them. */
export function csvCells(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const sep = firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The decisions of a file and the lines that could not be read (1-based, as a spreadsheet numbers them). */
export function readCourtDecisions(text: string): { rows: { line: number; row: CourtRow }[]; errors: RowError[] } {
  const cells = csvCells(text);
  const rows: { line: number; row: CourtRow }[] = [];
  const errors: RowError[] = [];
  cells.forEach((raw, i) => {
    const c = raw.map((v) => v.trim());
    if (c.every((v) => v === '')) return;
    const line = i + 1;
    // A header: the first line whose date column is not a date.
    if (i === 0 && !parseDate(c[2] ?? '')) return;
    const [
      accountNumber = '',
      caseNumber = '',
      decided = '',
      sum = '',
      lastName = '',
      firstName = '',
      middle = '',
      repaid = '',
    ] = c;
    const problems: string[] = [];
    if (!accountNumber) problems.push('нет лицевого счёта');
    else if (accountNumber.length > 30) problems.push('лицевой счёт длиннее 30 знаков');
    if (!caseNumber) problems.push('нет номера дела');
    else if (caseNumber.length > 100) problems.push('номер дела длиннее 100 знаков');
    const decidedOn = parseDate(decided);
    if (!decidedOn) problems.push('дата решения не в виде дд.мм.гггг');
    const amount = parseMoney(sum);
    if (amount === null) problems.push('сумма не число');
    else if (amount <= 0n) problems.push('сумма должна быть больше нуля');
    if (!lastName || !firstName) problems.push('нет фамилии или имени должника');
    const repaidOn = repaid ? parseDate(repaid) : undefined;
    if (repaidOn === null) problems.push('дата погашения не в виде дд.мм.гггг');
    if (problems.length) {
      errors.push({ line, key: caseNumber || null, message: problems.join('; ') });
      return;
    }
    rows.push({
      line,
      row: {
        accountNumber,
        caseNumber,
        decidedOn: decidedOn!,
        amount: String(amount),
        debtor: { lastName, firstName, ...(middle ? { middleName: middle } : {}) },
        ...(repaidOn ? { repaidOn } : {}),
      },
    });
  });
  return { rows, errors };
}

/** The API's per-row message in the console's words. */
export function rowMessage(message: string): string {
  if (message === 'no such account of the organisation') return 'в организации нет такого лицевого счёта';
  return message;
}
