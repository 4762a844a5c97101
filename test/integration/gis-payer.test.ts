import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountItem } from '../../contracts/gis/items.js';
import { NS } from '../../contracts/gis/operations.js';
import { CONTRACT_SCHEMA_DIR, envelopeParts, loadSchemaSet, validateElement } from '../../contracts/gis/schemas.js';
import { envelope, renderImport, SIGNED_CONTAINER_ID } from '../../adapters/gis/render.js';
import { createRsaSigner, generateSandboxCredentials } from '../../adapters/gis/rsa-signer.js';
import { signXades } from '../../adapters/gis/xades.js';
import { createFieldCipher } from '../../src/identity/crypto.js';
import { runImport } from '../../src/imports/service.js';
import { createLogger } from '../../src/logger.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { DEMO_PAYER_ACCOUNTS } from '../../src/sandbox/demo/gis.js';
import { accountSource } from '../../src/sync/gis/core-sources.js';
import { orgRegistrySource } from '../../src/sync/gis/reference-sources.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { multipartBody } from '../helpers/multipart-body.js';

// Owners' payer data (issue 16): the accounts import takes a person's SNILS or identity document and an
// organisation's registration data, stores the personal data encrypted, never logs it, and the exchange
// sends it as importAccountData's PayerInfo, valid against the published 14.4.0.1 schemas.
const OFFICIAL = fileURLToPath(new URL('../../../shared/reference/gis-14.4.0.1/', import.meta.url));
const present = existsSync(OFFICIAL);

const SNILS = '246-813-579 94';
const SNILS_DIGITS = '24681357994';
const PASSPORT = { type: '1', series: '0512', number: '734215', issuedOn: '2012-04-17' };
const ORG = {
  name: 'ООО «Светланская 87»',
  ogrn: '1022500123458',
  inn: '2536876548',
  kpp: '253601001',
  orgVersionGuid: randomUUID(),
};
const PASSPORT_TYPE_GUID = randomUUID();

const logLines: string[] = [];
const capture = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

let t: TestApp;
let org: Record<string, string>;
const cipher = () => createFieldCipher(t.deps.config.encryptionKeys);
// biome-ignore lint/suspicious/noExplicitAny: rows read loosely, for assertions
const q = async <R = Record<string, any>>(sql: string, values: unknown[] = []) =>
  (await t.deps.db.query(sql, values)).rows as R[];

const upsert = (accounts: unknown[]) =>
  t.app.inject({ method: 'POST', url: '/api/v1/org/accounts', headers: org, payload: { accounts } });

const vladivostok = (number: string, premiseNumber: string, owners: unknown[]) => ({
  number,
  houseId: DEMO.houses.vladivostok,
  premiseNumber,
  owners,
});

const ACCOUNTS = [
  vladivostok('P-SNILS', '20', [{ lastName: 'Гордеева', firstName: 'Нина', middleName: 'Павловна', snils: SNILS }]),
  vladivostok('P-DOC', '21', [{ lastName: 'Лаптев', firstName: 'Олег', idDocument: PASSPORT }]),
  vladivostok('P-ORG', '22', [{ organisation: ORG }]),
  vladivostok('P-ORG-UNREGISTERED', '23', [{ organisation: { ...ORG, orgVersionGuid: undefined } }]),
];

beforeAll(async () => {
  t = await startTestApp({ label: 'gis-payer', log: createLogger('debug', { destination: capture }) });
  org = await apiKeyHeaders(t.deps, DEMO.organisationId, ['accounts.import', 'charges.import']);
  // What exportNsiItem and exportHouseData would have cached: NSI 95's passport, the flats' GUIDs.
  await q(
    `INSERT INTO gis_nsi_items (registry_number, code, guid, name, is_actual) VALUES (95, '1', $1, 'Паспорт гражданина Российской Федерации', true)
     ON CONFLICT DO NOTHING`,
    [PASSPORT_TYPE_GUID],
  );
  await q(
    `UPDATE premises SET gis_premises_guid = gen_random_uuid() WHERE house_id = $1 AND number IN ('20', '21', '22', '23', '6', '7')`,
    [DEMO.houses.vladivostok],
  );
}, 120_000);
afterAll(() => t?.close());

/** The accounts' importAccountData items as the exchange loads them, by account number. */
async function loadItems(numbers: string[]) {
  const rows = await q<{ id: string; number: string }>(
    `SELECT id, number FROM accounts WHERE organisation_id = $1 AND number = ANY($2::text[])`,
    [DEMO.organisationId, numbers],
  );
  const pending = rows.map((r) => ({ id: r.id, objectId: r.id, transportGuid: randomUUID(), revision: 0 }));
  const loaded = await accountSource.load(t.deps.db, async () => null, DEMO.organisationId, pending);
  const out: Record<string, AccountItem> = {};
  for (const r of rows) {
    const l = loaded.get(r.id)!;
    expect(l, r.number).toHaveProperty('item');
    out[r.number] = (l as { item: AccountItem }).item;
  }
  return out;
}

/** importAccountData of the items as it goes out: the signed envelope's body (its namespaces declared). */
async function request(items: AccountItem[]) {
  const body = renderImport('importAccountData', items, cipher().decrypt);
  const env = envelope({
    messageGuid: randomUUID(),
    date: new Date().toISOString(),
    orgPpaGuid: randomUUID(),
    body,
    header: 'RequestHeader',
  });
  const signed = await signXades(env, SIGNED_CONTAINER_ID, createRsaSigner(generateSandboxCredentials()));
  return envelopeParts(signed).body[0]!;
}

/** The PayerInfo of each account in a rendered request, by AccountNumber. */
function payerInfos(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const out: Record<string, Element> = {};
  const accounts = doc.getElementsByTagNameNS(NS.hm, 'Account');
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i]!;
    const number = a.getElementsByTagNameNS(NS.acc, 'AccountNumber')[0]?.textContent ?? '';
    out[number] = a.getElementsByTagNameNS(NS.hm, 'PayerInfo')[0]!;
  }
  return out;
}
const text = (e: Element, ns: string, name: string) => e.getElementsByTagNameNS(ns, name)[0]?.textContent;

describe("owners' payer data in the accounts import", () => {
  it('refuses a bad SNILS, document or registration data by field path', async () => {
    const res = await upsert([
      vladivostok('BAD-1', '24', [{ lastName: 'Ошибкин', firstName: 'Иван', snils: '24681357995' }]),
      vladivostok('BAD-2', '24', [{ lastName: 'Ошибкин', snils: SNILS }]),
      vladivostok('BAD-3', '24', [
        { lastName: 'Ошибкин', firstName: 'Иван', idDocument: { type: 'паспорт', number: '1' } },
      ]),
      vladivostok('BAD-4', '24', [{ organisation: { ...ORG, ogrn: '1022500123459' } }]),
      vladivostok('BAD-5', '24', [{ organisation: { ...ORG, kpp: undefined } }]),
      vladivostok('BAD-6', '24', [{ lastName: 'Ошибкин', organisation: ORG }]),
      vladivostok('BAD-7', '24', [{ share: '1/1' }]),
    ]);
    expect(res.statusCode).toBe(200);
    const errors = (res.json().results as { status: string; errors: { path: string }[] }[]).map((r) => {
      expect(r.status).toBe('rejected');
      return r.errors.map((e) => e.path).sort();
    });
    expect(errors).toEqual([
      ['body.accounts.0.owners.0.snils'],
      ['body.accounts.1.owners.0.firstName'],
      ['body.accounts.2.owners.0.idDocument.issuedOn', 'body.accounts.2.owners.0.idDocument.type'],
      ['body.accounts.3.owners.0.organisation.ogrn'],
      ['body.accounts.4.owners.0.organisation.kpp'],
      ['body.accounts.5.owners.0.lastName'],
      ['body.accounts.6.owners.0.lastName'],
    ]);
    expect(JSON.stringify(res.json())).not.toContain('24681357995');
  });

  it('stores SNILS and the document number encrypted; the same rows again change nothing', async () => {
    const first = await upsert(ACCOUNTS);
    expect(first.json().summary).toEqual({ created: 4, updated: 0, unchanged: 0, rejected: 0 });
    const [stored] = await q(
      `SELECT o.snils_enc, o.first_name FROM account_owners o JOIN accounts a ON a.id = o.account_id
        WHERE a.organisation_id = $1 AND a.number = 'P-SNILS'`,
      [DEMO.organisationId],
    );
    expect(stored!.snils_enc).not.toContain(SNILS_DIGITS);
    expect(cipher().decrypt(stored!.snils_enc)).toBe(SNILS_DIGITS);
    const [doc] = await q(
      `SELECT o.id_doc_type, o.id_doc_series, o.id_doc_number_enc, o.id_doc_issued_on::text AS issued FROM account_owners o
         JOIN accounts a ON a.id = o.account_id WHERE a.organisation_id = $1 AND a.number = 'P-DOC'`,
      [DEMO.organisationId],
    );
    expect(doc).toMatchObject({ id_doc_type: '1', id_doc_series: '0512', issued: '2012-04-17' });
    expect(cipher().decrypt(doc!.id_doc_number_enc)).toBe(PASSPORT.number);
    const [company] = await q(
      `SELECT o.last_name, o.org_name, o.org_ogrn, o.org_inn, o.org_kpp, o.org_version_guid::text AS v FROM account_owners o
         JOIN accounts a ON a.id = o.account_id WHERE a.organisation_id = $1 AND a.number = 'P-ORG'`,
      [DEMO.organisationId],
    );
    expect(company).toEqual({
      last_name: ORG.name,
      org_name: ORG.name,
      org_ogrn: ORG.ogrn,
      org_inn: ORG.inn,
      org_kpp: ORG.kpp,
      v: ORG.orgVersionGuid,
    });

    const again = await upsert(ACCOUNTS);
    expect(again.json().summary).toEqual({ created: 0, updated: 0, unchanged: 4, rejected: 0 });
  });

  it('sends PayerInfo as the published schema has it: SNILS, else the document; an organisation by its register version', async () => {
    // An organisation without its register version waits for the register of organisations
    // (gis-registry.test.ts runs the lookup); here the register answered that it holds no such organisation.
    const [unregistered] = await q(
      `SELECT id FROM accounts WHERE organisation_id = $1 AND number = 'P-ORG-UNREGISTERED'`,
      [DEMO.organisationId],
    );
    const held = await accountSource.load(t.deps.db, async () => null, DEMO.organisationId, [
      { id: unregistered!.id, objectId: unregistered!.id, transportGuid: randomUUID(), revision: 0 },
    ]);
    expect(held.get(unregistered!.id)).toEqual({ wait: 'org_registry' });
    await orgRegistrySource.applyExport!(t.deps.db, DEMO.organisationId, { ogrn: ORG.ogrn, kpp: ORG.kpp }, null, {
      cipher: cipher(),
      enqueue: async () => null,
    });
    const items = await loadItems(['P-SNILS', 'P-DOC', 'P-ORG', 'P-ORG-UNREGISTERED']);
    expect(items['P-SNILS']!.payer).toMatchObject({ kind: 'person', lastName: 'Гордеева', firstName: 'Нина' });
    const xml = await request(Object.values(items));
    if (present) {
      const official = await loadSchemaSet(OFFICIAL);
      expect((await validateElement(xml, official)).errors).toEqual([]);
    }
    expect((await validateElement(xml, await loadSchemaSet(CONTRACT_SCHEMA_DIR))).errors).toEqual([]);

    const payers = payerInfos(xml);
    const snils = payers['P-SNILS']!;
    expect(text(snils, NS.ind, 'Surname')).toBe('Гордеева');
    expect(text(snils, NS.ind, 'FirstName')).toBe('Нина');
    expect(text(snils, NS.ind, 'Patronymic')).toBe('Павловна');
    expect(text(snils, NS.ind, 'SNILS')).toBe(SNILS_DIGITS);
    expect(snils.getElementsByTagNameNS(NS.ind, 'ID')).toHaveLength(0);

    const doc = payers['P-DOC']!;
    expect(doc.getElementsByTagNameNS(NS.ind, 'SNILS')).toHaveLength(0);
    const id = doc.getElementsByTagNameNS(NS.ind, 'ID')[0]!;
    expect(text(id, NS.nsi, 'Code')).toBe('1');
    expect(text(id, NS.nsi, 'GUID')).toBe(PASSPORT_TYPE_GUID);
    expect(text(id, NS.ind, 'Series')).toBe(PASSPORT.series);
    expect(text(id, NS.ind, 'Number')).toBe(PASSPORT.number);
    expect(text(id, NS.ind, 'IssueDate')).toBe(PASSPORT.issuedOn);

    const company = payers['P-ORG']!;
    expect(company.getElementsByTagNameNS(NS.hm, 'Ind')).toHaveLength(0);
    expect(text(company, NS.orgr, 'orgVersionGUID')).toBe(ORG.orgVersionGuid);
    // Without its version in the register of organisations the schema has no way to name it.
    expect(payers['P-ORG-UNREGISTERED']!.childNodes).toHaveLength(0);
  });

  it("sends an account the state system holds again when its owners' data change", async () => {
    await q(`INSERT INTO gis_sync_settings (organisation_id, enabled) VALUES ($1, true) ON CONFLICT DO NOTHING`, [
      DEMO.organisationId,
    ]);
    const guid = randomUUID();
    const [acc] = await q(
      `UPDATE accounts SET gis_account_guid = $2 WHERE organisation_id = $1 AND number = 'P-DOC' RETURNING id`,
      [DEMO.organisationId, guid],
    );
    await q(
      `INSERT INTO sync_items (organisation_id, operation, object_type, object_id, status) VALUES ($1, 'importAccountData', 'account', $2, 'accepted')`,
      [DEMO.organisationId, acc!.id],
    );
    const changed = ACCOUNTS.map((a) =>
      a.number === 'P-DOC'
        ? vladivostok('P-DOC', '21', [
            { lastName: 'Лаптев', firstName: 'Олег', snils: '135-792-468 94', idDocument: PASSPORT },
          ])
        : a,
    );
    expect((await upsert(changed)).json().summary).toEqual({ created: 0, updated: 1, unchanged: 3, rejected: 0 });
    const items = await q(
      `SELECT revision, status FROM sync_items WHERE object_id = $1 AND operation = 'importAccountData' ORDER BY revision`,
      [acc!.id],
    );
    expect(items).toEqual([
      { revision: 0, status: 'accepted' },
      { revision: 1, status: 'pending' },
    ]);
    // The same rows again: nothing new to send.
    expect((await upsert(changed)).json().summary).toMatchObject({ unchanged: 4 });
    expect(await q(`SELECT 1 FROM sync_items WHERE object_id = $1`, [acc!.id])).toHaveLength(2);
    // The update names the account and carries the SNILS now (it takes the place of the document).
    const { 'P-DOC': item } = await loadItems(['P-DOC']);
    expect(item!.accountGuid).toBe(guid);
    const xml = await request([item!]);
    expect(text(payerInfos(xml)['P-DOC']!, NS.ind, 'SNILS')).toBe('13579246894');
  });

  it('reads SNILS, documents and organisations from a file, errors on their columns', async () => {
    const staff = { ...(await sessionHeaders(t.deps, DEMO.staff.personId)), 'x-organisation-id': DEMO.organisationId };
    const csv = [
      'Лицевой счёт;Id дома;Помещение;Фамилия собственника;Имя собственника;СНИЛС собственника;Вид документа;Серия документа;Номер документа;Дата выдачи документа;ОГРН;ИНН;КПП',
      // Excel dropped the leading zero of a SNILS it took for a number.
      `F-1;${DEMO.houses.vladivostok};25;Зайцева;Ольга;8765432102;;;;;;;`,
      `F-2;${DEMO.houses.vladivostok};26;Лаптев;Олег;;паспорт;0512;734215;17.04.2012;;;`,
      `F-3;${DEMO.houses.vladivostok};27;ООО «Светланская 87»;;;;;;;${ORG.ogrn};${ORG.inn};${ORG.kpp}`,
      `F-4;${DEMO.houses.vladivostok};28;Ошибкин;Иван;11223344596;;;;;;;`,
    ].join('\n');
    const body = multipartBody([['file', 'ls.csv', Buffer.from(csv)]]);
    const up = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/org/imports/uploads?kind=accounts',
        headers: { ...staff, ...body.headers },
        payload: body.payload,
      })
    ).json();
    expect(up.mapping).toMatchObject({
      ownerSnils: 'СНИЛС собственника',
      ownerDocType: 'Вид документа',
      ownerDocIssuedOn: 'Дата выдачи документа',
      ownerOgrn: 'ОГРН',
      ownerInn: 'ИНН',
      ownerKpp: 'КПП',
    });
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/imports',
      headers: staff,
      payload: { uploadId: up.id, mapping: up.mapping },
    });
    const runId = (started.json() as { id: string }).id;
    await runImport(t.deps.db, t.deps.enqueue, cipher(), runId);
    const run = (await t.app.inject({ method: 'GET', url: `/api/v1/org/imports/${runId}`, headers: staff })).json();
    expect(run).toMatchObject({ status: 'done', rowsImported: 3, rowsRejected: 1 });
    expect(run.firstErrors).toEqual([
      expect.objectContaining({ row: 5, field: 'ownerSnils', column: 'СНИЛС собственника', code: 'invalid_value' }),
    ]);
    expect(JSON.stringify(run)).not.toContain('11223344596');
    const owners = await q(
      `SELECT a.number, o.last_name, o.snils_enc, o.id_doc_type, o.id_doc_number_enc, o.org_ogrn FROM account_owners o
         JOIN accounts a ON a.id = o.account_id WHERE a.organisation_id = $1 AND a.number LIKE 'F-%' ORDER BY a.number`,
      [DEMO.organisationId],
    );
    expect(owners.map((o) => o.number)).toEqual(['F-1', 'F-2', 'F-3']);
    expect(cipher().decrypt(owners[0]!.snils_enc)).toBe('08765432102');
    expect(owners[1]!.id_doc_type).toBe('1');
    expect(cipher().decrypt(owners[1]!.id_doc_number_enc)).toBe('734215');
    expect(owners[2]).toMatchObject({ last_name: 'ООО «Светланская 87»', org_ogrn: ORG.ogrn });
  });

  it('the demo loads a payer by SNILS and an organisation payer through the import, sent as PayerInfo', async () => {
    const { personBySnils: p, organisation: o } = DEMO_PAYER_ACCOUNTS;
    const items = await loadItems([p.number, o.number]);
    const xml = await request([items[p.number]!, items[o.number]!]);
    const payers = payerInfos(xml);
    expect(text(payers[p.number]!, NS.ind, 'SNILS')).toBe(p.snils);
    expect(text(payers[o.number]!, NS.orgr, 'orgVersionGUID')).toBe(o.orgVersionGuid);
  });

  it('never logs the personal data', () => {
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    for (const secret of [SNILS_DIGITS, '246-813-579', PASSPORT.number, '13579246894', '08765432102', '734215'])
      expect(log).not.toContain(secret);
  });
});
