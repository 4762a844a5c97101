// `npm run check:sql`: SQL lives only in `*.repo.ts`, `src/db/` and `src/sandbox/` (docs/conventions.md).
// Finds SQL in the string and template literals of src/, adapters/ and jobs/ elsewhere and names each
// file:line. Comments are not literals, so a comment may quote SQL.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

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

/** The SQL-looking literals of one file's source text. */
export function findSql(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) {
      text = node.head.text + node.templateSpans.map((span) => `$x${span.literal.text}`).join('');
    }
    const hit = text === undefined ? undefined : PATTERNS.find(([, re]) => re.test(text));
    if (hit && text !== undefined) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      findings.push({ file, line, kind: hit[0].toUpperCase(), text: text.replace(/\s+/g, ' ').trim().slice(0, 80) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

async function* tsFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const findings: Finding[] = [];
  for (const top of SCANNED) {
    for await (const path of tsFiles(join(ROOT, top))) {
      const file = relative(ROOT, path);
      if (!allowed(file)) findings.push(...findSql(file, await readFile(path, 'utf8')));
    }
  }
  for (const f of findings) console.error(`${f.file}:${f.line}: SQL (${f.kind}) outside a repository: ${f.text}`);
  if (findings.length) {
    const files = new Set(findings.map((f) => f.file)).size;
    console.error(
      `\n${findings.length} SQL literal(s) in ${files} file(s). SQL belongs in the owning module's *.repo.ts ` +
        '(or src/db/, src/sandbox/); see docs/conventions.md.',
    );
    process.exit(1);
  }
  console.log('no SQL outside *.repo.ts, src/db/ and src/sandbox/');
}
