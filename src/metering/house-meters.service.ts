import type { HouseMeterRecord, HouseMeterView } from '../../contracts/metering.js';
import { daysBetween, localDate } from '../calendar.js';
import type { Db } from '../db/pool.js';
import { syncErrorHintView } from '../sync/gis/error-hints.js';
import { latestItemStates } from '../sync/gis/sync.repo.js';

/** How a house meter (ОДПУ) goes to the state system: as a collective device. */
export const HOUSE_METER_SYNC = { operation: 'importMeteringDeviceData', objectType: 'meter' } as const;

/**
 * House meters as the organisation sees them: the days to the next verification counted from today in the
 * house's time zone (as the resident's meters are), and the latest sending to the state system with its
 * error and the hint of what to change, so the console needs no second list to say whether it was accepted.
 */
export async function presentHouseMeters(
  db: Db,
  meters: HouseMeterRecord[],
  timezone: string,
  now: Date,
): Promise<HouseMeterView[]> {
  const today = localDate(now, timezone);
  const states = await latestItemStates(
    db,
    HOUSE_METER_SYNC.operation,
    HOUSE_METER_SYNC.objectType,
    meters.map((m) => m.id),
  );
  return meters.map((m) => {
    const days = m.nextVerification ? daysBetween(today, m.nextVerification) : null;
    const state = states.get(m.id);
    return {
      ...m,
      daysToVerification: days,
      verificationOverdue: days !== null && days < 0,
      stateSystem: state
        ? {
            status: state.status,
            errorCode: state.errorCode,
            errorText: state.errorText,
            hint: syncErrorHintView(state.errorCode, HOUSE_METER_SYNC.operation),
            updatedAt: state.updatedAt.toISOString(),
          }
        : null,
    };
  });
}
