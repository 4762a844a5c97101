// Reading the cells of billing exports (1C and the like) into the values of the import rows: Russian
// number formats ("1 234,56"), periods as "10.2026" or "Октябрь 2026", dates as "31.10.2026", resources
// by their Russian names, money in rubles. A cell that cannot be read is a row error naming the field.

import type { ImportField, ImportMapping } from '../../contracts/imports.js';

export type ValueType =
  | 'text'
  | 'period'
  | 'date'
  | 'decimal'
  | 'int'
  | 'bool'
  | 'resource'
  | 'status'
  | 'rubles'
  | 'share';

export type Read = { ok: true; value: unknown } | { ok: false; message: string };
const ok = (value: unknown): Read => ({ ok: true, value });
const fail = (message: string): Read => ({ ok: false, message });

const MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];

const pad2 = (n: number) => String(n).padStart(2, '0');
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** A number as 1C, Excel or a person writes it: spaces as thousands separators, a comma or a point. */
export function normaliseNumber(text: string): string | null {
  let t = text.replace(/[\s\u00a0\u202f']/g, '').replace(/₽|руб\.?$|р\.?$/i, '');
  if (t.startsWith('(') && t.endsWith(')')) t = `-${t.slice(1, -1)}`; // accounting negatives
  t = t.replace(/^−/, '-');
  const lastComma = t.lastIndexOf(',');
  const lastPoint = t.lastIndexOf('.');
  if (lastComma !== -1 && lastPoint !== -1) {
    // Both: the last one is the decimal separator, the other groups thousands.
    t = lastComma > lastPoint ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  } else if (lastComma !== -1) {
    if (t.indexOf(',') !== lastComma) return null;
    t = t.replace(',', '.');
  }
  if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t) && /[eE]/.test(t)) {
    const n = Number(t);
    if (!Number.isFinite(n)) return null;
    t = n.toFixed(6).replace(/\.?0+$/, '');
  }
  return /^-?\d+(\.\d+)?$/.test(t) ? t : null;
}

/** Drops floating-point noise of a spreadsheet formula (0.30000000000000004) beyond `places` decimals. */
function roundNoise(t: string, places: number): string {
  const [, frac = ''] = t.split('.');
  if (frac.length <= places || frac.length < 9) return t;
  return Number(t)
    .toFixed(places)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

export function readPeriod(text: string): Read {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е');
  let m = /^(\d{4})-(\d{1,2})(-\d{1,2})?$/.exec(t);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[./](\d{4}|\d{2})$/.exec(t);
  if (m) return month(fullYear(m[2]!), Number(m[1]));
  m = /^\d{1,2}[./](\d{1,2})[./](\d{4}|\d{2})$/.exec(t);
  if (m) return month(fullYear(m[2]!), Number(m[1]));
  m = /^([а-я]+)\s+(\d{4})(\s*г\.?)?$/.exec(t);
  if (m) {
    const name = m[1]!;
    const i = MONTHS.findIndex((p) => (p === 'ма' ? name === 'май' || name === 'мая' : name.startsWith(p)));
    if (i !== -1) return month(Number(m[2]), i + 1);
  }
  return fail('Период: ГГГГ-ММ, ММ.ГГГГ или «Октябрь 2026»');

  function month(y: number, mo: number): Read {
    return mo >= 1 && mo <= 12 && y >= 1900 && y <= 2200 ? ok(`${y}-${pad2(mo)}`) : fail('Нет такого месяца');
  }
}

export function readDate(text: string): Read {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?:\s+[\d:]+)?$/.exec(t);
    if (!m) return fail('Дата: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД');
    [y, mo, d] = [fullYear(m[3]!), Number(m[2]), Number(m[1])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return fail('Нет такой даты');
  return ok(`${y}-${pad2(mo)}-${pad2(d)}`);
}

const RESOURCE_NAMES: [string, RegExp][] = [
  ['cold_water', /^(cold_water|хвс|хв|холодн.*вод.*|холодное водоснабжение)$/],
  ['hot_water', /^(hot_water|гвс|гв|горяч.*вод.*|горячее водоснабжение)$/],
  ['electricity', /^(electricity|ээ|электр.*)$/],
  ['heat', /^(heat|тепло.*|отопление|тепловая энергия)$/],
  ['gas', /^(gas|газ.*)$/],
];

function readResource(text: string): Read {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е');
  const found = RESOURCE_NAMES.find(([, re]) => re.test(t));
  return found ? ok(found[0]) : fail('Ресурс: ХВС, ГВС, электроэнергия, тепло или газ');
}

function readBool(text: string): Read {
  const t = text.trim().toLowerCase();
  if (['да', 'yes', 'true', '1', 'x', 'х', '+'].includes(t)) return ok(true);
  if (['нет', 'no', 'false', '0', '-'].includes(t)) return ok(false);
  return fail('Да или нет');
}

function readStatus(text: string): Read {
  const t = text.trim().toLowerCase().replace(/ё/g, 'е');
  if (/^(open|открыт|действ|активн)/.test(t)) return ok('open');
  if (/^(closed|закрыт)/.test(t)) return ok('closed');
  return fail('Статус: открыт или закрыт');
}

/** Rubles with up to two decimals (kopecks) → kopecks as a digit string. */
export function readRubles(text: string): Read {
  const n = normaliseNumber(text);
  if (n === null) return fail('Сумма в рублях, например 1 234,56');
  const t = roundNoise(n, 2);
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return fail('Не больше двух знаков после запятой (копейки)');
  const kopecks = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return ok((m[1] && kopecks !== 0n ? -kopecks : kopecks).toString());
}

function readDecimal(text: string): Read {
  const n = normaliseNumber(text);
  return n === null ? fail('Число, например 1234,567') : ok(roundNoise(n, 3));
}

function readInt(text: string): Read {
  const n = normaliseNumber(text);
  return n !== null && /^-?\d+$/.test(n) ? ok(Number(n)) : fail('Целое число');
}

function readShare(text: string): Read {
  const t = text.replace(/\s/g, '');
  if (/^\d+\/\d+$/.test(t)) return ok(t);
  if (t === '1' || t === '1,0' || t === '1.0') return ok('1/1');
  return fail('Доля дробью, например 1/2');
}

/** Reads one cell's text as the field's type; an empty cell is absent. */
export function readValue(type: ValueType, text: string): Read | null {
  if (text.trim() === '') return null;
  switch (type) {
    case 'text':
      return ok(text.trim());
    case 'period':
      return readPeriod(text);
    case 'date':
      return readDate(text);
    case 'decimal':
      return readDecimal(text);
    case 'int':
      return readInt(text);
    case 'bool':
      return readBool(text);
    case 'resource':
      return readResource(text);
    case 'status':
      return readStatus(text);
    case 'rubles':
      return readRubles(text);
    case 'share':
      return readShare(text);
  }
}

const headerKey = (h: string) => h.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').replace(/[:*]$/, '');

/**
 * The mapping offered for a file: the organisation's remembered one for each field whose column the
 * file has, and for the rest a column whose header is the field's name or a usual synonym.
 */
export function suggestMapping(headers: string[], fields: ImportField[], remembered: ImportMapping | null) {
  const present = new Set(headers);
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const field of fields) {
    const column = remembered?.[field.key];
    if (column && present.has(column)) {
      mapping[field.key] = column;
      taken.add(column);
    }
  }
  for (const field of fields) {
    if (mapping[field.key]) continue;
    const wanted = new Set(field.synonyms.map(headerKey));
    const column = headers.find((h) => !taken.has(h) && wanted.has(headerKey(h)));
    mapping[field.key] = column ?? null;
    if (column) taken.add(column);
  }
  return mapping;
}
