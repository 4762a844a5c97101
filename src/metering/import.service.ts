import type pg from 'pg';
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
import { queueNewForSync } from '../sync/outbox.js';
import { fromThousandths, toThousandths } from './decimal.js';
import { findAccountIdsByNumber, findReadingSettings, upsertMeters, type MeterUpsert } from './meters.repo.js';
import { UNPARSABLE } from './ndjson.js';
import { daysInMonth } from './period.js';
import { checkReading, TARIFFS, type PastReading } from './reading-rules.js';
import {
  findOrgMetersById,
  copyReadings,
  findOrgMetersByNumber,
  liveReadingsAround,
  supersedeReadings,
  type ImportMeter,
  type NewReading,
  type ReadingRow,
} from './readings.repo.js';
import { READING_SYNC } from './service.js';

/** Rows per statement: large enough to amortise round trips, small enough to bound one statement's memory. */
const CHUNK = 5_000;


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
 * against the previous accepted one. Everything is set-based: meters are looked up once per distinct
 * key, stored readings once per meter and batch, and accepted rows go in with one COPY per batch
 * and are queued for the state system on the same transaction.
 */
export async function importReadings(
  { tx, pool }: { tx: pg.PoolClient; pool: pg.Pool },
  enqueue: Enqueue,
  organisationId: string,
  actorId: string,
  rows: unknown[],
  now: Date,
): Promise<ImportResult> {
  const { valid, errors } = parseRows<ImportReadingRow>(rows, importReadingRowSchema);
  // The lookups below run per meter against rows this same transaction keeps inserting, which the
  // planner's statistics never see (a first load into an empty table would be planned as seq scans,
  // one per meter: quadratic). Index lookups are right for every size here.
  await tx.query(`SET LOCAL enable_seqscan = off`);
  const settings = await findReadingSettings(tx, organisationId);
  const today = now.toISOString().slice(0, 10);

  const byId = await findOrgMetersById(tx, organisationId, [...new Set(valid.flatMap((v) => (v.row.meterId ? [v.row.meterId] : [])))]);
  const numberKey = (r: ImportReadingRow) => `${r.accountNumber}\u0000${r.serialNumber}\u0000${r.resource ?? ''}`;
  const keys = new Map<string, { accountNumber: string; serialNumber: string; resource: Resource | null }>();
  for (const { row } of valid) {
    if (!row.meterId && !keys.has(numberKey(row))) keys.set(numberKey(row), { accountNumber: row.accountNumber!, serialNumber: row.serialNumber!, resource: row.resource ?? null });
  }
  const found = await findOrgMetersByNumber(tx, organisationId, [...keys.values()]);
  const byNumber = new Map([...keys.keys()].map((k, i) => [k, found[i]]));

  const located: Located[] = [];
  for (const v of valid) {
    const meter = v.row.meterId ? byId.get(v.row.meterId) : byNumber.get(numberKey(v.row));
    if (meter) located.push({ ...v, meter });
    else errors.push({ index: v.index, field: v.row.meterId ? 'meterId' : 'serialNumber', code: 'meter_not_found', message: 'No such meter of this organisation' });
  }
  // A meter's rows are checked together, in period order (then body order).
  located.sort((a, b) => (a.meter.id < b.meter.id ? -1 : a.meter.id > b.meter.id ? 1 : a.row.period < b.row.period ? -1 : a.row.period > b.row.period ? 1 : a.index - b.index));

  // Chunks hold disjoint meters, so no chunk's lookups depend on another chunk's writes: they run on
  // a second connection while the transaction writes, and each chunk is checked in JS meanwhile.
  const chunks: Located[][] = [];
  for (let start = 0; start < located.length; ) {
    let end = Math.min(start + CHUNK, located.length);
    while (end < located.length && located[end]!.meter.id === located[end - 1]!.meter.id) end++;
    chunks.push(located.slice(start, end));
    start = end;
  }
  const reader = await pool.connect();
  let accepted: number;
  try {
    await reader.query(`BEGIN READ ONLY`);
    await reader.query(`SET LOCAL enable_seqscan = off`);
    let reads: Promise<unknown> = Promise.resolve();
    const stored = chunks.map((chunk) => {
      const p = reads.then(() => storedAround(reader, chunk));
      p.catch(() => undefined); // each is awaited below; a failure must not count as unhandled meanwhile
      reads = p;
      return p;
    });
    let writes: Promise<number> = Promise.resolve(0);
    for (const [i, chunk] of chunks.entries()) {
      const { keep, replaced } = checkChunk(chunk, await stored[i]!);
      writes = writes.then(async (n) => n + (await writeChunk(keep, replaced)));
      writes.catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve)); // let the COPY stream and query results flow
    }
    accepted = await writes;
    await reader.query(`COMMIT`);
  } catch (err) {
    await reader.query(`ROLLBACK`).catch(() => undefined);
    throw err;
  } finally {
    reader.release();
  }
  errors.sort((a, b) => a.index - b.index);
  return { received: rows.length, accepted, rejected: new Set(errors.map((e) => e.index)).size, errors };

  async function storedAround(db: SqlExecutor, chunk: Located[]) {
    const span = new Map<string, { lo: string; hi: string }>();
    for (const { meter, row } of chunk) {
      const s = span.get(meter.id);
      if (!s) span.set(meter.id, { lo: row.period, hi: row.period });
      else s.hi = row.period; // sorted by period within a meter
    }
    const stored = new Map<string, ReadingRow[]>();
    const ids = [...span.keys()];
    for (const r of await liveReadingsAround(db, ids, ids.map((id) => span.get(id)!.lo), ids.map((id) => span.get(id)!.hi))) {
      const list = stored.get(r.meter_id);
      if (list) list.push(r);
      else stored.set(r.meter_id, [r]);
    }
    return stored;
  }

  async function writeChunk(keep: NewReading[], replaced: string[]) {
    await supersedeReadings(tx, replaced);
    const inserted = await copyReadings(tx, keep);
    await queueNewForSync(tx, enqueue, inserted.map((id) => ({ organisationId, ...READING_SYNC, objectId: id })));
    return inserted.length;
  }

  function checkChunk(chunk: Located[], stored: Map<string, ReadingRow[]>) {
    const keep: NewReading[] = [];
    const replaced: string[] = [];
    let current = '';
    let history: ReadingRow[] = [];
    let next = 0; // first stored reading not yet before the row's period
    let lastStored = null as PastReading | null;
    let lastKept = null as PastReading | null;
    for (const { index, row, meter } of chunk) {
      if (meter.id !== current) {
        current = meter.id;
        history = stored.get(meter.id) ?? [];
        next = 0;
        lastStored = null;
        lastKept = null;
      }
      while (next < history.length && history[next]!.period < row.period) lastStored = pastOf(history[next++]!, meter.tariffs);
      const fail = (field: string, code: string, message: string) => void errors.push({ index, field, code, message });
      const sent = [row.t1, row.t2, row.t3];
      const wrong = TARIFFS.find((_, t) => (t < meter.tariffs) !== (sent[t] !== undefined));
      if (wrong) {
        fail(wrong, 'tariff_values_mismatch', `The meter has ${meter.tariffs} tariff(s): send exactly ${TARIFFS.slice(0, meter.tariffs).join(', ')}`);
        continue;
      }
      if (lastKept?.period === row.period) {
        fail('period', 'duplicate_row', `An earlier row already gives this meter's reading for ${row.period}`);
        continue;
      }
      const values = sent.slice(0, meter.tariffs).map((v) => toThousandths(v!));
      const previous = lastKept && (!lastStored || lastKept.period >= lastStored.period) ? lastKept : lastStored;
      const takenOn = row.takenOn ?? (lastDayOf(row.period) < today ? lastDayOf(row.period) : today);
      const result = checkReading({
        meter: { tariffs: meter.tariffs, digitCapacity: meter.digit_capacity, nextVerification: meter.next_verification, archived: meter.archived },
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
