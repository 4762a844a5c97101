// What each kind of file import does with its rows: how cells are read, which rows make one record,
// and which module's import takes the records. The rules of the records are those modules' own (the
// same checks as the JSON/NDJSON imports); this file only carries row numbers and fields across.

import type pg from 'pg';
import type { Actor } from '../../contracts/actor.js';
import { chargeImportItem } from '../../contracts/billing.js';
import { IMPORT_FIELDS, type ImportKind, type ImportMapping, type ImportRowError } from '../../contracts/imports.js';
import type { RowError } from '../../contracts/metering.js';
import type { Enqueue } from '../../contracts/ports.js';
import { upsertOrganisationAccounts } from '../accounts/org-import.service.js';
import type { FieldCipher } from '../identity/crypto.js';
import { importCharges } from '../billing/service.js';
import { importMeters, importReadings } from '../metering/import.service.js';
import { rowText } from './texts.js';
import { readValue, type ValueType } from './values.js';

/** A data row read through the mapping: the cells' text by field, the values read from them, its errors. */
export interface MappedRow {
  row: number;
  values: Record<string, string>;
  record: Record<string, unknown>;
  errors: ImportRowError[];
}

export type RowStatus = 'imported' | 'unchanged' | 'rejected';
export interface RowResult {
  row: number;
  status: RowStatus;
  key: string | null;
  errors: ImportRowError[];
}

export interface RunContext {
  tx: pg.PoolClient;
  enqueue: Enqueue;
  actor: Actor;
  /** The field cipher: owners' SNILS and documents are stored encrypted. */
  cipher: FieldCipher;
  now: Date;
  mapping: ImportMapping;
}

interface KindSpec {
  types: Record<string, ValueType>;
  /** Rows of a batch with the same group key are one record (a period's lines, an account's owners). */
  groupKey?: (r: MappedRow) => string;
  key(r: MappedRow): string | null;
  /** What the mapping lacks, or null. */
  mappingProblem(mapping: ImportMapping): string | null;
  /** Imports the batches on the transaction, handing over every row's result, batch by batch. */
  run(ctx: RunContext, batches: AsyncIterable<MappedRow[]>, emit: (results: RowResult[]) => void): Promise<void>;
}

/** Codes whose Russian words say all: the importing module's (English) message is left out. */
const SAYS_ALL = new Set([
  'account_not_found',
  'meter_not_found',
  'duplicate_row',
  'missing_value',
  'concurrent_import',
]);

export function rowError(
  mapping: ImportMapping,
  row: number,
  field: string,
  code: string,
  detail?: string,
): ImportRowError {
  const column = (field && mapping[field.split('.')[0]!]) || null;
  const keep = detail && !SAYS_ALL.has(code);
  return { row, field, column, code, message: rowText(code), ...(keep ? { detail } : {}) };
}

/** Reads one row's cells through the mapping: every mapped field's text, its value, missing or unreadable ones. */
export function mapRow(
  kind: ImportKind,
  row: number,
  cells: string[],
  columns: Map<string, number>,
  mapping: ImportMapping,
): MappedRow {
  const spec = KINDS[kind];
  const values: Record<string, string> = {};
  const record: Record<string, unknown> = {};
  const errors: ImportRowError[] = [];
  for (const field of IMPORT_FIELDS[kind]) {
    const at = columns.get(field.key);
    const text = at === undefined ? '' : (cells[at] ?? '');
    if (at !== undefined) values[field.key] = text;
    const read = readValue(spec.types[field.key] ?? 'text', text);
    if (read === null) {
      if (field.required) errors.push(rowError(mapping, row, field.key, 'missing_value'));
    } else if (read.ok) record[field.key] = read.value;
    else errors.push(rowError(mapping, row, field.key, 'unreadable_value', `«${text}»: ${read.message}`));
  }
  return { row, values, record, errors };
}

const isEmpty = (r: MappedRow) => Object.values(r.values).every((v) => v === '');
export { isEmpty as isEmptyRow };

/** Rows with the same key, in the order of their first row (a billing export may list an account's lines apart). */
function groups(rows: MappedRow[], key: (r: MappedRow) => string): MappedRow[][] {
  const byKey = new Map<string, MappedRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  return [...byKey.values()];
}

type Issue = { path: PropertyKey[]; message: string };
const issuePath = (i: Issue) => i.path.map(String);

/** Adds schema issues to a row, except for fields that already have an error (missing or unreadable). */
function addIssues(mapping: ImportMapping, r: MappedRow, issues: Issue[], fieldOf = (p: string[]) => p.join('.')) {
  for (const issue of issues) {
    const field = fieldOf(issuePath(issue));
    if (r.errors.some((e) => e.field === field)) continue;
    r.errors.push(rowError(mapping, r.row, field, 'invalid_value', issue.message));
  }
}

/** Rows of one record go together: a bad row rejects its siblings too. */
function rejectSiblings(mapping: ImportMapping, group: MappedRow[]) {
  const bad = group.find((r) => r.errors.length);
  if (!bad) return false;
  for (const r of group)
    if (!r.errors.length) r.errors.push(rowError(mapping, r.row, '', 'group_rejected', `строка ${bad.row}`));
  return true;
}

const resultOf = (spec: KindSpec, r: MappedRow, status: RowStatus = 'imported'): RowResult => ({
  row: r.row,
  status: r.errors.length ? 'rejected' : status,
  key: spec.key(r),
  errors: r.errors,
});

/**
 * Runs a metering import (readings or meters) over the batches, taking the rows that were read whole,
 * and matches its per-batch errors back to the rows: the metering import numbers the rows it is given.
 */
async function runMetering(
  spec: KindSpec,
  ctx: RunContext,
  batches: AsyncIterable<MappedRow[]>,
  emit: (results: RowResult[]) => void,
  start: (feed: AsyncIterable<unknown[]>, onBatch: (errors: RowError[]) => void) => Promise<unknown>,
) {
  const given: { first: number; all: MappedRow[]; passed: MappedRow[] }[] = [];
  let count = 0;
  async function* feed() {
    for await (const all of batches) {
      const passed = all.filter((r) => !r.errors.length);
      given.push({ first: count, all, passed });
      count += passed.length;
      yield passed.map((r) => r.record);
    }
  }
  await start(feed(), (errors) => {
    const batch = given.shift()!;
    for (const e of errors) {
      const r = batch.passed[e.index - batch.first];
      if (r) r.errors.push(rowError(ctx.mapping, r.row, e.field, e.code, e.message));
    }
    emit(batch.all.map((r) => resultOf(spec, r)));
  });
}

const readingKey = (r: MappedRow) => {
  const x = r.record;
  const meter = x.meterId ? String(x.meterId) : [x.accountNumber, x.serialNumber].filter(Boolean).join(' / ');
  return meter || x.period ? `${meter} ${x.period ?? ''}`.trim() : null;
};

const readings: KindSpec = {
  types: {
    period: 'period',
    takenOn: 'date',
    t1: 'decimal',
    t2: 'decimal',
    t3: 'decimal',
    resource: 'resource',
  },
  key: readingKey,
  mappingProblem: (m) =>
    m.meterId || (m.accountNumber && m.serialNumber)
      ? null
      : 'Укажите столбец «Id счётчика» или столбцы «Лицевой счёт» и «Заводской номер»',
  run: (ctx, batches, emit) =>
    runMetering(readings, ctx, batches, emit, (feed, onBatch) =>
      importReadings(ctx.tx, ctx.enqueue, ctx.actor.organisationId, ctx.actor.actorId, feed, ctx.now, onBatch),
    ),
};

const meters: KindSpec = {
  types: {
    resource: 'resource',
    tariffs: 'int',
    digitCapacity: 'int',
    installedOn: 'date',
    sealedOn: 'date',
    verifiedOn: 'date',
    nextVerification: 'date',
    archived: 'bool',
  },
  key: (r) => [r.record.accountNumber, r.record.serialNumber].filter(Boolean).join(' / ') || null,
  mappingProblem: () => null,
  run: (ctx, batches, emit) =>
    runMetering(meters, ctx, batches, emit, (feed, onBatch) =>
      importMeters(ctx.tx, ctx.actor.organisationId, feed, onBatch),
    ),
};

const LINE_FIELDS = [
  'service',
  'unit',
  'volume',
  'volumeCommon',
  'tariff',
  'charged',
  'recalculation',
  'recalculationReason',
  'benefit',
  'penalty',
] as const;
const PERIOD_FIELDS = ['openingDebt', 'paid', 'toPay'] as const;

/** A period of one account: its rows are its lines; the period's sums come from the first row giving them. */
function chargeItem(group: MappedRow[]) {
  const first = group[0]!.record;
  const item: Record<string, unknown> = { accountNumber: first.accountNumber, period: first.period };
  for (const f of PERIOD_FIELDS) {
    const given = group.find((r) => r.record[f] !== undefined);
    if (given) item[f] = given.record[f];
  }
  item.lines = group.map((r) =>
    Object.fromEntries(LINE_FIELDS.flatMap((f) => (r.record[f] === undefined ? [] : [[f, r.record[f]]]))),
  );
  return item;
}

function checkCharges(group: MappedRow[], mapping: ImportMapping) {
  const parsed = chargeImportItem.safeParse(chargeItem(group));
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const [head, at, ...rest] = issuePath(issue);
    if (head === 'lines' && at !== undefined && group[Number(at)])
      addIssues(mapping, group[Number(at)]!, [{ ...issue, path: rest }]);
    else {
      const field = head ?? '';
      const r = group.find((x) => x.record[field] !== undefined) ?? group[0]!;
      addIssues(mapping, r, [issue]);
    }
  }
  return null;
}

const chargeKey = (r: MappedRow) => `${r.record.accountNumber ?? ''} ${r.record.period ?? ''}`;

const charges: KindSpec = {
  types: {
    period: 'period',
    volume: 'decimal',
    volumeCommon: 'decimal',
    tariff: 'rubles',
    charged: 'rubles',
    recalculation: 'rubles',
    benefit: 'rubles',
    penalty: 'rubles',
    openingDebt: 'rubles',
    paid: 'rubles',
    toPay: 'rubles',
  },
  groupKey: chargeKey,
  key: (r) => chargeKey(r).trim() || null,
  mappingProblem: () => null,
  async run(ctx, batches, emit) {
    const fieldOf: Record<string, string> = {
      account_not_found: 'accountNumber',
      duplicate_row: 'period',
      totals_mismatch: 'toPay',
    };
    for await (const batch of batches) {
      const items = [];
      const itemGroups: MappedRow[][] = [];
      for (const group of groups(batch, chargeKey)) {
        const item = group.some((r) => r.errors.length) ? null : checkCharges(group, ctx.mapping);
        if (rejectSiblings(ctx.mapping, group) || !item) continue;
        items.push(item);
        itemGroups.push(group);
      }
      const status = new Map<MappedRow, RowStatus>();
      if (items.length) {
        for (const result of await importCharges(ctx.tx, ctx.actor.organisationId, ctx.actor.actorId, items)) {
          const group = itemGroups[result.index]!;
          if (result.status === 'error') {
            const code = result.error?.code ?? 'invalid_value';
            for (const r of group)
              r.errors.push(rowError(ctx.mapping, r.row, fieldOf[code] ?? '', code, result.error?.message));
          } else for (const r of group) status.set(r, result.status === 'unchanged' ? 'unchanged' : 'imported');
        }
      }
      emit(batch.map((r) => resultOf(charges, r, status.get(r))));
    }
  },
};

/** File fields of an owner → their path in AccountOwnerInput. */
const OWNER_FIELDS: Record<string, string> = {
  ownerLastName: 'lastName',
  ownerFirstName: 'firstName',
  ownerMiddleName: 'middleName',
  ownerShare: 'share',
  ownerTitleDocument: 'titleDocument',
  ownerSnils: 'snils',
  ownerDocType: 'idDocument.type',
  ownerDocSeries: 'idDocument.series',
  ownerDocNumber: 'idDocument.number',
  ownerDocIssuedOn: 'idDocument.issuedOn',
  ownerOrgName: 'organisation.name',
  ownerOgrn: 'organisation.ogrn',
  ownerInn: 'organisation.inn',
  ownerKpp: 'organisation.kpp',
  ownerOrgVersionGuid: 'organisation.orgVersionGuid',
};
const ACCOUNT_FIELDS = [
  'number',
  'houseFiasGuid',
  'houseId',
  'premiseNumber',
  'unifiedNumber',
  'serviceId',
  'status',
  'contactEmail',
];

/**
 * An owner from its row: nested as AccountOwnerInput has it. A document type may be written as «паспорт»
 * (NSI 95 code 1); an organisation's name may stand in the surname's column (with its OGRN beside).
 */
function ownerOfRow(record: Record<string, unknown>) {
  const owner: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(OWNER_FIELDS)) {
    const value = record[from];
    if (value === undefined) continue;
    const [head, leaf] = to.split('.') as [string, string | undefined];
    if (leaf) owner[head] = { ...(owner[head] as object | undefined), [leaf]: value };
    else owner[head] = value;
  }
  // A spreadsheet that took SNILS for a number dropped its leading zeros; the checksum still judges it.
  if (typeof owner.snils === 'string' && /^\d{9,10}$/.test(owner.snils)) owner.snils = owner.snils.padStart(11, '0');
  const doc = owner.idDocument as { type?: string } | undefined;
  if (doc?.type && /^паспорт/i.test(doc.type)) doc.type = '1';
  const org = owner.organisation as { name?: unknown } | undefined;
  if (org && org.name === undefined && owner.lastName !== undefined) {
    org.name = owner.lastName;
    delete owner.lastName;
  }
  return owner;
}

/** An account: its first row's fields, and an owner per row that names one. */
function accountRecord(group: MappedRow[]) {
  const first = group[0]!.record;
  const account: Record<string, unknown> = {};
  for (const f of ACCOUNT_FIELDS) if (first[f] !== undefined) account[f] = first[f];
  const ownerRows = group.filter((r) => Object.keys(OWNER_FIELDS).some((f) => r.record[f] !== undefined));
  account.owners = ownerRows.map((r) => ownerOfRow(r.record));
  return { account, ownerRows };
}

/** Where an accounts error path (`owners.1.share`, `number`) points: the row and the field of the file. */
function accountErrorAt(path: string[], group: MappedRow[], ownerRows: MappedRow[]): [MappedRow, string] {
  if (path[0] === 'owners' && path[1] !== undefined && ownerRows[Number(path[1])]) {
    const at = path.slice(2).join('.');
    const field = Object.entries(OWNER_FIELDS).find(([, to]) => to === at || to === path[2])?.[0] ?? '';
    return [ownerRows[Number(path[1])]!, field];
  }
  return [group[0]!, path[0] ?? ''];
}

const accountKey = (r: MappedRow) => String(r.record.number ?? '');

const accounts: KindSpec = {
  types: { status: 'status', ownerShare: 'share', ownerDocIssuedOn: 'date' },
  groupKey: accountKey,
  key: (r) => accountKey(r) || null,
  mappingProblem: (m) => (m.houseFiasGuid || m.houseId ? null : 'Укажите столбец «ФИАС дома» или «Id дома»'),
  async run(ctx, batches, emit) {
    for await (const batch of batches) {
      const raws: unknown[] = [];
      const parts: { group: MappedRow[]; ownerRows: MappedRow[] }[] = [];
      for (const group of groups(batch, accountKey)) {
        if (rejectSiblings(ctx.mapping, group)) continue;
        const { account, ownerRows } = accountRecord(group);
        raws.push(account);
        parts.push({ group, ownerRows });
      }
      const status = new Map<MappedRow, RowStatus>();
      if (raws.length) {
        for (const result of await upsertOrganisationAccounts(ctx.tx, ctx, ctx.actor, raws)) {
          const { group, ownerRows } = parts[result.index]!;
          if (result.status === 'rejected') {
            for (const e of result.errors ?? []) {
              const path = e.path.split('.').slice(3); // body.accounts.<index>.…
              const [r, field] = accountErrorAt(path, group, ownerRows);
              const code = /^house(Id|FiasGuid)$/.test(field)
                ? 'house_not_in_organisation'
                : e.message === 'repeats an earlier row'
                  ? 'duplicate_row'
                  : 'invalid_value';
              r.errors.push(rowError(ctx.mapping, r.row, field, code, e.message));
            }
            rejectSiblings(ctx.mapping, group);
          } else for (const r of group) status.set(r, result.status === 'unchanged' ? 'unchanged' : 'imported');
        }
      }
      emit(batch.map((r) => resultOf(accounts, r, status.get(r))));
    }
  },
};

export const KINDS: Record<ImportKind, KindSpec> = { accounts, meters, readings, charges };

/** The fields a mapping must name, and the kind's own condition. */
export function mappingProblems(kind: ImportKind, mapping: ImportMapping, headers: string[]): string[] {
  const problems: string[] = [];
  const present = new Set(headers);
  for (const field of IMPORT_FIELDS[kind]) {
    const column = mapping[field.key];
    if (column && !present.has(column)) problems.push(`В файле нет столбца «${column}» (поле «${field.label}»)`);
    else if (field.required && !column) problems.push(`Укажите столбец для поля «${field.label}»`);
  }
  const own = KINDS[kind].mappingProblem(mapping);
  if (own) problems.push(own);
  return problems;
}
