import type { SqlExecutor } from '../../../contracts/ports.js';
import { normaliseInvitationCode } from '../../accounts/rules.js';
import { sha256hex } from '../../identity/tokens.js';
import { DEMO } from './core.js';

export const DEMO_ACCOUNTS = {
  /** Not linked to anyone: link it with house "Профсоюзная 43 к1", number 100014 and surname Соколова. */
  unlinkedFlat14: '00000000-0000-4000-8000-000000000304',
  /** Иванов's invitation to account 100012 as a co-owner; accept it with this code. */
  invitationId: '00000000-0000-4000-8000-000000000401',
  invitationCode: 'DEMO-INVI-TE26',
  linkRequestId: '00000000-0000-4000-8000-000000000402',
  residentChangeId: '00000000-0000-4000-8000-000000000403',
};

/**
 * Accounts in the demo: contacts on file for one-time codes, an unlinked account to link, a pending
 * invitation, a link request waiting for the organisation and a change of registered residents.
 */
export async function seedAccounts(db: SqlExecutor) {
  await db.query(
    `UPDATE accounts SET contact_email = v.email FROM (VALUES ($1::uuid, 'ivanov@example.ru'), ($2::uuid, 'petrova@example.ru')) v(id, email)
      WHERE accounts.id = v.id AND accounts.contact_email IS NULL`,
    [DEMO.accounts.citizenFlat12, DEMO.accounts.neighbourFlat13],
  );
  await db.query(
    `INSERT INTO accounts (id, organisation_id, house_id, premise_id, number, unified_number, service_id, contact_email)
     SELECT $1, $2, $3, p.id, '100014', '75DA533317', '75DA533317-01', 'sokolova@example.ru'
       FROM premises p WHERE p.house_id = $3 AND p.number = '14'
     ON CONFLICT (id) DO NOTHING`,
    [DEMO_ACCOUNTS.unlinkedFlat14, DEMO.organisationId, DEMO.houses.moscow],
  );
  await db.query(
    `INSERT INTO account_owners (account_id, last_name, first_name, middle_name, share_numerator, share_denominator)
     SELECT $1, 'Соколова', 'Алёна', 'Петровна', 1, 1 WHERE NOT EXISTS (SELECT 1 FROM account_owners WHERE account_id = $1)`,
    [DEMO_ACCOUNTS.unlinkedFlat14],
  );
  await db.query(
    `INSERT INTO account_invitations (id, account_id, role, code_hash, note, created_by, expires_at)
     VALUES ($1, $2, 'co_owner', $3, 'для супруги', $4, now() + interval '365 days')
     ON CONFLICT (id) DO NOTHING`,
    [
      DEMO_ACCOUNTS.invitationId,
      DEMO.accounts.citizenFlat12,
      sha256hex(normaliseInvitationCode(DEMO_ACCOUNTS.invitationCode)),
      DEMO.citizen.personId,
    ],
  );
  await db.query(
    `INSERT INTO account_link_requests (id, person_id, house_id, account_id, identifier_kind, identifier, method, expires_at, comment)
     VALUES ($1, $2, $3, $4, 'number', '100014', 'organisation', now() + interval '365 days', 'Снимаю квартиру 14, прошу доступ')
     ON CONFLICT (id) DO NOTHING`,
    [DEMO_ACCOUNTS.linkRequestId, DEMO.neighbour.personId, DEMO.houses.moscow, DEMO_ACCOUNTS.unlinkedFlat14],
  );
  await db.query(
    `INSERT INTO resident_count_changes (id, account_id, count, reason, source, requested_by)
     VALUES ($1, $2, 2, 'Зарегистрирован супруг', 'resident', $3)
     ON CONFLICT (id) DO NOTHING`,
    [DEMO_ACCOUNTS.residentChangeId, DEMO.accounts.neighbourFlat13, DEMO.neighbour.personId],
  );
}
