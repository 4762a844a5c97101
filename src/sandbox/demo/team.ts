import type { SqlExecutor } from '../../../contracts/ports.js';
import { DEMO } from './core.js';

/** Fixed ids of the console's Сотрудники and Ключи API showcase. */
export const DEMO_TEAM = {
  engineerRoleId: '00000000-0000-4000-8000-00000000b001',
  invitationId: '00000000-0000-4000-8000-00000000b101',
  accountingKeyId: '00000000-0000-4000-8000-00000000b201',
  siteKeyId: '00000000-0000-4000-8000-00000000b202',
} as const;

// What the console's Сотрудники and Ключи API screens show in a running sandbox (`npm start`, the e2e
// service) besides the built-in roles of core.ts: a role of the organisation's own, an invitation
// waiting for an engineer limited to the Vladivostok house, a key of the accounting system in use and a
// revoked one of the old site. Nobody knows the invitation's token nor the keys' secrets (random hashes).
export async function seedTeamShowcase(db: SqlExecutor) {
  await db.query(
    `INSERT INTO staff_roles (id, organisation_id, code, name, permissions)
     VALUES ($1, $2, 'custom-engineer', 'Инженер по эксплуатации', '{console.view,tickets.manage,houses.manage}')
     ON CONFLICT DO NOTHING`,
    [DEMO_TEAM.engineerRoleId, DEMO.organisationId],
  );
  await db.query(
    `INSERT INTO staff_invitations (id, organisation_id, email, role_ids, house_ids, token_hash, invited_by, created_at, expires_at)
     VALUES ($1, $2, 'engineer@example.ru', ARRAY[$3::uuid], ARRAY[$4::uuid], encode(gen_random_bytes(32), 'hex'), $5,
             now() - interval '1 day', now() + interval '6 days')
     ON CONFLICT DO NOTHING`,
    [
      DEMO_TEAM.invitationId,
      DEMO.organisationId,
      DEMO_TEAM.engineerRoleId,
      DEMO.houses.vladivostok,
      DEMO.staff.personId,
    ],
  );
  await db.query(
    `INSERT INTO api_clients (id, organisation_id, kind, name, key_prefix, secret_hash, permissions, created_at, last_used_at, revoked_at)
     VALUES ($1, $3, 'api_key', '1С: Бухгалтерия — начисления и лицевые счета', 'demo1cbuh001', encode(gen_random_bytes(32), 'hex'),
             '{console.view,accounts.import,charges.import}', now() - interval '40 days', now() - interval '2 hours', NULL),
            ($2, $3, 'api_key', 'Старый сайт УК', 'demosite0001', encode(gen_random_bytes(32), 'hex'),
             '{console.view}', now() - interval '200 days', now() - interval '35 days', now() - interval '30 days')
     ON CONFLICT DO NOTHING`,
    [DEMO_TEAM.accountingKeyId, DEMO_TEAM.siteKeyId, DEMO.organisationId],
  );
}
