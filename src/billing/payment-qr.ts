// Payment QR payload of ГОСТ Р 56042-2014 («Стандарты финансовых операций. Двумерные символы
// штрихового кода для осуществления платежей физических лиц»): header ST0001, encoding flag, separator,
// then Key=Value pairs — the required block first, in its fixed order.

export interface PaymentQrFields {
  // Required block (ГОСТ Р 56042-2014, 5.3 table 1), in this order.
  Name: string;
  PersonalAcc: string;
  BankName: string;
  BIC: string;
  CorrespAcc: string;
  // Optional fields used for housing and utilities payments.
  Sum?: bigint; // kopecks
  Purpose?: string;
  PayeeINN?: string;
  KPP?: string;
  LastName?: string;
  FirstName?: string;
  MiddleName?: string;
  PayerAddress?: string;
  PersAcc?: string;
  Flat?: string;
  PaymPeriod?: string; // MMYYYY
  Category?: string;
  ServiceName?: string;
  /** Индекс платежного документа: the state system's payment document identifier (ИПД). */
  DocIdx?: string;
  QuittId?: string;
  QuittDate?: string; // dd.MM.yyyy
  TechCode?: string; // '02' = housing and utilities
}

const REQUIRED = ['Name', 'PersonalAcc', 'BankName', 'BIC', 'CorrespAcc'] as const;
const OPTIONAL_ORDER = [
  'Sum',
  'Purpose',
  'PayeeINN',
  'KPP',
  'LastName',
  'FirstName',
  'MiddleName',
  'PayerAddress',
  'PersAcc',
  'Flat',
  'PaymPeriod',
  'Category',
  'ServiceName',
  'DocIdx',
  'QuittId',
  'QuittDate',
  'TechCode',
] as const;

// Field length limits of the standard (max length; exact where min = max).
const LIMITS: Record<string, { max: number; exact?: boolean; pattern?: RegExp }> = {
  Name: { max: 160 },
  PersonalAcc: { max: 20, exact: true, pattern: /^\d{20}$/ },
  BankName: { max: 45 },
  BIC: { max: 9, exact: true, pattern: /^\d{9}$/ },
  CorrespAcc: { max: 20, pattern: /^(0|\d{20})$/ },
  Sum: { max: 18, pattern: /^\d{1,18}$/ },
  Purpose: { max: 160 },
  PayeeINN: { max: 12, pattern: /^(\d{10}|\d{12})$/ },
  KPP: { max: 9, pattern: /^[0-9A-Z]{9}$/ },
  LastName: { max: 60 },
  FirstName: { max: 60 },
  MiddleName: { max: 60 },
  PayerAddress: { max: 210 },
  PersAcc: { max: 30 },
  Flat: { max: 10 },
  PaymPeriod: { max: 6, pattern: /^(0[1-9]|1[0-2])\d{4}$/ },
  Category: { max: 100 },
  ServiceName: { max: 15 },
  // The standard leaves DocIdx free text; the state system's identifier is exactly 18 characters.
  DocIdx: { max: 30 },
  QuittId: { max: 30 },
  QuittDate: { max: 10, pattern: /^\d{2}\.\d{2}\.\d{4}$/ },
  TechCode: { max: 2, pattern: /^\d{2}$/ },
};

/** Limit of the required block in bytes (ГОСТ Р 56042-2014, 5.3). */
export const REQUIRED_BLOCK_MAX_BYTES = 300;

export class PaymentQrError extends Error {
  constructor(readonly problems: { field: string; message: string }[]) {
    super(`payment QR: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'PaymentQrError';
  }
}

// Separator candidates: `|` by default; the standard allows any character not found in the values.
const SEPARATORS = ['|', '#', ';', ':', '^', '~', '`', '@'];

/** Builds the UTF-8 (flag 2) payload string; throws PaymentQrError listing every broken limit. */
export function buildPaymentQrPayload(fields: PaymentQrFields): string {
  const pairs: [string, string][] = [];
  const problems: { field: string; message: string }[] = [];
  for (const key of [...REQUIRED, ...OPTIONAL_ORDER]) {
    const raw = fields[key];
    if (raw === undefined || raw === '') {
      if ((REQUIRED as readonly string[]).includes(key)) problems.push({ field: key, message: 'required' });
      continue;
    }
    if (typeof raw === 'bigint' && raw < 0n) {
      problems.push({ field: key, message: 'must not be negative' });
      continue;
    }
    const value = String(raw)
      .replace(/[\r\n]+/g, ' ')
      .trim();
    const limit = LIMITS[key]!;
    const length = [...value].length;
    if (length > limit.max || (limit.exact && length !== limit.max)) {
      problems.push({
        field: key,
        message: limit.exact ? `must be exactly ${limit.max} characters` : `at most ${limit.max} characters`,
      });
    } else if (limit.pattern && !limit.pattern.test(value)) {
      problems.push({ field: key, message: 'has the wrong format' });
    }
    pairs.push([key, value]);
  }
  const separator = SEPARATORS.find((s) => pairs.every(([, v]) => !v.includes(s)));
  if (!separator) problems.push({ field: '*', message: 'every separator character occurs in the values' });
  if (problems.length) throw new PaymentQrError(problems);

  const header = `ST0001${'2'}${separator}`;
  const required =
    header +
    pairs
      .slice(0, REQUIRED.length)
      .map(([k, v]) => `${k}=${v}`)
      .join(separator!);
  if (Buffer.byteLength(required, 'utf8') > REQUIRED_BLOCK_MAX_BYTES) {
    throw new PaymentQrError([{ field: '*', message: `the required block is over ${REQUIRED_BLOCK_MAX_BYTES} bytes` }]);
  }
  const optional = pairs.slice(REQUIRED.length).map(([k, v]) => `${k}=${v}`);
  return [required, ...optional].join(separator!);
}

/** Reads a payload back into its fields (used to check what a printed QR says). */
export function parsePaymentQrPayload(payload: string): {
  encoding: string;
  separator: string;
  fields: Record<string, string>;
} {
  const m = /^ST0001([123])(.)/su.exec(payload);
  if (!m) throw new Error('not a ГОСТ Р 56042-2014 payload');
  const separator = m[2]!;
  const fields: Record<string, string> = {};
  for (const part of payload.slice(m[0].length).split(separator)) {
    const at = part.indexOf('=');
    if (at > 0) fields[part.slice(0, at)] = part.slice(at + 1);
  }
  return { encoding: m[1]!, separator, fields };
}

/** `2026-03` → `032026`, the PaymPeriod form (MMYYYY). */
export const paymPeriod = (period: string) => `${period.slice(5, 7)}${period.slice(0, 4)}`;
