import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gostEngineAvailable } from '../../adapters/gost/openssl.js';
import { addDays, addWorkingDays } from '../../src/calendar.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { generateSimAppeal, generateSimDebtSubrequests } from '../../src/sandbox/gis/services.js';
import { todayInMoscow } from '../../src/debt-requests/service.js';
import { queuePulls } from '../../src/sync/gis/service-sources.js';
import { apiKeyHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { gisClient, primeReferenceData, syncUntil } from '../helpers/gis.js';
import { multipartBody, PDF } from '../helpers/multipart-body.js';
import { gostDigest } from '../../src/sandbox/gost-verifier.js';

// Appeals, debt requests and notices end to end against the simulator over SOAP: fetched on the
// schedule's pull, answered through the organisation API, sent back, and the state system's acceptance
// applied; a fault injected in each.

let t: TestApp;
let headers: Record<string, string>;
const ORG_PPA = '5b3a0c5e-8d0e-4b8a-9a61-3f7c2b1d0e11';
const MOSCOW_FIAS = 'b6f0a7d2-3c41-4e8f-9a2d-6c1e5f4a3b21';
const VLADIVOSTOK_FIAS = 'c7e1b8e3-4d52-4f90-8b3e-7d2f6a5b4c32';
const EXECUTOR = '0f6c9b1e-2a3d-4c5b-8e7f-9a0b1c2d3e4f';

const until = <T>(what: string, fn: () => Promise<T | undefined | false>) => syncUntil(t, what, fn, 60_000);
const one = async (sql: string, params: unknown[] = []) => (await t.deps.db.query(sql, params)).rows[0];
const pull = () => queuePulls(t.deps.db, t.deps.enqueue, DEMO.organisationId);
const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers, payload });
const sim = () => t.deps.config.gis.simulator;

/** Injected faults on every request until `recover` (the connector resends fresh messages meanwhile). */
async function withFault<T>(
  fault: 'fault' | 'timeout' | '503' | '502' | 'EXP001000',
  operation: string,
  run: () => Promise<T>,
) {
  const s = sim();
  s.faults = [fault];
  s.faultRate = 1;
  const result = await run();
  await until(`a ${fault} met by ${operation}`, async () => {
    const m = await one(
      `SELECT last_error FROM gis_messages WHERE operation = $1 AND last_error IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
      [operation],
    );
    return m?.last_error;
  });
  s.faultRate = 0;
  return result;
}

beforeAll(async () => {
  t = await startTestApp({
    label: 'gis-services',
    listen: true,
    workers: true,
    env: { GIS_SIM_DELAY_MS: '50', GIS_POLL_SCHEDULE: '0,1', GIS_RETRY_DELAY_SECONDS: '0.2' },
    stateSystem: (config) => gisClient(config, 10_000),
  });
  await primeReferenceData(t);
  headers = await apiKeyHeaders(t.deps, DEMO.organisationId, [
    'console.view',
    'appeals.answer',
    'debts.answer',
    'news.publish',
    'sync.manage',
  ]);
  expect((await api('PUT', '/api/v1/org/sync/executor', { executorGuid: EXECUTOR })).statusCode).toBe(200);
}, 180_000);
afterAll(() => t?.close());

describe('appeals from the state system', () => {
  it('fetches an appeal, shows it in the queue with its source and due date, sends the answer and applies the acceptance', async () => {
    const createdOn = todayInMoscow();
    const made = await generateSimAppeal(t.deps.db, {
      orgPpaGuid: ORG_PPA,
      fiasHouseGuid: MOSCOW_FIAS,
      topic: 'Не работает освещение в подъезде',
      text: 'В подъезде 2 не горит свет на 3 и 4 этажах.',
      createdOn,
    });
    // The fetch meets a gateway failure first and goes through on a fresh message.
    await withFault('503', 'exportAppeal', pull);
    const appeal = await until('the appeal fetched', () =>
      one(`SELECT id FROM appeals WHERE gis_appeal_guid = $1`, [made.appealGuid]),
    );
    const list = (await api('GET', '/api/v1/org/appeals?source=state_system')).json();
    const summary = list.items.find((a: { id: string }) => a.id === appeal.id);
    expect(summary).toMatchObject({
      source: 'state_system',
      stateSystemNumber: made.number,
      status: 'submitted',
      type: 'complaint',
      houseId: DEMO.houses.moscow,
      dueOn: addWorkingDays(createdOn, 10),
    });
    // The hub's own appeals stay in the same queue; the filter tells them apart.
    const hub = (await api('GET', '/api/v1/org/appeals?source=hub')).json();
    expect(hub.items.every((a: { source: string }) => a.source === 'hub')).toBe(true);
    const detail = (await api('GET', `/api/v1/org/appeals/${appeal.id}`)).json();
    expect(detail.form).toMatchObject({ source: 'state_system', text: 'В подъезде 2 не горит свет на 3 и 4 этажах.' });
    expect(detail.form.applicant).toMatchObject({ lastName: 'Смирнова' });

    const answer = 'Освещение восстановлено 07.12.2026, заменены светильники на 3 и 4 этажах.';
    // The answer goes with the act of works as a PDF: uploaded to the file store first, then named in importAnswer.
    const body = multipartBody([['file', 'akt-rabot.pdf', PDF]]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/appeals/files',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const fileId = uploaded.json().files[0].id as string;
    expect((await api('POST', `/api/v1/org/appeals/${appeal.id}/status`, { status: 'in_review' })).statusCode).toBe(
      200,
    );
    // Returning for rework is for the hub's own appeals: the applicant is in the state system.
    const back = await api('POST', `/api/v1/org/appeals/${appeal.id}/status`, {
      status: 'returned',
      message: 'Уточните',
    });
    expect(back.statusCode).toBe(422);
    const moved = await api('POST', `/api/v1/org/appeals/${appeal.id}/status`, {
      status: 'accepted',
      message: answer,
      fileIds: [fileId],
    });
    expect(moved.statusCode).toBe(200);
    await until('the answer accepted', () =>
      one(`SELECT 1 FROM appeal_gis_answers WHERE appeal_id = $1 AND status = 'accepted'`, [appeal.id]),
    );
    const simAppeal = await one(`SELECT status, answer FROM gis_sim_appeals WHERE appeal_guid = $1`, [made.appealGuid]);
    expect(simAppeal.status).toBe('Executed');
    expect(simAppeal.answer).toMatchObject({ text: answer, answerer: EXECUTOR });
    // The state system got the file in its store and the answer names it by the store's GUID with the file's
    // hash by the signer's digest (GOST R 34.11-2012 when the engine is there).
    const stored = await one(
      `SELECT upload_id::text AS guid, size FROM gis_sim_files WHERE org_ppa_guid = $1 AND filename = 'akt-rabot.pdf'`,
      [ORG_PPA],
    );
    expect(stored.size).toBe(PDF.length);
    const hash = gostEngineAvailable()
      ? (await gostDigest(256, PDF)).toString('hex')
      : createHash('sha256').update(PDF).digest('hex');
    expect(simAppeal.answer.attachments).toEqual([
      {
        guid: stored.guid,
        name: 'akt-rabot.pdf',
        description: `Приложение к ответу на обращение № ${made.number}`,
        hash,
      },
    ]);
    expect(
      await one(`SELECT attachment_guid::text AS guid, hash FROM gis_attachments WHERE file_id = $1`, [fileId]),
    ).toEqual({
      guid: stored.guid,
      hash,
    });
    const after = (await api('GET', `/api/v1/org/appeals/${appeal.id}`)).json();
    expect(after.stateSystemAnswers).toEqual([
      expect.objectContaining({ text: answer, status: 'accepted', acknowledgedAt: expect.any(String) }),
    ]);
    expect(after.events.map((e: { message: string | null }) => e.message)).toContain(
      'ГИС ЖКХ приняла ответ и направила его заявителю.',
    );
  }, 120_000);

  it('an answer naming a file whose hash is not the stored bytes is refused and the appeal stays unanswered', async () => {
    const made = await generateSimAppeal(t.deps.db, { orgPpaGuid: ORG_PPA, fiasHouseGuid: MOSCOW_FIAS });
    await pull();
    const appeal = await until('the appeal fetched', () =>
      one(`SELECT id FROM appeals WHERE gis_appeal_guid = $1`, [made.appealGuid]),
    );
    const body = multipartBody([['file', 'akt-osmotra.pdf', PDF]]);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/appeals/files',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
    const fileId = uploaded.json().files[0].id as string;
    // The store holds other bytes under the GUID the hub recorded for this file (a file replaced after its
    // upload): the answer names the GUID with the hash of the hub's file, which is not the stored file's.
    const other = Buffer.concat([PDF, Buffer.from('% изменённая копия\n')]);
    const replaced = await t.deps.stateSystem!.upload(
      { orgPpaGuid: ORG_PPA },
      { filename: 'akt-osmotra.pdf', data: other },
    );
    const pdfHash = gostEngineAvailable()
      ? (await gostDigest(256, PDF)).toString('hex')
      : createHash('sha256').update(PDF).digest('hex');
    expect(replaced.hash).not.toBe(pdfHash);
    await one(`INSERT INTO gis_attachments (organisation_id, file_id, attachment_guid, hash) VALUES ($1, $2, $3, $4)`, [
      DEMO.organisationId,
      fileId,
      replaced.guid,
      pdfHash,
    ]);
    expect((await api('POST', `/api/v1/org/appeals/${appeal.id}/status`, { status: 'in_review' })).statusCode).toBe(
      200,
    );
    const moved = await api('POST', `/api/v1/org/appeals/${appeal.id}/status`, {
      status: 'accepted',
      message: 'Осмотр проведён, акт во вложении.',
      fileIds: [fileId],
    });
    expect(moved.statusCode).toBe(200);
    const item = await until('the answer refused', () =>
      one(
        `SELECT s.error_code, s.error_text FROM sync_items s JOIN appeal_gis_answers g ON g.id = s.object_id
          WHERE g.appeal_id = $1 AND s.status = 'rejected'`,
        [appeal.id],
      ),
    );
    expect(item.error_code).toBe('INT002000');
    expect(item.error_text).toMatch(/хэш-тег не соответствует содержимому файла/);
    const simAppeal = await one(`SELECT status, answer FROM gis_sim_appeals WHERE appeal_guid = $1`, [made.appealGuid]);
    expect(simAppeal).toEqual({ status: 'Send', answer: null });
  }, 60_000);

  it('an answer to an appeal the state system does not know is refused with its code and stays visible', async () => {
    const row = await one(
      `INSERT INTO appeals (type, organisation_id, form_enc, consent_at, source, gis_appeal_guid, gis_number, gis_status)
       VALUES ('complaint', $1, 'x', now(), 'state_system', gen_random_uuid(), '2026-00000000', 'Send') RETURNING id`,
      [DEMO.organisationId],
    );
    const answer = await api('POST', `/api/v1/org/appeals/${row.id}/answers`, { message: 'Ответ' });
    expect(answer.statusCode).toBe(200);
    const item = await until('the answer refused', () =>
      one(
        `SELECT s.status, s.error_code FROM sync_items s JOIN appeal_gis_answers g ON g.id = s.object_id
            WHERE g.appeal_id = $1 AND s.status = 'rejected'`,
        [row.id],
      ),
    );
    expect(item.error_code).toBe('INT002000');
    const items = (await api('GET', '/api/v1/org/sync/items?operation=importAnswer&status=rejected')).json();
    expect(items.items.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('debt requests', () => {
  it('proposes "debt" from a court decision and the ledger, sends the confirmed answer', async () => {
    const account = DEMO.accounts.neighbourFlat13;
    const decision = await api('POST', '/api/v1/org/court-decisions', {
      accountId: account,
      caseNumber: '2-1234/2026',
      decidedOn: '2026-03-16',
      amount: '4500000',
      debtor: { lastName: 'Петров', firstName: 'Сергей', middleName: 'Николаевич' },
    });
    expect(decision.statusCode).toBe(201);
    const premise = await one(
      `SELECT p.gis_premises_guid::text AS g FROM accounts a JOIN premises p ON p.id = a.premise_id WHERE a.id = $1`,
      [account],
    );
    expect(premise.g).toBeTruthy();
    const [made] = await generateSimDebtSubrequests(t.deps.db, {
      orgPpaGuid: ORG_PPA,
      fiasHouseGuid: MOSCOW_FIAS,
      premisesGuid: premise.g,
      address: 'г. Москва, ул. Профсоюзная, д. 43, корп. 1, кв. 13',
    });
    await withFault('EXP001000', 'exportDebtSubrequests', pull);
    const row = await until('the debt request fetched', () =>
      one(`SELECT id FROM debt_subrequests WHERE gis_subrequest_guid = $1`, [made!.subrequestGuid]),
    );
    const view = (await api('GET', `/api/v1/org/debt-requests/${row.id}`)).json();
    expect(view).toMatchObject({
      status: 'new',
      overdue: false,
      dueOn: addWorkingDays(todayInMoscow(), 5),
      proposal: {
        hasDebt: true,
        debtors: [{ lastName: 'Петров', firstName: 'Сергей', middleName: 'Николаевич' }],
        // The demo's own decision on the same account (2-1187/2026) counts too; the debtor is named once.
        basis: expect.arrayContaining([
          expect.objectContaining({ accountId: account, caseNumber: '2-1234/2026', amount: '4500000' }),
        ]),
      },
    });
    expect(BigInt(view.proposal.basis[0].ledgerDebt)).toBeGreaterThan(0n);
    const sent = await api('POST', `/api/v1/org/debt-requests/${row.id}/confirm`);
    expect(sent.statusCode).toBe(200);
    expect(sent.json().status).toBe('queued');
    expect((await api('POST', `/api/v1/org/debt-requests/${row.id}/confirm`)).statusCode).toBe(422);
    await until('the answer accepted', () =>
      one(`SELECT 1 FROM debt_subrequests WHERE id = $1 AND status = 'sent'`, [row.id]),
    );
    const simRow = await one(
      `SELECT response_status, response FROM gis_sim_debt_subrequests WHERE subrequest_guid = $1`,
      [made!.subrequestGuid],
    );
    expect(simRow.response_status).toBe('Sent');
    expect(simRow.response.hasDebt).toBe(true);
    expect(simRow.response.description).toContain('2-1234/2026');
  }, 120_000);

  it('a request left past its deadline is answered "no debt" by the state system and shown overdue', async () => {
    const sentOn = addDays(todayInMoscow(), -14);
    const [made] = await generateSimDebtSubrequests(t.deps.db, {
      orgPpaGuid: ORG_PPA,
      fiasHouseGuid: VLADIVOSTOK_FIAS,
      address: 'Приморский край, г. Владивосток, ул. Светланская, д. 87',
      apartment: '5',
      sentOn,
    });
    await pull();
    const row = await until('the overdue request fetched', () =>
      one(`SELECT id, status FROM debt_subrequests WHERE gis_subrequest_guid = $1`, [made!.subrequestGuid]),
    );
    expect(row.status).toBe('auto_answered');
    const list = (await api('GET', '/api/v1/org/debt-requests?overdue=true')).json();
    expect(list.overdue).toBeGreaterThanOrEqual(1);
    expect(list.items.find((i: { id: string }) => i.id === row.id)).toMatchObject({
      overdue: true,
      dueOn: addWorkingDays(sentOn, 5),
      answer: { hasDebt: false },
    });
    expect((await api('POST', `/api/v1/org/debt-requests/${row.id}/confirm`)).statusCode).toBe(422);
  }, 120_000);

  it('imports court decisions by account number, row by row', async () => {
    const res = await api('POST', '/api/v1/org/court-decisions/import', {
      items: [
        {
          accountNumber: '100012',
          caseNumber: '2-77/2025',
          decidedOn: '2025-02-10',
          amount: '1200000',
          debtor: { lastName: 'Иванов', firstName: 'Иван' },
        },
        {
          accountNumber: 'нет-такого',
          caseNumber: '2-78/2025',
          decidedOn: '2025-02-10',
          amount: '1',
          debtor: { lastName: 'Нет', firstName: 'Нет' },
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((r: { status: string }) => r.status)).toEqual(['created', 'rejected']);
  });
});

describe('notices in the state system', () => {
  it('places an outage notice and recalls it when withdrawn', async () => {
    const published = await api('POST', '/api/v1/org/news', {
      kind: 'emergency',
      title: 'Отключение холодной воды',
      body: 'Ремонт стояка в подъезде 1, с 10:00 до 16:00.',
      houseIds: [DEMO.houses.moscow],
      notify: false,
    });
    expect(published.statusCode).toBe(201);
    const id = published.json().id;
    // A hang past the client's timeout: the message is taken, the answer lost; the resend is not taken twice.
    await withFault('502', 'importNotificationData', async () => undefined);
    const placed = await until('the notice placed', () =>
      one(`SELECT gis_notification_guid FROM news WHERE id = $1 AND gis_notification_guid IS NOT NULL`, [id]),
    );
    expect((await api('POST', `/api/v1/org/news/${id}/withdraw`)).statusCode).toBe(200);
    await until('the notice recalled', () =>
      one(`SELECT 1 FROM news WHERE id = $1 AND gis_recalled_at IS NOT NULL`, [id]),
    );
    const simRows = await t.deps.db.query(
      `SELECT m.items FROM gis_sim_messages m WHERE m.operation = 'importNotificationData' AND m.result_xml IS NOT NULL`,
    );
    const fields = simRows.rows.flatMap((r) => r.items.map((i: { fields: Record<string, string> }) => i.fields));
    expect(fields.some((f) => f.Topic === 'Отключение холодной воды' && f.IsImportant === 'true')).toBe(true);
    expect(fields.some((f) => f._recall === 'true' && f.NotificationGUID === placed.gis_notification_guid)).toBe(true);
  }, 120_000);
});
