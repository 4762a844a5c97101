import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { MUNICIPAL_RESOURCES } from '../../contracts/gis/items.js';
import { GIS_SERVICES } from '../../contracts/gis/operations.js';
import { CONTRACT_SCHEMA_DIR, envelopeParts, loadSchemaSet, validateElement, type SchemaSet } from '../../contracts/gis/schemas.js';
import * as render from '../../adapters/gis/render.js';
import { signXades } from '../../adapters/gis/xades.js';
import { createRsaSigner, generateSandboxCredentials } from '../../adapters/gis/rsa-signer.js';
import { verifyEnvelopeSignature } from '../../src/sandbox/gis/verify.js';
import { ackXml, resultHeaderXml, stateXml } from '../../src/sandbox/gis/results.js';

// Every request the adapter builds and every answer the simulator builds, validated against the
// published schemas (../shared/reference/gis-14.4.0.1 next to the repository) and the hub's own subset.
const OFFICIAL = fileURLToPath(new URL('../../../shared/reference/gis-14.4.0.1/', import.meta.url));
const present = existsSync(OFFICIAL);
if (!present) console.warn(`\n  ⚠ GIS conformance tests skipped: the published schemas are not at ${OFFICIAL}\n`);

const g = () => randomUUID();
const signer = createRsaSigner(generateSandboxCredentials());
const payee = { bik: '044525225', account: '40702810900000000001' };

const requests: Record<string, () => string> = {
  importAccountData: () => render.renderImport('importAccountData', [{ transportGuid: g(), accountNumber: '100012', fiasHouseGuid: g(), totalArea: '45.5' }, { transportGuid: g(), accountNumber: '7', fiasHouseGuid: g(), premisesGuid: g(), accountGuid: g() }]),
  exportAccountData: () => render.renderExportAccounts({ unifiedAccountNumbers: ['75DA533315'] }),
  importMeteringDeviceData: () =>
    render.renderImport('importMeteringDeviceData', [
      { transportGuid: g(), fiasHouseGuid: g(), accountGuid: g(), serialNumber: 'X1', resource: MUNICIPAL_RESOURCES.cold_water, tariffs: 1, installedOn: '2024-01-01', firstReading: { t1: '0' } },
      { transportGuid: g(), fiasHouseGuid: g(), premisesGuid: g(), accountGuid: g(), serialNumber: 'E1', resource: MUNICIPAL_RESOURCES.electricity, tariffs: 3, firstReading: { t1: '1', t2: '2', t3: '3' } },
    ]),
  importMeteringDeviceValues: () =>
    render.renderImport('importMeteringDeviceValues', [
      { transportGuid: g(), meterVersionGuid: g(), electric: false, resource: MUNICIPAL_RESOURCES.hot_water, t1: '12.345', takenOn: '2026-01-20', period: '2026-01' },
      { transportGuid: g(), meterVersionGuid: g(), electric: true, resource: MUNICIPAL_RESOURCES.electricity, t1: '1.5', t2: '2', takenOn: '2026-01-20', period: '2026-01' },
    ]),
  exportMeteringDeviceHistory: () => render.renderExportMeteringHistory({ meterRootGuids: [g()], inputDateFrom: '2026-01-01' }),
  importPaymentDocumentData: () =>
    render.renderImport('importPaymentDocumentData', [
      { transportGuid: g(), accountGuid: g(), period: '2026-01', documentNumber: 'A-1', totalPayable: '123456', debtPreviousPeriods: '-500', payee },
      { transportGuid: g(), accountGuid: g(), period: '2026-01', documentNumber: 'A-2', totalPayable: '7', payee },
    ]),
  importNotificationsOfOrderExecution: () =>
    render.renderImport('importNotificationsOfOrderExecution', [
      { transportGuid: g(), orderId: 'A'.repeat(32), orderDate: '2026-01-20', amount: '10000', recipientInn: '7701234560', recipientKpp: '770101001', recipientName: 'ООО «УК Домхаб»', payee: { ...payee, bankName: 'ПАО Банк', correspondentAccount: '30101810400000000225' }, unifiedAccountNumber: '75DA533315', period: '2026-01' },
    ]),
  'importPaymentDocumentData (as the billing source builds it)': () =>
    render.renderImport('importPaymentDocumentData', [
      { transportGuid: g(), accountGuid: g(), period: '2026-02', documentNumber: '202602000000000017', totalPayable: '-1250', debtPreviousPeriods: '0', payee },
      { transportGuid: g(), accountGuid: g(), period: '2026-02', documentNumber: '202602000000000018', totalPayable: '9999999999999', debtPreviousPeriods: '9999999999', payee: { ...payee, account: '40702810900000000002' } },
    ]),
  'importNotificationsOfOrderExecution (as the payments source builds it)': () =>
    render.renderImport('importNotificationsOfOrderExecution', [
      { transportGuid: g(), orderId: g().replaceAll('-', ''), orderDate: '2026-02-03', amount: '1', purpose: 'Оплата ЖКУ за 2026-01, л/с 100012', recipientInn: '7701234560', recipientKpp: '770101001', recipientName: 'ООО «УК Домхаб» & Co <1>', payee: { ...payee, bankName: 'ПАО Банк', correspondentAccount: '30101810400000000225' }, unifiedAccountNumber: '12AB34CD56', paymentDocumentId: '12ABCDEF0123456789', period: '2026-01' },
      { transportGuid: g(), orderId: g().replaceAll('-', ''), orderDate: '2026-02-03', amount: '500000', recipientInn: '7701234560', recipientKpp: '770101001', recipientName: 'ООО «УК Домхаб»', payee: { ...payee, bankName: 'ПАО Банк', correspondentAccount: '30101810400000000225' }, unifiedAccountNumber: '12AB34CD56' },
    ]),
  importNotificationsOfOrderExecutionCancellation: () =>
    render.renderImport('importNotificationsOfOrderExecutionCancellation', [
      { transportGuid: g(), orderId: g().replaceAll('-', ''), cancellationDate: '2026-02-04', comment: 'Возврат платежа' },
      { transportGuid: g(), orderId: 'A'.repeat(32), cancellationDate: '2026-02-04' },
    ]),
  getState: () => render.renderGetState(g()),
};

async function signedParts(body: string) {
  const env = render.envelope({ messageGuid: g(), date: new Date().toISOString(), orgPpaGuid: g(), body });
  const signed = body.includes(render.SIGNED_CONTAINER_ID) ? await signXades(env, render.SIGNED_CONTAINER_ID, signer) : env;
  return { signed, parts: envelopeParts(signed) };
}

const answers = (): Record<string, string> => {
  const ok = (extra?: 'account' | 'meter') => ({ transportGuid: g(), ok: true as const, guid: g(), uniqueNumber: '1234567890', updateDate: new Date().toISOString(),
    extra: extra === 'meter' ? { name: 'importMeteringDevice' as const, xml: `<hm:MeteringDeviceGUID>${g()}</hm:MeteringDeviceGUID>` }
      : extra === 'account' ? { name: 'ImportAccount' as const, xml: `<acc:UnifiedAccountNumber xmlns:acc="http://dom.gosuslugi.ru/schema/integration/account-base/">75DA533315</acc:UnifiedAccountNumber><acc:ServiceID xmlns:acc="http://dom.gosuslugi.ru/schema/integration/account-base/">75DA533315-01</acc:ServiceID>` } : undefined });
  const bad = { transportGuid: g(), ok: false as const, code: 'INT002000', description: 'Дом не найден' };
  const out: Record<string, string> = { ack: ackXml(g(), g()), header: resultHeaderXml(g()) };
  for (const s of Object.values(GIS_SERVICES)) {
    out[`${s.key} processing`] = stateXml(s.key, g(), 2);
    out[`${s.key} results`] = stateXml(s.key, g(), 3, { results: [ok(s.key === 'houseManagement' ? 'account' : undefined), bad, ...(s.key === 'houseManagement' ? [ok('meter')] : [])] });
    out[`${s.key} EXP001000`] = stateXml(s.key, g(), 3, { error: { code: 'EXP001000', description: 'Ошибка при передаче данных' } });
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
    if (name !== 'getState') expect(await verifyEnvelopeSignature(signed)).toEqual({ valid: true });
  });

  it('the simulator builds valid Acks, headers and getState results for every service', async () => {
    for (const [name, xml] of Object.entries(answers())) {
      const result = await validateElement(xml, official);
      expect({ name, errors: result.errors }).toEqual({ name, errors: [] });
    }
  });

  it('the contract holds the item limits and a tampered message fails the signature check', async () => {
    const items = Array.from({ length: 100 }, () => ({ transportGuid: g(), accountNumber: '1', fiasHouseGuid: g() }));
    expect(() => render.renderImport('importAccountData', [...items, items[0]!])).toThrow(RangeError);
    const doc = { accountGuid: g(), documentNumber: '1', totalPayable: '1', payee };
    // Month and Year are stated once per request, so a request never mixes periods.
    expect(() => render.renderImport('importPaymentDocumentData', [{ ...doc, transportGuid: g(), period: '2026-01' }, { ...doc, transportGuid: g(), period: '2026-02' }])).toThrow(RangeError);
    // The official schema does catch a bad item (an OrderID longer than 32 characters).
    const tooLong = render.renderImport('importNotificationsOfOrderExecutionCancellation', [{ transportGuid: g(), orderId: 'A'.repeat(33), cancellationDate: '2026-02-04' }]);
    expect((await validateElement(tooLong, official)).errors.length).toBeGreaterThan(0);
    const { signed } = await signedParts(requests.importMeteringDeviceValues!());
    expect((await verifyEnvelopeSignature(signed.replace('12.345', '12.346'))).valid).toBe(false);
  });
});

afterAll(() => undefined);
