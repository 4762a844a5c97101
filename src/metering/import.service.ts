import type { Enqueue, SqlExecutor } from '../../contracts/ports.js';
import {
  importMeterRowSchema,
  importReadingRowSchema,
  type ImportMeterRow,
  type ImportReadingRow,
  type ImportResult,
  type Resource,
  type RowError,
} from '../../contracts/metering.js';
import { queueForSync } from '../sync/outbox.js';
import { fromThousandths, toThousandths } from './decimal.js';
import { findAccountIdsByNumber, findReadingSettings, upsertMeters, type MeterUpsert } from './meters.repo.js';
import { UNPARSABLE } from './ndjson.js';
import { daysInMonth } from './period.js';
import { checkReading, TARIFFS, type PastReading } from './reading-rules.js';
import { insertReadings, resolveImportRows, supersedeLivePeriods, type NewReading } from './readings.repo.js';
import { READING_SYNC } from './service.js';

/** Rows per statement: large enough to amortise round trips, small enough to bound one statement's memory. */
const CHUNK = 10_000;


interface Valid<T> {
  index: number;
  row: T;
}

function parseRows<T>(rows: unknown[], schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }) {
  const valid: Valid<T>[] = [];
  const errors: RowError[] = [];
  rows.forEach((raw, index) => {
    if (raw === UNPARSABLE) {
      errors.push({ index, field: '', code: 'malformed_row', message: 'The line is not a JSON object' });
      return;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) valid.push({ index, row: parsed.data });
    else {
      for (const issue of parsed.error.issues) {
        errors.push({ index, field: issue.path.map(String).join('.'), code: 'invalid_value', message: issue.message });
      }
    }
  });
  return { valid, errors };
}

const lastDayOf = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
};

/**
 * The organisation's readings, kept row by row: each row is checked by the same rules as a
 * resident's (tariffs, capacity, not below the previous reading unless rolled over, verification),
 * except the high-consumption confirmation, which has nobody to confirm it. A row for a period that
 * already has a live reading supersedes it. Rows of one meter are checked in period order, each
 * against the previous accepted one. Meters and previous readings are looked up per batch in one
 * statement; accepted rows go in with one insert and are queued for the state system.
 */
export async function importReadings(
  tx: SqlExecutor,
  enqueue: Enqueue,
  organisationId: string,
  actorId: string,
  rows: unknown[],
  now: Date,
): Promise<ImportResult> {
  const { valid, errors } = parseRows<ImportReadingRow>(rows, importReadingRowSchema);
  const settings = await findReadingSettings(tx, organisationId);
  const today = now.toISOString().slice(0, 10);
  // Rows of one meter must meet in one batch, in period order: sort by meter key, then period.
  const key = (r: ImportReadingRow) => r.meterId ?? `${r.accountNumber}\u0000${r.serialNumber}\u0000${r.resource ?? ''}`;
  valid.sort((a, b) => (key(a.row) < key(b.row) ? -1 : key(a.row) > key(b.row) ? 1 : a.row.period < b.row.period ? -1 : a.row.period > b.row.period ? 1 : a.index - b.index));

  let accepted = 0;
  for (let start = 0; start < valid.length; ) {
    let end = Math.min(start + CHUNK, valid.length);
    while (end < valid.length && key(valid[end]!.row) === key(valid[end - 1]!.row)) end++;
    accepted += await importChunk(valid.slice(start, end));
    start = end;
  }
  errors.sort((a, b) => a.index - b.index);
  return { received: rows.length, accepted, rejected: new Set(errors.map((e) => e.index)).size, errors };

  async function importChunk(chunk: Valid<ImportReadingRow>[]): Promise<number> {
    const resolved = await resolveImportRows(tx, organisationId, {
      idx: chunk.map((_, i) => i),
      meterId: chunk.map((c) => c.row.meterId ?? null),
      accountNumber: chunk.map((c) => c.row.accountNumber ?? null),
      serialNumber: chunk.map((c) => c.row.serialNumber ?? null),
      resource: chunk.map((c) => (c.row.resource ?? null) as Resource | null),
      period: chunk.map((c) => c.row.period),
    });
    const byIdx = new Array<(typeof resolved)[number]>(chunk.length);
    for (const r of resolved) byIdx[r.idx] = r;

    const keep: NewReading[] = [];
    const keptPeriods = new Set<string>();
    const supersede: { meterId: string; period: string }[] = [];
    let lastGood: { meterId: string; reading: PastReading } | null = null;
    chunk.forEach(({ index, row }, i) => {
      const m = byIdx[i]!;
      const fail = (field: string, code: string, message: string) => errors.push({ index, field, code, message });
      if (!m.meter_id) return fail(row.meterId ? 'meterId' : 'serialNumber', 'meter_not_found', 'No such meter of this organisation');
      const sent = [row.t1, row.t2, row.t3];
      const missing = TARIFFS.find((_, t) => (t < m.tariffs) !== (sent[t] !== undefined));
      if (missing) return fail(missing, 'tariff_values_mismatch', `The meter has ${m.tariffs} tariff(s): send exactly ${TARIFFS.slice(0, m.tariffs).join(', ')}`);
      const dupKey = `${m.meter_id} ${row.period}`;
      if (keptPeriods.has(dupKey)) return fail('period', 'duplicate_row', `An earlier row already gives this meter's reading for ${row.period}`);

      const values = sent.slice(0, m.tariffs).map((v) => toThousandths(v!));
      const stored: PastReading | null = m.prev_period
        ? { period: m.prev_period, values: [m.prev_t1, m.prev_t2, m.prev_t3].slice(0, m.tariffs).map((v) => toThousandths(v ?? '0')) }
        : null;
      const inBatch = lastGood?.meterId === m.meter_id && lastGood.reading.period < row.period ? lastGood.reading : null;
      const previous = inBatch && (!stored || inBatch.period >= stored.period) ? inBatch : stored;
      const takenOn = row.takenOn ?? (lastDayOf(row.period) < today ? lastDayOf(row.period) : today);
      const result = checkReading({
        meter: { tariffs: m.tariffs, digitCapacity: m.digit_capacity, nextVerification: m.next_verification, archived: m.archived },
        values,
        period: row.period,
        previous,
        average: null,
        today: takenOn,
        policy: { acceptUnverifiedMeters: settings.acceptUnverifiedMeters, confirmFactorHundredths: 0n },
        confirmed: true,
      });
      if (result.violations.length) {
        for (const v of result.violations) fail(v.tariff ?? (v.code === 'meter_verification_overdue' ? 'takenOn' : 'meterId'), v.code, v.message);
        return;
      }
      keptPeriods.add(dupKey);
      if (m.same_id) supersede.push({ meterId: m.meter_id, period: row.period });
      lastGood = { meterId: m.meter_id, reading: { period: row.period, values } };
      keep.push({
        meterId: m.meter_id,
        period: row.period,
        takenOn,
        t1: fromThousandths(values[0]!),
        t2: values[1] !== undefined ? fromThousandths(values[1]) : null,
        t3: values[2] !== undefined ? fromThousandths(values[2]) : null,
        source: 'organisation',
        submittedBy: actorId,
        highConsumptionConfirmed: false,
      });
    });
    await supersedeLivePeriods(tx, supersede.map((s) => s.meterId), supersede.map((s) => s.period));
    const ids = await insertReadings(tx, keep);
    await queueForSync(tx, enqueue, ids.map((id) => ({ organisationId, ...READING_SYNC, objectId: id })));
    return ids.length;
  }
}

/** The organisation's meters, created or updated by (account number, resource, serial number), row by row. */
export async function importMeters(tx: SqlExecutor, organisationId: string, rows: unknown[]): Promise<ImportResult> {
  const { valid, errors } = parseRows<ImportMeterRow>(rows, importMeterRowSchema);
  const accounts = await findAccountIdsByNumber(tx, organisationId, valid.map((v) => v.row.accountNumber));
  const seen = new Map<string, number>();
  const keep: MeterUpsert[] = [];
  for (const { index, row } of valid) {
    const accountId = accounts.get(row.accountNumber);
    if (!accountId) {
      errors.push({ index, field: 'accountNumber', code: 'account_not_found', message: 'No such account of this organisation' });
      continue;
    }
    const k = `${accountId} ${row.resource} ${row.serialNumber}`;
    if (seen.has(k)) {
      errors.push({ index, field: 'serialNumber', code: 'duplicate_row', message: `The same meter as row ${seen.get(k)}` });
      continue;
    }
    seen.set(k, index);
    keep.push({
      accountId,
      resource: row.resource,
      serialNumber: row.serialNumber,
      tariffs: row.tariffs,
      digitCapacity: row.digitCapacity ?? null,
      installedOn: row.installedOn ?? null,
      sealedOn: row.sealedOn ?? null,
      verifiedOn: row.verifiedOn ?? null,
      nextVerification: row.nextVerification ?? null,
      archived: row.archived,
    });
  }
  let accepted = 0;
  for (let i = 0; i < keep.length; i += CHUNK) accepted += (await upsertMeters(tx, keep.slice(i, i + CHUNK))).length;
  errors.sort((a, b) => a.index - b.index);
  return { received: rows.length, accepted, rejected: new Set(errors.map((e) => e.index)).size, errors };
}
