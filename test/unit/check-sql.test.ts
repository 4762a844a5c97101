import { describe, expect, it } from 'vitest';
import { createdBy, findForeign, findSql, moduleOf, relationsOf } from '../../scripts/check-sql.js';
import type { Module } from '../../scripts/table-owners.js';

const kinds = (source: string) => findSql('x.ts', source).map((f) => f.kind);

describe('the SQL-outside-repositories check', () => {
  it('finds statements in string and template literals, with their line', () => {
    const source = [
      "const a = 'SELECT 1';",
      'const b = `INSERT INTO news (title) VALUES ($1)`;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal under test
      'const c = `UPDATE meters SET archived_at = now() WHERE id = ${id}`;',
      "const d = 'DELETE FROM rate_limits WHERE key = $1';",
      'const e = `WITH m AS (SELECT id FROM houses) SELECT * FROM m`;',
      "const f = 'SAVEPOINT row';",
      "const g = 'SET LOCAL enable_seqscan = off';",
      "const h = 'select id from houses where id = $1';",
    ].join('\n');
    expect(kinds(source)).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'TRANSACTION', 'SET', 'SELECT']);
    expect(findSql('x.ts', source).map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('leaves prose, HTTP methods and comments alone', () => {
    const source = [
      '// SELECT * FROM houses FOR UPDATE is how the lock is taken',
      "const a = 'Select a house from the list';",
      "const b = 'DELETE';",
      "const c = 'Update your profile, then set a password';",
      "const d = '-----BEGIN CERTIFICATE-----';",
    ].join('\n');
    expect(kinds(source)).toEqual([]);
  });
});

describe("the other-modules'-tables check", () => {
  const owners: Record<string, Module> = {
    houses: 'registry',
    premises: 'registry',
    news: 'news',
    accounts: 'accounts',
  };
  const published: Record<string, Module> = { registry_houses: 'registry' };
  const foreign = (file: string, source: string) =>
    findForeign(file, source, owners, published).map((f) => `${f.line}:${f.kind}`);

  it('reads the relations a statement names: joins, comma lists, schema public, not CTEs or columns', () => {
    expect(
      relationsOf('SELECT n.id FROM news n JOIN houses AS h ON h.id = n.house_id WHERE h.x IS DISTINCT FROM n.y'),
    ).toEqual(['news', 'houses']);
    expect(relationsOf('SELECT 1 FROM accounts a, public.premises p, unnest($1::uuid[]) x WHERE a.id = p.id')).toEqual([
      'accounts',
      'premises',
    ]);
    expect(relationsOf('WITH houses AS (SELECT 1) SELECT * FROM houses, pgboss.job j')).toEqual([]);
    expect(relationsOf('INSERT INTO news (id) SELECT id FROM houses h LEFT JOIN premises p USING (id)')).toEqual([
      'news',
      'houses',
      'premises',
    ]);
    expect(relationsOf('UPDATE news SET x = 1 FROM accounts WHERE extract(epoch FROM now()) > 0')).toEqual([
      'news',
      'accounts',
    ]);
  });

  it("fails a repository naming another module's table, not its own or a published view", () => {
    const source = [
      "const a = 'SELECT n.id FROM news n WHERE n.id = $1';",
      "const b = 'SELECT n.id FROM news n JOIN houses h ON h.id = n.house_id';",
      "const c = 'SELECT n.id FROM news n JOIN registry_houses h ON h.id = n.house_id';",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template literal under test
      'const d = `SELECT ${cols} FROM news n, accounts a WHERE a.id = n.account_id`;',
    ].join('\n');
    expect(foreign('src/news/news.repo.ts', source)).toEqual(['2:registry.houses', '4:accounts.accounts']);
    expect(foreign('src/registry/houses.repo.ts', "const a = 'SELECT id FROM houses WHERE id = $1';")).toEqual([]);
    expect(moduleOf('src/sync/gis/messages.repo.ts')).toBe('sync');
  });

  it("reads what a migration's up part creates", () => {
    const sql = [
      '-- Up Migration',
      'CREATE UNLOGGED TABLE rate_limits (key text);',
      'CREATE OR REPLACE VIEW registry_houses AS SELECT id FROM houses;',
      'CREATE FUNCTION premise_label(uuid) RETURNS text LANGUAGE sql AS $$ SELECT 1 $$;',
      '-- Down Migration',
      'CREATE TABLE old_thing (id int);',
    ].join('\n');
    expect(createdBy(sql)).toEqual({
      tables: ['rate_limits'],
      views: ['registry_houses'],
      functions: ['premise_label'],
    });
  });
});
