import type { Enqueue } from '../../contracts/ports.js';
import { RESOURCE_UNITS, type TariffValues } from '../../contracts/metering.js';
import type { AccountAccess } from '../accounts/access.js';
import { badRequest, ruleViolated, validationFailed, type FieldError } from '../errors.js';
import { queueForSync } from '../sync/outbox.js';
import { fromThousandths, toHundredths, toThousandths } from './decimal.js';
import {
  findReadingSettings,
  listAccountMeters,
  listAccountMetersWithSettings,
  lockAccountMeters,
  type MeterRow,
} from './meters.repo.js';
import { addMonths, currentPeriod, daysBetween, localDate, monthsBetween, periodIndex } from '../calendar.js';
import {
  averageMonthly,
  checkReading,
  consumption,
  TARIFFS,
  type PastReading,
  type Violation,
} from './reading-rules.js';
import {
  insertReadings,
  liveReadingsAround,
  liveReadingsForHistory,
  liveReadingsWithLastBefore,
  supersedeReadings,
  type ReadingRow,
} from './readings.repo.js';
import { readingWindow } from './window.js';
import type { Db } from '../db/pool.js';

/** How each accepted reading reaches the state system (GIS ЖКХ device metering service). */
export const READING_SYNC = { operation: 'importMeteringDeviceValues', objectType: 'reading' } as const;

/** The average is taken over the last year of readings. */
const AVERAGE_MONTHS = 12;

export function valuesOf(r: Pick<ReadingRow, 't1' | 't2' | 't3'>, tariffs: number): bigint[] {
  return [r.t1, r.t2, r.t3].slice(0, tariffs).map((v) => toThousandths(v ?? '0'));
}

export function tariffValues(values: bigint[]): TariffValues {
  const [t1, t2, t3] = values.map(fromThousandths);
  return { t1: t1!, ...(t2 !== undefined ? { t2 } : {}), ...(t3 !== undefined ? { t3 } : {}) };
}

function meterFacts(m: MeterRow) {
  return {
    tariffs: m.tariffs,
    digitCapacity: m.digit_capacity,
    nextVerification: m.next_verification,
    archived: m.archived_at !== null,
  };
}

function groupByMeter(rows: ReadingRow[]) {
  const map = new Map<string, ReadingRow[]>();
  for (const r of rows) {
    const list = map.get(r.meter_id);
    if (list) list.push(r);
    else map.set(r.meter_id, [r]);
  }
  return map;
}

const pastOf = (r: ReadingRow, tariffs: number): PastReading => ({ period: r.period, values: valuesOf(r, tariffs) });

/** The account's meters with their last reading, average, verification and the reading window now. */
export async function listMeters(db: Db, access: AccountAccess, now: Date) {
  const { settings, meters } = await listAccountMetersWithSettings(db, access.organisationId, access.accountId);
  const window = readingWindow(now, access.timezone, {
    startDay: settings.windowStartDay,
    endDay: settings.windowEndDay,
    outside: settings.outsideWindow,
  });
  const today = localDate(now, access.timezone);
  const since = addMonths(currentPeriod(now, access.timezone), -AVERAGE_MONTHS);
  // One statement for the average's year and each meter's last reading (even an older one).
  const readings = groupByMeter(
    await liveReadingsWithLastBefore(
      db,
      meters.map((m) => m.id),
      since,
    ),
  );
  return {
    window: { ...window, outsideWindow: settings.outsideWindow },
    meters: meters.map((m) => {
      const own = readings.get(m.id) ?? [];
      const past = own.filter((r) => r.period >= since).map((r) => pastOf(r, m.tariffs));
      const average = averageMonthly(past, { tariffs: m.tariffs, digitCapacity: m.digit_capacity });
      const last = own.at(-1);
      const days = m.next_verification ? daysBetween(today, m.next_verification) : null;
      return {
        id: m.id,
        resource: m.resource,
        unit: RESOURCE_UNITS[m.resource],
        serialNumber: m.serial_number,
        tariffs: m.tariffs,
        digitCapacity: m.digit_capacity,
        installedOn: m.installed_on,
        sealedOn: m.sealed_on,
        verifiedOn: m.verified_on,
        nextVerification: m.next_verification,
        daysToVerification: days,
        verificationOverdue: days !== null && days < 0,
        previousReading: last
          ? {
              id: last.id,
              period: last.period,
              takenOn: last.taken_on,
              values: tariffValues(valuesOf(last, m.tariffs)),
              source: last.source,
            }
          : null,
        averageMonthly: average ? tariffValues(average) : null,
      };
    }),
  };
}

export interface SubmitInput {
  readings: ({ meterId: string } & TariffValues)[];
  confirm: boolean;
}

interface MeterViolation extends Omit<Violation, 'code'> {
  code: Violation['code'] | 'meter_not_found';
  meterId: string;
  path: string;
}

/**
 * A resident's readings for one or more meters of the account, all or none. Refusals name the meter
 * and tariff; a consumption far above the average is refused softly until sent with confirm=true.
 * A reading for a period that already has one supersedes it (a correction, allowed while that
 * period's window has not closed — a closed window sends new readings to the next period or
 * refuses them). Each accepted reading is queued for the state system on the same transaction.
 */
export async function submitReadings(
  tx: Db,
  enqueue: Enqueue,
  access: AccountAccess,
  actor: { personId: string; source?: 'resident' | 'call_centre' },
  input: SubmitInput,
  now: Date,
) {
  const seen = new Map<string, number>();
  const dupes: FieldError[] = [];
  input.readings.forEach((r, i) => {
    if (seen.has(r.meterId))
      dupes.push({ path: `body.readings.${i}.meterId`, message: `the same meter as readings.${seen.get(r.meterId)}` });
    seen.set(r.meterId, i);
  });
  if (dupes.length) throw validationFailed(dupes, 'Send one reading per meter');

  const settings = await findReadingSettings(tx, access.organisationId);
  const window = readingWindow(now, access.timezone, {
    startDay: settings.windowStartDay,
    endDay: settings.windowEndDay,
    outside: settings.outsideWindow,
  });
  if (!window.accepting) {
    throw ruleViolated(
      'reading_window_closed',
      `Readings are taken from ${window.opensOn} to ${window.closesOn} (${window.timezone}); the window is closed now`,
      {
        meterId: input.readings[0]!.meterId,
        opensOn: window.opensOn,
        closesOn: window.closesOn,
        violations: input.readings.map((r, i) => ({
          meterId: r.meterId,
          path: `body.readings.${i}`,
          code: 'reading_window_closed',
        })),
      },
    );
  }
  const period = window.period;
  const today = localDate(now, access.timezone);

  const meters = new Map((await lockAccountMeters(tx, access.accountId, [...seen.keys()])).map((m) => [m.id, m]));
  // The last year for the average, and the last reading before it however old, as the previous one.
  const meterIds = [...meters.keys()];
  const history = groupByMeter(
    await liveReadingsAround(
      tx,
      meterIds,
      meterIds.map(() => addMonths(period, -AVERAGE_MONTHS)),
      meterIds.map(() => period),
    ),
  );
  const policy = {
    acceptUnverifiedMeters: settings.acceptUnverifiedMeters,
    confirmFactorHundredths: toHundredths(settings.confirmFactor),
  };

  const violations: MeterViolation[] = [];
  const accepted: {
    meter: MeterRow;
    values: bigint[];
    used: bigint[] | null;
    high: boolean;
    replaces: string | null;
  }[] = [];
  input.readings.forEach((r, i) => {
    const meter = meters.get(r.meterId);
    if (!meter) {
      violations.push({
        meterId: r.meterId,
        path: `body.readings.${i}.meterId`,
        code: 'meter_not_found',
        message: 'No such meter on this account',
      });
      return;
    }
    const sent = [r.t1, r.t2, r.t3];
    const given = TARIFFS.filter((_, t) => sent[t] !== undefined).length;
    const contiguous = sent.slice(0, given).every((v) => v !== undefined);
    if (!contiguous || given !== meter.tariffs) {
      const tariff = TARIFFS.find((_, t) => t < meter.tariffs !== (sent[t] !== undefined)) ?? 't1';
      violations.push({
        meterId: meter.id,
        path: `body.readings.${i}.${tariff}`,
        code: 'tariff_values_mismatch',
        tariff,
        message: `The meter has ${meter.tariffs} tariff(s): send exactly ${TARIFFS.slice(0, meter.tariffs).join(', ')}`,
      });
      return;
    }
    const values = sent.slice(0, meter.tariffs).map((v) => toThousandths(v!));
    const rows = history.get(meter.id) ?? [];
    const earlier = rows
      .filter((h) => periodIndex(h.period) < periodIndex(period))
      .map((h) => pastOf(h, meter.tariffs));
    const same = rows.find((h) => h.period === period);
    const result = checkReading({
      meter: meterFacts(meter),
      values,
      period,
      previous: earlier.at(-1) ?? null,
      average: averageMonthly(earlier.slice(-AVERAGE_MONTHS - 1), {
        tariffs: meter.tariffs,
        digitCapacity: meter.digit_capacity,
      }),
      today,
      policy,
      confirmed: input.confirm,
    });
    for (const v of result.violations)
      violations.push({ ...v, meterId: meter.id, path: `body.readings.${i}${v.tariff ? `.${v.tariff}` : ''}` });
    if (!result.violations.length) {
      accepted.push({
        meter,
        values,
        used: result.consumption,
        high: result.highConsumption,
        replaces: same?.id ?? null,
      });
    }
  });

  if (violations.length) {
    const hard = violations.filter((v) => !v.soft);
    const first = (hard[0] ?? violations[0])!;
    const code = hard.length ? first.code : 'consumption_confirmation_required';
    throw ruleViolated(
      code,
      first.message,
      {
        meterId: first.meterId,
        ...(first.tariff ? { tariff: first.tariff } : {}),
        period,
        violations: violations.map(({ soft, ...v }) => ({ ...v, ...(soft ? { confirmable: true } : {}) })),
      },
      violations.map((v) => ({ path: v.path, message: `${v.code}: ${v.message}` })),
    );
  }

  await supersedeReadings(
    tx,
    accepted.flatMap((a) => (a.replaces ? [a.replaces] : [])),
  );
  const ids = await insertReadings(
    tx,
    accepted.map((a) => {
      const [t1, t2, t3] = a.values.map(fromThousandths);
      return {
        meterId: a.meter.id,
        period,
        takenOn: today,
        t1: t1!,
        t2: t2 ?? null,
        t3: t3 ?? null,
        source: actor.source ?? 'resident',
        submittedBy: actor.personId,
        highConsumptionConfirmed: a.high,
      };
    }),
  );
  await queueForSync(
    tx,
    enqueue,
    ids.map((id) => ({ organisationId: access.organisationId, ...READING_SYNC, objectId: id })),
  );
  return {
    period,
    windowOpen: window.open,
    readings: accepted.map((a, i) => ({
      id: ids[i]!,
      meterId: a.meter.id,
      period,
      takenOn: today,
      values: tariffValues(a.values),
      consumption: a.used ? tariffValues(a.used) : null,
      corrects: a.replaces,
      highConsumptionConfirmed: a.high,
    })),
  };
}

/** Readings and consumption per month and tariff for [from, to] (default: the last six periods). */
export async function readingHistory(
  db: Db,
  access: AccountAccess,
  query: { from?: string; to?: string; meterId?: string },
  now: Date,
) {
  const to = query.to ?? currentPeriod(now, access.timezone);
  const from = query.from ?? addMonths(to, -5);
  if (from > to)
    throw badRequest('invalid_period_range', '`from` is after `to`', [{ path: 'query.from', message: 'after to' }]);
  if (monthsBetween(from, to) >= 120) {
    throw badRequest('invalid_period_range', 'Ask for at most 120 months at a time', [
      { path: 'query.from', message: 'range too long' },
    ]);
  }
  const meters = (await listAccountMeters(db, access.accountId, true)).filter(
    (m) => !query.meterId || m.id === query.meterId,
  );
  const byMeter = groupByMeter(
    await liveReadingsForHistory(
      db,
      meters.map((m) => m.id),
      from,
      to,
    ),
  );
  return {
    from,
    to,
    meters: meters
      .filter((m) => m.archived_at === null || byMeter.has(m.id))
      .map((m) => {
        const rows = byMeter.get(m.id) ?? [];
        const periods = [];
        for (let i = 0; i < rows.length; i++) {
          const r = rows[i]!;
          if (r.period < from) continue; // the reading before the range only gives the first month's consumption
          const values = valuesOf(r, m.tariffs);
          const prev = i > 0 ? valuesOf(rows[i - 1]!, m.tariffs) : null;
          const used = prev ? values.map((v, t) => consumption(prev[t]!, v, m.digit_capacity)) : null;
          periods.push({
            period: r.period,
            readingId: r.id,
            takenOn: r.taken_on,
            source: r.source,
            values: tariffValues(values),
            consumption: used?.every((u) => u !== null) ? tariffValues(used.map((u) => u!.amount)) : null,
          });
        }
        return {
          meterId: m.id,
          resource: m.resource,
          unit: RESOURCE_UNITS[m.resource],
          serialNumber: m.serial_number,
          tariffs: m.tariffs,
          periods,
        };
      }),
  };
}
