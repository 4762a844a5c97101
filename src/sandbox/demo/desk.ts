import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { SqlExecutor } from '../../../contracts/ports.js';
import { appealForm } from '../../appeals/forms.js';
import { addDays, localDate } from '../../calendar.js';
import type { FieldCipher } from '../../identity/crypto.js';
import { createPdf, pdfToBuffer } from '../../pdf/document.js';
import { DEMO } from './core.js';
import { DEMO_LOCAL } from './local-sign-in.js';

// What the staff console's desk screens (appeals, approvals, notices) show after `npm start`: appeals
// waiting in each state (one overdue), a meter registration with a PDF passport and a photo, a
// scheduled, an ended and a withdrawn notice (the live ones come from service-requests.ts). The link request and the resident change come from accounts.ts.
// The appeals and the registration are Орлова's (flat 15, DEMO_LOCAL), so the other demo residents'
// lists stay as the cabinet's tests know them.
export const DEMO_DESK = {
  appeals: {
    complaint: '00000000-0000-4000-8000-000000000931',
    debtOverdue: '00000000-0000-4000-8000-000000000932',
    quality: '00000000-0000-4000-8000-000000000933',
    // decided and closed ones, so the console's queue shows every state (accepted, rejected, done)
    meterAccepted: '00000000-0000-4000-8000-000000000934',
    discountRejected: '00000000-0000-4000-8000-000000000935',
    readingsDone: '00000000-0000-4000-8000-000000000936',
  },
  files: {
    complaintPhoto: '00000000-0000-4000-8000-000000000941',
    meterPassport: '00000000-0000-4000-8000-000000000942',
    meterPhoto: '00000000-0000-4000-8000-000000000943',
    meterAct: '00000000-0000-4000-8000-000000000944',
    readingsPhoto: '00000000-0000-4000-8000-000000000945',
    recalculation: '00000000-0000-4000-8000-000000000946',
  },
  meterRegistration: '00000000-0000-4000-8000-000000000951',
  news: {
    scheduled: '00000000-0000-4000-8000-000000000961',
    withdrawn: '00000000-0000-4000-8000-000000000962',
    ended: '00000000-0000-4000-8000-000000000963',
  },
} as const;

/** A small PNG (a meter's face: a dark counter window with lighter digit cells on grey), built without a library. */
export function demoPng(width = 240, height = 160): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const inWindow = x > 30 && x < 210 && y > 55 && y < 105;
      const cell = inWindow && (x - 30) % 30 > 4 && (x - 30) % 30 < 26 && y > 62 && y < 98;
      const [r, g, b] = cell ? [235, 235, 225] : inWindow ? [30, 30, 40] : [150 + (y >> 3), 160, 170];
      raw.set([r, g, b], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page demo document: a heading and its lines. */
async function demoPdf(title: string, lines: string[]): Promise<Buffer> {
  const doc = await createPdf({ title });
  doc.font('bold').fontSize(16).text(title, { align: 'center' });
  doc.moveDown().font('regular').fontSize(11);
  for (const line of lines) doc.text(line);
  doc.moveDown().text('Демонстрационный документ domhub.');
  return pdfToBuffer(doc);
}

const meterPassportPdf = () =>
  demoPdf('Паспорт счётчика горячей воды СВК-15Г', [
    'Заводской номер: ГВ-2026-118420',
    'Дата выпуска: 12.10.2026',
    'Дата первичной поверки: 14.10.2026',
    'Межповерочный интервал: 6 лет',
    'Класс точности: B',
  ]);

async function putFile(db: SqlExecutor, id: string, filename: string, contentType: string, data: Buffer, by: string) {
  await db.query(
    `INSERT INTO files (id, filename, content_type, size, sha256, data, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO NOTHING`,
    [id, filename, contentType, data.length, createHash('sha256').update(data).digest('hex'), data, by],
  );
}

export async function seedDesk(db: SqlExecutor, cipher: FieldCipher) {
  const today = localDate(new Date(), 'Europe/Moscow');
  const { files, appeals } = DEMO_DESK;
  const orlova = DEMO_LOCAL.personId;
  const flat15 = DEMO_LOCAL.accountId;
  const exists = await db.query(`SELECT 1 FROM appeals WHERE id = $1`, [appeals.complaint]);
  if (!exists.rowCount) {
    await putFile(db, files.complaintPhoto, 'musor-u-podezda.png', 'image/png', demoPng(), orlova);
    // Parsed through the real schemas, so the demo forms are ones the API would accept.
    const forms = [
      {
        id: appeals.complaint,
        personId: orlova,
        accountId: null,
        ageDays: 2,
        status: 'submitted',
        form: appealForm.parse({
          type: 'complaint',
          houseId: DEMO.houses.moscow,
          topic: 'cleaning',
          text: 'Третий день не вывозят мусор у второго подъезда, контейнеры переполнены. Прошу принять меры.',
          attachments: [{ fileId: files.complaintPhoto, kind: 'evidence' }],
          personalDataConsent: true,
        }),
      },
      {
        id: appeals.debtOverdue,
        personId: orlova,
        accountId: flat15,
        ageDays: 20,
        status: 'in_review',
        form: appealForm.parse({
          type: 'debt_certificate',
          accountId: flat15,
          asOf: addDays(today, -21),
          comment: 'Справка нужна для сделки с квартирой.',
          personalDataConsent: true,
        }),
      },
      {
        id: appeals.quality,
        personId: orlova,
        accountId: flat15,
        ageDays: 0,
        status: 'submitted',
        form: appealForm.parse({
          type: 'service_quality',
          accountId: flat15,
          service: 'waste_collection',
          periodFrom: addDays(today, -14),
          periodTo: addDays(today, -1),
          description: 'Мусор вывозили через день вместо ежедневного вывоза по договору.',
          personalDataConsent: true,
        }),
      },
    ];
    for (const a of forms) {
      await db.query(
        `INSERT INTO appeals (id, type, organisation_id, person_id, account_id, house_id, status, form_enc, consent_at,
                              submitted_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9), now() - make_interval(days => $9),
                 now() - make_interval(days => $9), now() - make_interval(days => $9))`,
        [
          a.id,
          a.form.type,
          DEMO.organisationId,
          a.personId,
          a.accountId,
          DEMO.houses.moscow,
          a.status,
          cipher.encrypt(JSON.stringify(a.form)),
          a.ageDays,
        ],
      );
      await db.query(
        `INSERT INTO appeal_events (appeal_id, from_status, to_status, author_side, actor_id, created_at)
         VALUES ($1, NULL, 'submitted', 'resident', $2, now() - make_interval(days => $3))`,
        [a.id, a.personId, a.ageDays],
      );
      if (a.status === 'in_review')
        await db.query(
          `INSERT INTO appeal_events (appeal_id, from_status, to_status, author_side, actor_id, created_at)
           VALUES ($1, 'submitted', 'in_review', 'organisation', $2, now() - make_interval(days => $3))`,
          [a.id, DEMO.staff.personId, a.ageDays - 1],
        );
    }
    await db.query(
      `INSERT INTO appeal_files (appeal_id, file_id, kind, author_side) VALUES ($1, $2, 'evidence', 'resident')`,
      [appeals.complaint, files.complaintPhoto],
    );
  }

  await seedDecidedAppeals(db, cipher, today);

  const registered = await db.query(`SELECT 1 FROM meter_registrations WHERE id = $1`, [DEMO_DESK.meterRegistration]);
  if (!registered.rowCount) {
    await putFile(
      db,
      files.meterPassport,
      'pasport-schetchika.pdf',
      'application/pdf',
      await meterPassportPdf(),
      orlova,
    );
    await putFile(db, files.meterPhoto, 'foto-schetchika.png', 'image/png', demoPng(), orlova);
    await db.query(
      `INSERT INTO meter_registrations (id, organisation_id, account_id, kind, resource, serial_number, tariffs, digit_capacity,
                                        installed_on, sealed_on, verified_on, next_verification, initial_t1, comment,
                                        submitted_by, created_at)
       VALUES ($1, $2, $3, 'register', 'hot_water', 'ГВ-2026-118420', 1, 5, $4, $4, '2026-10-14', '2032-10-14', '0.000',
               'Установили новый счётчик горячей воды, прошу ввести в эксплуатацию.', $5, now() - interval '1 day')`,
      [DEMO_DESK.meterRegistration, DEMO.organisationId, flat15, addDays(today, -2), orlova],
    );
    await db.query(
      `INSERT INTO meter_registration_documents (registration_id, kind, file_id) VALUES ($1, 'passport', $2), ($1, 'photo', $3)`,
      [DEMO_DESK.meterRegistration, files.meterPassport, files.meterPhoto],
    );
  }

  // The scheduled notice stays a day ahead at every sandbox start; the withdrawn one ended early; the
  // planned water outage in Vladivostok ran its course last week.
  await db.query(
    `INSERT INTO news (id, organisation_id, kind, title, body, house_ids, publish_at, expires_at, withdrawn_at, created_by)
     VALUES ($1, $3, 'common', 'Промывка системы отопления',
             'В четверг с 9:00 до 17:00 проводится промывка системы отопления. Возможны кратковременные перебои с подачей тепла.',
             ARRAY[$4::uuid], now() + interval '1 day', now() + interval '4 days', NULL, $5),
            ($2, $3, 'emergency', 'Отключение электроэнергии в подъезде 2',
             'Аварийное отключение электроэнергии в подъезде 2. Работы завершены досрочно.',
             ARRAY[$4::uuid], now() - interval '3 days', now() - interval '2 days 20 hours', now() - interval '2 days 20 hours', $5),
            ($6, $3, 'emergency', 'Плановое отключение холодной воды',
             'Холодная вода отключается с 10:00 до 16:00 для замены задвижки на вводе в дом.',
             ARRAY[$7::uuid], now() - interval '8 days', now() - interval '7 days 18 hours', NULL, $5)
     ON CONFLICT (id) DO UPDATE SET publish_at = EXCLUDED.publish_at, expires_at = EXCLUDED.expires_at
      WHERE news.withdrawn_at IS NULL`,
    [
      DEMO_DESK.news.scheduled,
      DEMO_DESK.news.withdrawn,
      DEMO.organisationId,
      DEMO.houses.moscow,
      DEMO.staff.personId,
      DEMO_DESK.news.ended,
      DEMO.houses.vladivostok,
    ],
  );
}

/**
 * Орлова's appeals the organisation already decided: a meter verification accepted, an advance-payment
 * discount rejected, a recalculation by actual readings done with the calculation attached as the answer.
 */
async function seedDecidedAppeals(db: SqlExecutor, cipher: FieldCipher, today: string) {
  const { files, appeals } = DEMO_DESK;
  const orlova = DEMO_LOCAL.personId;
  const flat15 = DEMO_LOCAL.accountId;
  const staff = DEMO.staff.personId;
  const exists = await db.query(`SELECT 1 FROM appeals WHERE id = $1`, [appeals.meterAccepted]);
  if (exists.rowCount) return;
  await putFile(
    db,
    files.meterAct,
    'akt-poverki.pdf',
    'application/pdf',
    await demoPdf('Акт о поверке прибора учёта', [
      'Прибор учёта: счётчик холодной воды, заводской № ХВ-2019-55117',
      `Дата поверки: ${addDays(today, -16)}`,
      'Результат: прибор учёта пригоден к применению',
    ]),
    orlova,
  );
  await putFile(db, files.readingsPhoto, 'foto-pokazaniy.png', 'image/png', demoPng(), orlova);
  await putFile(
    db,
    files.recalculation,
    'pereraschet.pdf',
    'application/pdf',
    await demoPdf('Расчёт перерасчёта по фактическим показаниям', [
      'Лицевой счёт 100015',
      'Горячая вода: начислено по нормативу 6,2 м³, по показаниям 3,4 м³',
      'К уменьшению: 2,8 м³ — 742,00 ₽ в квитанции за следующий месяц',
    ]),
    staff,
  );
  const decided = [
    {
      id: appeals.meterAccepted,
      ageDays: 12,
      form: appealForm.parse({
        type: 'meter_event',
        accountId: flat15,
        event: 'verification',
        eventDate: addDays(today, -16),
        meterSerialNumber: 'ХВ-2019-55117',
        attachments: [{ fileId: files.meterAct, kind: 'meter_act' }],
        personalDataConsent: true,
      }),
      residentFiles: [[files.meterAct, 'meter_act']],
      events: [
        ['submitted', 'in_review', null, 11],
        [
          'in_review',
          'accepted',
          'Поверка учтена: начисления за период без показаний пересчитаем по счётчику в следующей квитанции.',
          9,
        ],
      ],
    },
    {
      id: appeals.discountRejected,
      ageDays: 8,
      form: appealForm.parse({
        type: 'advance_discount',
        accountId: flat15,
        months: 6,
        items: ['maintenance', 'intercom'],
        comment: 'Хочу оплатить полгода вперёд одним платежом.',
        personalDataConsent: true,
      }),
      residentFiles: [],
      events: [
        ['submitted', 'in_review', null, 7],
        [
          'in_review',
          'rejected',
          'Скидка за оплату вперёд действует при оплате не менее чем за 12 месяцев (решение общего собрания от 15.03.2026). Подайте обращение на 12 месяцев, и мы её предоставим.',
          6,
        ],
      ],
    },
    {
      id: appeals.readingsDone,
      ageDays: 26,
      form: appealForm.parse({
        type: 'actual_readings',
        accountId: flat15,
        period: addDays(today, -40).slice(0, 7),
        readings: [{ meterSerialNumber: 'ГВ-2018-40211', value: '312.450' }],
        attachments: [{ fileId: files.readingsPhoto, kind: 'meter_photo' }],
        personalDataConsent: true,
      }),
      residentFiles: [[files.readingsPhoto, 'meter_photo']],
      events: [
        ['submitted', 'in_review', null, 25],
        ['in_review', 'accepted', 'Показания приняты, перерасчёт сделан: расчёт во вложении.', 20],
        ['accepted', 'done', null, 19],
      ],
    },
  ] as const;
  for (const a of decided) {
    const last = a.events.at(-1)!;
    await db.query(
      `INSERT INTO appeals (id, type, organisation_id, person_id, account_id, house_id, status, form_enc, consent_at,
                            submitted_at, created_at, updated_at, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() - make_interval(days => $9), now() - make_interval(days => $9),
               now() - make_interval(days => $9), now() - make_interval(days => $10),
               CASE WHEN $7 = 'done' THEN now() - make_interval(days => $10) END)`,
      [
        a.id,
        a.form.type,
        DEMO.organisationId,
        orlova,
        flat15,
        DEMO.houses.moscow,
        last[1],
        cipher.encrypt(JSON.stringify(a.form)),
        a.ageDays,
        last[3],
      ],
    );
    await db.query(
      `INSERT INTO appeal_events (appeal_id, from_status, to_status, author_side, actor_id, created_at)
       VALUES ($1, NULL, 'submitted', 'resident', $2, now() - make_interval(days => $3))`,
      [a.id, orlova, a.ageDays],
    );
    for (const [from, to, message, daysAgo] of a.events) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO appeal_events (appeal_id, from_status, to_status, message, author_side, actor_id, created_at)
         VALUES ($1, $2, $3, $4, 'organisation', $5, now() - make_interval(days => $6)) RETURNING id`,
        [a.id, from, to, message, staff, daysAgo],
      );
      if (a.id === appeals.readingsDone && to === 'accepted')
        await db.query(
          `INSERT INTO appeal_files (appeal_id, file_id, kind, author_side, event_id) VALUES ($1, $2, 'answer', 'organisation', $3)`,
          [a.id, files.recalculation, rows[0]!.id],
        );
    }
    for (const [fileId, kind] of a.residentFiles)
      await db.query(
        `INSERT INTO appeal_files (appeal_id, file_id, kind, author_side) VALUES ($1, $2, $3, 'resident')`,
        [a.id, fileId, kind],
      );
  }
}
