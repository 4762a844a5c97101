import { z } from 'zod';
import type { Db } from '../db/pool.js';
import type { Actor } from '../../contracts/actor.js';
import type { BulkRowResult } from '../../contracts/bulk.js';
import { type FieldError, zodFields } from '../errors.js';
import { audit } from '../identity/audit.js';
import { placesInOrganisation } from '../registry/houses.repo.js';
import { accountIdsByNumber, type OwnerRecord, ownersOf, replaceOwners, upsertAccounts } from './accounts.repo.js';
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
  // A share that is not a fraction is refused by its own check; the sum is of the readable ones.
  .refine((a) => sharesFit(a.owners.flatMap((o) => parseShare(o.share) ?? [])), {
    message: "the owners' shares add up to more than 1",
    path: ['owners'],
  })
  .meta({ id: 'AccountInput' });

export type AccountInput = z.infer<typeof accountInput>;

export const accountsUpsertBody = z.object({
  accounts: z
    .array(accountInput.or(z.unknown()))
    .min(1)
    .max(1000)
    .describe('AccountInput rows; each is validated on its own'),
});

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
export async function upsertOrganisationAccounts(tx: Db, actor: Actor, rows: unknown[]): Promise<BulkRowResult[]> {
  const results: BulkRowResult[] = [];
  const valid: { index: number; input: AccountInput }[] = [];
  const numbers = new Set<string>();
  for (const [index, raw] of rows.entries()) {
    const at = `body.accounts.${index}`;
    const key = typeof (raw as { number?: unknown })?.number === 'string' ? (raw as { number: string }).number : null;
    const parsed = accountInput.safeParse(raw);
    if (!parsed.success) {
      results[index] = { index, key, status: 'rejected', errors: zodFields(parsed.error, at) };
    } else if (numbers.has(parsed.data.number)) {
      results[index] = {
        index,
        key,
        status: 'rejected',
        errors: [{ path: `${at}.number`, message: 'repeats an earlier row' }],
      };
    } else {
      numbers.add(parsed.data.number);
      valid.push({ index, input: parsed.data });
    }
  }

  const places = await placesInOrganisation(
    tx,
    actor.organisationId,
    valid.map((v) => ({
      index: v.index,
      houseFiasGuid: v.input.houseFiasGuid ?? null,
      houseId: v.input.houseId ?? null,
      premiseNumber: v.input.premiseNumber ?? null,
    })),
  );
  const writable: { index: number; input: AccountInput; houseId: string; premiseId: string | null }[] = [];
  const reject = (index: number, key: string, error: FieldError) => {
    results[index] = { index, key, status: 'rejected', errors: [error] };
  };
  for (const { index, input } of valid) {
    const place = places.get(index);
    const at = `body.accounts.${index}`;
    if (!place?.houseId) {
      reject(index, input.number, {
        path: `${at}.${input.houseId ? 'houseId' : 'houseFiasGuid'}`,
        message: 'not a house of this organisation',
      });
    } else if (input.premiseNumber && !place.premiseId) {
      reject(index, input.number, { path: `${at}.premiseNumber`, message: 'no such premise in the house' });
    } else writable.push({ index, input, houseId: place.houseId, premiseId: place.premiseId });
  }
  if (!writable.length) return results;

  const written = await upsertAccounts(
    tx,
    actor.organisationId,
    writable.map(({ input, houseId, premiseId }) => ({
      number: input.number,
      houseId,
      premiseId,
      unifiedNumber: input.unifiedNumber?.toUpperCase() ?? null,
      serviceId: input.serviceId?.toUpperCase() ?? null,
      status: input.status,
      contactEmail: input.contactEmail ?? null,
    })),
  );
  const idOf = await accountIdsByNumber(
    tx,
    actor.organisationId,
    writable.map((v) => v.input.number),
  );
  const outcome = new Map<string, 'created' | 'updated'>(
    written.map((r) => [r.number, r.inserted ? 'created' : 'updated']),
  );

  // Owners: replaced as a whole when they differ; a recorded owner keeps the person linked to it.
  const currentOf = new Map<string, OwnerRecord[]>();
  for (const o of await ownersOf(tx, [...idOf.values()])) {
    const list = currentOf.get(o.accountId) ?? [];
    list.push(o);
    currentOf.set(o.accountId, list);
  }
  const replace: string[] = [];
  const inserts: OwnerRecord[] = [];
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
  await replaceOwners(tx, replace, inserts);
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
}
