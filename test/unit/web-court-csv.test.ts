import { describe, expect, it } from 'vitest';
import { csvCells, readCourtDecisions } from '../../web/src/staff/screens/debt-requests/court-csv.js';

// The console's reading of a court-decisions file (Судебные решения): what a spreadsheet saves as CSV.

describe('court decisions from a CSV file', () => {
  it('reads `;` cells with quotes, a header line and a BOM', () => {
    expect(csvCells('\uFEFFa;"b;c";"d ""e"""\r\n1;2;3\n')).toEqual([
      ['a', 'b;c', 'd "e"'],
      ['1', '2', '3'],
    ]);
    expect(csvCells('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('turns lines into import rows and reports the rest by line number', () => {
    const text = [
      'Лицевой счёт;Номер дела;Дата решения;Сумма, ₽;Фамилия;Имя;Отчество;Погашено (дата)',
      '100012;2-55/2026;01.10.2026;"12 345,67";Иванов;Иван;Иванович;',
      '',
      '100013;2-57/2026;31.02.2026;0;Петров;;;',
      '100013;2-58/2026;01.03.2026;100;Петров;Сергей;;15.03.2026',
    ].join('\r\n');
    const { rows, errors } = readCourtDecisions(text);
    expect(rows).toEqual([
      {
        line: 2,
        row: {
          accountNumber: '100012',
          caseNumber: '2-55/2026',
          decidedOn: '2026-10-01',
          amount: '1234567',
          debtor: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' },
        },
      },
      {
        line: 5,
        row: {
          accountNumber: '100013',
          caseNumber: '2-58/2026',
          decidedOn: '2026-03-01',
          amount: '10000',
          debtor: { lastName: 'Петров', firstName: 'Сергей' },
          repaidOn: '2026-03-15',
        },
      },
    ]);
    expect(errors).toEqual([
      {
        line: 4,
        key: '2-57/2026',
        message: 'дата решения не в виде дд.мм.гггг; сумма должна быть больше нуля; нет фамилии или имени должника',
      },
    ]);
  });
});
