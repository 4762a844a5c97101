import { NEWS_ANNOUNCE_QUEUE } from '../../contracts/jobs.js';
import type { NewsView } from '../../contracts/news.js';
import type { Enqueue } from '../../contracts/ports.js';
import type { Db } from '../db/pool.js';
import { validationFailed } from '../errors.js';
import { audit } from '../identity/audit.js';
import type { Notifier } from '../notify/notifier.js';
import { queueForSync } from '../sync/outbox.js';
import { getSyncEnabled } from '../sync/gis/sync.repo.js';
import { notFound } from '../errors.js';
import { expireNews, findNews, insertNews, type NewsRow, type NewsState } from './news.repo.js';
import { residentsOfHouses } from '../accounts/links.repo.js';
import { housesOfOrganisation } from '../registry/houses.repo.js';
import type { Actor } from '../../contracts/actor.js';

/** A notice as residents (their read flag) or its organisation (houses, read count) see it. */
export function presentNews(n: NewsRow & { readCount?: number; state?: NewsState }, forOrg: boolean): NewsView {
  return {
    id: n.id,
    organisationId: n.organisationId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    publishAt: n.publishAt.toISOString(),
    expiresAt: n.expiresAt ? n.expiresAt.toISOString() : null,
    ...(forOrg
      ? {
          houseIds: n.houseIds,
          readCount: n.readCount ?? 0,
          state: n.state ?? stateOf(n),
          notify: n.notify,
          withdrawnAt: n.withdrawnAt ? n.withdrawnAt.toISOString() : null,
        }
      : { read: Boolean(n.read) }),
  };
}

/** The state of a notice just written (lists compute it in SQL with the same rule). */
function stateOf(n: NewsRow, now = new Date()): NewsState {
  if (n.withdrawnAt) return 'withdrawn';
  if (n.expiresAt && n.expiresAt <= now) return 'ended';
  return n.publishAt > now ? 'scheduled' : 'live';
}

export interface PublishInput {
  kind: 'common' | 'emergency';
  title: string;
  body: string;
  houseIds: string[];
  publishAt?: string;
  expiresAt?: string;
  notify?: boolean;
}

/**
 * Publishes a notice to houses the organisation manages. Emergency notices (outages) are also
 * emailed by default: the job runs at the publish time, on the same transaction's commit.
 */
export async function publishNews(tx: Db, enqueue: Enqueue, actor: Actor, input: PublishInput, ip?: string) {
  const houseIds = [...new Set(input.houseIds)];
  const managed = await housesOfOrganisation(tx, actor.organisationId, houseIds);
  const foreign = input.houseIds.map((id, i) => ({ id, i })).filter((h) => !managed.has(h.id));
  if (foreign.length)
    throw validationFailed(
      foreign.map((h) => ({ path: `body.houseIds.${h.i}`, message: 'not a house of the organisation' })),
    );
  const publishAt = input.publishAt ? new Date(input.publishAt) : new Date();
  const notify = input.notify ?? input.kind === 'emergency';
  const news = await insertNews(tx, {
    notify,
    organisationId: actor.organisationId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    houseIds,
    publishAt,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    createdBy: actor.actorId,
  });
  if (notify) {
    await enqueue(
      tx,
      NEWS_ANNOUNCE_QUEUE,
      { newsId: news.id },
      { singletonKey: `news:${news.id}`, startAfter: publishAt, retryLimit: 5, retryDelay: 30, retryBackoff: true },
    );
  }
  await placeInStateSystem(tx, enqueue, news.organisationId, news.id, NOTICE_PLACE);
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'news.published',
    objectType: 'news',
    objectId: news.id,
    organisationId: actor.organisationId,
    ip,
    details: { kind: news.kind, houses: houseIds.length, publishAt: publishAt.toISOString(), notify },
  });
  return news;
}

// A notice's state-system sync items (importNotificationData): revision 0 places it, 1 recalls it.
const NOTICE_PLACE = 0;
const NOTICE_RECALL = 1;

/** News and outage notices of an organisation whose exchange is on go to the state system too (its residents' Gosuslugi). */
async function placeInStateSystem(tx: Db, enqueue: Enqueue, organisationId: string, newsId: string, revision: number) {
  if (!(await getSyncEnabled(tx, organisationId))) return;
  await queueForSync(tx, enqueue, {
    organisationId,
    operation: 'importNotificationData',
    objectType: 'news',
    objectId: newsId,
    revision,
  });
}

/** Ends a notice now (the outage is over); one placed in the state system is recalled there. */
export async function withdrawNews(tx: Db, enqueue: Enqueue, actor: Actor, id: string, ip?: string) {
  const n = await expireNews(tx, actor.organisationId, id);
  if (!n) throw notFound('News');
  await placeInStateSystem(tx, enqueue, n.organisationId, n.id, NOTICE_RECALL);
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'news.withdrawn',
    objectType: 'news',
    objectId: n.id,
    organisationId: actor.organisationId,
    ip,
  });
  return n;
}

/**
 * A notice another module publishes on its own transaction (a meeting's notice and its results): a common
 * notice to the given houses, not e-mailed here (the caller mails its own recipients).
 */
export async function publishHouseNotice(
  tx: Db,
  n: {
    organisationId: string;
    title: string;
    body: string;
    houseIds: string[];
    publishAt: Date;
    expiresAt: Date | null;
    createdBy: string;
  },
): Promise<string> {
  return (await insertNews(tx, { ...n, kind: 'common' })).id;
}

/** Emails a notice to its houses' residents once each; a withdrawn or expired notice is not sent. */
export async function announceNews(tx: Db, notifier: Notifier, newsId: string) {
  const news = await findNews(tx, newsId);
  if (!news || (news.expiresAt && news.expiresAt <= new Date())) return 0;
  const people = await residentsOfHouses(tx, news.houseIds);
  return notifier.notify(
    tx,
    people,
    {
      kind: 'news',
      newsId,
      emergency: news.kind === 'emergency',
      title: news.title,
      body: news.body,
      expiresAt: news.expiresAt,
    },
    { onceKey: `news:${newsId}` },
  );
}
