import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../../../contracts/ports.js';
import { appealForm } from '../../appeals/forms.js';
import type { FieldCipher } from '../../identity/crypto.js';
import { DEMO } from './core.js';

// Fixed ids, so the seed is idempotent and the demo objects can be named in docs.
export const DEMO_SERVICE = {
  tickets: {
    ownLeak: '00000000-0000-4000-8000-000000000901',
    houseElevator: '00000000-0000-4000-8000-000000000902',
    ownDone: '00000000-0000-4000-8000-000000000903',
    neighbourRated: '00000000-0000-4000-8000-000000000904',
    overdueHeating: '00000000-0000-4000-8000-000000000905',
    rejectedFacade: '00000000-0000-4000-8000-000000000906',
  },
  appealReturned: '00000000-0000-4000-8000-000000000911',
  appealScan: '00000000-0000-4000-8000-000000000912',
  news: {
    outage: '00000000-0000-4000-8000-000000000921',
    common: '00000000-0000-4000-8000-000000000922',
  },
} as const;

const SCAN = Buffer.from('%PDF-1.4\n% Удостоверение ветерана труда (демо)\n%%EOF\n');

/** Requests (own and house-wide), an appeal returned for rework, and news with an active outage in Moscow. */
export async function seedServiceRequests(db: SqlExecutor, cipher: FieldCipher) {
  const T = DEMO_SERVICE.tickets;
  await db.query(
    `INSERT INTO tickets (id, organisation_id, house_id, account_id, author_person_id, visibility, category, emergency, text,
                          contact_phone_enc, status, assignee, deadline, resolution, closed_at, created_at)
     VALUES ($1, $4, $5, $6, $7, 'own', 'plumbing', true, 'Течёт стояк горячей воды в ванной, капает к соседям снизу',
             $9, 'in_progress', 'Аварийная служба, бригада № 2', now() + interval '1 day', NULL, NULL, now() - interval '3 hours'),
            ($2, $4, $5, $8, $10, 'house', 'elevator', false, 'Во втором подъезде лифт останавливается между этажами',
             $11, 'new', NULL, NULL, NULL, NULL, now() - interval '1 day'),
            ($3, $4, $5, $6, $7, 'own', 'electricity', false, 'Не горит свет на лестничной площадке 3 этажа',
             $9, 'done', 'Электрик Кузнецов', NULL, 'Заменены лампы и датчик движения', now() - interval '2 days', now() - interval '5 days')
     ON CONFLICT (id) DO NOTHING`,
    [
      T.ownLeak,
      T.houseElevator,
      T.ownDone,
      DEMO.organisationId,
      DEMO.houses.moscow,
      DEMO.accounts.citizenFlat12,
      DEMO.citizen.personId,
      DEMO.accounts.neighbourFlat13,
      cipher.encrypt('+79001234567'),
      DEMO.neighbour.personId,
      cipher.encrypt('+79007654321'),
    ],
  );
  // Петрова's done request, rated: the organisation's average per category has a figure; Иванов's done one
  // (ownDone) is left unrated for the demo of rating in the cabinet.
  await db.query(
    `INSERT INTO tickets (id, organisation_id, house_id, account_id, author_person_id, visibility, category, emergency, text,
                          contact_phone_enc, status, assignee, resolution, closed_at, rating, rating_comment, rated_at, created_at)
     VALUES ($1, $2, $3, $4, $5, 'own', 'plumbing', false, 'Подтекает смеситель на кухне', $6, 'done', 'Сантехник Петров',
             'Заменён картридж смесителя', now() - interval '6 days', 5, 'Пришли вовремя, всё аккуратно', now() - interval '5 days',
             now() - interval '8 days')
     ON CONFLICT (id) DO NOTHING`,
    [
      T.neighbourRated,
      DEMO.organisationId,
      DEMO.houses.moscow,
      DEMO.accounts.neighbourFlat13,
      DEMO.neighbour.personId,
      cipher.encrypt('+79007654321'),
    ],
  );
  // The console's board shows every state: an overdue one in progress and a rejected one besides the above.
  await db.query(
    `INSERT INTO tickets (id, organisation_id, house_id, account_id, author_person_id, visibility, category, emergency, text,
                          contact_phone_enc, status, assignee, deadline, resolution, closed_at, created_at)
     VALUES ($1, $3, $4, $5, $6, 'own', 'heating', false, 'В комнате холодные батареи, стояк едва тёплый', $7, 'in_progress',
             'Слесарь Николаев', now() - interval '1 day', NULL, NULL, now() - interval '6 days'),
            ($2, $3, $4, $5, $6, 'own', 'facade', false, 'Прошу покрасить балкон снаружи', $7, 'rejected', NULL, NULL,
             'Балкон — часть квартиры: его наружную отделку собственник делает сам', now() - interval '3 days', now() - interval '4 days')
     ON CONFLICT (id) DO NOTHING`,
    [
      T.overdueHeating,
      T.rejectedFacade,
      DEMO.organisationId,
      DEMO.houses.moscow,
      DEMO.accounts.citizenFlat12,
      DEMO.citizen.personId,
      cipher.encrypt('+79001234567'),
    ],
  );
  await db.query(
    `INSERT INTO ticket_events (ticket_id, kind, from_status, to_status, body, author_side, actor_id)
     SELECT v.t::uuid, v.kind, v.f, v.s, v.body, v.side, v.actor FROM (VALUES
       ($1, 'status', NULL, 'new', NULL, 'resident', $3),
       ($1, 'status', 'new', 'in_progress', 'Передано слесарю', 'organisation', $4),
       ($2, 'status', NULL, 'new', NULL, 'resident', $3),
       ($2, 'status', 'new', 'rejected', 'Балкон — часть квартиры: его наружную отделку собственник делает сам', 'organisation', $4)
     ) v(t, kind, f, s, body, side, actor)
     WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = v.t::uuid)`,
    [T.overdueHeating, T.rejectedFacade, DEMO.citizen.personId, DEMO.staff.personId],
  );
  await db.query(
    `INSERT INTO ticket_events (ticket_id, kind, from_status, to_status, body, author_side, actor_id)
     SELECT v.t::uuid, v.kind, v.f, v.s, v.body, v.side, v.actor FROM (VALUES
       ($1, 'status', NULL, 'new', NULL, 'resident', $4),
       ($1, 'status', 'new', 'in_progress', 'Бригада выехала', 'organisation', $5),
       ($2, 'status', NULL, 'new', NULL, 'resident', $6),
       ($3, 'status', NULL, 'new', NULL, 'resident', $4),
       ($3, 'status', 'new', 'in_progress', NULL, 'organisation', $5),
       ($3, 'status', 'in_progress', 'done', 'Заменены лампы и датчик движения', 'organisation', $5),
       ($7, 'status', NULL, 'new', NULL, 'resident', $6),
       ($7, 'status', 'new', 'done', 'Заменён картридж смесителя', 'organisation', $5)
     ) v(t, kind, f, s, body, side, actor)
     WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = v.t::uuid)`,
    [
      T.ownLeak,
      T.houseElevator,
      T.ownDone,
      DEMO.citizen.personId,
      DEMO.staff.personId,
      DEMO.neighbour.personId,
      T.neighbourRated,
    ],
  );

  await db.query(
    `INSERT INTO files (id, filename, content_type, size, sha256, data, created_by) VALUES ($1, 'udostoverenie.pdf', 'application/pdf', $2, $3, $4, $5)
     ON CONFLICT (id) DO NOTHING`,
    [
      DEMO_SERVICE.appealScan,
      SCAN.length,
      createHash('sha256').update(SCAN).digest('hex'),
      SCAN,
      DEMO.citizen.personId,
    ],
  );
  // Parsed through the real schema, so the demo form is always one the API would accept.
  const form = appealForm.parse({
    type: 'benefits',
    accountId: DEMO.accounts.citizenFlat12,
    category: 'labour_veteran',
    snils: DEMO.citizen.snils,
    documentTitle: 'Удостоверение ветерана труда',
    documentNumber: 'Т-0412345',
    validFrom: '2021-03-01',
    attachments: [{ fileId: DEMO_SERVICE.appealScan, kind: 'benefit_document' }],
    personalDataConsent: true,
  });
  const inserted = await db.query(
    `INSERT INTO appeals (id, type, organisation_id, person_id, account_id, house_id, status, form_enc, consent_at, submitted_at)
     VALUES ($1, 'benefits', $2, $3, $4, $5, 'returned', $6, now() - interval '3 days', now() - interval '3 days')
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      DEMO_SERVICE.appealReturned,
      DEMO.organisationId,
      DEMO.citizen.personId,
      DEMO.accounts.citizenFlat12,
      DEMO.houses.moscow,
      cipher.encrypt(JSON.stringify(form)),
    ],
  );
  if (inserted.rowCount) {
    await db.query(
      `INSERT INTO appeal_files (appeal_id, file_id, kind, author_side) VALUES ($1, $2, 'benefit_document', 'resident')`,
      [DEMO_SERVICE.appealReturned, DEMO_SERVICE.appealScan],
    );
    await db.query(
      `INSERT INTO appeal_events (appeal_id, from_status, to_status, message, author_side, actor_id) VALUES
         ($1, NULL, 'submitted', NULL, 'resident', $2),
         ($1, 'submitted', 'in_review', NULL, 'organisation', $3),
         ($1, 'in_review', 'returned', 'Приложите копию удостоверения с обеих сторон и укажите срок его действия.', 'organisation', $3)`,
      [DEMO_SERVICE.appealReturned, DEMO.citizen.personId, DEMO.staff.personId],
    );
  }

  // The outage stays active at every sandbox start: its window moves with the clock.
  await db.query(
    `INSERT INTO news (id, organisation_id, kind, title, body, house_ids, publish_at, expires_at, created_by)
     VALUES ($1, $3, 'emergency', 'Отключение горячей воды',
             'В связи с аварией на теплотрассе горячая вода в доме отключена. Аварийная бригада работает, ориентировочное время восстановления — 48 часов.',
             ARRAY[$4::uuid], now() - interval '1 hour', now() + interval '2 days', $5),
            ($2, $3, 'common', 'Плановая уборка придомовой территории',
             'В субботу проводится субботник. Приглашаем жителей принять участие, инвентарь выдаёт управляющая организация.',
             ARRAY[$4::uuid, $6::uuid], now() - interval '1 day', NULL, $5)
     ON CONFLICT (id) DO UPDATE SET publish_at = EXCLUDED.publish_at, expires_at = EXCLUDED.expires_at WHERE news.kind = 'emergency'`,
    [
      DEMO_SERVICE.news.outage,
      DEMO_SERVICE.news.common,
      DEMO.organisationId,
      DEMO.houses.moscow,
      DEMO.staff.personId,
      DEMO.houses.vladivostok,
    ],
  );
}
