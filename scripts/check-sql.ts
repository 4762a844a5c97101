// `npm run check:sql`: SQL lives only in `*.repo.ts`, `src/db/` and `src/sandbox/` (docs/conventions.md).
// Finds SQL in the string and template literals of src/, adapters/ and jobs/ elsewhere and names each
// file:line. Comments are not literals, so a comment may quote SQL.
// Second, a module's repositories name only its own tables and what other modules publish
// (scripts/table-owners.ts): every table the migrations create has an owner there.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { type Module, PUBLISHED, TABLE_OWNERS } from './table-owners.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['src', 'adapters', 'jobs'];
const allowed = (path: string) =>
  path.endsWith('.repo.ts') || path.startsWith('src/db/') || path.startsWith('src/sandbox/');

// SQL is written in upper case here; the lower-case patterns need a table-shaped word after the keyword,
// so that prose ("select a house from the list") does not count.
const PATTERNS: [string, RegExp][] = [
  ['INSERT', /\bINSERT\s+INTO\s+\S/],
  ['UPDATE', /\bUPDATE\s+[\w."]+\s+(AS\s+\w+\s+)?SET\b/],
  ['DELETE', /\bDELETE\s+FROM\s+\S/],
  ['WITH', /^\s*WITH\s+(RECURSIVE\s+)?\w+\s*(\([^)]*\)\s*)?AS\s+(NOT\s+)?(MATERIALIZED\s+)?\(/],
  ['SELECT', /^\s*\(?\s*SELECT\s+\S|\bSELECT\b[\s\S]*?\bFROM\s+\S/],
  ['COPY', /\bCOPY\s+[\w."]+[\s\S]*\b(FROM|TO)\s+(STDIN|STDOUT)\b/],
  ['DDL', /\b(CREATE|ALTER|DROP|TRUNCATE)\s+(TABLE|INDEX|SCHEMA|DATABASE|EXTENSION|TYPE|FUNCTION|TRIGGER)\b/],
  ['LOCK', /\bpg_(try_)?advisory_(xact_)?lock\w*\s*\(/],
  // Transaction control belongs to src/db/ (withTransaction and its helpers).
  [
    'TRANSACTION',
    /^\s*(BEGIN|COMMIT|ROLLBACK)\s*;?\s*$|^\s*(SAVEPOINT|RELEASE\s+SAVEPOINT|ROLLBACK\s+TO\s+SAVEPOINT)\s+\w/,
  ],
  ['SET', /^\s*SET\s+(LOCAL|SESSION)\s+\w/],
  ['select', /\bselect\s+[\s\S]+?\s+from\s+[a-z_]+\s+(where|join|order by|group by|limit)\b/],
  ['insert', /\binsert\s+into\s+[a-z_]+\s*\(/],
  ['update', /\bupdate\s+[a-z_]+\s+set\s+[a-z_]+\s*=/],
  ['delete', /\bdelete\s+from\s+[a-z_]+\s+where\b/],
];

export interface Finding {
  file: string;
  line: number;
  kind: string;
  text: string;
}

/** Each string and template literal of a source text with its line (a substitution reads `$x`). */
function literals(file: string, source: string): { line: number; text: string }[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) {
      text = node.head.text + node.templateSpans.map((span) => `$x${span.literal.text}`).join('');
    }
    if (text !== undefined) found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const brief = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 80);

/** The SQL-looking literals of one file's source text. */
export function findSql(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  for (const { line, text } of literals(file, source)) {
    const hit = PATTERNS.find(([, re]) => re.test(text));
    if (hit) findings.push({ file, line, kind: hit[0].toUpperCase(), text: brief(text) });
  }
  return findings;
}

// A relation's name follows FROM, JOIN, INTO, UPDATE, USING or TABLE, or a comma in a FROM list; an alias
// may follow it. The keywords that may come next are not aliases.
const KEYWORD =
  '(?:WHERE|JOIN|LEFT|RIGHT|INNER|FULL|CROSS|NATURAL|LATERAL|ON|USING|GROUP|ORDER|LIMIT|OFFSET|SET|RETURNING|' +
  'VALUES|SELECT|UNION|EXCEPT|INTERSECT|WINDOW|HAVING|FOR|AS|DEFAULT|OVERRIDING|DO|WITH|TABLESAMPLE)\\b';
// A name directly followed by `(` is a function (`unnest(…)`); `INSERT INTO news (…)` has a space.
const NAME = '"?[a-z_][\\w.]*"?(?![\\w."(])';
const ITEM = `(?:LATERAL\\s+)?${NAME}(?:\\s+(?:AS\\s+)?(?!${KEYWORD})[a-z_]\\w*)?`;
const RELATION = new RegExp(
  `\\b(?:FROM|JOIN|INTO|UPDATE|USING|TABLE)\\s+(?:ONLY\\s+)?(${ITEM}(?:\\s*,\\s*${ITEM})*)`,
  'gi',
);
const CTE = /\b(\w+)\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(/gi;

/** The tables, views and functions a statement names (schema `public` or none; its CTEs left out). */
export function relationsOf(sql: string): string[] {
  const ctes = new Set([...sql.matchAll(CTE)].map((m) => m[1]!.toLowerCase()));
  const names = new Set<string>();
  for (const match of sql.matchAll(RELATION)) {
    for (const item of match[1]!.split(',')) {
      const name = item
        .trim()
        .replace(/^LATERAL\s+/i, '')
        .split(/\s+/)[0]!
        .replaceAll('"', '')
        .toLowerCase();
      const parts = name.split('.');
      const bare = parts.length === 1 ? parts[0]! : parts[0] === 'public' ? parts[1]! : undefined;
      if (bare && !ctes.has(bare)) names.add(bare);
    }
  }
  // A published SQL function is called, not selected from: `FROM premise_addresses($1)` or in an expression.
  for (const fn of Object.keys(PUBLISHED)) if (new RegExp(`\\b${fn}\\s*\\(`, 'i').test(sql)) names.add(fn);
  return [...names];
}

/** The module a file of src/ belongs to (`src/sync/gis/x.repo.ts` → sync). */
export const moduleOf = (file: string) => /^src\/([\w-]+)\//.exec(file)?.[1];

/** Statements of a module's repository that name another module's table or unpublished view. */
export function findForeign(file: string, source: string, owners = TABLE_OWNERS, published = PUBLISHED): Finding[] {
  const own = moduleOf(file);
  const findings: Finding[] = [];
  for (const { line, text } of literals(file, source)) {
    if (!PATTERNS.some(([, re]) => re.test(text)) && !/\b(FROM|JOIN)\s/i.test(text)) continue;
    for (const name of relationsOf(text)) {
      const owner: Module | undefined = owners[name];
      if (owner && owner !== own && published[name] !== owner)
        findings.push({ file, line, kind: `${owner}.${name}`, text: brief(text) });
    }
  }
  return findings;
}

/** The tables and views a migration's up part creates. */
export function createdBy(sql: string): { tables: string[]; views: string[]; functions: string[] } {
  const up = sql.split(/^--\s*Down Migration/m)[0]!;
  const names = (re: RegExp) => [...up.matchAll(re)].map((m) => m[1]!.toLowerCase());
  return {
    tables: names(/\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:public\.)?(\w+)/gi),
    views: names(/\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+(?:public\.)?(\w+)/gi),
    functions: names(/\bCREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(?:public\.)?(\w+)/gi),
  };
}

async function* tsFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** Problems of the ownership map against the migrations: tables without an owner, publications not created. */
export function ownershipGaps(migrations: string[]): string[] {
  const tables = new Set<string>();
  const others = new Set<string>();
  for (const sql of migrations) {
    const made = createdBy(sql);
    for (const t of made.tables) tables.add(t);
    for (const v of [...made.views, ...made.functions]) others.add(v);
  }
  const gaps: string[] = [];
  for (const t of tables) if (!TABLE_OWNERS[t]) gaps.push(`table ${t} has no owner in scripts/table-owners.ts`);
  for (const p of Object.keys(PUBLISHED))
    if (!others.has(p)) gaps.push(`published ${p} is created by no migration`);
    else if (TABLE_OWNERS[p]) gaps.push(`${p} is both a table and a publication`);
  return gaps;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const findings: Finding[] = [];
  const foreign: Finding[] = [];
  for (const top of SCANNED) {
    for await (const path of tsFiles(join(ROOT, top))) {
      const file = relative(ROOT, path);
      const source = await readFile(path, 'utf8');
      if (!allowed(file)) findings.push(...findSql(file, source));
      else if (file.endsWith('.repo.ts') && moduleOf(file) && !/^src\/(db|sandbox)\//.test(file))
        foreign.push(...findForeign(file, source));
    }
  }
  const dir = join(ROOT, 'src/db/migrations');
  const migrations = await Promise.all((await readdir(dir)).sort().map((f) => readFile(join(dir, f), 'utf8')));
  const gaps = ownershipGaps(migrations);
  for (const f of findings) console.error(`${f.file}:${f.line}: SQL (${f.kind}) outside a repository: ${f.text}`);
  for (const f of foreign) console.error(`${f.file}:${f.line}: names ${f.kind}, not its own nor published: ${f.text}`);
  for (const g of gaps) console.error(g);
  if (findings.length) {
    const files = new Set(findings.map((f) => f.file)).size;
    console.error(
      `\n${findings.length} SQL literal(s) in ${files} file(s). SQL belongs in the owning module's *.repo.ts ` +
        '(or src/db/, src/sandbox/); see docs/conventions.md.',
    );
  }
  if (foreign.length)
    console.error(
      `\n${foreign.length} statement(s) name another module's table. Call the owner's repository function, or join ` +
        "a view it publishes (scripts/table-owners.ts); see docs/conventions.md, 'Other modules' tables'.",
    );
  if (findings.length || foreign.length || gaps.length) process.exit(1);
  console.log(
    'no SQL outside *.repo.ts, src/db/ and src/sandbox/; each repository names its own tables or published ones',
  );
}
