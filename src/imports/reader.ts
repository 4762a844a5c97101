import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../errors.js';

/** One row of a sheet: its number in the file (the spreadsheet's row, the CSV's line) and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export type FileFormat = 'csv' | 'xlsx';

const unreadable = (detail: string) => new AppError(422, 'import_file_unreadable', detail);

/** The format from the first bytes: a ZIP is an XLSX, an OLE2 compound file is the old XLS, anything else CSV. */
export function sniffFormat(head: Buffer): FileFormat | 'xls' {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  return 'csv';
}

/**
 * The rows of a file as they stream in: CSV through csv-parse (UTF-8, or Windows-1251 as 1C writes it;
 * the delimiter guessed from the first line), XLSX through exceljs's streaming WorkbookReader (the first
 * worksheet only). Memory is bounded by a row, whatever the file's size.
 */
export function readSheet(source: Readable, format: FileFormat): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? xlsxRows(source) : csvRows(source);
}

async function* xlsxRows(source: Readable): AsyncGenerator<SheetRow> {
  // Loaded with the first spreadsheet, not with the process (some 18 MB an API process serving reads never needs).
  const { default: ExcelJS } = await import('exceljs');
  // Styles are kept so that date cells come as dates; shared strings are cached (one copy per distinct text).
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { row: row.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(`The XLSX file cannot be read: ${(err as Error).message}`);
  } finally {
    source.destroy();
  }
}

/** A cell's value as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
  }
  return '';
}

/** Decoded text chunks: UTF-8 (with or without BOM) unless the first bytes are not UTF-8, then Windows-1251. */
async function* decodedText(source: Readable): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of source) {
    const buf = chunk as Buffer;
    if (!decoder) {
      // A chunk may end inside a character: the last three bytes are left out of the check.
      let utf8 = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, Math.max(0, buf.length - 3)));
      } catch {
        utf8 = false;
      }
      decoder = new TextDecoder(utf8 ? 'utf-8' : 'windows-1251');
    }
    yield decoder.decode(buf, { stream: true });
  }
  if (decoder) yield decoder.decode();
}

/**
 * The delimiter: of ; tab and , the one found most often (outside quotes) over the first lines, the
 * title line above the header included.
 */
export function guessDelimiter(start: string): string {
  const lines = start
    .split(/\r?\n/)
    .slice(0, 20)
    .map((l) => l.replace(/"[^"]*"/g, ''));
  const counts = [';', '\t', ','].map((d) => [d, lines.reduce((n, l) => n + l.split(d).length - 1, 0)] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

async function* csvRows(source: Readable): AsyncGenerator<SheetRow> {
  const text = decodedText(source);
  let first = '';
  // Enough of the start to see the first lines.
  while ((first.match(/\n/g)?.length ?? 0) < 20) {
    const next = await text.next();
    if (next.done) break;
    first += next.value;
    if (first.length > 64 * 1024) break;
  }
  const parser = parse({
    delimiter: guessDelimiter(first.replace(/^\uFEFF/, '')),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    max_record_size: 64 * 1024,
  });
  async function* all() {
    yield first;
    yield* text;
  }
  const input = Readable.from(all());
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { row: info.lines, cells: record.map((c) => c.trim()) };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable(`The CSV file cannot be read: ${(err as Error).message}`);
  } finally {
    input.destroy();
    source.destroy();
  }
}

/** The header: the first row with two or more filled cells among the first twenty (1C puts a title above it). */
export async function readHeader(rows: AsyncIterator<SheetRow>): Promise<SheetRow> {
  for (let i = 0; i < 20; i++) {
    const next = await rows.next();
    if (next.done) break;
    if (next.value.cells.filter((c) => c !== '').length >= 2) return next.value;
  }
  throw new AppError(422, 'import_file_empty', 'The file has no header row: a row naming two or more columns');
}
