import type pg from 'pg';
import { withTransaction } from '../../db/pool.js';
import type { FieldCipher } from '../../identity/crypto.js';
import { insertApiKey } from '../../identity/api-clients.repo.js';
import { DEMO, seedCore } from './core.js';
import { seedGisSync } from './gis.js';

export { DEMO };

/**
 * Loads the demo data in one transaction; every step is idempotent, so it runs at each sandbox start.
 * Modules append their own step here (meters, charges, a meeting…).
 */
export async function seedDemoData(pool: pg.Pool, cipher: FieldCipher, options: { orgApiKey?: string } = {}) {
  await withTransaction(pool, async (tx) => {
    // Serialise concurrent starts: two processes seeding at once would both pass the NOT EXISTS checks.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('domhub.demo-seed'))`);
    await seedCore(tx, cipher);
    await seedGisSync(tx);
    if (options.orgApiKey) {
      await insertApiKey(tx, {
        organisationId: DEMO.organisationId,
        name: 'sandbox key (SANDBOX_ORG_API_KEY)',
        scopes: ALL_ORG_SCOPES,
        plainKey: options.orgApiKey,
      });
    }
  });
}

export const ALL_ORG_SCOPES = [
  'registry:read', 'registry:write', 'accounts:read', 'accounts:write', 'meters:read', 'meters:write',
  'readings:read', 'readings:write', 'charges:read', 'charges:write', 'payments:read', 'sync:read', 'sync:write',
  'meetings:read', 'meetings:write', 'tickets:read', 'tickets:write', 'news:write', 'audit:read',
];
