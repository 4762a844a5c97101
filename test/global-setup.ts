import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { createBoss } from '../src/db/queue.js';
import { databaseName } from '../src/db/pool.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
    keepFailedDatabases: boolean;
  }
}

/**
 * One PostgreSQL per run: TEST_DATABASE_URL when set (its database name must contain "test"),
 * otherwise an embedded server in a temporary directory. A migrated template database (with the
 * pg-boss schema installed) is cloned by each test file, which is far faster than migrating each.
 * On an external server the database of a test file with a failed test is kept as evidence (its name is
 * logged; test/helpers/db.ts); the embedded server goes away with its directory at the end of the run.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    if (!databaseName(adminUrl).includes('test')) {
      throw new Error(`Refusing TEST_DATABASE_URL whose database name lacks "test": ${databaseName(adminUrl)}`);
    }
    const probe = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    await probe.connect().catch((err) => {
      throw new Error(
        `TEST_DATABASE_URL does not answer (${err.message}). Start that server, or unset TEST_DATABASE_URL to use an embedded PostgreSQL.`,
      );
    });
    await probe.end();
  } else {
    dir = await mkdtemp(path.join(os.tmpdir(), 'domhub-test-pg-'));
    embedded = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), database: 'domhub_test' });
    adminUrl = embedded.url;
  }

  const templateDatabase = `domhub_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  const templateUrl = withDatabase(adminUrl, templateDatabase);
  await migrate(templateUrl);
  const boss = createBoss(templateUrl, { schedule: false, supervise: false });
  await boss.start();
  await boss.stop({ graceful: false, close: true });

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('keepFailedDatabases', !embedded);

  return async () => {
    // The template goes; databases kept by failed test files stay on an external server (see above).
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await embedded?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
