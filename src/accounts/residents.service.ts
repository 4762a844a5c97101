import type { ResidentChangeStatus } from '../../contracts/accounts.js';
import { type Actor, coversHouse } from '../../contracts/actor.js';
import type { Db } from '../db/pool.js';
import { conflict, notFound } from '../errors.js';
import { audit } from '../identity/audit.js';
import { requireAccountAccess } from './access.js';
import { lockAccount } from './accounts.repo.js';
import {
  changesForOrganisation,
  changesOfAccount,
  decideChange,
  hasPendingChange,
  insertResidentRequest,
  lockChangeOfOrganisation,
  registeredResidentsFor,
  type ResidentChangeRow,
} from './residents.repo.js';
import { currentPeriod, nextPeriod } from '../calendar.js';

const toChange = (r: ResidentChangeRow) => ({
  changeId: r.id,
  count: r.count,
  reason: r.reason,
  source: r.source,
  status: r.status,
  effectivePeriod: r.effective_period,
  decisionReason: r.decision_reason,
  createdAt: r.created_at.toISOString(),
  decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
});

/** A resident asks for a new count with a reason; one request waits at a time. */
export async function requestResidentCount(tx: Db, personId: string, accountId: string, count: number, reason: string) {
  const access = await requireAccountAccess(tx, personId, accountId, ['owner', 'co_owner', 'tenant']);
  await lockAccount(tx, accountId);
  if (await hasPendingChange(tx, accountId))
    throw conflict(
      'resident_change_pending',
      'A change of registered residents is already waiting for the organisation',
    );
  const change = await insertResidentRequest(tx, { accountId, count, reason, requestedBy: personId });
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'residents.change_requested',
    objectType: 'account',
    objectId: accountId,
    organisationId: access.organisationId,
    details: { count, changeId: change.id },
  });
  return toChange(change);
}

export async function residentHistory(db: Db, personId: string, accountId: string, now = new Date()) {
  const access = await requireAccountAccess(db, personId, accountId);
  const period = currentPeriod(now, access.timezone);
  const history = await changesOfAccount(db, accountId);
  return { period, current: await registeredResidentsFor(db, accountId, period), history: history.map(toChange) };
}

export async function listResidentChanges(
  db: Db,
  organisationId: string,
  q: {
    status: ResidentChangeStatus;
    houseId?: string;
    /** Staff limited to some houses see those only. */
    houseIds?: string[] | null;
    after?: { createdAt: string; id: string };
    limit: number;
  },
) {
  return (await changesForOrganisation(db, organisationId, q)).map((r) => ({
    ...toChange(r),
    accountId: r.account_id,
    accountNumber: r.account_number,
    address: r.full_address,
    premise: r.premise,
  }));
}

/**
 * The organisation confirms or rejects a change. A confirmed count takes effect from the billing
 * period after the decision, in the house's time zone, so charges already made are not rewritten.
 */
export async function decideResidentChange(
  tx: Db,
  actor: Actor,
  changeId: string,
  decision: { confirm: true } | { confirm: false; reason: string },
  now = new Date(),
) {
  const c = await lockChangeOfOrganisation(tx, changeId, actor.organisationId);
  if (!c || !coversHouse(actor, c.house_id)) throw notFound('Change of registered residents');
  if (c.status !== 'pending') throw conflict('change_not_pending', 'The change was already decided');
  const done = await decideChange(tx, {
    changeId,
    status: decision.confirm ? 'confirmed' : 'rejected',
    decidedBy: actor.actorId,
    decidedAt: now,
    effectivePeriod: decision.confirm ? nextPeriod(now, c.timezone) : null,
    reason: decision.confirm ? null : decision.reason,
  });
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    organisationId: actor.organisationId,
    action: decision.confirm ? 'residents.change_confirmed' : 'residents.change_rejected',
    objectType: 'account',
    objectId: c.account_id,
    details: { changeId, count: c.count },
  });
  return toChange(done);
}
