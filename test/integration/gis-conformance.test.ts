import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { MUNICIPAL_RESOURCE_CODES } from '../../contracts/gis/items.js';
import { GIS_SERVICES } from '../../contracts/gis/operations.js';
import {
  CONTRACT_SCHEMA_DIR,
  envelopeParts,
  loadSchemaSet,
  validateElement,
  type SchemaSet,
} from '../../contracts/gis/schemas.js';
import * as render from '../../adapters/gis/render.js';
import { signXades } from '../../adapters/gis/xades.js';
import { createRsaSigner, generateSandboxCredentials } from '../../adapters/gis/rsa-signer.js';
import { verifyEnvelopeSignature } from '../../src/sandbox/gis/verify.js';
import {
  accountsStateXml,
  ackXml,
  houseStateXml,
  nsiItemStateXml,
  nsiListStateXml,
  resultHeaderXml,
  stateXml,
} from '../../src/sandbox/gis/results.js';
import { SIM_NSI } from '../../src/sandbox/gis/nsi.js';
import { appealsStateXml, debtSubrequestsStateXml } from '../../src/sandbox/gis/services.js';

// Every request the adapter builds and every answer the simulator builds, validated against the
// published schemas (../shared/reference/gis-14.4.0.1 next to the repository) and the hub's own subset.
const OFFICIAL = fileURLToPath(new URL('../../../shared/reference/gis-14.4.0.1/', import.meta.url));
const present = existsSync(OFFICIAL);
if (!present) console.warn(`\n  ⚠ GIS conformance tests skipped: the published schemas are not at ${OFFICIAL}\n`);

const g = () => randomUUID();
const signer = createRsaSigner(generateSandboxCredentials());
const payee = { bik: '044525225', account: '40702810900000000001' };
// Reference-book entries as the NSI cache holds them (the GUIDs are the state system's; any GUID is valid here).
const resource = (key: keyof typeof MUNICIPAL_RESOURCE_CODES) => ({
  code: MUNICIPAL_RESOURCE_CODES[key],
  guid: g(),
  name: key,
});
const MUNICIPAL_RESOURCES = {
  cold_water: resource('cold_water'),
  hot_water: resource('hot_water'),
  electricity: resource('electricity'),
};
// What the field cipher would hold: the test's decrypt just reverses the text.
const cipher = (v: string) => [...v].reverse().join('');
const decrypt = cipher;

const requests: Record<string, () => string> = {
  importAccountData: () =>
    render.renderImport('importAccountData', [
      { transportGuid: g(), accountNumber: '100012', fiasHouseGuid: g(), totalArea: '45.5' },
      { transportGuid: g(), accountNumber: '7', fiasHouseGuid: g(), premisesGuid: g(), accountGuid: g() },
    ]),
  'importAccountData (payers: SNILS, identity document, organisation; premises GUID and share)': () =>
    render.renderImport(
      'importAccountData',
      [
        {
          transportGuid: g(),
          accountNumber: '100012',
          fiasHouseGuid: g(),
          premisesGuid: g(),
          sharePercent: '100',
          totalArea: '72.85',
          livingPersons: 2,
          payer: {
            kind: 'person',
            lastName: 'Иванов',
            firstName: 'Иван',
            middleName: 'Иванович',
            snilsCipher: cipher('11223344595'),
          },
        },
        {
          transportGuid: g(),
          accountNumber: '100013',
          fiasHouseGuid: g(),
          premisesGuid: g(),
          sharePercent: '50',
          payer: {
            kind: 'person',
            lastName: 'Петров',
            firstName: 'Сергей',
            idDocument: {
              type: { code: '1', guid: g(), name: 'Паспорт гражданина Российской Федерации' },
              series: '4510',
              numberCipher: cipher('123456'),
              issuedOn: '2010-05-20',
            },
          },
        },
        {
          transportGuid: g(),
          accountNumber: '100014',
          fiasHouseGuid: g(),
          premisesGuid: g(),
          payer: { kind: 'organisation', orgVersionGuid: g() },
        },
      ],
      decrypt,
    ),
  exportHouseData: () => render.renderExportHouse({ fiasHouseGuid: g() }),
  exportNsiItem: () => render.renderExportNsiItem({ registryNumber: 2, modifiedAfter: '2026-01-01T00:00:00Z' }),
  exportNsiList: () => render.renderExportNsiList(),
  exportAccountData: () => render.renderExportAccounts({ unifiedAccountNumbers: ['75DA533315'] }),
  importMeteringDeviceData: () =>
    render.renderImport('importMeteringDeviceData', [
      {
        transportGuid: g(),
        placement: { kind: 'residential', premisesGuid: g(), accountGuids: [g()] },
        serialNumber: 'X1',
        resource: MUNICIPAL_RESOURCES.cold_water,
        tariffs: 1,
        installedOn: '2024-01-01',
        firstReading: { t1: '0' },
      },
      {
        transportGuid: g(),
        placement: { kind: 'nonResidential', premisesGuid: g(), accountGuids: [g(), g()] },
        serialNumber: 'E1',
        resource: MUNICIPAL_RESOURCES.electricity,
        tariffs: 3,
        firstReading: { t1: '1', t2: '2', t3: '3' },
      },
      {
        transportGuid: g(),
        placement: { kind: 'collective', fiasHouseGuid: g() },
        serialNumber: 'ОДПУ-1',
        resource: MUNICIPAL_RESOURCES.hot_water,
        tariffs: 1,
        installedOn: '2020-01-01',
        verifiedOn: '2024-01-01',
        verificationInterval: { code: '4', guid: g(), name: '4 года' },
        firstReading: { t1: '100.5' },
      },
    ]),
  importMeteringDeviceValues: () =>
    render.renderImport('importMeteringDeviceValues', [
      {
        transportGuid: g(),
        meterVersionGuid: g(),
        electric: false,
        resource: MUNICIPAL_RESOURCES.hot_water,
        t1: '12.345',
        takenOn: '2026-01-20',
        period: '2026-01',
      },
      {
        transportGuid: g(),
        meterVersionGuid: g(),
        electric: true,
        resource: MUNICIPAL_RESOURCES.electricity,
        t1: '1.5',
        t2: '2',
        takenOn: '2026-01-20',
        period: '2026-01',
      },
    ]),
  exportMeteringDeviceHistory: () =>
    render.renderExportMeteringHistory({ meterRootGuids: [g()], inputDateFrom: '2026-01-01' }),
  importPaymentDocumentData: () =>
    render.renderImport('importPaymentDocumentData', [
      {
        transportGuid: g(),
        accountGuid: g(),
        period: '2026-01',
        documentNumber: 'A-1',
        totalPayable: '123456',
        debtPreviousPeriods: '-500',
        payee,
      },
      { transportGuid: g(), accountGuid: g(), period: '2026-01', documentNumber: 'A-2', totalPayable: '7', payee },
      {
        transportGuid: g(),
        accountGuid: g(),
        period: '2026-01',
        documentNumber: 'A-3',
        totalPayable: '-1500',
        debtPreviousPeriods: '-1500',
        payee,
      },
    ]),
  importNotificationsOfOrderExecution: () =>
    render.renderImport('importNotificationsOfOrderExecution', [
      {
        transportGuid: g(),
        orderId: 'A'.repeat(32),
        orderDate: '2026-01-20',
        amount: '10000',
        recipientInn: '7701234560',
        recipientKpp: '770101001',
        recipientName: 'ООО «УК Домхаб»',
        payee: { ...payee, bankName: 'ПАО Банк', correspondentAccount: '30101810400000000225' },
        unifiedAccountNumber: '75DA533315',
        period: '2026-01',
      },
    ]),
  'importPaymentDocumentData (as the billing source builds it)': () =>
    render.renderImport('importPaymentDocumentData', [
      {
        transportGuid: g(),
        accountGuid: g(),
        period: '2026-02',
        documentNumber: '202602000000000017',
        totalPayable: '-1250',
        debtPreviousPeriods: '0',
        payee,
      },
      {
        transportGuid: g(),
        accountGuid: g(),
        period: '2026-02',
        documentNumber: '202602000000000018',
        totalPayable: '9999999999999',
        debtPreviousPeriods: '9999999999',
        payee: { ...payee, account: '40702810900000000002' },
      },
    ]),
  'importNotificationsOfOrderExecution (as the payments source builds it)': () =>
    render.renderImport('importNotificationsOfOrderExecution', [
      {
        transportGuid: g(),
        orderId: g().replaceAll('-', ''),
        orderDate: '2026-02-03',
        amount: '1',
        purpose: 'Оплата ЖКУ за 2026-01, л/с 100012',
        recipientInn: '7701234560',
        recipientKpp: '770101001',
        recipientName: 'ООО «УК Домхаб» & Co <1>',
        payee: { ...payee, bankName: 'ПАО Банк', correspondentAccount: '30101810400000000225' },
        unifiedAccountNumber: '12AB34CD56',
        paymentDocumentId: '12ABCDEF0123456789',
        period: '2026-01',
      },
      {
        transportGuid: g(),
        orderId: g().replaceAll('-', ''),
        orderDate: '2026-02-03',
        amount: '500000',
        recipientInn: '7701234560',
        recipientKpp: '770101001',
        recipientName: 'ООО «УК Домхаб»',
        payee: { ...payee, bankName: 'ПАО Банк', correspondentAccount: '30101810400000000225' },
        unifiedAccountNumber: '12AB34CD56',
      },
    ]),
  importNotificationsOfOrderExecutionCancellation: () =>
    render.renderImport('importNotificationsOfOrderExecutionCancellation', [
      {
        transportGuid: g(),
        orderId: g().replaceAll('-', ''),
        cancellationDate: '2026-02-04',
        comment: 'Возврат платежа',
      },
      { transportGuid: g(), orderId: 'A'.repeat(32), cancellationDate: '2026-02-04' },
    ]),
  getState: () => render.renderGetState(g()),
  'exportAppeal (a window of creation dates)': () =>
    render.renderExportAppeals({ startDate: '2026-11-08', endDate: '2026-12-07' }),
  'exportAppeal (by GUID)': () => render.renderExportAppeals({ appealGuids: [g(), g()] }),
  importAnswer: () =>
    render.renderImport('importAnswer', [
      {
        transportGuid: g(),
        appealGuid: g(),
        answererGuid: g(),
        text: 'Освещение восстановлено 05.12.2026.',
        attachments: [],
      },
      {
        transportGuid: g(),
        appealGuid: g(),
        answerGuid: g(),
        answererGuid: g(),
        text: 'Ответ & <приложение>',
        attachments: [{ fileId: g(), name: 'акт.pdf', description: 'Акт выполненных работ', guid: g(), hash: 'ab12' }],
      },
    ]),
  'exportDebtSubrequests (first block)': () =>
    render.renderExportDebtSubrequests({ startDate: '2026-10-28', endDate: '2026-12-07' }),
  'exportDebtSubrequests (next block)': () =>
    render.renderExportDebtSubrequests({ startDate: '2026-10-28', endDate: '2026-12-07', pageGuid: g() }),
  importResponses: () =>
    render.renderImport('importResponses', [
      {
        transportGuid: g(),
        subrequestGuid: g(),
        hasDebt: true,
        description: 'Решение суда по делу № 2-1234/2026 от 15.03.2026: 45 000,00 ₽',
        executorGuid: g(),
        debtors: [
          { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович' },
          { lastName: 'Иванова', firstName: 'Мария' },
        ],
      },
      { transportGuid: g(), subrequestGuid: g(), hasDebt: false, executorGuid: g(), debtors: [] },
    ]),
  importNotificationData: () =>
    render.renderImport('importNotificationData', [
      {
        action: 'create',
        transportGuid: g(),
        topic: 'Отключение горячей воды',
        important: true,
        content: 'С 10:00 до 18:00 8 декабря — ремонт на вводе.',
        fiasHouseGuids: [g(), g()],
        startAt: '2026-12-08T07:00:00.000Z',
        endAt: '2026-12-08T15:00:00.000Z',
      },
      {
        action: 'create',
        transportGuid: g(),
        topic: 'Собрание',
        important: false,
        content: 'Текст',
        fiasHouseGuids: [g()],
      },
      { action: 'recall', transportGuid: g(), notificationGuid: g(), reason: 'Работы завершены' },
    ]),
};

async function signedParts(body: string) {
  const header =
    body.includes('nsi-common') || /^<nsic:/.test(body) ? ('ISRequestHeader' as const) : ('RequestHeader' as const);
  const env = render.envelope({ messageGuid: g(), date: new Date().toISOString(), orgPpaGuid: g(), body, header });
  const signed = body.includes(render.SIGNED_CONTAINER_ID)
    ? await signXades(env, render.SIGNED_CONTAINER_ID, signer)
    : env;
  return { signed, parts: envelopeParts(signed) };
}

const answers = (): Record<string, string> => {
  const ok = (extra?: 'account' | 'meter') => ({
    transportGuid: g(),
    ok: true as const,
    guid: g(),
    uniqueNumber: '1234567890',
    updateDate: new Date().toISOString(),
    extra:
      extra === 'meter'
        ? { name: 'importMeteringDevice' as const, xml: `<hm:MeteringDeviceGUID>${g()}</hm:MeteringDeviceGUID>` }
        : extra === 'account'
          ? {
              name: 'ImportAccount' as const,
              xml: `<acc:UnifiedAccountNumber xmlns:acc="http://dom.gosuslugi.ru/schema/integration/account-base/">75DA533315</acc:UnifiedAccountNumber><acc:ServiceID xmlns:acc="http://dom.gosuslugi.ru/schema/integration/account-base/">75DA533315-01</acc:ServiceID>`,
            }
          : undefined,
  });
  const bad = { transportGuid: g(), ok: false as const, code: 'INT002000', description: 'Дом не найден' };
  const out: Record<string, string> = { ack: ackXml(g(), g()), header: resultHeaderXml(g()) };
  const now = new Date().toISOString();
  for (const book of SIM_NSI) out[`exportNsiItem NSI ${book.registryNumber}`] = nsiItemStateXml(g(), book, now);
  out.exportNsiList = nsiListStateXml(g(), SIM_NSI, now);
  out.exportHouseData = houseStateXml(
    g(),
    {
      fiasHouseGuid: g(),
      uniqueNumber: '0000000000000000000000001-00001',
      totalArea: '4230.5',
      entrances: [
        { number: '1', guid: g() },
        { number: '2', guid: g() },
      ],
      premises: [
        {
          number: '12',
          guid: g(),
          uniqueNumber: '0000000000000000000000001-00001-12',
          residential: true,
          area: '72.85',
          entrance: '1',
        },
        {
          number: 'I',
          guid: g(),
          uniqueNumber: '0000000000000000000000001-00001-I',
          residential: false,
          area: '212.4',
        },
      ],
    },
    now,
  );
  out.exportAccountData = accountsStateXml(g(), [
    {
      accountGuid: g(),
      accountNumber: '100012',
      uniqueNumber: '77AA000001-01',
      els: '75DA533315',
      premisesGuid: g(),
      sharePercent: '100',
      totalArea: '72.85',
      payer: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', snils: '11223344595' },
    },
    { accountGuid: g(), accountNumber: '200005', uniqueNumber: '77AA000002-01', els: '25VL000005', fiasHouseGuid: g() },
    {
      accountGuid: g(),
      accountNumber: '200007',
      uniqueNumber: '77AA000003-01',
      els: '25VL000007',
      premisesGuid: g(),
      payer: { orgVersionGuid: g() },
    },
  ]);
  out.exportAppeal = appealsStateXml(g(), [
    {
      appeal_guid: g(),
      number: '2026-00001234',
      created_on: '2026-12-01',
      topic: 'Освещение & уборка',
      text: 'Не горит свет',
      fias_house_guid: g(),
      applicant: {
        lastName: 'Смирнова',
        firstName: 'Ольга',
        middleName: 'Петровна',
        apartment: '7',
        phone: '+79160000007',
      },
      answerer_guid: null,
      status: 'Send',
      execution_end_date: '2026-12-15',
      answer: null,
    },
    {
      appeal_guid: g(),
      number: '2026-00001235',
      created_on: '2026-12-02',
      topic: 'Отопление',
      text: 'Холодно',
      fias_house_guid: null,
      applicant: { lastName: 'Петров', firstName: 'Пётр' },
      answerer_guid: g(),
      status: 'Executed',
      execution_end_date: null,
      answer: { guid: g(), text: 'Отопление отрегулировано', sentOn: '2026-12-04', answerer: g() },
    },
  ]);
  const dsr = (premises: boolean, answered: boolean) => ({
    subrequest_guid: g(),
    request_guid: g(),
    request_number: '2026-СЗН-000123',
    requester: 'ГКУ «Центр социальных выплат»',
    fias_house_guid: g(),
    premises_guid: premises ? g() : null,
    address: 'г. Москва, ул. Профсоюзная, д. 43, корп. 1',
    address_details: premises ? null : 'кв. 12',
    period_from: '2025-12-01',
    period_to: '2026-12-01',
    sent_on: '2026-12-01',
    response_due: '2026-12-08',
    response_status: answered ? 'AutoGenerated' : 'NotSent',
    response: answered ? { hasDebt: false, description: 'Ответ сформирован автоматически' } : null,
  });
  out['exportDebtSubrequests (a block with a next one)'] = debtSubrequestsStateXml(
    g(),
    [dsr(true, false), dsr(false, true)],
    g(),
  );
  out['exportDebtSubrequests (the last block)'] = debtSubrequestsStateXml(g(), [dsr(true, false)], null);
  for (const s of Object.values(GIS_SERVICES)) {
    out[`${s.key} processing`] = stateXml(s.key, g(), 2);
    if (s.key === 'nsiCommon') continue;
    out[`${s.key} results`] = stateXml(s.key, g(), 3, {
      results: [
        ok(s.key === 'houseManagement' ? 'account' : undefined),
        bad,
        ...(s.key === 'houseManagement' ? [ok('meter')] : []),
      ],
    });
    out[`${s.key} EXP001000`] = stateXml(s.key, g(), 3, {
      error: { code: 'EXP001000', description: 'Ошибка при передаче данных' },
    });
  }
  return out;
};

describe.skipIf(!present)('conformance with the published schemas 14.4.0.1', () => {
  let official: SchemaSet;
  let contract: SchemaSet;
  beforeAll(async () => {
    official = await loadSchemaSet(OFFICIAL);
    contract = await loadSchemaSet(CONTRACT_SCHEMA_DIR);
  });

  it.each(Object.keys(requests))('the adapter builds a valid, verifiable %s request', async (name) => {
    const { signed, parts } = await signedParts(requests[name]!());
    for (const part of [...parts.header, ...parts.body]) {
      expect((await validateElement(part, official)).errors).toEqual([]);
      expect((await validateElement(part, contract)).errors).toEqual([]);
    }
    if (name !== 'getState') expect(await verifyEnvelopeSignature(signed)).toMatchObject({ valid: true });
  });

  it('the simulator builds valid Acks, headers and getState results for every service', async () => {
    for (const [name, xml] of Object.entries(answers())) {
      const result = await validateElement(xml, official);
      expect({ name, errors: result.errors }).toEqual({ name, errors: [] });
    }
  }, 120_000);

  it('the contract holds the item limits and a tampered message fails the signature check', async () => {
    const items = Array.from({ length: 100 }, () => ({ transportGuid: g(), accountNumber: '1', fiasHouseGuid: g() }));
    expect(() => render.renderImport('importAccountData', [...items, items[0]!])).toThrow(RangeError);
    const doc = { accountGuid: g(), documentNumber: '1', totalPayable: '1', payee };
    // Month and Year are stated once per request, so a request never mixes periods.
    expect(() =>
      render.renderImport('importPaymentDocumentData', [
        { ...doc, transportGuid: g(), period: '2026-01' },
        { ...doc, transportGuid: g(), period: '2026-02' },
      ]),
    ).toThrow(RangeError);
    // The official schema does catch a bad item (an OrderID longer than 32 characters).
    const tooLong = render.renderImport('importNotificationsOfOrderExecutionCancellation', [
      { transportGuid: g(), orderId: 'A'.repeat(33), cancellationDate: '2026-02-04' },
    ]);
    expect((await validateElement(tooLong, official)).errors.length).toBeGreaterThan(0);
    const { signed } = await signedParts(requests.importMeteringDeviceValues!());
    expect((await verifyEnvelopeSignature(signed.replace('12.345', '12.346'))).valid).toBe(false);
  });
});

afterAll(() => undefined);
