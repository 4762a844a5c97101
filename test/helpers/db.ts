import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, inject } from 'vitest';
import { createPool, databaseName } from '../../src/db/pool.js';
import { withDatabase } from '../global-setup.js';

export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

// Set when a test of this file fails (each test file loads this module afresh), so that drop() keeps the
// file's database as evidence on an external server.
let failed = false;
afterEach(({ task }) => {
  if (task.result?.state === 'fail') failed = true;
});

/** A fresh database for one test file, cloned from the migrated template. */
export async function createTestDatabase(label = 'db'): Promise<TestDatabase> {
  const name = `domhub_test_${label
    .replace(/[^a-z0-9_]/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  if (!name.includes('test')) throw new Error('test databases must be named for tests');
  const adminUrl = inject('adminUrl');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // CREATE DATABASE … TEMPLATE fails while another session is connected to the template; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
        break;
      } catch (err) {
        if (attempt > 50 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  if (!databaseName(url).includes('test')) throw new Error('refusing a database not named for tests');
  const pool = createPool(url, 10);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      if (failed && inject('keepFailedDatabases')) {
        console.warn(`kept database ${name} of a failed test for inspection (DROP DATABASE ${name} when done)`);
        return;
      }
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await c.end();
    },
  };
}
