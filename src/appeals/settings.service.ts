import { APPEAL_TYPES, type AppealType } from '../../contracts/appeals.js';
import type { Actor } from '../../contracts/actor.js';
import type { Db } from '../db/pool.js';
import { audit } from '../identity/audit.js';
import { listAppealDeadlines, setAppealDeadlines } from './appeals.repo.js';
import { DEFAULT_APPEAL_DAYS } from './deadlines.js';
import { APPEAL_TITLES } from './forms.js';

/** Every type with the days the organisation has to answer it (its own, or the default). */
export async function appealSettingsOf(db: Db, organisationId: string) {
  const own = new Map((await listAppealDeadlines(db, organisationId)).map((d) => [d.type, d.days]));
  return {
    deadlines: APPEAL_TYPES.map((type) => ({
      type,
      title: APPEAL_TITLES[type],
      days: own.get(type) ?? DEFAULT_APPEAL_DAYS[type],
      defaultDays: DEFAULT_APPEAL_DAYS[type],
      custom: own.has(type),
    })),
  };
}

/** Sets the days per type; appeals already waiting get the new due time too (it is computed, not stored). */
export async function updateAppealSettings(
  tx: Db,
  actor: Actor,
  deadlines: { type: AppealType; days: number | null }[],
  ip?: string,
) {
  await setAppealDeadlines(tx, actor.organisationId, deadlines);
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'appeal.settings_changed',
    objectType: 'organisation',
    objectId: actor.organisationId,
    organisationId: actor.organisationId,
    ip,
    details: { deadlines },
  });
  return appealSettingsOf(tx, actor.organisationId);
}
