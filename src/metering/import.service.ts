import type pg from 'pg';
import type { ErrorCode } from '../../contracts/errors.js';
import type { Enqueue } from '../../contracts/ports.js';
import {
  importMeterRowSchema,
  importReadingRowSchema,
  type ImportMeterRow,
  type ImportReadingRow,
  type ImportResult,
  type Resource,
  type RowError,
} from '../../contracts/metering.js';
import { queueNewForSync } from '../sync/outbox.js';
import { fromThousandths, toThousandths } from './decimal.js';
import { accountIdsByNumber } from '../accounts/accounts.repo.js';
import { findReadingSettings, upsertMeters, type MeterUpsert } from './meters.repo.js';
import { unsafeTextPaths } from '../http/text-guard.js';
import { BadRow } from './import-body.js';
import { lastDay } from '../calendar.js';
import { checkReading, TARIFFS, type PastReading } from './reading-rules.js';
import {
  findOrgMetersById,
  copyReadings,
  findOrgMetersByNumber,
  liveReadingsAround,
  preferIndexScans,
  supersedeReadings,
  type ImportMeter,
  type NewReading,
  type ReadingRow,
} from './readings.repo.js';
import { READING_SYNC } from './service.js';
import type { Db } from '../db/pool.js';

/**
 * Rows per batch: the body is read, checked and written this many rows at a time, so an import's
 * memory is bounded by the batch, not the body (issue 14: 50 MB of NDJSON took 4.7 GB).
 */
export const IMPORT_BATCH = 5_000;

/** Error entries kept in an import's answer; past it only `errorsOmitted` counts them. */
export const MAX_LISTED_ERRORS = 1_000;

interface Valid<T> {
  index: number;
  row: T;
}

/** The counts and the first MAX_LISTED_ERRORS errors of an import, whatever its size. */
class ImportTally {
  received = 0;
  accepted = 0;
  rejected = 0;
  omitted = 0;
  readonly errors: RowError[] = [];

  constructor(private readonly onBatch?: BatchErrors) {}

  /** Adds one batch's errors (any order; rows of a batch follow the rows of earlier batches). */
  addBatch(errors: RowError[]) {
    errors.sort((a, b) => a.index - b.index);
    this.onBatch?.(errors);
    this.rejected += new Set(errors.map((e) => e.index)).size;
    const room = Math.max(0, MAX_LISTED_ERRORS - this.errors.length);
    this.errors.push(...errors.slice(0, room));
    this.omitted += Math.max(0, errors.length - room);
  }

  result(): ImportResult {
    const { received, accepted, rejected, errors } = this;
    return { received, accepted, rejected, errors, ...(this.omitted ? { errorsOmitted: this.omitted } : {}) };
  }
}

/**
 * Sees every batch's errors in full, once per batch in body order, before the batch is written (the
 * staff console's file imports keep a result per row; the answer lists only the first errors).
 */
export type BatchErrors = (errors: RowError[]) => void;

type RowIssues = { issues: { path: PropertyKey[]; message: string }[] };
type RowSchema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: RowIssues } };

function parseRows<T>(rows: unknown[], first: number, schema: RowSchema<T>) {
  const valid: Valid<T>[] = [];
  const errors: RowError[] = [];
  rows.forEach((raw, i) => {
    const index = first + i;
    if (raw instanceof BadRow) {
      errors.push({ index, field: '', code: 'malformed_row', message: raw.message });
      return;
    }
    // PostgreSQL cannot store NUL, and an unpaired surrogate would be stored as U+FFFD: the row is refused.
    const unsafe = unsafeTextPaths(raw, 'row');
    if (unsafe.tooDeep) {
      errors.push({ index, field: '', code: 'malformed_row', message: 'The row nests too deep' });
      return;
    }
    if (unsafe.fields.length) {
      for (const f of unsafe.fields) {
        errors.push({ index, field: f.path.slice('row.'.length), code: 'invalid_text', message: f.message });
      }
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

/**
 * The organisation's readings, kept row by row: each row is checked by the same rules as a
 * resident's (tariffs, capacity, not below the previous reading unless rolled over, verification),
 * except the high-consumption confirmation, which has nobody to confirm it. A row for a period that
 * already has a live reading supersedes it. The body is taken IMPORT_BATCH rows at a time as it
 * streams in; within a batch, rows of one meter are checked in period order, each against the
 * previous accepted one; a later batch sees what earlier ones wrote, as a later import would.
 * Set-based per batch: meters are looked up once per distinct key, stored readings once per meter,
 * and accepted rows go in with one COPY and are queued for the state system on the same transaction.
 */
export async function importReadings(
  tx: pg.PoolClient,
  enqueue: Enqueue,
  organisationId: string,
  actorId: string,
  batches: AsyncIterable<unknown[]>,
  now: Date,
  onBatch?: BatchErrors,
): Promise<ImportResult> {
  // The lookups below run per meter against rows this same transaction keeps inserting.
  await preferIndexScans(tx);
  const settings = await findReadingSettings(tx, organisationId);
  const today = now.toISOString().slice(0, 10);
  const tally = new ImportTally(onBatch);
  // The previous batch's writes run while the next batch is read and validated; its lookups wait for
  // them (same connection), so each batch is checked against everything written before it.
  let writing: Promise<void> = Promise.resolve();
  for await (const rows of batches) ({ writing } = await takeBatch(rows, writing));
  await writing;
  return tally.result();

  /**
   * Checks one batch and starts its writes (answered, not awaited). The batch's working objects are this
   * function's locals, gone when it returns: a loop body's would stay alive while the next batch is read,
   * long enough to be promoted to the old generation, where they pile up as garbage until a full GC.
   */
  async function takeBatch(rows: unknown[], previous: Promise<void>) {
    const { valid, errors } = parseRows<ImportReadingRow>(rows, tally.received, importReadingRowSchema);
    tally.received += rows.length;
    await previous;
    const located = await locate(valid, errors);
    const { keep, replaced } = checkBatch(located, await storedAround(tx, located), errors);
    tally.addBatch(errors);
    const writing = writeBatch(keep, replaced);
    writing.catch(() => undefined); // awaited before the next query; a failure must not count as unhandled meanwhile
    return { writing };
  }

  async function locate(valid: Valid<ImportReadingRow>[], errors: RowError[]): Promise<Located[]> {
    const byId = await findOrgMetersById(tx, organisationId, [
      ...new Set(valid.flatMap((v) => (v.row.meterId ? [v.row.meterId] : []))),
    ]);
    const numberKey = (r: ImportReadingRow) => `${r.accountNumber}\u0000${r.serialNumber}\u0000${r.resource ?? ''}`;
    const keys = new Map<string, { accountNumber: string; serialNumber: string; resource: Resource | null }>();
    for (const { row } of valid) {
      if (!row.meterId && !keys.has(numberKey(row))) {
        keys.set(numberKey(row), {
          accountNumber: row.accountNumber!,
          serialNumber: row.serialNumber!,
          resource: row.resource ?? null,
        });
      }
    }
    const found = keys.size ? await findOrgMetersByNumber(tx, organisationId, [...keys.values()]) : [];
    const byNumber = new Map([...keys.keys()].map((k, i) => [k, found[i]]));
    const located: Located[] = [];
    for (const v of valid) {
      const meter = v.row.meterId ? byId.get(v.row.meterId) : byNumber.get(numberKey(v.row));
      if (meter) located.push({ ...v, meter });
      else
        errors.push({
          index: v.index,
          field: v.row.meterId ? 'meterId' : 'serialNumber',
          code: 'meter_not_found',
          message: 'No such meter of this organisation',
        });
    }
    // A meter's rows are checked together, in period order (then body order).
    located.sort((a, b) =>
      a.meter.id < b.meter.id
        ? -1
        : a.meter.id > b.meter.id
          ? 1
          : a.row.period < b.row.period
            ? -1
            : a.row.period > b.row.period
              ? 1
              : a.index - b.index,
    );
    return located;
  }

  async function storedAround(db: Db, batch: Located[]) {
    const span = new Map<string, { lo: string; hi: string }>();
    for (const { meter, row } of batch) {
      const s = span.get(meter.id);
      if (!s) span.set(meter.id, { lo: row.period, hi: row.period });
      else s.hi = row.period; // sorted by period within a meter
    }
    const stored = new Map<string, ReadingRow[]>();
    if (!span.size) return stored;
    const ids = [...span.keys()];
    for (const r of await liveReadingsAround(
      db,
      ids,
      ids.map((id) => span.get(id)!.lo),
      ids.map((id) => span.get(id)!.hi),
    )) {
      const list = stored.get(r.meter_id);
      if (list) list.push(r);
      else stored.set(r.meter_id, [r]);
    }
    return stored;
  }

  async function writeBatch(keep: NewReading[], replaced: string[]) {
    await supersedeReadings(tx, replaced);
    const inserted = keep.length ? await copyReadings(tx, keep) : [];
    tally.accepted += inserted.length;
    await queueNewForSync(
      tx,
      enqueue,
      inserted.map((id) => ({ organisationId, ...READING_SYNC, objectId: id })),
    );
  }

  function checkBatch(batch: Located[], stored: Map<string, ReadingRow[]>, errors: RowError[]) {
    const keep: NewReading[] = [];
    const replaced: string[] = [];
    let current = '';
    let history: ReadingRow[] = [];
    let next = 0; // first stored reading not yet before the row's period
    let lastStored = null as PastReading | null;
    let lastKept = null as PastReading | null;
    for (const { index, row, meter } of batch) {
      if (meter.id !== current) {
        current = meter.id;
        history = stored.get(meter.id) ?? [];
        next = 0;
        lastStored = null;
        lastKept = null;
      }
      while (next < history.length && history[next]!.period < row.period)
        lastStored = pastOf(history[next++]!, meter.tariffs);
      const fail = (field: string, code: ErrorCode, message: string) =>
        void errors.push({ index, field, code, message });
      const sent = [row.t1, row.t2, row.t3];
      const wrong = TARIFFS.find((_, t) => t < meter.tariffs !== (sent[t] !== undefined));
      if (wrong) {
        fail(
          wrong,
          'tariff_values_mismatch',
          `The meter has ${meter.tariffs} tariff(s): send exactly ${TARIFFS.slice(0, meter.tariffs).join(', ')}`,
        );
        continue;
      }
      if (lastKept?.period === row.period) {
        fail('period', 'duplicate_row', `An earlier row already gives this meter's reading for ${row.period}`);
        continue;
      }
      const values = sent.slice(0, meter.tariffs).map((v) => toThousandths(v!));
      const previous = lastKept && (!lastStored || lastKept.period >= lastStored.period) ? lastKept : lastStored;
      // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as strings; Math.min takes numbers
      const takenOn = row.takenOn ?? (lastDay(row.period) < today ? lastDay(row.period) : today);
      const result = checkReading({
        meter: {
          tariffs: meter.tariffs,
          digitCapacity: meter.digit_capacity,
          nextVerification: meter.next_verification,
          archived: meter.archived,
        },
        values,
        period: row.period,
        previous,
        average: null,
        today: takenOn,
        policy: { acceptUnverifiedMeters: settings.acceptUnverifiedMeters, confirmFactorHundredths: 0n },
        confirmed: true,
      });
      if (result.violations.length) {
        for (const v of result.violations)
          fail(v.tariff ?? (v.code === 'meter_verification_overdue' ? 'takenOn' : 'meterId'), v.code, v.message);
        continue;
      }
      const same = history[next]?.period === row.period ? history[next]! : null;
      if (same) replaced.push(same.id);
      lastKept = { period: row.period, values };
      keep.push({
        meterId: meter.id,
        period: row.period,
        takenOn,
        t1: fromThousandths(values[0]!),
        t2: values[1] !== undefined ? fromThousandths(values[1]) : null,
        t3: values[2] !== undefined ? fromThousandths(values[2]) : null,
        source: 'organisation',
        submittedBy: actorId,
        highConsumptionConfirmed: false,
      });
    }
    return { keep, replaced };
  }
}

interface Located extends Valid<ImportReadingRow> {
  meter: ImportMeter;
}

const pastOf = (r: ReadingRow, tariffs: number): PastReading => ({
  period: r.period,
  values: [r.t1, r.t2, r.t3].slice(0, tariffs).map((v) => toThousandths(v ?? '0')),
});

/**
 * The organisation's meters, created or updated by (account number, resource, serial number), row by
 * row, IMPORT_BATCH rows at a time as the body streams in. A meter named twice in one batch is a
 * duplicate row; named again in a later batch, it is updated again, as a later import would.
 */
export async function importMeters(
  tx: Db,
  organisationId: string,
  batches: AsyncIterable<unknown[]>,
  onBatch?: BatchErrors,
): Promise<ImportResult> {
  const tally = new ImportTally(onBatch);
  for await (const rows of batches) {
    const { valid, errors } = parseRows<ImportMeterRow>(rows, tally.received, importMeterRowSchema);
    tally.received += rows.length;
    const accounts = await accountIdsByNumber(tx, organisationId, [...new Set(valid.map((v) => v.row.accountNumber))]);
    const seen = new Map<string, number>();
    const keep: MeterUpsert[] = [];
    for (const { index, row } of valid) {
      const accountId = accounts.get(row.accountNumber);
      if (!accountId) {
        const message = 'No such account of this organisation';
        errors.push({ index, field: 'accountNumber', code: 'account_not_found', message });
        continue;
      }
      const k = `${accountId} ${row.resource} ${row.serialNumber}`;
      if (seen.has(k)) {
        const message = `The same meter as row ${seen.get(k)}`;
        errors.push({ index, field: 'serialNumber', code: 'duplicate_row', message });
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
    tally.accepted += (await upsertMeters(tx, keep)).length;
    tally.addBatch(errors);
  }
  return tally.result();
}
