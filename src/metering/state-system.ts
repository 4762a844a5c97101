import type { MeterValueExport } from '../../contracts/gis/ports.js';
import type { Db } from '../db/pool.js';
import { fromThousandths, toThousandths } from './decimal.js';
import { findReadingSettings } from './meters.repo.js';
import { checkReading, type PastReading } from './reading-rules.js';
import {
  findOrgMetersByRootGuid,
  insertStateSystemReadings,
  knownReadings,
  liveReadingsSince,
  supersedeReadings,
  type LiveReading,
  type StateSystemReading,
} from './readings.repo.js';

// Readings residents (or anyone but the hub) entered in the state system itself (Госуслуги.Дом), read back
// by exportMeteringDeviceHistory: stored as the hub's readings with source state_system, checked by the
// rules an organisation's import is checked by, and never sent back (the state system holds them).

/** A state-system value in the hub's numeric(15,3), or null when it does not fit exactly. */
function thousandths(v: string | undefined): bigint | null {
  if (v === undefined) return null;
  const m = /^(\d+)(?:\.(\d*?)0*)?$/.exec(v);
  if (!m) return null;
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  if (int.length > 12 || (m[2] ?? '').length > 3) return null;
  return toThousandths(m[2] ? `${int}.${m[2]}` : int);
}

export interface ReadBackResult {
  /** Readings the hub did not hold, stored (accepted, or kept refused). */
  stored: number;
  refused: number;
  /** Readings the hub holds already (its own, sent there, or read back before). */
  known: number;
  /** Values of devices the hub does not know, or that do not fit numeric(15,3). */
  skipped: number;
}

/**
 * Stores the readings of the organisation's meters the state system answered that the hub does not hold.
 * The export names no reading by an identifier of its own, so a reading is known by meter, date and values,
 * whatever its state here: the hub's own readings come back as sent and are left alone, and so is a reading
 * read back before. Each new one is checked as an organisation's import row is (tariffs, dial capacity, not
 * below the previous reading unless rolled over, verification by the organisation's policy; no confirmation,
 * nobody is there to give it); one that breaks a rule is kept refused (its code in `refusal`, never live). Of
 * two readings of a period, the one entered later is live: a reading entered in the state system after the
 * hub's of the same period supersedes it, one entered before is kept superseded.
 */
export async function storeStateSystemReadings(
  tx: Db,
  organisationId: string,
  values: MeterValueExport[],
): Promise<ReadBackResult> {
  const result: ReadBackResult = { stored: 0, refused: 0, known: 0, skipped: 0 };
  const meters = await findOrgMetersByRootGuid(tx, organisationId, [
    ...new Set(values.map((v) => v.meterRootGuid.toLowerCase())),
  ]);
  const candidates = values.flatMap((v) => {
    const meter = meters.get(v.meterRootGuid.toLowerCase());
    const dials = [v.t1, v.t2, v.t3].map(thousandths);
    if (!meter || dials[0] === null || !/^\d{4}-\d{2}-\d{2}$/.test(v.takenOn)) {
      result.skipped++;
      return [];
    }
    const given = [v.t1, v.t2, v.t3].filter((d) => d !== undefined).length;
    if (dials.slice(0, given).some((d) => d === null)) {
      result.skipped++;
      return [];
    }
    const [t1, t2 = null, t3 = null] = dials.map((d) => (d === null ? null : fromThousandths(d)));
    return [{ meter, t1: t1!, t2, t3, values: dials.filter((d): d is bigint => d !== null), v }];
  });
  const known = await knownReadings(
    tx,
    candidates.map((c) => ({ meterId: c.meter.id, takenOn: c.v.takenOn, t1: c.t1, t2: c.t2, t3: c.t3 })),
  );
  const seen = new Set<string>();
  const fresh = candidates.filter((c, i) => {
    const key = `${c.meter.id} ${c.v.takenOn} ${c.t1} ${c.t2} ${c.t3}`;
    if (known.has(i) || seen.has(key)) {
      result.known++;
      return false;
    }
    seen.add(key);
    return true;
  });
  if (!fresh.length) return result;

  const periodOf = (c: (typeof fresh)[number]) => c.v.period ?? c.v.takenOn.slice(0, 7);
  // A meter's readings in period order, then as they were entered: each is checked against the one before.
  fresh.sort(
    (a, b) =>
      a.meter.id.localeCompare(b.meter.id) ||
      periodOf(a).localeCompare(periodOf(b)) ||
      a.v.enteredAt.localeCompare(b.v.enteredAt),
  );
  // biome-ignore lint/complexity/useMathMinMax: periods are strings; Math.min would turn them into NaN
  const from = fresh.map(periodOf).reduce((a, b) => (a < b ? a : b));
  const live = new Map<string, LiveReading[]>();
  for (const r of await liveReadingsSince(tx, [...new Set(fresh.map((c) => c.meter.id))], from))
    live.set(r.meter_id, [...(live.get(r.meter_id) ?? []), r]);
  const settings = await findReadingSettings(tx, organisationId);

  const rows: StateSystemReading[] = [];
  const replaced: string[] = [];
  /** Per meter: the live reading of each period as this batch decides it. */
  const current = new Map<
    string,
    Map<string, { values: bigint[]; since: number; id?: string; row?: StateSystemReading }>
  >();
  for (const c of fresh) {
    const period = periodOf(c);
    let periods = current.get(c.meter.id);
    if (!periods) {
      periods = new Map(
        (live.get(c.meter.id) ?? []).map((r) => [
          r.period,
          {
            values: [r.t1, r.t2, r.t3].slice(0, c.meter.tariffs).map((x) => toThousandths(x ?? '0')),
            since: new Date(r.since).getTime(),
            id: r.id,
          },
        ]),
      );
      current.set(c.meter.id, periods);
    }
    const before = [...periods.entries()].filter(([p]) => p < period).sort(([a], [b]) => (a < b ? 1 : -1))[0];
    const previous: PastReading | null = before ? { period: before[0], values: before[1].values } : null;
    const check = checkReading({
      meter: {
        tariffs: c.meter.tariffs,
        digitCapacity: c.meter.digit_capacity,
        nextVerification: c.meter.next_verification,
        archived: c.meter.archived,
      },
      values: c.values,
      period,
      previous,
      average: null,
      today: c.v.takenOn,
      policy: { acceptUnverifiedMeters: settings.acceptUnverifiedMeters, confirmFactorHundredths: 0n },
      confirmed: true,
    });
    const enteredAt = new Date(c.v.enteredAt);
    const since = Number.isNaN(enteredAt.getTime()) ? Date.now() : enteredAt.getTime();
    const row: StateSystemReading = {
      meterId: c.meter.id,
      period,
      takenOn: c.v.takenOn,
      t1: c.t1,
      t2: c.t2,
      t3: c.t3,
      source: 'state_system',
      submittedBy: 'state_system',
      highConsumptionConfirmed: false,
      enteredAt: new Date(since).toISOString(),
      refusal: check.violations[0]?.code ?? null,
      superseded: check.violations.length > 0,
    };
    rows.push(row);
    if (row.refusal) {
      result.refused++;
      continue;
    }
    const same = periods.get(period);
    // The hub's (or a later) reading of the period stands.
    if (same && same.since > since) row.superseded = true;
    else {
      if (same?.row) same.row.superseded = true;
      else if (same?.id) replaced.push(same.id);
      periods.set(period, { values: c.values, since, row });
    }
  }
  await supersedeReadings(tx, replaced);
  await insertStateSystemReadings(tx, rows);
  result.stored = rows.length;
  return result;
}
