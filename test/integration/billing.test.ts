import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePaymentQrPayload } from '../../src/billing/payment-qr.js';
import { addMonths, currentPeriod, localDate } from '../../src/calendar.js';
import { formatRubles } from '../../src/money.js';
import { DEMO_BANK, DEMO_PAYMENT_ID } from '../../src/sandbox/demo/billing.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { decodeQrFromPdf, pdfText } from '../helpers/pdf-qr.js';

let t: TestApp;
let resident: Record<string, string>;
let org: Record<string, string>;
const lastPeriod = addMonths(currentPeriod(new Date(), 'Europe/Moscow'), -1);

beforeAll(async () => {
  t = await startTestApp({ label: 'billing' });
  resident = await sessionHeaders(t.deps, DEMO.citizen.personId);
  org = await apiKeyHeaders(t.deps, DEMO.organisationId, ['charges.import', 'console.view']);
});
afterAll(() => t?.close());

const line = (charged: string, extra: Record<string, string> = {}) => ({
  service: 'Отопление',
  unit: 'Гкал',
  volume: '1.250',
  tariff: '250000',
  charged,
  ...extra,
});

describe('charges import', () => {
  it('creates, keeps identical re-imports, versions changed ones, and reports each row', async () => {
    const period = '2020-05';
    const item = {
      accountNumber: '100013',
      period,
      openingDebt: '1000',
      paid: '500',
      lines: [line('312500', { penalty: '700', benefit: '2500' })],
    };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/charges',
      headers: org,
      payload: { items: [item, { ...item, accountNumber: '999999' }, { ...item, period: '2020-06', toPay: '1' }] },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().results).toEqual([
      { index: 0, accountNumber: '100013', period, status: 'created', version: 1 },
      {
        index: 1,
        accountNumber: '999999',
        period,
        status: 'error',
        error: expect.objectContaining({ code: 'account_not_found' }),
      },
      {
        index: 2,
        accountNumber: '100013',
        period: '2020-06',
        status: 'error',
        error: expect.objectContaining({ code: 'totals_mismatch' }),
      },
    ]);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/charges',
      headers: org,
      payload: { items: [item] },
    });
    expect(again.json().results[0]).toMatchObject({ status: 'unchanged', version: 1 });
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/charges',
      headers: org,
      payload: { items: [{ ...item, lines: [line('300000')], toPay: '300500' }] },
    });
    expect(changed.json().results[0]).toMatchObject({ status: 'replaced', version: 2 });

    const { rows } = await t.deps.db.query(
      `SELECT version, charged, penalty, to_pay, superseded_at IS NOT NULL AS old FROM charge_periods cp JOIN accounts a ON a.id = cp.account_id
        WHERE a.number = '100013' AND period = $1 ORDER BY version`,
      [period],
    );
    expect(rows).toEqual([
      {
        version: 1,
        charged: String(312500 - 2500 + 700),
        penalty: '700',
        to_pay: String(1000 + 310700 - 500),
        old: true,
      },
      { version: 2, charged: '300000', penalty: '0', to_pay: '300500', old: false },
    ]);
  });

  it('refuses malformed rows with field paths and keeps stored data', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/charges',
      headers: org,
      payload: { items: [{ accountNumber: '100013', period: '2020-13', lines: [{ service: 'x', charged: '1.5' }] }] },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.items.0.lines.0.charged', 'body.items.0.period']);
    const resident403 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/charges',
      headers: await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view']),
      payload: { items: [] },
    });
    expect([400, 403]).toContain(resident403.statusCode);
  });
});

describe('resident view', () => {
  it('shows 12 months by default with lines, penalties and paid/unpaid per period', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/charges?accountId=${DEMO.accounts.citizenFlat12}`,
      headers: resident,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.to).toBe(currentPeriod(new Date(), 'Europe/Moscow'));
    const periods = body.periods as {
      period: string;
      status: string;
      penalty: string;
      charged: string;
      lines: { total: string }[];
    }[];
    expect(periods).toHaveLength(11); // the demo's 12 months end last month; the window's oldest falls outside
    expect(periods[0]!.period).toBe(lastPeriod);
    for (const p of periods) expect(BigInt(p.charged)).toBe(p.lines.reduce((s, l) => s + BigInt(l.total), 0n));
    // The demo payment paid the nine oldest months: the three newest are unpaid; one carries a penalty.
    expect(periods.slice(0, 3).map((p) => p.status)).toEqual(['unpaid', 'unpaid', 'unpaid']);
    expect(periods.slice(3).every((p) => p.status === 'paid')).toBe(true);
    expect(periods.filter((p) => p.penalty !== '0').map((p) => p.period)).toEqual([addMonths(lastPeriod, -2)]);

    const range = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/charges?from=${addMonths(lastPeriod, -11)}&to=${lastPeriod}`,
      headers: resident,
    });
    expect(range.json().periods.filter((p: { accountNumber: string }) => p.accountNumber === '100012')).toHaveLength(
      12,
    );
  });

  it('gives the balance per account and across accounts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/balance', headers: resident });
    const body = res.json();
    const { rows } = await t.deps.db.query(
      `SELECT a.number, sum(cp.charged) AS charged, sum(cp.penalty) AS penalty FROM charge_periods cp JOIN accounts a ON a.id = cp.account_id
        WHERE cp.account_id = ANY($1::uuid[]) AND cp.superseded_at IS NULL GROUP BY a.number ORDER BY a.number`,
      [[DEMO.accounts.citizenFlat12, DEMO.accounts.vladivostokFlat5]],
    );
    const paid = BigInt(
      (await t.deps.db.query(`SELECT amount FROM payments WHERE id = $1`, [DEMO_PAYMENT_ID])).rows[0].amount,
    );
    const expected = { '100012': BigInt(rows[0].charged) - paid, '200005': BigInt(rows[1].charged) };
    expect(body.accounts.map((a: { accountNumber: string; debt: string }) => [a.accountNumber, a.debt])).toEqual([
      ['100012', expected['100012'].toString()],
      ['200005', expected['200005'].toString()],
    ]);
    expect(body.totalDebt).toBe((expected['100012'] + expected['200005']).toString());
    expect(body.accounts[0].unpaidPeriods).toHaveLength(3);
    expect(BigInt(body.totalPenalties)).toBeGreaterThan(0n);
  });
});

describe('payment document', () => {
  it('prints the ГОСТ Р 56042-2014 QR with every field, issued once and queued for the state system', async () => {
    const url = `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/charges/${lastPeriod}/document.pdf`;
    const res = await t.app.inject({ method: 'GET', url, headers: resident });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const qr = decodeQrFromPdf(res.rawPayload);
    expect(qr, 'a QR code on the page').not.toBeNull();
    expect(qr!.text.startsWith('ST00012|')).toBe(true);
    const { fields } = parsePaymentQrPayload(qr!.text);
    const { rows } = await t.deps.db.query(
      `SELECT d.amount, d.number FROM charge_periods cp JOIN payment_documents d ON d.charge_period_id = cp.id WHERE cp.account_id = $1 AND cp.period = $2`,
      [DEMO.accounts.citizenFlat12, lastPeriod],
    );
    expect(fields).toEqual({
      Name: 'ООО «УК Домхаб»',
      PersonalAcc: DEMO_BANK.settlementAccount,
      BankName: DEMO_BANK.bankName,
      BIC: DEMO_BANK.bik,
      CorrespAcc: DEMO_BANK.correspondentAccount,
      Sum: rows[0].amount,
      Purpose: expect.stringContaining('ЕЛС 75DA533315'),
      PayeeINN: '7701234560',
      KPP: '770101001',
      LastName: 'Иванов',
      FirstName: 'Иван',
      MiddleName: 'Иванович',
      PayerAddress: 'г. Москва, ул. Профсоюзная, д. 43, корп. 1, кв. 12',
      PersAcc: '75DA533315',
      Flat: '12',
      PaymPeriod: `${lastPeriod.slice(5)}${lastPeriod.slice(0, 4)}`,
      QuittId: rows[0].number,
      TechCode: '02',
    });
    // The first 300 bytes hold the whole required block.
    expect(Buffer.byteLength(qr!.text.split('|Sum=')[0]!, 'utf8')).toBeLessThanOrEqual(300);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Итого к оплате');
    expect(text).toContain('Холодное водоснабжение');

    // Issuing again (POST) returns the same document and queues it for the state system once.
    const issue = `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/charges/${lastPeriod}/document`;
    for (let i = 0; i < 2; i++) {
      const again = await t.app.inject({ method: 'POST', url: issue, headers: resident });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({
        number: rows[0].number,
        period: lastPeriod,
        amount: String(rows[0].amount),
        href: url,
      });
    }
    const sync = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM sync_items WHERE operation = 'importPaymentDocumentData' AND object_type = 'payment_document'`,
    );
    expect(sync.rows[0].n).toBe(1);
  });

  it('is issued by POST only: GET of a period not issued yet is a 404 that changes nothing (issue 14, finding 9)', async () => {
    const period = addMonths(lastPeriod, -3);
    const pdfUrl = `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/charges/${period}/document.pdf`;
    const counts = async () =>
      (
        await t.deps.db.query(
          `SELECT (SELECT count(*) FROM payment_documents)::int AS docs, (SELECT count(*) FROM sync_items)::int AS items`,
        )
      ).rows[0];
    const before = await counts();
    const get = await t.app.inject({ method: 'GET', url: pdfUrl, headers: resident });
    expect(get.statusCode).toBe(404);
    expect(get.headers['content-type']).toContain('application/problem+json');
    expect(get.json().code).toBe('payment_document_not_issued');
    expect(await counts()).toEqual(before);

    // A cross-site form cannot issue it either: the session's CSRF token is required.
    const issue = `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/charges/${period}/document`;
    const forged = await t.app.inject({ method: 'POST', url: issue, headers: { cookie: resident.cookie! } });
    expect(forged.statusCode).toBe(403);
    expect(await counts()).toEqual(before);

    const created = await t.app.inject({ method: 'POST', url: issue, headers: resident });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      period,
      number: expect.stringMatching(/^\d{18}$/),
      gisDocumentId: null,
      href: pdfUrl,
    });
    expect(await counts()).toEqual({ docs: before.docs + 1, items: before.items + 1 });
    const pdf = await t.app.inject({ method: 'GET', url: pdfUrl, headers: resident });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toContain(created.json().number);
    expect(await counts()).toEqual({ docs: before.docs + 1, items: before.items + 1 });
  });

  it('has the documents of the last two demo months issued by the demo data', async () => {
    const { rows } = await t.deps.db.query(
      `SELECT a.id, array_agg(d.period ORDER BY d.period) AS periods FROM accounts a
         LEFT JOIN payment_documents d ON d.account_id = a.id AND d.period >= $2
        WHERE a.id = ANY($1::uuid[]) GROUP BY a.id`,
      [Object.values(DEMO.accounts), addMonths(lastPeriod, -1)],
    );
    expect(rows).toHaveLength(Object.values(DEMO.accounts).length);
    for (const r of rows) expect(r.periods).toEqual([addMonths(lastPeriod, -1), lastPeriod]);
  });

  it("takes the opening debt and payments from the ledger, and carries the state system's identifier in the QR (DocIdx)", async () => {
    // The demo payment paid the nine oldest months: the two months before the last are unpaid.
    const url = `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/charges/${lastPeriod}/document.pdf`;
    const balance = (await t.app.inject({ method: 'GET', url: '/api/v1/me/balance', headers: resident })).json();
    const flat12 = balance.accounts.find((a: { accountNumber: string }) => a.accountNumber === '100012');
    expect(flat12.unpaidPeriods).toEqual([addMonths(lastPeriod, -2), addMonths(lastPeriod, -1), lastPeriod]);
    const charged = async (period: string) =>
      BigInt(
        (
          await t.deps.db.query(
            `SELECT charged FROM charge_periods WHERE account_id = $1 AND period = $2 AND superseded_at IS NULL`,
            [DEMO.accounts.citizenFlat12, period],
          )
        ).rows[0].charged,
      );
    const last = await charged(lastPeriod);
    const opening = (await charged(addMonths(lastPeriod, -2))) + (await charged(addMonths(lastPeriod, -1)));
    // The ledger's debt now is what was unpaid before the period plus the period's own charges.
    expect(BigInt(flat12.debt) - last).toBe(opening);
    expect(opening).toBeGreaterThan(0n);

    // The state system accepted the document: its 18-character identifier goes into the QR as DocIdx.
    const gisId = '12AB34CD56EF789012';
    await t.deps.db.query(
      `UPDATE payment_documents d SET gis_document_id = $3 FROM charge_periods cp
        WHERE cp.id = d.charge_period_id AND cp.account_id = $1 AND cp.period = $2`,
      [DEMO.accounts.citizenFlat12, lastPeriod, gisId],
    );
    const res = await t.app.inject({ method: 'GET', url, headers: resident });
    const { fields } = parsePaymentQrPayload(decodeQrFromPdf(res.rawPayload)!.text);
    expect(fields).toMatchObject({ PersAcc: '75DA533315', DocIdx: gisId, Sum: (opening + last).toString() });
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain(`Задолженность на начало периода ${formatRubles(opening).replace(/\s+/g, ' ')}`);
    expect(text).toContain(`Итого к оплате ${formatRubles(opening + last).replace(/\s+/g, ' ')}`);
    expect(text).toContain(gisId);
    // Decimal comma everywhere: volumes, areas and readings too.
    expect(text).not.toMatch(/\d\.\d{3}\b/);
    expect(text).toMatch(/ОДН/);
    for (const s of [
      'Телефон',
      'E-mail',
      'Сайт',
      'Режим работы',
      'Диспетчерская',
      'Площадь помещения',
      'Сведения о доме',
      'Раздел 4',
    ]) {
      expect(text).toContain(s);
    }
    if (process.env.EPD_PDF_OUT) writeFileSync(process.env.EPD_PDF_OUT, res.rawPayload);
  });

  it('is refused while the payee’s accounts fail their checksums, and foreign accounts are 404', async () => {
    await t.deps.db.query(`UPDATE organisations SET settlement_account = '40702810800000001234' WHERE id = $1`, [
      DEMO.organisationId,
    ]);
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/charges/${addMonths(lastPeriod, -2)}/document`,
        headers: resident,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'payee_details_invalid',
        errors: [{ path: 'organisation.settlementAccount' }],
      });
    } finally {
      await t.deps.db.query(`UPDATE organisations SET settlement_account = $2 WHERE id = $1`, [
        DEMO.organisationId,
        DEMO_BANK.settlementAccount,
      ]);
    }
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${DEMO.accounts.neighbourFlat13}/charges/${lastPeriod}/document.pdf`,
      headers: resident,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('lets the organisation set bank details only when they pass the checksums', async () => {
    const headers = await apiKeyHeaders(t.deps, DEMO.organisationId, ['settings.manage']);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/org/bank-details',
      headers,
      payload: { ...DEMO_BANK, correspondentAccount: '30101810700000000999' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'body.correspondentAccount', message: expect.any(String) }]);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/v1/org/bank-details', headers, payload: DEMO_BANK });
    expect(ok.statusCode).toBe(204);
  });
});

describe('payment document details', () => {
  it("lets the organisation set its contacts and a house's areas; bad values are refused with field paths", async () => {
    const headers = await apiKeyHeaders(t.deps, DEMO.organisationId, [
      'settings.manage',
      'houses.manage',
      'console.view',
    ]);
    const contacts = {
      address: '117420, г. Москва, ул. Профсоюзная, д. 43',
      phone: '+7 495 000-00-01',
      email: 'office@uk.example.ru',
      website: 'https://uk.example.ru',
      workingHours: 'пн–пт 9:00–18:00',
      dispatcherPhone: '+7 495 000-00-02',
      dispatcherHours: 'круглосуточно',
    };
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/org/contacts',
      headers,
      payload: { ...contacts, email: 'not-an-email', website: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.email', 'body.website']);
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/v1/org/contacts', headers, payload: contacts })).statusCode,
    ).toBe(204);
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/org/contacts', headers: org });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(contacts);
    // Changing them takes settings.manage: a key that imports charges and views the console may only read them.
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/org/contacts',
      headers: org,
      payload: { ...contacts, phone: null },
    });
    expect(refused.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org/contacts', headers: org })).json()).toEqual(contacts);
    const cleared = { ...contacts, website: null, dispatcherHours: null };
    await t.app.inject({ method: 'PUT', url: '/api/v1/org/contacts', headers, payload: cleared });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org/contacts', headers })).json()).toEqual(cleared);
    await t.app.inject({ method: 'PUT', url: '/api/v1/org/contacts', headers, payload: contacts });
    const reference = {
      totalArea: '4230.50',
      residentialArea: '3489.20',
      nonResidentialArea: '212.40',
      commonArea: '528.90',
    };
    const house = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/org/houses/${DEMO.houses.moscow}/reference`,
      headers,
      payload: reference,
    });
    expect(house.statusCode).toBe(204);
    const houses = await t.app.inject({ method: 'GET', url: '/api/v1/org/houses', headers });
    expect(houses.json().items.find((h: { id: string }) => h.id === DEMO.houses.moscow)).toMatchObject(reference);
    const foreign = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/org/houses/00000000-0000-4000-8000-00000000ffff/reference',
      headers,
      payload: reference,
    });
    expect(foreign.statusCode).toBe(404);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/charges/${lastPeriod}/document.pdf`,
      headers: resident,
    });
    const text = pdfText(res.rawPayload).replace(/\s+/g, ' ');
    for (const v of [
      '+7 495 000-00-01',
      'office@uk.example.ru',
      'https://uk.example.ru',
      'пн–пт 9:00–18:00',
      '+7 495 000-00-02',
      '212,40 м²',
    ])
      expect(text).toContain(v);
  });
});

describe('debt certificate', () => {
  it('states charges minus payments as of a date, as JSON and PDF', async () => {
    const today = localDate(new Date(), 'Europe/Moscow');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/debt-certificate?asOf=${today}`,
      headers: resident,
    });
    expect(res.statusCode).toBe(200);
    const cert = res.json();
    const charges = await t.deps.db.query(
      `SELECT COALESCE(sum(charged), 0) AS s FROM charge_periods WHERE account_id = $1 AND superseded_at IS NULL AND period < $2`,
      [DEMO.accounts.citizenFlat12, today.slice(0, 7)],
    );
    const payments = await t.deps.db.query(
      `SELECT COALESCE(sum(e.amount), 0) AS s FROM ledger_entries e JOIN payment_items i ON i.payment_id = e.payment_id WHERE i.account_id = $1`,
      [DEMO.accounts.citizenFlat12],
    );
    expect(cert.charged).toBe(String(charges.rows[0].s));
    expect(cert.paid).toBe(String(payments.rows[0].s));
    expect(BigInt(cert.debt)).toBe(BigInt(charges.rows[0].s) - BigInt(payments.rows[0].s));
    expect(BigInt(cert.debt)).toBeGreaterThan(0n);

    // Before the demo payment was booked (yesterday), nothing was paid yet.
    const yesterday = localDate(new Date(Date.now() - 86_400_000), 'Europe/Moscow');
    const before = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/debt-certificate?asOf=${yesterday}`,
        headers: resident,
      })
    ).json();
    expect(before.paid).toBe('0');

    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/me/accounts/${DEMO.accounts.citizenFlat12}/debt-certificate.pdf?asOf=${today}`,
      headers: resident,
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain(formatRubles(cert.debt).replace(/\s+/g, ' '));
  });
});
