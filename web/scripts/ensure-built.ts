// `npm start` runs this first: builds the cabinet (web/dist) when it is missing or older than any of
// its sources, so a fresh clone and an edited checkout both serve the current front end.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'public', 'index.html', 'sw.js', 'vite.config.ts', 'tsconfig.json'];

function newest(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newest(path.join(file, name))));
}

/** Whether the browser's build (web/dist) or the prerender's (web/dist-server) is missing or older than a source file. */
export function webBuildIsStale(): boolean {
  const built = [path.join(web, 'dist', 'index.html'), path.join(web, 'dist-server', 'entry-server.js')];
  if (!built.every(existsSync)) return true;
  const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return SOURCES.map((s) => path.join(web, s))
    .filter(existsSync)
    .some((s) => newest(s) > builtAt);
}

export function ensureWebBuilt(log: (line: string) => void = console.log): void {
  if (!webBuildIsStale()) return;
  log('building the resident cabinet (web/dist, web/dist-server)…');
  // The same two builds as `npm run build:web`: the browser's, then the prerender's.
  for (const ssr of [[], ['--ssr', 'src/entry-server.tsx', '--outDir', 'dist-server']]) {
    execFileSync(
      process.execPath,
      [
        path.join(web, '..', 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        path.join(web, 'vite.config.ts'),
        '--logLevel',
        'warn',
        ...ssr,
      ],
      {
        stdio: 'inherit',
        // Under vitest NODE_ENV is "test", which would give React's development build.
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureWebBuilt();
