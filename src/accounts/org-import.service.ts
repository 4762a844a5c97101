import { z } from 'zod';
import type { Db } from '../db/pool.js';
import type { Actor } from '../../contracts/actor.js';
import type { BulkRowResult } from '../../contracts/bulk.js';
import type { Enqueue } from '../../contracts/ports.js';
import { type FieldError, zodFields } from '../errors.js';
import type { FieldCipher } from '../identity/crypto.js';
import { getSyncEnabled } from '../sync/gis/sync.repo.js';
import { queueCorrections } from '../sync/outbox.js';
import { audit } from '../identity/audit.js';
import { placesInOrganisation } from '../registry/houses.repo.js';
import {
  accountIdsByNumber,
  accountIdsInStateSystem,
  type OwnerRecord,
  ownersOf,
  replaceOwners,
  upsertAccounts,
} from './accounts.repo.js';
import { isValidInn, isValidKpp, isValidOgrn, isValidSnils } from '../validation/ru-checksums.js';
import { parseShare, sharesFit } from './rules.js';

const digitsOf = (s: string) => s.replace(/\D/g, '');

const share = z
  .string()
  .refine((s) => parseShare(s) !== null, 'a fraction such as "1/2"')
  .default('1/1');

/** SNILS as written (`11223344595` or `112-233-445 95`): 11 digits with a matching control number. */
const snilsInput = z
  .string()
  .trim()
  .regex(/^\d{3}-?\d{3}-?\d{3}[ -]?\d{2}$/, 'SNILS: 11 digits, e.g. 112-233-445 95')
  .refine((s) => isValidSnils(digitsOf(s)), 'not a SNILS: the control number does not match')
  .describe('SNILS of the owner (a person): the state system links the payer by it; stored encrypted');

export const ownerIdDocumentInput = z
  .object({
    type: z
      .string()
      .regex(/^\d{1,10}$/, "the code of the document type in the state system's reference book NSI 95")
      .describe('NSI 95 code of the document type: "1" is the passport of a citizen of Russia'),
    series: z.string().trim().min(1).max(45).optional(),
    number: z.string().trim().min(1).max(45).describe('stored encrypted'),
    issuedOn: z.iso.date(),
  })
  .describe("the owner's identity document, sent to the state system when there is no SNILS")
  .meta({ id: 'OwnerIdDocument' });

export const ownerOrganisationInput = z
  .object({
    name: z.string().trim().min(1).max(500),
    ogrn: z
      .string()
      .refine(isValidOgrn, 'not an OGRN: 13 digits (15 for an individual entrepreneur) with a matching control digit'),
    inn: z
      .string()
      .refine(isValidInn, 'not an INN: 10 digits (12 for an individual entrepreneur) with matching control digits'),
    kpp: z.string().refine(isValidKpp, 'not a KPP: 9 characters such as 773601001').optional(),
    orgVersionGuid: z
      .uuid()
      .optional()
      .describe(
        "the organisation's version in the state system's register of organisations (orgVersionGUID): the payer sent as PayerInfo/Org",
      ),
  })
  .superRefine((o, ctx) => {
    // A legal entity: 13-digit OGRN, 10-digit INN and a KPP; an individual entrepreneur: 15 and 12, no KPP.
    const entity = o.ogrn.length === 13;
    if (o.inn.length !== (entity ? 10 : 12))
      ctx.addIssue({
        code: 'custom',
        path: ['inn'],
        message: entity ? "an organisation's INN has 10 digits" : "an individual entrepreneur's INN has 12 digits",
      });
    if (entity && !o.kpp) ctx.addIssue({ code: 'custom', path: ['kpp'], message: 'an organisation has a KPP' });
    if (!entity && o.kpp)
      ctx.addIssue({ code: 'custom', path: ['kpp'], message: 'an individual entrepreneur has no KPP' });
  })
  .describe('an owner that is an organisation or an individual entrepreneur: its registration data')
  .meta({ id: 'OwnerOrganisation' });

export const accountOwnerInput = z
  .object({
    lastName: z.string().trim().min(1).max(100).optional().describe('a person owner; absent for an organisation'),
    firstName: z.string().trim().min(1).max(100).optional(),
    middleName: z.string().trim().min(1).max(100).optional(),
    share,
    titleDocument: z.string().trim().min(1).max(200).optional(),
    snils: snilsInput.optional(),
    idDocument: ownerIdDocumentInput.optional(),
    organisation: ownerOrganisationInput.optional(),
  })
  .superRefine((o, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (o.organisation) {
      for (const f of ['lastName', 'firstName', 'middleName', 'snils', 'idDocument'] as const)
        if (o[f] !== undefined) issue(f, "an organisation owner has no person's name, SNILS or document");
    } else if (!o.lastName) issue('lastName', "give the owner's lastName, or organisation");
    else if ((o.snils || o.idDocument) && !o.firstName)
      issue(
        'firstName',
        'needed with SNILS or an identity document: the state system identifies the payer by the full name',
      );
  })
  .describe(
    "An owner: a person (name; SNILS or an identity document identify the payer in the state system) or an organisation (registration data). The state system's payer is the owner with the largest share",
  )
  .meta({ id: 'AccountOwnerInput' });

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
type AccountOwnerInput = z.infer<typeof accountOwnerInput>;

export const accountsUpsertBody = z.object({
  accounts: z
    .array(accountInput.or(z.unknown()))
    .min(1)
    .max(1000)
    .describe('AccountInput rows; each is validated on its own'),
});

/** An owner as compared and written: personal data in plain text here, encrypted only in the rows. */
interface Owner {
  lastName: string;
  firstName: string | null;
  middleName: string | null;
  numerator: number;
  denominator: number;
  titleDocument: string | null;
  snils: string | null;
  idDocument: { type: string; series: string | null; number: string; issuedOn: string } | null;
  organisation: { name: string; ogrn: string; inn: string; kpp: string | null; orgVersionGuid: string | null } | null;
}

const ownerKey = (o: Owner) =>
  JSON.stringify([
    o.lastName,
    o.firstName,
    o.middleName,
    o.numerator,
    o.denominator,
    o.titleDocument,
    o.snils,
    o.idDocument && [o.idDocument.type, o.idDocument.series, o.idDocument.number, o.idDocument.issuedOn],
    o.organisation && [
      o.organisation.name,
      o.organisation.ogrn,
      o.organisation.inn,
      o.organisation.kpp,
      o.organisation.orgVersionGuid,
    ],
  ]);
const sameOwners = (a: Owner[], b: Owner[]) => a.map(ownerKey).sort().join('\n') === b.map(ownerKey).sort().join('\n');

function ownerOf(o: AccountOwnerInput): Owner {
  const s = parseShare(o.share)!;
  const org = o.organisation;
  return {
    lastName: org ? org.name : o.lastName!,
    firstName: o.firstName ?? null,
    middleName: o.middleName ?? null,
    numerator: s.numerator,
    denominator: s.denominator,
    titleDocument: o.titleDocument ?? null,
    snils: o.snils ? digitsOf(o.snils) : null,
    idDocument: o.idDocument
      ? {
          type: o.idDocument.type,
          series: o.idDocument.series ?? null,
          number: o.idDocument.number,
          issuedOn: o.idDocument.issuedOn,
        }
      : null,
    organisation: org
      ? {
          name: org.name,
          ogrn: org.ogrn,
          inn: org.inn,
          kpp: org.kpp ?? null,
          orgVersionGuid: org.orgVersionGuid ?? null,
        }
      : null,
  };
}

/** A stored owner with its personal data decrypted, to compare with the incoming one. */
function storedOwner(o: OwnerRecord, cipher: FieldCipher): Owner {
  return {
    lastName: o.lastName,
    firstName: o.firstName,
    middleName: o.middleName,
    numerator: o.numerator,
    denominator: o.denominator,
    titleDocument: o.titleDocument,
    snils: o.snilsEnc ? cipher.decrypt(o.snilsEnc) : null,
    idDocument: o.idDocument && {
      type: o.idDocument.type,
      series: o.idDocument.series,
      number: cipher.decrypt(o.idDocument.numberEnc),
      issuedOn: o.idDocument.issuedOn,
    },
    organisation: o.organisation,
  };
}

/** The row to write: SNILS and the document's number encrypted with the field cipher. */
function ownerRecord(o: Owner, accountId: string, personId: string | null, cipher: FieldCipher): OwnerRecord {
  return {
    accountId,
    personId,
    lastName: o.lastName,
    firstName: o.firstName,
    middleName: o.middleName,
    numerator: o.numerator,
    denominator: o.denominator,
    titleDocument: o.titleDocument,
    snilsEnc: o.snils ? cipher.encrypt(o.snils) : null,
    idDocument: o.idDocument && {
      type: o.idDocument.type,
      series: o.idDocument.series,
      numberEnc: cipher.encrypt(o.idDocument.number),
      issuedOn: o.idDocument.issuedOn,
    },
    organisation: o.organisation,
  };
}

/**
 * An organisation's bulk upsert of personal accounts by number, with their premise, owners and
 * shares. Each row is validated on its own; the organisation may only place accounts in its own
 * houses. Sending the same rows again changes nothing. Owners' SNILS and document numbers are stored
 * encrypted with the field cipher (and compared decrypted). A changed account the state system already
 * holds is sent to it again (its payer, premise), when the organisation's exchange is on.
 */
export async function upsertOrganisationAccounts(
  tx: Db,
  ports: { cipher: FieldCipher; enqueue: Enqueue },
  actor: Actor,
  rows: unknown[],
): Promise<BulkRowResult[]> {
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
    const want = input.owners.map(ownerOf);
    const have = (currentOf.get(accountId) ?? []).map((o) => ({ record: o, owner: storedOwner(o, ports.cipher) }));
    if (
      sameOwners(
        want,
        have.map((h) => h.owner),
      )
    )
      continue;
    replace.push(accountId);
    for (const o of want) {
      // A recorded owner keeps the person linked to it.
      const previous = have.find(
        (h) =>
          h.owner.lastName === o.lastName && h.owner.firstName === o.firstName && h.owner.middleName === o.middleName,
      );
      inserts.push(ownerRecord(o, accountId, previous?.record.personId ?? null, ports.cipher));
    }
    if (!outcome.has(input.number)) outcome.set(input.number, 'updated');
  }
  await replaceOwners(tx, replace, inserts);
  const changedIds = writable.flatMap((v) =>
    outcome.get(v.input.number) === 'updated' ? [idOf.get(v.input.number)!] : [],
  );
  if (changedIds.length && (await getSyncEnabled(tx, actor.organisationId)))
    await queueCorrections(tx, ports.enqueue, {
      organisationId: actor.organisationId,
      operation: 'importAccountData',
      objectType: 'account',
      objectIds: await accountIdsInStateSystem(tx, changedIds),
    });
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
