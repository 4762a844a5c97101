import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { withDatabase } from '../global-setup.js';

// A database created empty (not from the template), to run the migrations from scratch.
const name = `domhub_test_migrations_${process.pid}`;
let url: string;
let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject('adminUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  url = withDatabase(inject('adminUrl'), name);
});
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('migrations', () => {
  it('apply once when two processes start together, and a second run changes nothing', async () => {
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    const all = [...a, ...b];
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length); // no migration applied twice
    expect(await migrate(url)).toEqual([]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM schema_migrations`);
    expect(rows[0].n).toBe(all.length);
    await c.end();
  });

  it('keep the audit log append-only', async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`INSERT INTO audit_log (actor_type, action) VALUES ('system', 'test')`);
    await expect(c.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await c.end();
  });
});
