import type { Enqueue, FileStore } from '../../contracts/ports.js';
import { DOCUMENT_KINDS, registrationFieldsSchema, type RegistrationView } from '../../contracts/metering.js';
import type { AccountAccess } from '../accounts/access.js';
import type { Db } from '../db/pool.js';
import { conflict, notFound, validationFailed, zodFields, type FieldError } from '../errors.js';
import type { Upload } from '../files/uploads.js';
import { queueForSync } from '../sync/outbox.js';
import { accountTimezone, archiveMeter, listAccountMeters, upsertMeters, type MeterRow } from './meters.repo.js';
import { currentPeriod, localDate } from '../calendar.js';
import { insertReadings, supersedeLivePeriods } from './readings.repo.js';
import {
  decideRegistration,
  findRegistration,
  insertRegistration,
  insertRegistrationDocuments,
  type RegistrationRow,
} from './registrations.repo.js';
import { READING_SYNC } from './service.js';

export function registrationView(r: RegistrationRow): RegistrationView {
  const initial =
    r.initial_t1 === null
      ? null
      : {
          t1: r.initial_t1,
          ...(r.initial_t2 ? { t2: r.initial_t2 } : {}),
          ...(r.initial_t3 ? { t3: r.initial_t3 } : {}),
        };
  return {
    id: r.id,
    accountId: r.account_id,
    accountNumber: r.account_number,
    address: r.address,
    premise: r.premise,
    kind: r.kind,
    meterId: r.meter_id,
    resource: r.resource,
    serialNumber: r.serial_number,
    tariffs: r.tariffs,
    digitCapacity: r.digit_capacity,
    installedOn: r.installed_on,
    sealedOn: r.sealed_on,
    verifiedOn: r.verified_on,
    nextVerification: r.next_verification,
    initialValues: initial,
    comment: r.comment,
    status: r.status,
    rejectReason: r.reject_reason,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    documents: r.documents,
  };
}

/**
 * Checks a registration form before anything is stored: the fields, the documents' kinds, and the
 * documents DOMAIN.md asks for — a photo of the meter and its passport or verification certificate
 * (acts of sealing, dismantling and installation are taken when sent).
 */
export function checkRegistrationForm(fields: Record<string, string>, files: Upload[], meters: MeterRow[]) {
  const parsed = registrationFieldsSchema.safeParse(fields);
  const problems: FieldError[] = parsed.success ? [] : zodFields(parsed.error, 'body');
  for (const f of files) {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(f.field)) {
      problems.push({ path: `body.${f.field}`, message: `files go in fields named ${DOCUMENT_KINDS.join(', ')}` });
    }
  }
  const kinds = new Set(files.map((f) => f.field));
  if (!kinds.has('photo')) problems.push({ path: 'body.photo', message: 'a photo of the meter is required' });
  if (!kinds.has('passport') && !kinds.has('verification_certificate')) {
    problems.push({ path: 'body.passport', message: "the meter's passport or verification certificate is required" });
  }
  if (parsed.success) {
    const f = parsed.data;
    const tariffs = f.tariffs ?? 1;
    const initial = [f.t1, f.t2, f.t3];
    if (initial.some((v) => v !== undefined)) {
      initial.forEach((v, t) => {
        if (t < tariffs !== (v !== undefined))
          problems.push({ path: `body.t${t + 1}`, message: `give exactly one initial value per tariff (${tariffs})` });
      });
    }
    if (f.kind === 'reregister') {
      const meter = meters.find((m) => m.id === f.meterId);
      if (!f.meterId) problems.push({ path: 'body.meterId', message: 'name the meter being re-registered' });
      else if (!meter) problems.push({ path: 'body.meterId', message: 'no such meter on this account' });
    } else if (meters.some((m) => m.resource === f.resource && m.serial_number === f.serialNumber)) {
      problems.push({ path: 'body.serialNumber', message: 'this meter is already registered; re-register it instead' });
    }
  }
  if (problems.length || !parsed.success) throw validationFailed(problems, 'The registration form is not complete');
  return parsed.data;
}

/** Stores the documents through the file store (on the transaction), then records the request and its documents. */
export async function submitRegistration(
  tx: Db,
  files: FileStore,
  access: AccountAccess,
  personId: string,
  form: { fields: Record<string, string>; files: Upload[] },
): Promise<RegistrationView> {
  const fields = checkRegistrationForm(form.fields, form.files, await listAccountMeters(tx, access.accountId));
  const stored: { kind: string; fileId: string }[] = [];
  for (const f of form.files) {
    const file = await files.put(
      { filename: f.filename, contentType: f.contentType, data: f.data, createdBy: personId },
      tx,
    );
    stored.push({ kind: f.field, fileId: file.id });
  }
  const id = await insertRegistration(tx, {
    ...fields,
    organisationId: access.organisationId,
    accountId: access.accountId,
    submittedBy: personId,
  });
  await insertRegistrationDocuments(tx, id, stored);
  return registrationView((await findRegistration(tx, { id }))!);
}

/**
 * Approval registers the meter: a new registration creates it; a re-registration updates the meter
 * in place (verification, resealing) or, when the serial number changed (replacement), archives the
 * old meter and creates the new one. An initial reading, when given, becomes the period's reading.
 */
export async function approveRegistration(
  tx: Db,
  enqueue: Enqueue,
  organisationId: string,
  actorId: string,
  id: string,
  now: Date,
): Promise<RegistrationView> {
  const r = await findRegistration(tx, { id, organisationId }, true);
  if (!r) throw notFound('Meter registration');
  if (r.status !== 'submitted') throw conflict('registration_decided', `The request is already ${r.status}`);
  const meters = await listAccountMeters(tx, r.account_id, true);
  const old = r.kind === 'reregister' ? meters.find((m) => m.id === r.meter_id) : undefined;
  const sameMeter = old && old.serial_number === r.serial_number && old.resource === r.resource;
  if (old && !sameMeter) await archiveMeter(tx, old.id);
  const base = sameMeter ? old : undefined;
  const [meterId] = await upsertMeters(tx, [
    {
      accountId: r.account_id,
      resource: r.resource,
      serialNumber: r.serial_number,
      tariffs: r.tariffs,
      digitCapacity: r.digit_capacity ?? base?.digit_capacity ?? null,
      installedOn: r.installed_on ?? base?.installed_on ?? null,
      sealedOn: r.sealed_on ?? base?.sealed_on ?? null,
      verifiedOn: r.verified_on ?? base?.verified_on ?? null,
      nextVerification: r.next_verification ?? base?.next_verification ?? null,
      archived: false,
    },
  ]);
  if (r.initial_t1 !== null) {
    const tz = await accountTimezone(tx, r.account_id);
    const period = currentPeriod(now, tz);
    await supersedeLivePeriods(tx, [meterId!], [period]);
    const [readingId] = await insertReadings(tx, [
      {
        meterId: meterId!,
        period,
        takenOn: r.installed_on ?? localDate(now, tz),
        t1: r.initial_t1,
        t2: r.initial_t2,
        t3: r.initial_t3,
        source: 'organisation',
        submittedBy: actorId,
        highConsumptionConfirmed: false,
      },
    ]);
    await queueForSync(tx, enqueue, { organisationId, ...READING_SYNC, objectId: readingId! });
  }
  await decideRegistration(tx, id, { status: 'approved', meterId, decidedBy: actorId });
  return registrationView((await findRegistration(tx, { id }))!);
}

export async function rejectRegistration(tx: Db, organisationId: string, actorId: string, id: string, reason: string) {
  const r = await findRegistration(tx, { id, organisationId }, true);
  if (!r) throw notFound('Meter registration');
  if (r.status !== 'submitted') throw conflict('registration_decided', `The request is already ${r.status}`);
  await decideRegistration(tx, id, { status: 'rejected', reason, decidedBy: actorId });
  return registrationView((await findRegistration(tx, { id }))!);
}
