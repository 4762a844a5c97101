// `npm run bench -- <name>`: runs bench/<name>.ts. Each benchmark measures its own baseline in the same
// run and prints its headline figure or ratio as the last line.
import { readdir } from 'node:fs/promises';

const name = process.argv[2];
const available = (await readdir(new URL('.', import.meta.url)))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable: ${available.join(', ') || '(none yet)'}`);
  process.exit(2);
}
await import(`./${name}.ts`);
