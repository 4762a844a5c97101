import type { Actor } from '../../contracts/actor.js';
import type { DebtAnswer, DebtProposal, DebtRequestView } from '../../contracts/debt-requests.js';
import type { DebtSubrequestExport } from '../../contracts/gis/ports.js';
import type { Enqueue } from '../../contracts/ports.js';
import { accountNumbers, accountsAtPlace } from '../accounts/accounts.repo.js';
import { balances } from '../billing/service.js';
import { addWorkingDays, localDate, yearsWithoutMovedDays } from '../calendar.js';
import type { Db } from '../db/pool.js';
import { notFound, ruleViolated, validationFailed } from '../errors.js';
import { audit } from '../identity/audit.js';
import { queueForSync } from '../sync/outbox.js';
import {
  confirmAnswer,
  countOverdue,
  type DebtSubrequestRow,
  findSubrequest,
  insertSubrequest,
  isOverdue,
  knownSubrequests,
  listCourtDecisions,
  listSubrequests,
  markAutoAnswered,
  markSent,
  type NewCourtDecision,
  responsesForSync,
  upsertCourtDecisions,
} from './debt-requests.repo.js';

// Debt requests (запросы о наличии задолженности): a social-protection body asks, through the state system,
// whether the people of a premise have debt for housing and utilities confirmed by a court (for a housing
// subsidy, ПП РФ № 761 п. 7(1)). The organisation must answer within 5 working days; past that the state
// system answers "no debt" on its behalf and marks the answer overdue. The hub proposes the answer from the
// organisation's court decisions and its ledger; staff confirm or change it; it goes by importResponses.

/** The answer period (working days of the production calendar, src/production-calendar.ts). */
export const DEBT_ANSWER_WORKING_DAYS = 5;
/** Dates of the state system are Moscow dates. */
const MOSCOW = 'Europe/Moscow';
export const todayInMoscow = (now = new Date()) => localDate(now, MOSCOW);

const fmtRub = (kopecks: bigint) => {
  const r = kopecks / 100n;
  const k = (kopecks % 100n).toString().padStart(2, '0');
  return `${r.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${k} ₽`;
};
const ru = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/**
 * The proposed answer for the accounts of the place: a court decision made by the end of the period and
 * not repaid, on an account the ledger still shows in debt, is court-confirmed debt; its debtor is named.
 */
export async function proposeAnswer(
  db: Db,
  organisationId: string,
  accountIds: string[],
  periodTo: string,
): Promise<DebtProposal> {
  if (!accountIds.length)
    return {
      hasDebt: false,
      debtors: [],
      description: 'Лицевые счета по адресу запроса в организации не найдены.',
      basis: [],
    };
  const decisions = (await listCourtDecisions(db, organisationId, accountIds)).filter(
    (d) => d.decidedOn <= periodTo && !d.repaidOn,
  );
  const ledger = new Map(
    (await balances(db, [...new Set(decisions.map((d) => d.accountId))])).accounts.map((a) => [
      a.accountId,
      BigInt(a.debt),
    ]),
  );
  const basis = decisions
    .map((d) => ({
      accountId: d.accountId,
      accountNumber: d.accountNumber,
      caseNumber: d.caseNumber,
      decidedOn: d.decidedOn,
      amount: d.amount,
      ledgerDebt: (ledger.get(d.accountId) ?? 0n).toString(),
      debtor: { lastName: d.debtorLastName, firstName: d.debtorFirstName, middleName: d.debtorMiddleName ?? undefined },
    }))
    .filter((b) => BigInt(b.ledgerDebt) > 0n);
  const debtors = new Map(
    basis.map((b) => [`${b.debtor.lastName}|${b.debtor.firstName}|${b.debtor.middleName ?? ''}`, b.debtor]),
  );
  const description = basis.length
    ? basis
        .map(
          (b) =>
            `Решение суда по делу № ${b.caseNumber} от ${ru(b.decidedOn)}: ${fmtRub(BigInt(b.amount))}; долг по л/с ${b.accountNumber} — ${fmtRub(BigInt(b.ledgerDebt))}.`,
        )
        .join(' ')
        .slice(0, 1000)
    : 'Задолженности, подтверждённой судебным актом, нет.';
  return {
    hasDebt: basis.length > 0,
    debtors: [...debtors.values()],
    description,
    basis: basis.map(({ debtor: _d, ...b }) => b),
  };
}

/** Where the deadline's warning goes (the process's logger). */
export interface DeadlineLog {
  warn(obj: object, msg: string): void;
}
const warnedYears = new Set<number>();

/**
 * The day an answer sent on `sentOn` is due: 5 working days of the production calendar. A year whose moved
 * days off are not recorded (src/production-calendar.ts) is warned about once per process, the first time a
 * deadline is counted in it: such a deadline may miss a day the government moved.
 */
export function debtAnswerDueOn(sentOn: string, log?: DeadlineLog) {
  const due = addWorkingDays(sentOn, DEBT_ANSWER_WORKING_DAYS);
  for (const year of yearsWithoutMovedDays(sentOn, due)) {
    if (warnedYears.has(year)) continue;
    warnedYears.add(year);
    log?.warn(
      { year, sentOn, dueOn: due },
      `production calendar: the moved days off of ${year} are not recorded; debt-request deadlines in ${year} count statutory holidays only`,
    );
  }
  return due;
}

/** Stores new subrequests with their proposal; the state system's own answer after the deadline is recorded. */
export async function storeDebtSubrequests(
  db: Db,
  organisationId: string,
  items: DebtSubrequestExport[],
  log?: DeadlineLog,
) {
  const known = await knownSubrequests(
    db,
    items.map((i) => i.subrequestGuid.toLowerCase()),
  );
  const auto: string[] = [];
  let added = 0;
  for (const s of items) {
    const guid = s.subrequestGuid.toLowerCase();
    const k = known.get(guid);
    if (k) {
      if (s.responseStatus === 'AutoGenerated' && k.status !== 'sent' && k.status !== 'auto_answered') auto.push(k.id);
      continue;
    }
    const flat = /(?:кв\.?|квартира)\s*([\w/-]+)/i.exec(s.addressDetails ?? '')?.[1];
    const accounts = await accountsAtPlace(db, organisationId, {
      premisesGuid: s.premisesGuid?.toLowerCase(),
      fiasHouseGuid: s.fiasHouseGuid?.toLowerCase(),
      flat,
    });
    const proposal = await proposeAnswer(
      db,
      organisationId,
      accounts.map((a) => a.id),
      s.periodTo,
    );
    await insertSubrequest(db, {
      organisationId,
      subrequestGuid: guid,
      requestNumber: s.requestNumber,
      requester: s.requesterName,
      fiasHouseGuid: s.fiasHouseGuid?.toLowerCase() ?? null,
      premisesGuid: s.premisesGuid?.toLowerCase() ?? null,
      houseId: accounts[0]?.houseId ?? null,
      premiseId: accounts[0]?.premiseId ?? null,
      address: [s.address, s.addressDetails].filter(Boolean).join(', '),
      periodFrom: s.periodFrom,
      periodTo: s.periodTo,
      sentOn: s.sentOn,
      dueOn: debtAnswerDueOn(s.sentOn, log),
      gisDueOn: s.responseDue || null,
      proposal,
    });
    added++;
    if (s.responseStatus === 'AutoGenerated') {
      const fresh = await knownSubrequests(db, [guid]);
      auto.push(fresh.get(guid)!.id);
    }
  }
  if (auto.length)
    await markAutoAnswered(db, auto, {
      hasDebt: false,
      debtors: [],
      description: 'Ответ «задолженности нет» сформирован ГИС ЖКХ после истечения срока.',
    });
  return added;
}

export function presentDebtRequest(r: DebtSubrequestRow & { overdue: boolean }): DebtRequestView {
  return {
    id: r.id,
    requestNumber: r.requestNumber,
    requester: r.requester,
    address: r.address,
    houseId: r.houseId,
    premiseId: r.premiseId,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    sentOn: r.sentOn,
    dueOn: r.dueOn,
    stateSystemDueOn: r.gisDueOn,
    status: r.status,
    overdue: r.overdue,
    proposal: r.proposal,
    answer: r.answer,
    answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
    error: r.error,
  };
}

export async function listDebtRequests(
  db: Db,
  organisationId: string,
  q: { status?: DebtRequestView['status']; overdue?: boolean },
  now = new Date(),
) {
  const today = todayInMoscow(now);
  const [rows, overdue] = await Promise.all([
    listSubrequests(db, organisationId, today, q),
    countOverdue(db, organisationId, today),
  ]);
  return { items: rows.map(presentDebtRequest), overdue };
}

/** Overdue debt requests of the organisation: the count the console's home shows. */
export const overdueDebtRequests = (db: Db, organisationId: string, now = new Date()) =>
  countOverdue(db, organisationId, todayInMoscow(now));

export async function getDebtRequest(db: Db, organisationId: string, id: string, now = new Date()) {
  const r = await findSubrequest(db, organisationId, id);
  if (!r) throw notFound('Debt request');
  return presentDebtRequest({ ...r, overdue: await isOverdue(db, id, todayInMoscow(now)) });
}

/** Staff confirm the proposal or their own answer: it goes to the state system on this transaction. */
export async function answerDebtRequest(
  tx: Db,
  enqueue: Enqueue,
  actor: Actor,
  id: string,
  input: DebtAnswer | null,
  ip?: string,
) {
  const r = await findSubrequest(tx, actor.organisationId, id, true);
  if (!r) throw notFound('Debt request');
  if (r.status === 'sent' || r.status === 'queued' || r.status === 'auto_answered')
    throw ruleViolated('debt_request_answered', `The request is ${r.status}: its answer cannot change`, {
      requestStatus: r.status,
    });
  const answer: DebtAnswer = input ?? {
    hasDebt: r.proposal.hasDebt,
    debtors: r.proposal.debtors,
    description: r.proposal.description,
  };
  if (answer.hasDebt && !answer.debtors.length)
    throw validationFailed([{ path: 'body.debtors', message: 'name at least one debtor when there is debt' }]);
  const revision = await confirmAnswer(tx, id, answer, actor.actorId);
  await queueForSync(tx, enqueue, {
    organisationId: actor.organisationId,
    operation: 'importResponses',
    objectType: 'debt_subrequest',
    objectId: id,
    revision,
  });
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'debt_request.answered',
    objectType: 'debt_subrequest',
    objectId: id,
    organisationId: actor.organisationId,
    ip,
    details: { hasDebt: answer.hasDebt, proposal: input === null },
  });
  return getDebtRequest(tx, actor.organisationId, id);
}

export const debtResponsesForSync = responsesForSync;
export const markDebtResponsesSent = markSent;

/** Court decisions entered or imported; each account must be the organisation's. */
export async function saveCourtDecisions(tx: Db, actor: Actor, list: NewCourtDecision[], ip?: string) {
  const numbers = await accountNumbers(
    tx,
    actor.organisationId,
    list.map((d) => d.accountId),
  );
  const foreign = list.map((d, i) => ({ d, i })).filter(({ d }) => !numbers.has(d.accountId));
  if (foreign.length)
    throw validationFailed(
      foreign.map(({ i }) => ({ path: `body.items.${i}.accountId`, message: 'not an account of the organisation' })),
    );
  const rows = await upsertCourtDecisions(tx, actor.organisationId, actor.actorId, list);
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'court_decisions.saved',
    objectType: 'organisation',
    objectId: actor.organisationId,
    organisationId: actor.organisationId,
    ip,
    details: { count: list.length },
  });
  return rows;
}
