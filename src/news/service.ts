import type pg from 'pg';
import type { Enqueue, SqlExecutor } from '../../contracts/ports.js';
import { NEWS_ANNOUNCE_QUEUE } from '../../contracts/jobs.js';
import { withTransaction } from '../db/pool.js';
import type { OrgActor } from '../http/auth.js';
import { validationFailed } from '../errors.js';
import { audit } from '../identity/audit.js';
import type { Notifier } from '../notify/notifier.js';
import { findNews, housesOfOrganisation, insertNews, residentsOfHouses } from './news.repo.js';

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
export async function publishNews(
  tx: SqlExecutor,
  enqueue: Enqueue,
  actor: OrgActor,
  input: PublishInput,
  ip?: string,
) {
  const houseIds = [...new Set(input.houseIds)];
  const managed = await housesOfOrganisation(tx, actor.organisationId, houseIds);
  const foreign = input.houseIds.map((id, i) => ({ id, i })).filter((h) => !managed.has(h.id));
  if (foreign.length)
    throw validationFailed(
      foreign.map((h) => ({ path: `body.houseIds.${h.i}`, message: 'not a house of the organisation' })),
    );
  const publishAt = input.publishAt ? new Date(input.publishAt) : new Date();
  const news = await insertNews(tx, {
    organisationId: actor.organisationId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    houseIds,
    publishAt,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    createdBy: actor.actorId,
  });
  if (input.notify ?? input.kind === 'emergency') {
    await enqueue(
      tx,
      NEWS_ANNOUNCE_QUEUE,
      { newsId: news.id },
      { singletonKey: `news:${news.id}`, startAfter: publishAt, retryLimit: 5, retryDelay: 30, retryBackoff: true },
    );
  }
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'news.published',
    objectType: 'news',
    objectId: news.id,
    organisationId: actor.organisationId,
    ip,
    details: { kind: news.kind, houses: houseIds.length },
  });
  return news;
}

/** Emails a notice to its houses' residents once each; a withdrawn or expired notice is not sent. */
export async function announceNews(pool: pg.Pool, notifier: Notifier, newsId: string) {
  return withTransaction(pool, async (tx) => {
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
  });
}
