import { describe, expect, it } from 'vitest';
import { findSql } from '../../scripts/check-sql.js';

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
