import type {
  AppealAnswerItem,
  AppealsQuery,
  DebtResponseItem,
  DebtSubrequestsQuery,
  ExportMeteringHistoryQuery,
  NotificationItem,
} from '../../../contracts/gis/items.js';
import type { Enqueue } from '../../../contracts/ports.js';
import {
  acceptStateSystemAnswers,
  stateSystemAnswersForSync,
  storeStateSystemAppeals,
} from '../../appeals/state-system.js';
import { addDays, addMonths, localDate } from '../../calendar.js';
import type { Db } from '../../db/pool.js';
import { debtResponsesForSync, markDebtResponsesSent, storeDebtSubrequests } from '../../debt-requests/service.js';
import { meterRootGuidsByHouse } from '../../metering/meters.repo.js';
import { storeStateSystemReadings } from '../../metering/state-system.js';
import { applyNoticeResults, newsForSync } from '../../news/news.repo.js';
import { housesByIds } from '../../registry/houses.repo.js';
import { queueForSync } from '../outbox.js';
import {
  executorGuid,
  insertPulls,
  latestAnsweredPull,
  latestPull,
  markPullsAnswered,
  pullsByIds,
} from './pulls.repo.js';
import { byId, refuse, type Loaded, type SyncSource } from './source.js';

// Sources of the services an organisation answers in the state system besides billing: appeals filed
// there (exportAppeal in, importAnswer out), debt subrequests of social-protection bodies
// (exportDebtSubrequests in, importResponses out), notices to houses (importNotificationData) and the
// readings residents enter there (exportMeteringDeviceHistory in).
// The exports are pulls: a gis_pulls row holds each query, asked on a schedule (queuePulls).

/** Days of appeals one exportAppeal asks for (the service has no page marker: the hub pages by creation date). */
export const APPEAL_WINDOW_DAYS = 30;
/** Subrequests are re-read for this many days after sending: their answers, and the state system's own after the deadline. */
export const DEBT_LOOKBACK_DAYS = 40;
/** Devices one exportMeteringDeviceHistory names (maxOccurs of MeteringDeviceRootGUID). */
export const METER_HISTORY_DEVICES = 100;
/**
 * The readings history is asked at most this often: a message per house and 100 meters, for readings that
 * count at the period's close, not within minutes (appeals and debt subrequests are asked every run).
 */
export const METER_HISTORY_EVERY_MS = 60 * 60 * 1000;
/** A pull not answered within this long is asked again. */
const PULL_RETRY_MS = 60 * 60 * 1000;
/** The state system's calendar (its dates are Moscow dates). */
const MOSCOW = 'Europe/Moscow';

async function queuePullItems(db: Db, enqueue: Enqueue, organisationId: string, operation: string, queries: object[]) {
  const ids = await insertPulls(db, organisationId, operation, queries as Record<string, unknown>[]);
  await queueForSync(
    db,
    enqueue,
    ids.map((objectId) => ({ organisationId, operation, objectType: 'gis_pull', objectId })),
  );
  return ids.length;
}

/**
 * Asks the state system for what came in: appeals created since the last answered window (in windows of
 * 30 days), the debt subrequests of the last 40 days and, hourly, the readings history of the meters it
 * holds. A pull still unanswered (the exchange off, or failing) is not repeated within the hour.
 */
export async function queuePulls(db: Db, enqueue: Enqueue, organisationId: string, now = new Date()) {
  const today = localDate(now, MOSCOW);
  const due = async (operation: string, every = 0) => {
    const last = await latestPull(db, organisationId, operation);
    const age = last ? now.getTime() - last.createdAt.getTime() : Infinity;
    return !last || (last.answeredAt !== null && age >= every) || age > PULL_RETRY_MS;
  };
  let queued = 0;
  if (await due('exportAppeal')) {
    const answered = await latestAnsweredPull(db, organisationId, 'exportAppeal');
    const lastEnd = (answered?.query as { endDate?: string } | undefined)?.endDate;
    // One day of overlap: an appeal of the last day may have come after the window was asked.
    let start = lastEnd ? addDays(lastEnd, -1) : addDays(today, -APPEAL_WINDOW_DAYS);
    const windows: AppealsQuery[] = [];
    while (start <= today) {
      const windowEnd = addDays(start, APPEAL_WINDOW_DAYS - 1);
      // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings; Math.min would turn them into NaN
      const end = windowEnd < today ? windowEnd : today;
      windows.push({ startDate: start, endDate: end });
      start = addDays(end, 1);
    }
    queued += await queuePullItems(db, enqueue, organisationId, 'exportAppeal', windows);
  }
  if (await due('exportDebtSubrequests')) {
    const q: DebtSubrequestsQuery = { startDate: addDays(today, -DEBT_LOOKBACK_DAYS), endDate: today };
    queued += await queuePullItems(db, enqueue, organisationId, 'exportDebtSubrequests', [q]);
  }
  if (await due('exportMeteringDeviceHistory', METER_HISTORY_EVERY_MS))
    queued += await queuePullItems(db, enqueue, organisationId, 'exportMeteringDeviceHistory', [
      ...(await meterHistoryQueries(db, organisationId, today)),
    ]);
  return queued;
}

/**
 * The readings history of the meters the state system holds, taken in the previous and the current month
 * (the schema's longest window: two consecutive calendar months): one query per house and 100 devices. With
 * exactly one house named the state system answers whole, without PagedOutput blocks.
 */
async function meterHistoryQueries(db: Db, organisationId: string, today: string) {
  const inputDateFrom = `${addMonths(today.slice(0, 7), -1)}-01`;
  const out: ExportMeteringHistoryQuery[] = [];
  for (const { fiasHouseGuid, roots } of await meterRootGuidsByHouse(db, organisationId))
    for (let i = 0; i < roots.length; i += METER_HISTORY_DEVICES)
      out.push({
        fiasHouseGuid,
        meterRootGuids: roots.slice(i, i + METER_HISTORY_DEVICES),
        inputDateFrom,
        inputDateTo: today,
      });
  return out;
}

function pullLoader<Q>() {
  return async (db: Db, _enqueue: Enqueue, organisationId: string, items: { id: string; objectId: string }[]) => {
    const pulls = byId(
      await pullsByIds(
        db,
        organisationId,
        items.map((i) => i.objectId),
      ),
    );
    return new Map(
      items.map((i): [string, Loaded<Q>] => {
        const p = pulls.get(i.objectId);
        return [i.id, p ? { item: p.query as Q } : refuse('object_missing', 'The export query is gone')];
      }),
    );
  };
}

/** An export's query (a gis_pull row) the state system answered: the schedule asks it again only when due. */
const markAnswered: SyncSource<'exportAppeal'>['apply'] = async (db, accepted) => {
  await markPullsAnswered(
    db,
    accepted.map((a) => a.objectId),
  );
};

export const appealExportSource: SyncSource<'exportAppeal'> = {
  objectType: 'gis_pull',
  load: pullLoader<AppealsQuery>(),
  apply: markAnswered,
  async applyExport(db, organisationId, _item, state, context) {
    if (state?.appeals?.length) await storeStateSystemAppeals(db, context.cipher, organisationId, state.appeals);
  },
};

export const debtSubrequestExportSource: SyncSource<'exportDebtSubrequests'> = {
  objectType: 'gis_pull',
  load: pullLoader<DebtSubrequestsQuery>(),
  apply: markAnswered,
  async applyExport(db, organisationId, item, state, context) {
    const block = state?.debtSubrequests;
    if (!block) return;
    await storeDebtSubrequests(db, organisationId, block.items, context.log);
    // The next block of 100 is another pull of the same period.
    if (block.nextPageGuid)
      await queuePullItems(db, context.enqueue, organisationId, 'exportDebtSubrequests', [
        { startDate: item.startDate, endDate: item.endDate, pageGuid: block.nextPageGuid },
      ]);
  },
};

export const meterHistoryExportSource: SyncSource<'exportMeteringDeviceHistory'> = {
  objectType: 'gis_pull',
  load: pullLoader<ExportMeteringHistoryQuery>(),
  apply: markAnswered,
  async applyExport(db, organisationId, _item, state, context) {
    if (!state?.meterValues?.length) return;
    const r = await storeStateSystemReadings(db, organisationId, state.meterValues);
    // Refused readings are kept (refusal); skipped ones (a device the hub does not know, a value numeric(15,3)
    // cannot hold exactly) are not stored at all: say so.
    if (r.skipped || r.refused)
      context.log?.warn({ organisationId, ...r }, 'readings from the state system refused or not stored');
  },
};

const noExecutor = refuse(
  'executor_missing',
  'The state system needs the employee who answers: set executorGuid in PUT /api/v1/org/sync/executor, then retry',
);

export const appealAnswerSource: SyncSource<'importAnswer'> = {
  objectType: 'appeal_answer',
  async load(db, _enqueue, organisationId, items) {
    const answers = byId(
      await stateSystemAnswersForSync(
        db,
        organisationId,
        items.map((i) => i.objectId),
      ),
    );
    const executor = await executorGuid(db, organisationId);
    return new Map(
      items.map((i): [string, Loaded<AppealAnswerItem>] => {
        const a = answers.get(i.objectId);
        if (!a) return [i.id, refuse('object_missing', 'The answer is gone')];
        const answererGuid = a.answererGuid ?? executor;
        if (!answererGuid) return [i.id, noExecutor];
        return [
          i.id,
          {
            item: {
              transportGuid: i.transportGuid,
              appealGuid: a.appealGuid,
              answererGuid,
              text: a.text,
              // Uploaded to the state system's file store before the message goes (withUploadedAttachments).
              attachments: a.files.map((f) => ({
                fileId: f.fileId,
                name: f.filename.slice(0, 1024),
                description: `Приложение к ответу на обращение${a.gisNumber ? ` № ${a.gisNumber}` : ''}`,
              })),
            },
          },
        ];
      }),
    );
  },
  async apply(db, accepted) {
    await acceptStateSystemAnswers(
      db,
      accepted.map((a) => ({ id: a.objectId, answerGuid: a.result.guid ?? null })),
    );
  },
};

export const debtResponseSource: SyncSource<'importResponses'> = {
  objectType: 'debt_subrequest',
  async load(db, _enqueue, organisationId, items) {
    const rows = byId(
      await debtResponsesForSync(
        db,
        organisationId,
        items.map((i) => i.objectId),
      ),
    );
    const executor = await executorGuid(db, organisationId);
    return new Map(
      items.map((i): [string, Loaded<DebtResponseItem>] => {
        const r = rows.get(i.objectId);
        if (!r?.answer) return [i.id, refuse('object_missing', 'No confirmed answer to send')];
        if (!executor) return [i.id, noExecutor];
        return [
          i.id,
          {
            item: {
              transportGuid: i.transportGuid,
              subrequestGuid: r.subrequestGuid,
              hasDebt: r.answer.hasDebt,
              description: r.answer.description || undefined,
              executorGuid: executor,
              debtors: r.answer.hasDebt ? r.answer.debtors : [],
            },
          },
        ];
      }),
    );
  },
  async apply(db, accepted) {
    await markDebtResponsesSent(
      db,
      accepted.map((a) => a.objectId),
    );
  },
};

/** A notice's sync items: revision 0 places it, revision 1 recalls it (withdrawn before its end). */
export const NOTICE_PLACE = 0;
export const NOTICE_RECALL = 1;

export const notificationSource: SyncSource<'importNotificationData'> = {
  objectType: 'news',
  async load(db, _enqueue, organisationId, items) {
    const news = byId(
      await newsForSync(
        db,
        organisationId,
        items.map((i) => i.objectId),
      ),
    );
    const houses = new Map(
      (
        await housesByIds(
          db,
          organisationId,
          [...news.values()].flatMap((n) => n.houseIds),
        )
      ).map((h) => [h.id, h.fiasHouseGuid]),
    );
    return new Map(
      items.map((i): [string, Loaded<NotificationItem>] => {
        const n = news.get(i.objectId);
        if (!n) return [i.id, refuse('object_missing', 'The notice is gone')];
        if (i.revision === NOTICE_RECALL) {
          // The recall waits for the notice's identifier (its placement may still be on its way).
          if (!n.gisNotificationGuid) return [i.id, { wait: 'importNotificationData' }];
          return [
            i.id,
            {
              item: {
                action: 'recall',
                transportGuid: i.transportGuid,
                notificationGuid: n.gisNotificationGuid,
                reason: 'Уведомление снято управляющей организацией',
              },
            },
          ];
        }
        const fias = n.houseIds.map((h) => houses.get(h)).filter((g): g is string => Boolean(g));
        if (!fias.length)
          return [i.id, refuse('house_without_fias', "None of the notice's houses has a FIAS HouseGUID")];
        return [
          i.id,
          {
            item: {
              action: 'create',
              transportGuid: i.transportGuid,
              topic: n.title.slice(0, 200),
              important: n.kind === 'emergency',
              content: n.body.slice(0, 5000),
              fiasHouseGuids: fias,
              startAt: n.publishAt.toISOString(),
              endAt: n.expiresAt && n.expiresAt > n.publishAt ? n.expiresAt.toISOString() : undefined,
            },
          },
        ];
      }),
    );
  },
  async apply(db, accepted) {
    // The first accepted item places the notice (its GUID kept); one after that is its recall.
    await applyNoticeResults(
      db,
      accepted.filter((a) => a.result.guid).map((a) => ({ id: a.objectId, guid: a.result.guid! })),
    );
  },
};
