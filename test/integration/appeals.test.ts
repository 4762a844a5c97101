import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionAppeal } from '../../src/appeals/service.js';
import { withTransaction } from '../../src/db/pool.js';
import { createFieldCipher } from '../../src/identity/crypto.js';
import { DEMO } from '../../src/sandbox/demo/index.js';
import { apiKeyHeaders, sessionHeaders, startTestApp, type TestApp } from '../helpers/app.js';
import { multipartBody, PDF, PNG } from '../helpers/multipart-body.js';

let t: TestApp;
let ivanov: Record<string, string>;
let petrova: Record<string, string>;
let orgKey: Record<string, string>;
let dispatcher: Record<string, string>;
let foreignStaff: Record<string, string>;
let operator: Record<string, string>;
const OTHER_ORG = '00000000-0000-4000-8000-00000000a001';
const SOLD_FLAT = '00000000-0000-4000-8000-00000000c001';
const CLOSED_ACCOUNT = '00000000-0000-4000-8000-00000000c002';

async function person(id: string, subject: string, extra = '') {
  await t.deps.db.query(
    `INSERT INTO persons (id, subject, last_name, email ${extra ? ', is_operator' : ''}) VALUES ($1, $2, 'Тестов', $2 || '@example.ru' ${extra ? ', true' : ''})`,
    [id, subject],
  );
  return sessionHeaders(t.deps, id);
}

beforeAll(async () => {
  t = await startTestApp({ label: 'appeals', workers: true });
  const db = t.deps.db;
  ivanov = await sessionHeaders(t.deps, DEMO.citizen.personId);
  petrova = await sessionHeaders(t.deps, DEMO.neighbour.personId);
  orgKey = await apiKeyHeaders(t.deps, DEMO.organisationId, ['console.view', 'appeals.answer']);
  await db.query(`INSERT INTO organisations (id, name, inn) VALUES ($1, 'ООО «Другая УК»', '7707083893')`, [OTHER_ORG]);
  dispatcher = await person('00000000-0000-4000-8000-00000000b001', 'disp');
  await db.query(
    `INSERT INTO org_staff (organisation_id, person_id, role_id) VALUES ($1, $2, '00000000-0000-4000-8000-00000000a002')`,
    [DEMO.organisationId, '00000000-0000-4000-8000-00000000b001'],
  );
  foreignStaff = await person('00000000-0000-4000-8000-00000000b002', 'foreign');
  await db.query(
    `INSERT INTO org_staff (organisation_id, person_id, role_id) VALUES ($1, $2, '00000000-0000-4000-8000-00000000a001'), ($1, $2, '00000000-0000-4000-8000-00000000a003')`,
    [OTHER_ORG, '00000000-0000-4000-8000-00000000b002'],
  );
  operator = await person('00000000-0000-4000-8000-00000000b003', 'operator', 'op');
  // Иванов also owns flat 20 (which he sells) and had flat 21 (its account closed with an overpayment).
  await db.query(
    `INSERT INTO accounts (id, organisation_id, house_id, premise_id, number, status)
     SELECT v.id::uuid, $1, $2, p.id, v.num, v.status FROM (VALUES ($3, '20', '100020', 'open'), ($4, '21', '100021', 'closed')) v(id, flat, num, status)
     JOIN premises p ON p.house_id = $2 AND p.number = v.flat`,
    [DEMO.organisationId, DEMO.houses.moscow, SOLD_FLAT, CLOSED_ACCOUNT],
  );
  await db.query(
    `INSERT INTO account_links (account_id, person_id, role) VALUES ($1, $3, 'owner'), ($2, $3, 'owner')`,
    [SOLD_FLAT, CLOSED_ACCOUNT, DEMO.citizen.personId],
  );
});
afterAll(() => t?.close());

async function upload(headers: Record<string, string>, url = '/api/v1/me/appeals/files', file: Buffer = PDF) {
  const body = multipartBody([['file', file === PDF ? 'scan.pdf' : 'photo.png', file]]);
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json().files[0].id as string;
}

const consent = { personalDataConsent: true as const };
const acc = DEMO.accounts.citizenFlat12;
const passport = {
  series: '4506',
  number: '123456',
  issuedOn: '2015-03-01',
  issuedBy: 'ОВД района Коньково г. Москвы',
  divisionCode: '772-045',
};
const refundRecipient = {
  fullName: 'Иванов Иван Иванович',
  bik: '044525225',
  settlementAccount: '40817810438000000001',
  bankName: 'ПАО Сбербанк',
};

/** A valid form of every type; `att` gives the file ids its required attachments need. */
async function forms() {
  const f = () => upload(ivanov);
  return {
    owner_change: {
      type: 'owner_change',
      accountId: SOLD_FLAT,
      transferDate: '2025-10-01',
      newOwner: { lastName: 'Сидоров', firstName: 'Пётр', passport },
      attachments: [{ fileId: await f(), kind: 'act_of_transfer' }],
      ...consent,
    },
    debt_certificate: { type: 'debt_certificate', accountId: acc, asOf: '2025-11-01', ...consent },
    overpayment_refund: {
      type: 'overpayment_refund',
      accountId: CLOSED_ACCOUNT,
      amountKopecks: '154300',
      recipient: refundRecipient,
      attachments: [{ fileId: await f(), kind: 'identity_document' }],
      ...consent,
    },
    service_quality: {
      type: 'service_quality',
      accountId: acc,
      service: 'concierge',
      periodFrom: '2025-09-01',
      periodTo: '2025-09-30',
      description: 'Консьерж отсутствовал весь сентябрь',
      ...consent,
    },
    meter_event: {
      type: 'meter_event',
      accountId: acc,
      event: 'verification',
      eventDate: '2025-10-15',
      meterSerialNumber: 'ХВ-0012345',
      attachments: [{ fileId: await f(), kind: 'meter_act' }],
      ...consent,
    },
    advance_discount: {
      type: 'advance_discount',
      accountId: acc,
      months: 12,
      items: ['maintenance', 'concierge'],
      ...consent,
    },
    payment_transfer: {
      type: 'payment_transfer',
      accountId: acc,
      toAccountNumber: '200005',
      paymentDate: '2025-10-05',
      amountKopecks: '250000',
      reason: 'Оплатил не тот лицевой счёт',
      attachments: [{ fileId: await f(), kind: 'payment_receipt' }],
      ...consent,
    },
    benefits: {
      type: 'benefits',
      accountId: acc,
      category: 'labour_veteran',
      snils: DEMO.citizen.snils,
      documentTitle: 'Удостоверение ветерана труда',
      documentNumber: 'Т-123456',
      validFrom: '2020-01-01',
      attachments: [{ fileId: await f(), kind: 'benefit_document' }],
      ...consent,
    },
    actual_readings: {
      type: 'actual_readings',
      accountId: acc,
      period: '2025-10',
      readings: [{ meterSerialNumber: 'ХВ-0012345', value: '123.456' }],
      attachments: [{ fileId: await upload(ivanov, undefined, PNG), kind: 'meter_photo' }],
      ...consent,
    },
    complaint: {
      type: 'complaint',
      houseId: DEMO.houses.moscow,
      topic: 'other',
      topicOther: 'Парковка во дворе',
      text: 'Во дворе паркуются на газоне, прошу принять меры',
      ...consent,
    },
  } as Record<string, Record<string, unknown>>;
}

const submit = (body: unknown, headers = ivanov) =>
  t.app.inject({ method: 'POST', url: '/api/v1/me/appeals', headers, payload: body as object });
const move = (id: string, payload: object, headers = orgKey) =>
  t.app.inject({ method: 'POST', url: `/api/v1/org/appeals/${id}/status`, headers, payload });

describe('appeals', () => {
  it('walks every type through review, rework and resubmission to accepted or rejected and done', async () => {
    const all = await forms();
    expect(Object.keys(all).sort()).toEqual(
      (await t.app.inject({ method: 'GET', url: '/api/v1/appeals/types' }))
        .json()
        .map((x: { type: string }) => x.type)
        .sort(),
    );
    for (const [type, form] of Object.entries(all)) {
      const created = await submit(form);
      expect(created.statusCode, `${type}: ${created.body}`).toBe(201);
      const id = created.json().id;
      expect(created.json()).toMatchObject({ type, status: 'submitted', revision: 1 });
      expect((await move(id, { status: 'accepted' })).json().code).toBe('status_transition_not_allowed');
      expect((await move(id, { status: 'in_review' })).json().status).toBe('in_review');
      const noReason = await move(id, { status: 'returned' });
      expect(noReason.json().errors[0].path).toBe('body.message');
      expect((await move(id, { status: 'returned', message: 'Уточните данные' })).json().status).toBe('returned');

      const edited = { ...form, comment: 'Исправлено' };
      const again = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/me/appeals/${id}`,
        headers: ivanov,
        payload: edited,
      });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ status: 'submitted', revision: 2 });
      expect(again.json().form.comment).toBe('Исправлено');
      const twice = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/me/appeals/${id}`,
        headers: ivanov,
        payload: edited,
      });
      expect(twice.json().code).toBe('appeal_not_returned');

      await move(id, { status: 'in_review' });
      const verdict = type === 'advance_discount' ? 'rejected' : 'accepted';
      const decided = (
        await move(id, { status: verdict, message: verdict === 'rejected' ? 'Нет фиксированных платежей' : undefined })
      ).json();
      if (type === 'debt_certificate') {
        // Billing is wired: accepting issues the certificate at once and the appeal is done.
        expect(decided.status).toBe('done');
        const answered = (
          await t.app.inject({ method: 'GET', url: `/api/v1/me/appeals/${id}`, headers: ivanov })
        ).json();
        expect(answered.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
          'submitted',
          'in_review',
          'returned',
          'submitted',
          'in_review',
          'accepted',
          'done',
        ]);
        const certificate = answered.files.find((f: { kind: string }) => f.kind === 'debt_certificate');
        const pdf = await t.app.inject({
          method: 'GET',
          url: `/api/v1/me/appeals/${id}/files/${certificate.id ?? certificate.fileId}`,
          headers: ivanov,
        });
        expect(pdf.headers['content-type']).toBe('application/pdf');
        continue;
      }
      expect(decided.status).toBe(verdict);
      const answer = await upload(orgKey, '/api/v1/org/appeals/files');
      const done = await move(id, { status: 'done', message: 'Перерасчёт выполнен', fileIds: [answer] });
      expect(done.json().status).toBe('done');

      const mine = (await t.app.inject({ method: 'GET', url: `/api/v1/me/appeals/${id}`, headers: ivanov })).json();
      expect(mine.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
        'submitted',
        'in_review',
        'returned',
        'submitted',
        'in_review',
        verdict,
        'done',
      ]);
      expect(
        mine.files.some(
          (f: { kind: string; authorSide: string }) => f.kind === 'answer' && f.authorSide === 'organisation',
        ),
      ).toBe(true);
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/v1/me/appeals/${id}/files/${answer}`,
        headers: ivanov,
      });
      expect(file.headers['content-type']).toBe('application/pdf');
    }
  });

  it('closes the old owner’s link when an ownership change is accepted', async () => {
    const { rows } = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM account_links WHERE account_id = $1 AND revoked_at IS NULL`,
      [SOLD_FLAT],
    );
    expect(rows[0].n).toBe(0);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/tickets?scope=own', headers: ivanov });
    expect(res.statusCode).toBe(200);
    const audit = await t.deps.db.query(
      `SELECT details FROM audit_log WHERE action = 'account_link.closed' AND object_id = $1`,
      [SOLD_FLAT],
    );
    expect(audit.rows[0].details.personId).toBe(DEMO.citizen.personId);
  });

  it('refuses bad forms with field paths', async () => {
    const all = await forms();
    const wrongBik = await submit({ ...all.overpayment_refund, recipient: { ...refundRecipient, bik: '044525226' } });
    expect(wrongBik.statusCode).toBe(400);
    expect(wrongBik.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.recipient.settlementAccount']);
    const badInn = await submit({ ...all.overpayment_refund, recipient: { ...refundRecipient, inn: '500100732258' } });
    expect(badInn.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.recipient.inn']);
    expect(
      (await submit({ ...all.overpayment_refund, recipient: { ...refundRecipient, inn: '500100732259' } })).statusCode,
    ).toBe(201);
    const notBik = await submit({ ...all.overpayment_refund, recipient: { ...refundRecipient, bik: '123456789' } });
    expect(notBik.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.recipient.bik']);
    const { personalDataConsent: _, ...noConsent } = all.debt_certificate!;
    const consentless = await submit(noConsent);
    expect(consentless.statusCode).toBe(400);
    expect(consentless.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.personalDataConsent']);
    const badPassport = await submit({
      ...all.owner_change,
      newOwner: {
        lastName: 'Сидоров',
        firstName: 'Пётр',
        passport: { ...passport, series: '45 06', divisionCode: '772045' },
      },
      attachments: [],
    });
    expect(
      badPassport
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.attachments', 'body.newOwner.passport.divisionCode', 'body.newOwner.passport.series']);
    const badSnils = await submit({ ...all.benefits, snils: '11223344596', category: 'other' });
    expect(
      badSnils
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.categoryOther', 'body.snils']);
    const future = await submit({ ...all.debt_certificate, asOf: '2999-01-01' });
    expect(future.json().errors[0].path).toBe('body.asOf');
    const open = await submit({ ...all.overpayment_refund, accountId: acc });
    expect(open.statusCode).toBe(422);
    expect(open.json().code).toBe('account_not_closed');
    const foreignFile = await upload(petrova);
    const stolen = await submit({ ...all.meter_event, attachments: [{ fileId: foreignFile, kind: 'meter_act' }] });
    expect(stolen.json().errors[0].path).toBe('body.attachments.0.fileId');
    const neighbours = await submit(all.debt_certificate, petrova);
    expect(neighbours.statusCode).toBe(404);
    const { rows } = await t.deps.db.query(`SELECT count(*)::int AS n FROM appeals WHERE person_id = $1`, [
      DEMO.neighbour.personId,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('keeps the form encrypted and lets only the author, the right staff and operators read it, auditing each read', async () => {
    const all = await forms();
    const benefits = (await submit(all.benefits)).json();
    const scan = (all.benefits!.attachments as { fileId: string }[])[0]!.fileId;
    const complaint = (await submit(all.complaint)).json();
    const { rows } = await t.deps.db.query(`SELECT form_enc FROM appeals WHERE id = $1`, [benefits.id]);
    expect(rows[0].form_enc).not.toContain(DEMO.citizen.snils);
    expect(JSON.parse(createFieldCipher(t.deps.config.encryptionKeys).decrypt(rows[0].form_enc)).snils).toBe(
      DEMO.citizen.snils,
    );

    const before = await t.deps.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'appeal.personal_data.read' AND object_id = $1`,
      [benefits.id],
    );
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/me/appeals/${benefits.id}`, headers: ivanov })).json().form
        .snils,
    ).toBe(DEMO.citizen.snils);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/org/appeals/${benefits.id}`, headers: orgKey })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/operator/appeals/${benefits.id}`, headers: operator }))
        .statusCode,
    ).toBe(200);
    const after = await t.deps.db.query(
      `SELECT actor_type, actor_id, details->>'reader' AS reader FROM audit_log WHERE action = 'appeal.personal_data.read' AND object_id = $1 ORDER BY id`,
      [benefits.id],
    );
    expect(after.rows.slice(before.rows[0].n).map((r) => r.reader)).toEqual(['resident', 'organisation', 'operator']);

    // another resident, staff of another organisation, a dispatcher for a money matter, no session
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/me/appeals/${benefits.id}`, headers: petrova })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/org/appeals/${benefits.id}`, headers: foreignStaff }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/org/appeals/${benefits.id}/files/${scan}`,
          headers: foreignStaff,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/me/appeals/${benefits.id}/files/${scan}`, headers: petrova }))
        .statusCode,
    ).toBe(404);
    expect((await move(benefits.id, { status: 'in_review' }, foreignStaff)).statusCode).toBe(404);
    const wrongRole = await t.app.inject({
      method: 'GET',
      url: `/api/v1/org/appeals/${benefits.id}`,
      headers: dispatcher,
    });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().code).toBe('appeal_role_missing');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/org/appeals/${complaint.id}`, headers: dispatcher }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/operator/appeals/${benefits.id}`, headers: ivanov }))
        .statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/me/appeals/${benefits.id}` })).statusCode).toBe(401);
    const dispatcherList = (
      await t.app.inject({ method: 'GET', url: '/api/v1/org/appeals', headers: dispatcher })
    ).json().items;
    expect(dispatcherList.length).toBeGreaterThan(0);
    expect(dispatcherList.every((a: { type: string }) => a.type === 'complaint')).toBe(true);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/org/appeals', headers: foreignStaff })).json().items,
    ).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/appeals', headers: petrova })).json().items).toEqual(
      [],
    );
  });

  it('answers a debt certificate from billing when the port is wired', async () => {
    const created = (await submit((await forms()).debt_certificate)).json();
    await move(created.id, { status: 'in_review' });
    const issued: unknown[] = [];
    const ports = {
      cipher: createFieldCipher(t.deps.config.encryptionKeys),
      notifier: t.deps.notifier,
      files: t.deps.files,
      debtCertificates: {
        issue: async (input: unknown) => {
          issued.push(input);
          return { filename: 'spravka.pdf', contentType: 'application/pdf', data: PDF };
        },
      },
    };
    const reader = {
      kind: 'organisation' as const,
      actor: { organisationId: DEMO.organisationId, actorType: 'api_client' as const, actorId: 'test' },
      permissions: null,
    };
    const result = await withTransaction(t.deps.db, (tx) =>
      transitionAppeal(tx, ports, reader, created.id, { status: 'accepted', fileIds: [] }),
    );
    expect(result.status).toBe('done');
    expect(issued).toEqual([
      { organisationId: DEMO.organisationId, accountId: DEMO.accounts.citizenFlat12, asOf: '2025-11-01' },
    ]);
    const mine = (
      await t.app.inject({ method: 'GET', url: `/api/v1/me/appeals/${created.id}`, headers: ivanov })
    ).json();
    expect(mine.files).toContainEqual(
      expect.objectContaining({ kind: 'debt_certificate', authorSide: 'system', filename: 'spravka.pdf' }),
    );
  });

  it('tells the resident about status changes by email (sandbox outbox)', async () => {
    // Every change queued a mail.send job on its transaction; the first ones are delivered by now or soon.
    const queued = await t.deps.db.query(
      `SELECT data->>'subject' AS subject FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = 'ivanov@example.ru'`,
    );
    const subjects = queued.rows.map((r) => r.subject as string);
    for (const status of [
      'подано',
      'на рассмотрении',
      'возвращено на доработку',
      'принято',
      'отклонено',
      'исполнено',
    ]) {
      expect(
        subjects.some((s) => s.endsWith(`: ${status}`)),
        status,
      ).toBe(true);
    }
    let mail: { subject: string; text: string }[] = [];
    for (let i = 0; i < 60 && !mail.some((m) => m.subject.endsWith('возвращено на доработку')); i++) {
      await new Promise((r) => setTimeout(r, 250));
      mail = (await t.app.inject({ method: 'GET', url: '/sandbox/mail?to=ivanov@example.ru' })).json();
    }
    const returned = mail.find((m) => m.subject.endsWith('возвращено на доработку'));
    expect(returned?.text).toContain('Уточните данные');
  });
});
