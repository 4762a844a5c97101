import type pg from 'pg';
import { withTransaction } from '../../db/pool.js';
import type { FieldCipher } from '../../identity/crypto.js';
import { insertApiKey } from '../../identity/api-clients.repo.js';
import { DEMO, seedCore } from './core.js';
import { seedAccounts } from './accounts.js';
import { seedRegistry } from './registry.js';
import { PERMISSIONS } from '../../../contracts/permissions.js';
import { seedBilling } from './billing.js';
import { seedServiceRequests } from './service-requests.js';
import { seedDesk } from './desk.js';
import { seedMeetings } from './meetings.js';
import { seedMetering } from './metering.js';
import { seedGisSync } from './gis.js';
import { seedGisServices } from './gis-services.js';
import { seedConsoleShowcase } from './console.js';
import { seedTeamShowcase } from './team.js';
import { seedLocalSignIn } from './local-sign-in.js';

export { DEMO };

/**
 * Loads the demo data in one transaction; every step is idempotent, so it runs at each sandbox start.
 * Modules append their own step here (meters, charges, a meeting…).
 */
export async function seedDemoData(
  pool: pg.Pool,
  cipher: FieldCipher,
  options: { orgApiKey?: string; consoleShowcase?: boolean } = {},
) {
  await withTransaction(pool, async (tx) => {
    // Serialise concurrent starts: two processes seeding at once would both pass the NOT EXISTS checks.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('domhub.demo-seed'))`);
    await seedCore(tx, cipher);
    await seedRegistry(tx);
    await seedAccounts(tx);
    // Before the meetings: flat 15's owner on an account keeps the generated register owner out of it.
    await seedLocalSignIn(tx);
    await seedMetering(tx);
    await seedBilling(tx);
    await seedServiceRequests(tx, cipher);
    await seedDesk(tx, cipher);
    await seedMeetings(tx, cipher);
    await seedGisSync(tx, cipher);
    await seedGisServices(tx);
    if (options.consoleShowcase) {
      await seedConsoleShowcase(tx);
      await seedTeamShowcase(tx);
    }
    if (options.orgApiKey) {
      await insertApiKey(tx, {
        organisationId: DEMO.organisationId,
        name: 'sandbox key (SANDBOX_ORG_API_KEY)',
        permissions: [...PERMISSIONS],
        plainKey: options.orgApiKey,
      });
    }
  });
}
