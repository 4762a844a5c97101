import type { RegistrationFields, RegistrationView } from '../../contracts/metering.js';
import type { Db } from '../db/pool.js';

const VIEW = `r.id, r.account_id, a.number AS account_number,
  (SELECT h.full_address FROM registry_houses h WHERE h.id = a.house_id) AS address,
  (SELECT p.number FROM registry_premises p WHERE p.id = a.premise_id) AS premise, r.organisation_id, r.kind, r.meter_id, r.resource, r.serial_number,
  r.tariffs, r.digit_capacity, r.installed_on::text AS installed_on, r.sealed_on::text AS sealed_on,
  r.verified_on::text AS verified_on, r.next_verification::text AS next_verification, r.initial_t1, r.initial_t2, r.initial_t3,
  r.comment, r.status, r.reject_reason, r.created_at, r.decided_at,
  coalesce((SELECT json_agg(json_build_object('id', d.id, 'kind', d.kind, 'filename', f.filename, 'contentType', f.content_type,
                                              'size', f.size) ORDER BY d.created_at, d.id)
              FROM meter_registration_documents d JOIN files_meta f ON f.id = d.file_id
             WHERE d.registration_id = r.id), '[]') AS documents`;

export interface RegistrationRow {
  id: string;
  account_id: string;
  account_number: string;
  address: string;
  premise: string | null;
  organisation_id: string;
  kind: 'register' | 'reregister';
  meter_id: string | null;
  resource: RegistrationView['resource'];
  serial_number: string;
  tariffs: number;
  digit_capacity: number | null;
  installed_on: string | null;
  sealed_on: string | null;
  verified_on: string | null;
  next_verification: string | null;
  initial_t1: string | null;
  initial_t2: string | null;
  initial_t3: string | null;
  comment: string | null;
  status: RegistrationView['status'];
  reject_reason: string | null;
  created_at: Date;
  decided_at: Date | null;
  documents: RegistrationView['documents'];
}

export async function insertRegistration(
  db: Db,
  r: RegistrationFields & { organisationId: string; accountId: string; submittedBy: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO meter_registrations (organisation_id, account_id, kind, meter_id, resource, serial_number, tariffs, digit_capacity,
       installed_on, sealed_on, verified_on, next_verification, initial_t1, initial_t2, initial_t3, comment, submitted_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [
      r.organisationId,
      r.accountId,
      r.kind,
      r.meterId ?? null,
      r.resource,
      r.serialNumber,
      r.tariffs ?? 1,
      r.digitCapacity ?? null,
      r.installedOn ?? null,
      r.sealedOn ?? null,
      r.verifiedOn ?? null,
      r.nextVerification ?? null,
      r.t1 ?? null,
      r.t2 ?? null,
      r.t3 ?? null,
      r.comment ?? null,
      r.submittedBy,
    ],
  );
  return rows[0]!.id;
}

export async function insertRegistrationDocuments(
  db: Db,
  registrationId: string,
  docs: { kind: string; fileId: string }[],
) {
  await db.query(
    `INSERT INTO meter_registration_documents (registration_id, kind, file_id)
     SELECT $1, k, f FROM unnest($2::text[], $3::uuid[]) AS x(k, f)`,
    [registrationId, docs.map((d) => d.kind), docs.map((d) => d.fileId)],
  );
}

export async function findRegistration(
  db: Db,
  where: { id: string; accountId?: string; organisationId?: string },
  lock = false,
): Promise<RegistrationRow | null> {
  const { rows } = await db.query<RegistrationRow>(
    `SELECT ${VIEW} FROM meter_registrations r JOIN accounts_accounts a ON a.id = r.account_id
      WHERE r.id = $1 AND ($2::uuid IS NULL OR r.account_id = $2) AND ($3::uuid IS NULL OR r.organisation_id = $3)
      ${lock ? 'FOR UPDATE OF r' : ''}`,
    [where.id, where.accountId ?? null, where.organisationId ?? null],
  );
  return rows[0] ?? null;
}

export async function listRegistrations(
  db: Db,
  where: { accountId?: string; organisationId?: string; status?: string },
  page: { after: [string, string] | null; limit: number },
): Promise<RegistrationRow[]> {
  const { rows } = await db.query<RegistrationRow>(
    `SELECT ${VIEW} FROM meter_registrations r JOIN accounts_accounts a ON a.id = r.account_id
      WHERE ($1::uuid IS NULL OR r.account_id = $1) AND ($2::uuid IS NULL OR r.organisation_id = $2)
        AND ($3::text IS NULL OR r.status = $3)
        AND ($4::timestamptz IS NULL OR (r.created_at, r.id) < ($4::timestamptz, $5::uuid))
      ORDER BY r.created_at DESC, r.id DESC LIMIT $6`,
    [
      where.accountId ?? null,
      where.organisationId ?? null,
      where.status ?? null,
      page.after?.[0] ?? null,
      page.after?.[1] ?? null,
      page.limit,
    ],
  );
  return rows;
}

export async function decideRegistration(
  db: Db,
  id: string,
  d: { status: 'approved' | 'rejected'; meterId?: string; reason?: string; decidedBy: string },
) {
  await db.query(
    `UPDATE meter_registrations SET status = $2, meter_id = coalesce($3, meter_id), reject_reason = $4, decided_by = $5, decided_at = now()
      WHERE id = $1`,
    [id, d.status, d.meterId ?? null, d.reason ?? null, d.decidedBy],
  );
}

export async function findRegistrationDocument(db: Db, registrationId: string, documentId: string) {
  const { rows } = await db.query<{ file_id: string; kind: string }>(
    `SELECT file_id, kind FROM meter_registration_documents WHERE registration_id = $1 AND id = $2`,
    [registrationId, documentId],
  );
  return rows[0] ?? null;
}

/** Meter (re)registrations submitted and not yet decided (meter_registrations_org_idx). */
export async function countSubmittedRegistrations(db: Db, organisationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM meter_registrations WHERE organisation_id = $1 AND status = 'submitted'`,
    [organisationId],
  );
  return rows[0]!.n;
}
