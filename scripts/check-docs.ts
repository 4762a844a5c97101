// `npm run check:docs`: the README stays at most 10 KB, and every relative link of the Markdown files
// resolves to a file inside the repository (links to other sites and to the running service are left alone).
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const README_MAX_BYTES = 10 * 1024;

const problems: string[] = [];
const readmeBytes = statSync(join(ROOT, 'README.md')).size;
if (readmeBytes > README_MAX_BYTES) problems.push(`README.md: ${readmeBytes} bytes, more than ${README_MAX_BYTES}`);

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], { cwd: ROOT })
  .toString()
  .split('\n')
  .filter((f) => f && !f.includes('node_modules/'));
for (const file of files) {
  const lines = (await readFile(join(ROOT, file), 'utf8')).split('\n');
  lines.forEach((line, i) => {
    for (const [, target] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!target || /^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
      const path = resolve(ROOT, dirname(file), decodeURIComponent(target.split('#')[0] ?? ''));
      const inside = relative(ROOT, path);
      if (inside.startsWith('..')) problems.push(`${file}:${i + 1}: link outside the repository: ${target}`);
      else if (!existsSync(path)) problems.push(`${file}:${i + 1}: link to a missing file: ${target}`);
    }
  });
}

for (const p of problems) console.error(p);
if (problems.length) process.exit(1);
console.log(`README.md ${readmeBytes} bytes; links of ${files.length} Markdown files resolve inside the repository`);
