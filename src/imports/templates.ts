import { IMPORT_FIELDS, type ImportKind } from '../../contracts/imports.js';

// A sample file per kind, downloadable from the console: the columns under the names the import
// recognises by itself, and rows as a billing export would have them (the demo organisation's accounts).

const SAMPLES: Record<ImportKind, Record<string, string>[]> = {
  accounts: [
    {
      number: '100012',
      houseFiasGuid: '',
      premiseNumber: '12',
      unifiedNumber: '75DA533315',
      status: 'открыт',
      ownerLastName: 'Иванов',
      ownerFirstName: 'Иван',
      ownerMiddleName: 'Иванович',
      ownerShare: '1/1',
      ownerSnils: '112-233-445 95',
    },
    {
      number: '100013',
      premiseNumber: '13',
      status: 'открыт',
      ownerLastName: 'Петрова',
      ownerFirstName: 'Мария',
      ownerMiddleName: 'Сергеевна',
      ownerShare: '1/2',
    },
    {
      number: '100013',
      ownerLastName: 'Петров',
      ownerFirstName: 'Сергей',
      ownerMiddleName: 'Иванович',
      ownerShare: '1/2',
      ownerDocType: 'паспорт',
      ownerDocSeries: '4510',
      ownerDocNumber: '123456',
      ownerDocIssuedOn: '20.05.2010',
    },
  ],
  meters: [
    {
      accountNumber: '100012',
      resource: 'ХВС',
      serialNumber: 'ХВ-2019-118934',
      tariffs: '1',
      digitCapacity: '5',
      installedOn: '14.03.2019',
      nextVerification: '14.03.2031',
    },
    {
      accountNumber: '100012',
      resource: 'Электроэнергия',
      serialNumber: '011552087640310',
      tariffs: '3',
      digitCapacity: '6',
      nextVerification: '10.06.2037',
    },
  ],
  readings: [
    {
      accountNumber: '100012',
      serialNumber: 'ХВ-2019-118934',
      period: '11.2026',
      takenOn: '20.11.2026',
      t1: '250,512',
    },
    { accountNumber: '100012', serialNumber: 'ТС-45110982', period: '12.2026', takenOn: '20.12.2026', t1: '35,4' },
  ],
  charges: [
    {
      accountNumber: '100012',
      period: '11.2026',
      service: 'Содержание жилого помещения',
      unit: 'м²',
      volume: '54,3',
      tariff: '38,50',
      charged: '2 090,55',
      openingDebt: '0',
      paid: '0',
    },
    {
      accountNumber: '100012',
      period: '11.2026',
      service: 'Холодное водоснабжение',
      unit: 'м³',
      volume: '6,2',
      tariff: '55,20',
      charged: '342,24',
    },
    {
      accountNumber: '100013',
      period: '11.2026',
      service: 'Содержание жилого помещения',
      unit: 'м²',
      volume: '41',
      tariff: '38,50',
      charged: '1 578,50',
      openingDebt: '1 200,00',
      paid: '1 200,00',
    },
  ],
};

export async function importTemplate(kind: ImportKind, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const fields = IMPORT_FIELDS[kind];
  const rows = SAMPLES[kind].map((s) => fields.map((f) => s[f.key] ?? ''));
  if (format === 'csv') {
    const cell = (v: string) => (/[";\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const lines = [fields.map((f) => f.label), ...rows].map((r) => r.map(cell).join(';'));
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  }
  const { default: ExcelJS } = await import('exceljs'); // loaded on use: some 18 MB of memory
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Импорт');
  sheet.addRow(fields.map((f) => f.label)).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
