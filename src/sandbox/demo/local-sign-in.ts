import type { SqlExecutor } from '../../../contracts/ports.js';
import { DEMO } from './core.js';

/** A resident who signs in without Gosuslugi: e-mail and password, identity not verified. */
export const DEMO_LOCAL = {
  personId: '00000000-0000-4000-8000-000000000204',
  email: 'orlova@example.ru',
  password: 'Sosna-Veter-2026',
  /** Account 100015 (flat 15 at Профсоюзная 43 к1), owned by Орлова and linked to her. */
  accountId: '00000000-0000-4000-8000-000000000305',
};

// argon2id of DEMO_LOCAL.password, fixed so that seeding costs no hashing at each start.
const PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$WglRYiLnF7FiNH47w/WYCw$+LQYgEm3gQJJOt9DTRO+3cynzsPbrDbgtQ0FrB/mIvg';

export async function seedLocalSignIn(db: SqlExecutor) {
  await db.query(
    `INSERT INTO persons (id, provider, subject, last_name, first_name, middle_name, email, email_verified)
     VALUES ($1, 'local', 'demo-orlova', 'Орлова', 'Анна', 'Сергеевна', $2, true)
     ON CONFLICT (id) DO NOTHING`,
    [DEMO_LOCAL.personId, DEMO_LOCAL.email],
  );
  await db.query(
    `INSERT INTO local_credentials (person_id, email, password_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [DEMO_LOCAL.personId, DEMO_LOCAL.email, PASSWORD_HASH],
  );
  await db.query(
    `INSERT INTO accounts (id, organisation_id, house_id, premise_id, number, unified_number, service_id, contact_email)
     SELECT $1, $2, $3, p.id, '100015', '75DA533318', '75DA533318-01', $4
       FROM premises p WHERE p.house_id = $3 AND p.number = '15'
     ON CONFLICT (id) DO NOTHING`,
    [DEMO_LOCAL.accountId, DEMO.organisationId, DEMO.houses.moscow, DEMO_LOCAL.email],
  );
  await db.query(
    `INSERT INTO account_owners (account_id, last_name, first_name, middle_name, share_numerator, share_denominator, person_id)
     SELECT $1, 'Орлова', 'Анна', 'Сергеевна', 1, 1, $2 WHERE NOT EXISTS (SELECT 1 FROM account_owners WHERE account_id = $1)`,
    [DEMO_LOCAL.accountId, DEMO_LOCAL.personId],
  );
  await db.query(
    `INSERT INTO account_links (account_id, person_id, role)
     SELECT $1, $2, 'owner' WHERE NOT EXISTS (SELECT 1 FROM account_links WHERE account_id = $1 AND person_id = $2 AND revoked_at IS NULL)`,
    [DEMO_LOCAL.accountId, DEMO_LOCAL.personId],
  );
}
