import type pg from 'pg';
import { z } from 'zod';
import { withTransaction } from '../db/pool.js';
import { zodFields, type FieldError } from '../errors.js';
import { audit } from '../identity/audit.js';
import { parseShare, sharesFit } from './rules.js';

const share = z
  .string()
  .refine((s) => parseShare(s) !== null, 'a fraction such as "1/2"')
  .default('1/1');

export const accountOwnerInput = z.object({
  lastName: z.string().trim().min(1).max(100),
  firstName: z.string().trim().min(1).max(100).optional(),
  middleName: z.string().trim().min(1).max(100).optional(),
  share,
  titleDocument: z.string().trim().min(1).max(200).optional(),
});

export const accountInput = z
  .object({
    number: z.string().trim().min(1).max(30),
    unifiedNumber: z
      .string()
      .regex(/^[0-9A-Za-z]{10}$/, 'the ЕЛС: exactly 10 letters or digits')
      .optional(),
    serviceId: z
      .string()
      .regex(/^[0-9A-Za-z-]{13}$/, 'the ИЖКУ: exactly 13 characters')
      .optional(),
    houseFiasGuid: z.uuid().optional(),
    houseId: z.uuid().optional(),
    premiseNumber: z.string().trim().min(1).max(20).optional(),
    status: z.enum(['open', 'closed']).default('open'),
    contactEmail: z.email().optional().describe('where one-time codes for linking the account are sent'),
    owners: z.array(accountOwnerInput).max(50).default([]),
  })
  .refine((a) => Boolean(a.houseFiasGuid) !== Boolean(a.houseId), {
    message: 'give houseFiasGuid or houseId',
    path: ['houseFiasGuid'],
  })
  .refine((a) => sharesFit(a.owners.map((o) => parseShare(o.share)!)), {
    message: "the owners' shares add up to more than 1",
    path: ['owners'],
  })
  .meta({ id: 'AccountInput' });

export type AccountInput = z.infer<typeof accountInput>;

export interface AccountRowResult {
  index: number;
  key: string | null;
  status: 'created' | 'updated' | 'unchanged' | 'rejected';
  id?: string;
  errors?: FieldError[];
}

interface Owner {
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  numerator: number;
  denominator: number;
  titleDocument: string | null;
}

const ownerKey = (o: Owner) =>
  JSON.stringify([o.lastName, o.firstName, o.middleName, o.numerator, o.denominator, o.titleDocument]);
const sameOwners = (a: Owner[], b: Owner[]) => a.map(ownerKey).sort().join('\n') === b.map(ownerKey).sort().join('\n');

/**
 * An organisation's bulk upsert of personal accounts by number, with their premise, owners and
 * shares. Each row is validated on its own; the organisation may only place accounts in its own
 * houses. Sending the same rows again changes nothing.
 */
export async function upsertOrganisationAccounts(
  pool: pg.Pool,
  actor: { organisationId: string; actorType: 'person' | 'api_client'; actorId: string },
  rows: unknown[],
): Promise<AccountRowResult[]> {
  const results: AccountRowResult[] = [];
  const valid: { index: number; input: AccountInput }[] = [];
  const numbers = new Set<string>();
  rows.forEach((raw, index) => {
    const at = `body.accounts.${index}`;
    const key = typeof (raw as { number?: unknown })?.number === 'string' ? (raw as { number: string }).number : null;
    const parsed = accountInput.safeParse(raw);
    if (!parsed.success)
      return void (results[index] = { index, key, status: 'rejected', errors: zodFields(parsed.error, at) });
    if (numbers.has(parsed.data.number)) {
      return void (results[index] = {
        index,
        key,
        status: 'rejected',
        errors: [{ path: `${at}.number`, message: 'repeats an earlier row' }],
      });
    }
    numbers.add(parsed.data.number);
    valid.push({ index, input: parsed.data });
  });

  return withTransaction(pool, async (tx) => {
    // Where each row goes: the organisation's house (by GUID or id) and, when named, its premise.
    const { rows: places } = await tx.query(
      `SELECT v.i, h.id AS house_id, p.id AS premise_id
         FROM unnest($2::int[], $3::uuid[], $4::uuid[], $5::text[]) v(i, guid, hid, premise)
         LEFT JOIN houses h ON (h.fias_house_guid = v.guid OR h.id = v.hid) AND h.organisation_id = $1
         LEFT JOIN premises p ON p.house_id = h.id AND p.number = v.premise`,
      [
        actor.organisationId,
        valid.map((v) => v.index),
        valid.map((v) => v.input.houseFiasGuid ?? null),
        valid.map((v) => v.input.houseId ?? null),
        valid.map((v) => v.input.premiseNumber ?? null),
      ],
    );
    const placeOf = new Map(places.map((p) => [p.i as number, p]));
    const writable = valid.filter(({ index, input }) => {
      const place = placeOf.get(index);
      const at = `body.accounts.${index}`;
      let error: FieldError | null = null;
      if (!place?.house_id)
        error = {
          path: `${at}.${input.houseId ? 'houseId' : 'houseFiasGuid'}`,
          message: 'not a house of this organisation',
        };
      else if (input.premiseNumber && !place.premise_id)
        error = { path: `${at}.premiseNumber`, message: 'no such premise in the house' };
      if (error) results[index] = { index, key: input.number, status: 'rejected', errors: [error] };
      return !error;
    });
    if (!writable.length) return results;

    const col = (f: (v: { index: number; input: AccountInput }) => unknown) => writable.map(f);
    const { rows: written } = await tx.query(
      `INSERT INTO accounts AS a (organisation_id, number, house_id, premise_id, unified_number, service_id, status, contact_email)
       SELECT $1, * FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[])
       ON CONFLICT (organisation_id, number) DO UPDATE SET house_id = EXCLUDED.house_id, premise_id = EXCLUDED.premise_id,
         unified_number = EXCLUDED.unified_number, service_id = EXCLUDED.service_id, status = EXCLUDED.status,
         contact_email = EXCLUDED.contact_email, updated_at = now()
       WHERE (a.house_id, a.premise_id, a.unified_number, a.service_id, a.status, a.contact_email) IS DISTINCT FROM
             (EXCLUDED.house_id, EXCLUDED.premise_id, EXCLUDED.unified_number, EXCLUDED.service_id, EXCLUDED.status, EXCLUDED.contact_email)
       RETURNING a.number, a.id, (a.xmax = 0) AS inserted`,
      [
        actor.organisationId,
        col((v) => v.input.number),
        col((v) => placeOf.get(v.index)!.house_id),
        col((v) => placeOf.get(v.index)!.premise_id ?? null),
        col((v) => v.input.unifiedNumber?.toUpperCase() ?? null),
        col((v) => v.input.serviceId?.toUpperCase() ?? null),
        col((v) => v.input.status),
        col((v) => v.input.contactEmail ?? null),
      ],
    );
    const { rows: all } = await tx.query(
      `SELECT id, number FROM accounts WHERE organisation_id = $1 AND number = ANY($2::text[])`,
      [actor.organisationId, writable.map((v) => v.input.number)],
    );
    const idOf = new Map(all.map((r) => [r.number as string, r.id as string]));
    const outcome = new Map<string, 'created' | 'updated'>(
      written.map((r) => [r.number, r.inserted ? 'created' : 'updated']),
    );

    // Owners: replaced as a whole when they differ; a recorded owner keeps the person linked to it.
    const { rows: current } = await tx.query(
      `SELECT account_id, last_name, first_name, middle_name, share_numerator, share_denominator, title_document, person_id
         FROM account_owners WHERE account_id = ANY($1::uuid[])`,
      [[...idOf.values()]],
    );
    const currentOf = new Map<string, (Owner & { personId: string | null })[]>();
    for (const o of current) {
      const list = currentOf.get(o.account_id) ?? [];
      list.push({
        lastName: o.last_name,
        firstName: o.first_name,
        middleName: o.middle_name,
        numerator: o.share_numerator,
        denominator: o.share_denominator,
        titleDocument: o.title_document,
        personId: o.person_id,
      });
      currentOf.set(o.account_id, list);
    }
    const replace: string[] = [];
    const inserts: (Owner & { accountId: string; personId: string | null })[] = [];
    for (const { input } of writable) {
      const accountId = idOf.get(input.number)!;
      const want: Owner[] = input.owners.map((o) => {
        const s = parseShare(o.share)!;
        return {
          lastName: o.lastName,
          firstName: o.firstName ?? null,
          middleName: o.middleName ?? null,
          numerator: s.numerator,
          denominator: s.denominator,
          titleDocument: o.titleDocument ?? null,
        };
      });
      const have = currentOf.get(accountId) ?? [];
      if (sameOwners(want, have)) continue;
      replace.push(accountId);
      for (const o of want) {
        const previous = have.find(
          (h) => h.lastName === o.lastName && h.firstName === o.firstName && h.middleName === o.middleName,
        );
        inserts.push({ ...o, accountId, personId: previous?.personId ?? null });
      }
      if (!outcome.has(input.number)) outcome.set(input.number, 'updated');
    }
    if (replace.length) await tx.query(`DELETE FROM account_owners WHERE account_id = ANY($1::uuid[])`, [replace]);
    if (inserts.length) {
      const c = <K extends keyof (typeof inserts)[number]>(k: K) => inserts.map((o) => o[k]);
      await tx.query(
        `INSERT INTO account_owners (account_id, last_name, first_name, middle_name, share_numerator, share_denominator, title_document, person_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::uuid[])`,
        [
          c('accountId'),
          c('lastName'),
          c('firstName'),
          c('middleName'),
          c('numerator'),
          c('denominator'),
          c('titleDocument'),
          c('personId'),
        ],
      );
    }
    for (const { index, input } of writable) {
      results[index] = {
        index,
        key: input.number,
        status: outcome.get(input.number) ?? 'unchanged',
        id: idOf.get(input.number)!,
      };
    }
    const changed = writable.filter((v) => outcome.has(v.input.number)).length;
    if (changed) {
      await audit(tx, {
        actorType: actor.actorType,
        actorId: actor.actorId,
        organisationId: actor.organisationId,
        action: 'accounts.upserted',
        details: { rows: rows.length, changed },
      });
    }
    return results;
  });
}
