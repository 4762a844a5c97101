import type { DebtCertificates } from '../../contracts/debt-certificates.js';
import type { Enqueue, FileStore } from '../../contracts/ports.js';
import { queueStateSystemAnswer } from './state-system.js';
import { listGisAnswers } from './state-system.repo.js';
import { type Actor, coversHouse } from '../../contracts/actor.js';
import { linkedHouseIds, requireAccountAccess, type LinkRole } from '../accounts/access.js';
import { accountStatus } from '../accounts/accounts.repo.js';
import { revokePersonLinks } from '../accounts/links.repo.js';
import { forbidden, notFound, ruleViolated, validationFailed } from '../errors.js';
import { audit } from '../identity/audit.js';
import type { FieldCipher } from '../identity/crypto.js';
import type { Notifier } from '../notify/notifier.js';
import { organisationOrManagerOf } from '../registry/houses.repo.js';
import { assertOwnFiles, toFileInfo } from '../tickets/attachments.js';
import {
  attachAppealFiles,
  detachResidentFiles,
  findAppeal,
  insertAppeal,
  insertAppealEvent,
  listAppealEvents,
  listAppealFiles,
  replaceAppealForm,
  setAppealStatus,
  type AppealRow,
} from './appeals.repo.js';
import { APPEAL_TITLES, type AppealForm } from './forms.js';
import type {
  AppealDetail,
  AppealStatus,
  AppealSummary,
  AppealTransition,
  AppealType,
} from '../../contracts/appeals.js';
import { canOrgMove, canResubmit, needsMessage, permissionForType } from './status.js';
import type { Db } from '../db/pool.js';

/** Who is reading: the author, the addressee organisation (staff's permissions there, or null for an API key), an operator. */
export type AppealReader =
  | { kind: 'resident'; personId: string }
  | { kind: 'organisation'; actor: Actor; permissions: readonly string[] | null }
  | { kind: 'operator'; personId: string };

export interface AppealPorts {
  cipher: FieldCipher;
  /** Answers to appeals from the state system are queued for it (importAnswer). */
  enqueue?: Enqueue;
  notifier: Notifier;
  files: FileStore;
  debtCertificates?: DebtCertificates;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(a: AppealRow): AppealSummary {
  return {
    id: a.id,
    number: String(a.number),
    type: a.type,
    typeTitle: APPEAL_TITLES[a.type],
    status: a.status,
    organisationId: a.organisationId,
    accountId: a.accountId,
    houseId: a.houseId,
    revision: a.revision,
    submittedAt: a.submittedAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    closedAt: iso(a.closedAt),
    source: a.source,
    stateSystemNumber: a.gisNumber,
    dueOn: a.dueOn,
    dueAt: iso(a.dueAt),
    applicantName: a.applicantName,
    accountNumber: a.accountNumber,
    premiseNumber: a.premiseNumber,
  };
}

async function detail(db: Db, a: AppealRow, form: AppealForm): Promise<AppealDetail> {
  const [files, events, answers] = await Promise.all([
    listAppealFiles(db, a.id),
    listAppealEvents(db, a.id),
    listGisAnswers(db, a.id),
  ]);
  return {
    ...toSummary(a),
    form,
    files: files.map((f) => ({ ...toFileInfo(f), kind: f.kind, authorSide: f.authorSide })),
    events: events.map((e) => ({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      message: e.message,
      authorSide: e.authorSide,
      createdAt: e.createdAt.toISOString(),
    })),
    stateSystemAnswers: answers.map((g) => ({
      text: g.text,
      status: g.status,
      createdAt: g.createdAt.toISOString(),
      acknowledgedAt: iso(g.acknowledgedAt),
    })),
  };
}

// Who may file what: money and ownership matters need an owner's link; the rest any live link.
const OWNER_TYPES = new Set<AppealType>(['owner_change', 'overpayment_refund', 'payment_transfer']);

/** The addressee and the account or house an appeal is about, checked against the author's links. */
async function resolveTarget(tx: Db, personId: string, form: AppealForm) {
  if (form.type === 'complaint') {
    if (!(await linkedHouseIds(tx, personId)).includes(form.houseId)) throw notFound('House');
    const organisationId = await organisationOrManagerOf(tx, form.organisationId ?? null, form.houseId);
    if (!organisationId)
      throw validationFailed([
        {
          path: 'body.organisationId',
          message: form.organisationId
            ? 'unknown organisation'
            : 'the house has no managing organisation: name the addressee',
        },
      ]);
    return { organisationId, accountId: null, houseId: form.houseId };
  }
  const roles: LinkRole[] = OWNER_TYPES.has(form.type)
    ? ['owner', 'co_owner']
    : ['owner', 'co_owner', 'tenant', 'delegate'];
  const access = await requireAccountAccess(tx, personId, form.accountId, roles);
  if (form.type === 'overpayment_refund') {
    if ((await accountStatus(tx, access.accountId)) !== 'closed')
      throw ruleViolated(
        'account_not_closed',
        'An overpayment is refunded on a closed account only; on an open one it counts towards the next charges',
      );
  }
  return { organisationId: access.organisationId, accountId: access.accountId, houseId: access.houseId };
}

const attachmentRefs = (form: AppealForm) =>
  form.attachments.map((a, i) => ({ id: a.fileId, path: `body.attachments.${i}.fileId` }));

export async function submitAppeal(
  tx: Db,
  ports: AppealPorts,
  personId: string,
  form: AppealForm,
  ip?: string,
): Promise<AppealDetail> {
  const target = await resolveTarget(tx, personId, form);
  await assertOwnFiles(tx, attachmentRefs(form), personId);
  const a = await insertAppeal(tx, {
    type: form.type,
    ...target,
    personId,
    formEnc: ports.cipher.encrypt(JSON.stringify(form)),
  });
  await attachAppealFiles(tx, a.id, form.attachments, 'resident');
  await insertAppealEvent(tx, { appealId: a.id, toStatus: 'submitted', authorSide: 'resident', actorId: personId });
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'appeal.submitted',
    objectType: 'appeal',
    objectId: a.id,
    organisationId: a.organisationId,
    ip,
    details: { type: a.type },
  });
  await notifyStatus(tx, ports.notifier, a, 'submitted');
  return detail(tx, a, form);
}

/** The author's corrected form after the organisation returned the appeal for rework. */
export async function resubmitAppeal(
  tx: Db,
  ports: AppealPorts,
  personId: string,
  id: string,
  form: AppealForm,
  ip?: string,
) {
  const a = await findAppeal(tx, id, true);
  if (!a || a.personId !== personId) throw notFound('Appeal');
  if (!canResubmit(a.status))
    throw ruleViolated('appeal_not_returned', 'Only an appeal returned for rework can be edited', {
      appealStatus: a.status,
    });
  if (form.type !== a.type) throw validationFailed([{ path: 'body.type', message: `the appeal is of type ${a.type}` }]);
  const target = await resolveTarget(tx, personId, form);
  await assertOwnFiles(tx, attachmentRefs(form), personId);
  const updated = await replaceAppealForm(
    tx,
    id,
    ports.cipher.encrypt(JSON.stringify(form)),
    target.accountId,
    target.houseId,
    target.organisationId,
  );
  await detachResidentFiles(tx, id);
  await attachAppealFiles(tx, id, form.attachments, 'resident');
  await insertAppealEvent(tx, {
    appealId: id,
    fromStatus: 'returned',
    toStatus: 'submitted',
    authorSide: 'resident',
    actorId: personId,
  });
  await audit(tx, {
    actorType: 'person',
    actorId: personId,
    action: 'appeal.resubmitted',
    objectType: 'appeal',
    objectId: id,
    organisationId: updated.organisationId,
    ip,
    details: { revision: updated.revision },
  });
  await notifyStatus(tx, ports.notifier, updated, 'submitted');
  return detail(tx, updated, form);
}

/** The appeal if the reader may see it: another person's or organisation's appeals are 404; staff whose permissions do not cover the type get 403. */
export async function appealFor(db: Db, reader: AppealReader, id: string, lock = false): Promise<AppealRow> {
  const a = await findAppeal(db, id, lock);
  if (!a) throw notFound('Appeal');
  if (reader.kind === 'resident' && a.personId !== reader.personId) throw notFound('Appeal');
  if (reader.kind === 'organisation') {
    if (a.organisationId !== reader.actor.organisationId || !coversHouse(reader.actor, a.houseId)) {
      throw notFound('Appeal');
    }
    if (reader.permissions && !reader.permissions.includes(permissionForType(a.type))) {
      throw forbidden(
        `Appeals of type ${a.type} are handled by staff with ${permissionForType(a.type)}`,
        'appeal_role_missing',
      );
    }
  }
  return a;
}

function auditActor(reader: AppealReader) {
  return reader.kind === 'organisation'
    ? { actorType: reader.actor.actorType, actorId: reader.actor.actorId }
    : { actorType: 'person' as const, actorId: reader.personId };
}

/** Decrypts the form for an entitled reader; each such read is recorded in the audit log. */
export async function readAppeal(tx: Db, cipher: FieldCipher, reader: AppealReader, id: string, ip?: string) {
  const a = await appealFor(tx, reader, id);
  const form = JSON.parse(cipher.decrypt(a.formEnc)) as AppealForm;
  await audit(tx, {
    ...auditActor(reader),
    action: 'appeal.personal_data.read',
    objectType: 'appeal',
    objectId: a.id,
    organisationId: a.organisationId,
    ip,
    details: { reader: reader.kind },
  });
  return detail(tx, a, form);
}

export async function appealFile(
  db: Db,
  files: FileStore,
  reader: AppealReader,
  id: string,
  fileId: string,
  ip?: string,
) {
  const a = await appealFor(db, reader, id);
  if (!(await listAppealFiles(db, a.id)).some((f) => f.id === fileId)) throw notFound('File');
  const file = await files.get(fileId);
  if (!file) throw notFound('File');
  await audit(db, {
    ...auditActor(reader),
    action: 'appeal.file.read',
    objectType: 'appeal',
    objectId: a.id,
    organisationId: a.organisationId,
    ip,
    details: { fileId, reader: reader.kind },
  });
  return file;
}

async function notifyStatus(tx: Db, notifier: Notifier, a: AppealRow, status: AppealStatus, message?: string | null) {
  // An appeal from the state system has no hub author: its answer reaches the applicant there.
  if (!a.personId) return;
  await notifier.notify(tx, [a.personId], {
    kind: 'appeal_status',
    appealId: a.id,
    number: String(a.number),
    typeTitle: APPEAL_TITLES[a.type],
    status,
    message,
  });
}

export async function transitionAppeal(
  tx: Db,
  ports: AppealPorts,
  reader: Extract<AppealReader, { kind: 'organisation' }>,
  id: string,
  input: AppealTransition,
  ip?: string,
): Promise<AppealSummary> {
  const a = await appealFor(tx, reader, id, true);
  // The applicant of a state-system appeal cannot rework it in the hub: it is answered, not returned.
  if (!canOrgMove(a.status, input.status) || (a.source === 'state_system' && input.status === 'returned')) {
    throw ruleViolated('status_transition_not_allowed', `An appeal cannot go from ${a.status} to ${input.status}`, {
      from: a.status,
      to: input.status,
    });
  }
  if (needsMessage(input.status) && !input.message)
    throw validationFailed([{ path: 'body.message', message: 'required when returning for rework or rejecting' }]);
  const { actor } = reader;
  await assertOwnFiles(
    tx,
    input.fileIds.map((f, i) => ({ id: f, path: `body.fileIds.${i}` })),
    actor.actorId,
  );

  let updated = await setAppealStatus(tx, id, input.status);
  const eventId = await insertAppealEvent(tx, {
    appealId: id,
    fromStatus: a.status,
    toStatus: input.status,
    message: input.message,
    authorSide: 'organisation',
    actorId: actor.actorId,
  });
  await attachAppealFiles(
    tx,
    id,
    input.fileIds.map((fileId) => ({ fileId, kind: 'answer' })),
    'organisation',
    eventId,
  );
  if (input.message && ports.enqueue) await queueStateSystemAnswer(tx, ports.enqueue, a, input.message, eventId);
  await audit(tx, {
    actorType: actor.actorType,
    actorId: actor.actorId,
    action: 'appeal.status_changed',
    objectType: 'appeal',
    objectId: id,
    organisationId: actor.organisationId,
    ip,
    details: { from: a.status, to: input.status },
  });
  await notifyStatus(tx, ports.notifier, updated, input.status, input.message);

  if (input.status === 'accepted' && a.type === 'owner_change' && a.accountId && a.personId) {
    // The ownership passed: the old owner (the author) no longer has the account.
    const links = await revokePersonLinks(tx, a.accountId, a.personId);
    await audit(tx, {
      actorType: actor.actorType,
      actorId: actor.actorId,
      action: 'account_link.closed',
      objectType: 'account',
      objectId: a.accountId,
      organisationId: actor.organisationId,
      ip,
      details: { appealId: id, personId: a.personId, links },
    });
  }
  if (input.status === 'accepted' && a.type === 'debt_certificate' && a.accountId && ports.debtCertificates) {
    updated = await answerWithCertificate(tx, ports, updated);
  }
  return toSummary(updated);
}

/** Billing is wired: the certificate is issued at once, attached as the answer, and the appeal is done. */
async function answerWithCertificate(tx: Db, ports: AppealPorts, a: AppealRow) {
  const form = JSON.parse(ports.cipher.decrypt(a.formEnc)) as Extract<AppealForm, { type: 'debt_certificate' }>;
  const certificate = await ports.debtCertificates!.issue({
    organisationId: a.organisationId,
    accountId: a.accountId!,
    asOf: form.asOf,
  });
  const stored = await ports.files.put({ ...certificate, createdBy: 'system' });
  const message = 'Справка о задолженности сформирована и приложена к обращению.';
  const done = await setAppealStatus(tx, a.id, 'done');
  const eventId = await insertAppealEvent(tx, {
    appealId: a.id,
    fromStatus: a.status,
    toStatus: 'done',
    message,
    authorSide: 'system',
  });
  await attachAppealFiles(tx, a.id, [{ fileId: stored.id, kind: 'debt_certificate' }], 'system', eventId);
  await notifyStatus(tx, ports.notifier, done, 'done', message);
  return done;
}

export async function answerAppeal(
  tx: Db,
  ports: AppealPorts,
  reader: Extract<AppealReader, { kind: 'organisation' }>,
  id: string,
  input: { message: string; fileIds: string[] },
) {
  const a = await appealFor(tx, reader, id, true);
  if (a.status === 'done') throw ruleViolated('appeal_closed', 'The appeal is done');
  await assertOwnFiles(
    tx,
    input.fileIds.map((f, i) => ({ id: f, path: `body.fileIds.${i}` })),
    reader.actor.actorId,
  );
  const eventId = await insertAppealEvent(tx, {
    appealId: id,
    message: input.message,
    authorSide: 'organisation',
    actorId: reader.actor.actorId,
  });
  await attachAppealFiles(
    tx,
    id,
    input.fileIds.map((fileId) => ({ fileId, kind: 'answer' })),
    'organisation',
    eventId,
  );
  if (ports.enqueue) await queueStateSystemAnswer(tx, ports.enqueue, a, input.message, eventId);
  if (!a.personId) return toSummary(a);
  await ports.notifier.notify(tx, [a.personId], {
    kind: 'appeal_answer',
    appealId: id,
    number: String(a.number),
    typeTitle: APPEAL_TITLES[a.type],
    message: input.message,
  });
  return toSummary(a);
}
