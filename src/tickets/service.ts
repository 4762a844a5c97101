import type { FileStore } from '../../contracts/ports.js';
import { type Actor, coversHouse } from '../../contracts/actor.js';
import { linkedHouseIds, requireAccountAccess } from '../accounts/access.js';
import { conflict, notFound, ruleViolated } from '../errors.js';
import { audit } from '../identity/audit.js';
import type { FieldCipher } from '../identity/crypto.js';
import type { Notifier } from '../notify/notifier.js';
import { assertOwnFiles, toFileInfo } from './attachments.js';
import {
  DEFAULT_TICKET_DEADLINE,
  TICKET_CATEGORIES,
  type TicketCreateInput,
  type TicketDetail,
  type TicketStaffPatch,
  type TicketView,
} from '../../contracts/tickets.js';
import { canReopen, canStaffMove, isClosed } from './status.js';
import {
  attachTicketFiles,
  findDeadline,
  findTicket,
  listDeadlines,
  upsertDeadlines,
  type DeadlineRow,
  insertTicket,
  insertTicketEvent,
  listTicketEvents,
  listTicketFiles,
  rateTicket,
  updateTicket,
  type TicketRow,
} from './tickets.repo.js';
import type { Db } from '../db/pool.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** What a caller sees: account and contact phone only for the author and the organisation. */
export function toTicketView(t: TicketRow, opts: { mine: boolean; staff?: boolean; phone: string | null }): TicketView {
  return {
    id: t.id,
    number: String(t.number),
    houseId: t.houseId,
    accountId: opts.mine || opts.staff ? t.accountId : null,
    visibility: t.visibility,
    category: t.category,
    emergency: t.emergency,
    text: t.text,
    status: t.status,
    mine: opts.mine,
    contactPhone: opts.phone,
    assignee: t.assignee,
    deadline: iso(t.deadline),
    resolution: t.resolution,
    closedAt: iso(t.closedAt),
    reopenedCount: t.reopenedCount,
    rating: t.rating === null ? null : { score: t.rating, comment: t.ratingComment, ratedAt: iso(t.ratedAt)! },
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

async function withDetail(db: Db, t: TicketRow, view: TicketView): Promise<TicketDetail> {
  const [files, events] = await Promise.all([listTicketFiles(db, t.id), listTicketEvents(db, t.id)]);
  return {
    ...view,
    files: files.map(toFileInfo),
    events: events.map((e) => ({
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      body: e.body,
      authorSide: e.authorSide,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export async function createTicket(
  tx: Db,
  cipher: FieldCipher,
  personId: string,
  input: TicketCreateInput,
): Promise<TicketDetail> {
  const access = await requireAccountAccess(tx, personId, input.accountId);
  await assertOwnFiles(
    tx,
    input.photoIds.map((id, i) => ({ id, path: `body.photoIds.${i}` })),
    personId,
  );
  const created = new Date();
  const t = await insertTicket(tx, {
    deadline: deadlineOf(
      (await findDeadline(tx, access.organisationId, input.category)) ?? DEFAULT_TICKET_DEADLINE,
      input.emergency,
      created,
    ),
    organisationId: access.organisationId,
    houseId: access.houseId,
    accountId: access.accountId,
    authorPersonId: personId,
    visibility: input.visibility,
    category: input.category,
    emergency: input.emergency,
    text: input.text,
    contactPhoneEnc: cipher.encrypt(input.contactPhone),
  });
  await attachTicketFiles(tx, t.id, input.photoIds);
  await insertTicketEvent(tx, {
    ticketId: t.id,
    kind: 'status',
    toStatus: 'new',
    authorSide: 'resident',
    actorId: personId,
  });
  return withDetail(tx, t, toTicketView(t, { mine: true, phone: input.contactPhone }));
}

/** A request the person may see: their own, or a house-wide one of a house they live in. 404 otherwise. */
export async function ticketVisibleToPerson(db: Db, personId: string, id: string, lock = false): Promise<TicketRow> {
  const t = await findTicket(db, id, lock);
  if (t && t.authorPersonId === personId) return t;
  if (t && t.visibility === 'house' && (await linkedHouseIds(db, personId)).includes(t.houseId)) return t;
  throw notFound('Request');
}

export async function getTicketForPerson(db: Db, cipher: FieldCipher, personId: string, id: string) {
  const t = await ticketVisibleToPerson(db, personId, id);
  const mine = t.authorPersonId === personId;
  return withDetail(
    db,
    t,
    toTicketView(t, { mine, phone: mine && t.contactPhoneEnc ? cipher.decrypt(t.contactPhoneEnc) : null }),
  );
}

async function ownTicket(tx: Db, personId: string, id: string) {
  const t = await ticketVisibleToPerson(tx, personId, id, true);
  if (t.authorPersonId !== personId) throw ruleViolated('not_author', 'Only the author can do this with the request');
  return t;
}

export async function reopenTicket(
  tx: Db,
  deps: { cipher: FieldCipher; notifier: Notifier; reopenDays: number; now?: Date },
  personId: string,
  id: string,
  reason: string,
) {
  const t = await ownTicket(tx, personId, id);
  if (!canReopen(t, deps.now ?? new Date(), deps.reopenDays)) {
    throw ruleViolated(
      'reopen_not_allowed',
      isClosed(t.status)
        ? `A request can be reopened within ${deps.reopenDays} days of its closing`
        : 'Only a done or rejected request can be reopened',
      { ticketStatus: t.status },
    );
  }
  const updated = await updateTicket(tx, id, { status: 'new', closedAt: null, reopened: true });
  await insertTicketEvent(tx, {
    ticketId: id,
    kind: 'status',
    fromStatus: t.status,
    toStatus: 'new',
    body: reason,
    authorSide: 'resident',
    actorId: personId,
  });
  await deps.notifier.notify(tx, [personId], {
    kind: 'ticket_status',
    ticketId: id,
    number: String(t.number),
    status: 'new',
    reopened: true,
  });
  return withDetail(
    tx,
    updated,
    toTicketView(updated, {
      mine: true,
      phone: updated.contactPhoneEnc ? deps.cipher.decrypt(updated.contactPhoneEnc) : null,
    }),
  );
}

/** The author rates the work of a closed request, once per closing. */
export async function rateClosedTicket(
  tx: Db,
  cipher: FieldCipher,
  personId: string,
  id: string,
  input: { score: number; comment?: string },
) {
  const t = await ownTicket(tx, personId, id);
  if (!isClosed(t.status)) {
    throw ruleViolated('ticket_not_closed', 'A request is rated after it is done or rejected', {
      ticketStatus: t.status,
    });
  }
  const rated = await rateTicket(tx, id, input.score, input.comment || null);
  if (!rated)
    throw conflict('ticket_already_rated', 'The request is already rated; it can be rated again after reopening');
  const phone = rated.contactPhoneEnc ? cipher.decrypt(rated.contactPhoneEnc) : null;
  return withDetail(tx, rated, toTicketView(rated, { mine: true, phone }));
}

export async function residentComment(tx: Db, personId: string, id: string, body: string) {
  const t = await ownTicket(tx, personId, id);
  await insertTicketEvent(tx, { ticketId: t.id, kind: 'comment', body, authorSide: 'resident', actorId: personId });
}

/** A request of the actor's organisation and houses, or 404 (others' requests do not exist for it). */
export async function ticketOfOrg(db: Db, actor: Actor, id: string, lock = false): Promise<TicketRow> {
  const t = await findTicket(db, id, lock);
  if (!t || t.organisationId !== actor.organisationId || !coversHouse(actor, t.houseId)) throw notFound('Request');
  return t;
}

/** The organisation's full view; decrypting the contact phone is a personal-data read and is audited. */
export async function getTicketForOrg(tx: Db, cipher: FieldCipher, actor: Actor, id: string, ip?: string) {
  const t = await ticketOfOrg(tx, actor, id);
  const phone = t.contactPhoneEnc ? cipher.decrypt(t.contactPhoneEnc) : null;
  if (phone) {
    await audit(tx, {
      actorType: actor.actorType,
      actorId: actor.actorId,
      action: 'ticket.personal_data.read',
      objectType: 'ticket',
      objectId: t.id,
      organisationId: actor.organisationId,
      ip,
    });
  }
  return withDetail(tx, t, toTicketView(t, { mine: false, staff: true, phone }));
}

export async function staffUpdateTicket(
  tx: Db,
  deps: { cipher: FieldCipher; notifier: Notifier },
  actor: Actor,
  id: string,
  patch: TicketStaffPatch,
  ip?: string,
) {
  const t = await ticketOfOrg(tx, actor, id, true);
  const statusChanges = patch.status !== undefined && patch.status !== t.status;
  if (statusChanges && !canStaffMove(t.status, patch.status!)) {
    throw ruleViolated('status_transition_not_allowed', `A request cannot go from ${t.status} to ${patch.status}`, {
      from: t.status,
      to: patch.status,
    });
  }
  if (!statusChanges && isClosed(t.status) && (patch.assignee !== undefined || patch.deadline !== undefined)) {
    throw ruleViolated('ticket_closed', 'The request is closed; the author may reopen it');
  }
  const { comment, status, deadline, ...rest } = patch;
  await updateTicket(tx, id, {
    ...rest,
    ...(deadline !== undefined ? { deadline: deadline === null ? null : new Date(deadline) } : {}),
    ...(statusChanges ? { status, closedAt: isClosed(status!) ? new Date() : null } : {}),
  });
  if (statusChanges) {
    await insertTicketEvent(tx, {
      ticketId: id,
      kind: 'status',
      fromStatus: t.status,
      toStatus: status,
      body: comment,
      authorSide: 'organisation',
      actorId: actor.actorId,
    });
    if (t.authorPersonId) {
      await deps.notifier.notify(tx, [t.authorPersonId], {
        kind: 'ticket_status',
        ticketId: id,
        number: String(t.number),
        status: status!,
        note: comment ?? patch.resolution ?? null,
      });
    }
  } else if (comment) {
    await insertTicketEvent(tx, {
      ticketId: id,
      kind: 'comment',
      body: comment,
      authorSide: 'organisation',
      actorId: actor.actorId,
    });
  }
  return getTicketForOrg(tx, deps.cipher, actor, id, ip);
}

export async function staffComment(tx: Db, actor: Actor, id: string, body: string) {
  const t = await ticketOfOrg(tx, actor, id);
  await insertTicketEvent(tx, {
    ticketId: t.id,
    kind: 'comment',
    body,
    authorSide: 'organisation',
    actorId: actor.actorId,
  });
}

/** A file attached to a request the caller may see; anything else is 404. */
export async function ticketFile(db: Db, files: FileStore, ticketId: string, fileId: string) {
  const attached = await listTicketFiles(db, ticketId);
  if (!attached.some((f) => f.id === fileId)) throw notFound('File');
  const file = await files.get(fileId);
  if (!file) throw notFound('File');
  return file;
}

/** A new request's deadline: its creation plus the category's hours (emergency) or calendar days. */
export function deadlineOf(
  setting: { emergencyHours: number; regularDays: number },
  emergency: boolean,
  created: Date,
): Date {
  const hours = emergency ? setting.emergencyHours : setting.regularDays * 24;
  return new Date(created.getTime() + hours * 3_600_000);
}

/** Every category's default deadlines: the organisation's where set, else the hub's. */
export async function deadlinesOf(db: Db, organisationId: string) {
  const set = new Map((await listDeadlines(db, organisationId)).map((d) => [d.category, d]));
  return TICKET_CATEGORIES.map((category) => {
    const own = set.get(category);
    return {
      category,
      emergencyHours: own?.emergencyHours ?? DEFAULT_TICKET_DEADLINE.emergencyHours,
      regularDays: own?.regularDays ?? DEFAULT_TICKET_DEADLINE.regularDays,
      custom: Boolean(own),
    };
  });
}

/** Sets the organisation's default deadlines of some categories (audited); new requests take them. */
export async function setDeadlines(tx: Db, actor: Actor, items: DeadlineRow[], ip?: string) {
  if (items.length) await upsertDeadlines(tx, actor.organisationId, items);
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'ticket.deadlines.set',
    objectType: 'organisation',
    objectId: actor.organisationId,
    organisationId: actor.organisationId,
    ip,
  });
  return deadlinesOf(tx, actor.organisationId);
}

/** Photos of the organisation's work attached to a request (the resident sees them with the request). */
export async function staffAttachFiles(
  tx: Db,
  cipher: FieldCipher,
  actor: Actor,
  id: string,
  fileIds: string[],
  ip?: string,
) {
  const t = await ticketOfOrg(tx, actor, id, true);
  await attachTicketFiles(tx, t.id, fileIds);
  await insertTicketEvent(tx, {
    ticketId: t.id,
    kind: 'comment',
    body: fileIds.length === 1 ? 'Добавлено фото' : `Добавлено фото: ${fileIds.length}`,
    authorSide: 'organisation',
    actorId: actor.actorId,
  });
  return getTicketForOrg(tx, cipher, actor, id, ip);
}
