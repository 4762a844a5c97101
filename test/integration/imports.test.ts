import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCipher } from '../../src/identity/crypto.js';
import { runImport } from '../../src/imports/service.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { multipartBody } from '../helpers/multipart-body.js';
import { peakRssGrowth, postStream } from '../helpers/rss.js';

// The staff console's file imports (issue 15, screen 7): CSV and XLSX through the mapping, remembered per
// organisation and kind; bad rows reported by their row number and field; streamed; idempotent.

let t: TestApp;
let staff: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp({ label: 'imports', listen: true });
  staff = { ...(await sessionHeaders(t.deps, DEMO.staff.personId)), 'x-organisation-id': DEMO.organisationId };
}, 120_000);
afterAll(() => t?.close());

async function upload(kind: string, filename: string, data: Buffer) {
  const body = multipartBody([['file', filename, data]]);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/org/imports/uploads?kind=${kind}`,
    headers: { ...staff, ...body.headers },
    payload: body.payload,
  });
}

async function runToEnd(uploadId: string, mapping: Record<string, string | null>) {
  const started = await t.app.inject({
    method: 'POST',
    url: '/api/v1/org/imports',
    headers: staff,
    payload: { uploadId, mapping },
  });
  expect([200, 202]).toContain(started.statusCode);
  const run = started.json() as { id: string };
  await runImport(t.deps.db, t.deps.enqueue, createFieldCipher(t.deps.config.encryptionKeys), run.id);
  const done = await t.app.inject({ method: 'GET', url: `/api/v1/org/imports/${run.id}`, headers: staff });
  return {
    started,
    run: done.json() as Record<string, unknown> & { id: string; firstErrors: Record<string, unknown>[] },
  };
}

async function xlsx(rows: (string | number | Date | null)[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Лист1');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('readings from a 1C CSV (Windows-1251, semicolons, decimal commas)', () => {
  const csv = [
    'Ведомость показаний за октябрь 2026',
    'Лицевой счет;Номер счетчика;Месяц;Показание;Примечание',
    '100012;ХВ-2019-118934;10.2026;431,5;',
    '',
    '100012;НЕТ-ТАКОГО;10.2026;12;нет такого счётчика',
    '100012;ТС-45110982;Октябрь 2026;;пустое показание',
  ].join('\r\n');
  const cp1251 = encode1251(csv);
  let uploadId: string;

  it('is stored, its header found under the title, and the mapping guessed from the Russian headers', async () => {
    const res = await upload('readings', 'pokazaniya.csv', cp1251);
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json();
    uploadId = u.id;
    expect(u.format).toBe('csv');
    expect(u.headers).toEqual(['Лицевой счет', 'Номер счетчика', 'Месяц', 'Показание', 'Примечание']);
    expect(u.mapping).toMatchObject({
      accountNumber: 'Лицевой счет',
      serialNumber: 'Номер счетчика',
      period: 'Месяц',
      t1: 'Показание',
      meterId: null,
    });
  });

  it('previews the first rows with their errors by row number and field, and writes nothing', async () => {
    const u = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/imports/uploads/${uploadId}`, headers: staff })
    ).json();
    const written = `SELECT (SELECT count(*) FROM meter_readings)::int AS readings, (SELECT count(*) FROM sync_items)::int AS sync`;
    const before = (await t.deps.db.query(written)).rows[0];
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/imports/uploads/${uploadId}/preview`,
      headers: staff,
      payload: { mapping: u.mapping },
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as {
      row: number;
      status: string;
      values: Record<string, string>;
      errors: { field: string; code: string }[];
    }[];
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [3, 'imported'],
      [5, 'rejected'],
      [6, 'rejected'],
    ]);
    expect(rows[0]!.values).toMatchObject({ period: '10.2026', t1: '431,5' });
    expect(rows[0]!.errors).toEqual([]);
    // The import's own checks, with the database: the meter is not there.
    expect(rows[1]!.errors).toEqual([
      expect.objectContaining({ row: 5, field: 'serialNumber', column: 'Номер счетчика', code: 'meter_not_found' }),
    ]);
    expect(rows[2]!.errors).toEqual([
      expect.objectContaining({ row: 6, field: 't1', column: 'Показание', code: 'missing_value' }),
    ]);
    expect((await t.deps.db.query(written)).rows[0]).toEqual(before);
  });

  it('refuses a mapping without the required columns', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/org/imports/uploads/${uploadId}/preview`,
      headers: staff,
      payload: { mapping: { period: 'Месяц', t1: 'Показание' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import_mapping_incomplete');
  });

  it('imports the good row; the bad ones are reported by row and field; the CSV of results lists every row', async () => {
    const u = (
      await t.app.inject({ method: 'GET', url: `/api/v1/org/imports/uploads/${uploadId}`, headers: staff })
    ).json();
    const { started, run } = await runToEnd(uploadId, u.mapping);
    expect(started.statusCode).toBe(202);
    expect(run).toMatchObject({ status: 'done', rowsDone: 3, rowsImported: 1, rowsRejected: 2 });
    expect(run.firstErrors).toEqual([
      expect.objectContaining({ row: 5, field: 'serialNumber', code: 'meter_not_found', column: 'Номер счетчика' }),
      expect.objectContaining({ row: 6, field: 't1', code: 'missing_value' }),
    ]);
    const { rows } = await t.deps.db.query(
      `SELECT r.t1 FROM meter_readings r JOIN meters m ON m.id = r.meter_id
        WHERE m.serial_number = 'ХВ-2019-118934' AND r.period = '2026-10' AND r.superseded_at IS NULL`,
    );
    expect(rows).toEqual([{ t1: '431.500' }]);
    const csvRes = await t.app.inject({
      method: 'GET',
      url: `/api/v1/org/imports/${run.id}/results.csv`,
      headers: staff,
    });
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-type']).toContain('text/csv');
    const lines = csvRes.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Строка;Результат;Запись;Поле;Столбец файла;Код;Ошибка;Подробно');
    expect(lines[1]).toMatch(/^3;загружена;100012 \/ ХВ-2019-118934 2026-10;/);
    expect(lines[2]).toMatch(/^5;ошибка;.*;Заводской номер;Номер счетчика;meter_not_found;Нет такого счётчика/);
    expect(lines[3]).toMatch(/^6;ошибка;.*;Показание;Показание;missing_value;Не заполнено/);
  });

  it('is idempotent: the same bytes are the same upload, and starting it again is the same run', async () => {
    const count = async () =>
      (
        await t.deps.db.query(
          `SELECT count(*)::int AS n FROM meter_readings r JOIN meters m ON m.id = r.meter_id
            WHERE m.serial_number = 'ХВ-2019-118934' AND r.period = '2026-10'`,
        )
      ).rows[0].n as number;
    const before = await count();
    const again = await upload('readings', 'copy.csv', cp1251);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(uploadId);
    const u = again.json();
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/org/imports?kind=readings', headers: staff });
    const { started, run } = await runToEnd(uploadId, u.mapping);
    expect(started.statusCode).toBe(200);
    expect(run.id).toBe(first.json().items[0].id);
    expect(await count()).toBe(before);
  });
});

describe('charges from an XLSX, the mapping remembered', () => {
  const headers = ['ЛС', 'Расч. период', 'Наименование услуги', 'Сумма начисления', 'Сальдо на начало', 'Оплачено'];
  it('imports the periods, rejects the row of an unknown account by its number, and remembers the columns', async () => {
    const file = await xlsx([
      ['Начисления ООО «УК Домхаб»', null],
      headers,
      ['100012', '2026-09', 'Содержание жилого помещения', 2090.55, 0, 0],
      ['100012', '2026-09', 'Холодное водоснабжение', '342,24', null, null],
      ['999999', '2026-09', 'Содержание жилого помещения', 100, 0, 0],
      ['100013', new Date(Date.UTC(2026, 8, 1)), 'Содержание жилого помещения', '1 578,50', '1 200,00', '1 200,00'],
      ['100013', '2026-10', 'Вывоз мусора', 'сто рублей', 0, 0],
    ]);
    const res = await upload('charges', 'nachisleniya.xlsx', file);
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json();
    expect(u.format).toBe('xlsx');
    expect(u.headers).toEqual(headers);
    const mapping = {
      accountNumber: 'ЛС',
      period: 'Расч. период',
      service: 'Наименование услуги',
      charged: 'Сумма начисления',
      openingDebt: 'Сальдо на начало',
      paid: 'Оплачено',
    };
    const { run } = await runToEnd(u.id, mapping);
    expect(run).toMatchObject({ status: 'done', rowsDone: 5, rowsImported: 3, rowsRejected: 2 });
    expect(run.firstErrors).toEqual([
      expect.objectContaining({ row: 5, field: 'accountNumber', column: 'ЛС', code: 'account_not_found' }),
      expect.objectContaining({ row: 7, field: 'charged', column: 'Сумма начисления', code: 'unreadable_value' }),
    ]);
    const { rows } = await t.deps.db.query(
      `SELECT a.number, c.charged::text, c.opening_debt::text FROM charge_periods c JOIN accounts a ON a.id = c.account_id
        WHERE c.period = '2026-09' AND c.superseded_at IS NULL AND a.number IN ('100012', '100013') ORDER BY a.number`,
    );
    expect(rows).toEqual([
      { number: '100012', charged: '243279', opening_debt: '0' },
      { number: '100013', charged: '157850', opening_debt: '120000' },
    ]);

    // Another month's file with the same columns: the remembered mapping is offered, even for a header
    // the guess would not recognise ("Расч. период").
    const next = await upload(
      'charges',
      'nachisleniya-10.xlsx',
      await xlsx([headers, ['100012', '2026-10', 'Содержание жилого помещения', 2090.55, 0, 0]]),
    );
    expect(next.json().mapping).toMatchObject(mapping);
  });
});

describe('accounts and meters from CSV', () => {
  it("reads an account's owners from consecutive rows, then its meters", async () => {
    const { rows: house } = await t.deps.db.query(`SELECT fias_house_guid FROM houses WHERE id = $1`, [
      DEMO.houses.moscow,
    ]);
    const csv = [
      'Лицевой счёт,ФИАС дома,Помещение,Фамилия собственника,Имя собственника,Доля',
      `700001,${house[0].fias_house_guid},12,Сидоров,Пётр,1/2`,
      '700001,,,Сидорова,Анна,1/2',
      `700002,${house[0].fias_house_guid},12,Кузнецов,Олег,3/2`,
    ].join('\n');
    const up = (await upload('accounts', 'ls.csv', Buffer.from(csv))).json();
    const { run } = await runToEnd(up.id, up.mapping);
    expect(run).toMatchObject({ status: 'done', rowsImported: 2, rowsRejected: 1 });
    expect(run.firstErrors[0]).toMatchObject({ row: 4, field: 'ownerShare', column: 'Доля' });
    const { rows: owners } = await t.deps.db.query(
      `SELECT o.last_name FROM account_owners o JOIN accounts a ON a.id = o.account_id WHERE a.number = '700001' ORDER BY 1`,
    );
    expect(owners.map((o) => o.last_name)).toEqual(['Сидоров', 'Сидорова']);

    const meters = ['ЛС;Услуга;Зав. номер;Дата поверки', '700001;ХВС;X-1;01.02.2026', '700001;пар;X-2;'].join('\n');
    const mu = (await upload('meters', 'pu.csv', Buffer.from(meters))).json();
    const m = await runToEnd(mu.id, mu.mapping);
    expect(m.run).toMatchObject({ status: 'done', rowsImported: 1, rowsRejected: 1 });
    expect(m.run.firstErrors[0]).toMatchObject({ row: 3, field: 'resource', code: 'unreadable_value' });
  });
});

describe('a large XLSX', () => {
  const ROWS = 60_000;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    // 2,000 meters × 30 months of readings, written by exceljs's streaming writer to a file.
    await t.deps.db.query(
      `INSERT INTO accounts (organisation_id, house_id, number)
       SELECT $1, $2, 'X' || lpad(n::text, 5, '0') FROM generate_series(1, 2000) n`,
      [DEMO.organisationId, DEMO.houses.moscow],
    );
    await t.deps.db.query(
      `INSERT INTO meters (account_id, resource, serial_number, digit_capacity, next_verification)
       SELECT a.id, 'cold_water', 'S-' || a.number, 7, '2035-01-01' FROM accounts a WHERE a.number LIKE 'X%'`,
    );
    dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-imports-'));
    file = path.join(dir, 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = writer.addWorksheet('Показания');
    sheet.addRow(['Лицевой счёт', 'Заводской номер', 'Период', 'Показание']).commit();
    for (let p = 0; p < ROWS / 2000; p++) {
      const period = `${2024 + Math.floor(p / 12)}-${String((p % 12) + 1).padStart(2, '0')}`;
      for (let i = 1; i <= 2000; i++) {
        const n = `X${String(i).padStart(5, '0')}`;
        sheet.addRow([n, `S-${n}`, period, 100 + p * 3 + (i % 7) / 8]).commit();
      }
    }
    sheet.commit();
    await writer.commit();
  }, 300_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is streamed in and imported without the file or its rows held whole', async () => {
    const size = (await stat(file)).size;
    const boundary = 'domhubLargeImport';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const { result, growthMiB } = await peakRssGrowth(async () => {
      const res = await postStream(
        `${t.baseUrl}/api/v1/org/imports/uploads?kind=readings`,
        { ...staff, 'content-type': `multipart/form-data; boundary=${boundary}` },
        async function* () {
          yield head;
          for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
          yield tail;
        },
        head.length + size + tail.length,
      );
      expect(res.status, res.body).toBe(201);
      const u = JSON.parse(res.body);
      return runToEnd(u.id, u.mapping);
    });
    expect(result.run).toMatchObject({ status: 'done', rowsDone: ROWS, rowsImported: ROWS, rowsRejected: 0 });
    expect(result.run.bytesDone).toBe(size);
    // The file is ~1.5 MB zipped and ~15 MB of sheet XML; its rows as objects would be far more.
    expect(growthMiB).toBeLessThan(150);
    const { rows } = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM meter_readings r JOIN meters m ON m.id = r.meter_id WHERE m.serial_number LIKE 'S-X%'`,
    );
    expect(rows[0].n).toBe(ROWS);
  }, 600_000);
});

/** Windows-1251 bytes of a text (Cyrillic, ASCII and the punctuation used here). */
function encode1251(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else throw new Error(`no Windows-1251 byte for ${ch}`);
  }
  return Buffer.from(out);
}
